"""Names typed by the list they stand in: listed before a class noun (甲、乙等3家企业) or a stage
verb (甲、乙等顺利投产), in brackets after a counted class noun (企业3家（甲、乙）), and the bare items of
an enumeration whose last item has a suffix (潭头、溪头社区). Each item must still look like a name.
"""

from __future__ import annotations

import re

import jieba

from kg import lexicon as lx
from kg import vocabulary
from kg.extract.candidates.proposal import Candidate
from kg.extract.candidates.tokens import Token, is_verb, name_like
from kg.gazetteer import Gazetteer
from kg.model import EntityType
from kg.names import cut, distinctive, runs, trim, type_of


def _left_start(toks: list[Token], end: int, limit: int = lx.MAX_NAME) -> int:
    """Where a name ending at `end` starts: walk left over name-like words."""
    j = next((k for k, t in enumerate(toks) if t.end == end), None)
    if j is None:
        return end
    i = j
    while i > 0 and name_like(toks[i - 1]) and end - toks[i - 1].start <= limit:
        i -= 1
    return toks[i].start if name_like(toks[j]) else end


_DIVISION_QUALIFIES = frozenset("级域城委区街")
_QUOTED_PART = re.compile(r"“[^”]*”")  # a scheme's quoted name qualifying a class noun (等“工改工”项目)


def list_candidates(text: str, toks: list[Token], gaz: Gazetteer, places: frozenset[str]) -> list[Candidate]:
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


def acted_list_candidates(text: str) -> list[Candidate]:
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


def bracket_candidates(text: str, places: frozenset[str]) -> list[Candidate]:
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


def enumerated_candidates(text: str, c: Candidate, toks: list[Token], offset: int, gaz: Gazetteer,
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
