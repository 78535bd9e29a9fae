"""The time of a mention (`time_of`): the year and mode of the section it sits in, which place it
on the project's timeline, unless its clause in a review looks forward to another year.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from kg.model import Mode, Section
from kg.structure.clauses import clause_bounds, has_verb
from kg.structure.published import today
from kg.structure.tense import JIANG
from kg.structure.years import YEAR, year_in


def section_at(sections: list[Section], offset: int) -> int | None:
    """Index of the section holding `offset` (sections are in document order and do not overlap)."""
    i = bisect_right([s.start for s in sections], offset) - 1
    return i if i >= 0 and offset < sections[i].end else None


# A clause that says what is still to come, and the year it names for it.
_FORWARD = re.compile(JIANG + r"|计划|预计|力争|争取|确保|拟|有望|年底前|月底前|年内")
_DONE = re.compile(r"已|了(?<![为除]了)(?!解)")
_CLAUSE_YEAR = re.compile(rf"{YEAR.pattern}|(?P<rel>今年|本年|明年|来年|下一年|下年)")


def time_of(text: str, sections: list[Section], start: int, end: int) -> tuple[int | None, int | None, Mode]:
    """(section index, year, mode) of the mention at text[start:end]: those of its section, except in
    a review whose clause around the mention looks forward to another year (…计划今年10月底前开业, in a
    review published the year after): that mention is plan, in the year the clause names, unless the
    clause first tells the project's progress this year."""
    i = section_at(sections, start)
    if i is None:
        return None, None, Mode.OTHER
    s = sections[i]
    if s.mode != Mode.REVIEW or s.year is None:
        return i, s.year, s.mode
    lo, hi = clause_bounds(text, start, end)
    named, ahead = _CLAUSE_YEAR.search(text, lo, hi), _FORWARD.search(text, lo, hi)
    if named is None or ahead is None or _DONE.search(text, lo, hi):
        return i, s.year, s.mode
    if ahead.start() >= end and has_verb(text, end, ahead.start()):
        return i, s.year, s.mode  # 甲校抓紧建设力争明年9月投用: this year's progress is told first
    now = today(s) or s.year
    rel = named.group("rel")
    year = year_in(named.group()) if rel is None else now if rel in ("今年", "本年") else now + 1
    return (i, year, Mode.PLAN) if year and year > s.year else (i, s.year, s.mode)
