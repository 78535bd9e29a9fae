"""RDF mapping, store, SPARQL, SHACL and graph view on a small hand-made corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg import rdf
from kg.model import Corpus, DocResult, Document, Entity, Mention, Place, Relation, Section
from kg.rdf import KG, KGR

TEXT_A = ("2022年工作总结。青禾街道推进绿洲路改造工程施工，星河科技公司参与建设。"
          "2023年工作计划。绿洲路改造工程力争竣工，启动春雨行动。")
TEXT_B = "2024年工作总结。绿洲路段改造工程仍在施工，云山区青禾街道配合推进。"

DISTRICT, COUNTY = "district-440399001", "district-440399"
PROJECT, ORG, PROGRAM = "project-a1b2c3d4e5f6", "organization-0f1e2d3c4b5a", "program-99aa88bb77cc"


def _mention(text: str, word: str, nth: int = 0, *, section: int | None = None, **kw) -> Mention:
    """The nth occurrence of word in text, with the sentence (up to 。) around it."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    sent_start = text.rfind("。", 0, start) + 1
    sent_end = text.index("。", start) + 1
    return Mention(start, start + len(word), word, kw.pop("type", "Project"), (sent_start, sent_end),
                   section, **kw)


def _doc(doc_id: str, text: str, title: str) -> Document:
    return Document(id=doc_id, path=f"reports/{doc_id}.txt", text=text, sha256=doc_id * 4, title=title)


def make_corpus() -> Corpus:
    """Two reports naming one project for 2022, 2023 (a plan to complete it) and 2024 (still
    under way: it slipped), with an organization, a program and a district hierarchy."""
    plan_at = TEXT_A.index("2023年工作计划")
    town = Place("青禾街道", "town", "440399001", ["云山区", "海城市"])
    # report A: a review of 2022 and a plan for 2023
    p1 = _mention(TEXT_A, "绿洲路改造工程", section=0, year=2022, mode="review", stage="under_way",
                  stage_cue="施工")
    p2 = _mention(TEXT_A, "绿洲路改造工程", 1, section=1, year=2023, mode="plan", stage="completed",
                  stage_cue="力争竣工")
    org = _mention(TEXT_A, "星河科技公司", section=0, year=2022, mode="review", type="Organization")
    prog = _mention(TEXT_A, "春雨行动", section=1, year=2023, mode="plan", type="Program")
    town_a = _mention(TEXT_A, "青禾街道", section=0, year=2022, mode="review", type="District")
    a = DocResult(
        doc=_doc("a-2022", TEXT_A, "青禾街道2022年工作总结暨2023年工作计划"),
        sections=[Section("2022年工作总结", 0, plan_at, 2022, "review"),
                  Section("2023年工作计划", plan_at, len(TEXT_A), 2023, "plan")],
        district=town, district_id=DISTRICT,
        entities=[
            Entity("青禾街道", "District", ["青禾"], [town_a], DISTRICT, place=town),
            Entity("绿洲路改造工程", "Project", [], [p1, p2], PROJECT, district=DISTRICT),
            Entity("星河科技公司", "Organization", ["星河科技"], [org], ORG, district=DISTRICT),
            Entity("春雨行动", "Program", [], [prog], PROGRAM, district=DISTRICT),
        ],
        relations=[
            Relation(ORG, "participatesIn", PROJECT, "a-2022", [org, p1]),
            Relation(PROJECT, "locatedIn", DISTRICT, "a-2022", [p1]),
            Relation(PROGRAM, "runBy", DISTRICT, "a-2022", [prog]),
        ],
    )
    # report B: a review of 2024 that spells the project differently
    p3 = _mention(TEXT_B, "绿洲路段改造工程", section=0, year=2024, mode="review", stage="under_way",
                  stage_cue="仍在施工")
    county = _mention(TEXT_B, "云山区", section=0, year=2024, mode="review", type="District")
    town_b = _mention(TEXT_B, "青禾街道", section=0, year=2024, mode="review", type="District")
    b = DocResult(
        doc=_doc("b-2024", TEXT_B, ""),
        sections=[Section("2024年工作总结", 0, len(TEXT_B), 2024, "review")],
        district=town, district_id=DISTRICT,
        entities=[
            Entity("绿洲路段改造工程", "Project", [], [p3], PROJECT, district=DISTRICT),
            Entity("云山区", "District", [], [county], COUNTY,
                   place=Place("云山区", "county", "440399", ["海城市"])),
            Entity("青禾街道", "District", [], [town_b], DISTRICT, place=town),
        ],
        relations=[
            Relation(DISTRICT, "partOf", COUNTY, "b-2024", [town_b]),
            Relation(PROJECT, "cooccurs", COUNTY, "b-2024", [p3, county]),
        ],
    )
    return Corpus(results=[a, b])


@pytest.fixture(scope="module")
def graph() -> Graph:
    return rdf.corpus_to_graph(make_corpus())


@pytest.fixture(scope="module")
def store(graph: Graph, tmp_path_factory: pytest.TempPathFactory):
    path = tmp_path_factory.mktemp("kg") / "store"
    rdf.save_store(graph, path)
    with rdf.open_store(path) as s:
        yield s


def _select(store, name: str, **params: str) -> list[dict]:
    result = rdf.run_query(store, rdf.bundled_queries()[name][1], params=params)
    return [dict(zip(result.vars, row, strict=True)) for row in result.rows]


# ---- mapping --------------------------------------------------------------------------------------

def test_entity_is_one_resource_with_most_frequent_name_and_the_rest_as_aliases(graph: Graph) -> None:
    project = KGR[PROJECT]
    assert (project, RDF.type, KG.Project) in graph
    assert list(graph.objects(project, SKOS.prefLabel)) == [Literal("绿洲路改造工程")]
    assert set(graph.objects(project, SKOS.altLabel)) == {Literal("绿洲路段改造工程")}
    assert set(graph.objects(KGR[ORG], SKOS.altLabel)) == {Literal("星河科技")}
    assert graph.value(KGR[PROJECT], KG.district) == KGR[DISTRICT]


def test_district_hierarchy_level_and_code(graph: Graph) -> None:
    town = KGR[DISTRICT]
    assert (town, KG.partOf, KGR[COUNTY]) in graph
    assert graph.value(town, KG.level) == Literal("town")
    assert graph.value(town, KG.divisionCode) == Literal("440399001")
    assert graph.value(KGR[COUNTY], KG.level) == Literal("county")
    assert (KGR[PROJECT], KG.locatedIn, town) in graph
    assert graph.value(rdf.report_iri("a-2022"), DCTERMS.publisher) == town


def test_relation_provenance_leads_back_to_mention_offsets_and_sentence(graph: Graph) -> None:
    org, project = KGR[ORG], KGR[PROJECT]
    assert (org, KG.participatesIn, project) in graph
    [assertion] = graph.subjects(RDF.subject, org)
    assert graph.value(assertion, RDF.predicate) == KG.participatesIn
    assert graph.value(assertion, RDF.object) == project
    assert graph.value(assertion, KG.inReport) == rdf.report_iri("a-2022")
    spans = {}
    for m in graph.objects(assertion, PROV.wasDerivedFrom):
        start, end = graph.value(m, KG.startOffset).toPython(), graph.value(m, KG.endOffset).toPython()
        spans[str(graph.value(m, KG.text))] = TEXT_A[start:end]
        sentence = graph.value(graph.value(m, KG.inSentence), KG.text)
        assert "星河科技公司参与建设" in str(sentence)
    assert spans == {"星河科技公司": "星河科技公司", "绿洲路改造工程": "绿洲路改造工程"}


def test_summaries_derived_for_fast_queries(graph: Graph) -> None:
    project = KGR[PROJECT]
    assert graph.value(project, KG.mentionCount).toPython() == 3
    assert graph.value(project, KG.reportCount).toPython() == 2
    assert sorted(str(y) for y in graph.objects(project, KG.yearMentioned)) == ["2022", "2023", "2024"]
    [assertion] = graph.subjects(RDF.predicate, KG.participatesIn)
    assert graph.value(assertion, KG.evidenceCount).toPython() == 2
    assert graph.value(assertion, KG.sentenceCount).toPython() == 1
    [runby] = graph.subjects(RDF.predicate, KG.runBy)  # the program and its runner share no sentence
    assert graph.value(runby, KG.sentenceCount) is None


def test_slip_is_derived_from_the_plan_and_the_later_mention(graph: Graph) -> None:
    [slip] = graph.subjects(RDF.type, KG.Slip)
    assert graph.value(slip, KG.slipOf) == KGR[PROJECT]
    assert (graph.value(slip, KG.planYear), graph.value(slip, KG.aimedStage), graph.value(slip, KG.reachedStage)) == (
        Literal("2023", datatype=rdf.XSD.gYear), KG.completed, KG.under_way)
    sources = {(str(graph.value(m, KG.year)), graph.value(m, KG.mode))
               for m in graph.objects(slip, PROV.wasDerivedFrom)}
    assert sources == {("2023", KG.plan), ("2024", KG.review)}


def test_slips_are_the_ones_kg_resolve_finds() -> None:
    from kg.resolve import timelines

    corpus = make_corpus()
    # a later mention outside review and plan: resolve's timelines leave it out, and so does the graph
    later = corpus.results[1].entities[0].mentions[0]
    corpus.results[1].entities[0].mentions.append(
        Mention(later.start, later.end, later.text, "Project", later.sentence, 0, 2025, "other", "completed"))
    g = rdf.corpus_to_graph(corpus)
    findings = [f for t in timelines(corpus) for f in t.slipped]
    assert findings == ["planned completed in 2023; 2024 shows under_way"]
    [slip] = g.subjects(RDF.type, KG.Slip)
    assert g.value(slip, KG.reachedStage) == KG.under_way
    assert sorted(str(y) for y in g.objects(slip, KG.laterYear)) == ["2024"]


def test_placement_of_the_writing_district_carries_confidence_and_evidence() -> None:
    corpus = make_corpus()
    a, b = corpus.results
    a.district = Place("青禾街道", "town", "440399001", ["云山区"], confidence=0.857,
                       evidence=["甲社区, 乙社区 are communities of 青禾街道 (云山区)", "runner-up 丙街道 holds 1"])
    b.district, b.district_id = None, None  # not placed: nothing about placement
    g = rdf.corpus_to_graph(corpus)
    report = rdf.report_iri("a-2022")
    assert g.value(report, KG.placementConfidence) == Literal("0.857", datatype=rdf.XSD.decimal)
    assert {str(e) for e in g.objects(report, KG.placementEvidence)} == set(a.district.evidence)
    unplaced = rdf.report_iri("b-2024")
    assert not {*g.objects(unplaced, KG.placementConfidence), *g.objects(unplaced, KG.placementEvidence),
                *g.objects(unplaced, DCTERMS.publisher)}
    conforms, report_text = rdf.validate(g)
    assert conforms, report_text


def test_placement_without_a_publisher_or_out_of_range_is_a_violation(graph: Graph) -> None:
    broken = _copy(graph)
    report = rdf.report_iri("b-2024")
    broken.remove((report, DCTERMS.publisher, None))
    broken.set((report, KG.placementConfidence, Literal("1.5", datatype=rdf.XSD.decimal)))
    conforms, text = rdf.validate(broken)
    assert not conforms
    assert "needs the district placed (dcterms:publisher)" in text
    assert "placement confidence is at most one decimal from 0 to 1 (kg:placementConfidence)" in text


def test_mention_year_mode_stage_and_section(graph: Graph) -> None:
    start = TEXT_A.index("绿洲路改造工程", TEXT_A.index("2023年"))
    m = rdf.URIRef(f"{rdf.report_iri('a-2022')}/mention/{start}-{start + 7}")
    assert graph.value(m, KG.mentionOf) == KGR[PROJECT]
    assert graph.value(m, KG.year) == Literal("2023", datatype=rdf.XSD.gYear)
    assert graph.value(m, KG.mode) == KG.plan
    assert graph.value(m, KG.stage) == KG.completed
    assert graph.value(m, KG.stageCue) == Literal("力争竣工")
    section = graph.value(m, KG.inSection)
    assert graph.value(section, DCTERMS.isPartOf) == rdf.report_iri("a-2022")
    assert graph.value(section, KG.mode) == KG.plan


def test_iris_of_non_ascii_ids_are_percent_encoded() -> None:
    corpus = make_corpus()
    corpus.results[1].doc.id = "报告 二"
    g = rdf.corpus_to_graph(corpus)
    report = rdf.report_iri("报告 二")
    assert str(report).endswith("/report/%E6%8A%A5%E5%91%8A%20%E4%BA%8C")
    assert (report, RDF.type, KG.Report) in g
    assert g.value(report, DCTERMS.title) == Literal("报告 二")  # an untitled report is named by its id


def test_unresolved_entity_is_a_clear_error() -> None:
    corpus = make_corpus()
    corpus.results[0].entities[1].id = ""
    with pytest.raises(ValueError, match="绿洲路改造工程.*no id"):
        rdf.corpus_to_graph(corpus)


# ---- SHACL ------------------------------------------------------------------------------------------

def test_valid_graph_conforms(graph: Graph) -> None:
    conforms, report = rdf.validate(graph)
    assert conforms, report


def _copy(graph: Graph) -> Graph:
    out = Graph()
    for t in graph:
        out.add(t)
    return out


def _broken(graph: Graph) -> Graph:
    """The graph with one violation of each kind a shape looks for."""
    broken = _copy(graph)
    start = TEXT_A.index("星河科技公司")
    m = rdf.URIRef(f"{rdf.report_iri('a-2022')}/mention/{start}-{start + 6}")
    broken.remove((m, KG.endOffset, None))
    broken.add((m, KG.stage, KG.completed))  # a stage on the mention of nothing
    broken.add((m, KG.mentionOf, KGR["nobody"]))  # an entity with no triples of its own
    broken.add((rdf.report_iri("b-2024"), DCTERMS.publisher, KGR[PROJECT]))  # a publisher that is no District
    broken.set((KGR[ORG], SKOS.prefLabel, Literal("")))
    broken.add((KGR[PROJECT], KG.partOf, KGR[DISTRICT]))  # only a District is part of one
    broken.remove((KGR[COUNTY], RDF.type, None))  # the town is now part of an untyped thing
    return broken


def test_broken_graph_reports_readable_violations(graph: Graph) -> None:
    conforms, report = rdf.validate(_broken(graph))
    assert not conforms
    lines = report.splitlines()
    assert any(line.startswith("星河科技公司") and "end offset" in line and "(kg:endOffset)" in line
               for line in lines), report
    assert any("only a mention of a Project, or of works" in line for line in lines), report
    assert "kgr:nobody: needs exactly one non-empty name (skos:prefLabel) (skos:prefLabel)" in lines, report
    assert any(line.startswith("绿洲路改造工程") and "only a District can be partOf" in line for line in lines)


def test_shapes_are_checked_as_written_in_shapes_ttl(graph: Graph) -> None:
    """validate lifts nested property shapes to top level (faster in pyshacl): same findings."""
    broken = _broken(graph)
    as_written = rdf._shacl(broken, Graph().parse(rdf.SHAPES, format="turtle"))
    assert rdf._shacl(broken, rdf._shapes()) == as_written
    assert len(as_written[1]) >= 8


@pytest.mark.parametrize(("batch", "jobs"), [(1, 1), (40, 1), (100_000, 1), (1, 2), (40, 2)])
def test_store_is_validated_in_batches_as_the_whole_graph(graph: Graph, tmp_path: Path, batch: int,
                                                          jobs: int) -> None:
    broken = _broken(graph)
    rdf.save_store(broken, tmp_path / "store")
    assert rdf.validate_store(tmp_path / "store", batch=batch, jobs=jobs) == rdf.validate(broken)
    rdf.save_store(graph, tmp_path / "valid")
    assert rdf.validate_store(tmp_path / "valid", batch=batch, jobs=jobs) == (True, "conforms")


@pytest.mark.parametrize("jobs", [1, 2])
def test_validate_store_on_a_missing_store_says_so(tmp_path: Path, jobs: int) -> None:
    with pytest.raises(rdf.StoreError, match="no Oxigraph store"):
        rdf.validate_store(tmp_path / "nothing", jobs=jobs)


# ---- store and exports -----------------------------------------------------------------------------

def test_store_round_trip(graph: Graph, store) -> None:
    assert len(store) == len(graph)
    again = rdf.open_store(store.path)
    assert len(again) == len(graph)


def test_save_store_refuses_a_folder_in_use(graph: Graph, store) -> None:
    with pytest.raises(FileExistsError, match="not empty"):
        rdf.save_store(graph, store.path)


def test_open_store_on_a_missing_folder_says_so(tmp_path: Path) -> None:
    with pytest.raises(rdf.StoreError, match="no Oxigraph store"):
        rdf.open_store(tmp_path / "nothing")


def test_streamed_build_holds_exactly_the_rdflib_mapping(graph: Graph, tmp_path: Path) -> None:
    from rdflib.compare import isomorphic

    count = rdf.write_graph(make_corpus(), tmp_path)
    assert count == len(graph)
    with rdf.open_store(tmp_path / "store") as store:
        stored = Graph()
        for q in store.store:
            stored.add(rdf._rdflib_triple(q))
    assert isomorphic(stored, graph)
    for ext, fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        assert isomorphic(Graph().parse(tmp_path / f"graph.{ext}", format=fmt), graph), ext
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(tmp_path / "graph.nq", format="nquads")
    assert isomorphic(ds.graph(rdf.URIRef(rdf.DATASET_GRAPH)), graph)


def test_a_triple_mapped_twice_is_stored_once(tmp_path: Path) -> None:
    corpus = make_corpus()
    twice = corpus.results[0].entities[1]  # the same project recorded twice in one report
    corpus.results[0].entities.append(twice)
    quads = list(rdf.quads(corpus))
    assert len(quads) > len(set(quads))
    assert rdf.save_store(iter(quads), tmp_path / "store") == len(set(quads)) == len(rdf.corpus_to_graph(corpus))


def test_exports_parse_back_to_the_same_triples(graph: Graph, tmp_path: Path) -> None:
    paths = rdf.export(graph, tmp_path)
    assert set(paths) == {"ttl", "nt", "nq", "jsonld"}
    for ext, fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        assert len(Graph().parse(paths[ext], format=fmt)) == len(graph), ext
    from rdflib import Dataset

    ds = Dataset()
    ds.parse(paths["nq"], format="nquads")
    assert len(ds.graph(rdf.URIRef(rdf.DATASET_GRAPH))) == len(graph)


# ---- bundled queries ---------------------------------------------------------------------------------

def test_every_bundled_query_has_a_description_and_runs(store) -> None:
    queries = rdf.bundled_queries()
    assert {"recurring-projects", "project-timeline", "slipped-projects", "projects-by-district",
            "organizations-by-project", "programs-by-year", "entities-together"} <= set(queries)
    for name, (description, text) in queries.items():
        assert len(description) > 20, name
        assert rdf.run_query(store, text).rows, name


def test_recurring_projects_gives_the_years(store) -> None:
    [row] = _select(store, "recurring-projects")
    assert row["name"] == "绿洲路改造工程"
    assert row["years"] == "2022, 2023, 2024"
    assert (row["n_years"], row["reports"]) == (3, 2)


def test_slipped_projects_finds_the_plan_that_was_not_met(store) -> None:
    [row] = _select(store, "slipped-projects")
    found = (row["name"], row["plan_year"], row["aimed"], row["reached"])
    assert found == ("绿洲路改造工程", 2023, "completed", "under_way")


def test_project_timeline_filters_by_alias(store) -> None:
    rows = _select(store, "project-timeline", search="路段")
    assert [(r["year"], r["stage"], r["mode"], r["doc"]) for r in rows] == [
        (2022, "under_way", "review", "a-2022"), (2023, "completed", "plan", "a-2022"),
        (2024, "under_way", "review", "b-2024")]
    assert _select(store, "project-timeline", search="没有这个项目") == []


def test_other_bundled_queries(store) -> None:
    [org] = _select(store, "organizations-by-project")
    assert (org["projectName"], org["organizationName"], org["evidence"]) == ("绿洲路改造工程", "星河科技公司", 2)
    [district] = _select(store, "projects-by-district")
    assert (district["name"], district["n_projects"]) == ("青禾街道", 1)
    [program] = _select(store, "programs-by-year")
    assert (program["first_year"], program["years"], program["name"], program["run_by"]) == (
        2023, "2023", "春雨行动", "青禾街道")
    pairs = {(r["name_a"], r["name_b"]) for r in _select(store, "entities-together")}
    assert {frozenset(p) for p in pairs} >= {frozenset({"星河科技公司", "绿洲路改造工程"}),
                                             frozenset({"云山区", "青禾街道"})}


def test_unknown_parameter_is_refused(store) -> None:
    with pytest.raises(rdf.QueryError, match=r"no parameter \?name"):
        rdf.run_query(store, rdf.bundled_queries()["project-timeline"][1], params={"name": "x"})


# ---- run_query errors ------------------------------------------------------------------------------

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


def _query_processes(store_dir: Path) -> set[int]:
    """Live query processes serving store_dir (zombies excluded), read from /proc."""
    found = set()
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes().split(b"\0")
            state = (proc / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if str(store_dir).encode() in cmd and any(b"_worker_main" in c for c in cmd) and state != "Z":
            found.add(int(proc.name))
    return found


def test_runaway_query_times_out_and_store_stays_usable(tmp_path: Path) -> None:
    g = Graph()
    for i in range(300):
        g.add((KGR[f"n{i}"], KG.rank, Literal(i)))
    path = tmp_path / "store"
    rdf.save_store(g, path)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    with rdf.open_store(path) as store:
        assert rdf.run_query(store, count).rows == [(300,)]
        first = _query_processes(path)
        product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"  # 300^4 rows
        with pytest.raises(rdf.QueryTimeout, match="longer than 0.5 s"):
            rdf.run_query(store, product, timeout=0.5)
        assert rdf.run_query(store, count).rows == [(300,)]
        now = _query_processes(path)
        assert len(first) == len(now) == 1 and not first & now  # the runaway one was killed, not left running
    assert not _query_processes(path)


# ---- resolve_query and formats -----------------------------------------------------------------------

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


def test_formats(store) -> None:
    result = rdf.run_query(store, "PREFIX kg: <https://w3id.org/kg-reports/ontology#>\n"
                                  "SELECT ?s ?y WHERE { ?s a kg:Section ; kg:year ?y } ORDER BY ?y")
    table = rdf.format_result(result, "table").splitlines()
    assert table[0].split() == ["s", "y"]
    assert table[2].startswith("kgr:report/a-2022/section/0") and table[2].endswith("2022")
    assert table[-1] == "(3 rows)"
    csv_lines = rdf.format_result(result, "csv").splitlines()
    assert csv_lines[0] == "s,y" and csv_lines[1] == f"{rdf.report_iri('a-2022')}/section/0,2022"
    data = json.loads(rdf.format_result(result, "json"))
    assert data["head"]["vars"] == ["s", "y"]
    assert data["results"]["bindings"][0]["y"]["datatype"] == str(rdf.XSD.gYear)
    ask = rdf.run_query(store, "ASK { ?s ?p ?o }")
    assert ask.boolean is True and json.loads(rdf.format_result(ask, "json"))["boolean"] is True
    construct = rdf.run_query(store, "PREFIX kg: <https://w3id.org/kg-reports/ontology#>\n"
                                     "CONSTRUCT { ?a kg:partOf ?b } WHERE { ?a kg:partOf ?b }")
    assert construct.triples == [(KGR[DISTRICT], KG.partOf, KGR[COUNTY])]
    assert f"kgr:{DISTRICT} kg:partOf kgr:{COUNTY}" in rdf.format_result(construct, "table")


def test_table_aligns_chinese_by_display_width(store) -> None:
    result = rdf.run_query(store, "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                                  "SELECT ?name ?n WHERE { ?e skos:prefLabel ?name BIND(1 AS ?n) }")
    rows = rdf.format_result(result, "table").splitlines()[2:-1]
    assert len({rdf._width(r[:-1]) for r in rows}) == 1  # the last column starts at one display column


# ---- graph view ------------------------------------------------------------------------------------------

def test_graph_view_nodes_edges_and_timeline(store) -> None:
    g = rdf.graph_view(store)
    p = g.nodes[PROJECT]
    assert (p["label"], p["type"], p["mentions"]) == ("绿洲路改造工程", "Project", 3)
    assert p["aliases"] == ["绿洲路段改造工程"]
    assert p["years"] == [2022, 2023, 2024] and p["docs"] == ["a-2022", "b-2024"]
    assert p["district"] == DISTRICT and p["slipped"] is True
    assert [(t["year"], t["stage"], t["mode"], t["doc"]) for t in p["timeline"]] == [
        (2022, "under_way", "review", "a-2022"), (2023, "completed", "plan", "a-2022"),
        (2024, "under_way", "review", "b-2024")]
    assert "力争竣工" in p["timeline"][1]["sentence"]
    town = g.nodes[DISTRICT]
    assert (town["level"], town["code"], town["district"]) == ("town", "440399001", None)
    assert g.edges[ORG, PROJECT, "participatesIn"] == {"relation": "participatesIn", "weight": 2}
    assert g.edges[DISTRICT, COUNTY, "partOf"]["weight"] == 1
    assert {r["doc"] for r in g.graph["reports"]} == {"a-2022", "b-2024"}


def test_default_corpus_end_to_end(tmp_path: Path) -> None:
    pipeline = pytest.importorskip("kg.pipeline")
    corpus = pipeline.build_corpus([Path(__file__).parent.parent / "data" / "reports"])
    graph = rdf.corpus_to_graph(corpus)
    conforms, report = rdf.validate(graph)
    assert conforms, report
    rdf.save_store(graph, tmp_path / "store")
    with rdf.open_store(tmp_path / "store") as store:
        recurring = _select(store, "recurring-projects")
        assert recurring and all(r["n_years"] >= 2 for r in recurring)
        view = rdf.graph_view(store)
    assert view.number_of_nodes() > 20 and view.number_of_edges() > 0


def test_benchmark_corpus_is_valid_and_answers_every_query(tmp_path: Path) -> None:
    import importlib.util

    path = Path(__file__).parent.parent / "bench" / "bench_sparql.py"
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


def test_every_ontology_term_has_chinese_and_english_label_and_comment() -> None:
    from rdflib.namespace import OWL, RDFS

    onto = Graph().parse(rdf.ONTOLOGY, format="turtle")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual)
    terms = {s for k in kinds for s in onto.subjects(RDF.type, k) if str(s).startswith(str(KG))}
    assert len(terms) > 40
    for term in terms:
        for p in (RDFS.label, RDFS.comment):
            assert {o.language for o in onto.objects(term, p)} >= {"zh", "en"}, (term, p)


def test_a_section_is_derived_from_the_evidence_that_dated_it() -> None:
    from kg.model import Evidence

    corpus = make_corpus()
    section = corpus.results[1].sections[0]
    section.year, section.evidence = 2024, [Evidence("opening", "2024年", 0, 5),
                                            Evidence("published", "发布时间: 2025-01-10")]
    graph = rdf.corpus_to_graph(corpus)
    node = rdf.report_iri("b-2024") + "/section/0"
    evidence = sorted(graph.objects(node, PROV.wasDerivedFrom),
                      key=lambda e: graph.value(e, KG.evidenceRank).toPython())
    assert [(graph.value(e, KG.evidenceKind).toPython(), graph.value(e, KG.text).toPython()) for e in evidence] == [
        ("opening", "2024年"), ("published", "发布时间: 2025-01-10")]
    assert graph.value(evidence[0], KG.endOffset).toPython() == 5
    assert graph.value(evidence[1], KG.startOffset) is None  # metadata is not in the text
    conforms, report = rdf.validate(graph)
    assert conforms, report
    graph.set((evidence[0], KG.evidenceKind, Literal("hunch")))
    assert not rdf.validate(graph)[0]
