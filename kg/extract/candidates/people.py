"""People: a surname-led name next to a title, counted (甲某等5名), elected (甲某当选) or before a
memorial, spaced out to the width of three on a signature line, or alone on its line; jieba's name
tagger reads the bare ones (after a title, before a memorial, alone on a line).
"""

from __future__ import annotations

import re

import jieba.posseg

from kg import lexicon as lx
from kg import vocabulary
from kg.extract.candidates.proposal import Candidate
from kg.model import EntityType


def person_candidates(text: str, starts: set[int]) -> list[Candidate]:
    """A surname-led name right before a title, starting on a word boundary, or right after one
    or before a memorial when jieba's name tagger reads a name there; a name spaced out to the
    width of three after a title or alone on its line (镇长 某 某)."""
    # the patterns opening on a surname are slow to fail: the titles, 等 and memorials they end with are sought first
    out = [Candidate(m.start(1), m.end(1), EntityType.PERSON) for m in lx.PERSON.finditer(text)
           if m.start(1) in starts] if lx.TITLE_AFTER_NAME.search(text) else []
    for m in lx.TITLE_BEFORE.finditer(text):
        if spaced := lx.SPACED_NAME.match(text, m.end()):
            out.append(Candidate(m.end(), spaced.end(), EntityType.PERSON, "".join(spaced.group().split())))
            continue
        if name := _tagged_name(text[m.end() : m.end() + 4]):
            out.append(Candidate(m.end(), m.end() + len(name), EntityType.PERSON))
        if (bare := lx.NAME_AFTER_TITLE.match(text, m.end())) and bare.group() != name:
            out.append(Candidate(m.end(), bare.end(), EntityType.PERSON))
        three = _three_after_title(text, m.end(), starts)
        if three and three.group() not in (name, bare and bare.group()):
            out.append(Candidate(m.end(), three.end(), EntityType.PERSON))
        ends = {x.end() for x in (bare, three) if x} | ({m.end() + len(name)} if name else set())
        while listed := [e for e in ends if text[e : e + 1] == "、"]:  # 副镇长甲某、乙某陪同: each after the title
            names = [x for x in (lx.NAME_AFTER_TITLE.match(text, listed[0] + 1),
                                 _three_after_title(text, listed[0] + 1, starts)) if x]
            out += [Candidate(x.start(), x.end(), EntityType.PERSON) for x in names]
            ends = {x.end() for x in names}
    out += [Candidate(m.start("name"), m.end("name"), EntityType.PERSON) for m in lx.DOTTED_AFTER_TITLE.finditer(text)]
    if "等" in text:
        out += [Candidate(m.start(1), m.end(1), EntityType.PERSON) for m in lx.PERSON_COUNTED.finditer(text)
                if m.start(1) in starts]
    if "当选" in text:
        out += [Candidate(m.start(1), m.end(1), EntityType.PERSON) for m in lx.PERSON_ELECTED.finditer(text)]
    if (line := text.strip()) and lx.SPACED_NAME.fullmatch(line):  # the signature line alone
        at = text.index(line)
        out.append(Candidate(at, at + len(line), EntityType.PERSON, "".join(line.split())))
    elif 2 <= len(line) <= 3 and line[0] in lx.SURNAMES and _tagged_name(line) == line:
        at = text.index(line)  # a byline, or a name in a table's cell, alone on its line
        out.append(Candidate(at, at + len(line), EntityType.PERSON))
    for m in lx.NAMED_AFTER_PERSON.finditer(text) if lx.MEMORIAL.search(text) else ():  # 某某纪念馆: named too
        if m.start(1) in starts and (name := _tagged_name(m.group(1))) == m.group(1):
            out.append(Candidate(m.start(1), m.end(1), EntityType.PERSON))
    return out


def _three_after_title(text: str, at: int, starts: set[int]) -> re.Match | None:
    """A three-character name at `at` ending in 为 (某某为|到), where a word starts after it: 某某|为民
    is a name before 为民, not 某某为."""
    three = lx.NAME3_AFTER_TITLE.match(text, at)
    return three if three and (three.end() in starts or three.end() == len(text)) else None


def _tagged_name(text: str) -> str | None:
    """The person's name that jieba's name tagger reads at the start of `text`, if any."""
    word, tag = next(iter(jieba.posseg.cut(text)), ("", None))
    if tag in ("nr", "nrfg") and 2 <= len(word) <= 3 and not vocabulary.is_common(word, lx.COMMON_NOISY_PER_MILLION):
        return word
    return None
