"""The names a text's proposal holds, each with the generators that proposed it: shared by the
tests of kg.extract.candidates."""

from __future__ import annotations

from kg.extract.candidates.propose import propose
from kg.gazetteer import Gazetteer


def proposed(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for s in propose(text, Gazetteer.load()).sentences:
        for c in s.candidates:
            out.setdefault(text[c.start : c.end], set()).add(c.source)
    return out
