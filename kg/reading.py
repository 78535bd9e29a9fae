"""The text the extractor reads: simplified characters, years in figures, pinyin glosses and stray
blanks left out, offsets mapped back.

Some sites print the reading of a character after it (推進(jìn), 社區(qū)), and text taken from a
PDF keeps a blank (山东昊 瑞环保公司, 2023 年) or a line break where a line wrapped (总投|资): all
cut the words, names and cues they land in. The extractor reads a copy in simplified characters
(`kg.simplified`) without them; every span it finds is mapped back to `Document.text`, where a
gloss belongs to the character before it, so a name is reported as written (成樂高速擴(kuò)容項目).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

from kg.simplified import simplified

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A syllable in brackets right after a character, with a tone mark (an abbreviation in brackets has none).
GLOSS = re.compile(rf"(?<=[\u4e00-\u9fff])[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]")
# Blanks between two characters, between a character and a figure, around a figure's point (8 ．8), or
# between the digits of a figure written a digit at a time (1 9 9 8 年, 1 4 ．1 ％): no word of Chinese
# prose, nor any number, has them.
_DIGIT = "[0-9０-９]"
BLANK = re.compile(r"(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff0-9])|(?<=[0-9%])[ \u3000]+(?=[\u4e00-\u9fff])"
                   rf"|(?<={_DIGIT})[ \u3000]+(?=[.．]{_DIGIT})|(?<={_DIGIT}[.．])[ \u3000]+(?={_DIGIT})"
                   rf"|(?<={_DIGIT})[ \u3000](?=(?:{_DIGIT}[ \u3000])*{_DIGIT}[ \u3000]?[.．%％年])")
_LEFT_OUT = re.compile(f"(?=[ \u3000(（])(?:{GLOSS.pattern}|{BLANK.pattern})")  # each opens on a blank or a bracket


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
# Any of them: few texts have one, and translate() reads every character even when it maps none.
_FULL_WIDTH = re.compile("[" + "".join(map(chr, _HALF_WIDTH)) + "]")


# A year since 1949 in numerals (一九五三; 二o二四, its zero typed as the letter o): the structure reads it too.
CN_YEAR = r"一九[四五六七八九][〇零○一二三四五六七八九]|二[〇零○oO][〇零○oO一二三四五六七八九]{2}"
_CN_YEAR = re.compile(rf"(?:{CN_YEAR})(?=年)")  # 一九五四年, 二〇〇五年 read as their digits, one for one
# The numerals of a year, each its digit (a zero also written 零, ○ or a letter o).
CN_DIGITS = str.maketrans({c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | dict.fromkeys("零○oO", "0"))


def read(original: str) -> Reading:
    """The copy of `original` that the extractor reads."""
    text = simplified(original)
    if _FULL_WIDTH.search(text):
        text = text.translate(_HALF_WIDTH)
    text = _CN_YEAR.sub(lambda m: m.group().translate(CN_DIGITS), text)  # no year: the same string, one pass
    left_out = sorted([(m.start(), m.end()) for m in _LEFT_OUT.finditer(text)
                       if m.group()[0] in "(（" or not _short_line(text, m.start())] + _wraps(text))
    if not left_out:
        return Reading(text, text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = [0]
    last = 0
    for start, stop in left_out:
        pieces.append(text[last:start])
        starts.extend(range(last, start))
        ends.extend(range(last + 1, start + 1))
        if start > last and text[start] in "(（":
            ends[-1] = stop  # the gloss goes with the character it reads
        last = stop
    pieces.append(text[last:])
    starts.extend(range(last, len(text) + 1))
    ends.extend(range(last + 1, len(text) + 1))
    return Reading("".join(pieces), text, tuple(starts), tuple(ends))


_SHORT_LINE = 6  # characters: a line this short spaced out is a name set to a width (张  贵), kept as written


def _short_line(text: str, pos: int) -> bool:
    line = text[text.rfind("\n", 0, pos) + 1 : (text.find("\n", pos) + 1 or len(text) + 1) - 1]
    return len(line.strip()) <= _SHORT_LINE


# A line of a PDF's page wraps mid-sentence: it holds a sentence's punctuation, opens no heading or
# item, ends in no closing mark, and is about as wide as the page's other such lines.
_ITEM = re.compile(r"\s*(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十0-9]+[)）]"
                   r"|[0-9]+[.、．]|第[一二三四五六七八九十]+)")
_CLOSING = frozenset("。！？!?；;：:…”\"）)")
_INNER_MARK = re.compile(r"[，,、。；;]")
_GOES_ON = re.compile(r"[\u4e00-\u9fff0-9“\"（(]")
_COLUMN_GAP = re.compile(r"[\u4e00-\u9fff，,。；;、”)）] +[\u4e00-\u9fff【“(（]")  # between two columns' pieces
_MIN_WIDTH = 15  # a page narrower than this (in characters) is no page of prose
_MIN_WRAPS = 4
_SAME_WIDTH = 0.2  # the middle widths of a page's full lines differ by at most this share


def _width(line: str) -> float:
    """A line's width in characters, a figure, letter or blank counting half (punctuation was set
    full-width on the page, whatever the copy makes of it)."""
    return sum(0.5 if c.isascii() and (c.isalnum() or c == " ") else 1 for c in line)


def _wraps(text: str) -> list[tuple[int, int]]:
    """The line breaks of a text wrapped to a page's width, to be read as nothing (none when the
    text's lines are paragraphs: their widths differ, and no line of a page is wider than it)."""
    lines = text.split("\n")
    open_lines: list[tuple[int, float]] = []  # (offset of the break, width of the line before it)
    offset = 0
    for line, after in zip(lines, lines[1:], strict=False):
        offset += len(line) + 1
        body = line.rstrip()
        if (body and body[-1] not in _CLOSING and _INNER_MARK.search(body) and _GOES_ON.match(after)
                and not _ITEM.match(body) and not _ITEM.match(after)):
            open_lines.append((offset - 1, _width(body)))
    widths = sorted(w for _, w in open_lines if w >= _MIN_WIDTH)
    if len(widths) < _MIN_WRAPS or sum(bool(_COLUMN_GAP.search(line)) for line in lines) * 3 >= len(widths):
        return []  # too few, or a page of two columns read across: each line holds a piece of both
    cut = len(widths) // 10
    middle, full = widths[cut : len(widths) - cut], median(widths)
    wider = sum(_width(line.rstrip()) > (1 + _SAME_WIDTH) * full for line in lines)
    if middle[-1] - middle[0] > _SAME_WIDTH * full or wider > cut:
        return []  # lines of one width among wider ones are parallel headings, not a page's lines
    return [(at, at + 1) for at, w in open_lines if w >= (1 - _SAME_WIDTH / 2) * full]


def spelled_in(original: str, name: str) -> str | None:
    """How `original` writes a name given in simplified characters (长风乡 → 長風鄉, its glosses left
    out), where its read copy holds the name; None where it does not."""
    reading = read(original)
    at = reading.text.find(name)
    return plain(original[slice(*reading.span(at, at + len(name)))]) if at >= 0 else None


def plain(written: str) -> str:
    """A name as written without its glosses, blanks and line breaks."""
    return _LEFT_OUT.sub("", written).replace("\n", "")
