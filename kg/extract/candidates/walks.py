"""Where the name before each type-bearing suffix word starts (…工业园, …社区, …商会, …行动).

The walk goes left from the suffix word over name-like words and stops at actions, function words
and modifiers; it takes in a quoted part, a bracketed place or section, and a firm's brand. Where it
stops at an action right before a campaign's or works' ending (甲镇|培育|试点), a second walk goes on past
it: such actions are often part of the name, and the decider chooses between the two. Places
do not change where a name starts, so both passes of `propose` share the walks; `suffixes` types them.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jieba

from kg import lexicon as lx
from kg.extract.candidates.tokens import MASK, NAME_CHAR, Token, is_verb, name_like
from kg.gazetteer import Gazetteer
from kg.model import EntityType
from kg.names import type_of
from kg.stages import is_cue


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
        while k - 1 > i and len(toks[k - 1].word) == 1 and j - k < 4 and name_like(toks[k - 1]):
            k -= 1
    brand = "".join(t.word for t in toks[k:j])
    ok = k > i and len(brand) >= 2 and toks[k].tag != "v" and all(map(name_like, toks[k:j]))
    return k if ok else None


def _walk_left(text: str, toks: list[Token], i: int, j: int, gaz: Gazetteer) -> int:
    """Index of the first word of the name the suffix word at `j` closes, walking left from `i`
    over name-like words."""
    tok = toks[j]
    while i > 0 and tok.end - toks[i - 1].start <= lx.MAX_NAME:
        if _same_family(toks[i - 1], tok):
            # a complete name of the same kind ends there (甲幼儿园|省二级幼儿园, 宝安区|福海街道),
            # unless the two make one known division (南区|街道, 沪东|新村|街道)
            return next((k for k in range(max(0, i - 3), i) if gaz.is_known(text[toks[k].start : tok.end])), i)
        if i == j and tok.word in lx.WORKS and len(toks[i - 1].word) == 1 and toks[i - 1].tag == "v" and not (
                toks[i - 1].word in lx.SHORT_WORKS and i > 1 and len(toks[i - 2].word) == 1):
            break  # 大抓|项目: a one-character verb right before the works is no name's end; 棚|改 (改造) is
        if name_like(toks[i - 1]) or (
                toks[i - 1].word in lx.COMPANY_INTERNAL and tok.word.endswith(lx.COMPANY_SUFFIXES)) or (
                i == j and tok.word in lx.FUNCTION_HEADS and len(toks[i - 1].word) == 2
                and toks[i - 1].tag in ("v", "vn") and i > 1 and name_like(toks[i - 2])):
            i -= 1  # a name-like word, or what a company or body does before its head (甲建设集团公司, 甲促进局)
        elif toks[i - 1].word == "至" and i > 1 and name_like(toks[i - 2]) and toks[i - 2].tag != "v" and (
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
    return i


_ACTED_ENDINGS = (*lx.WORKS, "行动", "计划", "试点")


def _acted_on(toks: list[Token], i: int, j: int) -> bool:
    """Did the walk stop at what a works or campaign does to the thing named before it (小集镇|培育|试点,
    甲处置场|改建|工程)? A two-character action noun, or a verb that governs no clause, may be inside
    the name; the walk goes on past it once, as a second candidate."""
    if i < 2 or not toks[j].word.endswith(_ACTED_ENDINGS):
        return False
    act, before = toks[i - 1], toks[i - 2]
    return (len(act.word) == 2 and not is_cue(act.word)
            and (act.tag == "vn" or act.tag == "v" and act.word not in lx.BREAK_WORDS)
            and before.tag not in ("v", "vn") and name_like(before))


def _own_start(toks: list[Token], i: int, j: int) -> int:
    """Where the name's own words start in a walk from `i` to the suffix word at `j`: the first
    non-verb, or the suffix word when it says more."""
    first_noun = next((k for k in range(i, j) if toks[k].tag != "v"), j if toks[j].word not in lx.SUFFIX_TYPE else -1)
    while i < j and (toks[i].tag == "v" and i < first_noun and (len(toks[i].word) > 1 or len(toks[i + 1].word) > 1)
                     or len(toks[i].word) == 1 and toks[i + 1].word in "“\""):
        # nor with a verb (召开, 巩固, 使 …) — unless verbs are all it has (扫黑除恶专项斗争); a lone
        # character before others is part of an unknown word, unless a quoted name follows (创|“…”品牌)
        i += 1
    return i


def _char_start(text: str, toks: list[Token], i: int) -> int:
    """The character where a name starting at word `i` starts."""
    start = toks[i].start
    if start > 0 and MASK.match(text[start - 1]) and text[start] in lx.ONE_CHAR_DIVISIONS:
        start += 1  # **县|青石镇…: the masked division is not part of the name
    return start


def suffix_walks(text: str, toks: list[Token], gaz: Gazetteer) -> list[Walk]:
    """For each type-bearing suffix word, where the name it closes starts: walk left over name-like
    words. Places do not change where a name starts, so both passes of `extract` share this."""
    out = []
    last = lx.SUFFIX_LAST  # a cheap first test: most words end in no suffix's last character
    for j in [j for j, t in enumerate(toks) if t.word[-1] in last and _closes_name(t.word, t.tag)]:
        tok = toks[j]
        walked = _walk_left(text, toks, j, j, gaz)
        i = _own_start(toks, walked, j)
        start = _char_start(text, toks, i)
        out.append((start, tok.end, tok.word))
        if _acted_on(toks, walked, j):
            further = _own_start(toks, _walk_left(text, toks, walked - 1, j, gaz), j)
            out.append((_char_start(text, toks, further), tok.end, tok.word))
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
