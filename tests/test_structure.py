"""Structure on small invented snippets (not corpus text), then the year sections of the real reports."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg import structure
from kg.linear import Linear
from kg.structure import (
    clause_bounds,
    find_sections,
    section_at,
    sentence_around,
    sentences,
    time_of,
    unheaded_features,
)

ROOT = Path(__file__).resolve().parent.parent
REPORTS = ROOT / "data" / "reports"
GOLD = ROOT.parent / "shared" / "gold" / "dev"


def spans(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


def kinds(text: str, title: str = "", metadata: dict[str, str] | None = None) -> list[tuple]:
    return [(s.year, s.mode, s.heading_mode) for s in find_sections(text, title, metadata)]


def dated(text: str, title: str = "", metadata: dict[str, str] | None = None) -> set[tuple]:
    """The (year, mode) set of the review and plan sections, as the scorer compares them."""
    return {(s.year, s.mode) for s in find_sections(text, title, metadata) if s.mode in ("review", "plan")}


# ---------------------------------------------------------------- sentences and clauses


def test_sentences_split_at_marks_and_line_breaks_and_stay_tight():
    text = "  青湖路建成通车。桥梁完工！\n  社区增设驿站；另一句？\n\n末句没有句号"
    assert spans(text) == ["青湖路建成通车。", "桥梁完工！", "社区增设驿站；", "另一句？", "末句没有句号"]


def test_a_sentence_keeps_its_closing_quote():
    assert spans("他说“已经完工。”然后离开。") == ["他说“已经完工。”", "然后离开。"]


def test_clause_is_bounded_by_commas_but_not_by_enumeration_marks():
    text = "甲路、乙路完成90%、20%，丙厂开工建设。"
    lo, hi = clause_bounds(text, 0, 2)
    assert text[lo:hi] == "甲路、乙路完成90%、20%"
    lo, hi = clause_bounds(text, text.index("丙厂"), text.index("丙厂") + 2)
    assert text[lo:hi] == "丙厂开工建设"


# ---------------------------------------------------------------- sections

REVIEW_BODY = (
    "全年新建道路12公里，同比增长15%。累计完成投资8.6亿元，超额完成任务。荣获省级文明街道称号。成功举办招商会6场。\n"
)
PLAN_BODY = "将加快推进青湖大桥建设，力争年底前建成。确保新增就业岗位3000个以上。要持续优化营商环境。\n"


def test_a_text_without_headings_is_what_most_of_its_sentences_say():
    assert kinds("青湖街道召开年度会议\n将加快推进青湖大桥建设。要持续优化营商环境。2023年完成改造。") == [
        (2023, "plan", None)]


def test_a_news_item_telling_the_day_of_an_event_reports_what_took_place():
    text = ("青湖镇2023年项目动态\n本报讯 3月8日上午，青湖镇举行甲产业园开工仪式，镇长出席。"
            "乙公司负责人介绍，项目将于年内投产。日前，丙村完成道路硬化。")
    assert kinds(text) == [(2023, "review", None)]


def test_news_of_an_event_is_a_review_whatever_intents_it_quotes():
    text = ("青湖镇重点项目集中开工\n4月6日上午，青湖镇举行2022年重点项目集中开工活动。"
            "镇长表示，将加快推进甲产业园建设，确保年内投产。要优化服务，力争早日见效。下一步将持续发力。")
    assert kinds(text) == [(2022, "review", None)]


@pytest.mark.parametrize("lead", ["3月15日，县领导到青湖镇开展重点项目观摩活动。",
                                  "青湖网讯（记者 甲乙）“百日攻坚”开展以来，青湖镇紧盯项目建设。",
                                  "昨日，青湖镇甲产业园等5个重点项目集中开工。",
                                  "本报讯 3月15日上午，按照县委统一部署，青湖镇举行重点项目集中开工活动。",
                                  "3月15日，县人大常委会主任带领视察组对青湖镇重点项目进行集中视察。",
                                  # the officials of a visit listed before where they went and what they did
                                  "3月15日上午，县委书记甲某，县委副书记、县长乙某，副县长丙某，县政协主席丁某，"
                                  "县人大副主任戊某等一行到青湖镇甲产业园二期项目的安置区建设现场调研。"])
def test_news_of_an_event_published_early_in_a_year_reviews_that_year_not_the_last(lead: str):
    text = (f"青湖镇重点项目观摩\n{lead}甲产业园项目正在建设，预计年内投产。"
            "乙路改造工程进展顺利，要加快进度，确保质量。")
    assert dated(text, metadata={"发布日期": "2023-03-16"}) == {(2023, "review")}


def test_news_posted_in_a_month_before_the_one_its_event_is_dated_in_is_of_the_year_before():
    body = ("9月25日，青湖县召开重点项目现场推进会。今年以来，青湖镇甲产业园建成投产，"
            "乙路改造工程完工，前8个月青湖镇税收达3200万元。")
    assert dated(f"青湖镇观摩\n{body}", metadata={"发布时间": "2032-03-09 04:49:30"}) == {(2031, "review")}
    # the page's own header date (今天是…) is no event's: news of February posted in March is of that year
    assert dated(f"今天是2032年09月20日\n青湖镇观摩\n{body.replace('9月25日', '2月25日')}",
                 metadata={"发布时间": "2032-03-09 04:49:30"}) == {(2032, "review")}


def test_news_whose_event_is_told_on_the_lines_after_its_byline_or_date_is_a_review():
    body = "镇长表示，将加快推进甲产业园建设，确保年内投产。要优化服务，力争早日见效。下一步将持续发力。"
    byline = f"青湖镇项目动态\n□晚报记者 甲乙 通讯员 丙丁\n\n今天，青湖镇6个重点项目集中开工。{body}"
    assert kinds(byline, metadata={"发布日期": "2031-03-16"}) == [(2031, "review", None)]
    planned = f"青湖镇项目动态\n日前，\n从县政府网获悉，\n青湖县将在3个乡镇谋划实施重大项目，\n计划投资18亿元！{body}"
    assert kinds(planned, metadata={"发布日期": "2031-03-16"})[0][1] == "plan"  # news of what is laid out


def test_a_lead_of_the_season_dates_early_year_news_by_the_year_it_was_posted():
    body = "青湖县积极吹响重点项目复工集结号，甲产业园已建成，乙路改造工程完工，丙学校已投用。"
    posted = {"发布日期": "2031-02-24"}
    assert dated(f"初春时节，{body}", metadata=posted) == {(2031, "review")}
    assert dated(body, metadata=posted) == {(2030, "review")}  # posted early, no season said: the year before
    assert dated(f"新春伊始，青湖县建设正酣。一年来，{body}", metadata=posted) == {(2030, "review")}


def test_a_year_in_chinese_numerals_is_read_with_its_zero_typed_as_a_letter():
    for heading in ("二〇三一年工作回顾", "二o三一年工作回顾", "二O三一年工作回顾"):
        assert dated(f"青湖区区长 甲乙\n{heading}\n一年来，{REVIEW_BODY}") == {(2031, "review")}, heading


def test_a_year_before_2000_is_read_in_figures_and_in_chinese_numerals():
    for heading in ("1991年工作回顾", "一九九一年工作回顾"):
        assert dated(f"青湖区区长 甲乙\n{heading}\n一年来，{REVIEW_BODY}") == {(1991, "review")}, heading
    assert dated(f"一九五三年，{REVIEW_BODY}") == {(1953, "review")}


def test_a_report_whose_first_part_reviews_a_year_and_the_rest_sets_tasks_plans_the_next():
    text = (f"各位代表：\n一、2031年工作回顾\n{REVIEW_BODY}二、做强青禾产业，建设白鹭新区\n{PLAN_BODY}"
            f"三、深化改革开放\n{PLAN_BODY}")
    assert dated(text) == {(2031, "review"), (2032, "plan")}
    told = f"一、2031年工作回顾\n{REVIEW_BODY}二、青禾党建\n{REVIEW_BODY}三、白鹭民生\n{REVIEW_BODY}"
    assert dated(told) == {(2031, "review")}  # topics that report what was done are the review's


def test_a_text_opening_on_the_year_gone_reviews_it_until_the_middle_of_the_next():
    assert dated(f"一年来，{REVIEW_BODY}", metadata={"发布日期": "2031-05-10"}) == {(2030, "review")}
    assert dated(f"一年来，{REVIEW_BODY}", metadata={"发布日期": "2031-09-10"}) == {(2031, "review")}


def test_a_review_since_an_earlier_year_is_of_the_year_it_was_written_in():
    text = f"2018年以来，青湖镇补齐短板，助推发展。\n{REVIEW_BODY}"
    assert dated(text, metadata={"发布日期": "2020-11-19"}) == {(2020, "review")}
    assert dated(text) == {(2018, "review")}  # with no date, the year it names


def test_news_of_a_meeting_laying_out_the_year_ahead_stays_a_plan():
    text = ("青湖镇召开2022年工作部署会\n4月6日上午，青湖镇召开大会，安排部署2022年重点工作。"
            "镇长表示，将加快推进甲产业园建设，确保年内投产。要优化服务，力争早日见效。下一步将持续发力。")
    assert kinds(text) == [(2022, "plan", None)]


def test_a_numbered_year_heading_run_into_its_text_still_opens_its_part():
    text = ("政府工作报告\n各位代表：现在，我代表市人民政府向大会报告工作，请予审议。 一、2031年工作回顾过去一年，"
            f"{REVIEW_BODY}二、2032年工作安排{PLAN_BODY}")
    assert dated(text) == {(2031, "review"), (2032, "plan")}


def test_a_table_of_contents_opens_no_part():
    contents = "一、2031年工作回顾\n（一）坚持强基固本\n（二）坚持质效并进\n二、2032年工作安排\n（一）稳住经济大盘\n"
    opening = "2032年青湖镇政府工作报告\n各位代表：\n现在，我代表镇人民政府向大会报告工作，请予审议。\n"
    text = f"{contents}{opening}一、2031年工作回顾\n{REVIEW_BODY}"  # the page cut off before the plan itself
    assert dated(text) == {(2031, "review")}
    assert dated(f"{text}二、2032年工作安排\n{PLAN_BODY}") == {(2031, "review"), (2032, "plan")}


def test_year_headings_give_review_and_plan():
    text = f"一、2021年工作总结\n{REVIEW_BODY}二、2022年工作计划\n{PLAN_BODY}"
    assert kinds(text) == [(2021, "review", None), (2022, "plan", None)]


def test_a_part_proposing_this_year_s_work_is_its_plan():
    text = f"一、一年来工作回顾\n{REVIEW_BODY}二、对今年全县工作的建议\n{PLAN_BODY}"
    got = kinds(text, title="2031年政府工作报告", metadata={"发布日期": "2031-03-05"})
    assert got == [(2030, "review", None), (2031, "plan", None)]


def test_a_plan_heading_over_past_results_is_a_review():
    text = f"一、2021年工作计划\n{REVIEW_BODY}二、2022年工作计划\n{PLAN_BODY}"
    assert kinds(text) == [(2021, "review", "plan"), (2022, "plan", None)]


def test_a_one_year_plan_title_makes_the_whole_body_a_plan_of_that_year():
    body = "一、实施产业提升行动，做强实体经济。推动企业技术改造。\n二、实施城市更新行动，改善人居环境。\n"
    assert kinds(body, title="青湖街道2023年工作安排") == [(2023, "plan", None)]
    sections = find_sections(f"青湖街道2023年工作安排\n{body}")
    assert [(s.year, s.mode, s.title) for s in sections] == [(2023, "plan", "青湖街道2023年工作安排")]


def test_years_come_from_the_publication_date_when_no_heading_has_one():
    text = f"一、主要工作成效\n{REVIEW_BODY}二、存在问题\n部分项目推进较慢。\n三、下一步工作打算\n{PLAN_BODY}"
    got = kinds(text, title="青湖街道工作总结", metadata={"发布日期": "2022-01-20"})
    assert got == [(2021, "review", None), (None, "other", None), (2022, "plan", None)]
    plan = "一、产业发展\n推动企业技术改造。\n二、城市建设\n加快青湖大桥建设。\n"
    assert dated(plan, title="青湖街道工作安排", metadata={"成文日期": "2022-02-15"}) == {(2022, "plan")}


def test_a_combined_title_gives_years_to_undated_headings():
    text = f"青湖街道2021年工作总结暨2022年工作计划\n一、工作总结\n{REVIEW_BODY}二、工作计划\n{PLAN_BODY}"
    assert kinds(text) == [(None, "other", None), (2021, "review", None), (2022, "plan", None)]


def test_a_work_report_of_a_year_reviews_the_year_before():
    text = f"一、一年来工作回顾\n{REVIEW_BODY}二、今年工作安排\n{PLAN_BODY}"
    assert dated(text, title="青湖街道2023年党工委工作报告") == {(2022, "review"), (2023, "plan")}


def test_a_half_year_review_is_followed_by_a_plan_of_the_same_year():
    text = f"2022年上半年工作总结\n{REVIEW_BODY}下半年工作计划\n{PLAN_BODY}"
    assert dated(text) == {(2022, "review"), (2022, "plan")}


def test_an_annex_of_numbered_tasks_is_a_plan_of_its_year():
    text = (
        "同志们，让我们团结一心，奋勇争先。\n附件：\n2023年重点工作任务\n一、抓项目建设\n"
        "1.推进青湖大桥建设，力争年底通车。\n2.加快丙厂开工建设，确保年内投产。\n"
    )
    sections = find_sections(text)
    assert (sections[-1].year, sections[-1].mode) == (2023, "plan")
    assert text[sections[-1].start :].startswith("附件")
    assert all(s.mode == "other" for s in sections[:-1])


def test_a_problems_section_is_other():
    problems = "二、存在问题及不足\n部分项目推进较慢。\n"
    text = f"一、2022年亮点工作\n{REVIEW_BODY}{problems}三、2023年重点工作\n{PLAN_BODY}"
    assert kinds(text) == [(2022, "review", None), (None, "other", None), (2023, "plan", None)]


def test_sub_headings_stay_inside_their_section():
    text = (
        f"一、2021年工作总结\n（一）2021年经济发展成效\n{REVIEW_BODY}（二）城市建设\n{REVIEW_BODY}"
        f"二、2022年工作计划\n（一）重点任务\n{PLAN_BODY}"
    )
    assert kinds(text) == [(2021, "review", None), (2022, "plan", None)]


def test_a_combined_heading_is_cut_by_the_headings_under_it():
    review, plan = f"（一）2021年工作完成情况\n{REVIEW_BODY}", f"（二）2022年工作计划\n{PLAN_BODY}"
    text = f"一、2021年工作完成情况及2022年工作计划\n{review}{plan}"
    assert kinds(text) == [(None, "other", None), (2021, "review", None), (2022, "plan", None)]


def test_year_headings_run_into_one_line_are_found():
    review, plan = REVIEW_BODY.strip(), PLAN_BODY
    text = f"前言。一、2021年工作总结（一）党建。{review}二、2022年工作计划（一）党建。{plan}"
    assert dated(text) == {(2021, "review"), (2022, "plan")}


def test_a_line_with_a_year_and_a_figure_is_not_a_heading():
    text = f"一、2021年工作总结\n{REVIEW_BODY}2022年计划投资5亿元\n{REVIEW_BODY}"
    assert kinds(text) == [(2021, "review", None)]


def test_sections_cover_the_document_and_section_at_finds_them():
    text = f"前言一段。\n一、2021年工作总结\n{REVIEW_BODY}二、2022年工作计划\n{PLAN_BODY}"
    sections = find_sections(text)
    assert sections[0].start == 0 and sections[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:], strict=False))
    assert section_at(sections, text.index("同比")) == 1
    assert sections[section_at(sections, text.index("力争"))].mode == "plan"
    assert section_at(sections, len(text)) is None


# ---------------------------------------------------------------- dating from the evidence, ranked


def evidence(text: str, title: str = "", metadata: dict[str, str] | None = None) -> list[list[tuple]]:
    return [[(e.kind, e.text) for e in s.evidence] for s in find_sections(text, title, metadata)]


def test_a_first_sentence_is_no_title_and_its_year_dates_the_review():
    # the first line is a sentence naming a 报告: it is no "2022年…报告" title reviewing 2021
    text = f"2022年，青湖街道坚决贯彻上级报告精神，稳中求进。\n{REVIEW_BODY}"
    assert dated(text) == {(2022, "review")}
    assert ("opening", "2022年") in evidence(text)[0]


def test_an_opening_since_the_year_makes_the_preface_a_review_of_that_year():
    text = f"2022年以来，青湖街道统筹发展和安全，努力开创新局面。\n一、年度目标任务完成情况\n{REVIEW_BODY}"
    sections = find_sections(text)
    assert {(s.year, s.mode) for s in sections} == {(2022, "review")}
    assert [(e.kind, e.text) for e in sections[0].evidence] == [("opening", "2022年以来")]  # not 以来 again
    assert text[sections[0].evidence[0].start : sections[0].evidence[0].end] == sections[0].evidence[0].text


def test_this_year_so_far_is_dated_by_the_publication_date():
    text = f"今年以来，青湖街道稳中求进。\n{REVIEW_BODY}"
    assert dated(text, metadata={"发布时间": "2024-07-02 10:00"}) == {(2024, "review")}
    assert ("relative", "今年以来") in evidence(text, metadata={"发布时间": "2024-07-02"})[0]


def test_this_year_so_far_without_a_date_takes_the_next_dated_sentence():
    text = f"今年以来，青湖街道稳中求进。\n2024年，全街经济运行整体向好。{REVIEW_BODY}"
    assert dated(text) == {(2024, "review")}


def test_this_year_written_short_is_dated_by_the_publication_date():
    text = f"今年来，青湖街道稳中求进。\n{REVIEW_BODY}"
    assert dated(text, metadata={"发布日期": "2024-05-05"}) == {(2024, "review")}
    assert ("relative", "今年来") in evidence(text, metadata={"发布日期": "2024-05-05"})[0]


def test_a_year_looked_back_on_as_this_year_is_a_review_against_a_few_forward_words():
    text = ("这一年，我们攻坚克难，青湖街道稳步前行。这一年，我们真抓实干，续写新篇。"
            "这一年，我们服务群众，温暖人心。2024年，街道各社区将用图文回顾点滴变化，力求留下记录。")
    assert dated(text) == {(2024, "review")}


def test_a_half_year_report_reviews_its_own_year():
    assert dated(REVIEW_BODY, title="青湖街道2023年上半年工作报告") == {(2023, "review")}
    assert dated(REVIEW_BODY, title="青湖街道2023年工作报告") == {(2022, "review")}


def test_a_congress_report_reviews_the_year_before():
    text = f"青湖街道2025年社代会报告\n一、工作回顾\n{REVIEW_BODY}"
    assert dated(text) == {(2024, "review")}
    assert evidence(text)[-1][0] == ("title", "青湖街道2025年社代会报告")


def test_the_title_outranks_the_publication_date_and_the_index_year_dates_when_nothing_else_does():
    meta = {"发布日期": "2023-05-10"}
    assert dated(REVIEW_BODY, title="青湖街道2021年工作总结", metadata=meta) == {(2021, "review")}
    filed = {"索引号": "00123/2022-00456"}
    assert dated(REVIEW_BODY, metadata=filed) == {(2022, "review")}
    assert ("published", "索引号: 00123/2022-00456") in evidence(REVIEW_BODY, metadata=filed)[0]


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


# ---------------------------------------------------------------- mode per section


def test_a_review_with_one_forward_clause_stays_one_review():
    text = f"2023年工作总结\n{REVIEW_BODY}甲广场加快建设，计划今年10月底前开业。\n{REVIEW_BODY}"
    assert dated(text, metadata={"发布时间": "2024-01-17"}) == {(2023, "review")}


def test_a_forward_clause_in_a_review_gives_its_mentions_plan_mode_and_its_year():
    text = f"2023年工作总结\n{REVIEW_BODY}乙商业街计划今年10月底前开业，丙公园加快建设。\n{REVIEW_BODY}"
    published = find_sections(text, "", {"发布时间": "2024-01-17"})
    unpublished = find_sections(text)

    def at(sections: list, name: str) -> tuple:
        return time_of(text, sections, text.index(name), text.index(name) + len(name))

    assert at(published, "乙商业街") == (0, 2024, "plan")
    assert at(published, "丙公园") == (0, 2023, "review")
    assert at(unpublished, "乙商业街") == (0, 2023, "review")  # 今年 of a report of 2023 is 2023


def test_a_forward_clause_that_first_tells_this_years_progress_stays_review():
    text = f"2021年工作总结\n{REVIEW_BODY}丁小学抓紧建设力争2022年9月投用。\n"
    sections = find_sections(text)
    start = text.index("丁小学")
    assert time_of(text, sections, start, start + 3) == (0, 2021, "review")
    start = text.index("同比")  # a mention outside every forward clause: its section's
    assert time_of(text, sections, start, start + 2) == (0, 2021, "review")


def test_a_closing_run_of_forward_paragraphs_is_a_plan_section():
    tail = f"下一步，青湖街道{PLAN_BODY}"
    text = f"青湖街道2022年工作总结\n{REVIEW_BODY}{tail}"
    sections = find_sections(text)
    assert [(s.year, s.mode) for s in sections] == [(2022, "review"), (2023, "plan")]
    assert text[sections[1].start :] == tail
    assert sections[1].evidence[0].kind == "relative"
    half = find_sections(f"青湖街道2022年上半年工作总结\n{REVIEW_BODY}{tail}")
    assert [(s.year, s.mode) for s in half] == [(2022, "review"), (2022, "plan")]


def test_one_closing_forward_sentence_stays_in_the_review():
    text = f"青湖街道2022年工作总结\n{REVIEW_BODY}下一步，将继续加快推进青湖大桥建设。\n"
    assert [(s.year, s.mode) for s in find_sections(text)] == [(2022, "review")]


def test_a_year_opening_a_sentence_deep_in_the_body_does_not_date_the_report():
    lines = "".join(f"第{i}项工作稳步推进，同比增长{i}%。\n" for i in range(1, 15))
    text = f"{lines}2019年，甲园获评省级示范。\n"
    assert dated(text, metadata={"发布日期": "2023-01-20"}) == {(2022, "review")}
    assert dated(f"2019年，甲园获评省级示范。\n{lines}", metadata={"发布日期": "2023-01-20"}) == {(2019, "review")}


def test_an_official_who_turns_to_the_next_year_opens_a_plan_section():
    tail = f"王主任介绍，2023年，青湖街道{PLAN_BODY}"
    text = f"青湖街道2022年工作总结\n{REVIEW_BODY}{tail}"
    sections = find_sections(text)
    assert [(s.year, s.mode) for s in sections] == [(2022, "review"), (2023, "plan")]
    assert text[sections[1].start :] == tail


def test_a_forward_paragraph_followed_by_results_is_no_plan_section():
    text = f"青湖街道2022年工作总结\n{REVIEW_BODY}下一步，将力争年底前建成青湖大桥。\n{REVIEW_BODY}"
    assert dated(text) == {(2022, "review")}


def test_a_paragraph_that_sets_out_the_next_year_amid_the_results_is_a_plan_section():
    ahead = "新征程已经开启，2024年，青湖街道将全力实施五大工程，奋力打造中心城区。"
    text = f"2023年，青湖街道{REVIEW_BODY}{ahead}\n{REVIEW_BODY}"
    sections = find_sections(text)
    assert [(s.year, s.mode) for s in sections] == [(2023, "review"), (2024, "plan"), (2023, "review")]
    assert text[sections[1].start : sections[1].end] == ahead
    new_year = f"2023年，青湖街道{REVIEW_BODY}在新的一年，青湖街道将加快建设青湖大桥。\n{REVIEW_BODY}"
    assert dated(new_year) == {(2023, "review"), (2024, "plan")}
    reported = f"2023年，青湖街道{REVIEW_BODY}2024年，青湖街道将继续推进，已完成投资3亿元。\n{REVIEW_BODY}"
    assert dated(reported) == {(2023, "review")}  # results told after the year: no plan
    quoted = f"2023年，青湖街道{REVIEW_BODY}“2024年，青湖街道将加快建设青湖大桥。”书记说。\n{REVIEW_BODY}"
    assert dated(quoted) == {(2023, "review"), (2024, "plan")}  # an official's words, in quotes


def test_this_year_sets_out_the_plan_only_where_the_review_speaks_of_last_year():
    ahead = "据悉，今年，青湖街道将加快建设青湖大桥。\n"
    looked_back = f"过去一年，青湖街道在2022年{REVIEW_BODY}{ahead}{REVIEW_BODY}"
    assert dated(looked_back) == {(2022, "review"), (2023, "plan")}
    assert dated(f"2022年，青湖街道{REVIEW_BODY}{ahead}{REVIEW_BODY}") == {(2022, "review")}


def test_a_combined_heading_gives_its_body_the_year_of_the_part_it_reads_as():
    text = f"当前位置：首页 > 计划总结\n青湖镇2023年工作总结及2024年工作计划\n一年来，{REVIEW_BODY}"
    assert dated(text, metadata={"发布日期": "2024-06-05"}) == {(2023, "review")}


def test_an_inner_heading_under_an_outer_numbering_without_years_is_a_topic():
    text = (f"青湖街道2024年度工作总结\n2024年，青湖街道{REVIEW_BODY}一、聚焦产业振兴，经济稳中有进\n"
            f"（一）奋力完成全年考核目标。{REVIEW_BODY}二、聚焦民生，群众更加满意\n（一）民生实事目标。{REVIEW_BODY}")
    assert [(s.year, s.mode) for s in find_sections(text)] == [(2024, "review")]


def test_a_report_announced_hereby_is_no_intent_and_a_wrapped_title_is_no_turn():
    title = "青湖街道2024年度工作总结暨\n2025年工作思路\n"
    body = "2024年，青湖街道统筹推进各项工作。现将全年工作情况报告如下：\n全年新建道路12公里。\n"
    assert dated(title + body) == {(2024, "review")}


def test_an_announcement_of_both_parts_leaves_the_parts_to_say():
    text = (f"青湖街道2021年工作总结及2022年工作计划\n全街道较好地完成了各项任务。现将2021年工作总结及2022年工作计划"
            f"汇报如下：\n2021年工作总结\n{REVIEW_BODY}")
    assert dated(text) == {(2021, "review")}


def test_furniture_lines_do_not_use_up_the_reach_and_a_trailing_lead_opens_a_sentence():
    furniture = "".join(f"链接{i}\n" for i in range(14))
    text = f"{furniture}青湖镇项目正如火如荼建设中……今年以来，青湖镇将确保全年任务完成，力争超额。\n"
    assert dated(text, metadata={"发布日期": "2023-10-27"}) == {(2023, "review")}


def test_a_bare_year_in_a_slogan_dates_a_text_naming_no_other():
    text = f"全市奋进2024动员大会召开。青湖街道{PLAN_BODY}"
    assert dated(text) == {(2024, "plan")}
    assert dated(f"全市投资2024万元的工程开工。青湖街道{PLAN_BODY}") == {(None, "plan")}


# ---------------------------------------------------------------- the real reports


def report(prefix: str) -> str:
    path = next(REPORTS.glob(f"{prefix}_*.txt"), None)
    if path is None:
        pytest.skip(f"no report {prefix} in {REPORTS}")
    return path.read_text(encoding="utf-8")


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


def test_an_opening_that_looks_back_outweighs_forward_verbs():
    text = "2022年以来，青湖街道统筹推进各项工作。预计全年完成税收3亿元以上。确保项目尽快投产。力争明年再上台阶。"
    assert kinds(text) == [(2022, "review", None)]


@pytest.mark.parametrize(("announced", "expected"), [
    ("现将2025年安全生产工作汇报如下", (2025, "review", None)),
    ("现将2025年安全生产工作计划汇报如下", (2025, "plan", None)),
])
def test_a_text_that_announces_what_follows_is_that_in_the_year_it_names(announced, expected):
    text = (f"青湖街道坚持稳中求进，扎实推进各项工作。{announced}：\n一、强化组织领导\n"
            "将定期召开专题会议，确保责任落实。力争隐患整改率达到100%。2022年8月，辖区老街被评为示范街区。")
    assert kinds(text) == [expected]


def test_the_date_a_report_is_given_on_does_not_turn_its_review_into_a_plan():
    text = ("2025年青河县政府工作报告\n2025年1月10日在青河县第五届人民代表大会第四次会议上县长某某作报告。\n"
            "2024年是极不平凡的一年。全县地区生产总值增长5.5%，新建学校3所，顺利完成年度目标。"
            "累计改造老旧小区12个，获评省级文明县城。\n"
            "2025年是关键之年。我们将力争地区生产总值增长6%左右，确保完成各项任务。"
            "将新建学校5所。力争引进项目20个。确保粮食产量稳定。努力提升群众满意度。")
    assert [(y, m) for y, m, _ in kinds(text)] == [(2024, "review"), (2025, "plan")]
    review, plan = find_sections(text)[-2:]
    assert text[plan.start:].startswith("2025年是关键之年")


def test_a_text_that_turns_from_its_year_to_the_next_is_a_review_and_a_plan():
    text = ("2023年，在区委的坚强领导下，街道上下团结一心，各项事业高质量发展。"
            "2024年，要锚定目标，力争各项工作走在前列。")
    assert kinds(text) == [(2023, "review", None), (2024, "plan", None)]


def test_a_review_heading_holds_against_a_few_forward_words():
    text = ("一、2023年工作完成情况\n组建宣讲小分队，开展宣讲26场次。将调度制度落到实处。确保安全稳定。"
            "党员志愿者100名以上参与。\n")
    assert kinds(text) == [(2023, "review", None)]


def test_a_five_year_plan_phrase_names_the_year_of_an_undated_plan():
    text = ("今年是“十四五”开局之年，青河街道将紧紧围绕区委部署，力争经济发展再上新台阶。"
            "一是加快推进青河科创园建设，确保年内开工。二是计划改造老旧小区3个。")
    assert kinds(text) == [(2021, "plan", None)]
    closing = "今年是“十三五”规划收官之年，青河街道将确保全年目标顺利完成，计划新增就业岗位300个。"
    assert kinds(closing) == [(2020, "plan", None)]


def test_a_plan_naming_two_years_equally_is_of_the_later_one():
    text = ("青河街道召开2014年考核暨2015年目标落实大会，部署2015年重点工作。"
            "一是计划新建青河公园。二是力争完成2014年结转项目的验收。")
    assert kinds(text) == [(2015, "plan", None)]


def test_a_self_inspection_of_the_year_s_targets_is_a_review():
    text = "青溪乡2016年上半年主要工作目标管理情况自查报告\n2016年，我乡完成青溪大桥建设，新建村道5公里。"
    assert dated(text) == {(2016, "review")}


def test_a_title_wrapped_after_its_joiner_is_one_heading():
    text = ("青湖街道2023年工作总结暨\n2024年工作计划\n"
            "2023年，青湖街道完成固定资产投资12亿元，同比增长8%。建成青湖大桥，已通车。累计新增企业30家。\n"
            "二、2024年工作计划\n力争新增企业40家，确保青湖小学年底竣工，将推进老旧小区改造。")
    sections = [(s.year, s.mode, s.start) for s in find_sections(text) if s.mode != "other"]
    assert sections == [(2023, "review", 0), (2024, "plan", text.index("二、"))]


def test_a_site_s_navigation_trail_is_no_title():
    text = ("首页 > 政务公开 > 街道政务公开 > 规划计划\n一、重点工作及亮点成效\n"
            "今年以来，青湖街道完成一般公共预算收入2.5亿元，同比增长8%，全区排名第5。建成青湖大桥。")
    sections = [(s.year, s.mode) for s in find_sections(text, metadata={"发布时间": "2021-12-20"})]
    assert (None, "plan") not in sections and (2021, "review") in sections
    assert dated(text) == {(None, "review")}  # undated: still no plan


def test_clause_and_sentence_bounds_found_by_bisection_are_those_found_by_walking():
    """clause_bounds and sentence_around look marks up in a per-text cache: the answers are those of
    walking back and forth from the span, at every position of a report."""
    stop, end_ = re.compile(r"[，,；;。！？!?：:\n]"), re.compile(r"[。！？!?；;]+[”’」』）)】]*|\n")

    def walked(text: str, start: int, end: int, mark: re.Pattern[str]) -> tuple[int, int]:
        lo = start
        while lo > 0 and not mark.match(text, lo - 1):
            lo -= 1
        m = mark.search(text, end)
        return lo, m.start() if m else len(text)

    text = (REPORTS / "001_aaf01d99df054c6c.txt").read_text("utf-8")[:6000] + "，末句没有句号"
    for pos in range(len(text) + 1):
        end = min(len(text), pos + 3)
        lo, hi = walked(text, pos, end, stop)
        while lo < hi and text[lo] in " \t\r\u3000\xa0":
            lo += 1
        while hi > max(lo, end) and text[hi - 1] in " \t\r\u3000\xa0":
            hi -= 1
        assert clause_bounds(text, pos, end) == (lo, hi)
        assert sentence_around(text, pos) == walked(text, pos, pos, end_)


def test_a_plan_that_turns_to_the_year_before_tells_a_review_there():
    text = ("“2023年，青湖街道将全力推进城市更新，力争完成投资20亿元。”\n"
            "据了解，2022年，青湖街道完成固定资产投资12亿元，同比增长8%，建成青湖大桥。\n"
            "青湖街道将推动白鹭公园开工，确保年底建成。下一步，将争取青石小学落地。")
    parts = [(s.year, s.mode, text[s.start : s.end].strip()[:4]) for s in find_sections(text) if s.mode != "other"]
    assert parts == [(2023, "plan", "“202"), (2022, "review", "据了解，"), (2023, "plan", "青湖街道")]
    turned = "2022年，青湖街道建成青湖大桥，同比增长8%。2023年，将推动白鹭公园开工，力争年底建成。"
    for t in (text, turned):  # each quoted opening is where it says it is
        assert all(t[e.start : e.end] == e.text for s in find_sections(t) for e in s.evidence if e.kind == "opening")


def test_a_plan_in_the_imperative_that_frames_itself_is_a_plan():
    text = ("2030年是青湖发展的关键一年，做好全年工作意义重大。"
            "2030年全街工作总体要求是：坚持稳中求进，统筹发展和安全。\n一、实施产业提质工程\n坚持项目为王，盘活闲置物业，优化营商环境。")
    assert [(s.year, s.mode) for s in find_sections(text) if s.mode != "other"] == [(2030, "plan")]
    # the same frame in a text that reports results decides nothing by itself
    done = text.replace("盘活闲置物业", "累计盘活闲置物业3处，同比增长8%")
    assert (2030, "plan") not in {(s.year, s.mode) for s in find_sections(done)}


def test_the_day_a_report_is_given_dates_its_relative_years():
    text = ("政府工作报告\n——2031年3月5日在青湖市第九届人民代表大会第一次会议上\n各位代表：\n"
            "一、一年来工作回顾\n一年来，全市完成固定资产投资120亿元，同比增长8%，建成青湖大桥。\n"
            "二、今年工作安排\n今年将推动白鹭公园开工，确保青石小学年底建成。")
    assert {(s.year, s.mode) for s in find_sections(text) if s.mode != "other"} == {(2030, "review"), (2031, "plan")}


def test_a_year_a_plan_aims_at_is_not_the_year_it_is_for():
    text = "今年将推动青湖新城建设，到2035年基本建成，2035年远景目标逐步实现，力争2030年前完成改造。"
    assert {s.year for s in find_sections(text) if s.mode == "plan"} == {None}


def test_a_line_naming_a_horizon_year_is_no_heading_of_that_year():
    text = ("三、2021年重点工作\n今年要推动白鹭公园开工，确保青石小学年底建成。\n"
            "关于制定青湖市第十四个五年规划和二〇三五年远景目标的建议\n要力争建成青湖大桥，确保完成改造。")
    assert {(s.year, s.mode) for s in find_sections(text) if s.mode != "other"} == {(2021, "plan")}


def test_a_count_s_cut_off_day_names_its_year():
    text = ("青湖镇位于山麓。截至2013年底，全镇累计完成投资52.6亿元，同比增长18%，比2012年增加8亿元。"
            "2013年累计建成道路5条。")
    assert dated(text) == {(2013, "review")}


def test_a_report_titled_with_a_year_and_published_the_year_after_reviews_that_year():
    text = f"政府工作报告(2024年)\n{REVIEW_BODY}"
    assert dated(text, metadata={"发布日期": "2025年01月10日"}) == {(2024, "review")}
    assert dated(text, metadata={"发布日期": "2024年01月10日"}) == {(2023, "review")}  # given early in its year
    # given late in its own year (a term's last report, 换届): the year it reviews, as the year after does
    assert dated(text, metadata={"发布日期": "2024年11月10日"}) == {(2024, "review")}


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


def test_a_review_s_estimates_of_its_year_s_results_are_no_intents():
    text = ("一、2024年工作总结\n规上工业产值预计达到64.5亿元，增长9%。社会消费品零售额预计完成31.2亿元。"
            "外贸出口预计实现12.8亿元。农业产值预计达到9.6亿元，将稳步提高。\n")
    assert dated(text) == {(2024, "review")}


def test_a_heading_of_the_year_s_general_requirements_opens_the_plan():
    text = ("政府工作报告\n一、2023年工作回顾\n全年地区生产总值增长5.2%。\n"
            "二、2024年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：地区生产总值增长5%左右。\n"
            "三、2024年政府工作任务\n今年政府工作的总体要求是：\n坚持稳中求进，力争完成全年目标。\n")
    assert [(s.title, s.year, s.mode) for s in find_sections(text)][1:] == [
        ("一、2023年工作回顾", 2023, "review"), ("二、2024年经济社会发展总体要求和政策取向", 2024, "plan"),
        ("三、2024年政府工作任务", 2024, "plan")]  # 今年…总体要求是：opens a sentence, not a part


def test_a_growth_aimed_at_in_money_or_counts_is_no_past_result():
    for aimed in ("税收收入增长5000万元左右", "零售总额增长8亿元以上", "游客增长5万人次以上", "增长6%左右"):
        assert not structure._PAST.search(aimed), aimed
    for reported in ("税收收入增长5000万元", "零售总额增长8亿元", "增长6%"):
        assert structure._PAST.search(reported), reported


def test_a_year_opening_a_forward_sentence_after_the_past_year_is_the_plan_year():
    text = ("过去的一年，青湖镇建成了文化站。" + REVIEW_BODY.strip()
            + "新春在即，大家干劲更足！2020年，青湖镇将继续攻坚，力争建成青湖中心幼儿园。" + PLAN_BODY)
    assert dated(text) == {(2019, "review"), (2020, "plan")}


def test_a_comparison_with_last_year_and_an_object_marked_by_jiang_are_no_turn_to_the_year_ahead():
    text = ("青湖镇地处山区，全镇工业产值比去年有所提高。2023年，青湖镇将招商引资作为首要任务，全力抓好项目建设。"
            + REVIEW_BODY)
    assert dated(text, metadata={"发布日期": "2024-01-10"}) == {(2023, "review")}


def test_a_cut_off_day_may_be_written_with_dao():
    assert [y for y, _ in structure.years_named("截止到2013年底，")] == [2013]


def test_an_expected_date_is_still_an_intent_but_an_expected_figure_is_not():
    assert structure._FUTURE.search("青湖大桥预计2025年6月建成")
    assert not structure._FUTURE.search("全年预计总产值80亿元")


def test_a_news_item_dates_its_review_by_the_year_the_report_looked_back_on():
    text = (f"12月28日，青湖区人代会召开。政府工作报告回顾了2020年工作。全区{REVIEW_BODY}"
            "报告说，青湖大桥于2021年3月建成，甲路于2021年5月通车。\n")
    assert dated(text) == {(2020, "review")}


def test_a_report_said_to_look_back_on_a_year_and_to_set_out_the_next():
    text = (f"1月10日，青湖乡人代会开幕。报告对2022年乡政府工作作了回顾，并对2023年工作作出部署。全乡{REVIEW_BODY}"
            "报告指出，2023年，全乡要更加突出三个发展重点，让群众的获得感更加充实。\n"
            "会议期间，甲路于2023年1月通车，乙桥于2023年1月开工，丙园于2023年1月开园。\n")
    assert dated(text) == {(2022, "review"), (2023, "plan")}


def test_year_end_totals_and_successive_openings_report_results():
    text = "精准发力，确保各项工作扎实推进。全年共引进项目7个。甲酒店、乙市场相继正式开业。\n"
    assert [s.mode for s in find_sections(text)] == ["review"]
    assert [s.mode for s in find_sections("确保群众获得感更强。要让群众满意。\n")] == ["plan"]  # 获得感 is no result


def test_a_report_said_to_look_back_outweighs_next_year_words_in_a_headline():
    text = ("青湖大桥明年开工建设\n12月28日，青湖区人代会召开，政府工作报告回顾了2020年工作。"
            "全区地区生产总值增长1%，各项指标止跌回稳。明年将推进甲路建设，力争乙桥开工，要加快丙园建设。\n")
    assert dated(text) == {(2020, "review")}


def test_a_text_without_headings_or_telling_verbs_that_opens_with_its_year_reviews_it():
    body = "坚持以人民为中心，凝心聚力，唯实争先，推动全镇经济社会高质量发展。产业兴旺，乡村振兴，群众生活幸福。"
    assert [(s.year, s.mode) for s in find_sections("2031年，在县委县政府坚强领导下，青湖镇" + body)] == [
        (2031, "review")]
    assert [(s.year, s.mode) for s in find_sections("2031年，青湖镇将" + body)] == [(2031, "plan")]


def test_a_page_s_time_stamp_dates_a_text_that_names_no_year():
    body = "青湖乡紧盯重点项目，成立六个工作专班，已完成征地一百亩，累计引进企业五家，项目建设有序推进。"
    stamped = f"2031-12-30 15:11:44来源：青湖日报\n{body}"
    assert [(s.year, s.mode) for s in find_sections(stamped)] == [(2031, "review")]
    early = f"时间：2032年02月01日19:53 来源：青湖网\n{body}"
    assert [s.year for s in find_sections(early)] == [2031]  # posted early in the year: the year before
    named = f"2031-12-30 15:11:44来源：青湖日报\n2029年，{body}"
    assert [s.year for s in find_sections(named)] == [2029]  # the text's own year, not the day it was posted
    founded = f"2031-12-30 15:11:44来源：青湖日报\n{body}其中青禾公司成立于2029年，投资五千万元。"
    assert [s.year for s in find_sections(founded)] == [2031]  # a year named once in passing: posted wins
    twice = f"2031-12-30 15:11:44来源：青湖日报\n{body}2029年青湖乡完成投资三亿元，2029年新增企业五家。"
    assert [s.year for s in find_sections(twice)] == [2029]  # named more than once: the text's year


def test_a_machine_s_date_alone_near_the_top_dates_a_text_that_names_no_year():
    body = "青湖乡紧盯重点项目，成立六个工作专班，已完成征地一百亩，累计引进企业五家，项目建设有序推进。"
    for stamp in ("| 招商动态 |2031-12-16", "青湖乡举行重点项目开工仪式2031/12/9"):
        assert [(s.year, s.mode) for s in find_sections(f"{stamp}\n{body}")] == [(2031, "review")], stamp
    assert find_sections(f"版本 1.2031-12-16\n{body}")[0].year is None  # a version number is no date
    named = find_sections(f"| 招商动态 |2031-12-16\n{body}公布了2033年十件实事。")  # a date alone, and a year
    assert [s.year for s in named] == [2033]  # in the text: the date may be anything (a filing, a version)
    said = find_sections(body, metadata={"发表时间": "2032-02-01"})  # a portal's 发表时间 field
    assert [s.year for s in said] == [2031]


def test_a_heading_with_a_bracketed_aside_after_its_mode_word_is_still_a_heading():
    text = f"青湖镇工作报告\n一、2031年工作总结\n{REVIEW_BODY}\n二、2032年工作计划（草案）的说明\n{PLAN_BODY}"
    assert dated(text) == {(2031, "review"), (2032, "plan")}


def test_a_mode_word_inside_a_headline_that_goes_on_names_no_part():
    body = ("3月16日，青湖县开展集中观摩活动，青禾产业园项目、青木湾学校项目等9个重点项目集中亮相。"
            "今年，青湖镇对青木村农房进行集中改造，项目总投资1399万元。")
    headline = "青湖县以重点工作“比学赶超”掀起项目建设热潮"
    said = find_sections(f"{headline}\n{body}", headline, {"发布时间": "2031-03-18"})
    assert [(s.year, s.mode) for s in said] == [(2031, "review")]
    filed = "青湖县2031年工作计划.docx"  # a file's extension after the mode word says nothing more
    assert [(s.year, s.mode) for s in find_sections(f"{filed}\n{body}", filed)] == [(2031, "plan")]


def test_a_page_s_address_dates_a_text_that_names_no_year():
    body = "今年以来，青湖乡紧盯重点项目，已完成征地一百亩，累计引进企业五家，项目建设有序推进。"
    address = {"网址": "http://news.example/qinghu/203108/5553412.html"}
    [section] = find_sections(body, metadata=address)
    assert (section.year, section.mode) == (2031, "review")
    assert ("address", address["网址"]) in {(e.kind, e.text.removeprefix("网址: ")) for e in section.evidence}
    assert [s.year for s in find_sections(body)] == [None]  # without it the year is unknown
    early = {"网址": "http://news.example/art/2032/1/6/art_1.html"}
    assert [s.year for s in find_sections(body.replace("今年以来，", ""), metadata=early)] == [2031]


def test_a_stamp_line_read_as_a_field_dates_the_page():
    body = "今年以来，青湖乡紧盯重点项目，已完成征地一百亩，累计引进企业五家，项目建设有序推进。"
    stamp = {"来源": "青湖乡   2031-08-14 10:33:22   点击:"}
    [section] = find_sections(body, metadata=stamp)
    assert (section.year, section.mode) == (2031, "review")
    assert ("published", "来源: " + stamp["来源"]) in {(e.kind, e.text) for e in section.evidence}
    assert [s.year for s in find_sections(body, metadata={"来源": "青湖乡 第2031号"})] == [None]  # no stamp


def test_a_year_the_text_names_outranks_the_page_s_address():
    address = {"网址": "http://news.example/2034/05/17/1.shtml"}  # put online years later
    named = "青湖乡2029年实现地区生产总值28亿元，同比增长2.5%；2029年新建道路12公里，获评省级卫生乡镇。"
    assert [s.year for s in find_sections(named, metadata=address)] == [2029]
    told = ("今年以来，青湖乡紧盯重点项目，已完成征地一百亩。现将2029年工作情况总结如下：\n"
            "一是项目建设有序推进，累计引进企业五家。")
    assert dated(told, metadata=address) == {(2029, "review")}
    published = {"发布日期": "2034年05月17日"}  # a date the page itself states reads 今年 outright
    assert dated(told, metadata=published) == {(2034, "review")}


def test_a_sentence_setting_out_targets_is_a_plan_s_whatever_growth_it_lists():
    text = ("青湖镇镇长做客电台，谈今年发展方向。今年该镇主要预期目标是：工农业总收入增长5.1%，"
            "农民人均收入增加852元，二三产业收入增长8%。")
    assert [s.mode for s in find_sections(text)] == ["plan"]


def test_a_text_whose_cue_words_tie_is_what_its_steps_taken_say():
    text = ("据悉，青湖区文旅发展亮点纷呈，青湖故事馆完成建设，城市书房成为文化新地标。新增和改造博物馆10个，"
            "青禾产业园获评省级示范基地。京东等7个项目投入运营。明年争取再新增5个。")
    assert [s.mode for s in find_sections(text)] == ["review"]


def test_a_year_after_the_page_went_online_is_a_deadline_not_the_year_reviewed():
    text = ("青湖镇项目建设提速。青禾酒店完成主体结顶，要加快推进配套片区建设，确保2033年5月1日前开业。"
            "新的一年，青湖镇将打造滨海旅游目的地。")
    address = {"网址": "http://news.example/tzxw/203202/t20320225_1.shtml"}
    assert [s.year for s in find_sections(text, metadata=address)] == [2032]


def test_a_year_named_once_in_passing_does_not_outrank_the_page_s_address():
    text = ("青湖镇召开半年工作会，各村书记述职，总结上半年成绩。“2029年，青禾村在产业发展方面存在短板，"
            "如今已建成大棚120个。”青湖镇累计完成投资3亿元，同比增长12%。")
    assert [s.year for s in find_sections(text, metadata={"网址": "http://news.example/203106/1.html"})] == [2031]


def test_a_year_so_far_posted_in_january_is_the_year_just_ended():
    text = "今年以来，青湖镇累计完成投资3亿元，同比增长12%，青禾大桥建成通车。"
    assert [s.year for s in find_sections(text, metadata={"网址": "http://news.example/203201/1.html"})] == [2031]
    assert [s.year for s in find_sections(text, metadata={"网址": "http://news.example/203207/1.html"})] == [2032]


def test_news_of_a_day_posted_in_february_reads_its_year_so_far_as_that_year():
    text = "2月21日上午，青湖镇举行重点项目集中开工活动。今年以来，青湖镇累计完成投资3亿元，青禾大桥建成通车。"
    assert [s.year for s in find_sections(text, metadata={"发布日期": "2032-02-21"})] == [2032]
    plain = "今年以来，青湖镇累计完成投资3亿元，同比增长12%，青禾大桥建成通车。"
    assert [s.year for s in find_sections(plain, metadata={"发布日期": "2032-02-21"})] == [2031]  # a year-end review


def test_a_sentence_saying_what_the_town_will_do_in_the_next_year_is_its_plan():
    text = ("2031年，青湖镇实现地方财政收入1.2亿元，增长7%。青禾村完成道路硬化。"
            "青湖镇2032年将重点帮助甲家具、乙陶瓷增资扩产，推动丙基地投产。")
    assert dated(text) == {(2031, "review"), (2032, "plan")}
    named_after = ("青湖网5月28日讯 5月27日，青湖镇人民代表大会召开。\n会议听取了青湖镇政府工作报告，报告总结了"
                   "2031年该镇在民生实事等领域取得的成绩。2032年该镇将持续聚焦产业发展，推动丙基地投产。\n"
                   "大会还听取和审议了镇财政预算报告，选举副镇长两名，表彰了6名优秀代表。")
    assert dated(named_after) == {(2031, "review"), (2032, "plan")}
    done = "2031年，青湖镇实现地方财政收入1.2亿元，增长7%。青湖镇2031年将甲家具列入重点企业。"
    assert dated(done) == {(2031, "review")}  # the year reviewed itself: no turn


def test_a_review_that_turns_to_look_ahead_to_the_next_year_gets_its_plan():
    text = ("2031年，青湖镇预计完成规上工业总产值60亿元，同比增长14%，新增高新技术企业40家。"
            "展望2032年，青湖镇将聚焦新型工业化，着力打造都市制造中心，力争引进亿元项目10个。")
    assert dated(text) == {(2031, "review"), (2032, "plan")}


def test_a_line_opening_with_this_year_on_a_page_of_the_year_after_sets_out_its_plan():
    text = ("记者从青湖区人代会获悉，2031年，青湖区累计完成投资12亿元，同比增长9%，建成美丽乡村8个。"
            "青湖区获评省级卫生区，新增规上企业5家。\n"
            "今年，青湖区将持续发力，统筹推进3个特色小镇建设，打造美丽乡村示范点5个。")
    address = {"网址": "http://news.example/203202/26/1.html"}
    assert dated(text, metadata=address) == {(2031, "review"), (2032, "plan")}


def test_a_sentence_opening_with_this_year_mid_line_on_a_page_of_the_year_after_sets_out_its_plan():
    text = ("记者从青湖区人代会获悉，2031年，青湖区累计完成投资12亿元，同比增长9%，建成美丽乡村8个。"
            "青湖区获评省级卫生区，新增规上企业5家。今年，青湖区将持续发力，统筹推进3个特色小镇建设。")
    address = {"网址": "http://news.example/203202/26/1.html"}
    assert dated(text, metadata=address) == {(2031, "review"), (2032, "plan")}


def test_what_a_news_item_says_the_report_set_out_is_no_past_result():
    # 明确了, 提出了: the reporter telling what the report says, not work done
    text = (f"12月28日，青湖区人代会召开。政府工作报告回顾了2020年工作。全区{REVIEW_BODY}"
            "2021年全区主要预期目标是：地区生产总值增长6%，固定资产投资增长4%。此外，报告还明确了2021年主要工作安排。\n")
    assert dated(text) == {(2020, "review"), (2021, "plan")}


def test_a_news_item_on_works_as_they_stand_now_reviews_its_year_against_a_few_forward_words():
    text = ("3月15日，县领导到青湖镇观摩重点项目。在青湖大桥项目现场，工人们正在抢抓工期，预计5月完工。"
            "甲路改造工程目前进展顺利，将于年底通车。要加快进度，确保质量。\n")
    assert {mode for _, mode in dated(text, metadata={"发布日期": "2023-03-16"})} == {"review"}


def test_a_review_going_on_to_the_next_year_so_far_is_a_review_of_each_year():
    text = (f"1月5日，青湖镇召开总结会。2021年，青湖镇{REVIEW_BODY}"
            "会议指出，2022年以来，全镇上下冷静应对疫情，工业产值同比增长8%，累计完成投资3亿元，新建道路5公里。\n")
    assert dated(text) == {(2021, "review"), (2022, "review")}


def test_a_paragraph_naming_the_year_ahead_is_a_plan_when_a_later_sentence_of_it_states_the_aim():
    text = (f"2月2日，青湖镇召开经济工作会议。2022年，青湖镇{REVIEW_BODY}"
            "报告要求，2023年，是实施规划的重要一年。要继续守正创新，力争建成青湖中心幼儿园。\n"
            "镇长指出，过去的一年成绩难能可贵，各项工作都取得了成效。\n")
    assert dated(text) == {(2022, "review"), (2023, "plan")}


def test_the_year_before_in_the_mouth_of_the_meeting_is_a_review_inside_a_plan():
    text = ("青湖镇召开2023年度经济工作会议\n发布时间：2023-03-08\n"
            "会议认为，2022年青湖镇全镇上下团结一心，各项工作成绩斐然，圆满完成了年度目标任务。\n"
            f"会议指出，2023年，{PLAN_BODY}")
    assert dated(text, metadata={"发布时间": "2023-03-08"}) == {(2022, "review"), (2023, "plan")}


def test_a_look_back_on_the_year_before_opens_a_review_inside_a_plan():
    text = (f"青湖区2026年重点项目集中开工。{PLAN_BODY}"
            "回望2025年，青湖区深耕实干，青湖大桥顺利建成，甲厂一期顺利投产，全年新增企业30家。\n"
            f"开局关系全局。{PLAN_BODY}")
    assert dated(text) == {(2025, "review"), (2026, "plan")}


def test_a_news_item_saying_the_report_set_out_the_year_ahead_has_that_plan_too():
    text = ("12月20日，青湖镇人民代表大会召开。报告回顾总结了2014年的工作，"
            "并对2015年的工作目标和任务进行了安排部署。"
            f"2014年，青湖镇{REVIEW_BODY}")
    assert dated(text) == {(2014, "review"), (2015, "plan")}


def test_a_news_item_saying_the_meeting_looked_back_on_the_year_before_has_that_review_too():
    text = f"青湖镇2023年工作要点\n{PLAN_BODY}会上，镇长回顾总结了2022年工作成绩。\n{PLAN_BODY}"
    assert dated(text) == {(2022, "review"), (2023, "plan")}


def test_a_year_a_figure_is_compared_with_is_not_a_year_the_text_speaks_of():
    assert [y for y, _ in structure.years_named("全镇产值比2006年增长35%，较2006年翻一番，2011年完成投资。")] == [2011]


def test_the_year_ahead_said_to_be_a_year_of_something_late_in_a_sentence_opens_its_plan_there():
    text = ("1月28日，青湖镇人民代表大会闭幕。会议回顾总结了2017年所取得的工作成效，并提出了今后的奋斗目标及主要任务，"
            "2018年是全面建成小康社会的关键一年，青湖镇将持续推进生态旅游小镇建设。\n")
    sections = [s for s in find_sections(text) if s.mode in ("review", "plan")]
    assert {(s.year, s.mode) for s in sections} == {(2017, "review"), (2018, "plan")}
    assert text[next(s.start for s in sections if s.mode == "plan"):].startswith("2018年是")


def test_a_news_item_opening_on_the_year_s_targets_then_telling_the_year_before_is_a_plan_and_a_review():
    text = ("在新的一年，青湖镇制定新目标，2023年全镇经济预期目标达到税收6.5亿元，固定资产投资10亿元。"
            "青湖镇将全力抓好项目建设，力争新增规上企业5家。\n"
            "据介绍，在过去的一年，青湖镇强化责任担当，狠抓工作落实，全镇税收实现4.81亿元，同比增长4.75%，签约项目11个。\n")
    assert dated(text) == {(2022, "review"), (2023, "plan")}


def test_works_voted_for_the_year_ahead_are_its_plan_and_those_already_built_are_not():
    text = (f"3月6日，青湖镇人民代表大会召开。2023年，青湖镇{REVIEW_BODY}"
            "大会票决出2024年民生实事项目：\n1.青湖大桥改造项目\n2.乙路硬化工程\n")
    assert dated(text) == {(2023, "review"), (2024, "plan")}
    built = (f"3月6日，青湖镇人民代表大会召开。2023年，青湖镇{REVIEW_BODY}"
             "大会票决确定的2023-2024年度民生实事项目4个，目前均已完工。\n")
    assert dated(built) == {(2023, "review")}
    titled = (f"青湖镇人大票决出今年民生实事项目\n3月6日，青湖镇人民代表大会召开。2023年，青湖镇{REVIEW_BODY}"
              "大会票决了2024年民生实事项目。\n")
    assert dated(titled) == {(2023, "review"), (2024, "plan")}  # the title names no year, the sentence does
    scheme = (f"3月6日，青湖镇人民代表大会召开。2023年，青湖镇{REVIEW_BODY}"
              "代表们提出意见建议，为做好2024年民生实事票决项目提供了参考。\n")
    assert dated(scheme) == {(2023, "review")}  # 票决项目 names the scheme: no vote was held


def test_the_year_ahead_said_to_be_a_key_year_opens_a_plan_whose_aim_is_on_the_next_line():
    text = (f"1月17日，青湖县人民代表大会召开。报告指出，2024年是实施规划的关键之年，做好今年政府工作意义重大。\n"
            f"青湖县将聚焦产业转型，持续推动经济增长。\n奋进的2023年\n过去一年，青湖县{REVIEW_BODY}")
    assert dated(text) == {(2023, "review"), (2024, "plan")}


def test_a_news_pages_time_field_dates_a_text_that_names_no_year():
    text = "青湖镇项目建设稳步推进\n今年以来，青湖镇新建道路12公里，甲产业园已开工。"
    assert [(s.year, s.mode) for s in find_sections(text, "", {"时间": "2023-07-28"}) if s.mode != "other"] == [
        (2023, "review")]


# A news item with no heading: the rules read it as a review (its lead reports the event), though
# most of what it quotes is intent.
UNHEADED = ("3月5日，青湖镇召开项目推进会。会议要求，要加快推进青湖大道建设，力争年底前建成通车。"
            "要确保产业园二期按期开工。要争取新引进企业五家以上。")
SURE_PLAN = Linear(("plan", "review"), (0.0, 0.0), {"share": (3.0, -3.0)})  # the more sentences look ahead, the plan


def test_a_trained_reading_decides_a_text_with_no_heading_where_it_is_sure():
    assert [s.mode for s in find_sections(UNHEADED)] == ["review"]  # the rules: news of an event
    [section] = find_sections(UNHEADED, reading=SURE_PLAN)
    assert section.mode == "plan"
    [why] = [e for e in section.evidence if e.kind == "learned"]
    assert why.text.startswith("要") and why.text.endswith(")")  # the cues it read and how sure it was
    assert UNHEADED[why.start : why.end] == "要"
    unsure = Linear(("plan", "review"), (0.0, 0.0), {"share": (0.2, -0.2)})
    assert [s.mode for s in find_sections(UNHEADED, reading=unsure)] == ["review"]  # not sure: the rules' reading


def test_a_trained_reading_leaves_headed_texts_and_texts_without_cues_to_the_rules():
    headed = "青湖镇2031年工作总结\n" + UNHEADED
    eager = Linear(("plan", "review"), (3.0, -3.0), {})  # plan, whatever it reads
    assert [(s.year, s.mode) for s in find_sections(headed, reading=eager)] == [(2031, "review")]
    quiet = "青湖镇位于县城东部，辖五个村。"
    assert find_sections(quiet, reading=eager) == find_sections(quiet)  # nothing to read
    assert [s.mode for s in find_sections(UNHEADED, reading=eager)] == ["plan"]
    assert unheaded_features(headed) is None
    done = "青湖镇今年新建道路三条，同比增长一成，获评省级卫生镇。"
    plan, review = unheaded_features(UNHEADED), unheaded_features(done)
    assert plan is not None and review is not None and plan["share"] > review["share"]


def test_a_five_year_plan_s_aims_are_no_one_year_s_plan():
    text = ("2031年青州市政府工作报告\n一、2030年工作回顾\n过去一年，青州建成青河大桥，新增企业30家。\n"
            "二、“十六五”时期主要目标任务\n到2035年，青州将建成青河新城，地区生产总值翻一番。\n"
            "三、2031年重点工作\n确保青湖小学年底竣工，推进青河新城建设。")
    got = [(s.year, s.mode, text[s.start : s.start + 2]) for s in find_sections(text) if s.start > 0]
    assert got == [(2030, "review", "一、"), (None, "other", "二、"), (2031, "plan", "三、")]
    # a heading naming one of the plan's years is that year's plan
    dated = text.replace("二、“十六五”时期主要目标任务", "二、“十六五”开局之年主要目标任务")
    assert (2031, "plan", "二、") in [(s.year, s.mode, dated[s.start : s.start + 2]) for s in find_sections(dated)]
