"""The publication date: fields, the day a report is given, a page's stamp and address."""

from __future__ import annotations

from kg.structure.sections import find_sections


def test_the_day_a_report_is_given_dates_its_relative_years():
    text = ("政府工作报告\n——2031年3月5日在青湖市第九届人民代表大会第一次会议上\n各位代表：\n"
            "一、一年来工作回顾\n一年来，全市完成固定资产投资120亿元，同比增长8%，建成青湖大桥。\n"
            "二、今年工作安排\n今年将推动白鹭公园开工，确保青石小学年底建成。")
    assert {(s.year, s.mode) for s in find_sections(text) if s.mode != "other"} == {(2030, "review"), (2031, "plan")}


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


def test_a_news_pages_time_field_dates_a_text_that_names_no_year():
    text = "青湖镇项目建设稳步推进\n今年以来，青湖镇新建道路12公里，甲产业园已开工。"
    assert [(s.year, s.mode) for s in find_sections(text, "", {"时间": "2023-07-28"}) if s.mode != "other"] == [
        (2023, "review")]
