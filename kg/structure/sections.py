"""The document cut into sections that each speak of one year, as review, plan or other, each
with the evidence that decided its year and mode (`find_sections`).

A work report speaks of one year as done (`review`) and of another as to do (`plan`). Headings cut
it and say which part is which, the body of each part is read too, years a heading does not state
come from the strongest other evidence, and a part that turns to another year is cut there.
Everything here is generic cue words; nothing is keyed to one report.
"""

from __future__ import annotations

import re

from kg.linear import Linear
from kg.model import Evidence, Mode, Section
from kg.structure.clauses import SPACE, first_sentence_end
from kg.structure.dating import body_year, doc_years, quoted, report_year
from kg.structure.headings import Heading, title_and_heads, unheaded
from kg.structure.openings import (
    OPENING,
    SINCE,
    announced,
    looks_back,
    news_opening,
    opening_evidence,
    opening_matches,
    reposted,
)
from kg.structure.published import DATED, Date, published
from kg.structure.tense import (
    DONE_OR_PAST,
    MIN_OVERTURN,
    OVERTURN,
    PAST,
    PLAN_FRAME,
    body_mode,
    turns_forward,
)
from kg.structure.trained import read_unheaded
from kg.structure.turns import split_back, split_forward
from kg.structure.years import YEAR, year_in


def find_sections(text: str, title: str = "", metadata: dict[str, str] | None = None,
                  reading: Linear | None = None) -> list[Section]:
    """The document cut into parts that each speak of one year, as review, plan or other, each with
    the evidence that decided its year and mode.

    Year-level headings cut it. A part's mode is what its heading says unless the body plainly says
    the other (`heading_mode` then keeps what the heading said); a part whose heading names no single
    mode (a combined title) takes the mode its body shows, else `other`; text before the first
    heading speaks as a one-year title does, else as its body shows, else (一年来, 2022年以来) as a
    review. Years a heading does not state come from the strongest other evidence (`_ranked_years`).
    A title is a heading-like line: a first sentence is no title."""
    metadata = metadata or {}
    title, heads = title_and_heads(text, title)
    posted = published(metadata, text)
    date = reposted(text, posted)  # the mode is read as the reading learnt it, by the date the page gives
    if reading is not None and unheaded(heads) and (read := read_unheaded(text, posted, reading)) is not None:
        # the trained reading is sure of what a text with no heading is: the rules need not read it too
        sections = [Section(heads[0].title, 0, len(text), None, read[0], None, [read[1]])]
    else:
        sections = _ruled(text, title, heads, date)
    years = doc_years(text, title, date, sections)
    for s in sections:
        if s.year is None and s.mode != Mode.OTHER:
            s.year = years.of(s.mode)
            why = years.why.get(s.mode)
            by_date = why is not None and why.kind in (*DATED, "relative")
            online = date.year if date and date.posted and by_date else None
            if s.year is None or online:
                # a page's address or time stamp tells when it was put online, which a year the text names
                # more than once outranks, unless it is later (确保2026年5月1日前开业, put online in 2025: a deadline)
                named, by, times = body_year(text, s.start, s.end, s.mode)
                if named and (online is None or named <= online and times > 1):
                    s.year, why = named, by
            if why:
                s.evidence.insert(0, why)
        if date and s.mode != Mode.OTHER and date.evidence not in s.evidence:
            s.evidence.append(date.evidence)  # the report's "now": what 今年 in its forward clauses means
    for s in sections:
        s.evidence = _distinct(s.evidence)
    parts = _merge([part for s in sections for split in split_forward(text, s, years.partial)
                    for part in split_back(text, split)])
    for s in parts:
        _plan_after_estimate(text, s)
    return parts


_ESTIMATE_OF = re.compile(rf"比{YEAR.pattern}预计")  # 比2030年预计增长5%: measured from a year not yet over


def _plan_after_estimate(text: str, s: Section) -> None:
    """A plan that measures its figures from its own year's estimate (比2030年预计增长…) plans the year
    after: it was written before its year was over (a report given in the autumn)."""
    if s.mode == Mode.PLAN and s.year and (estimate := _ESTIMATE_OF.search(text, s.start, s.end)) and (
            year_in(estimate.group()) == s.year):
        s.year += 1
        s.evidence.insert(0, quoted(text, "named", estimate.group(), estimate.start()))


def _ruled(text: str, title: str, heads: list[Heading], date: Date | None) -> list[Section]:
    """The sections as the rules read them: each heading's part by what the heading says and its body
    shows (see `find_sections`), a part headed by a year alone by the year the report's title plans;
    a text no heading says anything of, by what most of its sentences say."""
    sections: list[Section] = []
    titled = report_year(title, date)
    mode: Mode | None
    why: Evidence | None
    for h, end in zip(heads, [h.start for h in heads[1:]] + [len(text)], strict=True):
        if not text[h.body : end].strip(SPACE + "\n"):  # a heading with nothing under it
            if sections:
                sections[-1].end = end
            else:  # a title right before 一、…: it says nothing of its own
                sections.append(Section(h.title, h.start, end, None, Mode.OTHER, None, []))
            continue
        said = h.parts[0].mode if len(h.parts) == 1 else None
        if said is None and h.year and h.body and titled and titled[1] == Mode.PLAN and (
                h.year in (titled[0], titled[0] - 1)) and not SINCE.search(h.title):
            # 三、2031年的工作 in the 2031 report: the year the report plans is the one the part plans,
            # whatever it recalls first; the year before is the one it reviews
            mode, why = Mode.PLAN if h.year == titled[0] else Mode.REVIEW, quoted(text, "title", title)
        else:
            mode, why = (None, None) if said == Mode.OTHER else body_mode(text, h.body, end) if said is None else (
                body_mode(text, h.body, end, OVERTURN, MIN_OVERTURN))  # a heading's own word weighs more
        if said is None and all(p.mode == Mode.OTHER for p in sections) and (
                back := announced(text) or looks_back(text) or news_opening(text)) and (
                h.start <= (back[1].start or 0) < end):
            mode, why = back  # 2022年以来，…: what the opening says outweighs the verbs (its own opening)
        said_by = quoted(text, "title", title) if h.body == 0 else quoted(text, "heading", h.title, h.start)
        evidence = [said_by] if h.parts or h.year else []
        if mode is None and said is None and (since := SINCE.search(text, h.body, first_sentence_end(text, h.body))):
            mode, why = Mode.REVIEW, Evidence("opening", since.group(), since.start(), since.end())
        mode = mode or said or Mode.OTHER
        year = h.year or next((p.year for p in h.parts if p.mode == mode), None)  # 2023年总结及2024年计划
        sections.append(Section(h.title, h.start, end, year, mode, said if said and said != mode else None,
                                evidence + ([why] if why else [])))
    if all(s.mode == Mode.OTHER for s in sections):
        mode, why = body_mode(text, 0, len(text), 1.0, 1)
        if mode is None and not PAST.search(text) and (frame := PLAN_FRAME.search(text)):
            mode, why = Mode.PLAN, Evidence("verbs", frame.group(), frame.start(), frame.end())
        if mode is None:  # no word says it: what most sentences report as done (建成, 入选, 投入运营)
            mode, why = body_mode(text, 0, len(text), 1.0, 1, past=DONE_OR_PAST)
        if mode is None and (opening := next(opening_matches(text), None)) is not None and opening.re is OPENING:
            # 2023年，在…领导下，…: a text opening with its year reviews it, unless it says what it will do
            mode = Mode.PLAN if turns_forward(text, opening.start()) else Mode.REVIEW
            why = opening_evidence(opening)
        if mode:  # a report without a heading that says review or plan (an excerpt, a news item):
            # the whole text is what most of its sentences say
            sections = [Section(sections[0].title, 0, len(text), sections[0].year, mode, None, [why])]  # type: ignore[list-item]
    return sections


def _distinct(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence once: a quote within the span of a stronger one (以来 in 2022年以来, a title that
    is also the first heading) adds nothing."""
    def within(e: Evidence, o: Evidence) -> bool:
        if e.start is None or e.end is None:
            return e.text in o.text
        return e.text in o.text and o.start is not None and o.end is not None and o.start <= e.start <= e.end <= o.end

    out: list[Evidence] = []
    for e in evidence:
        if not any(within(e, o) for o in out):
            out.append(e)
    return out


def _merge(sections: list[Section]) -> list[Section]:
    """One section per year-level part: an undated part that continues the one before it
    (主要做法 after 2021年工作总结) is joined to it."""
    out: list[Section] = []
    for s in sections:
        kind = (s.year, s.mode, s.heading_mode)
        if out and (out[-1].year, out[-1].mode, out[-1].heading_mode) == kind and not YEAR.search(s.title):
            out[-1].end = s.end
        else:
            out.append(s)
    return out
