"""When a report was published: a date field, else the day it was given to its congress, a time
stamp near its top, the year of its 索引号, a date in the page's address.

The date is the report's "now": what its 今年 means, and whether a review published early in a
year is of the year before.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.manifest import ADDRESS, address_date
from kg.model import Evidence, Section
from kg.structure.years import YEAR

_DATE = re.compile(r"(20\d\d)\s*[-年/.]\s*(\d{1,2})")
_DATE_KEYS = ("成文日期", "发布日期", "发布时间", "发表日期", "发表时间", "公布日期", "发文日期", "发文时间",
              "生成日期", "发稿时间",
              "更新时间", "编辑时间", "最后编辑时间", "日期", "时间", "date")
# The day a report is given, under its title: ——2023年3月5日在第十四届全国人民代表大会第一次会议上.
_GIVEN_ON = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*在[^\n。]{0,40}?(?:代表大会|会议)")
_GIVEN_REACH = 400  # characters: the line stands under the title
# A page's time stamp near its top (2020-12-30 15:11:44 来源: …): a day and a clock time is when it was
# posted; a year the text names more than once outranks it, as it does a page's address.
_STAMP = re.compile(r"(20\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*\d{1,2}(?:日\s*|\s+)\d{1,2}:\d{2}"
                    r"|(?<![\d.])(20\d\d)([-/])(\d{1,2})\4\d{1,2}(?![\d.])")  # or a machine's date alone: 2021/4/9
_INDEX_YEAR = re.compile(r"/\s*(20\d\d)\s*-")  # 索引号 000014349/2022-83299: the year it was filed
DATED = ("published", "address")  # evidence of when the report was published
EARLY_MONTHS = 3  # a review published by March is of the year before
LOOKS_BACK_MONTHS = 6  # one opening on the year gone (一年来), by June
LATE_MONTHS = 10  # a plan published from October on is for the year after


class Date(NamedTuple):
    """When a report was published, and where that was read."""

    year: int
    month: int | None  # None: a year alone
    evidence: Evidence
    posted: bool = False  # when the page was put online (its address, a time stamp over it), no more


def published(metadata: dict[str, str], text: str = "") -> Date | None:
    """The publication date: a date field, else the day the report was given
    to its congress (——2023年3月5日在第十四届全国人民代表大会…上), else a time stamp near the top (a
    machine's date alone only over a text naming no year), else one in a field (a stamp line read as
    one), else the year of the 索引号, else a date in the page's address."""
    for key in _DATE_KEYS:
        if key in metadata and (m := _DATE.search(metadata[key])):
            return Date(int(m.group(1)), int(m.group(2)), Evidence("published", f"{key}: {metadata[key]}"))
    if (m := _GIVEN_ON.search(text, 0, _GIVEN_REACH)) is not None:
        return Date(int(m.group(1)), int(m.group(2)), Evidence("published", m.group(), m.start(), m.end()))
    m = _STAMP.search(text, 0, _GIVEN_REACH)
    if m is not None and (m.group(1) or not YEAR.search(text, m.end())):
        year, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(5))
        return Date(int(year), int(month), Evidence("published", m.group(), m.start(), m.end()), posted=True)
    for key, value in metadata.items():  # a page's stamp line read as a field (来源: 某镇 2024-08-14 10:33:22)
        if key != ADDRESS and (m := _STAMP.search(value)) is not None and m.group(1):
            return Date(int(m.group(1)), int(m.group(2)), Evidence("published", f"{key}: {value}"), posted=True)
    if (m := _INDEX_YEAR.search(metadata.get("索引号", ""))) is not None:
        return Date(int(m.group(1)), None, Evidence("published", f"索引号: {metadata['索引号']}"))
    if (url := metadata.get(ADDRESS)) and (dated := address_date(url)):
        return Date(*dated, Evidence("address", f"{ADDRESS}: {url}"), posted=True)
    return None


def today(s: Section) -> int | None:
    """The year the report was published in, from the section's evidence."""
    for e in s.evidence:
        if e.kind == "address" and (dated := address_date(e.text.removeprefix(f"{ADDRESS}: "))):
            return dated[0]
        if e.kind == "published" and (m := _DATE.search(e.text) or _INDEX_YEAR.search(e.text)):
            return int(m.group(1))
    return None
