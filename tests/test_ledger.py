"""The ledger on invented quantities: met, missed, no result, ≈ targets, ceilings, unit conversion,
and targets linked to results of the same district, indicator and year only."""

from __future__ import annotations

import pytest

from kg.ledger import entries, judge
from kg.model import Corpus, DocResult, Document, Place, Quantity


def q(indicator: str, value: float, unit: str, bound: str = "=", mode: str = "target", year: int = 2025,
      kind: str = "level") -> Quantity:
    return Quantity(indicator, value, unit, kind, bound, 0, 1, year, mode)


@pytest.mark.parametrize(("target", "result", "status"), [
    (q("地区生产总值", 5.5, "%", "≈", kind="change"), q("地区生产总值", 5.1, "%", kind="change"), "met"),
    (q("地区生产总值", 5.5, "%", "≈", kind="change"), q("地区生产总值", 4.9, "%", kind="change"), "missed"),
    (q("地区生产总值", 5.5, "%", "≥", kind="change"), q("地区生产总值", 5.4, "%", kind="change"), "missed"),
    (q("城镇新增就业", 70, "万人"), q("城镇新增就业", 700000, "人"), "met"),
    (q("城镇新增就业", 70, "万人"), q("城镇新增就业", 69.9, "万人"), "missed"),
    (q("粮食产量", 616, "亿斤", "≈"), q("粮食产量", 3080, "万吨"), "met"),
    (q("城镇调查失业率", 5.5, "%", "≤"), q("城镇调查失业率", 5.2, "%"), "met"),
    (q("城镇调查失业率", 5.5, "%", "≈"), q("城镇调查失业率", 5.9, "%"), "met"),
    (q("城镇调查失业率", 5.5, "%", "≈"), q("城镇调查失业率", 6.1, "%"), "missed"),
    (q("居民消费价格涨幅", 3, "%", "≈"), q("居民消费价格涨幅", 0.2, "%"), "met"),
    (q("常住人口城镇化率", 60, "%", "≈"), q("常住人口城镇化率", 59.8, "%"), "missed"),  # a level rate: reached or not
    (q("常住人口城镇化率", 60, "%", "≈"), q("常住人口城镇化率", 60.1, "%"), "met"),
])
def test_a_target_is_judged_by_the_convention(target, result, status):
    assert judge(target, result)[0] == status


def fall(indicator: str, value: float, bound: str = "=", mode: str = "result") -> Quantity:
    return Quantity(indicator, value, "%", "change", bound, 0, 1, 2025, mode, falls=True)


@pytest.mark.parametrize(("target", "result", "status", "ratio"), [
    (q("固定资产投资", 5, "%", "≈", kind="change"), fall("固定资产投资", 2.4), "missed", -0.48),  # fell, not rose
    (fall("单位地区生产总值能耗", 2, "≈", "target"), fall("单位地区生产总值能耗", 3), "met", 1.5),  # fell further
    (fall("单位地区生产总值能耗", 2, "≈", "target"), fall("单位地区生产总值能耗", 1.2), "missed", 0.6),
    (fall("单位地区生产总值能耗", 2, "≈", "target"), q("单位地区生产总值能耗", 0.5, "%", kind="change", mode="result"),
     "missed", -0.25),  # it rose
    (q("居民消费价格涨幅", 2, "%", "≈", kind="change"), fall("居民消费价格", 0.1), "met", -0.05),  # a ceiling
])
def test_a_change_is_judged_in_the_direction_the_target_aims(target, result, status, ratio):
    assert judge(target, result) == (status, ratio)


def test_no_figure_is_no_result_and_the_ratio_is_in_one_unit():
    assert judge(q("城镇新增就业", 70, "万人"), None) == ("no_result", None)
    assert judge(q("固定资产投资", 1.8, "亿元"), q("固定资产投资", 9000, "万元"))[1] == 0.5


def _report(doc: str, district: str, quantities: list[Quantity]) -> DocResult:
    d = Document(id=doc, path=f"{doc}.txt", text="", sha256=doc * 4)
    return DocResult(d, district=Place(district, "province"), district_id=f"district-{district}",
                     quantities=quantities)


def test_targets_meet_results_of_the_same_district_indicator_and_year_only():
    corpus = Corpus([
        _report("a-2025", "甲省", [q("全省地区生产总值", 5, "%", "≈", kind="change"), q("城镇新增就业", 70, "万人")]),
        _report("a-2026", "甲省", [q("GDP", 4.7, "%", mode="result", kind="change"),
                                   q("城镇新增就业", 75, "万人", mode="result", year=2024)]),
        _report("b-2026", "乙省", [q("城镇新增就业", 90, "万人", mode="result")]),
    ])
    got = {(e.district_name, e.indicator): (e.status, e.result and e.result.doc) for e in entries(corpus.results)}
    assert got == {("甲省", "全省地区生产总值"): ("met", "a-2026"),  # GDP is 地区生产总值; 4.7 within 0.5 of ≈5
                   ("甲省", "城镇新增就业"): ("no_result", None)}  # 2024's figure, 乙省's figure: not this target's


def test_a_growth_rate_is_not_compared_with_an_amount():
    corpus = Corpus([_report("a-2025", "甲省", [q("地区生产总值", 5, "%", "≥", kind="change")]),
                     _report("a-2026", "甲省", [q("地区生产总值", 5.3, "万亿元", mode="result")])])
    assert [e.status for e in entries(corpus.results)] == ["no_result"]


def test_a_total_of_several_years_judges_no_one_year_s_target():
    five_years = q("城镇新增就业", 600, "万人", mode="result")
    five_years.period = "这五年"
    corpus = Corpus([_report("a-2025", "甲省", [q("城镇新增就业", 120, "万人", "≥")]),
                     _report("a-2026", "甲省", [five_years])])
    assert [e.status for e in entries(corpus.results)] == ["no_result"]


def test_an_aim_of_several_years_is_no_one_year_s_target_but_a_rate_they_bring_to_is():
    five_years, rate = q("城镇新增就业", 600, "万人", "≥"), q("常住人口城镇化率", 60, "%", "≥")
    five_years.period = rate.period = "今后五年"
    corpus = Corpus([_report("a-2025", "甲省", [five_years, rate, q("城镇新增就业", 110, "万人", "≥")]),
                     _report("a-2026", "甲省", [q("城镇新增就业", 121, "万人", mode="result"),
                                                q("常住人口城镇化率", 60.5, "%", mode="result")])])
    assert sorted((e.indicator, e.target.quantity.value, e.status) for e in entries(corpus.results)) == [
        ("城镇新增就业", 110, "met"), ("常住人口城镇化率", 60, "met")]


def test_a_change_from_a_base_years_before_judges_no_one_year_s_target():
    since, year_on_year = q("地区生产总值", 38, "%", mode="result", kind="change"), q(
        "地区生产总值", 5.2, "%", mode="result", kind="change")
    since.period = "比2020年"
    for found, status in ((since, "no_result"), (year_on_year, "met")):
        corpus = Corpus([_report("a-2025", "甲省", [q("地区生产总值", 5, "%", "≈", kind="change")]),
                         _report("a-2026", "甲省", [found])])
        assert [e.status for e in entries(corpus.results)] == [status]


def test_a_rate_the_years_brought_to_is_the_last_year_s_result_but_their_average_is_not():
    reached, average = q("研发投入强度", 3.1, "%", mode="result"), q("研发投入强度", 3.0, "%", mode="result")
    reached.period, average.period = "“十四五”时期", "五年年均"
    for found, status in ((reached, "met"), (average, "no_result")):
        corpus = Corpus([_report("a-2025", "甲省", [q("研发投入强度", 3.05, "%", "≈")]),
                         _report("a-2026", "甲省", [found])])
        assert [e.status for e in entries(corpus.results)] == [status]


def test_a_rate_of_change_named_as_such_meets_the_change_reported():
    corpus = Corpus([_report("a-2025", "甲省", [q("居民消费价格涨幅", 3, "%", "≈")]),
                     _report("a-2026", "甲省", [q("居民消费价格", 0.2, "%", mode="result", kind="change"),
                                               q("城镇调查失业率", 5.1, "%", mode="result")])])
    assert [(e.status, e.result and e.result.quantity.value) for e in entries(corpus.results)] == [("met", 0.2)]


def test_a_project_s_figure_answers_only_that_project_s_target():
    def of(subject: str | None, quantity: Quantity) -> Quantity:
        quantity.subject = subject
        return quantity

    corpus = Corpus([
        _report("a-2025", "甲市", [of("青禾大桥项目", q("完成投资", 3, "亿元")), q("完成投资", 80, "亿元")]),
        _report("a-2026", "甲市", [of("白鹭湖项目", q("完成投资", 5, "亿元", mode="result")),
                                   q("完成投资", 85, "亿元", mode="result")]),
    ])
    got = {e.indicator: (e.status, e.result and e.result.quantity.value) for e in entries(corpus.results)}
    assert got == {"青禾大桥项目完成投资": ("no_result", None),  # 白鹭湖项目's 5亿元 is not its result
                   "完成投资": ("met", 85)}
