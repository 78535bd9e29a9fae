"""The trained reading: whether a text with no heading saying what it is reviews or plans.

It overrides the rules' reading only where it is sure; `kg train` learns it, `kg.extract.decide`
keeps it in the decision model's file.
"""

from __future__ import annotations

import re
from collections import Counter
from math import log1p

from kg.linear import Linear
from kg.model import Evidence, Mode
from kg.structure.headings import title_and_heads, unheaded
from kg.structure.openings import OPENING, announced, looks_back, news_opening, opening_matches
from kg.structure.published import EARLY_MONTHS, LATE_MONTHS, Date, published
from kg.structure.tense import DONE_OR_PAST, PLAN_FRAME, cited, cue_scores, turns_forward, verdict
from kg.structure.years import years_named

# A text with no heading saying what it is (a news item, an excerpt) tells whether it reviews or plans
# by its words alone, which the rules above weigh by hand. A trained reading (a `kg.linear.Linear` over
# review and plan, kept in the decision model's file; `kg train` learns it from the gold's sections)
# weighs the same signals as the gold does: the rules' own verdicts, the share of sentences each side
# wins (overall, at the start, at the end), the cue words, what the lead calls the text, and the years
# it names against the day it was published.
_CALLED = ("总结", "计划", "要点", "思路", "安排", "报告", "展望", "回眸", "回顾", "部署", "会议", "召开", "视察",
           "调研")
_TIME_WORDS = ("今年", "去年", "明年", "下一步", "年底前", "以来")
_CALLED_REACH = 200  # characters: the title and lead, where a text says what it is
READING_MODES = (Mode.REVIEW, Mode.PLAN)
_SURE = 0.8  # the reading overrides the rules only this sure: cross-validated over 1,156 documents, sections
# exactly right 0.753 by the rules, 0.772 with it (measured before three page dates were read: rules 0.748,
# 0.7: 0.764, 0.8: 0.766, 0.9: 0.755, always: 0.742)


def _ahead(scores: list[int]) -> float:
    """The share of the sentences with a cue whose cues look ahead."""
    ahead = sum(x < 0 for x in scores)
    return ahead / max(1, ahead + sum(x > 0 for x in scores))


def _cue(word: str) -> str:
    """A cue as a feature: its first two characters (增长了5 → 增长), a date (3月5日上午) as a date."""
    return "date" if word[:1].isdigit() else word[:2]


def _reading(text: str, date: Date | None) -> tuple[dict[str, float], dict[str, list[re.Match[str]]]]:
    """What the trained reading weighs of a whole text published on `date` (see above), and the cues
    of each side."""
    scores, hits = cue_scores(text)
    third = max(1, len(scores) // 3)
    f = {"back": log1p(sum(x > 0 for x in scores)), "ahead": log1p(sum(x < 0 for x in scores)),
         "share": _ahead(scores), "share first": _ahead(scores[:third]), "share last": _ahead(scores[-third:]),
         "done": 1 - _ahead(cue_scores(text, DONE_OR_PAST)[0])}
    f[f"strict={verdict(scores, hits, 0)[0]}"] = 1.0
    f[f"loose={verdict(scores, hits, 0, 1.0, 1)[0]}"] = 1.0
    for name, rule in (("announced", announced), ("looks_back", looks_back), ("news", news_opening)):
        if (said := rule(text)) is not None:
            f[f"{name}={said[0]}"] = 1.0  # the names the shipped model's features were learnt under
    if PLAN_FRAME.search(text):
        f["frame"] = 1.0
    if (opening := next(opening_matches(text), None)) is not None:
        f["opening=" + ("year" if opening.re is OPENING else "now")] = 1.0
        f["opening ahead"] = float(turns_forward(text, opening.start()))
    for side, found in hits.items():
        for word, n in Counter(_cue(m.group()) for m in found).items():
            f[f"{side}:{word}"] = log1p(n)
    f.update(("called:" + w, 1.0) for w in _CALLED if w in text[:_CALLED_REACH])
    f.update(("says:" + w, 1.0) for w in _TIME_WORDS if w in text)
    if date is not None:
        if date.month:
            f["month=" + ("early" if date.month <= EARLY_MONTHS else "late" if date.month >= LATE_MONTHS
                          else "mid")] = 1.0
        named = [y for y, _ in years_named(text)]
        f["years before"] = log1p(sum(y < date.year for y in named))
        f["years same"] = log1p(sum(y == date.year for y in named))
        f["years after"] = log1p(sum(y > date.year for y in named))
    return f, hits


def unheaded_features(text: str, title: str = "", metadata: dict[str, str] | None = None) -> dict[str, float] | None:
    """The trained reading's features of a text with no heading saying what it is; None for one
    with (its headings decide)."""
    if not unheaded(title_and_heads(text, title)[1]):
        return None
    return _reading(text, published(metadata or {}, text))[0]


def read_unheaded(text: str, date: Date | None, reading: Linear) -> tuple[Mode, Evidence] | None:
    """The mode the trained reading gives a text, with the cues it read of that side and how sure it
    is; None for a text with no cue at all (nothing to read) or where it is not sure."""
    f, hits = _reading(text, date)
    if not f["back"] and not f["ahead"]:
        return None
    p = reading.probabilities([f])[0]
    if p.max() < _SURE:
        return None  # the rules' reading stands
    mode = Mode(reading.classes[int(p.argmax())])
    return mode, cited("learned", hits[mode], said=f" ({float(p.max()):.2f})")
