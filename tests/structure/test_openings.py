"""What the first sentences say of a text: its opening year, news of an event, an announcement."""

from __future__ import annotations

import pytest
from structure_helpers import PLAN_BODY, REVIEW_BODY, dated, evidence, kinds

from kg.structure.sections import find_sections


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


def test_news_of_a_meeting_laying_out_the_year_ahead_stays_a_plan():
    text = ("青湖镇召开2022年工作部署会\n4月6日上午，青湖镇召开大会，安排部署2022年重点工作。"
            "镇长表示，将加快推进甲产业园建设，确保年内投产。要优化服务，力争早日见效。下一步将持续发力。")
    assert kinds(text) == [(2022, "plan", None)]


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


def test_a_year_opening_a_sentence_deep_in_the_body_does_not_date_the_report():
    lines = "".join(f"第{i}项工作稳步推进，同比增长{i}%。\n" for i in range(1, 15))
    text = f"{lines}2019年，甲园获评省级示范。\n"
    assert dated(text, metadata={"发布日期": "2023-01-20"}) == {(2022, "review")}
    assert dated(f"2019年，甲园获评省级示范。\n{lines}", metadata={"发布日期": "2023-01-20"}) == {(2019, "review")}


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


def test_a_five_year_plan_phrase_names_the_year_of_an_undated_plan():
    text = ("今年是“十四五”开局之年，青河街道将紧紧围绕区委部署，力争经济发展再上新台阶。"
            "一是加快推进青河科创园建设，确保年内开工。二是计划改造老旧小区3个。")
    assert kinds(text) == [(2021, "plan", None)]
    closing = "今年是“十三五”规划收官之年，青河街道将确保全年目标顺利完成，计划新增就业岗位300个。"
    assert kinds(closing) == [(2020, "plan", None)]


def test_a_news_item_dates_its_review_by_the_year_the_report_looked_back_on():
    text = (f"12月28日，青湖区人代会召开。政府工作报告回顾了2020年工作。全区{REVIEW_BODY}"
            "报告说，青湖大桥于2021年3月建成，甲路于2021年5月通车。\n")
    assert dated(text) == {(2020, "review")}


def test_a_report_said_to_look_back_outweighs_next_year_words_in_a_headline():
    text = ("青湖大桥明年开工建设\n12月28日，青湖区人代会召开，政府工作报告回顾了2020年工作。"
            "全区地区生产总值增长1%，各项指标止跌回稳。明年将推进甲路建设，力争乙桥开工，要加快丙园建设。\n")
    assert dated(text) == {(2020, "review")}
