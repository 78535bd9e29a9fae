"""Document structure: sentences, clauses, the year sections of a report and the time of a mention.

A work report speaks of one year as done (`review`) and of another as to do (`plan`); the year and
the mode of the part a mention sits in give the mention its place on the project's timeline.
Headings say which part is which, but not always truthfully (a "2021年工作计划" over finished
results is a review), so the body of each part is read too. Everything here is generic cue words;
nothing is keyed to one report.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from math import log1p
from typing import NamedTuple

import jieba.posseg

from kg import lexicon as lx
from kg import segment
from kg.linear import Linear
from kg.manifest import ADDRESS, address_date
from kg.model import Evidence, Mode, Section
from kg.reading import CN_DIGITS, CN_YEAR

# ---------------------------------------------------------------- sentences and clauses

_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』）)】]*|\n")  # a closing quote stays with its sentence
_SENTENCE_MARK = re.compile(r"[。！？!?；;\n]")  # where a _SENTENCE_END starts
_SPACE = " \t\r\u3000\xa0"
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
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
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
    while lo < hi and text[lo] in _SPACE:
        lo += 1
    while hi > max(lo, end) and text[hi - 1] in _SPACE:
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


# ---------------------------------------------------------------- headings

# A year since 1949, in figures or in Chinese numerals (一九五三年; 二o二四年, its zero typed as the letter o)
YEAR_DIGITS = r"(?:19[4-9]\d|20\d\d)"  # a year since 1949 in figures: what every reading of a year or date starts from
_YEAR = re.compile(rf"({YEAR_DIGITS}|{CN_YEAR})\s*年")
# Relative years make a heading a year heading too ("下一步工作计划", "明年工作打算").
_RELATIVE_YEAR = re.compile(
    r"明年|来年|下一年|下年度|新的一年|下一步|下步|今后|今年|本年|去年|上年|上半年|下半年"
)
_PARTIAL_YEAR = re.compile(r"上半年|前三季度|前半年|\d{1,2}\s*[-—至~]\s*\d{1,2}\s*月")
_MODE_WORDS: dict[str, str] = {
    Mode.REVIEW: "总结|回顾|亮点|成效|成绩|成果|完成情况|工作情况|进展情况|开展情况|落实情况|执行情况|推进情况"
    "|主要工作|主要做法|做法|述职|自查",
    Mode.PLAN: "计划|安排|思路|打算|重点工作|工作重点|任务|目标|要点|展望|设想|举措|部署|总体要求(?!是)|政策取向"
    "|工作的?建议",  # 对今年全县工作的建议: what the report proposes for the year
    Mode.OTHER: "问题|不足|短板|困难|差距|挑战",
}
_MODE_WORD = re.compile("|".join(f"(?P<{mode}>{words})" for mode, words in _MODE_WORDS.items()))
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
    rf"{_YEAR.pattern}[^，,。；;\n]{{0,12}}?(?:{'|'.join(_MODE_WORDS.values())}))"
)
# A numbered year heading with no mark between it and its text: 2022年工作回顾|过去一年，…
_GLUED = re.compile(rf"{_YEAR.pattern}[^，,。；;\n\d]{{0,8}}?工作(?:回顾|总结|计划|安排|打算|思路)")
_ANNEX = re.compile(r"附\s*[件表]\s*\d*(?:\s*[:：]\s*|\s*$|\s+)")
_HEADING_END = re.compile(r"[。！？!?；;]")
# A numbered heading ends at a sentence mark or where a sub-heading starts on the same line.
_HEADING_STOP = re.compile(r"[。！？!?；;]|[（(][一二三四五六七八九十]{1,3}[）)]")
_COMMA = re.compile(r"[，,]")
_MAX_HEADING = 40  # longer than this is a paragraph, not a heading
_MAX_BARE_HEADING = 16  # a heading with no year must be short (存在问题及短板, 下一步工作打算)
_MAX_TAIL = 4  # characters a heading may have after its last mode word: 范文, （草案）


@dataclass
class _Part:
    """One (year, mode) pair a heading or title names; a combined title names several."""

    year: int | None
    mode: Mode
    partial: bool  # 上半年…: the year is not over, so the plan that follows is for the same year


@dataclass
class _Heading:
    start: int
    body: int  # where the text under the heading begins
    title: str
    level: int
    parts: list[_Part]
    year: int | None  # the year the heading states for itself (None for a combined title)


def _year(s: str) -> int | None:
    m = _YEAR.search(s)
    if not m:
        return None
    y = m.group(1)
    return int(y.translate(CN_DIGITS))


# What a title may carry after its words without saying more: a bracketed aside, a file's extension.
_TITLE_ASIDE = re.compile(r"[（(【\[][^）)】\]]*[）)】\]]|\.(?:docx?|pdf|wps|txt)$", re.IGNORECASE)


def _goes_on(line: str) -> bool:
    """Does the line go on past its last mode word, asides apart (…工作计划范文 does not; 甲县以重点工作
    …掀起…热潮 and 2022年计划完成投资 do)? Then the word is a sentence's, not a heading's."""
    tail = line[max((m.end() for m in _MODE_WORD.finditer(line)), default=0) :]
    return len(_TITLE_ASIDE.sub("", tail)) > _MAX_TAIL


def _title_parts(title: str) -> list[_Part]:
    """The parts a title names, when its mode word ends it (甲镇2023年工作总结)."""
    parts = _parts(title)
    return [] if parts and _goes_on(title) else parts



def _parts(s: str) -> list[_Part]:
    """The (year, mode) pairs a heading names: 2021年工作总结暨2022年工作计划 → two. In a
    compound (重点工作完成情况, 主要工作安排) the last word is the head and decides."""
    parts: list[_Part] = []
    last = 0
    for m in _MODE_WORD.finditer(s):
        piece = s[last : m.end()]
        gap = s[last : m.start()]
        if parts and not (_JOINER.search(gap) or _YEAR.search(gap) or _RELATIVE_YEAR.search(gap)):
            parts[-1].mode = m.lastgroup  # type: ignore[assignment]
        else:
            parts.append(_Part(_year(piece), m.lastgroup, bool(_PARTIAL_YEAR.search(piece))))  # type: ignore[arg-type]
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
            stripped = line[a:b].strip(_SPACE)
            if stripped:
                yield pos + line.index(stripped[0], a), stripped
        pos += len(line) + 1


def _heading(start: int, line: str, annex: int | None) -> _Heading | None:
    """The year-level heading `line` opens with, if any (`annex`: where the 附件 line before it starts)."""
    level, rest = _PLAIN, line
    for i, numbering in enumerate(_NUMBERING):
        m = numbering.match(line)
        if m:
            level, rest = i, line[m.end() :]
            break
    if level == _PLAIN:
        if _HEADING_END.search(rest):
            return None  # an unnumbered line with a sentence mark is a paragraph
        head = rest
    else:
        head = _HEADING_STOP.split(rest, maxsplit=1)[0]
        if (len(head) > _MAX_HEADING or _COMMA.search(head)) and (glued := _GLUED.match(rest)):
            head = glued.group()  # 一、2022年工作回顾过去一年，…: the heading runs into its text
    head = head.strip(_SPACE).rstrip(":：")
    if not head or len(head) > _MAX_HEADING:
        return None
    if re.search(r"\d", _PARTIAL_YEAR.sub("", _YEAR.sub("", head))):
        return None  # a figure other than the year: 2022年计划投资5亿元 is a sentence
    if _YEAR.search(head) and not years_named(head):
        return None  # a horizon (…二〇三五年远景目标的建议, 到2025年) dates no part of the report
    parts = _parts(head)
    if _FIVE_YEARS.search(head) and not _YEAR.search(head) and not _PLAN_YEAR.search(head) and any(
            p.mode == Mode.PLAN for p in parts):
        parts = [_Part(None, Mode.OTHER, False)]  # “十五五”时期的目标任务: five years' aims, no one year's plan
    if parts and annex is None and _goes_on(head):
        return None  # the mode word must end the heading (…工作计划范文); 2022年计划完成投资 is a sentence
    dated = bool(_YEAR.search(head) or _RELATIVE_YEAR.search(head))
    short = len(head) <= _MAX_BARE_HEADING and not _COMMA.search(head)
    if level == _PLAIN:
        ok = annex is not None or (dated and bool(parts))
    else:
        ok = (dated and bool(parts)) or (short and (bool(parts) or _YEAR.search(head) is not None))
    if not ok:
        return None
    year = _year(head) if len(parts) < 2 else None
    title = line[: len(line) - len(rest)] + head
    body = start + line.index(head, len(title) - len(head)) + len(head)  # 一、…工作安排。正文… goes on
    return _Heading(start if annex is None else annex, body, title, level, parts, year)


def _headings(text: str, lines: list[tuple[int, str]]) -> list[_Heading]:
    """Year-level headings: unnumbered year headings and annexes, and the numbered headings of the
    outermost numbering that carries years or mode words (numbered headings below it are topics).
    `lines`: the text's `_lines`, which the caller reads too."""
    found: list[_Heading] = []
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
            h = _Heading(annex[0], start, annex[1][:_MAX_HEADING], _PLAIN, [], None)
        if h:
            found.append(h)
        annex = None
    # Under an outer numbering that names no year (一、聚焦产业振兴，…), an inner heading without a
    # year ((一)完成全年考核目标) is a topic, not a part of the report.
    outer = min((i for _, line in lines for i, n in enumerate(_NUMBERING) if n.match(line)), default=_PLAIN)
    found = [h for h in found if h.level <= outer or _YEAR.search(h.title) or _RELATIVE_YEAR.search(h.title)]
    found = _without_contents(text, found)
    found = _with_topics(found, lines)
    top = min((h.level for h in found), default=_PLAIN)
    kept: list[_Heading] = []
    combined: _Heading | None = None  # a combined heading leaves the cut to the headings under it
    for h in found:
        if combined and h.level <= combined.level:
            combined = None
        if h.level in (top, _PLAIN) or (combined and h.level == combined.level + 1):
            kept.append(h)
            if len(h.parts) > 1 and h.level < _PLAIN:
                combined = h
    return kept


_MIN_TOPICS = 2  # numbered headings after a review's that make it the report's first part, not its whole


def _with_topics(found: list[_Heading], lines: list[tuple[int, str]]) -> list[_Heading]:
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
        head = _HEADING_STOP.split(line[m.end():], maxsplit=1)[0].strip(_SPACE)[:_MAX_HEADING]
        if head:
            body = start + line.index(head, m.end()) + len(head)  # the text under it starts after its words
            topics.append(_Heading(start, body, line[: m.end()] + head, first.level, [], None))
    return sorted([*found, *topics], key=lambda h: h.start) if len(topics) >= _MIN_TOPICS else found


def _without_contents(text: str, found: list[_Heading]) -> list[_Heading]:
    """The headings without a table of contents: where a heading's title comes again later and
    the headings before it stand together with no sentence among them (a page holding its report
    twice has sentences), they are the contents' lines, no parts of the text."""
    for i, h in enumerate(found):
        again = next((j for j in range(i + 1, len(found)) if found[j].title == h.title), None)
        if again is not None and not _HEADING_END.search(text, h.start, found[again - 1].body):
            return found[:i] + found[again:]
    return found


# ---------------------------------------------------------------- body: done or to do?

def _any_of(*alternatives: str) -> re.Pattern[str]:
    """One pattern for alternatives that each start with a plain character, led by the class of those
    characters: Python's re then skips ahead fast instead of trying every alternative at every place."""
    firsts = "".join(sorted({a[0] for a in alternatives}))
    return re.compile(f"(?=[{firsts}])(?:{'|'.join(alternatives)})")


# 增长6%左右, 增长5000万元左右 are aimed at; 增长6% is reported
_AIMED = r"(?![\d.,]*[%％]?[\u4e00-\u9fff]{0,4}?(?:左右|以上|以内|上下))"  # any unit: 万人次以上
_PAST = _any_of(
    "同比", "累计", "共计", "全年共", "相继", "这一年", "一年来", "过去一年", "获评", "荣获", "获得(?!感)", "被评为",
    "成功", "顺利", "圆满", "超额", "已经", "正在", "目前",  # works reported as they stand now
    "已(?!出让)", "了(?<![为除]了)(?<!(?:明确|提出|指出|强调|部署|要求)了)(?!解)",  # not the reporter's 报告明确了
    "截至", "截止", "以来", "先后", "近日", "日前", "本报讯",  # a reporter's news of what took place
    r"\d{1,2}月\d{1,2}日(?:上午|下午|晚)", "排名", "位居", "位列", "全区第", "全市第", f"达到\\d{_AIMED}",
    *(f"{verb}了?\\d{_AIMED}" for verb in ("增长", "下降", "提高", "减少", "增加", "提升")),
)
_JIANG = "将(?<!现将)(?!军|近|其|之)"  # 将 of the future, not 将军, 将近, 将其, 现将…报告如下
_FUTURE = _any_of(
    _JIANG, "要(?<![主重需必只纲提首摘]要)(?![求素点闻害件])", "力争", "确保", "争取", "努力",
    "预计(?![^，,。；;]{0,12}?\\d+(?:\\.\\d+)?\\s*(?:亿|万|元|%|吨|家|个))",  # 预计总产值802亿元: a year-end
    # review's estimate of its results (预计2025年建成 is still an intent)
    "拟", "力求", "务必", "计划(?:于|在|到|完成|投资|实施|新增|开工)", "不少于", "不低于", "以上",
    "年底前", "年内", "尽快", "早日", "下一步", "明年",
)
# Steps a sentence reports as taken (建成, 入选, 投入运营): a review's, where no other word says so.
_DONE_OR_PAST = re.compile(_PAST.pattern + "|" + r"(?:建成|竣工|完工|投用|投产|开业|开园|落成|通车|入选|获批|增至|突破"
                           r"|投入(?:运营|使用)|实现|完成|举办|召开)(?![^，,。；;]{0,6}?(?:目标|任务))")
# A sentence that sets out targets is a plan's, whatever growth figures it lists (预期目标是：增长6%…).
_TARGETS = re.compile(r"(?:预期|奋斗|发展|主要)目标(?:是|为|[:：]|达到)")
_OUTWEIGH = 100  # a sentence's score: more than all its growth figures
# A sentence opening on the year before the one the text is written in (not 比去年, a comparison).
_LAST_YEAR = re.compile(r"(?:^|[。！？!?\n…])\s*(?:回首过去|过去的?一年|去年)")
# What only a plan says; 将 marking an object (将招商引资作为…) is no intent.
_INTENT = re.compile(_JIANG + r"(?![^，,。；;]{0,20}?(?:作为|纳入|列为|列入))|力争|争取|拟|下一步")
# How a plan written in the imperative frames itself (2024年全街工作总体要求是…; 做好全年工作…): said
# of a text that states nothing else about itself, it makes the text a plan.
_PLAN_FRAME = re.compile(r"总体要求|做好全年")
_DECIDE = 2.0  # one side must outvote the other this many times …
_MIN_VOTES = 3  # … with at least this many sentences
_SHOWN_CUES = 5  # cue words a "verbs" evidence quotes
_OVERTURN, _MIN_OVERTURN = 2.0, 4  # the body overturns what its heading says only by this much


def _scores(body: str, past: re.Pattern[str] = _PAST) -> tuple[list[int], dict[str, list[re.Match[str]]]]:
    """Each sentence's past cues minus its future cues (a target-setting sentence outweighs all), and
    the cues of each side."""
    ends = [s1 for _, s1 in sentences(body)]
    score = [0] * (len(ends) + 1)
    hits: dict[str, list[re.Match[str]]] = {Mode.REVIEW: [], Mode.PLAN: []}
    for pattern, sign, side in ((past, 1, Mode.REVIEW), (_FUTURE, -1, Mode.PLAN), (_TARGETS, -_OUTWEIGH, Mode.PLAN)):
        for m in pattern.finditer(body):
            score[bisect_right(ends, m.start())] += sign
            hits[side].append(m)
    return score, hits


def _body_mode(
    text: str, start: int, end: int, decide: float = _DECIDE, min_votes: int = _MIN_VOTES, past: re.Pattern[str] = _PAST
) -> tuple[Mode | None, Evidence | None]:
    """What the body says it is: review when its sentences report past results (同比, 累计, 获评 …),
    plan when they state intents (将, 力争, 确保 …), None when it does not clearly say; the
    winning cue words are the evidence."""
    return _verdict(*_scores(text[start:end], past), start, decide, min_votes)


def _verdict(score: list[int], hits: dict[str, list[re.Match[str]]], start: int, decide: float = _DECIDE,
             min_votes: int = _MIN_VOTES) -> tuple[Mode | None, Evidence | None]:
    """The side whose sentences outvote the other's (`_body_mode`), its cues quoted from `start`."""
    votes = Counter(Mode.REVIEW if x > 0 else Mode.PLAN for x in score if x)
    for mode, other in ((Mode.REVIEW, Mode.PLAN), (Mode.PLAN, Mode.REVIEW)):
        if votes[mode] >= min_votes and votes[mode] >= decide * votes[other] and votes[mode] > votes[other]:
            return mode, _cited("verbs", hits[mode], start)
    return None, None


def _cited(kind: str, cues: list[re.Match[str]], start: int = 0, said: str = "") -> Evidence:
    """Evidence quoting the first few distinct cue words (and `said`), spanning the first of them."""
    words = "、".join(list(dict.fromkeys(m.group() for m in cues))[:_SHOWN_CUES]) + said
    return Evidence(kind, words, start + cues[0].start(), start + cues[0].end()) if cues else Evidence(kind, words)


# ---------------------------------------------------------------- sections

_DATE = re.compile(r"(20\d\d)\s*[-年/.]\s*(\d{1,2})")
_DATE_KEYS = ("成文日期", "发布日期", "发布时间", "发表日期", "发表时间", "公布日期", "发文日期", "发文时间",
              "生成日期", "发稿时间",
              "更新时间", "编辑时间", "最后编辑时间", "日期", "时间", "date")
# The day a report is given, under its title: ——2023年3月5日在第十四届全国人民代表大会第一次会议上.
_GIVEN_ON = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*\d{1,2}\s*日\s*在[^\n。]{0,40}?(?:代表大会|会议)")
_GIVEN_REACH = 400  # characters: the line stands under the title
# A page's time stamp near its top (2020-12-30 15:11:44 来源: …): a day and a clock time is when it was
# posted; a year the text names more than once outranks it, as it does a page's address.
_STAMP = re.compile(r"(20\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*\d{1,2}(?:日\s*|\s+)\d{1,2}:\d{2}"
                    r"|(?<![\d.])(20\d\d)([-/])(\d{1,2})\4\d{1,2}(?![\d.])")  # or a machine's date alone: 2021/4/9
_INDEX_YEAR = re.compile(r"/\s*(20\d\d)\s*-")  # 索引号 000014349/2022-83299: the year it was filed
_DATED = ("published", "address")  # evidence of when the report was published
_EARLY_MONTHS = 3  # a review published by March is of the year before
_LOOKS_BACK_MONTHS = 6  # one opening on the year gone (一年来), by June
_LATE_MONTHS = 10  # a plan published from October on is for the year after
_REPORT = re.compile(r"报告")
_NOT_TITLE = re.compile(r"[，,。；;！？!?]")
# The body's first dated sentence: "2022年，…" or "2022年以来，…" opens the review of that year.
_OPENING = re.compile(rf"{_YEAR.pattern}(?P<half>上半年|前三季度)?(?:以来|来|[，,]|是|全年)")
_SINCE = re.compile(r"以来|年来")  # an opening that can only look back
# "今年以来…" dates the review by the publication year.
_THIS_YEAR = re.compile(r"(?:今年|本年)(?P<half>上半年|前三季度)?(?:以来|来|[，,]|全年)")
# "十四五"开局之年: the year named by its place in a five-year plan (十一五 began in 2006).
_PLAN_YEAR = re.compile(r"十([一二三四五六七八九])五[”\"」]?(?:规划)?(?:的)?"
                        r"(?P<at>开局|起步|开篇|第一|第二|承上启下|第三|第四|收官|决胜|最后一)之?年")
# A five-year plan's period named by the plan alone ("十五五"时期): several years, none of them its own.
_FIVE_YEARS = re.compile(r"十[一二三四五六七八九]五")
_PLAN_AT = {"开局": 0, "起步": 0, "开篇": 0, "第一": 0, "第二": 1, "承上启下": 2, "第三": 2, "第四": 3,
            "收官": 4, "决胜": 4, "最后一": 4}
_TRAILED = re.compile(r"[…]{2,}\s*")  # a lead that trails off (…建设中……今年以来，…) opens a new sentence
_OPENING_REACH = 12  # sentences (title, breadcrumbs, metadata lines count) where an opening dates the report
_SHORT_LINE = 8  # characters: a shorter sentence (找回密码) does not count towards the reach


@dataclass
class _Years:
    """The review year and the plan year of a report, for the parts that do not state one, with the
    evidence for each."""

    review: int | None = None
    plan: int | None = None
    partial: bool = False
    why: dict[str, Evidence] = field(default_factory=dict)

    def take(self, year: int | None, mode: Mode, why: Evidence, partial: bool = False) -> None:
        if year is None or mode not in (Mode.REVIEW, Mode.PLAN) or self.of(mode) is not None:
            return
        setattr(self, mode, year)
        self.why[mode] = why
        if mode == Mode.REVIEW:
            self.partial = partial

    def infer(self) -> None:
        step = 0 if self.partial else 1
        if self.plan is None and self.review is not None:
            self.plan, self.why[Mode.PLAN] = self.review + step, self.why[Mode.REVIEW]
        if self.review is None and self.plan is not None:
            self.review, self.why[Mode.REVIEW] = self.plan - step, self.why[Mode.PLAN]

    def of(self, mode: Mode) -> int | None:
        return self.review if mode == Mode.REVIEW else self.plan if mode == Mode.PLAN else None


class _Date(NamedTuple):
    """When a report was published, and where that was read."""

    year: int
    month: int | None  # None: a year alone
    evidence: Evidence
    posted: bool = False  # when the page was put online (its address, a time stamp over it), no more


def published(metadata: dict[str, str], text: str = "") -> _Date | None:
    """The publication date: a date field, else the day the report was given
    to its congress (——2023年3月5日在第十四届全国人民代表大会…上), else a time stamp near the top (a
    machine's date alone only over a text naming no year), else one in a field (a stamp line read as
    one), else the year of the 索引号, else a date in the page's address."""
    for key in _DATE_KEYS:
        if key in metadata and (m := _DATE.search(metadata[key])):
            return _Date(int(m.group(1)), int(m.group(2)), Evidence("published", f"{key}: {metadata[key]}"))
    if (m := _GIVEN_ON.search(text, 0, _GIVEN_REACH)) is not None:
        return _Date(int(m.group(1)), int(m.group(2)), Evidence("published", m.group(), m.start(), m.end()))
    m = _STAMP.search(text, 0, _GIVEN_REACH)
    if m is not None and (m.group(1) or not _YEAR.search(text, m.end())):
        year, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(5))
        return _Date(int(year), int(month), Evidence("published", m.group(), m.start(), m.end()), posted=True)
    for key, value in metadata.items():  # a page's stamp line read as a field (来源: 某镇 2024-08-14 10:33:22)
        if key != ADDRESS and (m := _STAMP.search(value)) is not None and m.group(1):
            return _Date(int(m.group(1)), int(m.group(2)), Evidence("published", f"{key}: {value}"), posted=True)
    if (m := _INDEX_YEAR.search(metadata.get("索引号", ""))) is not None:
        return _Date(int(m.group(1)), None, Evidence("published", f"索引号: {metadata['索引号']}"))
    if (url := metadata.get(ADDRESS)) and (dated := address_date(url)):
        return _Date(*dated, Evidence("address", f"{ADDRESS}: {url}"), posted=True)
    return None


@lru_cache(maxsize=4)
def _lead(text: str) -> tuple[tuple[int, int], ...]:
    """The first sentences, up to _OPENING_REACH of some length: a page's short furniture lines
    (找回密码, 立即注册, [复制链接]) do not use up the reach. (Read by several kinds of dating evidence of
    one text, hence the cache.)"""
    out = []
    counted = 0
    for a, b in sentences(text):
        if counted == _OPENING_REACH:
            break
        out.append((a, b))
        counted += b - a >= _SHORT_LINE
    return tuple(out)


def _opening_evidence(m: re.Match[str]) -> Evidence:
    """The words of an opening (2022年, 今年以来) as evidence, without the comma after them."""
    words = m.group().rstrip("，,")
    return Evidence("opening", words, m.start(), m.start() + len(words))


def _openings(text: str) -> Iterator[re.Match[str]]:
    """Sentences among the first few that open with a year or 今年以来, in order (a year opening a
    sentence deep in the body dates an event, not the report)."""
    for a, b in _lead(text):
        for at in (a, *(m.end() for m in _TRAILED.finditer(text, a, b))):
            hit = _OPENING.match(text, at) or _THIS_YEAR.match(text, at)
            if hit:
                yield hit


_Group = list[tuple[int | None, Mode, Evidence, bool]]  # (year, mode, evidence, partial) of one kind of evidence


def _ranked_years(text: str, title: str, date: _Date | None, sections: list[Section]) -> Iterator[_Group]:
    """Candidate (year, mode, evidence, partial) groups, strongest first: the title and the dated
    headings; a report's title (an annual report given early in year X reviews X-1, a half-year one
    or one published the year after reviews X); the body's first dated sentence, else the year it
    announces it reports on (现将…如下) or its place in a five-year plan; the publication date."""
    title_ev = _quote(text, "title", title)
    title_parts = _title_parts(title)
    yield [(p.year, p.mode, title_ev, p.partial) for p in title_parts] + [
        (s.year, s.mode, s.evidence[0], bool(_PARTIAL_YEAR.search(s.title))) for s in sections if s.year]
    if titled := _report_year(title, date):
        yield [(*titled, title_ev, bool(_PARTIAL_YEAR.search(title)))]
    opened = False
    relative: _Group = []  # 今年以来 read by a page's address: tried after the years the text names
    for m in _openings(text):
        ev = _opening_evidence(m)
        mode = _mode_at(sections, m.start())
        if m.re is _OPENING and not _SINCE.search(m.group()) and _LAST_YEAR.search(text, 0, m.start()) and (
                _forward(text, m.start())):
            mode = Mode.PLAN  # 过去的一年…。2020年，我们将…: the year it opens with is the one ahead
        if m.re is _OPENING:
            year = _year(m.group())
            if year and date and _SINCE.search(m.group()):
                # 2018年以来, published in 2020: the text reviews the period up to its own year
                year = max(year, date.year - 1 if date.month is not None and date.month <= _EARLY_MONTHS else date.year)
            yield [(year, mode, ev, bool(m.group("half")))]
        elif date:
            ev.kind = "relative"
            # posted in January or February, a review's 今年 was written in the last days of the year before,
            # unless it is news of a day of the month it was posted
            year = date.year - 1 if mode == Mode.REVIEW and date.month is not None and date.month < _EARLY_MONTHS and (
                not _news_of_the_month(text, date.month)) else date.year
            group: _Group = [(year, mode, ev, bool(m.group("half")))]
            if date.evidence.kind == "address":
                relative = group
                break
            yield group
        else:
            continue  # 今年以来 with no date to read it by: the next dated sentence
        opened = True
        break
    if not opened and (back := _reviewed(text)):
        opened = True
        yield [back]  # 报告回顾了2020年工作: the year a news item says the report looked back on
    if not opened and (told := _announced(text)) and (y := _year(told[1].text)):
        yield [(y, *told, False)]  # 现将2025年…工作汇报如下: the year it announces
    elif not opened and (plan := _plan_year(text)):
        yield [(plan[0], _mode_at(sections, plan[1].start or 0), plan[1], False)]
    if (not date or date.evidence.kind == "address") and not opened and (bare := _bare_year(text)):
        yield [(int(bare.group(1)), _mode_at(sections, bare.start()), Evidence("named", bare.group(1), bare.start(1),
                                                                          bare.end(1)), False)]
    if relative:
        yield relative
    if date:
        y, month, ev = date.year, date.month or 6, date.evidence  # a filing year alone: the report is of that year
        early = month <= _EARLY_MONTHS and not _news(text) and not (
            _SEASON.search(text, 0, _SEASON_REACH) and not _YEAR_GONE.search(text)) or (
            month <= _LOOKS_BACK_MONTHS and _YEAR_GONE.match(text.lstrip()))
        # news tells of days just gone, and a lead of the season (初春时节, 开春以来) of this one, unless
        # the text looks back on the year gone (新春伊始…。一年来，…); a text that opens on the year gone
        # (一年来，…) reviews it until the middle of the next
        yield [(y - 1 if early else y, Mode.REVIEW, ev, False),
               (y + 1 if month >= _LATE_MONTHS else y, Mode.PLAN, ev, False)]


# A year written bare in a slogan or a meeting's name (奋进2024动员大会), not a date or a figure.
_BARE_YEAR = re.compile(r"(?<=[\u4e00-\u9fff“\"])(20[0-4]\d)(?=[\u4e00-\u9fff”\"])"
                        r"(?![年万亿千百元余多个户人亩平米吨家项条座套名所辆台公斤])")


def _report_year(title: str, date: _Date | None) -> tuple[int, Mode] | None:
    """The year of a report whose title gives a year and no mode word (2031年甲省政府工作报告), and
    what the report does with it: plans it, or reviews it when the title says 上半年 or the report
    was published the year after or late in its own year (a term's last report)."""
    y = _year(title) if _REPORT.search(title) and not _title_parts(title) else None
    if y is None:
        return None
    late = date is not None and (date.year == y + 1 or date.year == y and (date.month or 0) >= _LATE_MONTHS)
    return y, Mode.REVIEW if _PARTIAL_YEAR.search(title) or late else Mode.PLAN


def _bare_year(text: str) -> re.Match[str] | None:
    """The first bare year among the first sentences: the weakest dating, for a text naming no other."""
    lead = _lead(text)
    return _BARE_YEAR.search(text, 0, lead[-1][1]) if lead else None


_REVIEWED = re.compile(rf"回顾(?:总结)?了?\s*{_YEAR.pattern}"
                       rf"|对\s*{_YEAR.pattern}[^。，,；;]{{0,12}}?工作(?:作|进行)了?[^。，,；;]{{0,4}}回顾")


def _reviewed(text: str) -> tuple[int | None, Mode, Evidence, bool] | None:
    """A year said to be looked back on among the first sentences (报告回顾了2020年工作, 报告对2022年
    工作作了回顾)."""
    lead = _lead(text)
    m = _REVIEWED.search(text, 0, lead[-1][1]) if lead else None
    return None if m is None else (_year(m.group()), Mode.REVIEW, Evidence("opening", m.group(), m.start(), m.end()),
                                   False)


def _forward(text: str, pos: int) -> bool:
    """Does the sentence at `pos` state an intent (将, 力争 …) and nothing done?"""
    a, b = sentence_around(text, pos)
    return _INTENT.search(text, a, b) is not None and _PAST.search(text, a, b) is None


def _plan_year(text: str) -> tuple[int, Evidence] | None:
    """The year a five-year-plan phrase among the first sentences names ("十四五"开局之年 → 2021)."""
    reach = _lead(text)
    m = _PLAN_YEAR.search(text, 0, reach[-1][1]) if reach else None
    if m is None:
        return None
    first = 2006 + 5 * (int(m.group(1).translate(CN_DIGITS)) - 1)
    return first + _PLAN_AT[m.group("at")], Evidence("named", m.group(), m.start(), m.end())


def _mode_at(sections: list[Section], pos: int) -> Mode:
    return next((s.mode for s in sections if s.start <= pos < s.end and s.mode != Mode.OTHER), Mode.REVIEW)


def _doc_years(text: str, title: str, date: _Date | None, sections: list[Section]) -> _Years:
    """Default years from the strongest kind of evidence that gives any."""
    years = _Years()
    for group in _ranked_years(text, title, date, sections):
        for year, mode, why, partial in group:
            years.take(year, mode, why, partial)
        if years.review is not None or years.plan is not None:
            break
    years.infer()
    return years


# A report that announces what follows: 现将全年工作情况报告如下 (a review), 现将明年工作打算汇报如下 (a plan).
_ANNOUNCED = re.compile(r"现将[^。！？!?；;\n]{0,40}?(?:汇报|报告|总结)如下")


def _announced(text: str) -> tuple[Mode, Evidence] | None:
    """What the text says it is about to report, among its first sentences: a plan when the words
    name a plan (计划, 打算), else a review."""
    m = _ANNOUNCED.search(text)  # within a sentence: the pattern holds no sentence end
    lead = _lead(text)
    if m is None or not lead or m.start() >= lead[-1][1]:
        return None
    modes = {w.lastgroup for w in _MODE_WORD.finditer(m.group())}
    if {Mode.REVIEW, Mode.PLAN} <= modes:
        return None  # 现将2021年工作总结及2022年工作计划汇报如下: the parts that follow tell
    return Mode.PLAN if Mode.PLAN in modes else Mode.REVIEW, Evidence("opening", m.group(), m.start(), m.end())


# A news lead: a dated or freshly reported event (3月15日，…举行; 本报讯…召开; 近日…走进). The item
# reports what took place, whatever intents it quotes; a meeting that lays out work to come is not one.
_NEWS_LEAD = re.compile(r"(?:本报讯|网讯|日电|记者|近日|日前|昨日|昨天|\d{1,2}月\d{1,2}日)[^。！？!?；;]{0,120}?"
                        r"(?:举行|召开|举办|开展|走进|来到|观摩|调研|视察|考察|察看|督导|开工|签约|揭牌|获悉|了解到)")
_SEASON = re.compile(r"初春|早春|开春|春节后|节后|新春伊始|新年伊始|年初以来|时下|眼下|春回大地|万物复苏")
_SEASON_REACH = 400  # characters: the lead
_YEAR_GONE = re.compile(r"一年来|过去的?一年|这一年|去年")
_TOLD = re.compile(r"[。！？!?]")  # where the sentence telling the event ends, on whatever line
_LAYS_OUT = re.compile(r"(?<!统一)(?<!决策)部署|安排|动员|誓师|计划|规划|展望|目标|工作会议?|代表大会|发布会")


def _news(text: str) -> tuple[Mode, Evidence] | None:
    """A text that opens as news of an event is a review of the time it reports (`_NEWS_LEAD`); news
    whose lead, up to the event, lays out work to come (`_LAYS_OUT`: 部署, 目标, 代表大会 …) says nothing."""
    if not (lead := _lead(text)):
        return None
    start, end = lead[0][0], lead[-1][1]
    # the event may be told on the lines after its date (11月17日 | 甲项目 | 举行开工仪式)
    if (m := _NEWS_LEAD.search(text, start, end)) is None:
        return None
    b = next(b for _, b in lead if m.start() < b)  # the end of the sentence the lead starts in
    told = _TOLD.search(text, m.end(), end)
    said = text[start : max(b, told.start() if told else end)]  # the title and lead up to the event's end
    return None if _LAYS_OUT.search(said) else (Mode.REVIEW, Evidence("opening", m.group(), m.start(), m.end()))


_DAY = re.compile(r"(?<!\d)(\d{1,2})月\d{1,2}日")


def _news_days(text: str) -> Iterator[re.Match[str]]:
    """The days (M月D日) the lead of a text that opens as news dates, in order; none for other texts."""
    if _news(text) is not None:
        yield from (m for a, b in _lead(text) for m in _DAY.finditer(text, a, b))


def _reposted(text: str, date: _Date | None) -> _Date | None:
    """A page posted in a month before the one its news lead dates its event in (posted in March, 9月25日，…
    召开): the event was the year before, and so is the page's "now"."""
    if date is None or date.month is None:
        return date
    first = next((m for m in _news_days(text) if text[m.start() - 1 : m.start()] != "年"), None)  # 今天是2031年9月20日
    return date._replace(year=date.year - 1, month=None) if first and int(first.group(1)) > date.month else date


def _news_of_the_month(text: str, month: int) -> bool:
    """Is the text news whose lead dates its event in `month` (2月21日上午，… posted in February)?"""
    return any(int(m.group(1)) == month for m in _news_days(text))


def _looks_back(text: str) -> tuple[Mode, Evidence] | None:
    """An opening that can only look back (2022年以来, 今年以来; 报告回顾了2020年工作), or a year that the
    text later turns from to the next one (2023年，… 2024年，要…), makes a text without headings a
    review first."""
    opening = next(_openings(text), None)
    if opening is None:
        back = _reviewed(text)  # 报告回顾了2020年工作: a news item of the report looks back first
        return (back[1], back[2]) if back else None
    ev = _opening_evidence(opening)
    if _SINCE.search(opening.group()):
        return Mode.REVIEW, ev
    year = _year(opening.group()) if opening.re is _OPENING else None
    for a, _ in sentences(text[opening.end() :]):
        turn = _FORWARD_OPENER.match(text, opening.end() + a)
        if year and turn and _year(turn.group()) == year + 1:
            return Mode.REVIEW, ev
    return None


# A year a plan aims at, not the one it is for: 到2035年, 至2025年, 2035年远景目标, 2010年前.
_HORIZON = re.compile(r"(?:底|末)?(?:前|远景|的远景)")
_HORIZON_BEFORE = ("到", "至")
_COMPARED_WITH = ("比", "较")  # 比2006年增长35%: the year a figure is compared with
_CUT_OFF = re.compile(r"(?:截至|截止)到?$")  # 截至2013年底, 截止到2013年底: the day results are counted to, not an aim


def years_named(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, re.Match[str]]]:
    """The years a stretch of text names, in order, each with where: not the horizons a plan aims
    at (到2035年, 2027年底前, 2035年远景目标), though a count's cut-off day is one (截至2013年底), nor
    the years figures are compared with (比2006年增长)."""
    end = len(text) if end is None else end
    return [(y, m) for m in _YEAR.finditer(text, start, end)
            if not _HORIZON.match(text, m.end()) and (text[max(0, m.start() - 1) : m.start()] not in _HORIZON_BEFORE
                                                       or _CUT_OFF.search(text, max(0, m.start() - 3), m.start()))
            and text[max(0, m.start() - 1) : m.start()] not in _COMPARED_WITH and (y := _year(m.group())) is not None]


def _body_year(text: str, start: int, end: int, mode: Mode) -> tuple[int | None, Evidence | None, int]:
    """The year a stretch of text names most, and how often; at a tie a plan is of the latest of them
    and a review of the earliest (召开2014年考核暨2015年部署会: the plan is 2015's)."""
    found = [m for _, m in years_named(text, start, end)]
    counts = Counter(_year(m.group()) for m in found)
    if not counts:
        return None, None, 0
    most = max(counts.values())
    tied = [y for y, n in counts.items() if n == most and y is not None]
    year = max(tied) if mode == Mode.PLAN else min(tied)
    first = next(m for m in found if _year(m.group()) == year)
    return year, Evidence("named", f"{first.group()} ×{most}", first.start(), first.end()), most


def _title_and_heads(text: str, title: str) -> tuple[str, list[_Heading]]:
    """The report's title (its first line when none is given and that line looks like one) and its
    year-level headings, the first at the text's start: text before the first heading speaks as a
    one-year title does (古塘街道2022年工作安排)."""
    lines = list(_lines(text))
    heads = _headings(text, lines)
    first = lines[0][1] if lines else ""
    title = title or _HEADING_END.split(first)[0]
    if len(title) > _MAX_HEADING or _NOT_TITLE.search(title) or lx.BREADCRUMB.search(title):
        title = ""
    if not heads or text[: heads[0].start].strip(_SPACE + "\n"):
        own = _title_parts(title)
        own = own if len(own) == 1 else []
        heads.insert(0, _Heading(0, 0, first[:_MAX_HEADING], _PLAIN, own, own[0].year if own else None))
    heads[0].start = 0  # white space before the first heading belongs to it
    return title, heads


def _unheaded(heads: list[_Heading]) -> bool:
    """Does nothing above the text say which year or mode it is (a news item, an excerpt)?"""
    return len(heads) == 1 and not heads[0].parts and heads[0].year is None


# ---------------------------------------------------------------- the trained reading

# A text with no heading saying what it is (a news item, an excerpt) tells whether it reviews or plans
# by its words alone, which the rules above weigh by hand. A trained reading (a `kg.linear.Linear` over
# review and plan, kept in the decision model's file; `kg train` learns it from the gold's sections)
# weighs the same signals as the gold does: the rules' own verdicts, the share of sentences each side
# wins (overall, at the start, at the end), the cue words, what the lead calls the text, and the years
# it names against the day it was published.
_CALLED = ("总结", "计划", "要点", "思路", "安排", "报告", "展望", "回眸", "回顾", "部署", "会议", "召开", "视察",
           "调研")
_TIME_WORDS = ("今年", "去年", "明年", "下一步", "年底前", "以来")
_CALLED_REACH = 200  # characters: the title and lead, where a text says what it is
READING_MODES = (Mode.REVIEW, Mode.PLAN)
_SURE = 0.8  # the reading overrides the rules only this sure: cross-validated over 1,156 documents, sections
# exactly right 0.753 by the rules, 0.772 with it (measured before three page dates were read: rules 0.748,
# 0.7: 0.764, 0.8: 0.766, 0.9: 0.755, always: 0.742)


def _ahead(scores: list[int]) -> float:
    """The share of the sentences with a cue whose cues look ahead."""
    ahead = sum(x < 0 for x in scores)
    return ahead / max(1, ahead + sum(x > 0 for x in scores))


def _cue(word: str) -> str:
    """A cue as a feature: its first two characters (增长了5 → 增长), a date (3月5日上午) as a date."""
    return "date" if word[:1].isdigit() else word[:2]


def _reading(text: str, date: _Date | None) -> tuple[dict[str, float], dict[str, list[re.Match[str]]]]:
    """What the trained reading weighs of a whole text published on `date` (see above), and the cues
    of each side."""
    scores, hits = _scores(text)
    third = max(1, len(scores) // 3)
    f = {"back": log1p(sum(x > 0 for x in scores)), "ahead": log1p(sum(x < 0 for x in scores)),
         "share": _ahead(scores), "share first": _ahead(scores[:third]), "share last": _ahead(scores[-third:]),
         "done": 1 - _ahead(_scores(text, _DONE_OR_PAST)[0])}
    f[f"strict={_verdict(scores, hits, 0)[0]}"] = 1.0
    f[f"loose={_verdict(scores, hits, 0, 1.0, 1)[0]}"] = 1.0
    for rule in (_announced, _looks_back, _news):
        if (said := rule(text)) is not None:
            f[f"{rule.__name__.strip('_')}={said[0]}"] = 1.0
    if _PLAN_FRAME.search(text):
        f["frame"] = 1.0
    if (opening := next(_openings(text), None)) is not None:
        f["opening=" + ("year" if opening.re is _OPENING else "now")] = 1.0
        f["opening ahead"] = float(_forward(text, opening.start()))
    for side, found in hits.items():
        for word, n in Counter(_cue(m.group()) for m in found).items():
            f[f"{side}:{word}"] = log1p(n)
    f.update(("called:" + w, 1.0) for w in _CALLED if w in text[:_CALLED_REACH])
    f.update(("says:" + w, 1.0) for w in _TIME_WORDS if w in text)
    if date is not None:
        if date.month:
            f["month=" + ("early" if date.month <= _EARLY_MONTHS else "late" if date.month >= _LATE_MONTHS
                          else "mid")] = 1.0
        named = [y for y, _ in years_named(text)]
        f["years before"] = log1p(sum(y < date.year for y in named))
        f["years same"] = log1p(sum(y == date.year for y in named))
        f["years after"] = log1p(sum(y > date.year for y in named))
    return f, hits


def unheaded_features(text: str, title: str = "", metadata: dict[str, str] | None = None) -> dict[str, float] | None:
    """The trained reading's features of a text with no heading saying what it is; None for one
    with (its headings decide)."""
    if not _unheaded(_title_and_heads(text, title)[1]):
        return None
    return _reading(text, published(metadata or {}, text))[0]


def _read(text: str, date: _Date | None, reading: Linear) -> tuple[Mode, Evidence] | None:
    """The mode the trained reading gives a text, with the cues it read of that side and how sure it
    is; None for a text with no cue at all (nothing to read) or where it is not sure."""
    f, hits = _reading(text, date)
    if not f["back"] and not f["ahead"]:
        return None
    p = reading.probabilities([f])[0]
    if p.max() < _SURE:
        return None  # the rules' reading stands
    mode = Mode(reading.classes[int(p.argmax())])
    return mode, _cited("learned", hits[mode], said=f" ({float(p.max()):.2f})")


def find_sections(text: str, title: str = "", metadata: dict[str, str] | None = None,
                  reading: Linear | None = None) -> list[Section]:
    """The document cut into parts that each speak of one year, as review, plan or other, each with
    the evidence that decided its year and mode.

    Year-level headings cut it. A part's mode is what its heading says unless the body plainly says
    the other (`heading_mode` then keeps what the heading said); a part whose heading names no single
    mode (a combined title) takes the mode its body shows, else `other`; text before the first
    heading speaks as a one-year title does, else as its body shows, else (一年来, 2022年以来) as a
    review. Years a heading does not state come from the strongest other evidence (`_ranked_years`).
    A title is a heading-like line: a first sentence is no title."""
    metadata = metadata or {}
    title, heads = _title_and_heads(text, title)
    posted = published(metadata, text)
    date = _reposted(text, posted)  # the mode is read as the reading learnt it, by the date the page gives
    if reading is not None and _unheaded(heads) and (read := _read(text, posted, reading)) is not None:
        # the trained reading is sure of what a text with no heading is: the rules need not read it too
        sections = [Section(heads[0].title, 0, len(text), None, read[0], None, [read[1]])]
    else:
        sections = _ruled(text, title, heads, date)
    years = _doc_years(text, title, date, sections)
    for s in sections:
        if s.year is None and s.mode != Mode.OTHER:
            s.year = years.of(s.mode)
            why = years.why.get(s.mode)
            by_date = why is not None and why.kind in (*_DATED, "relative")
            online = date.year if date and date.posted and by_date else None
            if s.year is None or online:
                # a page's address or time stamp tells when it was put online, which a year the text names
                # more than once outranks, unless it is later (确保2026年5月1日前开业, put online in 2025: a deadline)
                named, by, times = _body_year(text, s.start, s.end, s.mode)
                if named and (online is None or named <= online and times > 1):
                    s.year, why = named, by
            if why:
                s.evidence.insert(0, why)
        if date and s.mode != Mode.OTHER and date.evidence not in s.evidence:
            s.evidence.append(date.evidence)  # the report's "now": what 今年 in its forward clauses means
    for s in sections:
        s.evidence = _distinct(s.evidence)
    parts = _merge([part for s in sections for split in _split_forward(text, s, years.partial)
                    for part in _split_back(text, split)])
    for s in parts:
        _plan_after_estimate(text, s)
    return parts


_ESTIMATE_OF = re.compile(rf"比{_YEAR.pattern}预计")  # 比2030年预计增长5%: measured from a year not yet over


def _plan_after_estimate(text: str, s: Section) -> None:
    """A plan that measures its figures from its own year's estimate (比2030年预计增长…) plans the year
    after: it was written before its year was over (a report given in the autumn)."""
    if s.mode == Mode.PLAN and s.year and (estimate := _ESTIMATE_OF.search(text, s.start, s.end)) and (
            _year(estimate.group()) == s.year):
        s.year += 1
        s.evidence.insert(0, _quote(text, "named", estimate.group(), estimate.start()))


def _ruled(text: str, title: str, heads: list[_Heading], date: _Date | None) -> list[Section]:
    """The sections as the rules read them: each heading's part by what the heading says and its body
    shows (see `find_sections`), a part headed by a year alone by the year the report's title plans;
    a text no heading says anything of, by what most of its sentences say."""
    sections: list[Section] = []
    titled = _report_year(title, date)
    mode: Mode | None
    why: Evidence | None
    for h, end in zip(heads, [h.start for h in heads[1:]] + [len(text)], strict=True):
        if not text[h.body : end].strip(_SPACE + "\n"):  # a heading with nothing under it
            if sections:
                sections[-1].end = end
            else:  # a title right before 一、…: it says nothing of its own
                sections.append(Section(h.title, h.start, end, None, Mode.OTHER, None, []))
            continue
        said = h.parts[0].mode if len(h.parts) == 1 else None
        if said is None and h.year and h.body and titled and titled[1] == Mode.PLAN and (
                h.year in (titled[0], titled[0] - 1)) and not _SINCE.search(h.title):
            # 三、2031年的工作 in the 2031 report: the year the report plans is the one the part plans,
            # whatever it recalls first; the year before is the one it reviews
            mode, why = Mode.PLAN if h.year == titled[0] else Mode.REVIEW, _quote(text, "title", title)
        else:
            mode, why = (None, None) if said == Mode.OTHER else _body_mode(text, h.body, end) if said is None else (
                _body_mode(text, h.body, end, _OVERTURN, _MIN_OVERTURN))  # a heading's own word weighs more
        if said is None and all(p.mode == Mode.OTHER for p in sections) and (
                back := _announced(text) or _looks_back(text) or _news(text)) and h.start <= (back[1].start or 0) < end:
            mode, why = back  # 2022年以来，…: what the opening says outweighs the verbs (its own opening)
        said_by = _quote(text, "title", title) if h.body == 0 else _quote(text, "heading", h.title, h.start)
        evidence = [said_by] if h.parts or h.year else []
        if mode is None and said is None and (since := _SINCE.search(text, h.body, _first_sentence_end(text, h.body))):
            mode, why = Mode.REVIEW, Evidence("opening", since.group(), since.start(), since.end())
        mode = mode or said or Mode.OTHER
        year = h.year or next((p.year for p in h.parts if p.mode == mode), None)  # 2023年总结及2024年计划
        sections.append(Section(h.title, h.start, end, year, mode, said if said and said != mode else None,
                                evidence + ([why] if why else [])))
    if all(s.mode == Mode.OTHER for s in sections):
        mode, why = _body_mode(text, 0, len(text), 1.0, 1)
        if mode is None and not _PAST.search(text) and (frame := _PLAN_FRAME.search(text)):
            mode, why = Mode.PLAN, Evidence("verbs", frame.group(), frame.start(), frame.end())
        if mode is None:  # no word says it: what most sentences report as done (建成, 入选, 投入运营)
            mode, why = _body_mode(text, 0, len(text), 1.0, 1, past=_DONE_OR_PAST)
        if mode is None and (opening := next(_openings(text), None)) is not None and opening.re is _OPENING:
            # 2023年，在…领导下，…: a text opening with its year reviews it, unless it says what it will do
            mode = Mode.PLAN if _forward(text, opening.start()) else Mode.REVIEW
            why = _opening_evidence(opening)
        if mode:  # a report without a heading that says review or plan (an excerpt, a news item):
            # the whole text is what most of its sentences say
            sections = [Section(sections[0].title, 0, len(text), sections[0].year, mode, None, [why])]  # type: ignore[list-item]
    return sections


def _distinct(evidence: list[Evidence]) -> list[Evidence]:
    """Evidence once: a quote within the span of a stronger one (以来 in 2022年以来, a title that
    is also the first heading) adds nothing."""
    def within(e: Evidence, o: Evidence) -> bool:
        if e.start is None or e.end is None:
            return e.text in o.text
        return e.text in o.text and o.start is not None and o.end is not None and o.start <= e.start <= e.end <= o.end

    out: list[Evidence] = []
    for e in evidence:
        if not any(within(e, o) for o in out):
            out.append(e)
    return out


# A paragraph opening with one of these turns from the year's results to what comes next.
# The next year opening a sentence (2024年，要…), not a date (2024年1月13日在…代表大会上: when it is given).
# A news item may put the turn in an official's mouth: 某某介绍，2025年，… 某某表示，下一步…
_SAID_BY = r"[\u4e00-\u9fff]{2,8}(?:介绍|表示|说|指出|透露|强调|认为|提出|要求)[，,：:]"
_SAID = rf"(?:{_SAID_BY})?"
_FORWARD_OPENER = re.compile(
    rf"{_SAID}(?:展望)?(?:下一步|下步|明年|来年|新的一年|今后|未来|{_YEAR.pattern}(?!\s*\d{{1,2}}\s*月))[，,：:]?")


def _openings_in(text: str, s: Section, pattern: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str], int | None]]:
    """The sentences of a section after its first that open with `pattern`: where, the opening, and
    the year it names."""
    for a, b in sentences(text[s.start : s.end]):
        a += s.start
        line = text[a : s.start + b]
        if len(line) <= _MAX_HEADING and _parts(line) and not _COMMA.search(line):
            continue  # a heading's line (the wrapped half of a title: …总结暨 | 2025年工作思路)
        if a != s.start and (opener := pattern.match(text, a)):
            yield a, opener, _year(opener.group())


def _turn(text: str, s: Section, span: tuple[int, int], year: int, mode: Mode, kind: str, words: str,
          why: Evidence | None) -> Section:
    """The part of a section from a sentence where it turns to another year and mode."""
    a, end = span
    evidence = [Evidence(kind, words, a, a + len(words)), *([why] if why else []),
                *(e for e in s.evidence if e.kind in _DATED)]
    return Section(_HEADING_END.split(text[a:end])[0][:_MAX_HEADING], a, end, year, mode, None, evidence)


def _split_forward(text: str, s: Section, partial: bool) -> list[Section]:
    """A review that turns, at a sentence opening with 下一步, 明年 or the next year (…。2024年，要…),
    to what comes next, and plainly states intents from there on, is a review and a plan: two
    sections. One forward sentence closing a review (下一步，将继续…) stays part of it."""
    if s.mode != Mode.REVIEW or s.year is None:
        return [s]
    for a, opener, named in _openings_in(text, s, _FORWARD_OPENER):
        if named not in (None, s.year + 1):
            continue
        # the next year named outright turns the text on its own; 下一步 must be borne out by the verbs
        mode, why = _body_mode(text, a, s.end, *((1.0, 1) if named else (_DECIDE, _MIN_VOTES)))
        if mode == Mode.REVIEW and named and _SINCE.match(text, opener.end()):
            # 2022年以来，…: the review goes on to the year the text is written in, as done so far
            return _carve(text, s, _turn(text, s, (a, s.end), named, Mode.REVIEW, "opening", opener.group() + "以来",
                                         why))
        if mode != Mode.PLAN:
            continue
        return _carve(text, s, _turn(text, s, (a, s.end), named or s.year + (0 if partial else 1), Mode.PLAN,
                                     "opening" if named else "relative", opener.group(), why))
    return _carve_forward(text, s, partial)


# A sentence that sets out the coming year early on: 新征程已经开启，2024年，某街道将… 在新的一年，…将… (at a
# line's or a sentence's start too: …5家。今年，…将…), or where its subject says what it will do that year
# (某镇2016年将…, 2020年该镇将…)
_AHEAD = re.compile(rf"(?:^|(?<=[。！？!?；;])|[，,在“\"])(?:新的一年|明年|来年|今年|{_YEAR.pattern})(?:里|中)?[，,是]"
                    rf"|{_YEAR.pattern}[\u4e00-\u9fff]{{0,3}}?(?=将)", re.M)
_AHEAD_REACH = 60  # characters of the sentence the year may stand after (会议提出，2023年，…)


def _carve_forward(text: str, s: Section, partial: bool) -> list[Section]:
    """A review with a paragraph that sets out the next year's plan (a news item's 2024年，某街道将…
    before or amid the year's results) is a review, that paragraph as a plan, and the review again.
    The paragraph must state an intent and report nothing after the year it names."""
    if s.mode != Mode.REVIEW or s.year is None:
        return [s]
    for a, b in sentences(text[s.start : s.end]):
        a, b = a + s.start, b + s.start
        m = _AHEAD.search(text, a, min(b, a + _AHEAD_REACH))
        if m is None:
            continue
        named = _year(m.group())
        if named not in (None, s.year + 1) or (named is None and partial):
            continue
        if "今年" in m.group() and not _LAST_YEAR.search(text, s.start, s.end) and _now(s) != s.year + 1:
            continue  # 今年 is the year ahead only where the review calls its year 过去一年 or 去年, or the
            # page was published the year after it
        end = _line_end(text, m.end(), s.end)
        aims = _FUTURE if named else _INTENT  # the year ahead named outright: any aim will do (2023年，全乡要…)
        if named and not aims.search(text, m.end(), end):
            end = _line_end(text, end + 1, s.end)  # 2024年是…关键之年。| 某县将…: the aim opens the next line
        if not aims.search(text, m.end(), end) or _PAST.search(text, m.end(), end):
            continue
        # the plan opens with the sentence, or at the year where a clause before it names the year reviewed
        # (会议回顾总结了2017年…，2018年是…)
        reviewed = any(y == s.year for y, _ in years_named(text, a, m.start()))
        opens = m.start() + (m.group()[0] in "，,在“\"") if reviewed else a
        plan = _turn(text, s, (opens, end), s.year + 1, Mode.PLAN, "opening", m.group().strip("，,在“\"是"), None)
        return _carve(text, s, plan)
    return _carve_said(text, s)


def _line_end(text: str, start: int, end: int) -> int:
    """Where the line holding `start` ends, within `end`."""
    at = text.find("\n", start, end)
    return end if at < 0 else at


def _carve(text: str, s: Section, inner: Section) -> list[Section]:
    """`s` with `inner` cut out of it: `s` before, `inner`, `s` after."""
    rest = Section(s.title, inner.end, s.end, s.year, s.mode, s.heading_mode, s.evidence)
    s.end = inner.start
    return [part for part in (s, inner, rest) if text[part.start : part.end].strip(_SPACE + "\n")]


# A news item's word that the report or meeting set out the year ahead (对2015年的工作目标和任务进行了安排部署,
# 安排部署了2023年各项重点工作), though it tells nothing of the plan itself.
_SET_OUT = re.compile(rf"(?:安排部署|部署|安排|谋划|描绘)了?[^。；;，,]{{0,6}}?{_YEAR.pattern}"
                      rf"|对\s*{_YEAR.pattern}[^。；;]{{0,16}}?(?:安排部署|作出部署|进行了?(?:安排|部署)|描绘了?蓝图)")


def _carve_said(text: str, s: Section) -> list[Section]:
    """A review with a sentence saying the year ahead was set out (a plan with one saying the year
    before was looked back on) has that sentence as the plan of the year ahead (the review of the
    year before); a review without one may still name works voted for the year ahead (`_carve_voted`)."""
    if s.year is None:
        return [s]
    pattern, year, mode = (_SET_OUT, s.year + 1, Mode.PLAN) if s.mode == Mode.REVIEW else (_REVIEWED, s.year - 1,
                                                                                             Mode.REVIEW)
    m = pattern.search(text, s.start, s.end)
    if m is None or _year(m.group()) != year or (span := sentence_around(text, m.start())) == (s.start, s.end):
        # (a part that is that sentence alone was carved from it: 回顾了2014年…，对2015年…作了部署)
        return _carve_voted(text, s) if s.mode == Mode.REVIEW else [s]
    return _carve(text, s, _turn(text, s, span, year, mode, "opening", m.group(), None))


# Works voted for at a congress (票决出2024年民生实事项目：1.甲…): what the coming year will build.
_VOTED = re.compile(r"(?:票决|表决)(?!项目|制)(?:通过|选出|产生|出)?了?")  # the vote, not 票决项目 (the scheme)
_LIST_LINE = re.compile(r"\n\s*[0-9一二三四五六七八九十]+[.、．)）][^\n]*")  # a numbered item (1.甲路…), not 2025年…


def _carve_voted(text: str, s: Section) -> list[Section]:
    """A review with a sentence saying works were voted for the year ahead (and the list of them
    after it) has that sentence and list as the plan of that year."""
    if s.year is None:
        return [s]
    year = s.year + 1
    for m in _VOTED.finditer(text, s.start, s.end):
        a, b = sentence_around(text, m.start())
        if year in (y for y, _ in years_named(text, a, b)):
            break  # (a title's 票决出今年民生实事 names no year: the sentence that does tells)
    else:
        return [s]
    if "已" in text[a:b]:
        return [s]  # works voted for this year, or already built: told of in its review (票决项目…均已完工)
    while (line := _LIST_LINE.match(text, b)) and line.end() <= s.end:
        b = line.end()  # 1.甲路改造项目 2.乙桥…: the works voted for
    if (a, b) == (s.start, s.end):
        return [s]
    return _carve(text, s, _turn(text, s, (a, b), year, Mode.PLAN, "verbs", m.group(), None))


# …据了解，2022年，… or, in the mouth of the meeting, 会议认为，2022年某镇…
_YEAR_BEFORE = rf"(?:去年|在?过去的?一年|{_YEAR.pattern})"
_BACKWARD_OPENER = re.compile(rf"(?:据了解|据悉|据介绍|回顾|回望|回首)?[，,]?{_SAID}{_YEAR_BEFORE}[，,以来]"
                              rf"|{_SAID_BY}{_YEAR_BEFORE}")


def _split_back(text: str, s: Section) -> list[Section]:
    """A plan that turns, at a sentence opening with the year before (…。据了解，2022年，…), to what
    was done, and plainly reports results there, is a plan, a review over the sentences that
    report, and the plan again (a news item that quotes the year's plan, then tells the year before)."""
    if s.mode != Mode.PLAN or s.year is None:
        return [s]
    for a, opener, named in _openings_in(text, s, _BACKWARD_OPENER):
        if named not in (None, s.year - 1):
            continue
        back = a  # the run of sentences that report, up to the first that only looks ahead again
        for b, b1 in sentences(text[a : s.end]):
            if b and _FUTURE.search(text, a + b, a + b1) and not _PAST.search(text, a + b, a + b1):
                break
            back = a + b1
        mode, why = _body_mode(text, a, back, 1.0, 1)
        if mode != Mode.REVIEW:
            continue
        return _carve(text, s, _turn(text, s, (a, back), s.year - 1, Mode.REVIEW, "opening",
                                     opener.group().rstrip("，,"), why))
    return _carve_said(text, s)


def _quote(text: str, kind: str, words: str, start: int = 0) -> Evidence:
    """Evidence of `words`, with their span when the text holds them (a title given apart from the
    text may be absent)."""
    i = text.find(words, start) if words else -1
    return Evidence(kind, words, *((i, i + len(words)) if i >= 0 else ()))


def _first_sentence_end(text: str, start: int) -> int:
    m = _SENTENCE_END.search(text, start)
    return m.start() if m else len(text)


def _merge(sections: list[Section]) -> list[Section]:
    """One section per year-level part: an undated part that continues the one before it
    (主要做法 after 2021年工作总结) is joined to it."""
    out: list[Section] = []
    for s in sections:
        kind = (s.year, s.mode, s.heading_mode)
        if out and (out[-1].year, out[-1].mode, out[-1].heading_mode) == kind and not _YEAR.search(s.title):
            out[-1].end = s.end
        else:
            out.append(s)
    return out


def section_at(sections: list[Section], offset: int) -> int | None:
    """Index of the section holding `offset` (sections are in document order and do not overlap)."""
    i = bisect_right([s.start for s in sections], offset) - 1
    return i if i >= 0 and offset < sections[i].end else None


# A clause that says what is still to come, and the year it names for it.
_FORWARD = re.compile(_JIANG + r"|计划|预计|力争|争取|确保|拟|有望|年底前|月底前|年内")
_DONE = re.compile(r"已|了(?<![为除]了)(?!解)")
_CLAUSE_YEAR = re.compile(rf"{_YEAR.pattern}|(?P<rel>今年|本年|明年|来年|下一年|下年)")


def time_of(text: str, sections: list[Section], start: int, end: int) -> tuple[int | None, int | None, Mode]:
    """(section index, year, mode) of the mention at text[start:end]: those of its section, except in
    a review whose clause around the mention looks forward to another year (…计划今年10月底前开业, in a
    review published the year after): that mention is plan, in the year the clause names, unless the
    clause first tells the project's progress this year."""
    i = section_at(sections, start)
    if i is None:
        return None, None, Mode.OTHER
    s = sections[i]
    if s.mode != Mode.REVIEW or s.year is None:
        return i, s.year, s.mode
    lo, hi = clause_bounds(text, start, end)
    named, ahead = _CLAUSE_YEAR.search(text, lo, hi), _FORWARD.search(text, lo, hi)
    if named is None or ahead is None or _DONE.search(text, lo, hi):
        return i, s.year, s.mode
    if ahead.start() >= end and has_verb(text, end, ahead.start()):
        return i, s.year, s.mode  # 甲校抓紧建设力争明年9月投用: this year's progress is told first
    now = _now(s) or s.year
    rel = named.group("rel")
    year = _year(named.group()) if rel is None else now if rel in ("今年", "本年") else now + 1
    return (i, year, Mode.PLAN) if year and year > s.year else (i, s.year, s.mode)


def _now(s: Section) -> int | None:
    """The year the report was published in, from the section's evidence."""
    for e in s.evidence:
        if e.kind == "address" and (dated := address_date(e.text.removeprefix(f"{ADDRESS}: "))):
            return dated[0]
        if e.kind == "published" and (m := _DATE.search(e.text) or _INDEX_YEAR.search(e.text)):
            return int(m.group(1))
    return None
