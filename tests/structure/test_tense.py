"""Done or to do: the cue words of past results and of intents, and the sentences' vote."""

from __future__ import annotations

from structure_helpers import REVIEW_BODY, dated, kinds

from kg.structure import tense
from kg.structure.sections import find_sections


def test_a_text_without_headings_is_what_most_of_its_sentences_say():
    assert kinds("青湖街道召开年度会议\n将加快推进青湖大桥建设。要持续优化营商环境。2023年完成改造。") == [
        (2023, "plan", None)]


def test_a_year_looked_back_on_as_this_year_is_a_review_against_a_few_forward_words():
    text = ("这一年，我们攻坚克难，青湖街道稳步前行。这一年，我们真抓实干，续写新篇。"
            "这一年，我们服务群众，温暖人心。2024年，街道各社区将用图文回顾点滴变化，力求留下记录。")
    assert dated(text) == {(2024, "review")}


def test_a_review_s_estimates_of_its_year_s_results_are_no_intents():
    text = ("一、2024年工作总结\n规上工业产值预计达到64.5亿元，增长9%。社会消费品零售额预计完成31.2亿元。"
            "外贸出口预计实现12.8亿元。农业产值预计达到9.6亿元，将稳步提高。\n")
    assert dated(text) == {(2024, "review")}


def test_a_growth_aimed_at_in_money_or_counts_is_no_past_result():
    for aimed in ("税收收入增长5000万元左右", "零售总额增长8亿元以上", "游客增长5万人次以上", "增长6%左右"):
        assert not tense.PAST.search(aimed), aimed
    for reported in ("税收收入增长5000万元", "零售总额增长8亿元", "增长6%"):
        assert tense.PAST.search(reported), reported


def test_a_comparison_with_last_year_and_an_object_marked_by_jiang_are_no_turn_to_the_year_ahead():
    text = ("青湖镇地处山区，全镇工业产值比去年有所提高。2023年，青湖镇将招商引资作为首要任务，全力抓好项目建设。"
            + REVIEW_BODY)
    assert dated(text, metadata={"发布日期": "2024-01-10"}) == {(2023, "review")}


def test_an_expected_date_is_still_an_intent_but_an_expected_figure_is_not():
    assert tense.FUTURE.search("青湖大桥预计2025年6月建成")
    assert not tense.FUTURE.search("全年预计总产值80亿元")


def test_year_end_totals_and_successive_openings_report_results():
    text = "精准发力，确保各项工作扎实推进。全年共引进项目7个。甲酒店、乙市场相继正式开业。\n"
    assert [s.mode for s in find_sections(text)] == ["review"]
    assert [s.mode for s in find_sections("确保群众获得感更强。要让群众满意。\n")] == ["plan"]  # 获得感 is no result


def test_a_sentence_setting_out_targets_is_a_plan_s_whatever_growth_it_lists():
    text = ("青湖镇镇长做客电台，谈今年发展方向。今年该镇主要预期目标是：工农业总收入增长5.1%，"
            "农民人均收入增加852元，二三产业收入增长8%。")
    assert [s.mode for s in find_sections(text)] == ["plan"]


def test_a_text_whose_cue_words_tie_is_what_its_steps_taken_say():
    text = ("据悉，青湖区文旅发展亮点纷呈，青湖故事馆完成建设，城市书房成为文化新地标。新增和改造博物馆10个，"
            "青禾产业园获评省级示范基地。京东等7个项目投入运营。明年争取再新增5个。")
    assert [s.mode for s in find_sections(text)] == ["review"]


def test_what_a_news_item_says_the_report_set_out_is_no_past_result():
    # 明确了, 提出了: the reporter telling what the report says, not work done
    text = (f"12月28日，青湖区人代会召开。政府工作报告回顾了2020年工作。全区{REVIEW_BODY}"
            "2021年全区主要预期目标是：地区生产总值增长6%，固定资产投资增长4%。此外，报告还明确了2021年主要工作安排。\n")
    assert dated(text) == {(2020, "review"), (2021, "plan")}


def test_a_news_item_on_works_as_they_stand_now_reviews_its_year_against_a_few_forward_words():
    text = ("3月15日，县领导到青湖镇观摩重点项目。在青湖大桥项目现场，工人们正在抢抓工期，预计5月完工。"
            "甲路改造工程目前进展顺利，将于年底通车。要加快进度，确保质量。\n")
    assert {mode for _, mode in dated(text, metadata={"发布日期": "2023-03-16"})} == {"review"}
