"""The title and the year-level headings of a report, and the (year, mode) pairs they name.

Headings say which part of a report is which: 2021年工作总结暨2022年工作计划 names two parts, 下一步工作
打算 one. Numbered headings below the outermost numbering that carries years or mode words are
topics, a table of contents opens no part, and a line that goes on past its mode word is a
sentence, not a heading.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from kg import lexicon as lx
from kg.model import Mode
from kg.structure.clauses import SPACE
from kg.structure.years import FIVE_YEARS, PLAN_YEAR, YEAR, year_in, years_named

# Relative years make a heading a year heading too ("下一步工作计划", "明年工作打算").
_RELATIVE_YEAR = re.compile(
    r"明年|来年|下一年|下年度|新的一年|下一步|下步|今后|今年|本年|去年|上年|上半年|下半年"
)
PARTIAL_YEAR = re.compile(r"上半年|前三季度|前半年|\d{1,2}\s*[-—至~]\s*\d{1,2}\s*月")
_MODE_WORDS: dict[str, str] = {
    Mode.REVIEW: "总结|回顾|亮点|成效|成绩|成果|完成情况|工作情况|进展情况|开展情况|落实情况|执行情况|推进情况"
    "|主要工作|主要做法|做法|述职|自查",
    Mode.PLAN: "计划|安排|思路|打算|重点工作|工作重点|任务|目标|要点|展望|设想|举措|部署|总体要求(?!是)|政策取向"
    "|工作的?建议",  # 对今年全县工作的建议: what the report proposes for the year
    Mode.OTHER: "问题|不足|短板|困难|差距|挑战",
}
MODE_WORD = re.compile("|".join(f"(?P<{mode}>{words})" for mode, words in _MODE_WORDS.items()))
_JOINER = re.compile(r"暨|及|和|与|以及|并|、|/")
_NUMBERING = (  # outermost first; the index is the heading level
    re.compile(r"第[一二三四五六七八九十]{1,3}(?:部分|章|篇)[、.．:：\s]*"),
    re.compile(r"[一二三四五六七八九十]{1,3}\s*[、.．]\s*"),
    re.compile(r"[（(][一二三四五六七八九十]{1,3}[）)]\s*"),
)
_PLAIN = len(_NUMBERING)  # level of an unnumbered heading line
# A year heading run into the text of a page without line breaks: "…。二、2022年工作计划（一）…".
_INLINE_HEADING = re.compile(
    r"[。！？!?；;][ \u3000]*(?=(?:第[一二三四五六七八九十]{1,3}部分|[一二三四五六七八九十]{1,3}、)\s*"
    rf"{YEAR.pattern}[^，,。；;\n]{{0,12}}?(?:{'|'.join(_MODE_WORDS.values())}))"
)
# A numbered year heading with no mark between it and its text: 2022年工作回顾|过去一年，…
_GLUED = re.compile(rf"{YEAR.pattern}[^，,。；;\n\d]{{0,8}}?工作(?:回顾|总结|计划|安排|打算|思路)")
_ANNEX = re.compile(r"附\s*[件表]\s*\d*(?:\s*[:：]\s*|\s*$|\s+)")
HEADING_END = re.compile(r"[。！？!?；;]")
# A numbered heading ends at a sentence mark or where a sub-heading starts on the same line.
_HEADING_STOP = re.compile(r"[。！？!?；;]|[（(][一二三四五六七八九十]{1,3}[）)]")
COMMA = re.compile(r"[，,]")
MAX_HEADING = 40  # longer than this is a paragraph, not a heading
_MAX_BARE_HEADING = 16  # a heading with no year must be short (存在问题及短板, 下一步工作打算)
_MAX_TAIL = 4  # characters a heading may have after its last mode word: 范文, （草案）
_NOT_TITLE = re.compile(r"[，,。；;！？!?]")


@dataclass
class _Part:
    """One (year, mode) pair a heading or title names; a combined title names several."""

    year: int | None
    mode: Mode
    partial: bool  # 上半年…: the year is not over, so the plan that follows is for the same year



@dataclass
class Heading:
    start: int
    body: int  # where the text under the heading begins
    title: str
    level: int
    parts: list[_Part]
    year: int | None  # the year the heading states for itself (None for a combined title)


# What a title may carry after its words without saying more: a bracketed aside, a file's extension.
_TITLE_ASIDE = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]|\.(?:docx?|pdf|wps|txt)$", re.IGNORECASE)


def _goes_on(line: str) -> bool:
    """Does the line go on past its last mode word, asides apart (…工作计划范文 does not; 甲县以重点工作
    …掀起…热潮 and 2022年计划完成投资 do)? Then the word is a sentence's, not a heading's."""
    tail = line[max((m.end() for m in MODE_WORD.finditer(line)), default=0) :]
    return len(_TITLE_ASIDE.sub("", tail)) > _MAX_TAIL


def title_parts_of(title: str) -> list[_Part]:
    """The parts a title names, when its mode word ends it (甲镇2023年工作总结)."""
    parts = heading_parts(title)
    return [] if parts and _goes_on(title) else parts


def heading_parts(s: str) -> list[_Part]:
    """The (year, mode) pairs a heading names: 2021年工作总结暨2022年工作计划 → two. In a
    compound (重点工作完成情况, 主要工作安排) the last word is the head and decides."""
    parts: list[_Part] = []
    last = 0
    for m in MODE_WORD.finditer(s):
        piece = s[last : m.end()]
        gap = s[last : m.start()]
        if parts and not (_JOINER.search(gap) or YEAR.search(gap) or _RELATIVE_YEAR.search(gap)):
            parts[-1].mode = m.lastgroup  # type: ignore[assignment]
        else:
            parts.append(_Part(year_in(piece), m.lastgroup, bool(PARTIAL_YEAR.search(piece))))  # type: ignore[arg-type]
        last = m.end()
    merged: list[_Part] = []
    for p in parts:  # 存在问题及短板 is one part
        if not (merged and merged[-1].mode == p.mode and p.year in (None, merged[-1].year)):
            merged.append(p)
    return merged


# A line ending with a joiner goes on in the next (…2024年度工作总结暨 | 2025年工作思路: one title).
_WRAPPED = re.compile(r"(?<=暨|及|和|与)[ \t\u3000]*\n(?=[ \t\u3000]*\S)")


def _lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset of the first visible character, the line stripped); a year heading run into a
    line starts a line of its own, a title wrapped after a joiner is one line."""
    pos = 0
    text = _WRAPPED.sub(lambda m: " " * len(m.group()), text)  # same length: offsets hold
    for line in text.split("\n"):
        cuts = [0, *(m.end() for m in _INLINE_HEADING.finditer(line)), len(line)]
        for a, b in zip(cuts, cuts[1:], strict=False):
            stripped = line[a:b].strip(SPACE)
            if stripped:
                yield pos + line.index(stripped[0], a), stripped
        pos += len(line) + 1


def _heading(start: int, line: str, annex: int | None) -> Heading | None:
    """The year-level heading `line` opens with, if any (`annex`: where the 附件 line before it starts)."""
    level, rest = _PLAIN, line
    for i, numbering in enumerate(_NUMBERING):
        m = numbering.match(line)
        if m:
            level, rest = i, line[m.end() :]
            break
    if level == _PLAIN:
        if HEADING_END.search(rest):
            return None  # an unnumbered line with a sentence mark is a paragraph
        head = rest
    else:
        head = _HEADING_STOP.split(rest, maxsplit=1)[0]
        if (len(head) > MAX_HEADING or COMMA.search(head)) and (glued := _GLUED.match(rest)):
            head = glued.group()  # 一、2022年工作回顾过去一年，…: the heading runs into its text
    head = head.strip(SPACE).rstrip(":：")
    if not head or len(head) > MAX_HEADING:
        return None
    if re.search(r"\d", PARTIAL_YEAR.sub("", YEAR.sub("", head))):
        return None  # a figure other than the year: 2022年计划投资5亿元 is a sentence
    if YEAR.search(head) and not years_named(head):
        return None  # a horizon (…二〇三五年远景目标的建议, 到2025年) dates no part of the report
    parts = heading_parts(head)
    if FIVE_YEARS.search(head) and not YEAR.search(head) and not PLAN_YEAR.search(head) and any(
            p.mode == Mode.PLAN for p in parts):
        parts = [_Part(None, Mode.OTHER, False)]  # “十五五”时期的目标任务: five years' aims, no one year's plan
    if parts and annex is None and _goes_on(head):
        return None  # the mode word must end the heading (…工作计划范文); 2022年计划完成投资 is a sentence
    dated = bool(YEAR.search(head) or _RELATIVE_YEAR.search(head))
    short = len(head) <= _MAX_BARE_HEADING and not COMMA.search(head)
    if level == _PLAIN:
        ok = annex is not None or (dated and bool(parts))
    else:
        ok = (dated and bool(parts)) or (short and (bool(parts) or YEAR.search(head) is not None))
    if not ok:
        return None
    year = year_in(head) if len(parts) < 2 else None
    title = line[: len(line) - len(rest)] + head
    body = start + line.index(head, len(title) - len(head)) + len(head)  # 一、…工作安排。正文… goes on
    return Heading(start if annex is None else annex, body, title, level, parts, year)


def _headings(text: str, lines: list[tuple[int, str]]) -> list[Heading]:
    """Year-level headings: unnumbered year headings and annexes, and the numbered headings of the
    outermost numbering that carries years or mode words (numbered headings below it are topics).
    `lines`: the text's `_lines`, which the caller reads too."""
    found: list[Heading] = []
    annex: tuple[int, str] | None = None  # the 附件 line the current line belongs to
    for start, line in lines:
        m = _ANNEX.match(line)
        if m and m.end() == len(line):  # "附件:" alone: its title is the next line
            annex = (start, line)
            continue
        if m:  # 附件：2023年重点工作任务
            annex, start, line = (start, line), start + m.end(), line[m.end() :]
        h = _heading(start, line, annex[0] if annex else None)
        if h is None and annex:  # an annex starts a part even when its title names no year
            h = Heading(annex[0], start, annex[1][:MAX_HEADING], _PLAIN, [], None)
        if h:
            found.append(h)
        annex = None
    # Under an outer numbering that names no year (一、聚焦产业振兴，…), an inner heading without a
    # year ((一)完成全年考核目标) is a topic, not a part of the report.
    outer = min((i for _, line in lines for i, n in enumerate(_NUMBERING) if n.match(line)), default=_PLAIN)
    found = [h for h in found if h.level <= outer or YEAR.search(h.title) or _RELATIVE_YEAR.search(h.title)]
    found = _without_contents(text, found)
    found = _with_topics(found, lines)
    top = min((h.level for h in found), default=_PLAIN)
    kept: list[Heading] = []
    combined: Heading | None = None  # a combined heading leaves the cut to the headings under it
    for h in found:
        if combined and h.level <= combined.level:
            combined = None
        if h.level in (top, _PLAIN) or (combined and h.level == combined.level + 1):
            kept.append(h)
            if len(h.parts) > 1 and h.level < _PLAIN:
                combined = h
    return kept


_MIN_TOPICS = 2  # numbered headings after a review's that make it the report's first part, not its whole


def _with_topics(found: list[Heading], lines: list[tuple[int, str]]) -> list[Heading]:
    """The headings, and the numbered topics after a first heading that reviews a year, when no other
    heading of its numbering names a year or mode: a government work report's tasks (一、2031年工作回顾
    二、做强青禾产业 三、…) are parts of their own, which their verbs tell (the year's plan)."""
    first = next((h for h in found if h.level < _PLAIN), None)
    if (first is None or first.year is None or [p.mode for p in first.parts] != [Mode.REVIEW]
            or any(h.level == first.level for h in found if h is not first)
            or not _NUMBERING[first.level].match(first.title) or not first.title.startswith(("一", "第一"))):
        return found
    topics = []
    for start, line in lines:
        if start <= first.start or not (m := _NUMBERING[first.level].match(line)):
            continue
        head = _HEADING_STOP.split(line[m.end():], maxsplit=1)[0].strip(SPACE)[:MAX_HEADING]
        if head:
            body = start + line.index(head, m.end()) + len(head)  # the text under it starts after its words
            topics.append(Heading(start, body, line[: m.end()] + head, first.level, [], None))
    return sorted([*found, *topics], key=lambda h: h.start) if len(topics) >= _MIN_TOPICS else found


def _without_contents(text: str, found: list[Heading]) -> list[Heading]:
    """The headings without a table of contents: where a heading's title comes again later and
    the headings before it stand together with no sentence among them (a page holding its report
    twice has sentences), they are the contents' lines, no parts of the text."""
    for i, h in enumerate(found):
        again = next((j for j in range(i + 1, len(found)) if found[j].title == h.title), None)
        if again is not None and not HEADING_END.search(text, h.start, found[again - 1].body):
            return found[:i] + found[again:]
    return found


def title_and_heads(text: str, title: str) -> tuple[str, list[Heading]]:
    """The report's title (its first line when none is given and that line looks like one) and its
    year-level headings, the first at the text's start: text before the first heading speaks as a
    one-year title does (古塘街道2022年工作安排)."""
    lines = list(_lines(text))
    heads = _headings(text, lines)
    first = lines[0][1] if lines else ""
    title = title or HEADING_END.split(first)[0]
    if len(title) > MAX_HEADING or _NOT_TITLE.search(title) or lx.BREADCRUMB.search(title):
        title = ""
    if not heads or text[: heads[0].start].strip(SPACE + "\n"):
        own = title_parts_of(title)
        own = own if len(own) == 1 else []
        heads.insert(0, Heading(0, 0, first[:MAX_HEADING], _PLAIN, own, own[0].year if own else None))
    heads[0].start = 0  # white space before the first heading belongs to it
    return title, heads


def unheaded(heads: list[Heading]) -> bool:
    """Does nothing above the text say which year or mode it is (a news item, an excerpt)?"""
    return len(heads) == 1 and not heads[0].parts and heads[0].year is None
