"""Propose the spans that may name a district, project, organization, program or person.

This stage aims at recall: overlapping and doubtful spans are all kept, each with the source
that proposed it and the type that source suggests; `kg.extract.rules` and the trained
`kg.extract.decide` choose among them. Candidates come only from generic evidence:
type-bearing suffixes (…工业园, …社区, …商会, …行动), quoted spans, lists before a class noun
(甲、乙等3家企业) or a stage verb, numbered entries of project lists, campaigns governed by 实施/开展,
brands opening a clause before their deed, titles next to a person's name, the gazetteer for
places. jieba's segmentation gives the word boundaries; left boundaries
are found by walking back over name-like words and stopping at actions, function words and
modifiers. Whether a phrase is a name, and of what type, is `kg.names`' call.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from itertools import accumulate, repeat
from operator import sub
from typing import TYPE_CHECKING

import jieba
import jieba.posseg

from kg import lexicon as lx
from kg import segment, vocabulary
from kg.gazetteer import Gazetteer
from kg.model import EntityType, Place
from kg.names import (
    catchword,
    core,
    cut,
    distinctive,
    runs,
    teach_jieba,
    town_head,
    trim,
    type_of,
    village_head,
)
from kg.stages import has_cue, is_cue
from kg.structure.clauses import sentences

if TYPE_CHECKING:
    from kg.extract.tagger import Tagger

MASK = re.compile(r"[Xx×＊*]{1,}|XX|ＸＸ|[（(]略[)）]")
NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9+·.]")
QUOTED = re.compile(r"[“\"「『]([^“”\"「」『』\n]{2,24})[”\"」』]")


@dataclass(slots=True)
class Token:
    word: str
    start: int
    end: int
    tag: str | None


def tokenize(text: str, spans: list[tuple[int, int]]) -> list[list[Token]]:
    """jieba's words of each sentence (`spans`), offsets relative to the sentence. The whole text
    is cut in one pass: jieba cuts at every sentence mark anyway, so the words are the same."""
    teach_jieba()
    tag = jieba.posseg.dt.word_tag_tab.get
    words = segment.cut(text)
    ends = list(accumulate(map(len, words)))
    starts = [0, *ends[:-1]]
    tags = list(map(tag, words))
    out, j = [], 0
    for s0, s1 in spans:  # the words that start and end inside the sentence
        i = bisect_left(starts, s0, j)
        j = bisect_right(ends, s1, i)
        # offsets from the sentence's start; map runs in C, only Token() in Python
        out.append(list(map(Token, words[i:j], map(sub, starts[i:j], repeat(s0)), map(sub, ends[i:j], repeat(s0)),
                            tags[i:j])))
    return out


def _name_like(tok: Token) -> bool:
    """May this word be part of a name when walking left from a suffix?"""
    w = tok.word
    if not NAME_CHAR.match(w) or (w in lx.BREAK_WORDS and w not in lx.NAME_INTERNAL) or w in lx.NEVER_IN_NAMES:
        return False
    if len(w) == 1:  # unknown words come as single characters: only function characters break
        return w not in lx.FUNCTION_CHARS
    if len(w) == 4 and w[:2] in lx.MANNER and _acts(w[2:]):
        return False  # 充分发挥, 精心策划: an action in one word, though jieba may tag it a noun
    return w in lx.NAME_INTERNAL or tok.tag not in lx.BREAK_TAGS or tok.tag == "f"  # a direction: 东部|软件园


def _acts(word: str) -> bool:
    """Is the word a verb by jieba's dictionary, or an action that ends names?"""
    return jieba.posseg.dt.word_tag_tab.get(word) in ("v", "vn", "vd") or word in lx.BREAK_WORDS


def _quote_start(toks: list[Token], close: int) -> int | None:
    """Index of the opening quote matching the closing one at `close`, if close by."""
    for k in range(close - 1, max(-1, close - 16), -1):  # a quoted name is at most 24 characters
        if toks[k].word in "“\"":
            return k
        if not NAME_CHAR.match(toks[k].word):
            return None
    return None


_SECTION = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]{1,6}[段期]")  # 乙段, 三标段, 二期


def _inside_brackets(text: str, toks: list[Token], close: int, gaz: Gazetteer) -> int | None:
    """Index of the opening bracket of a short bracket closing at `close` that belongs to the name
    before it: a known place (甲科技(广州)有限公司, a branch) or a section of works (甲公路(乙段)项目)."""
    for k in range(close - 1, max(-1, close - 5), -1):
        if toks[k].word in "(（":
            inner = text[toks[k].end : toks[close].start]
            return k if k > 0 and (gaz.is_known(inner) or _SECTION.fullmatch(inner)) else None
    return None


def _kind(tok: Token) -> str | None:
    """The type a word names whole: a suffix word (幼儿园), or a division (巴南区, 镇)."""
    if len(tok.word) > 1 and tok.word in lx.SUFFIX_TYPE:
        return lx.SUFFIX_TYPE[tok.word]
    if tok.word.endswith(lx.DISTRICT_SUFFIXES) and (len(tok.word) == 1 or tok.tag == "ns"):
        return EntityType.DISTRICT
    return None


def _same_family(prev: Token, tok: Token) -> bool:
    """Do two suffix words end names of one family (two schools, two divisions), so that the
    first closes a name of its own? A plot before a school (舜都地块|公办幼儿园) does not."""
    kind = _kind(prev)
    if not kind or kind != _kind(tok) or kind == EntityType.PROGRAM or tok.word.endswith(lx.WORKS):
        return False
    return kind == EntityType.DISTRICT or prev.word == tok.word or (
        prev.word.endswith(lx.FACILITY_SUFFIXES) and tok.word.endswith(lx.FACILITY_SUFFIXES))


def _common_word(w: str, tag: str | None) -> bool:
    """A dictionary word that merely ends in a one-character suffix (破局, 思路, 工作思路), not a name;
    longer words ending in a body's suffix are bodies (教育局, 编辑部), and a word plus a suffix is
    the suffix's kind of thing (纸品|厂). A committee (市委) closes the name of a place's (寿光市委)."""
    freq = jieba.dt.FREQ.get(w)
    if w[-1] not in lx.ONE_CHAR_SUFFIXES or tag in lx.NAME_TAGS or not freq or w in lx.COMMITTEES:
        return False
    if len(w) == 2 and w[0] in "一二三四五六七八九十":
        return False  # 纬|二路, 经|三路: a numbered road or street, not the word for two roads
    if len(w) == 2:
        return freq >= 50
    # 工作思路 is a word ending in 路 by chance; 纸品厂 (纸品 + 厂) really is a kind of factory
    return lx.SUFFIX_TYPE.get(w[-1]) == EntityType.PROJECT and not jieba.dt.FREQ.get(w[:-1]) and (
        len((lx.suffix_of(w) or ("",))[0]) == 1)  # 人行天桥 ends in the suffix 天桥


@dataclass
class Candidate:
    start: int
    end: int
    type: EntityType
    full: str | None = None  # the name when the text writes it otherwise (宝安 → 宝安区, “甲”主题活动 → 甲)
    listed: bool = False  # typed by the list it stands in (甲、乙等3家企业), so a count may follow it
    source: str = ""  # the generator that proposed it (suffix, quote, list, …): a feature of the decision


Walk = tuple[int, int, str]  # where a name before a suffix word starts and ends, and that word


@lru_cache(maxsize=100_000)
def _closes_name(word: str, tag: str | None) -> bool:
    """Is the word a type-bearing suffix word that may close a name? 举办 ends in 办 but is a verb;
    破局, 思路 are ordinary words; 开园 is a step of the works. (Asked of every word ending like a
    suffix, hence the cache.)"""
    generic = word in lx.GENERIC_HEADS and word not in lx.PILOTS  # 专项 alone; 甲乙综合|试点 is a pilot's name
    return word.endswith(lx.ALL_SUFFIXES) and not generic and not is_cue(word) and (
        word in lx.SUFFIX_TYPE or not (tag in lx.BREAK_TAGS or word in lx.BREAK_WORDS or _common_word(word, tag)))


_TRADES = frozenset(lx.TRADE_SUFFIXES)


def _brand_start(toks: list[Token], i: int, j: int) -> int | None:
    """Where the brand right before a trade word starts (博|远|化工: unknown words come as single
    characters), when the walk from it took in more than the brand; None otherwise."""
    k = j - 1
    if len(toks[k].word) == 1:
        while k - 1 > i and len(toks[k - 1].word) == 1 and j - k < 4 and _name_like(toks[k - 1]):
            k -= 1
    brand = "".join(t.word for t in toks[k:j])
    ok = k > i and len(brand) >= 2 and toks[k].tag != "v" and all(map(_name_like, toks[k:j]))
    return k if ok else None


def _walks(text: str, toks: list[Token], gaz: Gazetteer) -> list[Walk]:
    """For each type-bearing suffix word, where the name it closes starts: walk left over name-like
    words. Places do not change where a name starts, so both passes of `extract` share this."""
    out = []
    last = lx.SUFFIX_LAST  # a cheap first test: most words end in no suffix's last character
    for j in [j for j, t in enumerate(toks) if t.word[-1] in last and _closes_name(t.word, t.tag)]:
        tok = toks[j]
        i = j
        while i > 0 and tok.end - toks[i - 1].start <= lx.MAX_NAME:
            if _same_family(toks[i - 1], tok):
                # a complete name of the same kind ends there (甲幼儿园|省二级幼儿园, 宝安区|福海街道),
                # unless the two make one known division (南区|街道, 沪东|新村|街道)
                i = next((k for k in range(max(0, i - 3), i) if gaz.is_known(text[toks[k].start : tok.end])), i)
                break
            if i == j and tok.word in lx.WORKS and len(toks[i - 1].word) == 1 and toks[i - 1].tag == "v" and not (
                    toks[i - 1].word in lx.SHORT_WORKS and i > 1 and len(toks[i - 2].word) == 1):
                break  # 大抓|项目: a one-character verb right before the works is no name's end; 棚|改 (改造) is
            if _name_like(toks[i - 1]) or (
                    toks[i - 1].word in lx.COMPANY_INTERNAL and tok.word.endswith(lx.COMPANY_SUFFIXES)) or (
                    i == j and tok.word in lx.FUNCTION_HEADS and len(toks[i - 1].word) == 2
                    and toks[i - 1].tag in ("v", "vn") and i > 1 and _name_like(toks[i - 2])):
                i -= 1  # a name-like word, or what a company or body does before its head (甲建设集团公司, 甲促进局)
            elif toks[i - 1].word == "至" and i > 1 and _name_like(toks[i - 2]) and toks[i - 2].tag != "v" and (
                    (lx.suffix_of(tok.word) or ("", None))[1] == EntityType.PROJECT):
                i -= 1  # 甲村至乙村公路: a road or works named by where it runs from and to
            elif toks[i - 1].word in ")）" and (k := _inside_brackets(text, toks, i - 1, gaz)) is not None:
                i = k  # 甲科技(广州)有限公司, 甲公路(乙段)项目: the bracket is part of the name
            elif toks[i - 1].word in "”\"" and (k := _quote_start(toks, i - 1)) is not None and (
                    lx.SUFFIX_TYPE.get(tok.word) in (EntityType.PROGRAM, EntityType.ORGANIZATION)
                    or not type_of(text[toks[k].end : toks[i - 1].start], gaz, quoted=True)):
                # a quoted part inside the name (文化“青禾千户”工程, “甲商圈”复兴行动), unless it names
                # itself before a place's class noun (“965工程”工业园区)
                i = k
            else:
                break
        walked = i
        # where the name's own words start: the first non-verb, or the suffix word when it says more
        first_noun = next((k for k in range(i, j) if toks[k].tag != "v"), j if tok.word not in lx.SUFFIX_TYPE else -1)
        while i < j and (toks[i].tag == "v" and i < first_noun and (len(toks[i].word) > 1 or len(toks[i + 1].word) > 1)
                         or len(toks[i].word) == 1 and toks[i + 1].word in "“\""):
            # nor with a verb (召开, 巩固, 使 …) — unless verbs are all it has (扫黑除恶专项斗争); a lone
            # character before others is part of an unknown word, unless a quoted name follows (创|“…”品牌)
            i += 1
        start = toks[i].start
        if start > 0 and MASK.match(text[start - 1]) and text[start] in lx.ONE_CHAR_DIVISIONS:
            start += 1  # **县|青石镇…: the masked division is not part of the name
        out.append((start, tok.end, tok.word))
        if tok.word in _TRADES and (brand := _brand_start(toks, i, j)) is not None:
            out.append((toks[brand].start, tok.end, tok.word))  # 全资子公司|博远化工: the firm's own name too
        inner = [k for k in range(i + 1, j) if len(toks[k].word) > 1 and is_verb(toks[k].word)]
        if inner and inner[-1] + 1 < j and toks[inner[-1] + 1].word not in "“”\"":
            # 协助城投公司找准|甲老街: the name may start after an action inside the walk
            out.append((toks[inner[-1] + 1].start, tok.end, tok.word))
        for k in range(max(walked, i - 2), i):  # 截流|河…: a verb-like word may open the name too
            if toks[k].tag == "v" and (len(toks[k].word) == 2 or k > 0 and toks[k - 1].tag == "v" and (
                    len(toks[k - 1].word) > 1)):  # 推进|立|新湖片区: a character after the verb may open it
                out.append((toks[k].start, tok.end, tok.word))
    return out


def _suffix_candidates(text: str, walks: list[Walk], gaz: Gazetteer, places: frozenset[str] = frozenset(),
                       suffixes: tuple[str, ...] = lx.ALL_SUFFIXES) -> list[Candidate]:
    """Names ending in a type-bearing suffix (of `suffixes`), typed now that places are known."""
    out = []
    for start, end, word in walks:
        if not word.endswith(suffixes):
            continue
        name = trim(text[start:end])
        start = end - len(name)
        typ = type_of(name, gaz, places=places)
        if typ == EntityType.ORGANIZATION and "+" in name:
            continue  # 城建工务+股份合作公司: a formula of bodies, not one
        if typ is None and word.endswith(lx.DISTRICT_SUFFIXES):
            start, name, typ = _inner_division(name, start, gaz, places)
        if typ is None and _everyday_project(name, word, text[end:]):
            out.append(Candidate(start, end, EntityType.PROJECT, source="staged"))
            continue
        if typ is None and _everyday_programme(name, word):
            out.append(Candidate(start, end, EntityType.PROGRAM, source="campaign"))
            continue
        if typ == EntityType.DISTRICT and text[:start].endswith(lx.HONOUR_LEVELS):
            continue  # 全国文明镇, 省级卫生村: a title, not a place
        if typ == EntityType.PROJECT and _LAYOUT.search(name):
            continue  # 一轴一廊四片区, 三区两通道: a layout's catchword, not a works
        if typ and typ != EntityType.DISTRICT:
            whole = start
            start, name, typ = _after_place(name, start, typ, gaz, places)
            if start != whole and typ and not lx.COUNT_END.search(text[whole:start]):
                # 甲村安置房: named after its place, or 甲村|乙路, a road in it; the decider chooses
                out.append(Candidate(whole, end, typ, source="placed"))
        full = name + "道" if typ == EntityType.DISTRICT and name.endswith("街") else None  # 龙津街 is 龙津街道
        if typ == EntityType.PROGRAM and name.startswith("“") and (close := name.find("”")) > 1 and (
                _class_tail(name[close + 1:], gaz)) and (
                type_of(name[1:close], gaz, quoted=True) in (None, EntityType.PROGRAM)):
            full = name[1:close]  # “青苗护航年”主题活动: the quoted part is the programme's name
            if catchword(full) or len(full) < 3:
                # “甲乙”工程, “三访”行动: too short or numbered to stand alone, the word names the
                # scheme with its class, unless it is a slogan whatever follows
                if lx.SLOGAN.search(full):
                    continue
                full = full + name[close + 1:]
        if typ == EntityType.PROJECT and not full:
            full = _before_class(name, gaz, places)  # 翠湖新村|老旧小区: the estate, then its class
        if typ:
            out.append(Candidate(start, end, typ, full))
    return out


_CLAUSE_END = re.compile(r"[，,；;。]")
# A name made of numbered parts only (一轴|一廊|四片区): a plan's layout told as a catchword.
_LAYOUT = re.compile(r"(?:[一二三四五六七八九十两双][\u4e00-\u9fff]{1,2}){2,}(?<!期)$")


def _everyday_project(name: str, word: str, after: str) -> bool:
    """A works name with an everyday head (清真食品|产业园, 安全应急|产业园) that a stage cue follows in
    its clause (…破土动工) or that its works follow (…建设, …改造): the decider weighs it."""
    if lx.SUFFIX_TYPE.get(word) != EntityType.PROJECT or len(name) - len(word) < 2 or name in lx.GENERIC:
        return False  # cheap tests first: most walks end in no works word
    match = lx.suffix_of(name)
    return bool(match and match[0] == word and not lx.COUNT_END.search(name[: -len(word)])
                and core(name) not in lx.GENERIC  # 土地整备|项目: a kind of works and its tail
                and (lx.BUILT_AFTER.match(after) or has_cue(_CLAUSE_END.split(after, maxsplit=1)[0])))


_CAMPAIGN_WORDS = ("行动", "计划", "工程", "试点", "专项", "攻坚战", "专项斗争", "战略")


def _everyday_programme(name: str, word: str) -> bool:
    """A campaign named in ordinary words (百日攻坚行动, 大学生集聚工程): what it does is its name, so
    nothing in it is unknown; the decider weighs it."""
    return (word in _CAMPAIGN_WORDS and len(name) - len(word) >= 4 and name not in lx.GENERIC
            and not lx.COUNT_END.search(name[: -len(word)]) and not lx.SLOGAN.search(name))


def _before_class(name: str, gaz: Gazetteer, places: frozenset[str]) -> str | None:
    """The project a name opens with when the rest only says what kind of thing it is."""
    own = lx.suffix_of(name)
    for k in range(len(name) - 2, 1, -1):
        if own and len(own[0]) > len(name) - k:
            break  # 甲水厂|扩建工程: the split would fall inside the name's own suffix word
        if lx.suffix_of(name[:k]) and type_of(name[:k], gaz, places=places) == EntityType.PROJECT and (
                name[k:] in lx.CLASS_TAILS):
            return name[:k]
    return None


def _class_tail(tail: str, gaz: Gazetteer) -> bool:
    """Is what follows a quoted name only the class it belongs to (主题活动, 专项行动计划, 标杆小区)?"""
    return tail in lx.GENERIC or (_suffix_len(tail) > 0 and type_of(tail, gaz) is None
                                  and not distinctive(tail[: len(tail) - _suffix_len(tail)]))


def _inner_division(name: str, start: int, gaz: Gazetteer,
                    places: frozenset[str]) -> tuple[int, str, EntityType | None]:
    """上海龙华街道: a known division after the name of another place (which is found on its own)."""
    for k in range(2, len(name) - 2):
        if (gaz.is_known(name[:k]) or name[:k] in places) and (
                type_of(name[k:], gaz, places=places) == EntityType.DISTRICT):
            return start + k, name[k:], EntityType.DISTRICT
    return start, name, None


def _after_place(name: str, start: int, typ: EntityType, gaz: Gazetteer,
                 places: frozenset[str]) -> tuple[int, str, EntityType | None]:
    """甲山社区乙环路 is a road in a community: the name starts after the division, which
    stays a mention of its own — unless what is left is generic (沙浦社区公园 stays whole)."""
    for m in lx.COUNTY_END.finditer(name):
        head, rest = name[: m.end()], name[m.end():]
        if rest in lx.GENERIC and (gaz.is_known(head) or head[: -len(m.group())] in places):
            if typ == EntityType.ORGANIZATION and rest in lx.ORG_SUFFIXES:
                return start, name, typ  # 甲区政府, 甲区委: a place's own body is named by the place
            return start, name, None  # 深圳市工业园区: a class noun with its place
    for m in lx.DIVISION_INSIDE.finditer(name):
        head, rest = name[: m.end()], name[m.end():]
        if head in lx.AREA_WORDS:
            continue  # 乡村|振兴战略: the countryside, though some village is called so
        if (gaz.is_known(head) or head[: -len(m.group())] in places) and (t := type_of(rest, gaz, places=places)):
            return start + m.end(), rest, t
    return start, name, typ


def _left_start(toks: list[Token], end: int, limit: int = lx.MAX_NAME) -> int:
    """Where a name ending at `end` starts: walk left over name-like words."""
    j = next((k for k, t in enumerate(toks) if t.end == end), None)
    if j is None:
        return end
    i = j
    while i > 0 and _name_like(toks[i - 1]) and end - toks[i - 1].start <= limit:
        i -= 1
    return toks[i].start if _name_like(toks[j]) else end


def is_verb(word: str) -> bool:
    """A verb that does not belong inside names (参加, 出席; not 整治, 提升)."""
    return jieba.posseg.dt.word_tag_tab.get(word) == "v" and word not in lx.NAME_INTERNAL


_DIVISION_QUALIFIES = frozenset("级域城委区街")
_QUOTED_PART = re.compile(r"“[^”]*”")  # a scheme's quoted name qualifying a class noun (等“工改工”项目)


def _list_candidates(text: str, toks: list[Token], gaz: Gazetteer, places: frozenset[str]) -> list[Candidate]:
    """Names listed before a class noun take its type: 甲、乙等3家企业 → two Organizations;
    丙等7个项目 → a Project. Each item must still look like a name."""
    out: list[Candidate] = []
    if not lx.LIST_END.search(text) or not lx.LIST_TAIL.search(text):
        return out  # no 等 and no count, or none before a class noun: no list (the list pattern is slow to fail)
    for m in lx.LISTED.finditer(text):
        typ, cls, mod = lx.CLASS_NOUNS[m.group("cls")], m.group("cls"), m.group("mod")
        counted = m.group("etc") != "等"  # 甲、乙等7条道路: counted items are named ones
        if cls in ("县", "县市", "乡镇", "镇") and text[m.end() : m.end() + 1] in _DIVISION_QUALIFIES:
            continue  # 3个县级医院, 镇域, 村级: the class noun qualifies the next one
        if lx.CATEGORY_WORDS.search(mod) or lx.CLASS_QUALIFIES.match(text, m.end()) or any(
                is_verb(w) for w in cut(_QUOTED_PART.sub("", mod).rpartition("的")[2])):
            continue  # 锂电池、危化品等行业企业, 甲、乙等工程建设任务: kinds, not names; 甲、乙等五位嘉宾出席会议:
            # a clause (a verb before 的 qualifies the class: 甲、乙等一批深耕行业的龙头企业)
        end = m.start("etc")
        items = []
        for piece in reversed(lx.LIST_SEP.split(text[m.start("items"):end])):
            start = end - len(piece)
            items.append((start, end))
            end = start - 1  # the separator is one character
        items.reverse()
        if len(items) == 1 and not m.group("etc").startswith("等"):
            continue  # 大族系11家企业: one counted phrase, not a list of names
        # brands: a company list none of whose later items is a dictionary word (涉氨制冷、烟花爆竹等企业
        # lists hazards; 甲乙建设、丙丁电力等企业, companies)
        brands = (cls in lx.COMPANY_CLASSES or cls == "项目") and not any(
            jieba.dt.FREQ.get(trim(text[a:b])) for a, b in items[1:])  # 甲、乙等项目: firms stand for their works
        first_start, first_end = items[0]
        left = max(first_start, _left_start(toks, first_end, 12))
        items[0] = (left, first_end)
        if len(items) > 1 and (alt := _like_siblings(toks, first_start, first_end, items[1:])) != left:
            items.insert(0, (alt, first_end))  # 重点发展|甲乙建设、丙丁电力: as long as the others
        if (opened := _second_verb(toks, left, first_start)) is not None:
            items.insert(0, (opened, first_end))  # 招引|联合甲乙半导体: the verb after a verb opens the name
        for start, end in items:
            name = trim(text[start:end])
            start = end - len(name)
            if (total := lx.TOTAL_TAIL.search(name)) and total.start() >= 2:  # 甲、乙共18家
                name, end = name[: total.start()], end - len(total.group())
            if typ == EntityType.DISTRICT and (inner := list(lx.DIVISION_INSIDE.finditer(name))):
                start += inner[-1].end()  # 甲街道乙社区、丙社区等: the community, not the town with it
                name = name[inner[-1].end():]
            if typ == EntityType.PERSON:
                if 2 <= len(name) <= 3 and name[0] in lx.SURNAMES:
                    out.append(Candidate(start, end, typ, listed=True))
            elif 2 <= len(name) <= 12 and not lx.SLOGAN.search(name) and (
                    distinctive(name, places) or type_of(name, gaz, counted, places) == typ
                    or brands and not jieba.dt.FREQ.get(name) and not vocabulary.is_common(name)):
                if typ == EntityType.PROJECT and name.endswith(lx.COMPANY_SUFFIXES):
                    out.append(Candidate(start, end, EntityType.ORGANIZATION, listed=True))
                    continue  # 甲有限公司、乙集团等项目落地: the companies behind the projects
                full = None  # 甲岭、乙田等社区: each item is a 社区; 甲、乙2所九年一贯制学校: each a school
                own = typ == EntityType.DISTRICT and name.endswith(lx.DISTRICT_SUFFIXES)  # 甲县乙镇、丙乡|13个村
                if (typ == EntityType.DISTRICT and not own and cls in lx.LOCAL_SUFFIXES or (
                        cls in lx.FACILITY_CLASSES and mod not in lx.GENERIC_HEADS
                        and mod not in lx.BREAK_WORDS and not name.endswith(lx.FACILITY_SUFFIXES))
                        ) and not name.endswith(cls):
                    full = name + (mod if typ == EntityType.PROJECT else "") + cls
                out.append(Candidate(start, end, typ, full, listed=True))
    return out


# Brands listed before what was done with them, no class noun between (甲、乙等顺利投产): firms that
# stand for their projects.
_ACTED = (r"等(?:新?(?:厂房|车间|生产线|项目|工程)(?:主体结构|主体)?)?"
          r"(?:顺利|相继|陆续|先后|已|均|全部|成功)?(?:建成|投产|开工|竣工|落地|签约|达产|入驻|落户|完工|开业"
          r"|完成主体|封顶)")
_ACTED_LIST = re.compile(r"(?P<items>[^，,。；;：:（）()“”\"\s]{2,40}、[^，,。；;：:（）()“”\"\s]{2,12})" + _ACTED)
_ACTED_TAIL = re.compile(_ACTED)  # how such a list ends (等相继投产), sought first: it fails fast


def _acted_list_candidates(text: str) -> list[Candidate]:
    """Each brand of a list that a stage verb follows right after 等; every item must be a brand
    (no dictionary word), or the list names kinds of things (甲产业、乙产业等落地)."""
    out: list[Candidate] = []
    if "等" not in text or "、" not in text or not _ACTED_TAIL.search(text):
        return out  # no list, or none a stage verb follows: the pattern is slow to fail
    for m in _ACTED_LIST.finditer(text):
        items, at = [], m.start("items")
        for piece in m.group("items").split("、"):
            items.append((at, at + len(piece)))
            at += len(piece) + 1
        names = [text[a:b] for a, b in items]
        if all(2 <= len(n) <= 12 and not jieba.dt.FREQ.get(n) and not vocabulary.is_common(n) for n in names[1:]):
            out += [Candidate(a, b, EntityType.PROJECT, listed=True) for (a, b), n in zip(items, names, strict=True)
                    if 2 <= len(n) <= 12]
    return out


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


def _subject_candidates(text: str, toks: list[Token], starts: set[int]) -> list[Candidate]:
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


# A works named by what it turns out (甲公司年产2万吨乙项目, 丙100万千瓦风电): the output figure sits inside
# the name, which the walk never crosses.
_CAPACITY = re.compile(r"(?P<made>年产|年处理|年加工|日处理)?\s*(?:[\d.]+|[一二两三四五六七八九十百千]+)\s*[万亿千]?\s*"
                       r"(?:吨|件|台|套|辆|只|头|樘|张|双|片|平方米|立方米|立方|方|(?P<power>万?千瓦|兆瓦|千伏安))")
_CAPACITY_WORD = re.compile(r"年产|年处理|年加工|日处理|千瓦|兆瓦|千伏安")
_CAPACITY_END = re.compile(r"(?!的)(?:[^，,。；;、“”\"\n等]{1,24}?(?:项目|工程)"
                           r"|[\u4e00-\u9fff]{2,6}?(?=等|[，,。；;、\n]|建成|投产|并网|开工))")
_CAPACITY_OPENS = re.compile(r".*(?:[，,。；;、：:“\"（(\n的是]|[0-9.]+[万亿]?元|推进|实施|引进|签约|新建|落地|建设)")


def _capacity_candidates(text: str) -> list[Candidate]:
    """Works whose names hold their output figure: from the figure, and from the firm or place
    before it (back to the clause's start, a governing verb or the investment figure)."""
    out: list[Candidate] = []
    if not _CAPACITY_WORD.search(text):
        return out  # no output figure: the pattern is slow to fail
    for m in _CAPACITY.finditer(text):
        if not (m.group("made") or m.group("power")) or not (tail := _CAPACITY_END.match(text, m.end())):
            continue
        end = tail.end()
        out.append(Candidate(m.start() + len(m.group()) - len(m.group().lstrip()), end, EntityType.PROJECT))
        before = text[max(0, m.start() - 16) : m.start()]
        opened = _CAPACITY_OPENS.match(before)
        lead = before[opened.end() if opened else 0 :].strip()
        while (first := next(iter(cut(lead)), "")) and is_verb(first):
            lead = lead[len(first):]  # 建成|甲公司…: the verb governs the works, it is no part of the name
        if len(lead) >= 2 and not re.search(r"\s", lead):
            out.append(Candidate(m.start() - len(lead), end, EntityType.PROJECT))
    return out


def _second_verb(toks: list[Token], start: int, limit: int) -> int | None:
    """Where a name starts that opens with a verb-like word right after the verb governing it."""
    k = next((i for i, t in enumerate(toks) if t.start == start), None)
    if k is None or k < 2:
        return None
    v1, v2 = toks[k - 2], toks[k - 1]
    if v2.start >= limit and v1.tag == v2.tag == "v" and len(v1.word) == len(v2.word) == 2:
        return v2.start
    return None


def _like_siblings(toks: list[Token], start: int, end: int, others: list[tuple[int, int]]) -> int:
    """Where the first item of a list starts when it is as long as the other items (names in one
    list are alike): the word boundary in [start, end) nearest that length, the shorter on a tie."""
    want = sum(b - a for a, b in others) / len(others)
    bounds = [t.start for t in toks if start <= t.start < end - 1]
    return min(bounds, key=lambda b: (abs(end - b - want), -b), default=start)


def _bracket_candidates(text: str, places: frozenset[str]) -> list[Candidate]:
    """Names in brackets after a counted class noun take its type: 科技型企业3家（甲、乙）."""
    out = []
    for m in lx.BRACKET_LIST.finditer(text):
        items = m.group("items").split("、")
        if any(not 2 <= len(i) <= 10 or lx.BRACKET_NOT_NAMES.search(i) for i in items):
            continue  # （其中工业项目4个）: a breakdown, not names
        start = m.start("items")
        for item in items:  # the brackets make each item a name, unless it is a class of its own
            if item not in lx.GENERIC and not item.startswith(tuple(lx.BREAK_WORDS)) and (
                    distinctive(item, places) or not vocabulary.is_common(item)):
                out.append(Candidate(start, start + len(item), lx.CLASS_NOUNS[m.group("cls")], listed=True))
            start += len(item) + 1
    return out


def _quoted_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
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
_YEAR_OF = (r"(?:攻坚|突破|建设|提升|创优|落实|提质|提效|效能|作风|服务|招商"
            r"|奋进|争先|实干|见效|深化|巩固|整治|推进|提速|加速|奋战|会战|优化|变革|锻造|创新|增效|强化)年")
_CAMPAIGN_YEAR = re.compile(rf"[\u4e00-\u9fff]{{2}}{_YEAR_OF}$")


def _programme_context(text: str, m: re.Match, inner: str, formula: bool, gaz: Gazetteer) -> bool:
    """Is the quoted phrase a programme by the words around it? A place's name right before it
    makes it that place's scheme (甲街道“青年夜校”, 乙市“五社联动”)."""
    if formula:
        return bool(lx.SCHEME_AFTER.match(text, m.end()))
    if len(inner) <= 12 and _CAMPAIGN_YEAR.search(inner):
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


# A campaign named without quotes or a suffix word the walk keeps (实施|项目建设提速行动, 一是|甲乙推进行动):
# the governing verb or the entry's marker opens it, its campaign noun closes the clause.
_GOVERNED = re.compile(
    r"(?:(?:深入|持续|扎实|全面|大力|积极|继续|全力|组织|加快)?(?:实施|开展|启动|深化|推进|落实|推出|推行|打响|打好|部署)"
    r"|(?:^|[。；;：:\n])\s*(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十][)）]))"
    r"(?P<name>(?![了好的])[^\s，,。；;、：:！？!?“”\"（）()的和及与]{1,16}?"
    rf"(?:行动|计划|攻坚战|保卫战|专项治理|专项整治|专项斗争|长制|{_YEAR_OF}))(?=[，,。；;、\s）)]|$)")
_CAMPAIGN_WORD = re.compile(rf"行动|计划|攻坚战|保卫战|专项|长制|{_YEAR_OF}")
# A campaign year right after the year it runs in (2031年|青禾建设提速年|专项行动), not 建设年产, 攻坚年度.
_DATED_CAMPAIGN = re.compile(rf"(?:19|20)\d\d年(?P<name>[\u4e00-\u9fff]{{2,10}}?{_YEAR_OF})(?![产度底初末内中])")
_LIST_ITEM_CAMPAIGN = re.compile(rf"[^、，,\s]{{2,16}}(?:行动|计划|攻坚战|{_YEAR_OF})$")  # …攻坚年 too
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


def _department_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
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


def _framed_candidates(text: str) -> list[Candidate]:
    """Names a frame holds whole, typed by the suffix they end in (none: not proposed)."""
    out: list[Candidate] = []
    if "作用" not in text and "为" not in text:
        return out  # no frame closes here
    for m in _FRAMED.finditer(text):
        if (match := lx.suffix_of(m.group("name"))) and match[1] != EntityType.DISTRICT:
            out.append(Candidate(m.start("name"), m.end("name"), match[1]))
    return out


def _governed_candidates(text: str) -> list[Candidate]:
    """Campaigns by what governs them: the object of 实施/开展… or an entry's heading when it ends in a
    campaign noun and the clause, a campaign year after the year it runs in (2021年甲乙提速年), and
    each item of a quoted list of campaigns (“甲行动、乙行动”)."""
    out: list[Candidate] = []
    if not _CAMPAIGN_WORD.search(text):
        return out  # no campaign noun: the pattern is slow to fail
    for m in _GOVERNED.finditer(text):
        name = m.group("name")
        if len(name) < 3 or name.endswith("年") and not _CAMPAIGN_YEAR.search(name):
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


def _entry_candidates(text: str, gaz: Gazetteer) -> list[Candidate]:
    """A numbered entry of a project list opens with the project's name: 3. 甲镇乙村道路改造工程：…"""
    m = lx.LIST_ENTRY.match(text)
    if not m:
        return []
    masked = lx.MASKED_DIVISIONS.match(m.group("name"))  # **市**县甲镇… → 甲镇… (the pattern matches always)
    start = m.start("name") + (masked.end() if masked else 0)
    name = MASK.sub("", text[start : m.end("name")])
    typ = type_of(name, gaz, quoted=True)
    if len(name) < 4 or not (typ == EntityType.PROJECT or (typ == EntityType.PROGRAM and name.endswith(lx.WORKS))):
        return []  # in a list of projects, …工程 is construction
    return [Candidate(start, m.end("name"), EntityType.PROJECT)]


def _person_candidates(text: str, starts: set[int]) -> list[Candidate]:
    """A surname-led name right before a title, starting on a word boundary, or right after one
    or before a memorial when jieba's name tagger reads a name there; a name spaced out to the
    width of three after a title or alone on its line (镇长 某 某)."""
    # the patterns opening on a surname are slow to fail: the titles, 等 and memorials they end with are sought first
    out = [Candidate(m.start(1), m.end(1), EntityType.PERSON) for m in lx.PERSON.finditer(text)
           if m.start(1) in starts] if lx.TITLE_AFTER_NAME.search(text) else []
    for m in lx.TITLE_BEFORE.finditer(text):
        if spaced := lx.SPACED_NAME.match(text, m.end()):
            out.append(Candidate(m.end(), spaced.end(), EntityType.PERSON, "".join(spaced.group().split())))
            continue
        if name := _tagged_name(text[m.end() : m.end() + 4]):
            out.append(Candidate(m.end(), m.end() + len(name), EntityType.PERSON))
        if (bare := lx.NAME_AFTER_TITLE.match(text, m.end())) and bare.group() != name:
            out.append(Candidate(m.end(), bare.end(), EntityType.PERSON))
        three = _three_after_title(text, m.end(), starts)
        if three and three.group() not in (name, bare and bare.group()):
            out.append(Candidate(m.end(), three.end(), EntityType.PERSON))
        ends = {x.end() for x in (bare, three) if x} | ({m.end() + len(name)} if name else set())
        while listed := [e for e in ends if text[e : e + 1] == "、"]:  # 副镇长甲某、乙某陪同: each after the title
            names = [x for x in (lx.NAME_AFTER_TITLE.match(text, listed[0] + 1),
                                 _three_after_title(text, listed[0] + 1, starts)) if x]
            out += [Candidate(x.start(), x.end(), EntityType.PERSON) for x in names]
            ends = {x.end() for x in names}
    out += [Candidate(m.start("name"), m.end("name"), EntityType.PERSON) for m in lx.DOTTED_AFTER_TITLE.finditer(text)]
    if "等" in text:
        out += [Candidate(m.start(1), m.end(1), EntityType.PERSON) for m in lx.PERSON_COUNTED.finditer(text)
                if m.start(1) in starts]
    if "当选" in text:
        out += [Candidate(m.start(1), m.end(1), EntityType.PERSON) for m in lx.PERSON_ELECTED.finditer(text)]
    if (line := text.strip()) and lx.SPACED_NAME.fullmatch(line):  # the signature line alone
        at = text.index(line)
        out.append(Candidate(at, at + len(line), EntityType.PERSON, "".join(line.split())))
    elif 2 <= len(line) <= 3 and line[0] in lx.SURNAMES and _tagged_name(line) == line:
        at = text.index(line)  # a byline, or a name in a table's cell, alone on its line
        out.append(Candidate(at, at + len(line), EntityType.PERSON))
    for m in lx.NAMED_AFTER_PERSON.finditer(text) if lx.MEMORIAL.search(text) else ():  # 某某纪念馆: named too
        if m.start(1) in starts and (name := _tagged_name(m.group(1))) == m.group(1):
            out.append(Candidate(m.start(1), m.end(1), EntityType.PERSON))
    return out


def _three_after_title(text: str, at: int, starts: set[int]) -> re.Match | None:
    """A three-character name at `at` ending in 为 (某某为|到), where a word starts after it: 某某|为民
    is a name before 为民, not 某某为."""
    three = lx.NAME3_AFTER_TITLE.match(text, at)
    return three if three and (three.end() in starts or three.end() == len(text)) else None


def _tagged_name(text: str) -> str | None:
    """The person's name that jieba's name tagger reads at the start of `text`, if any."""
    word, tag = next(iter(jieba.posseg.cut(text)), ("", None))
    if tag in ("nr", "nrfg") and 2 <= len(word) <= 3 and not vocabulary.is_common(word, lx.COMMON_NOISY_PER_MILLION):
        return word
    return None


def local_names(districts: list[str], gaz: Gazetteer) -> dict[str, str]:
    """Short spellings of the places around the report's own town: its county (宝安 → 宝安区), the
    county's other towns (沙井 → 沙井街道) and the town's communities (塘尾 → 塘尾社区). The town is
    the most named 街道/镇 of the text that the gazetteer can place among its other place names."""
    towns = Counter(d for d in districts if d.endswith(("街道", "镇", "乡")))
    for town, _ in towns.most_common(3):
        place = gaz.resolve(town, districts)
        if place is None or not place.parents:
            continue
        county = Place(place.parents[0], "county", None, place.parents[1:])
        county = next((c for c in gaz.lookup(county.name) if c.parents == county.parents), county)
        # the county's and the city's short names first: 天长 is 天长市, though one of its towns is 天长街道
        out = {short: next((a for a in place.parents if a.startswith(short)), short)
               for short in reversed([lx.DIVISION_SUFFIX.sub("", a) for a in place.parents[:3]])}
        for p in [*gaz.children(county), *gaz.children(place)]:
            stem = lx.DIVISION_SUFFIX.sub("", p.name)
            if len(stem) >= 2 and stem not in lx.BREAK_WORDS:
                out.setdefault(stem, p.name)
        return out
    return {}


_UPPER = ("province", "city", "county")


@lru_cache(maxsize=100_000)
def _upper_division(head: str, suffix: str, gaz: Gazetteer) -> bool:
    """Is head + suffix a province, city or county, in full or by its short name (镇沅县 is 镇沅…自治县)?"""
    return any(p.level in _UPPER for name in (head + suffix, head) for p in gaz.lookup(name))


def _division_candidates(text: str, starts: set[int], gaz: Gazetteer) -> list[Candidate]:
    """Known divisions wherever jieba put the word's end (桥口|村农民, 塘尾|社区党委, 水|城区): the
    longest known name of two to four characters before a town's or village's suffix, starting a
    word; of two to five before a county's, city's or province's, written in full or by its short name."""
    out = []
    for m in lx.TOWN_OR_VILLAGE.finditer(text):
        # the suffix starts a word; or ends a word that is no name on its own (金|集镇: 集镇 is a market
        # town, 金集镇 a known town), and the name starts before that word
        word_start = m.start() if m.start() in starts else max((a for a in starts if a < m.start()), default=0)
        if m.start() != word_start and (m.end() not in starts and m.end() != len(text)
                                        or text[word_start : m.end()] in lx.AREA_WORDS):
            # 城镇化, 乡村振兴: the suffix inside a word; 新|乡村: the countryside, not a village; but a known
            # town whose name ends in such a word (鹿|乡镇) is one
            known = next((a for a in (word_start - 1, word_start - 2) if a in starts and any(
                p.level == "town" for p in gaz.lookup(text[a : m.end()])) and not (
                a and jieba.dt.FREQ.get(text[a - 1 : a + 1]))), None) if (  # 河流|域|城镇: 流域 is the word
                m.end() in starts and text[word_start : m.end()] in lx.AREA_WORDS) else None
            if known is not None:
                out.append(Candidate(known, m.end(), EntityType.DISTRICT))
            continue
        for n in (4, 3, 2):
            start = m.start() - n
            if start in starts and start < word_start and gaz.is_known(text[start : m.end()]) and (
                    (town_head if m.group() in lx.TOWN_SUFFIXES else village_head)(text[start : m.start()])) and (
                    text[start : m.end()] not in lx.GENERIC):
                out.append(Candidate(start, m.end(), EntityType.DISTRICT))
                break
    for m in lx.COUNTY_OR_ABOVE.finditer(text):  # 镇|沅|县政府, 水|城区: wherever jieba cut the suffix
        for n in (5, 4, 3, 2):
            start = m.start() - n
            if start in starts and _upper_division(text[start : m.start()], m.group(), gaz) and (
                    text[start : m.end()] not in lx.GENERIC):
                out.append(Candidate(start, m.end(), EntityType.DISTRICT))
                break
    return out


def _place_candidates(toks: list[Token], names: dict[str, str], text: str) -> list[Candidate]:
    """Bare short names of nearby places, and of provinces and major cities (深圳, 东莞, 广东). A
    town or village named by an everyday word (团结, 和平) is meant only with its suffix, a city
    only where jieba reads a place (深圳, not 和谐安康), and a short name opening a region's name is
    not the place (海西|经济区)."""
    return [Candidate(t.start, t.end, EntityType.DISTRICT, names[t.word]) for t in toks if t.word in names and not (
        vocabulary.is_common(t.word, lx.COMMON_NOISY_PER_MILLION) and (
            names[t.word].endswith(lx.LOCAL_SUFFIXES) or t.tag not in lx.PLACE_TAGS))
        and not lx.REGION_AFTER.match(text, t.end)]


def _enumerated(text: str, c: Candidate, toks: list[Token], offset: int, gaz: Gazetteer,
                places: frozenset[str]) -> list[Candidate]:
    """Bare items of an enumeration share the type of its last, suffixed item. A short item
    shares its suffix too: 潭头、溪头社区 (two communities), 东湖、西湖学校 (two schools); a longer
    one names itself: 甲三期A、乙产业园完成90% (two projects)."""
    if c.full:
        return []
    name = text[c.start : c.end]
    # what the items share: the last item without its own first word (溪头|社区, 好眠|隔离酒店)
    head = runs(list(cut(name)))[0][0]
    suffix = name[len(head):] if type_of(name[len(head):], gaz, quoted=True) == c.type or (
        name[len(head):] in lx.SUFFIX_TYPE) else ""
    out, end = [], c.start
    while end - 1 >= 0 and text[end - 1] == "、":
        start = max(_left_start(toks, end - 1 - offset, 12) + offset, text.rfind("、", 0, end - 1) + 1)
        item = trim(text[start : end - 1])
        start = end - 1 - len(item)
        if not 2 <= len(item) <= 12 or lx.COUNTED_AFTER.search(item) or item.endswith(lx.TITLES):
            break  # 甲企业73家、乙中心28家: counted classes; 甲学院王教授、…: people, not names
        inner = next((k for k in range(len(item) - 1, 2, -1) if type_of(item[:k], gaz, places=places) == c.type), None)
        if inner:  # 甲小学足球、乙小学围棋: the school, not its sport
            out.append(Candidate(start, start + inner, c.type, listed=True))
            end = start
            continue
        if len(item) <= 3 and suffix and not type_of(item, gaz) and distinctive(item, places) and not (
                item.endswith(lx.ALL_SUFFIXES)) and not lx.NUMBERED_SCHOOL.match(item):
            out.append(Candidate(start, end - 1, c.type, item + suffix, listed=True))
        elif c.type != EntityType.DISTRICT and ((distinctive(item, places) and (len(item) <= 6 or lx.CODE.search(item)))
                                       or type_of(item, gaz, True) == c.type):
            out.append(Candidate(start, end - 1, c.type, listed=True))
        else:
            break
        end = start
    return out


def _suffix_len(name: str) -> int:
    """Length of the type suffix `name` ends with (村史馆 in 沙浦村史馆), 0 without one."""
    return len(match[0]) if (match := lx.suffix_of(name)) else 0


def _after_mask(text: str, c: Candidate) -> bool:
    """The tail of a masked name (****敬老院) is not a name of its own."""
    return c.start > 0 and bool(MASK.match(text[c.start - 1]))


_NUMBER_END = re.compile(r"\d[万千百亿]?$")


def _after_number(text: str, start: int) -> bool:
    """A name does not start inside a number or its unit (2025|年省…, 3万|平方米…, 2024年|度…);
    it may start after a year (2023年|青山镇)."""
    before = text[max(0, start - 2) : start]
    return bool(_NUMBER_END.search(before)) or (before[:1].isdigit() and before.endswith("年")
                                               and text[start : start + 1] in "度份")


# A middle dot between two parts of one name (某某某·某某): a person's name is never cut there.
_DOT_AFTER = re.compile(r"·[\u4e00-\u9fff]")
_DOT_BEFORE = re.compile(r"[\u4e00-\u9fff]·$")


def _cut_at_dot(text: str, c: Candidate) -> bool:
    """Is `c` a person's name that the text goes on with a middle dot and more of it, or that starts
    right after one: a part of a dotted name, not the name?"""
    return c.type == EntityType.PERSON and bool(
        _DOT_AFTER.match(text, c.end) or _DOT_BEFORE.search(text, max(0, c.start - 2), c.start))


def _masked(name: str) -> bool:
    """A name that is only a mask plus a suffix (XX医院, *街道) names nothing."""
    if not MASK.search(name):
        return False
    rest = MASK.sub("", name)
    head = rest[: len(rest) - _suffix_len(rest)]
    return len(head) < 2 or not distinctive(head)  # XX医院, *街道 name nothing; 甲湾**项目 keeps 甲湾




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
    """Everything the deciders need: the text, its sentences with their candidates, nearby places."""

    text: str
    sentences: list[Sentence]
    places: frozenset[str]


@cache
def _major_places(gaz: Gazetteer) -> dict[str, str]:
    """Short names of provinces and prefecture cities, which texts write bare (深圳, 东莞, 广东)."""
    out = {}
    for short in gaz.short_names():
        places = [p for p in gaz.lookup(short) if p.level in ("province", "city")]
        if len(places) == 1 and short not in lx.BREAK_WORDS:
            out[short] = places[0].name
    return out


# A line's section or part named after it (甲高铁乙丙段, 甲高速乙东出口, 甲铁路乙站, 甲路社区服务设施):
# the works of the line named whole.
_LINE = re.compile(r"(?:路|大道|街|公路|高速|高铁|铁路|干线|快线|支线|环线|外环|内环|国道|省道|轨道|运河|渠)$")
_SEGMENT = re.compile(r"[^\s，,。；;、：:“”\"（）()的和及与等]{1,6}?(?:段|出口|互通|连接线|立交|匝道|站|延伸段|延长线"
                      r"|[东南西北]延|改造|拓宽|提升|提标|设施)"
                      r"(?=[，,。；;、\s及和与等]|$|建设|工程|项目|施工|开工|通车|投用|完工|竣工|顺利|全面|加快|正式)")


def _segment_candidates(text: str, cands: list[Candidate]) -> list[Candidate]:
    """A Project on a line extended by the section or part that follows its name."""
    out = []
    for c in cands:
        if c.type == EntityType.PROJECT and _LINE.search(text, c.start, c.end) and (m := _SEGMENT.match(text, c.end)):
            out.append(Candidate(c.start, m.end(), EntityType.PROJECT))
    return out


def _kept(text: str, found: list[Candidate], masked: list[tuple[int, int]],
          ends: list[tuple[int, int]]) -> list[Candidate]:
    """The candidates that are no mask and lie in none (XX医院, ****敬老院), start after no number, cut
    no dotted name, cross no section's end, and are no person named only as a doctrine's author (甲某思想:
    a formula, not the person). (Few sentences have a mask or a section's end: those lists are mostly empty.)"""
    return [c for c in found if not (masked and any(a <= c.start and c.end <= b for a, b in masked))
            and not _masked(text[c.start : c.end]) and not _after_mask(text, c) and not _cut_at_dot(text, c)
            and not _after_number(text, c.start) and not (ends and any(a < c.start and c.end < b for a, b in ends))
            and not (c.type == EntityType.PERSON and lx.DOCTRINE.match(text, c.end))]


def _tagged(source: str, cands: list[Candidate]) -> list[Candidate]:
    for c in cands:
        c.source = c.source or source
    return cands


TAGGER = "tagger"  # the source of the trained tagger's spans


def propose(text: str, gaz: Gazetteer | None = None, tagger: Tagger | None = None) -> Proposal:
    """All candidates of a text, sentence by sentence, the trained tagger's spans among them when
    there is one. Masks are removed here, since a mask names nothing by definition (XX医院,
    ****敬老院); everything else is left to a decider."""
    gaz = gaz or Gazetteer.load()
    spans = sentences(text)
    toks_of = tokenize(text, spans)
    walks_of = [_walks(text[s0:s1], toks, gaz) for (s0, s1), toks in zip(spans, toks_of, strict=True)]
    # Pass 1: the divisions the text names fix which nearby places' short names to look for.
    districts = [text[s0:s1][c.start : c.end] for (s0, s1), walks in zip(spans, walks_of, strict=True)
                 for c in _suffix_candidates(text[s0:s1], walks, gaz, suffixes=lx.DISTRICT_SUFFIXES)
                 if c.type == EntityType.DISTRICT]
    nearby = {**_major_places(gaz), **local_names(districts, gaz)}
    places = frozenset(nearby)
    tagged = tagger.read([text[s0:s1] for s0, s1 in spans], toks_of) if tagger else [[] for _ in spans]
    out = []
    for (s0, s1), toks, walks, names in zip(spans, toks_of, walks_of, tagged, strict=True):
        sent, starts = text[s0:s1], {t.start for t in toks}  # where its words start
        found = [*_tagged("entry", _entry_candidates(sent, gaz)), *_tagged("quote", _quoted_candidates(sent, gaz)),
                 *_tagged("list", _list_candidates(sent, toks, gaz, places)),
                 *_tagged("list", _acted_list_candidates(sent)),
                 *_tagged("capacity", _capacity_candidates(sent)),
                 *_tagged("bracket", _bracket_candidates(sent, places)),
                 *_tagged("suffix", _suffix_candidates(sent, walks, gaz, places)),
                 *_tagged("division", _division_candidates(sent, starts, gaz)),
                 *_tagged("person", _person_candidates(sent, starts)),
                 *_tagged("place", _place_candidates(toks, nearby, sent)),
                 *(Candidate(a, b, typ, source=TAGGER) for a, b, typ in names)]
        if weak := [*_tagged("governed", _governed_candidates(sent)), *_tagged("framed", _framed_candidates(sent)),
                    *_tagged("department", _department_candidates(sent, gaz)),
                    *_tagged("subject", _subject_candidates(sent, toks, starts))]:
            taken = {(c.start, c.end) for c in found}  # weak evidence adds spans, not a second word on a name
            found += [c for c in weak if (c.start, c.end) not in taken]
        cands = [Candidate(c.start + s0, c.end + s0, c.type, c.full, c.listed, c.source) for c in found]
        masked = [(c.start, c.end) for c in cands if _masked(text[c.start : c.end]) or _after_mask(text, c)]
        ends = [(m.start() + s0, m.end() + s0) for m in lx.SECTION_ENDS.finditer(sent)]
        cands = _kept(text, cands, masked, ends)
        listed = [e for c in cands if c.start > 0 and text[c.start - 1] == "、"
                  for e in _tagged("enumerated", _enumerated(text, c, toks, s0, gaz, places))]
        cands += _kept(text, listed, masked, ends)
        cands += _kept(text, _tagged("segment", _segment_candidates(text, cands)), masked, ends)
        out.append(Sentence(s0, s1, toks, cands))
    return Proposal(text, out, places)
