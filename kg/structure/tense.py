"""Done or to do: whether the sentences of a body report past results (a review) or state
intents (a plan).

Headings do not always say truthfully which part is which (a "2021年工作计划" over finished results
is a review), so the body is read too: each sentence's past cue words (同比, 累计, 获评 …) against its
future ones (将, 力争, 确保 …), and the sentences' vote.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from kg.model import Evidence, Mode
from kg.structure.clauses import sentence_around, sentences


def _any_of(*alternatives: str) -> re.Pattern[str]:
    """One pattern for alternatives that each start with a plain character, led by the class of those
    characters: Python's re then skips ahead fast instead of trying every alternative at every place."""
    firsts = "".join(sorted({a[0] for a in alternatives}))
    return re.compile(f"(?=[{firsts}])(?:{'|'.join(alternatives)})")


# 增长6%左右, 增长5000万元左右 are aimed at; 增长6% is reported
_AIMED = r"(?![\d.,]*[%％]?[\u4e00-\u9fff]{0,4}?(?:左右|以上|以内|上下))"  # any unit: 万人次以上
PAST = _any_of(
    "同比", "累计", "共计", "全年共", "相继", "这一年", "一年来", "过去一年", "获评", "荣获", "获得(?!感)", "被评为",
    "成功", "顺利", "圆满", "超额", "已经", "正在", "目前",  # works reported as they stand now
    "已(?!出让)", "了(?<![为除]了)(?<!(?:明确|提出|指出|强调|部署|要求)了)(?!解)",  # not the reporter's 报告明确了
    "截至", "截止", "以来", "先后", "近日", "日前", "本报讯",  # a reporter's news of what took place
    r"\d{1,2}月\d{1,2}日(?:上午|下午|晚)", "排名", "位居", "位列", "全区第", "全市第", f"达到\\d{_AIMED}",
    *(f"{verb}了?\\d{_AIMED}" for verb in ("增长", "下降", "提高", "减少", "增加", "提升")),
)
JIANG = "将(?<!现将)(?!军|近|其|之)"  # 将 of the future, not 将军, 将近, 将其, 现将…报告如下
FUTURE = _any_of(
    JIANG, "要(?<![主重需必只纲提首摘]要)(?![求素点闻害件])", "力争", "确保", "争取", "努力",
    "预计(?![^，,。；;]{0,12}?\\d+(?:\\.\\d+)?\\s*(?:亿|万|元|%|吨|家|个))",  # 预计总产值802亿元: a year-end
    # review's estimate of its results (预计2025年建成 is still an intent)
    "拟", "力求", "务必", "计划(?:于|在|到|完成|投资|实施|新增|开工)", "不少于", "不低于", "以上",
    "年底前", "年内", "尽快", "早日", "下一步", "明年",
)
# Steps a sentence reports as taken (建成, 入选, 投入运营): a review's, where no other word says so.
DONE_OR_PAST = re.compile(PAST.pattern + "|" + r"(?:建成|竣工|完工|投用|投产|开业|开园|落成|通车|入选|获批|增至|突破"
                           r"|投入(?:运营|使用)|实现|完成|举办|召开)(?![^，,。；;]{0,6}?(?:目标|任务))")
# A sentence that sets out targets is a plan's, whatever growth figures it lists (预期目标是：增长6%…).
_TARGETS = re.compile(r"(?:预期|奋斗|发展|主要)目标(?:是|为|[:：]|达到)")
_OUTWEIGH = 100  # a sentence's score: more than all its growth figures
# A sentence opening on the year before the one the text is written in (not 比去年, a comparison).
LAST_YEAR = re.compile(r"(?:^|[。！？!?\n…])\s*(?:回首过去|过去的?一年|去年)")
# What only a plan says; 将 marking an object (将招商引资作为…) is no intent.
INTENT = re.compile(JIANG + r"(?![^，,。；;]{0,20}?(?:作为|纳入|列为|列入))|力争|争取|拟|下一步")
# How a plan written in the imperative frames itself (2024年全街工作总体要求是…; 做好全年工作…): said
# of a text that states nothing else about itself, it makes the text a plan.
PLAN_FRAME = re.compile(r"总体要求|做好全年")
DECIDE = 2.0  # one side must outvote the other this many times …
MIN_VOTES = 3  # … with at least this many sentences
_SHOWN_CUES = 5  # cue words a "verbs" evidence quotes
OVERTURN, MIN_OVERTURN = 2.0, 4  # the body overturns what its heading says only by this much


def cue_scores(body: str, past: re.Pattern[str] = PAST) -> tuple[list[int], dict[str, list[re.Match[str]]]]:
    """Each sentence's past cues minus its future cues (a target-setting sentence outweighs all), and
    the cues of each side."""
    ends = [s1 for _, s1 in sentences(body)]
    score = [0] * (len(ends) + 1)
    hits: dict[str, list[re.Match[str]]] = {Mode.REVIEW: [], Mode.PLAN: []}
    for pattern, sign, side in ((past, 1, Mode.REVIEW), (FUTURE, -1, Mode.PLAN), (_TARGETS, -_OUTWEIGH, Mode.PLAN)):
        for m in pattern.finditer(body):
            score[bisect_right(ends, m.start())] += sign
            hits[side].append(m)
    return score, hits


def body_mode(
    text: str, start: int, end: int, decide: float = DECIDE, min_votes: int = MIN_VOTES, past: re.Pattern[str] = PAST
) -> tuple[Mode | None, Evidence | None]:
    """What the body says it is: review when its sentences report past results (同比, 累计, 获评 …),
    plan when they state intents (将, 力争, 确保 …), None when it does not clearly say; the
    winning cue words are the evidence."""
    return verdict(*cue_scores(text[start:end], past), start, decide, min_votes)


def verdict(score: list[int], hits: dict[str, list[re.Match[str]]], start: int, decide: float = DECIDE,
            min_votes: int = MIN_VOTES) -> tuple[Mode | None, Evidence | None]:
    """The side whose sentences outvote the other's (`body_mode`), its cues quoted from `start`."""
    votes = Counter(Mode.REVIEW if x > 0 else Mode.PLAN for x in score if x)
    for mode, other in ((Mode.REVIEW, Mode.PLAN), (Mode.PLAN, Mode.REVIEW)):
        if votes[mode] >= min_votes and votes[mode] >= decide * votes[other] and votes[mode] > votes[other]:
            return mode, cited("verbs", hits[mode], start)
    return None, None


def cited(kind: str, cues: list[re.Match[str]], start: int = 0, said: str = "") -> Evidence:
    """Evidence quoting the first few distinct cue words (and `said`), spanning the first of them."""
    words = "、".join(list(dict.fromkeys(m.group() for m in cues))[:_SHOWN_CUES]) + said
    return Evidence(kind, words, start + cues[0].start(), start + cues[0].end()) if cues else Evidence(kind, words)


def turns_forward(text: str, pos: int) -> bool:
    """Does the sentence at `pos` state an intent (将, 力争 …) and nothing done?"""
    a, b = sentence_around(text, pos)
    return INTENT.search(text, a, b) is not None and PAST.search(text, a, b) is None
