"""Sentence and clause spans, and whether a clause has a verb: what the readings of a report and
of a mention count and bound themselves by.

A sentence ends at 。！？!?；; or a line break (a closing quote stays with it); a clause ends at a
comma or a colon too, but not at 、 (an enumeration is one clause).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import jieba.posseg

from kg import segment

_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)】]*|\n")  # a closing quote stays with its sentence
_SENTENCE_MARK = re.compile(r"[。！？!?；;\n]")  # where a _SENTENCE_END starts
SPACE = " \t\r\u3000\xa0"
_CLAUSE_STOP = re.compile(r"[，,；;。！？!?：:\n]")


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, split at 。！？!?；; and line breaks, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        _add_trimmed(spans, text, pos, m.end() if m.group() != "\n" else m.start())
        pos = m.end()
    _add_trimmed(spans, text, pos, len(text))
    return spans


def _add_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start] in SPACE:
        start += 1
    while end > start and text[end - 1] in SPACE:
        end -= 1
    if start < end:
        spans.append((start, end))


@lru_cache(maxsize=8)
def _marks(text: str, mark: re.Pattern[str]) -> list[int]:
    """Where `text` has a `mark` (a one-character pattern), in order. Clauses and sentences are asked
    for around every mention of a document: found by bisection here, not by walking back a character
    at a time."""
    return [m.start() for m in mark.finditer(text)]


def _between_marks(text: str, start: int, end: int, mark: re.Pattern[str]) -> tuple[int, int]:
    """From after the last mark before `start` (or the text's start) to the first mark at or after
    `end` (or the text's end)."""
    at = _marks(text, mark)
    k = bisect_left(at, start)
    m = bisect_left(at, end)
    return at[k - 1] + 1 if k else 0, at[m] if m < len(at) else len(text)


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: bounded by ，,；;。！？!?：: and line breaks, not by 、
    (an enumeration "A、B完成90%、20%" is one clause)."""
    lo, hi = _between_marks(text, start, end, _CLAUSE_STOP)
    while lo < hi and text[lo] in SPACE:
        lo += 1
    while hi > max(lo, end) and text[hi - 1] in SPACE:
        hi -= 1
    return lo, hi


def sentence_around(text: str, pos: int) -> tuple[int, int]:
    """The sentence holding `pos`, untrimmed, without its closing mark."""
    return _between_marks(text, pos, pos, _SENTENCE_MARK)


def clauses(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The clauses of text[lo:hi] (a sentence), in order."""
    starts = [lo, *(m.end() for m in _CLAUSE_STOP.finditer(text, lo, hi))]
    return [c for c in (clause_bounds(text, a, a) for a in starts) if c[1] > c[0]]


def has_verb(text: str, lo: int, hi: int) -> bool:
    """Whether jieba's dictionary reads a verb (tag v, not a verbal noun like 建设) in text[lo:hi]."""
    tag = jieba.posseg.dt.word_tag_tab.get
    return any(tag(w) == "v" for w in segment.cut(text[lo:hi]))


def first_sentence_end(text: str, start: int) -> int:
    m = _SENTENCE_END.search(text, start)
    return m.start() if m else len(text)
