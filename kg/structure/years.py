"""The years a text names: in figures or in Chinese numerals, and not the horizons a plan aims at
(到2035年) nor the years a figure is compared with (比2006年增长).

What every reading of a year or a date in a report starts from; the years that five-year plans
name ("十四五"开局之年) are spelt here too.
"""

from __future__ import annotations

import re

from kg.reading import CN_DIGITS, CN_YEAR

# A year since 1949, in figures or in Chinese numerals (一九五三年; 二o二四年, its zero typed as the letter o)
YEAR_DIGITS = r"(?:19[4-9]\d|20\d\d)"  # a year since 1949 in figures: what every reading of a year or date starts from
YEAR = re.compile(rf"({YEAR_DIGITS}|{CN_YEAR})\s*年")


def year_in(s: str) -> int | None:
    m = YEAR.search(s)
    if not m:
        return None
    y = m.group(1)
    return int(y.translate(CN_DIGITS))


# "十四五"开局之年: the year named by its place in a five-year plan (十一五 began in 2006).
PLAN_YEAR = re.compile(r"十([一二三四五六七八九])五[”\"」]?(?:规划)?(?:的)?"
                       r"(?P<at>开局|起步|开篇|第一|第二|承上启下|第三|第四|收官|决胜|最后一)之?年")
# A five-year plan's period named by the plan alone ("十五五"时期): several years, none of them its own.
FIVE_YEARS = re.compile(r"十[一二三四五六七八九]五")
PLAN_AT = {"开局": 0, "起步": 0, "开篇": 0, "第一": 0, "第二": 1, "承上启下": 2, "第三": 2, "第四": 3,
           "收官": 4, "决胜": 4, "最后一": 4}


# A year a plan aims at, not the one it is for: 到2035年, 至2025年, 2035年远景目标, 2010年前.
_HORIZON = re.compile(r"(?:底|末)?(?:前|远景|的远景)")
_HORIZON_BEFORE = ("到", "至")
_COMPARED_WITH = ("比", "较")  # 比2006年增长35%: the year a figure is compared with
_CUT_OFF = re.compile(r"(?:截至|截止)到?$")  # 截至2013年底, 截止到2013年底: the day results are counted to, not an aim


def years_named(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, re.Match[str]]]:
    """The years a stretch of text names, in order, each with where: not the horizons a plan aims
    at (到2035年, 2027年底前, 2035年远景目标), though a count's cut-off day is one (截至2013年底), nor
    the years figures are compared with (比2006年增长)."""
    end = len(text) if end is None else end
    return [(y, m) for m in YEAR.finditer(text, start, end)
            if not _HORIZON.match(text, m.end()) and (text[max(0, m.start() - 1) : m.start()] not in _HORIZON_BEFORE
                                                       or _CUT_OFF.search(text, max(0, m.start() - 3), m.start()))
            and text[max(0, m.start() - 1) : m.start()] not in _COMPARED_WITH and (y := year_in(m.group())) is not None]
