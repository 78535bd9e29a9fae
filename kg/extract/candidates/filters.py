"""What names nothing by definition, dropped before any decider sees it: masks and what lies in
them (XX医院, ****敬老院), spans starting inside a number or cutting a dotted name, spans crossing a
section's end or a bracket's, a person named only as a doctrine's author.
"""

from __future__ import annotations

import re

from kg import lexicon as lx
from kg.extract.candidates.proposal import Candidate
from kg.extract.candidates.suffixes import suffix_len
from kg.extract.candidates.tokens import MASK
from kg.model import EntityType
from kg.names import distinctive


def after_mask(text: str, c: Candidate) -> bool:
    """The tail of a masked name (****敬老院) is not a name of its own."""
    return c.start > 0 and bool(MASK.match(text[c.start - 1]))


_NUMBER_END = re.compile(r"\d[万千百亿]?$")


def _after_number(text: str, start: int) -> bool:
    """A name does not start inside a number or its unit (2025|年省…, 3万|平方米…, 2024年|度…);
    it may start after a year (2023年|青山镇)."""
    before = text[max(0, start - 2) : start]
    return bool(_NUMBER_END.search(before)) or (before[:1].isdigit() and before.endswith("年")
                                               and text[start : start + 1] in "度份")


# A middle dot between two parts of one name (某某某·某某): a person's name is never cut there.
_DOT_AFTER = re.compile(r"·[\u4e00-\u9fff]")
_DOT_BEFORE = re.compile(r"[\u4e00-\u9fff]·$")


def _cut_at_dot(text: str, c: Candidate) -> bool:
    """Is `c` a person's name that the text goes on with a middle dot and more of it, or that starts
    right after one: a part of a dotted name, not the name?"""
    return c.type == EntityType.PERSON and bool(
        _DOT_AFTER.match(text, c.end) or _DOT_BEFORE.search(text, max(0, c.start - 2), c.start))


_OPENS, _CLOSES = "(（", ")）"
_BRACKET = re.compile(f"[{re.escape(_OPENS + _CLOSES)}]")


def _unclosed(name: str) -> bool:
    """Does a bracket of the span open or close outside it (甲协会(乙基地, 甲路)乙改造)? A name's
    brackets are its own: none of the gold's 36,000 spellings has one left open."""
    if not _BRACKET.search(name):
        return False  # most spans have none
    depth = 0
    for ch in name:
        depth += (ch in _OPENS) - (ch in _CLOSES)
        if depth < 0:
            return True
    return depth != 0


def is_masked(name: str) -> bool:
    """A name that is only a mask plus a suffix (XX医院, *街道) names nothing."""
    if not MASK.search(name):
        return False
    rest = MASK.sub("", name)
    head = rest[: len(rest) - suffix_len(rest)]
    return len(head) < 2 or not distinctive(head)  # XX医院, *街道 name nothing; 甲湾**项目 keeps 甲湾


def kept_candidates(text: str, found: list[Candidate], masked: list[tuple[int, int]],
                    ends: list[tuple[int, int]]) -> list[Candidate]:
    """The candidates that are no mask and lie in none (XX医院, ****敬老院), start after no number, cut
    no dotted name, cross no section's end nor a bracket's, and are no person named only as a doctrine's
    author (甲某思想: a formula, not the person). (Few sentences have a mask or a section's end: those lists
    are mostly empty.)"""
    return [c for c in found if not (masked and any(a <= c.start and c.end <= b for a, b in masked))
            and not is_masked(text[c.start : c.end]) and not after_mask(text, c) and not _cut_at_dot(text, c)
            and not _unclosed(text[c.start : c.end])
            and not _after_number(text, c.start) and not (ends and any(a < c.start and c.end < b for a, b in ends))
            and not (c.type == EntityType.PERSON and lx.DOCTRINE.match(text, c.end))]
