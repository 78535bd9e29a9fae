"""The text the extractor reads: simplified characters, pinyin glosses and stray blanks left out,
offsets mapped back.

Some sites print the reading of a character after it (推進(jìn), 社區(qū)), and text taken from a
PDF keeps a blank where a line wrapped (山东昊 瑞环保公司, 2023 年): both cut the words and names
they land in. The extractor reads a copy in simplified characters (`kg.simplified`) without them;
every span it finds is mapped back to `Document.text`, where a gloss belongs to the character
before it, so a name is reported as written (成樂高速擴(kuò)容項目).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.simplified import simplified

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A syllable in brackets right after a character, with a tone mark (an abbreviation in brackets has none).
GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]")
# Blanks between two characters, or between a character and a figure: no word of Chinese prose has them.
BLANK = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff0-9])|(?<=[0-9%])[ \u3000]+(?=[\u4e00-\u9fff])")
_LEFT_OUT = re.compile(f"{GLOSS.pattern}|{BLANK.pattern}")


@dataclass(frozen=True)
class Reading:
    """The read copy of a text and, where something was left out, where each of its offsets lies in
    the original: a character's start, and the end of the character before (its gloss included)."""

    text: str
    aligned: str  # simplified and half-width at the original's offsets: nothing left out
    starts: tuple[int, ...] | None = None  # None: the copy has the original's offsets
    ends: tuple[int, ...] | None = None

    def pos(self, offset: int) -> int:
        """Where a span of the copy starting at `offset` starts in the original."""
        return offset if self.starts is None else self.starts[offset]

    def end(self, offset: int) -> int:
        """Where a span of the copy ending at `offset` ends in the original (a gloss right after its
        last character included, a blank not)."""
        return offset if self.ends is None else self.ends[offset]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.pos(start), self.end(end)


# Full-width digits and letters (１９９４年, ＧＤＰ) read as their ASCII forms, one for one.
_HALF_WIDTH = {c: c - 0xFEE0 for c in (*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B))}


def read(original: str) -> Reading:
    """The copy of `original` that the extractor reads."""
    text = simplified(original).translate(_HALF_WIDTH)
    left_out = [m for m in _LEFT_OUT.finditer(text) if m.group()[0] in "(（" or not _short_line(text, m.start())]
    if not left_out:
        return Reading(text, text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = [0]
    last = 0
    for m in left_out:
        pieces.append(text[last : m.start()])
        starts.extend(range(last, m.start()))
        ends.extend(range(last + 1, m.start() + 1))
        if m.start() > last and m.group()[0] in "(（":
            ends[-1] = m.end()  # the gloss goes with the character it reads
        last = m.end()
    pieces.append(text[last:])
    starts.extend(range(last, len(text) + 1))
    ends.extend(range(last + 1, len(text) + 1))
    return Reading("".join(pieces), text, tuple(starts), tuple(ends))


_SHORT_LINE = 6  # characters: a line this short spaced out is a name set to a width (张  贵), kept as written


def _short_line(text: str, pos: int) -> bool:
    line = text[text.rfind("\n", 0, pos) + 1 : (text.find("\n", pos) + 1 or len(text) + 1) - 1]
    return len(line.strip()) <= _SHORT_LINE


def plain(written: str) -> str:
    """A name as written without its glosses and blanks."""
    return _LEFT_OUT.sub("", written)
