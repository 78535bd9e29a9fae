"""Finding a build's store, and reading its recurring projects back from it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sample_corpus import make_corpus

from kg import builds, pipeline, rdf
from kg.model import Corpus, DocResult, Document, Place, Quantity
from kg.resolve import timelines


def test_locate_takes_the_build_folder_or_its_store(tmp_path):
    (tmp_path / "out" / "store").mkdir(parents=True)
    found = builds.locate(tmp_path / "out")
    assert found == builds.Build(tmp_path / "out", tmp_path / "out" / "store")
    assert builds.locate(tmp_path / "out" / "store") == found
    assert found.pages is None
    (tmp_path / "out" / "index.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    assert found.pages == tmp_path / "out"


def test_a_folder_without_a_store_is_named_when_opened(tmp_path):
    assert builds.locate(tmp_path / "new") == builds.Build(tmp_path / "new", tmp_path / "new" / "store")
    (tmp_path / "nothing").mkdir()
    found = builds.locate(tmp_path / "nothing")
    assert found.store == tmp_path / "nothing"
    with pytest.raises(rdf.StoreError, match="nothing.*kg build"):
        rdf.open_store(found.store)


def test_timelines_from_the_store_equal_those_of_the_corpus(tmp_path):
    corpus = make_corpus()
    [first] = [m for e in corpus.results[0].entities for m in e.mentions if m.stage_cue == "施工"]
    first.stage_cue = None  # its stage presumed: the store must say so, and no slip may rest on it
    rdf.save_store(rdf.corpus_to_graph(corpus), tmp_path / "store")
    with rdf.open_store(tmp_path / "store") as store:
        stored = builds.timelines(store, min_years=2)
    direct = timelines(corpus, min_years=2)
    assert stored, "the hand-made corpus has a recurring project"

    def key(found):
        return {t.id: (t.years, t.slipped, [(e.year, e.stage, e.presumed, e.mode, e.doc, e.name, e.start, e.end)
                                            for e in t.entries]) for t in found}

    assert key(stored) == key(direct)
    assert [e.presumed for t in stored for e in t.entries] == [True, False, False]
    with rdf.open_store(tmp_path / "store") as store:
        drawn = rdf.graph_view(store)  # the HTML pages' graph marks the same mention
        result = rdf.run_query(store, rdf.bundled_queries()["project-timeline"][1])  # and so does the query
    assert sorted(t["presumed"] for n in drawn.nodes if drawn.nodes[n]["type"] == "Project"
                  for t in drawn.nodes[n]["timeline"] if t["stage"]) == [False, False, True]
    assert sorted(b["presumed"]["value"] for b in result.bindings if b.get("stage", {}).get("value")) == [
        "false", "false", "true"]


def test_the_ledger_read_from_the_store_gives_a_fall_against_a_rise_below_zero(tmp_path):
    def report(doc: str, text: str, q: Quantity) -> DocResult:
        return DocResult(Document(id=doc, path=f"{doc}.txt", text=text, sha256=doc * 4),
                         district=Place("甲省", "province"), district_id="district-甲省", quantities=[q])

    corpus = Corpus([
        report("plan", "2031年，固定资产投资增长5%左右。",
               Quantity("固定资产投资", 5, "%", "change", "≈", 6, 18, 2031, "target")),
        report("review", "2031年，固定资产投资下降2.4%。",
               Quantity("固定资产投资", 2.4, "%", "change", "=", 6, 18, 2031, "result", falls=True))])
    rdf.save_store(rdf.corpus_to_graph(corpus), tmp_path / "store")
    with rdf.open_store(tmp_path / "store") as store:
        [entry] = builds.ledger(store)
        missed = rdf.run_query(store, rdf.bundled_queries()["missed-targets"][1]).bindings
    assert (entry["status"], entry["result"]["value"], entry["ratio"]) == ("missed", -2.4, -0.48)
    assert [float(b["result_value"]["value"]) for b in missed] == [-2.4]


SHARED = Path(__file__).resolve().parents[2] / "shared"
LEDGER_GOLD = Path(__file__).resolve().parents[1] / "data" / "gold" / "ledger"


@pytest.mark.skipif(not (SHARED / "corpus-gwr").is_dir(), reason="../shared/corpus-gwr is absent")
def test_the_ledger_of_two_provinces_gets_their_gold_pairs_right(tmp_path):
    """End to end on real reports (河北, 天津: 2025 targets, 2026 results), scored as a user would."""
    (tmp_path / "in").mkdir()
    (tmp_path / "gold").mkdir()
    for code in ("he", "tj"):
        for year in (2025, 2026):
            name = f"prov_{code}_{year}.txt"
            shutil.copy(SHARED / "corpus-gwr" / "provincial" / name, tmp_path / "in" / name)
        shutil.copy(LEDGER_GOLD / f"{code}.json", tmp_path / "gold")
    pipeline.build([tmp_path / "in"], tmp_path / "out", pipeline.Options(jobs=1))
    with rdf.open_store(builds.locate(tmp_path / "out").store) as store:
        (tmp_path / "ledger.json").write_text(json.dumps(builds.ledger(store), ensure_ascii=False), encoding="utf-8")
    scorer = [sys.executable, str(SHARED / "tools" / "score_ledger.py"), "--json"]
    scored = subprocess.run([*scorer, "--gold", str(tmp_path / "gold"), "--pred", str(tmp_path / "ledger.json")],
                            capture_output=True, text=True, check=True)
    assert json.loads(scored.stdout)["right_recall"] >= 0.8
