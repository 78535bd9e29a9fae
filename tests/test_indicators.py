"""Indicators across spellings and amounts across units, on invented names."""

from __future__ import annotations

from kg.indicators import RATE_OF_CHANGE, base, key


def test_abbreviations_and_the_speaker_s_own_area_do_not_change_an_indicator():
    assert key("规上工业增加值") == key("规模以上工业增加值")
    assert key("GDP") == key("全省地区生产总值") == key("生产总值")
    assert key("经济增长") == key("经济增长率") == key("经济增速") == key("地区生产总值")  # the economy's growth
    assert key("经济增长速度") == key("国内生产总值") and RATE_OF_CHANGE.search("经济增长")  # a rate of change too
    assert key("数字经济增长") != key("地区生产总值")
    assert key("粮食总产量") == key("粮食产量") and key("工业总产值") != key("工业产值")
    assert key("新增就业") == key("城镇新增就业") and key("农村新增就业") != key("城镇新增就业")
    assert key("外贸进出口总额") == key("进出口贸易总额") == key("进出口总额") and key("粮食总产") == key("粮食产量")
    assert key("居民消费价格涨幅") == key("居民消费价格") and key("房地产") == "房地产"
    assert key("地方一般公共预算收入") == key("一般公共预算收入")
    assert key("全社会固定资产投资") == key("固定资产投资")
    assert key("能耗强度") == key("单位国内生产总值能耗") == key("单位GDP能耗")
    assert key("工业能耗强度") != key("能耗强度")
    assert key("调查失业率") == key("城镇调查失业率") != key("城镇登记失业率")
    assert key("居民消费价格总水平涨幅") == key("居民消费价格涨幅") == key("CPI")
    assert key("城镇新增就业人口") == key("城镇新增就业人数") == key("城镇新增就业") != key("城镇人口")
    assert key("新增城镇就业") == key("城镇新增就业") != key("城镇就业")  # the jobs added, in either order
    assert key("农村常住居民人均可支配收入") == key("农村居民人均可支配收入") and key("常住人口") == "常住人口"


def test_a_different_scope_is_a_different_indicator():
    assert key("工业总产值") != key("规模以上工业总产值")
    assert key("城镇新增就业") != key("农村新增就业")


def test_amounts_are_compared_in_base_units():
    assert base(1.2, "万人") == (12000, "人")
    assert base(616, "亿斤") == base(3080, "万吨")
    assert base(5.53, "万亿元") == base(55300, "亿元")
    assert base(0.3, "个百分点") == (0.3, "个百分点")
