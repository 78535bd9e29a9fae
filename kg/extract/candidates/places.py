"""Places: known divisions wherever jieba cut their suffix (the gazetteer knows them), and the
bare short names of provinces and major cities (深圳, 广东) and of the places around the report's own
town (宝安 → 宝安区), which the divisions the text names (the first pass of `propose`) choose.
"""

from __future__ import annotations

from collections import Counter
from functools import cache, lru_cache

import jieba

from kg import lexicon as lx
from kg import vocabulary
from kg.extract.candidates.proposal import Candidate
from kg.extract.candidates.tokens import Token
from kg.gazetteer import Gazetteer
from kg.model import EntityType, Place
from kg.names import town_head, village_head


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


def division_candidates(text: str, starts: set[int], gaz: Gazetteer) -> list[Candidate]:
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


def place_candidates(toks: list[Token], names: dict[str, str], text: str) -> list[Candidate]:
    """Bare short names of nearby places, and of provinces and major cities (深圳, 东莞, 广东). A
    town or village named by an everyday word (团结, 和平) is meant only with its suffix, a city
    only where jieba reads a place (深圳, not 和谐安康), and a short name opening a region's name is
    not the place (海西|经济区)."""
    return [Candidate(t.start, t.end, EntityType.DISTRICT, names[t.word]) for t in toks if t.word in names and not (
        vocabulary.is_common(t.word, lx.COMMON_NOISY_PER_MILLION) and (
            names[t.word].endswith(lx.LOCAL_SUFFIXES) or t.tag not in lx.PLACE_TAGS))
        and not lx.REGION_AFTER.match(text, t.end)]


@cache
def major_places(gaz: Gazetteer) -> dict[str, str]:
    """Short names of provinces and prefecture cities, which texts write bare (深圳, 东莞, 广东)."""
    out = {}
    for short in gaz.short_names():
        places = [p for p in gaz.lookup(short) if p.level in ("province", "city")]
        if len(places) == 1 and short not in lx.BREAK_WORDS:
            out[short] = places[0].name
    return out
