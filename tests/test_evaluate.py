"""kg eval: the scorer's metrics on invented gold/prediction fixtures, and figure-for-figure
agreement with shared/tools/score.py (when that script is present) on the fixtures and on the
real extraction of data/reports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import evaluate as ev
from kg.cli import main

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "tools" / "score.py"
DEV_GOLD = SHARED / "gold" / "dev"


def ent(name: str, type_: str, id_: str = "", years: dict[int, str | None] | None = None) -> dict:
    """A predicted entity with one mention per year (year → stage)."""
    mentions = [{"start": 0, "end": 1, "year": y, "mode": "review", "stage": s}
                for y, s in (years or {}).items()]
    return {"id": id_ or name, "name": name, "type": type_, "aliases": [], "mentions": mentions}


def gold_ent(name: str, *types: str, optional: bool = False, aliases: tuple[str, ...] = ()) -> dict:
    return {"name": name, "types": list(types), "aliases": list(aliases), "optional": optional}


GOLD_DOCS = [
    {"doc": "d1", "district": {"name": "青岚街道", "parents": ["云川区"]},
     "sections": [{"year": 2021, "mode": "review"}, {"year": 2022, "mode": "plan"}],
     "entities": [gold_ent("青岚街道", "District", aliases=("青岚",)),
                  gold_ent("松涛科技产业园", "Project"),
                  gold_ent("云栖湖生态公园提升工程", "Project"),
                  gold_ent("白鹭洲文化中心", "Project", "Organization"),
                  gold_ent("星河商会", "Organization"),
                  gold_ent("晨光助学计划", "Program", optional=True),
                  gold_ent("望江路", "Project", optional=True),
                  gold_ent("林青岩", "Person")],
     "timeline": [{"project": "松涛科技产业园", "aliases": [], "year": 2021, "stage": "started"},
                  {"project": "云栖湖生态公园提升工程", "aliases": [], "year": 2022, "stage": "completed"},
                  {"project": "海棠路改造", "aliases": [], "year": 2021, "stage": "planned"}]},
    {"doc": "d2", "district": {"name": "石门镇", "parents": []},
     "sections": [{"year": 2022, "mode": "plan"}],
     "entities": [gold_ent("石门水库", "Project")]},
]
CLUSTERS = [
    {"cluster": "松涛科技产业园", "entries": [{"doc": "d1", "year": 2021, "name": "松涛科技产业园"},
                                        {"doc": "d1", "year": 2022, "name": "松涛产业园"}]},
    {"cluster": "石门水库", "entries": [{"doc": "d2", "year": 2021, "name": "石门水库"},
                                    {"doc": "d2", "year": 2022, "name": "石门水库"}]},
    {"cluster": "云栖湖生态公园", "entries": [{"doc": "d1", "year": 2021, "name": "云栖湖生态公园提升工程"},
                                       {"doc": "d1", "year": 2022, "name": "云栖湖生态公园"}]},
    {"cluster": "北滨大道", "entries": [{"doc": "d1", "year": 2021, "name": "北滨大道"},  # two shortest names
                                    {"doc": "d1", "year": 2022, "name": "滨江大道"}]},
]
PREDS = [
    {"doc": "d1", "district": {"name": "青岚街道", "parents": []},
     "sections": [{"title": "", "year": 2021, "mode": "review"}, {"title": "", "year": 2022, "mode": "plan"},
                  {"title": "", "year": None, "mode": "other"}],
     "entities": [ent("青岚街道", "District"),
                  ent("松涛科技产业园", "Project", "P1", {2021: "started", 2022: "completed"}),
                  ent("云栖湖生态公园提升", "Project", "P2", {2022: "under_way"}),  # near cover: 9 of 11
                  ent("白鹭洲文化中心", "Organization"),  # one of its gold types
                  ent("星河商会", "Program"),  # right name, wrong type
                  ent("晨光助学计划", "Program"),  # optional gold: costs nothing
                  ent("望江路", "Project", "P4", {2021: None, 2022: "planned"}),  # optional, recurs
                  ent("园区", "Project"),  # false positive: two characters cover nothing
                  ent("青岚街道办事处", "Event")]},  # not a scored type: ignored
    {"doc": "d2.txt", "district": {"name": "石门乡"}, "sections": [{"year": 2022, "mode": "review"}],
     "entities": [ent("石门水库", "Project", "P3", {2021: "started", 2022: "completed"})]},
    {"doc": "d9", "district": None, "sections": [],  # no gold: ignored, even its recurring project
     "entities": [ent("远山隧道", "Project", "P9", {2021: "started", 2022: "completed"})]},
]


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for g in GOLD_DOCS:
        (folder / f"{g['doc']}.json").write_text(json.dumps(g, ensure_ascii=False), "utf-8")
    (folder / "recurrence_a.json").write_text(json.dumps(CLUSTERS, ensure_ascii=False), "utf-8")
    return folder


@pytest.fixture
def pred_file(tmp_path: Path) -> Path:
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in PREDS), "utf-8")
    return path


@pytest.fixture
def result(gold_dir: Path) -> ev.Evaluation:
    return ev.evaluate(ev.load_gold(gold_dir), PREDS)


def test_near_cover_rule():
    assert ev.same({"云栖湖生态公园"}, {"云栖湖生态公园提升工程"})  # 7 of 11 ≥ 0.6
    assert not ev.same({"生态公园"}, {"云栖湖生态公园提升工程"})  # 4 of 11
    assert not ev.same({"松涛"}, {"松涛园"})  # 2 of 3, but under three characters
    assert ev.same({"松涛"}, {"松涛"})
    assert ev.spellings({"name": "“晨光”助学计划（二期）", "aliases": None}) == {"晨光助学计划二期"}


def test_typed_counts(result: ev.Evaluation):
    s = result.summary()["entities_typed"]
    got = {t: (v["tp"], v["fp"], v["fn"]) for t, v in s.items()}
    assert got == {"District": (1, 0, 0), "Project": (3, 1, 0), "Organization": (1, 0, 1),
                   "Program": (0, 1, 0), "Person": (0, 0, 1), "all": (5, 2, 2)}
    assert s["all"]["p"] == s["all"]["r"] == s["all"]["f1"] == 0.714


def test_type_mismatch_costs_only_typed(result: ev.Evaluation):
    u = result.summary()["entities_untyped"]
    assert (u["tp"], u["fp"], u["fn"]) == (6, 1, 1)
    assert {(m.doc, m.name) for m in result.false_positives} == {("d1", "星河商会"), ("d1", "园区")}
    assert {(m.doc, m.types, m.name) for m in result.false_negatives} == {
        ("d1", ("Organization",), "星河商会"), ("d1", ("Person",), "林青岩")}


def test_false_negatives_show_the_nearest_prediction(result: ev.Evaluation):
    nearest = {m.name: m.nearest for m in result.false_negatives}
    assert nearest == {"星河商会": ("Program", "星河商会"), "林青岩": None}
    assert "星河商会   ~ Program 星河商会" in ev.render_errors(result, 20)


def test_document_facts(result: ev.Evaluation):
    s = result.summary()
    assert (s["documents"], s["district_accuracy"], s["sections_accuracy"]) == (2, 0.5, 0.5)
    assert [(m.doc, m.gold, m.predicted) for m in result.district_misses] == [("d2", "石门镇", "石门乡")]
    assert [(m.gold, m.predicted) for m in result.section_misses] == [("2022 plan", "2022 review")]


def test_timeline(result: ev.Evaluation):
    assert result.summary()["timeline_accuracy"] == 0.333
    got = [(m.project, m.year, m.stage, m.predicted, m.stages) for m in result.timeline_misses]
    assert got == [("云栖湖生态公园提升工程", 2022, "completed", "云栖湖生态公园提升", ["under_way"]),
                   ("海棠路改造", 2021, "planned", None, [])]


def test_recurrence(result: ev.Evaluation):
    r = result.summary()["recurrence"]
    assert (r["tp"], r["fp"], r["fn"], r["missed"]) == (2, 1, 2, ["云栖湖生态公园", "北滨大道"])
    assert result.recurrence is not None and result.recurrence.spurious == ["望江路"]


def test_missing_prediction_scores_zero(gold_dir: Path):
    s = ev.evaluate(ev.load_gold(gold_dir), []).summary()
    assert (s["entities_typed"]["all"]["tp"], s["entities_typed"]["all"]["fn"]) == (0, 7)
    assert s["district_accuracy"] == s["sections_accuracy"] == s["timeline_accuracy"] == 0.0


def test_errors_are_sampled_across_types():
    misses = [ev.Miss("d", ("Project",), f"项目{i}") for i in range(5)] + [ev.Miss("d", ("Person",), "某人")]
    shown = ev.sample_by_type(misses, 3)
    assert [(t, len(ms)) for t, ms in shown.items()] == [("Project", 2), ("Person", 1)]


def test_bad_input_names_file_and_reason(tmp_path: Path, gold_dir: Path):
    bad_doc = {"doc": "d3", "entities": [gold_ent("某地", "Place")]}
    (gold_dir / "d3.json").write_text(json.dumps(bad_doc), "utf-8")
    with pytest.raises(ev.EvalError, match=r"d3\.json: .*types"):
        ev.load_gold(gold_dir)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "d1"}\n{oops\n', "utf-8")
    with pytest.raises(ev.EvalError, match=r"bad\.jsonl: line 2: not JSON"):
        ev.load_predictions(bad)
    with pytest.raises(ev.EvalError, match="not a folder"):
        ev.load_gold(tmp_path / "none")


def test_cli_table_errors_and_json(gold_dir: Path, pred_file: Path, result: ev.Evaluation):
    args = ["eval", "--gold", str(gold_dir), "--pred", str(pred_file)]
    run = CliRunner().invoke(main, [*args, "--examples", "5"])
    assert run.exit_code == 0, run.output
    assert run.output.startswith(ev.render_table(result))
    assert "false negatives: 2 (showing 2)" in run.output
    assert "海棠路改造: gold planned, predicted not found" in run.output
    run = CliRunner().invoke(main, [*args, "--json"])
    assert json.loads(run.output) == result.summary()


def test_cli_bad_input_is_an_error_not_a_traceback(tmp_path: Path, gold_dir: Path, pred_file: Path):
    run = CliRunner().invoke(main, ["eval", "--gold", str(tmp_path / "none"), "--pred", str(pred_file)])
    assert run.exit_code == 1 and "none: not a folder" in run.output and run.exception is not None
    assert isinstance(run.exception, SystemExit)
    run = CliRunner().invoke(main, ["eval", "--gold", str(gold_dir), "--pred", str(pred_file), "x.txt"])
    assert run.exit_code == 2 and "give no INPUTS" in run.output


# ---------------------------------------------------------------- agreement with score.py

def scorer(gold: Path, pred: Path, *extra: str) -> str:
    """score.py's output; one hash seed for every run, so its choice among tied names is the same."""
    done = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), *extra],
                          capture_output=True, text=True, encoding="utf-8", check=True,
                          env={**os.environ, "PYTHONHASHSEED": "0"})
    return done.stdout


def stable_names(missed: list[str], gold: Path) -> list[str]:
    """score.py names a missed cluster by whichever of its equally short spellings its set yields
    first (hash order, so it varies between runs); kg takes the alphabetically first."""
    pick = {}
    for c in ev.load_gold(gold).clusters:
        names = {ev.norm(x["name"]) for x in c["entries"]} | {ev.norm(c["cluster"])}
        first = ev.shortest(names)
        pick.update({n: first for n in names if len(n) == len(first)})
    return [pick.get(n, n) for n in missed]


def assert_agrees(gold: Path, pred: Path) -> None:
    """Every figure of score.py --json equals kg's, and so does its table (barring tied names)."""
    mine = ev.evaluate(ev.load_gold(gold), ev.load_predictions(pred))
    theirs = json.loads(scorer(gold, pred, "--json"))
    tied = False
    if "recurrence" in theirs:
        missed = theirs["recurrence"]["missed"]
        theirs["recurrence"]["missed"] = stable_names(missed, gold)
        tied = missed != theirs["recurrence"]["missed"]
    assert theirs == mine.summary()
    if not tied:
        assert scorer(gold, pred) == ev.render_table(mine) + "\n"


needs_scorer = pytest.mark.skipif(not SCORER.exists(), reason="shared/tools/score.py is not here")


@needs_scorer
def test_agrees_with_scorer_on_fixtures(gold_dir: Path, pred_file: Path):
    assert_agrees(gold_dir, pred_file)


@pytest.fixture(scope="module")
def corpus_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kg extract` of the bundled reports, once per module."""
    from kg import pipeline

    path = tmp_path_factory.mktemp("extract") / "extract.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        pipeline.write_jsonl(pipeline.build_corpus().results, fh)
    return path


@needs_scorer
@pytest.mark.skipif(not DEV_GOLD.is_dir(), reason="shared/gold/dev is not here")
def test_agrees_with_scorer_on_real_extraction(corpus_jsonl: Path):
    assert_agrees(DEV_GOLD, corpus_jsonl)


def _figures(*figures: tuple[str, float, str, int, str]) -> dict:
    """A document record with these quantities (indicator, value, unit, year, mode) and no entities."""
    return {"doc": "q", "entities": [], "quantities": [
        {"indicator": i, "value": v, "unit": u, "year": y, "mode": m} for i, v, u, y, m in figures]}


def test_quantities_match_after_magnitude_prefixes_and_by_indicator():
    gold = ev.Gold({"q": _figures(("服务群众", 1.2, "万人次", 2022, "result"),
                                  ("新增企业", 66, "家", 2023, "target"))}, [])
    pred = _figures(("服务群众", 12000, "人次", 2022, "result"), ("新增企业", 66, "家", 2023, "result"))
    result = ev.evaluate(gold, [pred])
    assert result.summary()["quantities"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    # the miss is listed with the prediction of the same amount, whose mode differs
    assert "q: 新增企业 66家 2023 target   ~ 新增企业 2023 result" in ev.render_errors(result, 20)
    assert "quantities" not in ev.evaluate(ev.Gold({"q": {"doc": "q", "entities": []}}, []), [pred]).summary()


def test_a_quantity_miss_points_to_a_prediction_no_other_gold_figure_took():
    gold = ev.Gold({"q": _figures(("新建公园", 3, "个", 2022, "result"), ("改造小区", 3, "个", 2022, "result"))}, [])
    pred = _figures(("新建公园", 3, "个", 2022, "result"), ("小区道路", 3, "个", 2022, "result"))
    assert "q: 改造小区 3个 2022 result   ~ 小区道路 2022 result" in ev.render_errors(ev.evaluate(gold, [pred]), 20)
