"""The trained decision: model files and the choice among overlapping spans."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from kg.extract.candidates.proposal import Candidate, Sentence
from kg.extract.decide import NONE, Model, ModelError, choose, decide, shipped
from kg.extract.features import Span
from kg.linear import Linear

CLASSES = (NONE, "District", "Project")


def tiny_model(threshold: float = 0.5) -> Model:
    return Model(CLASSES, (1.0, 0.0, 0.0), {"suf1=园": (0.0, 0.0, 3.0), "suf1=镇": (0.0, 3.0, 0.0)}, threshold)


def span(start: int, end: int) -> Span:
    return Span(start, end, [Candidate(start, end, "?")], Sentence(0, 40, [], []))


def test_model_file_round_trips_and_scores_by_its_weights():
    model = Model.from_json(tiny_model().to_json())
    assert model.classes == CLASSES and model.threshold == 0.5
    park, town = model.scores({"bias": 1, "suf1=园": 1}), model.scores({"suf1=镇": 1})
    assert max(park, key=park.get) == "Project"
    assert max(town, key=town.get) == "District"
    assert abs(sum(park.values()) - 1) < 1e-9


def test_same_model_gives_same_bytes_and_hash():
    a, b = Model.from_json(tiny_model().to_json()), Model.from_json(tiny_model().to_json())
    assert a.to_json() == b.to_json() and a.sha256 == b.sha256
    assert Model.from_json(tiny_model(0.3).to_json()).sha256 != a.sha256


def test_missing_and_corrupt_model_files_fail_with_the_file_and_the_reason(tmp_path):
    with pytest.raises(ModelError, match="nope.json.*cannot read"):
        Model.load(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError, match="bad.json.*corrupt"):
        Model.load(bad)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(ModelError, match="other.json.*not a kg decision model"):
        Model.load(other)
    uneven = json.loads(tiny_model().to_json())
    uneven["weights"]["suf1=园"] = [1.0]
    other.write_text(json.dumps(uneven), encoding="utf-8")
    with pytest.raises(ModelError, match="do not agree"):
        Model.load(other)


def test_choose_keeps_a_district_inside_a_project_but_one_reading_of_a_project():
    outer, inner, shorter, crossing = span(0, 10), span(0, 3), span(0, 8), span(8, 12)
    scored = [(outer, {NONE: 0.1, "Project": 0.9, "District": 0.0}),
              (inner, {NONE: 0.2, "Project": 0.0, "District": 0.8}),
              (shorter, {NONE: 0.3, "Project": 0.7, "District": 0.0}),
              (crossing, {NONE: 0.4, "Project": 0.6, "District": 0.0})]
    kept = [(sp.start, sp.end, t) for sp, t in choose(scored)]
    assert kept == [(0, 3, "District"), (0, 10, "Project")]


def test_a_name_and_the_same_name_with_its_works_word_are_one_reading_whatever_their_types():
    text = "青湖酒店项目进入施工阶段，青湖酒店集团参与。"
    whole, bare = span(0, 6), span(0, 4)
    scored = [(whole, {NONE: 0.1, "Project": 0.9, "District": 0.0}),
              (bare, {NONE: 0.2, "Project": 0.0, "District": 0.8})]
    assert [(sp.start, sp.end, t) for sp, t in choose(scored, text=text)] == [(0, 6, "Project")]
    # the same start with more than a works word after it is a thing inside a name, and stays
    town, works = span(13, 15), span(13, 19)
    scored = [(works, {NONE: 0.1, "Project": 0.9, "District": 0.0}),
              (town, {NONE: 0.2, "Project": 0.0, "District": 0.8})]
    assert len(choose(scored, text=text)) == 2


def test_a_province_opening_a_company_s_name_is_part_of_it_a_village_before_its_project_is_not():
    text = "引进青海省青禾科技有限公司，建设白石村乡村驿站。"
    a, b = text.index("青海省"), text.index("白石村")
    company, province, works, village = span(a, a + 11), span(a, a + 3), span(b, b + 7), span(b, b + 3)
    scored = [(company, {NONE: 0.1, "Project": 0.0, "District": 0.0, "Organization": 0.9}),
              (province, {NONE: 0.05, "Project": 0.0, "District": 0.95, "Organization": 0.0}),
              (works, {NONE: 0.1, "Project": 0.9, "District": 0.0, "Organization": 0.0}),
              (village, {NONE: 0.05, "Project": 0.0, "District": 0.95, "Organization": 0.0})]
    kept = [(text[sp.start : sp.end], t) for sp, t in choose(scored, text=text)]
    assert kept == [("青海省青禾科技有限公司", "Organization"), ("白石村", "District"), ("白石村乡村驿站", "Project")]


def test_threshold_trades_precision_for_recall():
    doubtful = [(span(0, 4), {NONE: 0.6, "Project": 0.4, "District": 0.0})]
    assert choose(doubtful, threshold=0.5) == []
    assert [t for _, t in choose(doubtful, threshold=0.3)] == ["Project"]


def test_the_shipped_model_loads_and_knows_every_type():
    model = shipped()
    assert set(model.classes) == {NONE, "District", "Project", "Organization", "Program", "Person"}
    assert 0 < model.threshold < 1 and model.sha256
    assert model.tagger is not None and model.tagger_file  # its tagger ships beside it, part of its hash
    assert model.sha256 != hashlib.sha256(model.to_json().encode()).hexdigest()


DEV_GOLD = Path(__file__).resolve().parents[3] / "shared" / "gold" / "dev"


@pytest.mark.skipif(not DEV_GOLD.is_dir(), reason="needs ../shared/gold/dev")
def test_the_shipped_model_extracts_the_bundled_reports_at_least_as_well_as_the_floor():
    from kg import train

    docs = train.load([DEV_GOLD], [Path(__file__).resolve().parents[2] / "data" / "reports"])
    tagger = shipped().tagger
    items = train.featurize_gold(docs, taggers={(d.group, d.doc.id): tagger for d in docs} if tagger else None)
    summary = train.score(docs, train.predict(items, None)).summary()
    figures = summary["entities_typed"]
    assert figures["all"]["f1"] >= 0.85, figures
    assert all(figures[t]["f1"] >= 0.75 for t in ("District", "Project", "Organization", "Program")), figures


def test_a_deferred_type_is_decided_by_the_rules_alone():
    classes = (NONE, "Person", "Project")
    model = Model(classes, (2.0, 0.0, 0.0), {"suf1=园": (0.0, 0.0, 5.0), "len=2": (0.0, 5.0, 0.0)}, 0.5,
                  deferred=("Person",))
    text = "张明参观青木园。"
    person, park, other = span(0, 2), span(4, 7), span(2, 4)
    featured = [(person, {"rule=Person": 1.0}), (park, {"suf1=园": 1.0}), (other, {"len=2": 1.0})]
    kept = {(c.start, c.end): t for c, t, _ in decide(featured, model, text)}
    assert kept == {(0, 2): "Person", (4, 7): "Project"}  # the model's own Person guess (2, 4) is dropped
    assert Model.from_json(model.to_json()).deferred == ("Person",)


def test_a_presumption_travels_in_the_model_file_and_a_wrong_one_is_refused():
    presumption = Linear(("planned", "started"), (0.0, 0.5), {"doc=started": (-1.0, 1.0), "mode=plan": (1.0, -1.0)})
    model = Model.from_json(replace(tiny_model(), presumption=presumption).to_json())
    assert model.presumption == presumption
    assert json.loads(model.to_json())["presumption"]["classes"] == ["planned", "started"]
    assert Model.from_json(tiny_model().to_json()).presumption is None  # none: the rules presume
    broken = json.loads(model.to_json())
    broken["presumption"]["classes"] = ["planned", "finished"]
    with pytest.raises(ModelError, match="no stage"):
        Model.from_json(json.dumps(broken), "m.json")
    broken["presumption"]["classes"] = ["planned"]
    with pytest.raises(ModelError, match="corrupt"):
        Model.from_json(json.dumps(broken), "m.json")


def test_a_reading_travels_in_the_model_file_and_one_of_other_modes_is_refused():
    reading = Linear(("plan", "review"), (0.0, 0.3), {"share": (2.0, -2.0), "review:同比": (-1.0, 1.0)})
    model = Model.from_json(replace(tiny_model(), reading=reading).to_json())
    assert model.reading == reading and model.presumption is None
    assert Model.from_json(tiny_model().to_json()).reading is None  # none: the rules read
    broken = json.loads(model.to_json())
    broken["reading"]["classes"] = ["plan", "other"]
    with pytest.raises(ModelError, match="neither review nor plan"):
        Model.from_json(json.dumps(broken), "m.json")
