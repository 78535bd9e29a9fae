"""Features describe a span: its ending, shape, context and the rules' view, never the whole name."""

from __future__ import annotations

from kg.extract.candidates.propose import propose
from kg.extract.candidates.tokens import tokenize
from kg.extract.features import featurize, spans
from kg.extract.rules import decide_by_rules
from kg.extract.tagger import Tagger, features, labels, train
from kg.gazetteer import Gazetteer
from kg.model import EntityType

TEXT = "一、2021年工作总结\n加快推进青木湾科技产业园建设，引进蓝鲸智联公司，联合青禾商会举办活动。"


def featured(text: str = TEXT):
    """Each span of `text` with its features."""
    gaz = Gazetteer.load()
    proposal = propose(text, gaz)
    return {text[sp.start : sp.end]: f for sp, f in featurize(proposal, decide_by_rules(proposal), gaz)}


def test_no_feature_holds_a_whole_name():
    for name, f in featured().items():
        if len(name) >= 2:
            assert not any(key.split("=", 1)[-1] == name for key in f), (name, [k for k in f if name in k])


def test_features_carry_the_ending_the_context_and_the_rules_choice():
    f = featured()["青木湾科技产业园"]
    assert f["suf3=产业园"] == 1 and f["source=suffix"] == 1
    assert f["rule=Project"] == 1
    assert f["prev2=推进"] == 1 and f["next_word=建设"] == 1
    company = featured()["蓝鲸智联公司"]
    assert company["rule=Organization"] == 1 and company["clause_verb=引进"] == 1


def test_every_span_is_listed_once_with_all_the_sources_that_proposed_it():
    gaz = Gazetteer.load()
    all_spans = spans(propose(TEXT, gaz))
    keys = [(sp.start, sp.end) for sp in all_spans]
    assert len(keys) == len(set(keys)) and keys == sorted(keys)
    park = next(sp for sp in all_spans if TEXT[sp.start : sp.end] == "青木湾科技产业园")
    assert {c.source for c in park.candidates} >= {"suffix"}


def test_a_span_that_holds_an_action_says_so():
    f = featured("协助城投公司找准青禾老街定位，推进青木湾科技产业园建设。")
    assert f["城投公司找准青禾老街"].get("verb_at=inside") == 1
    assert f["协助城投公司"].get("verb_at=first") == 1
    assert not any(k.startswith("verb_at") for k in f["青禾老街"]) and not any(
        k.startswith("verb_at") for k in f["青木湾科技产业园"])


def test_a_step_of_works_said_in_the_span_s_clause_is_a_feature():
    f = featured("青木湾科技产业园竣工投产，开工建设青禾学校，联合蓝鲸商会举办活动。")
    assert f["青木湾科技产业园"].get("cue_after=completed") == 1
    assert f["青禾学校"].get("cue_before=started") == 1
    assert not any(k.startswith("cue_") for k in f["蓝鲸商会"])  # the next clause's step is not its own


def test_the_taggers_chance_of_a_span_is_a_feature_whether_or_not_it_chose_the_span(tmp_path):
    works = ["丰禾热电", "青川冷链", "云溪光储", "石岭智造", "桐湾新材", "松原精工", "柳塘储能"]
    taught = []
    for name in works:
        sentence = f"推进{name}项目建设。"
        toks = tokenize(sentence, [(0, len(sentence))])[0]
        taught.append((features(sentence, toks), labels(sentence, [(f"{name}项目", EntityType.PROJECT)])))
    path = tmp_path / "t.crf"
    train(taught, path)
    gaz = Gazetteer.load()
    text = "推进枫桥数智项目建设，联合青禾商会举办活动。"
    proposal = propose(text, gaz, Tagger(path))
    got = {text[sp.start : sp.end]: f for sp, f in featurize(proposal, decide_by_rules(proposal), gaz)}
    whole = got["枫桥数智项目"]
    assert whole.keys() & {"tagger_p=Project:3", "tagger_p=Project:4"}  # more likely a name than not
    assert 0.5 < whole["tagger_p=Project"] <= 1
    assert got["青禾商会"]["tagger_p=none"] == 1  # it learnt no bodies: no chance of being one
    assert not any(k.startswith("tagger_p") for f in featured().values() for k in f)  # no tagger, no feature
