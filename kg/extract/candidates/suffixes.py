"""Names ending in a type-bearing suffix (…工业园, …社区, …商会, …行动), typed from the walks
once the places the text names are known: a name after a place it opens with (甲村|安置房) is
proposed with and without it, a quoted programme's name before its class noun (“青苗护航年”主题活动)
is its full name, and works, campaigns and bodies named in everyday words (a body by its level: 市|商贸|集团)
are proposed for the decider to weigh.
"""

from __future__ import annotations

import re

from kg import lexicon as lx
from kg.extract.candidates.proposal import Candidate
from kg.extract.candidates.walks import Walk
from kg.gazetteer import Gazetteer
from kg.model import EntityType
from kg.names import catchword, core, cut, distinctive, trim, type_of
from kg.stages import has_cue


def suffix_candidates(text: str, walks: list[Walk], gaz: Gazetteer, places: frozenset[str] = frozenset(),
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
        if typ is None and _levelled_body(name):
            out.append(Candidate(start, end, EntityType.ORGANIZATION, source="levelled"))
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
    ending = next((w for w in _CAMPAIGN_WORDS if word.endswith(w)), None)  # 提升|工程 may come as one word
    return (ending is not None and len(name) - len(ending) >= 4 and name not in lx.GENERIC
            and not lx.COUNT_END.search(name[: -len(ending)]) and not lx.SLOGAN.search(name))


_LEVELS = (*lx.BODY_LEVELS, "自治区")


def _levelled_body(name: str) -> bool:
    """A body named by its level and its field in everyday words (市商贸集团, 县水利执法局, 省某某中心), which
    the suffix's own test finds too plain: the level makes it one body; the decider weighs it."""
    level = next((v for v in _LEVELS if name.startswith(v)), None)
    match = lx.suffix_of(name)
    if level is None or not match or not (match[1] == EntityType.ORGANIZATION or match[0] in lx.FACILITY_SUFFIXES):
        return False
    field = name[len(level) : -len(match[0])]  # 中 in 市中医院; 城市建设投资 in 市城市建设投资集团
    return 3 <= len(name) - len(level) <= 12 and not lx.COUNT_END.search(field) and not any(
        w in lx.BREAK_WORDS and w not in lx.COMPANY_INTERNAL for w in cut(field))


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
    return tail in lx.GENERIC or (suffix_len(tail) > 0 and type_of(tail, gaz) is None
                                  and not distinctive(tail[: len(tail) - suffix_len(tail)]))


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


def suffix_len(name: str) -> int:
    """Length of the type suffix `name` ends with (村史馆 in 沙浦村史馆), 0 without one."""
    return len(match[0]) if (match := lx.suffix_of(name)) else 0
