"""The years a text names: in figures or Chinese numerals, not horizons nor years compared with."""

from __future__ import annotations

from structure_helpers import REVIEW_BODY, dated

from kg.structure.sections import find_sections
from kg.structure.years import years_named


def test_a_year_in_chinese_numerals_is_read_with_its_zero_typed_as_a_letter():
    for heading in ("二〇三一年工作回顾", "二o三一年工作回顾", "二O三一年工作回顾"):
        assert dated(f"青湖区区长 甲乙\n{heading}\n一年来，{REVIEW_BODY}") == {(2031, "review")}, heading


def test_a_year_before_2000_is_read_in_figures_and_in_chinese_numerals():
    for heading in ("1991年工作回顾", "一九九一年工作回顾"):
        assert dated(f"青湖区区长 甲乙\n{heading}\n一年来，{REVIEW_BODY}") == {(1991, "review")}, heading
    assert dated(f"一九五三年，{REVIEW_BODY}") == {(1953, "review")}


def test_a_year_a_plan_aims_at_is_not_the_year_it_is_for():
    text = "今年将推动青湖新城建设，到2035年基本建成，2035年远景目标逐步实现，力争2030年前完成改造。"
    assert {s.year for s in find_sections(text) if s.mode == "plan"} == {None}


def test_a_count_s_cut_off_day_names_its_year():
    text = ("青湖镇位于山麓。截至2013年底，全镇累计完成投资52.6亿元，同比增长18%，比2012年增加8亿元。"
            "2013年累计建成道路5条。")
    assert dated(text) == {(2013, "review")}


def test_a_cut_off_day_may_be_written_with_dao():
    assert [y for y, _ in years_named("截止到2013年底，")] == [2013]


def test_a_year_a_figure_is_compared_with_is_not_a_year_the_text_speaks_of():
    assert [y for y, _ in years_named("全镇产值比2006年增长35%，较2006年翻一番，2011年完成投资。")] == [2011]
