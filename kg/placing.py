"""Place a report: the district that wrote it.

A report's header may say who gives it (`kg.author`); otherwise the text's own words do: the town it
names in its title or opening or names often, the county a news item is about, the one division of
its kind a text speaking as 我区 or 全镇 names, the government whose byline the page carries, and, for a
masked report, the communities it names (only on strong evidence).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from kg import lexicon as lx
from kg.author import author, publisher
from kg.gazetteer import TOWN_SUFFIX as TOWN
from kg.gazetteer import Gazetteer, county_short
from kg.model import DocResult, Document, Entity, EntityType, Place
from kg.reading import read
from kg.simplified import simplified
from kg.vocabulary import is_common

VILLAGE = re.compile(r"(社区|村)$")
COUNTY = re.compile(r"(县|区|旗|市)$")  # 市: a county-level city (琼海市); the gazetteer's level decides
_COUNTY_MENTIONS = 3


MIN_PLACEMENT = 0.5  # below this a masked report's district stays unresolved


def _suffixed_first(spellings: list[str]) -> list[str]:
    """A district's spellings as the gazetteer spells them, one with its level's suffix first (万佛湖镇 before
    万佛湖, the entity's shortest name): the suffix says which level it is."""
    full = [n for n in spellings if TOWN.search(n) or VILLAGE.search(n) or COUNTY.search(n)]
    return [*full[:1], *(n for n in spellings if n not in full[:1])]


def district_entities(r: DocResult) -> list[Entity]:
    """The District entities of a document."""
    return [e for e in r.entities if e.type == EntityType.DISTRICT]


def place_document(r: DocResult, gaz: Gazetteer) -> Place | None:
    """The district that wrote the report.

    A report whose header names who gives it (its title, congress, signature, 我代表…) is placed
    by `kg.author`, at any level. Otherwise the author is a town (街道/镇) the report names in its
    title or opening, or names often, resolved with the text's other places as context. A masked
    author (XX街道, *街道) or one the text never names is placed by the communities the report
    names — only on strong evidence (gazetteer.place_masked); otherwise it stays unresolved (None)."""
    districts = district_entities(r)
    names = {id(e): _suffixed_first([simplified(n) for n in (e.name, *e.aliases)]) for e in districts}
    context = [n for e in districts for n in names[id(e)]]
    # every place the text names, in passing too: read from the whole text only where a placement needs it
    named = cache(lambda: gaz.short_names_in(simplified(r.doc.text)))
    if (place := author(r.doc, gaz, context)) is not None:  # the header says who speaks: 省人民政府, 甲县县长
        if place.code is None and (known := gaz.resolve(place.name, [*context, *named()])) is not None:
            known.evidence = place.evidence + known.evidence  # a name several towns share: the places named choose
            return known
        return place
    head = simplified(r.doc.title + r.doc.text[:200])
    towns = sorted((e for e in districts if TOWN.search(names[id(e)][0])), key=lambda e: -len(e.mentions))
    counties = _divisions(districts, names, gaz, context, "county")
    headline = _headline(r.doc)
    county_headlined = bool(counties) and any(n in headline for n in _spellings(counties[0][0].name))
    for e in towns:
        in_head = any(n in head for n in names[id(e)])
        about_county = counties and counties[0][1] >= max(_COUNTY_MENTIONS, 2 * len(e.mentions) + 1)
        if (len(e.mentions) < 2 and not in_head) or (about_county and not (in_head and len(e.mentions) > 1)):
            continue  # named in passing in an item about its county, which it names far more often
        if county_headlined and counties[0][1] > len(e.mentions) and not any(
                TOWN.sub("", n) in headline for n in names[id(e)]):
            continue  # 瓜州：聚力项目建设 …河东镇…: the headline says whose news it is
        place = gaz.resolve(names[id(e)][0], context)
        if place is not None and place.level != "town":
            continue  # 西乡 is the short name of 西乡县, not a township
        if place is not None:
            return place
        return _as_written(names[id(e)][0], "town")
    title = simplified(r.doc.title).strip("【】[] \u3000")
    if TOWN.search(title) and (place := gaz.resolve(title, [*context, *named()])) is not None:
        place.evidence = [f"title: {r.doc.title}", *place.evidence]
        return place  # a portal page titled with its town's name alone (观海卫镇)
    we = _voices(r.doc.text, read(r.doc.title).text)  # the levels the text speaks for itself as
    town_voice = bool(we & _TOWN_LEVELS)
    if town_voice and (place := _by_communities(districts, names, gaz, context, named)) is not None:
        return place  # 全街…稔田社区、桥头社区…: a masked town's report is not its county's, however often it names it
    often = counties and counties[0][1] >= (
        2 if len(counties) == 1 and all(len(e.mentions) < counties[0][1] for e in towns) else _COUNTY_MENTIONS)
    if often and (len(counties) == 1 or counties[1][1] < counties[0][1]):
        return counties[0][0]  # a news item about a county names no town of its own but the county, again and again
    if (place := _spoken_for(we, districts, counties, names, gaz, context, named)) is not None:
        return place  # 我区…举行甲区开工仪式: the one district of its kind a text speaking as 我区 names
    cities = _divisions(districts, names, gaz, context, "city")
    if not counties and not towns and cities and cities[0][1] >= _COUNTY_MENTIONS and (
            len(cities) == 1 or cities[1][1] < cities[0][1]):
        return cities[0][0]  # a city's news names no county or town of its own
    if (place := publisher(r.doc, gaz, [*context, *named()])) is not None:
        return place  # 来源：本网-甲区乙镇人民政府: a government's own page, naming no town of its own in the text
    if not town_voice and (place := _by_communities(districts, names, gaz, context, named)) is not None:
        return place
    if len(counties) == 1 and not towns:
        return counties[0][0]  # the one county the text names, if only once (甲县日前举行…开工仪式)
    return _opening_subject(r.doc.text, districts, names, gaz, context) or _by_villages(r.doc, gaz)


def _as_written(name: str, level: str) -> Place:
    """A division the text names and the gazetteer does not hold, placed as the text writes it."""
    return Place(name=name, level=level, confidence=0.6, evidence=["named in the text, not in the gazetteer"])


def _by_communities(districts: list[Entity], names: dict[int, list[str]], gaz: Gazetteer, context: list[str],
                    named: Callable[[], list[str]]) -> Place | None:
    """The town whose communities the text names (塘尾社区, 丹东、应潭等村), within the counties and cities it
    names: only on strong evidence, and never from bare common words."""
    parents = [p.name for n in [*context, *named()] for p in gaz.lookup(n) if p.level in ("county", "city")]
    communities = [names[id(e)][0] for e in districts if VILLAGE.search(names[id(e)][0])]
    place = gaz.place_masked("town", communities, parents)
    return place if place is not None and place.confidence >= MIN_PLACEMENT else None


_LEAST_VILLAGES = 2  # villages named as bare stems that a town named in passing must hold


def _by_villages(doc: Document, gaz: Gazetteer) -> Place | None:
    """The town a report never names as such but whose name and villages it holds (甲山入口, 乙岙管线工程,
    丙湾大桥: 甲山街道 holds 乙岙村 and 丙湾社区): the last evidence, taken when one town has at least
    two of its villages named and more than any other. A stem that is an everyday word (城东) tells nothing."""
    text = simplified(f"{doc.title}\n{doc.text}")
    found = sorted(((place, named) for place, stems in gaz.towns_in(text)
                    if len(named := [s for s in stems if not is_common(s)]) >= _LEAST_VILLAGES),
                   key=lambda x: -len(x[1]))
    if not found or (len(found) > 1 and len(found[1][1]) == len(found[0][1])):
        return None
    place, named = found[0]
    place.confidence = MIN_PLACEMENT
    place.evidence = [f"{'、'.join(named)} are villages or communities of {place.name}, whose name the text holds"]
    return place


# What an opening sentence may say before its subject: when (2031年, 近日, 今年以来, 3月5日上午) and a comma.
_OPENING = re.compile(r"^\s*(?:(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|今年|去年|近日|日前|近期|近年)"
                      r"(?:以来|来|上半年|上午|下午)?[，,、\s]*)?")
_OPENING_LINES = 4  # a headline, a dateline, a lead: the subject is named by then or not at all


def _opening_subject(text: str, districts: list[Entity], names: dict[int, list[str]], gaz: Gazetteer,
                     context: list[str]) -> Place | None:
    """The division one of a text's first lines opens with as its subject (2031年，甲县狠抓…; 甲区|; of a
    chain, 甲市乙区召开…, the last), when nothing else places the text: a text names first what it is about."""
    spelt = sorted(((n, e) for e in districts for n in {e.name, *e.aliases} if len(n) >= 2), key=lambda x: -len(x[0]))
    for line in [line for line in text.splitlines() if line.strip()][:_OPENING_LINES]:
        opening, subject = _OPENING.match(line), None
        rest = line[opening.end():] if opening else line
        while (hit := next(((n, e) for n, e in spelt if rest.startswith(n)), None)) is not None:
            rest, subject = rest[len(hit[0]):], hit[1]
        if subject is None or rest[:1] in ("，", ",", "。", "、", "和", "与", "及"):
            continue  # 甲县、乙县…: a list, not a subject
        name = names[id(subject)][0]
        if not (TOWN.search(name) or COUNTY.search(name)):
            continue  # a village, a short name: not who writes
        place = gaz.resolve(name, context) or _as_written(name, "county" if COUNTY.search(name) else "town")
        place.evidence = [f"the opening is about it: {line.strip()[:40]}", *place.evidence]
        return place
    return None


_WE = re.compile(r"我(区|县|市|旗|镇|乡|街道)|我代表(区|县|市|旗|镇|乡)人民政府")
_ALL_OF_US = re.compile(r"[全本](镇|乡|街)(?!道办)")  # 全镇上下, 本街: a town's report speaks so of itself
_BARE_LEVEL = re.compile(r"^(?:\d{4}年度?)?(区|县|市|旗|镇|乡|街道)(?:人民)?(?:政府|办事处)")  # 2013年乡政府…总结


_TOWN_LEVELS = {"镇", "乡", "街道"}


def _voices(text: str, title: str) -> set[str]:
    """The levels a text speaks for itself as (我区, 我镇, 全街; a title's bare 乡政府…工作总结)."""
    we = {m.group(m.lastindex or 1) for pattern, said in ((_WE, text), (_ALL_OF_US, text), (_BARE_LEVEL, title))
          for m in pattern.finditer(said)}
    return {"街道" if level == "街" else level for level in we}


def _spoken_for(we: set[str], districts: list[Entity], counties: list[tuple[Place, int]],
                names: dict[int, list[str]], gaz: Gazetteer, context: list[str],
                named: Callable[[], list[str]]) -> Place | None:
    """The district a text speaking in its own name at the levels `we` (我区, 我镇, 全街; a title's bare
    乡政府…工作总结) names, when it names one of that kind only: in full, or by a short name the gazetteer
    knows with that kind's suffix (王哥庄 in a text speaking as 全街: 王哥庄街道)."""
    if county_levels := we & {"区", "县", "市", "旗"}:
        if len(counties) == 1:
            return counties[0][0]
        if not counties:  # 我代表县人民政府…城固发展: the county by the short name the text writes
            found = {p.name: p for n in named() for level in county_levels
                     if (p := gaz.resolve(n + level, context)) is not None and p.level == "county"}
            if len(found) == 1:
                return next(iter(found.values()))
    if levels := we & _TOWN_LEVELS:
        written = [names[id(e)][0] for e in districts]
        short = [n for n in written if not (TOWN.search(n) or VILLAGE.search(n) or lx.COUNTY_OR_ABOVE.search(n))]
        spelt = {n for n in written if TOWN.search(n)} | {
            n + level for n in short for level in levels
            if (p := gaz.resolve(n + level, context)) is not None and p.level == "town"}
        if len(spelt) == 1:
            place = gaz.resolve(spelt.pop(), context)
            return place if place is not None and place.level == "town" else None
    return None


_HEADLINE_LENGTH = (6, 40)
_SITE_NAME = re.compile(r"(?:网|网站|门户|政府|[县区市旗])$")


def _headline(doc: Document) -> str:
    """What an item says it is about: its title, else its first line, when that is a headline's length
    and no site's name (句容热线网, 重庆市垫江县: a county's site publishes its towns' news too) or
    breadcrumb trail (the sections of the site the page sits in)."""
    first = next((line for line in doc.text.splitlines() if line.strip() and not lx.BREADCRUMB.search(line)), "")
    for line in (doc.title, first):
        line = simplified(line).strip()
        if _HEADLINE_LENGTH[0] <= len(line) <= _HEADLINE_LENGTH[1] and not (
                _SITE_NAME.search(line) or lx.BREADCRUMB.search(line)):
            return line
    return ""


def _spellings(county: str) -> tuple[str, ...]:
    """A county's name and its short form (瓜州县, 瓜州)."""
    short = county_short(county)
    return (county, short) if short != county else (county,)


def _divisions(districts: list[Entity], names: dict[int, list[str]], gaz: Gazetteer,
               context: list[str], level: str) -> list[tuple[Place, int]]:
    """The divisions of a level (county, city) the text names, most named first, each with its
    mentions under every spelling (凤阳 and 凤阳县 are one county named twice; 襄城 is the one of the
    places named with it)."""
    towns = [names[id(e)][0] for e in districts if TOWN.search(names[id(e)][0])]
    found: dict[tuple[str, ...], tuple[Place, int]] = {}
    for e in districts:
        written = names[id(e)][0]
        if not COUNTY.search(written) and any(t.startswith(written) for t in towns):
            continue  # 西乡 beside 西乡街道 is the town's short name, not 西乡县's
        if (place := gaz.resolve(written, context)) is not None and place.level == level:
            first, count = found.get(key := (place.name, *place.parents), (place, 0))
            found[key] = (first, count + len(e.mentions))
    return sorted(found.values(), key=lambda c: -c[1])
