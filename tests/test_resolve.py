"""Cross-document resolution on invented reports, and the end-to-end facts of the real corpus."""

from __future__ import annotations

import hashlib

import pytest

from kg.extract import extract
from kg.model import Document, Mode, Stage
from kg.pipeline import DEFAULT_INPUT, build_corpus
from kg.resolve import TimelineEntry, resolve, slips, timelines


def doc(doc_id: str, text: str, title: str = "") -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text, title=title,
                    sha256=hashlib.sha256(text.encode()).hexdigest())


def ids_of(corpus, name: str) -> set[str]:
    return {e.id for r in corpus.results for e in r.entities if e.name == name or name in e.aliases}


FUHAI = "福海街道2021年工作总结\n一、2021年工作总结\n福海街道在宝安区委领导下，推进塘尾、新田、桥头社区治理。"
SONGGANG = "松岗街道2021年工作总结\n一、2021年工作总结\n松岗街道在宝安区委领导下，推进潭头、溪头、红星社区治理。"


def test_same_name_in_two_districts_stays_two():
    a = doc("a", FUHAI + "\n加快第二小学改扩建工程建设。", "福海街道2021年工作总结")
    b = doc("b", SONGGANG + "\n加快第二小学改扩建工程建设。", "松岗街道2021年工作总结")
    corpus = resolve([extract(a), extract(b)])
    assert corpus.results[0].district.name == "福海街道"
    assert corpus.results[1].district.name == "松岗街道"
    assert len(ids_of(corpus, "第二小学改扩建工程") | ids_of(corpus, "第二小学")) == 2


def test_one_project_across_years_and_reports_has_one_id_and_recurs():
    a = doc("a", FUHAI + "\n启动青木湾科技产业园规划。", "福海街道2021年工作总结")
    b = doc("b", FUHAI.replace("2021", "2022") + "\n青木湾科技产业园开工建设。", "福海街道2022年工作总结")
    corpus = resolve([extract(a), extract(b)])
    assert len(ids_of(corpus, "青木湾科技产业园")) == 1
    (t,) = [t for t in timelines(corpus) if t.name == "青木湾科技产业园"]
    assert t.years == [2021, 2022]
    assert [e.stage for e in t.entries] == ["planned", "started"]


def test_a_report_in_traditional_characters_is_placed_and_its_projects_recur():
    a = doc("a", FUHAI + "\n启动青木湾科技产业园规划。", "福海街道2021年工作总结")
    traditional = ("福海街道2022年總結\n一、2022年工作總結\n福海街道在寶安區委領導下，推進塘尾、新田社區治理。"
                   "推進青木灣科技產業園開工建設。")
    b = doc("b", traditional)
    corpus = resolve([extract(a), extract(b)])
    assert corpus.results[1].district.name == "福海街道"
    assert ids_of(corpus, "青木湾科技产业园") == ids_of(corpus, "青木灣科技產業園")
    assert len(ids_of(corpus, "青木湾科技产业园")) == 1


def test_a_report_in_traditional_characters_gives_its_district_as_written_and_canonical():
    text = "松崗街道2022年工作總結\n一、2022年工作總結\n松崗街道在寶安區委領導下，推進潭頭、溪頭、紅星社區治理。"
    (r,) = resolve([extract(doc("t", text))]).results
    assert r.district.name == "松岗街道"
    assert r.to_json()["district"]["name"] == "松崗街道" and r.to_json()["district"]["canonical"] == "松岗街道"
    (s,) = resolve([extract(doc("s", SONGGANG))]).results
    assert s.to_json()["district"]["name"] == "松岗街道"  # the written form only where it differs


def test_ids_are_stable_across_builds_and_input_order():
    a = doc("a", FUHAI + "\n启动青木湾科技产业园规划。")
    b = doc("b", SONGGANG + "\n联合青禾商会举办活动。")
    first = resolve([extract(a), extract(b)])
    second = resolve([extract(b), extract(a)])
    assert ids_of(first, "青木湾科技产业园") == ids_of(second, "青木湾科技产业园")
    assert ids_of(first, "福海街道") == {"district-440306010"}


def _bridge_planned_then(said_in_2023: str):
    """The timeline of a bridge a 2022 plan aims to complete, and that a 2023 review names so."""
    plan = doc("p", "福海街道2022年工作计划\n二、2022年工作计划\n福海街道力争建成青木湾人行天桥。",
               "福海街道2022年工作计划")
    later = doc("q", f"福海街道2023年工作总结\n一、2023年工作总结\n福海街道{said_in_2023}。", "福海街道2023年工作总结")
    (t,) = timelines(resolve([extract(plan), extract(later)]))
    return t


def test_slippage_is_flagged():
    t = _bridge_planned_then("青木湾人行天桥开工建设")
    assert t.slipped and "completed" in t.slipped[0]


def _told(year: int, stage: Stage, mode: Mode, doc: str) -> TimelineEntry:
    return TimelineEntry(year, stage, mode, doc, "", "青木湾人行天桥", 0, 8)


def test_a_plan_slips_when_its_own_year_s_review_falls_short_but_not_by_starting_instead_of_going_on():
    plan = _told(2031, Stage.COMPLETED, Mode.PLAN, "p31")
    found = slips([plan, _told(2031, Stage.UNDER_WAY, Mode.REVIEW, "p32")])  # reviewed in the next report
    assert [(x.plan.year, x.best.year, x.best.stage) for x in found] == [(2031, 2031, Stage.UNDER_WAY)]
    assert slips([plan, _told(2031, Stage.COMPLETED, Mode.REVIEW, "p32")]) == []
    # a half-year report reviews the year it still plans: its review is no account after the plan
    assert slips([plan, _told(2031, Stage.UNDER_WAY, Mode.REVIEW, "p31")]) == []
    # 加快推进 one year, 加快实施 the next: the same works going on, no slip
    assert slips([_told(2031, Stage.UNDER_WAY, Mode.PLAN, "p31"), _told(2032, Stage.STARTED, Mode.PLAN, "p32")]) == []
    assert slips([_told(2031, Stage.STARTED, Mode.PLAN, "p31"), _told(2032, Stage.PLANNED, Mode.PLAN, "p32")])


@pytest.fixture(scope="module")
def corpus():
    return build_corpus([DEFAULT_INPUT])


def test_real_corpus_district_of_000(corpus):
    r = next(r for r in corpus.results if r.doc.id.startswith("000"))
    assert r.district.name == "福海街道"
    assert r.district.parents == ["宝安区", "深圳市", "广东省"]


def test_real_corpus_repeated_block_gives_no_duplicated_mentions(corpus):
    r = next(r for r in corpus.results if r.doc.id.startswith("001"))
    spans = [(m.start, m.end) for e in r.entities for m in e.mentions]
    assert len(spans) == len(set(spans))
    # the second copy of the report is gone: every sentence holding a mention occurs once
    sentences = {r.doc.text[m.sentence[0]:m.sentence[1]] for e in r.entities for m in e.mentions}
    repeated = [s for s in sentences if len(s) >= 20 and r.doc.text.count(s) > 1]
    assert not repeated, repeated[:3]


def test_real_corpus_has_recurring_projects(corpus):
    found = timelines(corpus)
    assert any(len(t.years) >= 2 for t in found)


def test_blocked_resolution_gives_the_ids_of_an_exhaustive_comparison(monkeypatch):
    import pickle

    from kg import resolve as resolution
    from kg.extract import extract as extract_one
    from kg.ingest import iter_input_files, read_document

    extracted = [extract_one(read_document(p)) for p in iter_input_files([DEFAULT_INPUT])]
    blocked = resolve(pickle.loads(pickle.dumps(extracted)))
    monkeypatch.setattr(resolution, "match_keys", lambda name: ({"all"}, {"all"}))
    exhaustive = resolve(pickle.loads(pickle.dumps(extracted)))
    assert [[e.id for e in r.entities] for r in blocked.results] == [
        [e.id for e in r.entities] for r in exhaustive.results]


def test_a_presumed_stage_is_no_evidence_of_slippage():
    t = _bridge_planned_then("青木湾人行天桥、云杉路口袋公园等项目")
    assert [(e.year, e.stage, e.presumed) for e in t.entries] == [(2022, "completed", False),
                                                                  (2023, "under_way", True)]
    assert t.slipped == []  # 2023 names the bridge with no cue: it is presumed under way, not shown late
