"""kg.rdf.query: bundled queries, parameters, errors and the read-only guard."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_corpus import select

from kg import rdf


def test_every_bundled_query_has_a_description_and_runs(store) -> None:
    queries = rdf.bundled_queries()
    assert {"recurring-projects", "project-timeline", "slipped-projects", "projects-by-district",
            "organizations-by-project", "programs-by-year", "entities-together"} <= set(queries)
    for name, (description, text) in queries.items():
        assert len(description) > 20, name
        assert rdf.run_query(store, text).rows, name


def test_recurring_projects_gives_the_years(store) -> None:
    [row] = select(store, "recurring-projects")
    assert row["name"] == "绿洲路改造工程"
    assert row["years"] == "2022, 2023, 2024"
    assert (row["n_years"], row["reports"]) == (3, 2)


def test_slipped_projects_finds_the_plan_that_was_not_met(store) -> None:
    [row] = select(store, "slipped-projects")
    found = (row["name"], row["plan_year"], row["aimed"], row["reached"])
    assert found == ("绿洲路改造工程", 2023, "completed", "under_way")


def test_project_timeline_filters_by_alias(store) -> None:
    rows = select(store, "project-timeline", search="路段")
    assert [(r["year"], r["stage"], r["mode"], r["doc"]) for r in rows] == [
        (2022, "under_way", "review", "a-2022"), (2023, "completed", "plan", "a-2022"),
        (2024, "under_way", "review", "b-2024")]
    assert select(store, "project-timeline", search="没有这个项目") == []
    assert len(select(store, "project-timeline", search="段")) == 3  # one character: every name is read
    assert len(select(store, "project-timeline", search="绿洲路段")) == 3  # found by 绿洲, then checked whole
    assert select(store, "project-timeline", search="绿洲大道") == []


def test_other_bundled_queries(store) -> None:
    [org] = select(store, "organizations-by-project")
    assert (org["projectName"], org["organizationName"], org["evidence"]) == ("绿洲路改造工程", "星河科技公司", 2)
    [district] = select(store, "projects-by-district")
    assert (district["name"], district["n_projects"]) == ("青禾街道", 1)
    assert select(store, "projects-by-district", district_search="云山") == []  # the county locates none
    [program] = select(store, "programs-by-year")
    assert (program["first_year"], program["years"], program["name"], program["run_by"]) == (
        2023, "2023", "春雨行动", "青禾街道")
    pairs = {(r["name_a"], r["name_b"]) for r in select(store, "entities-together")}
    assert {frozenset(p) for p in pairs} >= {frozenset({"星河科技公司", "绿洲路改造工程"}),
                                             frozenset({"云山区", "青禾街道"})}


def test_unknown_parameter_is_refused(store) -> None:
    with pytest.raises(rdf.QueryError, match=r"no parameter \?name"):
        rdf.run_query(store, rdf.bundled_queries()["project-timeline"][1], params={"name": "x"})


def test_syntax_error_has_line_and_column(store) -> None:
    with pytest.raises(rdf.QueryError) as err:
        rdf.run_query(store, "SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTR(?o = 1)\n}")
    assert (err.value.line, err.value.column) == (3, 11)
    assert str(err.value).startswith("line 3, column 11: expected")


@pytest.mark.parametrize("update", [
    "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }",
    "PREFIX kg: <https://w3id.org/kg-reports/ontology#>\n# wipe it\nDELETE WHERE { ?s kg:year ?y }",
    "drop all",
    "LOAD <http://example.org/data.ttl>",
])
def test_updates_are_refused(store, update: str) -> None:
    with pytest.raises(rdf.UpdateRefused, match="read-only"):
        rdf.run_query(store, update)


def test_resolve_query_by_name_file_or_text(tmp_path: Path) -> None:
    assert rdf.resolve_query("slipped-projects") == rdf.bundled_queries()["slipped-projects"][1]
    f = tmp_path / "q.rq"
    f.write_text("ASK { ?s ?p ?o }", "utf-8")
    assert rdf.resolve_query(f"@{f}") == "ASK { ?s ?p ?o }"
    assert rdf.resolve_query("SELECT * { ?s ?p ?o }") == "SELECT * { ?s ?p ?o }"
    with pytest.raises(rdf.QueryError, match="did you mean recurring-projects"):
        rdf.resolve_query("recuring-projects")
    with pytest.raises(rdf.QueryError, match="cannot read the query file"):
        rdf.resolve_query(f"@{tmp_path / 'missing.rq'}")


def test_benchmark_corpus_is_valid_and_answers_every_query(tmp_path: Path) -> None:
    import importlib.util

    path = Path(__file__).parents[2] / "bench" / "bench_sparql.py"
    spec = importlib.util.spec_from_file_location("bench_sparql", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    graph = rdf.corpus_to_graph(bench.make_corpus(towns=1, years=range(2019, 2024)))
    conforms, report = rdf.validate(graph)
    assert conforms, report
    rdf.save_store(graph, tmp_path / "store")
    with rdf.open_store(tmp_path / "store") as store:
        for name, (_, text) in rdf.bundled_queries().items():
            assert rdf.run_query(store, text).rows, name


def test_targets_and_results_pages_by_status_or_by_district(store) -> None:
    [row] = select(store, "targets-and-results")
    assert (row["district"], row["year"], row["status"], row["result_value"]) == ("青禾街道", "2023", "missed", 280)
    assert select(store, "targets-and-results", district_search="青禾") == [row]
    assert select(store, "targets-and-results", district_search="云山") == []
    assert select(store, "targets-and-results", year_search="2024") == []
    [missed] = select(store, "missed-targets")
    assert (missed["indicator"], missed["target_value"], missed["result_value"]) == ("新增就业岗位", 300, 280)
