"""The stage of a project a report names in a year with no stage cue at all: presumed, not read.

Named with no step said, a project is presumed under way (`PRESUMED`). A trained model (a
`kg.linear.Linear` over the stages, kept in the decision model's file) presumes from what surrounds
the year's mentions instead: the section's mode; the verbs, adverbs, time and measure words of
their clause and sentence; the cues of the sentence's other clauses; the step most cues of the
document tell and the nearest cue before and after; the name's last characters. A news item on a
day of ground-breaking lists most of its projects with no verb of their own, a plan names works it
has not begun: the words around tell which. Either way the stage names no cue (`Mention.presumed`),
so evidence of slippage ignores it. `kg train` learns the model from the gold's timelines.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import jieba
import numpy as np

from kg import segment
from kg.linear import Features, Linear, fit
from kg.model import Entity, EntityType, Mention, Mode, Stage
from kg.stages import cue_marks, exhorts
from kg.structure.clauses import clause_bounds, sentence_around

# What a project named in a year with no stage cue is presumed to be at without a model: its work
# goes on. Chosen by measurement: across all gold (cross-validated), no stage 0.647, under way
# 0.677, planned in plans 0.675.
PRESUMED = Stage.UNDER_WAY
C = 0.1  # inverse regularisation strength, chosen among 0.1, 0.2 and 0.5 by cross-validation over 1,084 documents
# Words that say when and how, by their dictionary tag: verbs, adverbs, time words, prepositions,
# conjunctions, directions, numbers and measures (nouns, which names are made of, say neither).
_TAGS = frozenset("vdtpcfmq")
_LONE = frozenset("已将拟在未尚正均都")  # single characters jieba leaves untagged that say when
_LONGEST = 4  # characters: a longer word is a name or a phrase
# Characters around a mention whose words count: before and after it in its clause, then in the
# rest of its sentence on either side; and how far the nearest cue may stand.
_BEFORE, _AFTER, _SENTENCE, _NEAR = 16, 24, 60, 300


class _Cues:
    """One kind of cue of a document, in order, looked up by where they start."""

    def __init__(self, marks: list[tuple[int, int, Stage]]) -> None:
        self.marks, self.starts = marks, [a for a, _, _ in marks]

    def within(self, lo: int, hi: int) -> list[tuple[int, int, Stage]]:
        """The cues starting in [lo, hi)."""
        return self.marks[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]


@dataclass(frozen=True)
class _Document:
    """What presuming reads of a whole document once: its cues (the guide's table, and the verbs that
    only say work goes on) and the step they tell most often."""

    strong: _Cues
    weak: _Cues
    most: Stage | None


@lru_cache(maxsize=4)
def _document(text: str) -> _Document:
    strong = cue_marks(text)
    most = Counter(s for _, _, s in strong).most_common(1)
    return _Document(_Cues(strong), _Cues(cue_marks(text, weak=True)), most[0][0] if most else None)


def _words(text: str) -> list[str]:
    """The words of `text` that say when and how."""
    tag = jieba.posseg.dt.word_tag_tab.get
    out = []
    for w in segment.cut(text):
        t = tag(w)
        if (t and t[0] in _TAGS and len(w) <= _LONGEST) or (not t and w in _LONE):
            out.append(w)
    return out


def features(text: str, m: Mention, name: str) -> dict[str, float]:
    """What surrounds one mention of a project: never the name itself, only its last characters."""
    f: dict[str, float] = {"mode=" + m.mode: 1.0, "tail=" + name[-2:]: 1.0, "tail1=" + name[-1:]: 1.0}
    lo, hi = clause_bounds(text, m.start, m.end)
    s0, s1 = sentence_around(text, m.start)
    for side, a, b in (("L", max(lo, m.start - _BEFORE), m.start), ("R", m.end, min(hi, m.end + _AFTER)),
                       ("SL", max(s0, lo - _SENTENCE), lo), ("SR", hi, min(s1, hi + _SENTENCE))):
        for w in _words(text[a:b]):
            f[f"{side}:{w}"] = 1.0
    doc = _document(text)
    for kind, cues in (("s", doc.strong), ("w", doc.weak)):
        for at, _, stage in cues.within(s0, s1):
            f[f"c{kind}{'in' if lo <= at < hi else 'out'}{'A' if at >= m.end else 'B'}={stage}"] = 1.0
    if doc.most is not None:
        f["doc=" + doc.most] = 1.0
    if before := doc.strong.within(m.start - _NEAR, m.start):
        f["before=" + before[-1][2]] = 1.0
    if after := doc.strong.within(m.end, m.end + _NEAR):
        f["after=" + after[0][2]] = 1.0
    return f


def uncued(text: str, entities: Sequence[Entity]) -> Iterator[tuple[Entity, int, list[Mention]]]:
    """Each project's years that a review or plan names it in with no cue for any mention: (entity,
    year, the year's mentions outside rhetoric)."""
    for e in entities:
        if e.type != EntityType.PROJECT:
            continue
        years: dict[int, list[Mention]] = {}
        for m in e.mentions:
            if m.year is not None and m.mode != Mode.OTHER:
                years.setdefault(m.year, []).append(m)
        for year, mentions in years.items():
            if not any(m.stage_cue for m in mentions) and (
                    work := [m for m in mentions if not exhorts(text, m.sentence[0])]):
                yield e, year, work


def presume(text: str, entities: Sequence[Entity], model: Linear | None = None) -> None:
    """Give each project a review or plan names in a year with no cue the stage presumed for it: the
    model's most probable over all the year's mentions, else `PRESUMED`. `text` is the document's,
    its offsets those of the mentions."""
    years = list(uncued(text, entities))
    stages = [PRESUMED] * len(years)
    if model is not None and years:
        logp = np.log(model.probabilities([features(text, m, e.name) for e, _, ms in years for m in ms]))
        firsts = np.cumsum([0, *(len(ms) for _, _, ms in years[:-1])])  # each year's first row (none is empty)
        stages = [Stage(model.classes[k]) for k in np.add.reduceat(logp, firsts, axis=0).argmax(axis=1)]
    for (_, _, mentions), stage in zip(years, stages, strict=True):
        for m in mentions:
            m.stage = stage


def train(rows: Sequence[tuple[Features, str]], c: float = C) -> Linear | None:
    """The presumption learnt from mentions labelled with their year's stage; None when the rows
    hold fewer than two stages to tell apart."""
    return fit(rows, c) if len({y for _, y in rows}) > 1 else None
