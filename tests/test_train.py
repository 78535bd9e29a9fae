"""Training: gold folders → a model file, deterministic, and one that learns what the gold says."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import train
from kg.cli import main
from kg.extract import extract
from kg.extract.decide import Model
from kg.model import Document
from kg.structure.trained import unheaded_features

# Invented reports: companies listed before their class noun (甲、乙等优质企业), and a quoted
# campaign that no gold annotates (what names nothing, for both models).
BRANDS = ["蓝鲸智联", "澜石科创", "星梭数据", "沐川精工", "赤岩优品", "青柚云仓"]
TEMPLATE = ("一、2021年工作总结\n{town}街道全年引进{a}、{b}等优质企业，开展“暖心护航”行动，"
            "{town}街道新建{park}产业园。")
TOWNS = [("溪桥", "锦川"), ("枫林", "云杉"), ("松湾", "石梁")]


def write_gold(folder: Path, with_brands: bool) -> Path:
    (folder / "texts").mkdir(parents=True)
    for k, (town, park) in enumerate(TOWNS):
        a, b = BRANDS[2 * k], BRANDS[2 * k + 1]
        text = TEMPLATE.format(town=town, a=a, b=b, park=park)
        (folder / "texts" / f"d{k}.txt").write_text(text, encoding="utf-8")
        entities = [{"name": f"{town}街道", "types": ["District"]}, {"name": f"{park}产业园", "types": ["Project"]}]
        if with_brands:
            entities += [{"name": a, "types": ["Organization"]}, {"name": b, "types": ["Organization"]}]
        gold = {"doc": f"d{k}", "district": None, "sections": [{"year": 2021, "mode": "review"}],
                "entities": entities, "timeline": []}
        (folder / f"d{k}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


def organizations(model, text: str) -> set[str]:
    doc = Document("new", "new.txt", text, hashlib.sha256(text.encode()).hexdigest())
    return {e.name for e in extract(doc, model).entities if e.type == "Organization"}


def test_training_is_deterministic(tmp_path):
    docs = train.load([write_gold(tmp_path / "gold", with_brands=True)])
    first = train.train(docs, threshold=0.5, tagger_path=tmp_path / "a.crf")
    second = train.train(docs, threshold=0.5, tagger_path=tmp_path / "b.crf")
    assert first.to_json().replace('"a.crf"', '"b.crf"') == second.to_json()
    assert (tmp_path / "a.crf").read_bytes() == (tmp_path / "b.crf").read_bytes()  # the tagger too
    assert dict(first.meta)["documents"] == "3"


def test_a_gold_folder_held_out_from_the_tagger_teaches_only_the_decision(tmp_path):
    gold = write_gold(tmp_path / "gold", with_brands=True)
    model = tmp_path / "m.json"
    run = CliRunner().invoke(main, ["train", "--gold", str(gold), "-o", str(model), "--threshold", "0.5",
                                    "--tagger-held-out", str(gold)])
    assert run.exit_code == 0, run.output
    assert "tagger" not in json.loads(model.read_text(encoding="utf-8"))  # nothing left to learn from
    assert not (tmp_path / "m.crf").exists()
    assert json.loads(model.read_text(encoding="utf-8"))["weights"]  # the decision learnt all the same


def test_a_model_learns_what_its_gold_annotates(tmp_path):
    learnt = train.train(train.load([write_gold(tmp_path / "with", with_brands=True)]), threshold=0.5)
    ignored = train.train(train.load([write_gold(tmp_path / "without", with_brands=False)]), threshold=0.5)
    text = "一、2022年工作总结\n桐江街道全年引进银杏星图、松针数智等优质企业，桐江街道新建柳岸产业园。"
    assert "银杏星图" in organizations(learnt, text)
    assert "银杏星图" not in organizations(ignored, text)
    # both still find the park, which both golds annotate
    for model in (learnt, ignored):
        doc = Document("new", "new.txt", text, hashlib.sha256(text.encode()).hexdigest())
        assert "柳岸产业园" in {e.name for e in extract(doc, model).entities if e.type == "Project"}


def test_folds_hold_out_whole_sources(tmp_path):
    docs = train.load([write_gold(tmp_path / "gold", with_brands=True)])
    docs[1].group = docs[0].group  # two documents from one site
    folds = train.folds(docs, 3)
    assert sum(len(f) for f in folds) == 2 and all(f for f in folds)
    assert any(docs[0].group in f for f in folds)


def test_training_gold_beside_the_cross_validation_trains_its_folds_and_is_never_scored(tmp_path):
    scored = tmp_path / "mine"
    (scored / "texts").mkdir(parents=True)
    for k, (town, a, b) in enumerate([("桐江", "银杏星图", "松针数智"), ("柳岸", "雾岭科技", "石竹云链")]):
        (scored / "texts" / f"d{k}.txt").write_text(TEMPLATE.format(town=town, a=a, b=b, park="白鹭"), encoding="utf-8")
        entities = [{"name": f"{town}街道", "types": ["District"]}, {"name": "白鹭产业园", "types": ["Project"]}]
        gold = {"doc": f"d{k}", "district": None, "sections": [{"year": 2021, "mode": "review"}], "timeline": [],
                "entities": entities}
        (scored / f"d{k}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    mine = train.load([scored])
    extra = train.load([write_gold(tmp_path / "more", with_brands=True)])
    items = train.prepare([*mine, *extra], 3)
    alone = train.cross_validate(items[:2], 3, thresholds=(0.5,))[0.5]
    helped = train.cross_validate(items[:2], 3, thresholds=(0.5,), train_only=items[2:])[0.5]
    assert sorted(r["doc"] for r in helped) == ["d0", "d1"]  # the training gold is never predicted

    def orgs(records: list[dict]) -> set[str]:
        return {e["name"] for r in records for e in r["entities"] if e["type"] == "Organization"}
    assert not orgs(alone) & {"银杏星图", "雾岭科技"}  # my gold names no company: nothing teaches them
    assert orgs(helped) & {"银杏星图", "雾岭科技"}  # the other gold's companies before 等优质企业 do


def test_cli_eval_cross_validates_with_training_gold_only_when_asked(tmp_path):
    mine, more = write_gold(tmp_path / "mine", with_brands=True), write_gold(tmp_path / "more", with_brands=True)
    run = CliRunner().invoke(main, ["eval", "--gold", str(mine), "--train-gold", str(more)])
    assert run.exit_code == 2 and "give --cv too" in run.output
    run = CliRunner().invoke(main, ["eval", "--gold", str(mine), "--cv", "--folds", "3", "--train-gold", str(more),
                                    "--json"])
    assert run.exit_code == 0, run.output
    crossed = json.loads(run.output)["cross_validated"]
    assert crossed["documents"] == 3  # mine only: the training gold is not scored


def test_gold_without_its_text_is_a_clear_error(tmp_path):
    gold = write_gold(tmp_path / "gold", with_brands=True)
    (gold / "texts" / "d1.txt").unlink()
    with pytest.raises(train.EvalError, match="no text for gold document 'd1'"):
        train.load([gold])


def test_cli_train_then_extract_with_the_model(tmp_path):
    gold = write_gold(tmp_path / "gold", with_brands=True)
    model = tmp_path / "m.json"
    run = CliRunner().invoke(main, ["train", "--gold", str(gold), "-o", str(model), "--threshold", "0.5"])
    assert run.exit_code == 0, run.output
    assert "trained on 3 documents" in run.output and model.is_file()
    assert "no reading features" in run.output  # its gold reviews alone: no mode to tell apart
    assert json.loads(model.read_text(encoding="utf-8"))["tagger"] == "m.crf" and (tmp_path / "m.crf").is_file()
    report = tmp_path / "r.txt"
    report.write_text("一、2022年工作总结\n桐江街道全年引进银杏星图、松针数智等优质企业。", encoding="utf-8")
    run = CliRunner().invoke(main, ["extract", str(report), "--model", str(model)])
    assert run.exit_code == 0, run.output
    names = {e["name"]: e["type"] for e in json.loads(run.output.splitlines()[0])["entities"]}
    assert names.get("银杏星图") == "Organization"


def test_cli_model_that_cannot_be_used_fails_with_its_name(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("一、2022年工作总结\n桐江街道新建柳岸产业园。", encoding="utf-8")
    run = CliRunner().invoke(main, ["extract", str(report), "--model", str(tmp_path / "missing.json")])
    assert run.exit_code == 1 and "missing.json: cannot read the model file" in run.output
    corrupt = tmp_path / "corrupt.json"
    corrupt.write_text('{"format": "kg-decision/1", "classes": ', encoding="utf-8")
    run = CliRunner().invoke(main, ["build", str(report), "-o", str(tmp_path / "out"), "--model", str(corrupt)])
    assert run.exit_code == 1 and "corrupt.json: corrupt model file" in run.output
    run = CliRunner().invoke(main, ["extract", str(report), "--model", "rules"])
    assert run.exit_code == 0 and "柳岸产业园" in run.output
    untagged = tmp_path / "untagged.json"
    untagged.write_text(json.dumps({"format": "kg-decision/1", "classes": ["O", "Project"], "threshold": 0.5,
                                    "intercept": [0, 0], "weights": {}, "tagger": "gone.crf"}), encoding="utf-8")
    run = CliRunner().invoke(main, ["extract", str(report), "--model", str(untagged)])
    assert run.exit_code == 1 and "untagged.json: its tagger" in run.output and "gone.crf" in run.output


def test_folds_keep_sources_whole_balance_annotations_and_ignore_text_lengths():
    def doc(i: int, group: str, entities: int, text: str) -> train.GoldDoc:
        gold = {"entities": [{"name": f"甲{k}", "types": ["Project"]} for k in range(entities)]}
        return train.GoldDoc(Document(id=f"d{i}", path=f"d{i}.txt", text=text, sha256=str(i)), gold, group)

    docs = [doc(0, "a", 9, "短"), doc(1, "a", 1, "短"), doc(2, "b", 6, "长" * 500), doc(3, "c", 5, "短"),
            doc(4, "d", 2, "长" * 900)]
    folds = train.folds(docs, 2)
    # sizes (entities, plus one a document) a 12, b 7, c 6, d 3: dealt largest first to the lighter fold
    assert sorted(map(sorted, folds)) == [["a", "d"], ["b", "c"]]
    longer = [train.GoldDoc(replace(d.doc, text=d.doc.text * 3), d.gold, d.group) for d in docs]
    assert train.folds(longer, 2) == folds


def test_the_threshold_favours_the_timeline_among_thresholds_of_near_equal_f1(monkeypatch):
    figures = {0.25: (0.760, 0.70), 0.3: (0.771, 0.66), 0.35: (0.773, 0.64), 0.4: (0.773, 0.62)}

    class Scored:
        def __init__(self, t: float) -> None:
            self.t = t

        def summary(self) -> dict:
            f1, timeline = figures.get(self.t, (0.5, 0.9))
            return {"entities_typed": {"all": {"f1": f1}}, "timeline_accuracy": timeline}

    monkeypatch.setattr(train, "cross_validate", lambda items, k, c, thresholds: {t: t for t in thresholds})
    monkeypatch.setattr(train, "score", lambda docs, run: Scored(run))
    assert train.best_threshold([]) == 0.3  # 0.25 has the best timeline, but its F1 is clearly lower
    figures[0.3] = (0.760, 0.66)
    assert train.best_threshold([]) == 0.35  # F1 tied with 0.4: the better timeline


# Invented news: the projects of a ground-breaking day, or of a planning meeting, listed in the next
# sentence with no step of their own; the gold's timeline gives each its year's stage.
NEWS = {"started": "一、2022年工作总结\n{town}街道举行集中开工仪式。参加的有{a}项目、{b}项目。",
        "planned": "一、2022年工作总结\n{town}街道召开项目谋划会。会上听取了{a}项目、{b}项目。"}
SITES = [("溪桥", "锦川", "石梁"), ("枫林", "云杉", "白鹭"), ("松湾", "柳岸", "丹霞")]


def write_news_gold(folder: Path) -> Path:
    (folder / "texts").mkdir(parents=True)
    for stage, template in NEWS.items():
        for k, (town, a, b) in enumerate(SITES):
            doc = f"{stage}{k}"
            (folder / "texts" / f"{doc}.txt").write_text(template.format(town=town, a=a, b=b), encoding="utf-8")
            projects = [f"{a}项目", f"{b}项目"]
            gold = {"doc": doc, "district": None, "sections": [{"year": 2022, "mode": "review"}],
                    "entities": [{"name": f"{town}街道", "types": ["District"]},
                                 *({"name": p, "types": ["Project"]} for p in projects)],
                    "timeline": [{"project": p, "year": 2022, "stage": stage} for p in projects]}
            (folder / f"{doc}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return folder


def test_training_learns_the_stage_to_presume_from_the_gold_timeline(tmp_path):
    docs = train.load([write_news_gold(tmp_path / "gold")])
    model = train.train(docs, threshold=0.5)
    assert model.presumption is not None and set(model.presumption.classes) == {"started", "planned"}
    assert train.train(docs, threshold=0.5).to_json() == model.to_json()  # the same gold, the same bytes
    for stage, template in NEWS.items():
        text = template.format(town="桐江", a="银杏", b="青柚")
        doc = Document("new", "new.txt", text, hashlib.sha256(text.encode()).hexdigest())
        got = [[(m.stage, m.presumed) for m in e.mentions] for e in extract(doc, model).entities
               if e.type == "Project"]
        assert got == [[(stage, True)], [(stage, True)]], text  # both projects, presumed at the day's step


def _featured(group: str, features: dict[str, float], label: str) -> train.Featured:
    doc = Document(group, f"{group}.txt", "", "0")
    return train.Featured(train.GoldDoc(doc, {"entities": []}, group), [(None, features)], [label], "")


def test_a_feature_of_one_source_alone_gets_no_weight_once_the_gold_has_many_sources():
    many = [_featured(f"site{k}", {"suffix=园": 1.0, f"word=甲{k}": 1.0}, "Project") for k in range(train.FEW_SOURCES)]
    rows = train._rows(many)
    assert [sorted(f) for f, _ in rows] == [["suffix=园"]] * train.FEW_SOURCES  # each site's own word is gone
    assert [y for _, y in rows] == ["Project"] * train.FEW_SOURCES
    few = many[:3]  # a researcher's own few reports: every feature still teaches
    assert [sorted(f) for f, _ in train._rows(few)] == [["suffix=园", f"word=甲{k}"] for k in range(3)]


def _no_spans() -> Model:
    return Model(("O", "Project"), (0.0, 0.0), {})


# Invented items with no heading: intents (a plan) or results (a review), the gold's first section's mode.
AHEAD = "{town}镇召开会议。要加快推进{a}路建设，力争年底前建成。要确保{b}园按期开工。"
DONE = "{town}镇今年新建{a}路，同比增长两成，{b}园已建成投用，获评省级示范。"


def test_the_reading_learns_from_texts_with_no_heading_and_their_first_section(tmp_path):
    items = []
    for k, (town, a, b) in enumerate(SITES):
        for mode, template in (("plan", AHEAD), ("review", DONE)):
            text = template.format(town=town, a=a, b=b)
            doc = Document(f"{mode}{k}", f"{mode}{k}.txt", text, "0")
            gold = {"entities": [], "sections": [{"year": 2031, "mode": mode}, {"year": 2032, "mode": "plan"}]}
            items.append(train.Featured(train.GoldDoc(doc, gold, f"site{k}"), [], [], text))
    headed = "甲镇2031年工作总结\n" + DONE.format(town="乙", a="丙", b="丁")
    items.append(train.Featured(train.GoldDoc(Document("h", "h.txt", headed, "0"),
                                              {"sections": [{"year": 2031, "mode": "plan"}]}, "h"), [], [], headed))
    rows = train.reading_rows(items)
    assert [y for _, y in rows] == ["plan", "review"] * 3  # the headed text is its headings' to decide
    reading = train.with_reading(_no_spans(), items).reading
    assert reading is not None
    ahead, done = (unheaded_features(t.format(town="桐", a="银杏", b="青柚")) for t in (AHEAD, DONE))
    p_plan = [reading.probabilities([f])[0][reading.classes.index("plan")] for f in (ahead, done)]
    assert p_plan[0] > 0.5 > p_plan[1]
    assert train.with_reading(_no_spans(), items[1::2]).reading is None  # reviews alone: nothing to tell apart
