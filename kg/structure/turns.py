"""Sections cut where they turn to another year: a review that turns to what comes next (下一步,
明年, 2024年，要…) or sets out the next year amid its results, a plan that turns back to the year
before, and the sentence where a news item says the year ahead was set out (or works voted for it)
or the year before looked back on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Evidence, Mode, Section
from kg.structure.clauses import SPACE, sentence_around, sentences
from kg.structure.headings import COMMA, HEADING_END, MAX_HEADING, heading_parts
from kg.structure.openings import FORWARD_OPENER, REVIEWED, SAID, SAID_BY, SINCE
from kg.structure.published import DATED, today
from kg.structure.tense import DECIDE, FUTURE, INTENT, LAST_YEAR, MIN_VOTES, PAST, body_mode
from kg.structure.years import YEAR, year_in, years_named


def _openings_in(text: str, s: Section, pattern: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str], int | None]]:
    """The sentences of a section after its first that open with `pattern`: where, the opening, and
    the year it names."""
    for a, b in sentences(text[s.start : s.end]):
        a += s.start
        line = text[a : s.start + b]
        if len(line) <= MAX_HEADING and heading_parts(line) and not COMMA.search(line):
            continue  # a heading's line (the wrapped half of a title: …总结暨 | 2025年工作思路)
        if a != s.start and (opener := pattern.match(text, a)):
            yield a, opener, year_in(opener.group())


def _turn(text: str, s: Section, span: tuple[int, int], year: int, mode: Mode, kind: str, words: str,
          why: Evidence | None) -> Section:
    """The part of a section from a sentence where it turns to another year and mode."""
    a, end = span
    evidence = [Evidence(kind, words, a, a + len(words)), *([why] if why else []),
                *(e for e in s.evidence if e.kind in DATED)]
    return Section(HEADING_END.split(text[a:end])[0][:MAX_HEADING], a, end, year, mode, None, evidence)


def split_forward(text: str, s: Section, partial: bool) -> list[Section]:
    """A review that turns, at a sentence opening with 下一步, 明年 or the next year (…。2024年，要…),
    to what comes next, and plainly states intents from there on, is a review and a plan: two
    sections. One forward sentence closing a review (下一步，将继续…) stays part of it."""
    if s.mode != Mode.REVIEW or s.year is None:
        return [s]
    for a, opener, named in _openings_in(text, s, FORWARD_OPENER):
        if named not in (None, s.year + 1):
            continue
        # the next year named outright turns the text on its own; 下一步 must be borne out by the verbs
        mode, why = body_mode(text, a, s.end, *((1.0, 1) if named else (DECIDE, MIN_VOTES)))
        if mode == Mode.REVIEW and named and SINCE.match(text, opener.end()):
            # 2022年以来，…: the review goes on to the year the text is written in, as done so far
            return _carve(text, s, _turn(text, s, (a, s.end), named, Mode.REVIEW, "opening", opener.group() + "以来",
                                         why))
        if mode != Mode.PLAN:
            continue
        return _carve(text, s, _turn(text, s, (a, s.end), named or s.year + (0 if partial else 1), Mode.PLAN,
                                     "opening" if named else "relative", opener.group(), why))
    return _carve_forward(text, s, partial)


# A sentence that sets out the coming year early on: 新征程已经开启，2024年，某街道将… 在新的一年，…将… (at a
# line's or a sentence's start too: …5家。今年，…将…), or where its subject says what it will do that year
# (某镇2016年将…, 2020年该镇将…)
_AHEAD = re.compile(rf"(?:^|(?<=[。！？!?；;])|[，,在“\"])(?:新的一年|明年|来年|今年|{YEAR.pattern})(?:里|中)?[，,是]"
                    rf"|{YEAR.pattern}[\u4e00-\u9fff]{{0,3}}?(?=将)", re.M)
_AHEAD_REACH = 60  # characters of the sentence the year may stand after (会议提出，2023年，…)


def _carve_forward(text: str, s: Section, partial: bool) -> list[Section]:
    """A review with a paragraph that sets out the next year's plan (a news item's 2024年，某街道将…
    before or amid the year's results) is a review, that paragraph as a plan, and the review again.
    The paragraph must state an intent and report nothing after the year it names."""
    if s.mode != Mode.REVIEW or s.year is None:
        return [s]
    for a, b in sentences(text[s.start : s.end]):
        a, b = a + s.start, b + s.start
        m = _AHEAD.search(text, a, min(b, a + _AHEAD_REACH))
        if m is None:
            continue
        named = year_in(m.group())
        if named not in (None, s.year + 1) or (named is None and partial):
            continue
        if "今年" in m.group() and not LAST_YEAR.search(text, s.start, s.end) and today(s) != s.year + 1:
            continue  # 今年 is the year ahead only where the review calls its year 过去一年 or 去年, or the
            # page was published the year after it
        end = _line_end(text, m.end(), s.end)
        aims = FUTURE if named else INTENT  # the year ahead named outright: any aim will do (2023年，全乡要…)
        if named and not aims.search(text, m.end(), end):
            end = _line_end(text, end + 1, s.end)  # 2024年是…关键之年。| 某县将…: the aim opens the next line
        if not aims.search(text, m.end(), end) or PAST.search(text, m.end(), end):
            continue
        # the plan opens with the sentence, or at the year where a clause before it names the year reviewed
        # (会议回顾总结了2017年…，2018年是…)
        reviewed = any(y == s.year for y, _ in years_named(text, a, m.start()))
        opens = m.start() + (m.group()[0] in "，,在“\"") if reviewed else a
        plan = _turn(text, s, (opens, end), s.year + 1, Mode.PLAN, "opening", m.group().strip("，,在“\"是"), None)
        return _carve(text, s, plan)
    return _carve_said(text, s)


def _line_end(text: str, start: int, end: int) -> int:
    """Where the line holding `start` ends, within `end`."""
    at = text.find("\n", start, end)
    return end if at < 0 else at


def _carve(text: str, s: Section, inner: Section) -> list[Section]:
    """`s` with `inner` cut out of it: `s` before, `inner`, `s` after."""
    rest = Section(s.title, inner.end, s.end, s.year, s.mode, s.heading_mode, s.evidence)
    s.end = inner.start
    return [part for part in (s, inner, rest) if text[part.start : part.end].strip(SPACE + "\n")]


# A news item's word that the report or meeting set out the year ahead (对2015年的工作目标和任务进行了安排部署,
# 安排部署了2023年各项重点工作), though it tells nothing of the plan itself.
_SET_OUT = re.compile(rf"(?:安排部署|部署|安排|谋划|描绘)了?[^。；;，,]{{0,6}}?{YEAR.pattern}"
                      rf"|对\s*{YEAR.pattern}[^。；;]{{0,16}}?(?:安排部署|作出部署|进行了?(?:安排|部署)|描绘了?蓝图)")


def _carve_said(text: str, s: Section) -> list[Section]:
    """A review with a sentence saying the year ahead was set out (a plan with one saying the year
    before was looked back on) has that sentence as the plan of the year ahead (the review of the
    year before); a review without one may still name works voted for the year ahead (`_carve_voted`)."""
    if s.year is None:
        return [s]
    pattern, year, mode = ((_SET_OUT, s.year + 1, Mode.PLAN) if s.mode == Mode.REVIEW
                           else (REVIEWED, s.year - 1, Mode.REVIEW))
    m = pattern.search(text, s.start, s.end)
    if m is None or year_in(m.group()) != year or (span := sentence_around(text, m.start())) == (s.start, s.end):
        # (a part that is that sentence alone was carved from it: 回顾了2014年…，对2015年…作了部署)
        return _carve_voted(text, s) if s.mode == Mode.REVIEW else [s]
    return _carve(text, s, _turn(text, s, span, year, mode, "opening", m.group(), None))


# Works voted for at a congress (票决出2024年民生实事项目：1.甲…): what the coming year will build.
_VOTED = re.compile(r"(?:票决|表决)(?!项目|制)(?:通过|选出|产生|出)?了?")  # the vote, not 票决项目 (the scheme)
_LIST_LINE = re.compile(r"\n\s*[0-9一二三四五六七八九十]+[.、．)）][^\n]*")  # a numbered item (1.甲路…), not 2025年…


def _carve_voted(text: str, s: Section) -> list[Section]:
    """A review with a sentence saying works were voted for the year ahead (and the list of them
    after it) has that sentence and list as the plan of that year."""
    if s.year is None:
        return [s]
    year = s.year + 1
    for m in _VOTED.finditer(text, s.start, s.end):
        a, b = sentence_around(text, m.start())
        if year in (y for y, _ in years_named(text, a, b)):
            break  # (a title's 票决出今年民生实事 names no year: the sentence that does tells)
    else:
        return [s]
    if "已" in text[a:b]:
        return [s]  # works voted for this year, or already built: told of in its review (票决项目…均已完工)
    while (line := _LIST_LINE.match(text, b)) and line.end() <= s.end:
        b = line.end()  # 1.甲路改造项目 2.乙桥…: the works voted for
    if (a, b) == (s.start, s.end):
        return [s]
    return _carve(text, s, _turn(text, s, (a, b), year, Mode.PLAN, "verbs", m.group(), None))


# …据了解，2022年，… or, in the mouth of the meeting, 会议认为，2022年某镇…
_YEAR_BEFORE = rf"(?:去年|在?过去的?一年|{YEAR.pattern})"
_BACKWARD_OPENER = re.compile(rf"(?:据了解|据悉|据介绍|回顾|回望|回首)?[，,]?{SAID}{_YEAR_BEFORE}[，,以来]"
                              rf"|{SAID_BY}{_YEAR_BEFORE}")


def split_back(text: str, s: Section) -> list[Section]:
    """A plan that turns, at a sentence opening with the year before (…。据了解，2022年，…), to what
    was done, and plainly reports results there, is a plan, a review over the sentences that
    report, and the plan again (a news item that quotes the year's plan, then tells the year before)."""
    if s.mode != Mode.PLAN or s.year is None:
        return [s]
    for a, opener, named in _openings_in(text, s, _BACKWARD_OPENER):
        if named not in (None, s.year - 1):
            continue
        back = a  # the run of sentences that report, up to the first that only looks ahead again
        for b, b1 in sentences(text[a : s.end]):
            if b and FUTURE.search(text, a + b, a + b1) and not PAST.search(text, a + b, a + b1):
                break
            back = a + b1
        mode, why = body_mode(text, a, back, 1.0, 1)
        if mode != Mode.REVIEW:
            continue
        return _carve(text, s, _turn(text, s, (a, back), s.year - 1, Mode.REVIEW, "opening",
                                     opener.group().rstrip("，,"), why))
    return _carve_said(text, s)
