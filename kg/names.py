"""Is a phrase a name, of what type, and are two spellings one name? The tests the extractor
applies to every candidate, on strings alone: no sentence, no document.

A name ends in a type-bearing suffix (…产业园, …商会, …行动) after a head that singles something
out: a word jieba does not know and general text does not use (五指耙, 满京华), a proper noun, a
code (T4, 二期), a nearby place, or a quoted word. Modern word counts (`kg.vocabulary`) keep the
everyday jargon that jieba's older dictionary lacks (托育, 非遗, 暖心) from counting as unknown.
Some suffixes carry enough on their own with the right kind of head: a government body's field
(民政部), a road's auspicious word (立业路), a development zone's theme (智能装备产业园).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

import jieba
import jieba.posseg

from kg import gazetteer, segment, vocabulary
from kg import lexicon as lx
from kg.gazetteer import Gazetteer
from kg.model import EntityType

PAREN = re.compile(r"[（(][^（()）\n]{1,20}[)）]")


@cache
def teach_jieba() -> None:
    """Teach jieba the generic suffixes and the words that end a name, once, so that it keeps them whole;
    and cut a body apart from the title its dictionary runs into it (市委|书记)."""
    jieba.setLogLevel(60)
    segment.initialize()
    for suffix in lx.ALL_SUFFIXES:
        jieba.add_word(suffix, freq=2000)
    for w in lx.BREAK_WORDS:
        jieba.add_word(w, freq=3000)
    for w in (body + title for body in lx.TITLED_BODIES for title in lx.BODY_TITLES):
        if jieba.dt.FREQ.get(w):
            jieba.del_word(w)


@lru_cache(maxsize=200_000)
def cut(phrase: str) -> tuple[str, ...]:
    """jieba's words of a short phrase; names and heads are cut again and again, by many tests."""
    teach_jieba()
    return tuple(segment.cut(phrase))


@lru_cache(maxsize=100_000)
def trim(name: str) -> str:
    """Strip modifiers, actions and counts that precede a name (全力推进…, 辖区…, 3个…)."""
    counts = list(lx.COUNT_INSIDE.finditer(name))
    if counts and len(name) - counts[-1].end() >= 2:
        name = name[counts[-1].end():]  # 清理3个“低小散”园区 → the part after the count
    while True:
        before = name
        name = lx.COUNT_PREFIX.sub("", name).lstrip("+·.")  # 慢行|+湿地公园: a joiner opens no name
        for p in lx.LEADING_TRIM:
            if name.startswith(p) and len(name) - len(p) >= 2:
                name = name[len(p):]
        if name == before:
            return name


def runs(words: Sequence[str]) -> list[tuple[str, bool]]:
    """jieba's words, each run of two or more single characters (what it could not segment)
    joined into one unknown word: (word, unknown)."""
    out: list[tuple[str, bool]] = []
    for i, w in enumerate(words):
        if len(w) == 1 and i > 0 and len(words[i - 1]) == 1:
            out[-1] = (out[-1][0] + w, True)
        else:
            out.append((w, False))
    return out


def _compound(word: str) -> bool:
    """A rare dictionary word made of two common ones is a compound noun, not a name (专项|经费)."""
    freq = jieba.dt.FREQ
    return any((freq.get(word[:k]) or 0) >= lx.COMMON_FREQ and (freq.get(word[k:]) or 0) >= lx.COMMON_FREQ
               for k in range(2, len(word) - 1))


@lru_cache(maxsize=64)
def _lengths(places: frozenset[str]) -> tuple[int, ...]:
    return tuple(sorted({len(p) for p in places}))


def _names_a_place(head: str, places: frozenset[str]) -> bool:
    """Does the head hold one of the nearby places' names (by substring, as a set lookup)?"""
    return any(head[i : i + n] in places for n in _lengths(places) for i in range(len(head) - n + 1))


def _word_and_char(head: str, words: list[str]) -> bool:
    """Three or four characters jieba cuts into a word and a lone character, nouns both, that no
    dictionary or corpus knows together: an unknown name (甲岭|头). Not a level (省|二级, 甲乙|市)."""
    tags = jieba.posseg.dt.word_tag_tab
    return (3 <= len(head) <= 4 and len(words) == 2 and 1 in map(len, words) and not jieba.dt.FREQ.get(head)
            and all(tags.get(w) not in lx.NON_PLACE_TAGS | {"zg"} for w in words)
            and not set(head) & lx.FUNCTION_CHARS and not vocabulary.is_common(head)
            and not any(len(w) == 1 and lx.LEVEL_CHAR.match(w) for w in words))


@lru_cache(maxsize=100_000)
def distinctive(head: str, places: frozenset[str] = frozenset()) -> bool:
    """Does the part before the suffix single something out? A name needs a word that is rare
    or a proper noun in jieba's dictionary, an unknown word, a code (T4, 12号, 三期), or the
    name of a place near the report's district (桥头 in 桥头消防站)."""
    if head in lx.GENERIC_HEADS or lx.NUMBERED_WORD.match(head):
        return False  # 两新, 四新: numbered shorthand for classes of things
    if lx.CODE.search(head) or _names_a_place(head, places) or "”" in head:
        return True  # a code, a nearby place, or a quoted word (文化“青禾千户”工程)
    freq, tags = jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab
    words = list(cut(head))
    if _word_and_char(head, words):
        return True  # a word and a character jieba cannot join: an unknown name (甲岭|头)
    for w, unknown in runs(words):
        if len(w) == 1 or w in lx.GENERIC_HEADS:
            continue
        f, tag = freq.get(w) or 0, tags.get(w)
        if unknown:  # a run of single characters: a word jieba does not know, unless it is modern jargon
            if not vocabulary.is_common(w):
                return True
        elif tag in lx.PROPER_TAGS and tag not in lx.NOISY_TAGS:
            return True
        elif tag in lx.NOISY_TAGS and not vocabulary.is_common(w, lx.COMMON_NOISY_PER_MILLION):
            return True  # jieba tags 养老 and 惠民 as names too: words that common are not names
        elif (f < lx.RARE_FREQ or (tag is None and f < 1000)) and not vocabulary.is_common(w) and not _compound(w):
            return True
    return False


@lru_cache(maxsize=100_000)
def _place_like(head: str) -> bool:
    """Could this be the name part of a community or village no gazetteer holds? Two to four
    characters of proper nouns or unknown characters, no verbs, adjectives, counts or words as
    common as 人大代表."""
    if not 2 <= len(head) <= 4 or head[0] in lx.FUNCTION_CHARS:
        return False
    tags = jieba.posseg.dt.word_tag_tab
    for w in cut(head):
        tag = tags.get(w)
        if w in lx.GENERIC_HEADS or w in lx.BREAK_WORDS or (tag not in lx.PROPER_TAGS and (
                len(w) > 1 or tag in lx.NON_PLACE_TAGS)) or (
                len(w) > 1 and vocabulary.is_common(w, lx.COMMON_NOISY_PER_MILLION)):
            return False
    return True


def catchword(phrase: str) -> bool:
    """A slogan or a numbered series (四个意识, 两学一做, 一轴一廊四片区): not an entity, unless a
    plan's own words follow the numbers (六六就业稳岗计划, 三提三争立功竞赛活动)."""
    if not (lx.SLOGAN.search(phrase) or lx.NUMBERED_SERIES.match(phrase)):
        return False
    return not (phrase.endswith(lx.CAMPAIGN_ENDINGS) and len(phrase) >= lx.MIN_SERIES_PLAN
                and not lx.SLOGAN_TAIL.search(phrase))


@lru_cache(maxsize=100_000)
def village_head(head: str) -> bool:
    """Is a gazetteer's 社区/村 meant as one here? Its name must not be an everyday word (现代社区,
    和谐村 exist somewhere in China, but a report using them means a kind of community)."""
    words = list(cut(head))
    return 2 <= len(head) <= 4 and not lx.NUMBERED_WORD.match(head) and not any(
        w in lx.GENERIC_HEADS or w in lx.BREAK_WORDS or w in lx.FUNCTION_CHARS
        or (len(w) > 1 and vocabulary.is_common(w, lx.COMMON_NOISY_PER_MILLION)) for w in words)


def town_head(head: str) -> bool:
    """Is a gazetteer's 镇, 乡 or 街道 meant as one here? Towns are seldom named by everyday words, so
    only a generic or numbered head (重点镇, 一镇) or an everyday word whole (城镇) is not one; a
    function character may open the name (和孚镇)."""
    return 2 <= len(head) <= 4 and not lx.NUMBERED_WORD.match(head) and head not in lx.GENERIC_HEADS and not (
        vocabulary.is_common(head, lx.COMMON_NOISY_PER_MILLION))


@lru_cache(maxsize=100_000)
def _programme_head(head: str) -> bool:
    """A head of nouns (and verbal nouns) of 2-8 characters, not all generic: 乡村振兴, 春风 (not
    专项|行动, which only names a kind of plan)."""
    if not 2 <= len(head) <= 8 or head in lx.GENERIC_HEADS:
        return False
    tags = jieba.posseg.dt.word_tag_tab
    words = list(cut(head))
    return all(w not in lx.BREAK_WORDS and len(w) > 1 and (tags.get(w) or "n")[0] in "nvs" for w in words) and not all(
        w in lx.GENERIC_HEADS or w in lx.GENERIC for w in words)


def _opens_with_name(head: str, gaz: Gazetteer, places: frozenset[str]) -> bool:
    """Does the head open with a name of its own (甲村|安全饮水|项目, 甲路|北侧|地块)? That
    name singles the longer one out."""
    return any(type_of(head[:k], gaz, places=places) in (EntityType.DISTRICT, EntityType.PROJECT)
               for k in range(len(head) - 1, 2, -1) if lx.suffix_of(head[:k]))


@lru_cache(maxsize=100_000)
def _road_head(head: str) -> bool:
    """Roads take any auspicious word for a name (立业路, 永和路): two or three characters of one
    word that is neither generic nor an action."""
    words = list(cut(head))
    return 2 <= len(head) <= 3 and head not in lx.GENERIC_HEADS and head not in lx.BREAK_WORDS and (
        head[0] not in lx.FUNCTION_CHARS and not lx.NUMBERED.match(head)) and (
        len(words) == 1 or all(len(w) == 1 for w in words))


@lru_cache(maxsize=100_000)
def _zone_head(head: str) -> bool:
    """Development zones are named by their theme: three content words are specific enough
    (生物健康科技|产业园)."""
    words = [w for w in cut(head) if len(w) > 1]
    if any(w in lx.BREAK_WORDS for w in words):
        return False
    return sum(w not in lx.GENERIC_HEADS for w in words) >= 3


@lru_cache(maxsize=100_000)
def _body_head(head: str) -> bool:
    """The field of a government body, which names it (民政部, 工信部, 国家卫健委, 市委大湾区办):
    two to six characters of nouns and unknown words after an optional level, none generic."""
    levelled = False
    for level in lx.BODY_LEVELS:
        if head.startswith(level) and len(head) > len(level) + 1:
            head, levelled = head[len(level):], True
            break
    if head in lx.BODY_LEVELS and head.endswith("委"):
        return True  # 市委党校, 区委办: the committee's own bodies
    if levelled and len(head) == 2 and jieba.posseg.dt.word_tag_tab.get(head) in ("v", "vn"):
        return True  # 省委宣传部, 市委组织部: a level's department named by what it does
    if not 2 <= len(head) <= 6 or head in lx.GENERIC_HEADS or head in lx.GENERIC:
        return False
    tags = jieba.posseg.dt.word_tag_tab
    return all(w not in lx.GENERIC_HEADS and w not in lx.BREAK_WORDS and len(w) > 1
               and (unknown or (tags.get(w) or "n") in ("n", "nz", "nt", "j"))
               for w, unknown in runs(list(cut(head))))


@lru_cache(maxsize=100_000)
def _proper(head: str) -> bool:
    """Does the head hold a proper noun (place, organization, brand) by jieba's dictionary?"""
    tags = jieba.posseg.dt.word_tag_tab
    return any(tags.get(w) in lx.NAME_TAGS for w in cut(head) if len(w) > 1)


@lru_cache(maxsize=200_000)
def type_of(name: str, gaz: Gazetteer, quoted: bool = False, places: frozenset[str] = frozenset()) -> EntityType | None:
    """The entity type a name carries by its suffix, or None for a generic phrase."""
    if name in lx.GENERIC or len(name) < 2 or lx.SLOGAN.search(name):
        return None
    if name.endswith(lx.DISTRICT_SUFFIXES) and gaz.is_known(name) and (
            not name.endswith(("社区", "村")) or village_head(lx.DIVISION_SUFFIX.sub("", name))
            or lx.DIVISION_SUFFIX.sub("", name) in places):
        return EntityType.DISTRICT  # a known 社区/村 still needs a place-like name: 现代社区 is one, but rarely meant
    if name.endswith("街") and gaz.is_known(name + "道") and village_head(name[:-1]):
        return EntityType.DISTRICT  # 龙津街: how Guangdong writes its 街道
    if name.endswith(lx.NOT_NAME_ENDINGS):
        return None
    if match := lx.suffix_of(name):
        suffix, typ = match
        head = name[: -len(suffix)]
        strong = (typ == EntityType.PROGRAM and suffix in lx.STRONG_PROGRAM_SUFFIXES and _programme_head(head)) or (
            suffix in lx.OFFICE_SCHEMES and not jieba.dt.FREQ.get(name)) or (  # not 家长制, a word of its own
            suffix in lx.ROAD_SUFFIXES and _road_head(head)) or (
            suffix in lx.BODY_SUFFIXES and _body_head(head)) or (suffix in lx.ZONE_SUFFIXES and _zone_head(head)) or (
            suffix in lx.LEVEL_BODIES and head in lx.BODY_LEVELS) or (
            suffix in lx.STRONG_ORG_SUFFIXES and any(unknown for _, unknown in runs(list(cut(head)))))
        if suffix in lx.GOVERNMENTS and type_of(head, gaz, places=places) != EntityType.DISTRICT:
            return None  # 区政府 names no one; 甲镇人民政府 does
        if name.endswith(lx.LEVEL_COMMITTEES) and not gaz.is_known(name[:-1].removeprefix("中共")):
            return None  # 寿光市委 is the committee of 寿光市; 标省委 (对标省委) of nothing
        if (typ == EntityType.PROJECT and head[-1:] + suffix in lx.GENERIC) or lx.COUNT_END.search(head) or (
                len(suffix) == 1 and head[-1:].isdigit()):
            return None  # 重要道|路 closes a common word (道路); 一条|路 counts a class, so does 电梯95|部
        if lx.DIVISION_BODY.fullmatch(name):
            return None  # 苏木党委, 自治州党委: the committee of a kind of division, named by no place
        if len(head) < lx.MIN_HEAD.get(suffix, 1) or (lx.ONLY_CODE.match(head) and suffix in lx.PART_SUFFIXES) or not (
                quoted or strong or distinctive(head, places) or _opens_with_name(head, gaz, places)):
            return None  # 4号地块 alone is a plot of something named before
        if (not quoted and suffix in lx.WEAK_PROGRAM_SUFFIXES and not lx.CODE.search(head) and not _proper(head)
                and "“" not in head):
            return None
        if typ == EntityType.DISTRICT and suffix == "区" and any(z in head for z in lx.ZONE_WORDS):
            return EntityType.PROJECT  # 某工业园四区: a zone, not a division
        if typ == EntityType.DISTRICT and (suffix not in lx.LOCAL_SUFFIXES or not _place_like(head)):
            return None  # an unknown 区/市/县 is rarely a division; unknown 社区/村 often are
        if typ == EntityType.PROGRAM and suffix == "工程" and (lx.BUILD_CUE.search(head) or lx.WORKS_PART.search(
                head) or type_of(head, gaz) == EntityType.PROJECT):
            return EntityType.PROJECT  # 工程 of construction (甲路乙段工程, 桩基工程), not a programme
        return typ
    return None


@lru_cache(maxsize=200_000)
def village_stem(name: str) -> str:
    """甲村, 甲社区 -> 甲 (the gazetteer's stem, of two characters or more); other names -> ''."""
    stem = gazetteer.village_stem(name)
    return stem if stem != name and len(stem) >= 2 else ""


def _sub_body(rest: str) -> bool:
    """Does `rest` name a body of its own (中山大学|肿瘤防治中心), not a part or phase?"""
    return any(rest[-n:] in lx.ORG_SUFFIXES for n in lx.ORG_SUFFIX_LENGTHS if n < len(rest))


@cache
def core(name: str) -> str:
    """The name without generic tails, for matching spellings of one thing."""
    name = PAREN.sub("", name).replace("“", "").replace("”", "")
    for tail in lx.GENERIC_TAILS:
        if name.endswith(tail) and len(name) - len(tail) >= 2:
            return core(name[: -len(tail)])
    return name


_PLACE_LEFT = re.compile(r"(?:社区|村|街道|镇|乡)$")  # a core that is only the place the works are named after


@lru_cache(maxsize=200_000)
def same_thing(a: str, b: str) -> bool:
    """Are two spellings in one document the same thing? (甲中人行天桥 ~ 甲中配套乙村人行天桥)."""
    ca, cb = core(a), core(b)
    # 桥头社区|利益统筹项目 without its tail is the place itself: it is compared whole, or it would
    # be every other thing named after that place (桥头社区公园)
    ca = a if ca != a and _PLACE_LEFT.search(ca) else ca
    cb = b if cb != b and _PLACE_LEFT.search(cb) else cb
    if ca == cb or village_stem(ca) == village_stem(cb) != "":
        return True  # 沙浦村 became 沙浦社区: one place
    short, long_ = (cb, ca) if len(cb) < len(ca) else (ca, cb)
    if len(short) < 3 or long_.startswith(short) and _sub_body(long_[len(short):]):
        return False
    if short in long_ and (long_.startswith(short) or len(short) >= 4):
        return long_.startswith(short) or long_.endswith(short)
    # abbreviation: the short one is an ordered subsequence sharing the head and the tail; a short
    # form keeps the last character, which says what kind of thing it is (甲县委 is not 甲县人大常委会)
    if short[:2] != long_[:2] or short[-2:] != long_[-2:] and len(short) > 4 or short[-1] != long_[-1]:
        return False
    if long_.endswith(_ROAD_ENDS) and (branch := _ROAD_BRANCH.fullmatch(long_)) and (
            long_[: branch.start(1)] + long_[branch.end(1):] == short):
        return False  # 永和南路 is not 永和路: a road's branch is another road
    return _in_order(short, long_) and (len(short) <= 0.6 * len(long_) or _gaps(short, long_) == 1)


_ROAD_ENDS = ("路", "街", "大道", "大街", "巷")
# A road's branch (永和南路); its ending is tested first, as the lazy pattern is slow to fail.
_ROAD_BRANCH = re.compile(rf".+?([东西南北中]{{1,2}})(?:{'|'.join(_ROAD_ENDS)})")


def match_keys(name: str) -> tuple[set[str], set[str]]:
    """(keys to file a spelling under, keys to look it up by): every pair `same_thing` accepts
    shares a key, one's filed with the other's probed, and no key holds a spelling only for a
    common opening or ending. Grouping a document's mentions and resolving a corpus's things both
    compare a new spelling only with those that share a key:

    - equal cores, or one village stem (沙浦村 ~ 沙浦社区): the core, the stem;
    - the shorter core (three characters or more) begins the longer: the shorter files its whole
      core and the longer probes with each of its openings of three or more, and the other way round;
    - the shorter core (four or more) ends the longer: the same with endings of four or more (a
      shared last four alone, 有限公司 or 服务中心, would put every company or centre in one block);
    - an abbreviation (the shorter an ordered subsequence of the longer, with its first two
      characters): a shorter of five or more also shares the last two, and its third character is
      among the longer's characters between those, so (first two, last two, that character) meets
      (first two, last two, any middle character) of the longer; one of three or four has its
      third character somewhere after the longer's first two, so (first two, that character)
      meets (first two, any later character) of the longer."""
    c = core(name)
    both = {"=" + c}
    if stem := village_stem(c):
        both.add("v" + stem)
    filed, probed = set(both), set(both)
    if len(c) >= 4:  # openings of three or more, endings of four or more, as the longer
        openings = [c[:k] for k in range(3, len(c))]
        endings = [c[-k:] for k in range(4, len(c))]
        filed |= {"^" + x for x in openings} | {"$" + x for x in endings}
        probed |= {"=" + x for x in openings} | {"=" + x for x in endings}
    if len(c) >= 3:  # as the shorter
        probed |= {"^" + c, "$" + c} if len(c) >= 4 else {"^" + c}
    if len(c) >= 5:  # abbreviations of five or more: first two, last two, a middle character
        ends = c[:2] + c[-2:]
        filed.add("s" + ends + c[2])
        probed.add("l" + ends + c[2])
        middle = set(c[2:-2])
        filed |= {"l" + ends + ch for ch in middle}
        probed |= {"s" + ends + ch for ch in middle}
    if len(c) >= 3:
        later = {"b" + c[:2] + ch for ch in set(c[2:])}  # as the longer of an abbreviation
        if len(c) <= 4:  # as the shorter one: its third character
            filed.add("t" + c[:3])
            probed.add("b" + c[:3])
        filed |= later
        probed |= {"t" + k[1:] for k in later}
    return filed, probed


def _in_order(short: str, long_: str) -> bool:
    """Are the characters of `short` found in `long_`, in order?"""
    at = 0
    for ch in short:
        at = long_.find(ch, at) + 1
        if not at:
            return False
    return True


def _gaps(short: str, long_: str) -> int:
    """How many runs of `long_` a subsequence `short` leaves out (十二高|配套塘尾|人行天桥: one)."""
    gaps, k, skipping = 0, 0, False
    for ch in long_:
        if k < len(short) and ch == short[k]:
            k, skipping = k + 1, False
        elif not skipping:
            gaps, skipping = gaps + 1, True
    return gaps
