"""The review year and the plan year of a report, for the parts whose headings state none.

Candidate years come ranked by the strength of their evidence (the title and the dated headings, a
report's title, the body's opening, the publication date); the strongest kind that gives any year
decides, and the other mode's year follows from it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.model import Evidence, Mode, Section
from kg.structure.headings import PARTIAL_YEAR, title_parts_of
from kg.structure.openings import (
    OPENING,
    SINCE,
    announced,
    bare_year,
    news_of_the_month,
    news_opening,
    opening_evidence,
    opening_matches,
    plan_year,
    reviewed,
)
from kg.structure.published import EARLY_MONTHS, LATE_MONTHS, LOOKS_BACK_MONTHS, Date
from kg.structure.tense import LAST_YEAR, turns_forward
from kg.structure.years import year_in, years_named

_REPORT = re.compile(r"报告")
_SEASON = re.compile(r"初春|早春|开春|春节后|节后|新春伊始|新年伊始|年初以来|时下|眼下|春回大地|万物复苏")
_SEASON_REACH = 400  # characters: the lead
_YEAR_GONE = re.compile(r"一年来|过去的?一年|这一年|去年")


@dataclass
class _Years:
    """The review year and the plan year of a report, for the parts that do not state one, with the
    evidence for each."""

    review: int | None = None
    plan: int | None = None
    partial: bool = False
    why: dict[str, Evidence] = field(default_factory=dict)

    def take(self, year: int | None, mode: Mode, why: Evidence, partial: bool = False) -> None:
        if year is None or mode not in (Mode.REVIEW, Mode.PLAN) or self.of(mode) is not None:
            return
        setattr(self, mode, year)
        self.why[mode] = why
        if mode == Mode.REVIEW:
            self.partial = partial

    def infer(self) -> None:
        step = 0 if self.partial else 1
        if self.plan is None and self.review is not None:
            self.plan, self.why[Mode.PLAN] = self.review + step, self.why[Mode.REVIEW]
        if self.review is None and self.plan is not None:
            self.review, self.why[Mode.REVIEW] = self.plan - step, self.why[Mode.PLAN]

    def of(self, mode: Mode) -> int | None:
        return self.review if mode == Mode.REVIEW else self.plan if mode == Mode.PLAN else None


_Group = list[tuple[int | None, Mode, Evidence, bool]]  # (year, mode, evidence, partial) of one kind of evidence


def _ranked_years(text: str, title: str, date: Date | None, sections: list[Section]) -> Iterator[_Group]:
    """Candidate (year, mode, evidence, partial) groups, strongest first: the title and the dated
    headings; a report's title (an annual report given early in year X reviews X-1, a half-year one
    or one published the year after reviews X); the body's first dated sentence, else the year it
    announces it reports on (现将…如下) or its place in a five-year plan; the publication date."""
    title_ev = quoted(text, "title", title)
    title_parts = title_parts_of(title)
    yield [(p.year, p.mode, title_ev, p.partial) for p in title_parts] + [
        (s.year, s.mode, s.evidence[0], bool(PARTIAL_YEAR.search(s.title))) for s in sections if s.year]
    if titled := report_year(title, date):
        yield [(*titled, title_ev, bool(PARTIAL_YEAR.search(title)))]
    opened = False
    relative: _Group = []  # 今年以来 read by a page's address: tried after the years the text names
    for m in opening_matches(text):
        ev = opening_evidence(m)
        mode = _mode_at(sections, m.start())
        if m.re is OPENING and not SINCE.search(m.group()) and LAST_YEAR.search(text, 0, m.start()) and (
                turns_forward(text, m.start())):
            mode = Mode.PLAN  # 过去的一年…。2020年，我们将…: the year it opens with is the one ahead
        if m.re is OPENING:
            year = year_in(m.group())
            if year and date and SINCE.search(m.group()):
                # 2018年以来, published in 2020: the text reviews the period up to its own year
                year = max(year, date.year - 1 if date.month is not None and date.month <= EARLY_MONTHS else date.year)
            yield [(year, mode, ev, bool(m.group("half")))]
        elif date:
            ev.kind = "relative"
            # posted in January or February, a review's 今年 was written in the last days of the year before,
            # unless it is news of a day of the month it was posted
            year = date.year - 1 if mode == Mode.REVIEW and date.month is not None and date.month < EARLY_MONTHS and (
                not news_of_the_month(text, date.month)) else date.year
            group: _Group = [(year, mode, ev, bool(m.group("half")))]
            if date.evidence.kind == "address":
                relative = group
                break
            yield group
        else:
            continue  # 今年以来 with no date to read it by: the next dated sentence
        opened = True
        break
    if not opened and (back := reviewed(text)):
        opened = True
        yield [back]  # 报告回顾了2020年工作: the year a news item says the report looked back on
    if not opened and (told := announced(text)) and (y := year_in(told[1].text)):
        yield [(y, *told, False)]  # 现将2025年…工作汇报如下: the year it announces
    elif not opened and (plan := plan_year(text)):
        yield [(plan[0], _mode_at(sections, plan[1].start or 0), plan[1], False)]
    if (not date or date.evidence.kind == "address") and not opened and (bare := bare_year(text)):
        yield [(int(bare.group(1)), _mode_at(sections, bare.start()), Evidence("named", bare.group(1), bare.start(1),
                                                                          bare.end(1)), False)]
    if relative:
        yield relative
    if date:
        y, month, ev = date.year, date.month or 6, date.evidence  # a filing year alone: the report is of that year
        early = month <= EARLY_MONTHS and not news_opening(text) and not (
            _SEASON.search(text, 0, _SEASON_REACH) and not _YEAR_GONE.search(text)) or (
            month <= LOOKS_BACK_MONTHS and _YEAR_GONE.match(text.lstrip()))
        # news tells of days just gone, and a lead of the season (初春时节, 开春以来) of this one, unless
        # the text looks back on the year gone (新春伊始…。一年来，…); a text that opens on the year gone
        # (一年来，…) reviews it until the middle of the next
        yield [(y - 1 if early else y, Mode.REVIEW, ev, False),
               (y + 1 if month >= LATE_MONTHS else y, Mode.PLAN, ev, False)]


def report_year(title: str, date: Date | None) -> tuple[int, Mode] | None:
    """The year of a report whose title gives a year and no mode word (2031年甲省政府工作报告), and
    what the report does with it: plans it, or reviews it when the title says 上半年 or the report
    was published the year after or late in its own year (a term's last report)."""
    y = year_in(title) if _REPORT.search(title) and not title_parts_of(title) else None
    if y is None:
        return None
    late = date is not None and (date.year == y + 1 or date.year == y and (date.month or 0) >= LATE_MONTHS)
    return y, Mode.REVIEW if PARTIAL_YEAR.search(title) or late else Mode.PLAN


def _mode_at(sections: list[Section], pos: int) -> Mode:
    return next((s.mode for s in sections if s.start <= pos < s.end and s.mode != Mode.OTHER), Mode.REVIEW)


def doc_years(text: str, title: str, date: Date | None, sections: list[Section]) -> _Years:
    """Default years from the strongest kind of evidence that gives any."""
    years = _Years()
    for group in _ranked_years(text, title, date, sections):
        for year, mode, why, partial in group:
            years.take(year, mode, why, partial)
        if years.review is not None or years.plan is not None:
            break
    years.infer()
    return years


def body_year(text: str, start: int, end: int, mode: Mode) -> tuple[int | None, Evidence | None, int]:
    """The year a stretch of text names most, and how often; at a tie a plan is of the latest of them
    and a review of the earliest (召开2014年考核暨2015年部署会: the plan is 2015's)."""
    found = [m for _, m in years_named(text, start, end)]
    counts = Counter(year_in(m.group()) for m in found)
    if not counts:
        return None, None, 0
    most = max(counts.values())
    tied = [y for y, n in counts.items() if n == most and y is not None]
    year = max(tied) if mode == Mode.PLAN else min(tied)
    first = next(m for m in found if year_in(m.group()) == year)
    return year, Evidence("named", f"{first.group()} ×{most}", first.start(), first.end()), most


def quoted(text: str, kind: str, words: str, start: int = 0) -> Evidence:
    """Evidence of `words`, with their span when the text holds them (a title given apart from the
    text may be absent)."""
    i = text.find(words, start) if words else -1
    return Evidence(kind, words, *((i, i + len(words)) if i >= 0 else ()))
