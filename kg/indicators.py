"""One indicator across spellings, and amounts in comparable units.

Reports write one indicator several ways (规上工业增加值 / 规模以上工业增加值; GDP / 地区生产总值 /
全省生产总值) but a different scope is a different indicator (工业总产值 is not 规模以上工业总产值):
`key` drops only what never changes the scope — the speaker's own area (全省, 全市), a
leading 年/全年, quotes and blanks — and spells generic abbreviations out. `base` turns an amount into
the unit a comparison needs (1.2万人 → 12000 人, 616亿斤 → 3080万吨 → 30800000 吨).
"""

from __future__ import annotations

import re

from kg.simplified import simplified

# Generic abbreviations of statistical indicators (not names of anything).
_ABBREVIATIONS = (("规上", "规模以上"), ("社零", "社会消费品零售"), ("GDP", "地区生产总值"),
                  ("国内生产总值", "地区生产总值"), ("生产总值", "地区生产总值"), ("CPI", "居民消费价格"),
                  ("能耗强度", "单位地区生产总值能耗"))  # energy per unit of output
_OWN_AREA = re.compile(r"^(?:全国|全省|全市|全区|全县|全州|全旗|全镇|全街道|全乡|本省|本市|我省|我市"
                       r"|我区|我县|全年|年度|当年|今年|地方)+")
_NOISE = re.compile(r"[\s“”\"'《》（）()·]|实现|完成|达到|(?<=[\u4e00-\u9fff])总(?=产量)"  # 粮食总产量: 粮食产量
                    r"|外贸(?=进出口)|(?<=进出口)贸易"  # 外贸进出口总额, 进出口贸易总额: the trade total
                    r"|^全社会(?=固定资产投资)|常住(?=居民人均)|(?<=居民消费价格)总水平|(?<=新增就业)(?:人口|人数)$")
# the statistics' full names: 全社会固定资产投资, 城镇常住居民人均可支配收入, 居民消费价格总水平 and 城镇新增就业人数
# are 固定资产投资, 城镇居民人均可支配收入, 居民消费价格 and 城镇新增就业
# A rate of change named as such (居民消费价格涨幅 is how much 居民消费价格 rose).
RATE_OF_CHANGE = re.compile(r"(?:涨幅|增幅|增速|增长率|增长速度|(?<=[\u4e00-\u9fff]{2})增长)$")
_MAGNITUDE = {"十": 10, "百": 100, "千": 1_000, "万": 10_000, "亿": 100_000_000}
# Indicators that stand for another when written alone: the jobs added (in either word order) and the
# surveyed unemployment that reports give are the towns' (城镇); the economy's growth is GDP's.
_WHOLE = {"新增就业": "城镇新增就业", "新增城镇就业": "城镇新增就业", "调查失业率": "城镇调查失业率",
          "经济增长": "地区生产总值", "经济": "地区生产总值"}
# Units that measure the same thing, in a base unit: mass in 吨 (1 斤 = 0.5 kg), area in 平方米 …
_CONVERT = {"斤": (0.0005, "吨"), "公斤": (0.001, "吨"), "千克": (0.001, "吨"), "平方公里": (1_000_000, "平方米"),
            "平方千米": (1_000_000, "平方米"), "公顷": (10_000, "平方米"), "千米": (1, "公里"), "％": (1, "%"),
            "百分点": (1, "个百分点")}
# A rate or level that is better low: its target is a ceiling even when written ≈ (失业率5.5%左右).
LOWER_IS_BETTER = re.compile(r"失业率|价格|涨幅|CPI|能耗|排放|事故|死亡|发病率|负债率|赤字")


def key(indicator: str) -> str:
    """The indicator's comparable spelling."""
    k = _NOISE.sub("", simplified(indicator))  # 地區生產總值 is 地区生产总值
    k = _OWN_AREA.sub("", k)
    for short, full in _ABBREVIATIONS:
        if short in k and full not in k:
            k = k.replace(short, full)
    k = re.sub(r"(?<=[\u4e00-\u9fff])总产$", "产量", RATE_OF_CHANGE.sub("", k))  # 粮食总产: 粮食产量
    return _WHOLE.get(k, k)


def base(value: float, unit: str) -> tuple[float, str]:
    """(value, unit) with magnitude prefixes applied and the unit converted to its base."""
    unit = unit.strip()
    while len(unit) > 1 and unit[0] in _MAGNITUDE and unit != "百分点":
        value, unit = value * _MAGNITUDE[unit[0]], unit[1:]
    factor, to = _CONVERT.get(unit, (1, unit))
    return value * factor, to
