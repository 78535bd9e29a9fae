"""The sections of a document and their evidence, on snippets and on the real reports."""

from __future__ import annotations

import json

import pytest
from structure_helpers import PLAN_BODY, REVIEW_BODY, ROOT, dated, kinds, report

from kg.structure.sections import find_sections
from kg.structure.timing import section_at

GOLD = ROOT.parent / "shared" / "gold" / "dev"


def test_a_plan_heading_over_past_results_is_a_review():
    text = f"一、2021年工作计划\n{REVIEW_BODY}二、2022年工作计划\n{PLAN_BODY}"
    assert kinds(text) == [(2021, "review", "plan"), (2022, "plan", None)]


def test_sections_cover_the_document_and_section_at_finds_them():
    text = f"前言一段。\n一、2021年工作总结\n{REVIEW_BODY}二、2022年工作计划\n{PLAN_BODY}"
    sections = find_sections(text)
    assert sections[0].start == 0 and sections[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:], strict=False))
    assert section_at(sections, text.index("同比")) == 1
    assert sections[section_at(sections, text.index("力争"))].mode == "plan"
    assert section_at(sections, len(text)) is None


def test_a_section_shows_the_heading_and_the_verbs_that_decided_it():
    text = f"一、2021年工作计划\n{REVIEW_BODY}"
    (section,) = find_sections(text)
    assert (section.year, section.mode, section.heading_mode) == (2021, "review", "plan")
    assert [e.kind for e in section.evidence] == ["heading", "verbs"]
    verbs = section.evidence[1]
    assert "同比" in verbs.text and text[verbs.start : verbs.end] in verbs.text


def test_a_title_is_quoted_with_its_span_only_when_the_text_holds_it():
    body = "一、实施产业提升行动，做强实体经济。推动企业技术改造。\n"
    (apart,) = find_sections(body, "青湖街道2023年工作安排")
    assert (apart.evidence[0].kind, apart.evidence[0].text, apart.evidence[0].start) == (
        "title", "青湖街道2023年工作安排", None)
    text = f"青湖街道2023年工作安排\n{body}"
    (inside,) = find_sections(text)
    assert (inside.evidence[0].kind, inside.evidence[0].start, inside.evidence[0].end) == ("heading", 0, 13)


def test_evidence_is_written_in_the_jsonl():
    from kg.model import DocResult, Document

    text = f"今年以来，青湖街道稳中求进。\n{REVIEW_BODY}"
    meta = {"发布时间": "2024-07-02"}
    doc = Document("d", "d.txt", text, "0", metadata=meta)
    record = DocResult(doc, sections=find_sections(text, "", meta)).to_json()
    (section,) = record["sections"]
    assert section["evidence"][0] == {"kind": "relative", "text": "今年以来", "start": 0, "end": 4}
    assert {"kind": "published", "text": "发布时间: 2024-07-02", "start": None, "end": None} in section["evidence"]


@pytest.mark.parametrize("prefix", ["000", "001", "003"])
def test_reports_match_the_gold_sections(prefix):
    gold = next(GOLD.glob(f"{prefix}_*.json"), None) if GOLD.is_dir() else None
    if gold is None:
        pytest.skip("no dev gold")
    want = {(s["year"], s["mode"]) for s in json.loads(gold.read_text(encoding="utf-8"))["sections"]}
    assert dated(report(prefix)) == want


def test_report_whose_first_plan_heading_reports_finished_work():
    sections = find_sections(report("001"))  # the raw page holds the report twice
    assert {(s.year, s.mode, s.heading_mode) for s in sections if s.year} == {
        (2021, "review", "plan"),
        (2022, "plan", None),
    }


def test_report_with_highlights_problems_and_next_year():
    sections = find_sections(report("004"))
    kinds = [(s.year, s.mode) for s in sections if s.mode != "other" or "问题" in s.title]
    assert [k for i, k in enumerate(kinds) if k not in kinds[:i]] == [  # the preface opens with its year too
        (2022, "review"),
        (None, "other"),
        (2023, "plan"),
    ]


def test_report_with_a_task_annex():
    sections = find_sections(report("002"))
    assert dated(report("002")) == {(2023, "plan")}
    assert sections[-1].title.startswith("2023年") and sections[-1].end == len(report("002"))


def test_a_review_heading_holds_against_a_few_forward_words():
    text = ("一、2023年工作完成情况\n组建宣讲小分队，开展宣讲26场次。将调度制度落到实处。确保安全稳定。"
            "党员志愿者100名以上参与。\n")
    assert kinds(text) == [(2023, "review", None)]


def test_a_plan_in_the_imperative_that_frames_itself_is_a_plan():
    text = ("2030年是青湖发展的关键一年，做好全年工作意义重大。"
            "2030年全街工作总体要求是：坚持稳中求进，统筹发展和安全。\n一、实施产业提质工程\n坚持项目为王，盘活闲置物业，优化营商环境。")
    assert [(s.year, s.mode) for s in find_sections(text) if s.mode != "other"] == [(2030, "plan")]
    # the same frame in a text that reports results decides nothing by itself
    done = text.replace("盘活闲置物业", "累计盘活闲置物业3处，同比增长8%")
    assert (2030, "plan") not in {(s.year, s.mode) for s in find_sections(done)}


def test_a_part_headed_by_the_year_a_titled_report_plans_is_its_plan_whatever_it_recalls_first():
    text = ("各位代表：\n一、2030年工作回顾\n" + REVIEW_BODY + "二、2031年的工作\n"
            "过去一年，全市生产总值增长了6%，新建学校3所。今年主要预期目标是：生产总值增长5%左右。\n" + PLAN_BODY)
    title = "2031年甲市人民政府工作报告"
    parts = [(s.year, s.mode) for s in find_sections(text, title) if s.mode in ("review", "plan")]
    assert parts[0] == (2030, "review") and parts[-1] == (2031, "plan")  # not a review of 2031, a plan of 2032
    assert (2031, "review") not in parts and (2032, "plan") not in parts
    # the year before the one the title plans is reviewed, whatever its part goes on to say
    again = "一、2030年的工作\n" + REVIEW_BODY + "将加快推进青湖大桥建设。\n二、2031年的工作\n" + PLAN_BODY
    assert dated(again, title) == {(2030, "review"), (2031, "plan")}
    # published late in the year it names, the report reviews that year: its body decides as before
    done = "二、2031年的工作\n" + REVIEW_BODY
    assert dated(done, title) == {(2031, "plan")}
    assert dated(done, title, {"发布日期": "2031年12月20日"}) == {(2031, "review")}


def test_a_plan_measured_from_its_year_s_estimate_plans_the_year_after():
    text = ("各位代表：\n今年上半年，全县生产总值增长了8%，新建道路12公里，荣获省级文明县称号。\n"
            "下一步，要加快推进青湖大桥建设。明年全县生产总值比2030年预计增长6%，粮食产量比2030年预计增加3万吨，"
            "确保新建茶园面积2600亩以上。\n")
    assert dated(text, "2030年甲县政府工作报告") == {(2031, "plan")}  # given in the autumn: 2030 is not over
    assert dated(text.replace("比2030年预计", "比上年"), "2030年甲县政府工作报告") == {(2030, "plan")}


def test_a_text_without_headings_or_telling_verbs_that_opens_with_its_year_reviews_it():
    body = "坚持以人民为中心，凝心聚力，唯实争先，推动全镇经济社会高质量发展。产业兴旺，乡村振兴，群众生活幸福。"
    assert [(s.year, s.mode) for s in find_sections("2031年，在县委县政府坚强领导下，青湖镇" + body)] == [
        (2031, "review")]
    assert [(s.year, s.mode) for s in find_sections("2031年，青湖镇将" + body)] == [(2031, "plan")]
