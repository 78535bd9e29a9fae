"""What the first sentences of a text say of it: the year or 今年以来 it opens with, news of an
event, what it announces it reports (现将…汇报如下), a year looked back on, a five-year plan's year.

Only the lead is read: a year opening a sentence deep in the body dates an event, not the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from kg.model import Evidence, Mode
from kg.reading import CN_DIGITS
from kg.structure.clauses import sentences
from kg.structure.headings import MODE_WORD
from kg.structure.published import Date
from kg.structure.years import PLAN_AT, PLAN_YEAR, YEAR, year_in

# The body's first dated sentence: "2022年，…" or "2022年以来，…" opens the review of that year.
OPENING = re.compile(rf"{YEAR.pattern}(?P<half>上半年|前三季度)?(?:以来|来|[，,]|是|全年)")
SINCE = re.compile(r"以来|年来")  # an opening that can only look back
# "今年以来…" dates the review by the publication year.
_THIS_YEAR = re.compile(r"(?:今年|本年)(?P<half>上半年|前三季度)?(?:以来|来|[，,]|全年)")
_TRAILED = re.compile(r"[…]{2,}\s*")  # a lead that trails off (…建设中……今年以来，…) opens a new sentence
_OPENING_REACH = 12  # sentences (title, breadcrumbs, metadata lines count) where an opening dates the report
_SHORT_LINE = 8  # characters: a shorter sentence (找回密码) does not count towards the reach


# A paragraph opening with one of these turns from the year's results to what comes next.
# The next year opening a sentence (2024年，要…), not a date (2024年1月13日在…代表大会上: when it is given).
# A news item may put the turn in an official's mouth: 某某介绍，2025年，… 某某表示，下一步…
SAID_BY = r"[\u4e00-\u9fff]{2,8}(?:介绍|表示|说|指出|透露|强调|认为|提出|要求)[，,：:]"
SAID = rf"(?:{SAID_BY})?"
FORWARD_OPENER = re.compile(
    rf"{SAID}(?:展望)?(?:下一步|下步|明年|来年|新的一年|今后|未来|{YEAR.pattern}(?!\s*\d{{1,2}}\s*月))[，,：:]?")


@lru_cache(maxsize=4)
def _lead(text: str) -> tuple[tuple[int, int], ...]:
    """The first sentences, up to _OPENING_REACH of some length: a page's short furniture lines
    (找回密码, 立即注册, [复制链接]) do not use up the reach. (Read by several kinds of dating evidence of
    one text, hence the cache.)"""
    out = []
    counted = 0
    for a, b in sentences(text):
        if counted == _OPENING_REACH:
            break
        out.append((a, b))
        counted += b - a >= _SHORT_LINE
    return tuple(out)


def opening_evidence(m: re.Match[str]) -> Evidence:
    """The words of an opening (2022年, 今年以来) as evidence, without the comma after them."""
    words = m.group().rstrip("，,")
    return Evidence("opening", words, m.start(), m.start() + len(words))


def opening_matches(text: str) -> Iterator[re.Match[str]]:
    """Sentences among the first few that open with a year or 今年以来, in order (a year opening a
    sentence deep in the body dates an event, not the report)."""
    for a, b in _lead(text):
        for at in (a, *(m.end() for m in _TRAILED.finditer(text, a, b))):
            hit = OPENING.match(text, at) or _THIS_YEAR.match(text, at)
            if hit:
                yield hit


# A year written bare in a slogan or a meeting's name (奋进2024动员大会), not a date or a figure.
_BARE_YEAR = re.compile(r"(?<=[\u4e00-\u9fff“\"])(20[0-4]\d)(?=[\u4e00-\u9fff”\"])"
                        r"(?![年万亿千百元余多个户人亩平米吨家项条座套名所辆台公斤])")


def bare_year(text: str) -> re.Match[str] | None:
    """The first bare year among the first sentences: the weakest dating, for a text naming no other."""
    lead = _lead(text)
    return _BARE_YEAR.search(text, 0, lead[-1][1]) if lead else None


REVIEWED = re.compile(rf"回顾(?:总结)?了?\s*{YEAR.pattern}"
                      rf"|对\s*{YEAR.pattern}[^。，,；;]{{0,12}}?工作(?:作|进行)了?[^。，,；;]{{0,4}}回顾")


def reviewed(text: str) -> tuple[int | None, Mode, Evidence, bool] | None:
    """A year said to be looked back on among the first sentences (报告回顾了2020年工作, 报告对2022年
    工作作了回顾)."""
    lead = _lead(text)
    m = REVIEWED.search(text, 0, lead[-1][1]) if lead else None
    return None if m is None else (year_in(m.group()), Mode.REVIEW, Evidence("opening", m.group(), m.start(), m.end()),
                                   False)


def plan_year(text: str) -> tuple[int, Evidence] | None:
    """The year a five-year-plan phrase among the first sentences names ("十四五"开局之年 → 2021)."""
    reach = _lead(text)
    m = PLAN_YEAR.search(text, 0, reach[-1][1]) if reach else None
    if m is None:
        return None
    first = 2006 + 5 * (int(m.group(1).translate(CN_DIGITS)) - 1)
    return first + PLAN_AT[m.group("at")], Evidence("named", m.group(), m.start(), m.end())


# A report that announces what follows: 现将全年工作情况报告如下 (a review), 现将明年工作打算汇报如下 (a plan).
_ANNOUNCED = re.compile(r"现将[^。！？!?；;\n]{0,40}?(?:汇报|报告|总结)如下")


def announced(text: str) -> tuple[Mode, Evidence] | None:
    """What the text says it is about to report, among its first sentences: a plan when the words
    name a plan (计划, 打算), else a review."""
    m = _ANNOUNCED.search(text)  # within a sentence: the pattern holds no sentence end
    lead = _lead(text)
    if m is None or not lead or m.start() >= lead[-1][1]:
        return None
    modes = {w.lastgroup for w in MODE_WORD.finditer(m.group())}
    if {Mode.REVIEW, Mode.PLAN} <= modes:
        return None  # 现将2021年工作总结及2022年工作计划汇报如下: the parts that follow tell
    return Mode.PLAN if Mode.PLAN in modes else Mode.REVIEW, Evidence("opening", m.group(), m.start(), m.end())


# A news lead: a dated or freshly reported event (3月15日，…举行; 本报讯…召开; 近日…走进). The item
# reports what took place, whatever intents it quotes; a meeting that lays out work to come is not one.
_NEWS_LEAD = re.compile(r"(?:本报讯|网讯|日电|记者|近日|日前|昨日|昨天|\d{1,2}月\d{1,2}日)[^。！？!?；;]{0,120}?"
                        r"(?:举行|召开|举办|开展|走进|来到|观摩|调研|视察|考察|察看|督导|开工|签约|揭牌|获悉|了解到)")
_TOLD = re.compile(r"[。！？!?]")  # where the sentence telling the event ends, on whatever line
_LAYS_OUT = re.compile(r"(?<!统一)(?<!决策)部署|安排|动员|誓师|计划|规划|展望|目标|工作会议?|代表大会|发布会")


def news_opening(text: str) -> tuple[Mode, Evidence] | None:
    """A text that opens as news of an event is a review of the time it reports (`_NEWS_LEAD`); news
    whose lead, up to the event, lays out work to come (`_LAYS_OUT`: 部署, 目标, 代表大会 …) says nothing."""
    if not (lead := _lead(text)):
        return None
    start, end = lead[0][0], lead[-1][1]
    # the event may be told on the lines after its date (11月17日 | 甲项目 | 举行开工仪式)
    if (m := _NEWS_LEAD.search(text, start, end)) is None:
        return None
    b = next(b for _, b in lead if m.start() < b)  # the end of the sentence the lead starts in
    told = _TOLD.search(text, m.end(), end)
    said = text[start : max(b, told.start() if told else end)]  # the title and lead up to the event's end
    return None if _LAYS_OUT.search(said) else (Mode.REVIEW, Evidence("opening", m.group(), m.start(), m.end()))


_DAY = re.compile(r"(?<!\d)(\d{1,2})月\d{1,2}日")


def _news_days(text: str) -> Iterator[re.Match[str]]:
    """The days (M月D日) the lead of a text that opens as news dates, in order; none for other texts."""
    if news_opening(text) is not None:
        yield from (m for a, b in _lead(text) for m in _DAY.finditer(text, a, b))


def reposted(text: str, date: Date | None) -> Date | None:
    """A page posted in a month before the one its news lead dates its event in (posted in March, 9月25日，…
    召开): the event was the year before, and so is the page's "now"."""
    if date is None or date.month is None:
        return date
    first = next((m for m in _news_days(text) if text[m.start() - 1 : m.start()] != "年"), None)  # 今天是2031年9月20日
    return date._replace(year=date.year - 1, month=None) if first and int(first.group(1)) > date.month else date


def news_of_the_month(text: str, month: int) -> bool:
    """Is the text news whose lead dates its event in `month` (2月21日上午，… posted in February)?"""
    return any(int(m.group(1)) == month for m in _news_days(text))


def looks_back(text: str) -> tuple[Mode, Evidence] | None:
    """An opening that can only look back (2022年以来, 今年以来; 报告回顾了2020年工作), or a year that the
    text later turns from to the next one (2023年，… 2024年，要…), makes a text without headings a
    review first."""
    opening = next(opening_matches(text), None)
    if opening is None:
        back = reviewed(text)  # 报告回顾了2020年工作: a news item of the report looks back first
        return (back[1], back[2]) if back else None
    ev = opening_evidence(opening)
    if SINCE.search(opening.group()):
        return Mode.REVIEW, ev
    year = year_in(opening.group()) if opening.re is OPENING else None
    for a, _ in sentences(text[opening.end() :]):
        turn = FORWARD_OPENER.match(text, opening.end() + a)
        if year and turn and year_in(turn.group()) == year + 1:
            return Mode.REVIEW, ev
    return None
