"""The CLI end to end on the bundled reports: build once, then query, validate, recur, view."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

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
    result = run("query", "recurring-projects", "--store", str(built / "store"), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert any(len(r["years"].split(",")) >= 2 for r in rows), rows[:3]


def test_query_list_and_bad_query(built):
    listed = run("query", "--list")
    assert "recurring-projects" in listed.output and "slipped-projects" in listed.output
    bad = run("query", "SELECT * WHERE { ?s ?p }", "--store", str(built / "store"))
    assert bad.exit_code == 2 and "line 1" in bad.output
    update = run("query", "DELETE WHERE { ?s ?p ?o }", "--store", str(built / "store"))
    assert update.exit_code == 2 and "not allowed" in update.output


def test_validate_conforms_and_missing_store_is_reported(built, tmp_path):
    assert run("validate", "--store", str(built / "store")).output.strip() == "conforms"
    missing = run("validate", "--store", str(tmp_path / "nothing"))
    assert missing.exit_code == 2 and "kg build" in missing.output


def test_extract_jsonl_equals_the_built_file(built):
    result = run("extract", "-j", "1")
    assert result.exit_code == 0
    assert result.output == (built / "extract.jsonl").read_text("utf-8")
    first = json.loads(result.output.splitlines()[0])
    assert first["district"]["name"] == "福海街道"
    assert all(e["id"] for e in first["entities"])


def test_recurring_json_has_timelines(built):
    result = run("recurring", "--format", "json")
    found = json.loads(result.output)
    assert found and all(len(t["years"]) >= 2 for t in found)
    assert all({"year", "stage", "doc", "sentence"} <= set(t["timeline"][0]) for t in found)


def test_view_regenerates_pages_from_the_store(built):
    (built / "index.html").unlink()
    result = run("view", "--out", str(built))
    assert result.exit_code == 0 and (built / "index.html").is_file()
