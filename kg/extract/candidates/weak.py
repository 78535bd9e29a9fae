"""The weak generators: spans proposed by the words around them alone. A campaign governed by
实施/开展 or heading an entry, a body a frame holds whole (发挥…作用), a level's department (市发展改革委),
a brand opening its clause before its deed (甲乙建成…). `propose` adds their spans only where no other
generator proposed the same one: weak evidence adds spans, not a second word on a name.
"""

from __future__ import annotations

import re

import jieba

from kg import lexicon as lx
from kg.extract.candidates.proposal import Candidate
from kg.extract.candidates.quotes import CAMPAIGN_YEAR, YEAR_OF
from kg.extract.candidates.tokens import Token
from kg.gazetteer import Gazetteer
from kg.model import EntityType

# A firm written bare as the subject of what it did (甲乙建成…, 丙丁牵头实施…, …、甲乙竣工投产): the clause or
# the last item of a list opens with it.
_DEEDS = r"建成|投产|开工|竣工|落地|签约|达产|入驻|落户|开业|牵头|获评|荣获|入选|获批|成为"
_DEED = re.compile(_DEEDS)
_SUBJECT = re.compile(r"(?:^|(?<=[，,。；;：:\n、]))(?P<name>[\u4e00-\u9fffA-Za-z]{3,8}?)"
                      rf"(?:相继|先后|均|已|顺利|正式)?(?:{_DEEDS})")
_NOT_IN_BRAND = frozenset("p d r m q u".split())  # 已, 的, 将: a clause's words, never a brand's
_VERB_IN_BRAND = frozenset("v c".split())  # but 裕|能, 昱|和: unknown words come as characters
_PLACE_IN_BRAND = re.compile(r"[村镇乡县市区]|街道|社区")
_NOT_SUBJECT = re.compile(r"^(?:[我全该各本今去明此其这那][\u4e00-\u9fff]?|[一二三四五六七八九十]是"
                          r"|新|共|已|累计|先后|相继|陆续)")


def subject_candidates(text: str, toks: list[Token], starts: set[int]) -> list[Candidate]:
    """The clause's opening words before a firm's deed, when they are not words of the dictionary
    put together (a brand: unknown words come as single characters) and open no clause of their own."""
    out: list[Candidate] = []
    if not _DEED.search(text):
        return out  # no deed: the pattern is slow to fail
    ends = {t.end for t in toks}
    for m in _SUBJECT.finditer(text):
        a, b = m.span("name")
        name = m.group("name")
        if a not in starts or b not in ends or _NOT_SUBJECT.match(name) or jieba.dt.FREQ.get(name):
            continue
        words = [t for t in toks if a <= t.start and t.end <= b]
        if any(t.tag in _NOT_IN_BRAND or t.word in lx.BREAK_WORDS or t.tag in _VERB_IN_BRAND and (
                len(t.word) > 1 or t is words[0]) for t in words) or (
                _PLACE_IN_BRAND.search(name)):
            continue  # 将|王城, 为|全省唯一: a clause's words; 甲村|乙: a place and what follows it
        if any(len(t.word) == 1 for t in words) or any(not jieba.dt.FREQ.get(t.word) for t in words):
            out.append(Candidate(a, b, EntityType.ORGANIZATION))
    return out


# A campaign named without quotes or a suffix word the walk keeps (实施|项目建设提速行动, 一是|甲乙推进行动):
# the governing verb or the entry's marker opens it, its campaign noun closes the clause.
_GOVERNED = re.compile(
    r"(?:(?:深入|持续|扎实|全面|大力|积极|继续|全力|组织|加快)?(?:实施|开展|启动|深化|推进|落实|推出|推行|打响|打好|部署)"
    r"|(?:^|[。；;：:\n])\s*(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十][)）]))"
    r"(?P<name>(?![了好的])[^\s，,。；;、：:！？!?“”\"（）()的和及与]{1,16}?"
    rf"(?:行动|计划|攻坚战|保卫战|专项治理|专项整治|专项斗争|长制|{YEAR_OF}))(?=[，,。；;、\s）)]|$)")
_CAMPAIGN_WORD = re.compile(rf"行动|计划|攻坚战|保卫战|专项|长制|{YEAR_OF}")
# A campaign year right after the year it runs in (2031年|青禾建设提速年|专项行动), not 建设年产, 攻坚年度.
_DATED_CAMPAIGN = re.compile(rf"(?:19|20)\d\d年(?P<name>[\u4e00-\u9fff]{{2,10}}?{YEAR_OF})(?![产度底初末内中])")
_LIST_ITEM_CAMPAIGN = re.compile(rf"[^、，,\s]{{2,16}}(?:行动|计划|攻坚战|{YEAR_OF})$")  # …攻坚年 too
_QUOTED_LIST = re.compile(r"[“\"]([^“”\"\n]{5,80}、[^“”\"\n]{2,40})[”\"]")


# A body or works in a frame that takes a name whole (发挥|甲乙发展促进中心|作用, 依托|丙丁产业园): the walk
# stops at a verb inside such names.
_FRAMED = re.compile(r"(?:发挥|依托|以)(?P<name>[^\s，,。；;、：:！？!?“”\"（）()的和及与]{4,20}?)(?:的)?"
                     r"(?:作用|为(?:依托|龙头|载体|抓手|引领|动力))")


# A department of a level's government or party committee (区发改局, 甲市市场监督管理局, 市委组织部), its
# level named by one character or by its place.
_DEPARTMENT = re.compile("|".join(sorted(lx.DEPARTMENTS, key=len, reverse=True)))
_DEPARTMENT_END = re.compile(f"[{''.join(sorted({d[-1] for d in lx.DEPARTMENTS}))}]")
_LEVELS = frozenset("省市县区州旗")
_PLACE_BEFORE = 6  # characters of a place's name before its level


def department_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """Departments named with their level alone (市发展改革委) or with a place the gazetteer knows
    before it (the longest)."""
    out: list[Candidate] = []
    if not _DEPARTMENT_END.search(text):
        return out  # no department's last character: the pattern is slow to fail
    for m in _DEPARTMENT.finditer(text):
        level = m.start() - 1 - (text[m.start() - 1 : m.start()] == "委")  # 市|委|组织部
        if level < 0 or text[level] not in _LEVELS:
            continue
        start = next(k for k in range(max(0, level - _PLACE_BEFORE), level + 1)
                     if k == level or gaz.is_known(text[k : level + 1]))
        out.append(Candidate(start, m.end(), EntityType.ORGANIZATION))
    return out


def framed_candidates(text: str) -> list[Candidate]:
    """Names a frame holds whole, typed by the suffix they end in (none: not proposed)."""
    out: list[Candidate] = []
    if "作用" not in text and "为" not in text:
        return out  # no frame closes here
    for m in _FRAMED.finditer(text):
        if (match := lx.suffix_of(m.group("name"))) and match[1] != EntityType.DISTRICT:
            out.append(Candidate(m.start("name"), m.end("name"), match[1]))
    return out


def governed_candidates(text: str) -> list[Candidate]:
    """Campaigns by what governs them: the object of 实施/开展… or an entry's heading when it ends in a
    campaign noun and the clause, a campaign year after the year it runs in (2021年甲乙提速年), and
    each item of a quoted list of campaigns (“甲行动、乙行动”)."""
    out: list[Candidate] = []
    if not _CAMPAIGN_WORD.search(text):
        return out  # no campaign noun: the pattern is slow to fail
    for m in _GOVERNED.finditer(text):
        name = m.group("name")
        if len(name) < 3 or name.endswith("年") and not CAMPAIGN_YEAR.search(name):
            continue
        out.append(Candidate(m.start("name"), m.end("name"), EntityType.PROGRAM))
    out += [Candidate(m.start("name"), m.end("name"), EntityType.PROGRAM) for m in _DATED_CAMPAIGN.finditer(text)]
    for m in _QUOTED_LIST.finditer(text) if "、" in text else ():
        at = m.start(1)
        for item in m.group(1).split("、"):
            lead = len(item) - len(item.lstrip())
            if _LIST_ITEM_CAMPAIGN.search(item.strip()):
                out.append(Candidate(at + lead, at + len(item.rstrip()), EntityType.PROGRAM))
            at += len(item) + 1
    return out
