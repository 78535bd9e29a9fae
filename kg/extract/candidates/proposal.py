"""What this stage hands on to the deciders: each proposed span (`Candidate`), each sentence's
words with the candidates proposed in it (`Sentence`), and a whole text's (`Proposal`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from kg.extract.candidates.tokens import Token
from kg.model import EntityType

if TYPE_CHECKING:
    from kg.extract.tagger import Chances


@dataclass
class Candidate:
    start: int
    end: int
    type: EntityType
    full: str | None = None  # the name when the text writes it otherwise (宝安 → 宝安区, “甲”主题活动 → 甲)
    listed: bool = False  # typed by the list it stands in (甲、乙等3家企业), so a count may follow it
    source: str = ""  # the generator that proposed it (suffix, quote, list, …): a feature of the decision


@dataclass
class Sentence:
    """One sentence's words and the candidates proposed in it (offsets in the document)."""

    start: int
    end: int
    tokens: list[Token]  # offsets relative to the sentence
    candidates: list[Candidate]

    @cached_property
    def starts(self) -> list[int]:
        """Where its words start (sentence offsets, ascending), to find a word by bisection."""
        return [t.start for t in self.tokens]

    @cached_property
    def ends(self) -> list[int]:
        return [t.end for t in self.tokens]


@dataclass
class Proposal:
    """Everything the deciders need: the text, its sentences with their candidates, nearby places, and
    how likely the trained tagger finds any span a name (None without a tagger)."""

    text: str
    sentences: list[Sentence]
    places: frozenset[str]
    chances: Chances | None = None
