"""The title and the year-level headings, and the parts they name."""

from __future__ import annotations

from structure_helpers import PLAN_BODY, REVIEW_BODY, dated, evidence, kinds

from kg.structure.sections import find_sections


def test_a_report_whose_first_part_reviews_a_year_and_the_rest_sets_tasks_plans_the_next():
    text = (f"各位代表：\n一、2031年工作回顾\n{REVIEW_BODY}二、做强青禾产业，建设白鹭新区\n{PLAN_BODY}"
            f"三、深化改革开放\n{PLAN_BODY}")
    assert dated(text) == {(2031, "review"), (2032, "plan")}
    told = f"一、2031年工作回顾\n{REVIEW_BODY}二、青禾党建\n{REVIEW_BODY}三、白鹭民生\n{REVIEW_BODY}"
    assert dated(told) == {(2031, "review")}  # topics that report what was done are the review's


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


def test_a_one_year_plan_title_makes_the_whole_body_a_plan_of_that_year():
    body = "一、实施产业提升行动，做强实体经济。推动企业技术改造。\n二、实施城市更新行动，改善人居环境。\n"
    assert kinds(body, title="青湖街道2023年工作安排") == [(2023, "plan", None)]
    sections = find_sections(f"青湖街道2023年工作安排\n{body}")
    assert [(s.year, s.mode, s.title) for s in sections] == [(2023, "plan", "青湖街道2023年工作安排")]


def test_a_combined_title_gives_years_to_undated_headings():
    text = f"青湖街道2021年工作总结暨2022年工作计划\n一、工作总结\n{REVIEW_BODY}二、工作计划\n{PLAN_BODY}"
    assert kinds(text) == [(None, "other", None), (2021, "review", None), (2022, "plan", None)]


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


def test_a_first_sentence_is_no_title_and_its_year_dates_the_review():
    # the first line is a sentence naming a 报告: it is no "2022年…报告" title reviewing 2021
    text = f"2022年，青湖街道坚决贯彻上级报告精神，稳中求进。\n{REVIEW_BODY}"
    assert dated(text) == {(2022, "review")}
    assert ("opening", "2022年") in evidence(text)[0]


def test_an_inner_heading_under_an_outer_numbering_without_years_is_a_topic():
    text = (f"青湖街道2024年度工作总结\n2024年，青湖街道{REVIEW_BODY}一、聚焦产业振兴，经济稳中有进\n"
            f"（一）奋力完成全年考核目标。{REVIEW_BODY}二、聚焦民生，群众更加满意\n（一）民生实事目标。{REVIEW_BODY}")
    assert [(s.year, s.mode) for s in find_sections(text)] == [(2024, "review")]


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


def test_a_line_naming_a_horizon_year_is_no_heading_of_that_year():
    text = ("三、2021年重点工作\n今年要推动白鹭公园开工，确保青石小学年底建成。\n"
            "关于制定青湖市第十四个五年规划和二〇三五年远景目标的建议\n要力争建成青湖大桥，确保完成改造。")
    assert {(s.year, s.mode) for s in find_sections(text) if s.mode != "other"} == {(2021, "plan")}


def test_a_heading_of_the_year_s_general_requirements_opens_the_plan():
    text = ("政府工作报告\n一、2023年工作回顾\n全年地区生产总值增长5.2%。\n"
            "二、2024年经济社会发展总体要求和政策取向\n今年发展主要预期目标是：地区生产总值增长5%左右。\n"
            "三、2024年政府工作任务\n今年政府工作的总体要求是：\n坚持稳中求进，力争完成全年目标。\n")
    assert [(s.title, s.year, s.mode) for s in find_sections(text)][1:] == [
        ("一、2023年工作回顾", 2023, "review"), ("二、2024年经济社会发展总体要求和政策取向", 2024, "plan"),
        ("三、2024年政府工作任务", 2024, "plan")]  # 今年…总体要求是：opens a sentence, not a part


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


def test_a_five_year_plan_s_aims_are_no_one_year_s_plan():
    text = ("2031年青州市政府工作报告\n一、2030年工作回顾\n过去一年，青州建成青河大桥，新增企业30家。\n"
            "二、“十六五”时期主要目标任务\n到2035年，青州将建成青河新城，地区生产总值翻一番。\n"
            "三、2031年重点工作\n确保青湖小学年底竣工，推进青河新城建设。")
    got = [(s.year, s.mode, text[s.start : s.start + 2]) for s in find_sections(text) if s.start > 0]
    assert got == [(2030, "review", "一、"), (None, "other", "二、"), (2031, "plan", "三、")]
    # a heading naming one of the plan's years is that year's plan
    dated = text.replace("二、“十六五”时期主要目标任务", "二、“十六五”开局之年主要目标任务")
    assert (2031, "plan", "二、") in [(s.year, s.mode, dated[s.start : s.start + 2]) for s in find_sections(dated)]
