"""The CLI end to end on the bundled reports: build once, then query, validate, recur, view."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import networkx as nx
import pytest
from click.testing import CliRunner

from kg import pipeline
from kg.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(main, ["build", "-o", str(out), "-j", "1", "-q"])
    assert result.exit_code == 0, result.output
    return out


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_recurring_projects_query_returns_a_project_with_two_years(built):
    result = run("query", "recurring-projects", "--build", str(built), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert any(len(r["years"].split(",")) >= 2 for r in rows), rows[:3]
    # the store folder itself, and the build folder under the older option name, read the same graph
    for args in (("--store", str(built / "store")), ("--store", str(built))):
        assert run("query", "recurring-projects", *args, "--format", "csv").output == result.output


def test_query_list_and_bad_query(built):
    listed = run("query", "--list")
    assert "recurring-projects" in listed.output and "slipped-projects" in listed.output
    bad = run("query", "SELECT * WHERE { ?s ?p }", "--build", str(built))
    assert bad.exit_code == 2 and "line 1" in bad.output
    update = run("query", "DELETE WHERE { ?s ?p ?o }", "--build", str(built))
    assert update.exit_code == 2 and "not allowed" in update.output


def test_validate_conforms_and_missing_store_is_reported(built, tmp_path):
    assert run("validate", "--build", str(built)).output.strip() == "conforms"
    missing = run("validate", "--build", str(tmp_path / "nothing"))
    assert missing.exit_code == 2 and "kg build" in missing.output and "nothing" in missing.output


def test_extract_jsonl_equals_the_built_file(built):
    result = run("extract", "-j", "1")
    assert result.exit_code == 0
    assert result.output == (built / "extract.jsonl").read_text("utf-8")
    first = json.loads(result.output.splitlines()[0])
    assert first["district"]["name"] == "福海街道"
    assert all(e["id"] for e in first["entities"])


def test_recurring_json_has_timelines(built):
    result = run("recurring", "--build", str(built), "--format", "json")
    found = json.loads(result.output)
    assert found and all(len(t["years"]) >= 2 for t in found)
    assert all({"year", "stage", "doc", "sentence"} <= set(t["timeline"][0]) for t in found)


def test_recurring_builds_its_inputs_first(built, tmp_path):
    out = tmp_path / "out"
    result = run("recurring", str(pipeline.DEFAULT_INPUT), "--build", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    assert (out / "store").is_dir() and (out / "index.html").is_file()
    again = run("recurring", "--build", str(built), "--format", "json")
    assert json.loads(result.output) == json.loads(again.output)


def test_view_regenerates_pages_from_the_store(built):
    (built / "index.html").unlink()
    result = run("view", "--build", str(built))
    assert result.exit_code == 0 and (built / "index.html").is_file()


def test_ledger_links_a_province_s_targets_to_next_year_s_results(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "plan.txt").write_text(
        "2025年江西省政府工作报告\n江西省省长 某某\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n"
        "二、2025年工作安排\n今年经济社会发展主要预期目标是：地区生产总值增长5%左右，城镇新增就业40万人以上，"
        "粮食产量440亿斤以上。\n", encoding="utf-8")
    (reports / "review.txt").write_text(
        "2026年江西省政府工作报告\n江西省省长 某某\n各位代表：\n现在，我代表省人民政府，向大会报告工作。\n"
        "一、2025年工作回顾\n过去一年，全省地区生产总值增长4.6%，城镇新增就业38.5万人，粮食产量达到2210万吨。\n",
        encoding="utf-8")
    out = tmp_path / "out"
    assert run("build", str(reports), "-o", str(out), "-q").exit_code == 0
    result = run("ledger", "--build", str(out), "--format", "json")
    assert result.exit_code == 0, result.output
    got = {e["indicator"]: (e["status"], e["result"] and e["result"]["value"]) for e in json.loads(result.output)}
    assert got == {"地区生产总值": ("met", 4.6), "城镇新增就业": ("missed", 38.5), "粮食产量": ("met", 2210)}
    entry = next(e for e in json.loads(result.output) if e["indicator"] == "粮食产量")
    assert entry["district"] == "江西省" and entry["year"] == 2025 and entry["target"]["doc"] == "plan"
    table = run("ledger", "--build", str(out), "--district", "江西", "--year", "2025")
    assert "missed" in table.output and "城镇新增就业" in table.output


def test_export_writes_one_format_on_demand(built, tmp_path):
    from rdflib import Graph

    out = tmp_path / "g.ttl"
    result = run("export", "ttl", "--build", str(built), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(out, format="turtle")) > 1000
    assert sorted(p.name for p in built.glob("graph.*")) == ["graph.nq"]  # a build writes one interchange file
    gexf = run("export", "gexf", "--build", str(built), "-o", str(tmp_path / "g.gexf"))
    assert gexf.exit_code == 0, gexf.output
    assert any(d.get("type") == "Project" for _, d in nx.read_gexf(tmp_path / "g.gexf").nodes(data=True))
    missing = run("export", "nt", "--build", str(tmp_path / "nothing"))
    assert missing.exit_code == 2 and "kg build" in missing.output


def test_loading_the_cli_leaves_the_rdf_libraries_to_the_commands_that_read_a_build():
    """`kg extract` starts in a new process each time: importing the store and RDF stack would cost it a second."""
    code = "import sys, kg.cli; print(sorted({'rdflib', 'pyoxigraph', 'kg.rdf', 'kg.builds'} & set(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_python_dash_m_kg_runs_the_command_line():
    done = subprocess.run([sys.executable, "-m", "kg", "query", "--list"], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert "recurring-projects" in done.stdout
