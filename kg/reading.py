"""The text the extractor reads: simplified characters, pinyin glosses left out, offsets mapped back.

Some sites print the reading of a character after it (推進(jìn), 社區(qū)), which cuts every word and
name it lands in. The extractor reads a copy in simplified characters (`kg.simplified`) without
those glosses; every span it finds is mapped back to `Document.text`, where a gloss belongs to the
character before it, so a name is reported as written (成樂高速擴(kuò)容項目).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.simplified import simplified

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A syllable in brackets right after a character, with a tone mark (an abbreviation in brackets has none).
GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]")


@dataclass(frozen=True)
class Reading:
    """The read copy of a text and, where glosses were left out, where each of its offsets lies in
    the original (one entry per offset, the end included)."""

    text: str
    origin: tuple[int, ...] | None = None  # None: the copy has the original's offsets

    def pos(self, offset: int) -> int:
        """The original offset of a boundary in the copy: a span [a, b) of the copy is
        [pos(a), pos(b)) of the original, glosses inside or right after it included."""
        return offset if self.origin is None else self.origin[offset]


def read(original: str) -> Reading:
    """The copy of `original` that the extractor reads."""
    text = simplified(original)
    glosses = list(GLOSS.finditer(text))
    if not glosses:
        return Reading(text)
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for m in glosses:
        pieces.append(text[last : m.start()])
        origin.extend(range(last, m.start()))
        last = m.end()
    pieces.append(text[last:])
    origin.extend(range(last, len(text) + 1))
    return Reading("".join(pieces), tuple(origin))


def plain(written: str) -> str:
    """A name as written without its glosses."""
    return GLOSS.sub("", written)
