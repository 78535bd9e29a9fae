"""The review and plan years of parts that state none, from the strongest evidence."""

from __future__ import annotations

from structure_helpers import PLAN_BODY, REVIEW_BODY, dated, evidence, kinds

from kg.structure.sections import find_sections


def test_a_lead_of_the_season_dates_early_year_news_by_the_year_it_was_posted():
    body = "青湖县积极吹响重点项目复工集结号，甲产业园已建成，乙路改造工程完工，丙学校已投用。"
    posted = {"发布日期": "2031-02-24"}
    assert dated(f"初春时节，{body}", metadata=posted) == {(2031, "review")}
    assert dated(body, metadata=posted) == {(2030, "review")}  # posted early, no season said: the year before
    assert dated(f"新春伊始，青湖县建设正酣。一年来，{body}", metadata=posted) == {(2030, "review")}


def test_a_text_opening_on_the_year_gone_reviews_it_until_the_middle_of_the_next():
    assert dated(f"一年来，{REVIEW_BODY}", metadata={"发布日期": "2031-05-10"}) == {(2030, "review")}
    assert dated(f"一年来，{REVIEW_BODY}", metadata={"发布日期": "2031-09-10"}) == {(2031, "review")}


def test_a_review_since_an_earlier_year_is_of_the_year_it_was_written_in():
    text = f"2018年以来，青湖镇补齐短板，助推发展。\n{REVIEW_BODY}"
    assert dated(text, metadata={"发布日期": "2020-11-19"}) == {(2020, "review")}
    assert dated(text) == {(2018, "review")}  # with no date, the year it names


def test_years_come_from_the_publication_date_when_no_heading_has_one():
    text = f"一、主要工作成效\n{REVIEW_BODY}二、存在问题\n部分项目推进较慢。\n三、下一步工作打算\n{PLAN_BODY}"
    got = kinds(text, title="青湖街道工作总结", metadata={"发布日期": "2022-01-20"})
    assert got == [(2021, "review", None), (None, "other", None), (2022, "plan", None)]
    plan = "一、产业发展\n推动企业技术改造。\n二、城市建设\n加快青湖大桥建设。\n"
    assert dated(plan, title="青湖街道工作安排", metadata={"成文日期": "2022-02-15"}) == {(2022, "plan")}


def test_a_work_report_of_a_year_reviews_the_year_before():
    text = f"一、一年来工作回顾\n{REVIEW_BODY}二、今年工作安排\n{PLAN_BODY}"
    assert dated(text, title="青湖街道2023年党工委工作报告") == {(2022, "review"), (2023, "plan")}


def test_a_half_year_review_is_followed_by_a_plan_of_the_same_year():
    text = f"2022年上半年工作总结\n{REVIEW_BODY}下半年工作计划\n{PLAN_BODY}"
    assert dated(text) == {(2022, "review"), (2022, "plan")}


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


def test_a_combined_heading_gives_its_body_the_year_of_the_part_it_reads_as():
    text = f"当前位置：首页 > 计划总结\n青湖镇2023年工作总结及2024年工作计划\n一年来，{REVIEW_BODY}"
    assert dated(text, metadata={"发布日期": "2024-06-05"}) == {(2023, "review")}


def test_a_plan_naming_two_years_equally_is_of_the_later_one():
    text = ("青河街道召开2014年考核暨2015年目标落实大会，部署2015年重点工作。"
            "一是计划新建青河公园。二是力争完成2014年结转项目的验收。")
    assert kinds(text) == [(2015, "plan", None)]


def test_a_report_titled_with_a_year_and_published_the_year_after_reviews_that_year():
    text = f"政府工作报告(2024年)\n{REVIEW_BODY}"
    assert dated(text, metadata={"发布日期": "2025年01月10日"}) == {(2024, "review")}
    assert dated(text, metadata={"发布日期": "2024年01月10日"}) == {(2023, "review")}  # given early in its year
    # given late in its own year (a term's last report, 换届): the year it reviews, as the year after does
    assert dated(text, metadata={"发布日期": "2024年11月10日"}) == {(2024, "review")}


def test_a_year_opening_a_forward_sentence_after_the_past_year_is_the_plan_year():
    text = ("过去的一年，青湖镇建成了文化站。" + REVIEW_BODY.strip()
            + "新春在即，大家干劲更足！2020年，青湖镇将继续攻坚，力争建成青湖中心幼儿园。" + PLAN_BODY)
    assert dated(text) == {(2019, "review"), (2020, "plan")}


def test_a_year_the_text_names_outranks_the_page_s_address():
    address = {"网址": "http://news.example/2034/05/17/1.shtml"}  # put online years later
    named = "青湖乡2029年实现地区生产总值28亿元，同比增长2.5%；2029年新建道路12公里，获评省级卫生乡镇。"
    assert [s.year for s in find_sections(named, metadata=address)] == [2029]
    told = ("今年以来，青湖乡紧盯重点项目，已完成征地一百亩。现将2029年工作情况总结如下：\n"
            "一是项目建设有序推进，累计引进企业五家。")
    assert dated(told, metadata=address) == {(2029, "review")}
    published = {"发布日期": "2034年05月17日"}  # a date the page itself states reads 今年 outright
    assert dated(told, metadata=published) == {(2034, "review")}


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
