"""Quoted names (开展“青苗护航”活动, 推行“甲乙一制”工作法): typed by their suffix, by a class noun
after a quoted list, or as a Program by the words around them; quotes that only stress a word, hold
a list or a political catchword propose nothing. The campaign year (“作风提升年”) is defined here,
and `weak` finds it unquoted too.
"""

from __future__ import annotations

import re

import jieba

from kg import lexicon as lx
from kg.extract.candidates.proposal import Candidate
from kg.gazetteer import Gazetteer
from kg.model import EntityType
from kg.names import catchword, type_of

QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{2,24})[”\"」』]")


def quoted_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """Quoted names: typed by suffix, else a Program when the words around it launch or run
    something (开展“…”, “…”行动) — unless the quotes only stress a word (“瓶颈”), hold a list
    (“一带、一廊”) or a numbered catchword (“三会一课”, “两个维护”). A numbered series launched as a
    local scheme (推行“甲乙一制”工作法, 开展“四送一服”) or named for a campaign (“三访两送”活动) is one."""
    out = []
    for m in QUOTED.finditer(text):
        inner = m.group(1).strip()
        if any(c in inner for c in "，,、") and (tail := _LISTED_CAMPAIGN.match(text, m.end())):
            out.append(Candidate(m.start(), tail.end(), EntityType.PROGRAM))  # “甲、乙、丙”行动: one campaign
        if any(c in inner for c in "，。,；;：:！？、"):
            continue
        if catchword(inner):
            if len(inner) >= 4 and lx.NUMBERED_SERIES.match(inner) and not lx.SLOGAN.search(inner) and (
                    _METHOD_AFTER.match(text, m.end()) or _LAUNCHED.search(text, max(0, m.start() - 4), m.start())) or (
                    len(inner) >= 3 and _CAMPAIGN_AFTER.match(text, m.end())):
                out.append(Candidate(m.start(1), m.end(1), EntityType.PROGRAM))
            continue
        formula = "+" in inner or "-" in inner  # 人力资源+工会+商会: names a scheme only when one follows
        typ = None if formula else type_of(inner, gaz, quoted=True)
        if (typ is None or typ == EntityType.PROGRAM) and (listed := _QUOTED_ITEMS.match(text, m.end())):
            typ = lx.CLASS_NOUNS[listed.group("cls")]  # “甲”“乙”等项目: the class noun says what each is
        if typ is None and _programme_context(text, m, inner, formula, gaz) and not _QUOTED_KIND.match(text, m.end()):
            typ = EntityType.PROGRAM
        if typ:
            out.append(Candidate(m.start(1), m.end(1), typ))
    return out


# Verbs that launch a scheme right before its quoted name (试行“…”), and the kinds of method named
# right after one (“…”工作法; not 工程 or 行动, which make a longer name of their own).
_LAUNCHED = re.compile(r"(?:开展|推行|试行|推出|首创|创新)$")
_METHOD_AFTER = re.compile(r"[\u4e00-\u9fff]{0,2}?(?:工作法|模式|机制)")
# A campaign right after a quoted catchword (“三访两送”活动, “一带三促”主题活动): the catchword is its name.
_SERIES = r"(?:专项|主题|系列)?"  # the kind of campaign a quoted name may be: 专项行动, 主题活动, 系列活动
_CAMPAIGN_AFTER = re.compile(rf"{_SERIES}活动")


# Quoted names listed before 等 or a count and a class noun (“甲”“乙”等项目, “丙”、“丁”2个小区); not a
# quoted kind right before one (“小巨人”企业).
_QUOTED_ITEMS = re.compile(rf"(?:[、和及与]?[“\"][^“”\"，,。；;]{{1,12}}[”\"])*(?:等(?:{lx.COUNT})?|{lx.COUNT})"
                           rf"(?P<cls>{'|'.join(c for c, t in lx.CLASS_NOUNS.items() if t != EntityType.PERSON)})")
_BREAK_OPENINGS = tuple(w for w in lx.BREAK_WORDS if len(w) > 1)
# A quoted kind of firm or people, alone or listed, before the class it qualifies (“专精特新”“小巨人”企业).
_QUOTED_KIND = re.compile(r"(?:[、和及与]?[“\"][^“”\"，,。；;]{1,12}[”\"])*(?:企业|公司|单位|人才|工匠|家庭)")
# What makes a quoted list one campaign: the campaign's noun right after it (“甲、乙、丙”行动).
_LISTED_CAMPAIGN = re.compile(rf"{_SERIES}(?:行动|活动|工程|计划|机制|模式|工作法|攻坚战|专项斗争)")


# A year named for a campaign (“作风提升年”, “项目创优年”): a programme by its own words.
YEAR_OF = (r"(?:攻坚|突破|建设|提升|创优|落实|提质|提效|效能|作风|服务|招商"
            r"|奋进|争先|实干|见效|深化|巩固|整治|推进|提速|加速|奋战|会战|优化|变革|锻造|创新|增效|强化)年")
CAMPAIGN_YEAR = re.compile(rf"[\u4e00-\u9fff]{{2}}{YEAR_OF}$")


def _programme_context(text: str, m: re.Match, inner: str, formula: bool, gaz: Gazetteer) -> bool:
    """Is the quoted phrase a programme by the words around it? A place's name right before it
    makes it that place's scheme (甲街道“青年夜校”, 乙市“五社联动”)."""
    if formula:
        return bool(lx.SCHEME_AFTER.match(text, m.end()))
    if len(inner) <= 12 and CAMPAIGN_YEAR.search(inner):
        return True
    if len(inner) > 12 or jieba.dt.FREQ.get(inner) or inner.endswith(lx.DISTRICT_SUFFIXES + lx.CLASS_ENDINGS) or (
            inner.startswith(_BREAK_OPENINGS)):
        return False
    if len(inner) <= 3:  # a short phrase needs a programme noun after it
        return bool(lx.SCHEME_AFTER.match(text, m.end()))
    before = text[max(0, m.start() - 5) : m.start()]
    return bool(lx.PROGRAM_BEFORE.search(text, max(0, m.start() - 6), m.start())
                or lx.PROGRAM_AFTER.match(text, m.end()) or lx.QUOTED_LIST.match(text, m.end())
                or (len(inner) <= 8 and any(gaz.is_known(before[k:]) for k in range(len(before) - 1))))
