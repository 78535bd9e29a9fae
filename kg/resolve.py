"""Link the same real thing across sections and reports, and place documents.

Each per-document `Entity` gets a corpus-wide id derived from its canonical name and its
district (never from a counter), so ids are stable from build to build. Districts are
identified by their official division code where the gazetteer knows them. The writing
district of each report is found from the text (its own name, its parents, its
communities) and, when masked, placed only on strong evidence.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache

from kg import lexicon as lx
from kg.author import author, publisher
from kg.gazetteer import Gazetteer
from kg.model import STAGES, Corpus, DocResult, Document, Entity, EntityType, Mention, Mode, Place, Relation, Stage
from kg.names import core, same_thing, village_stem
from kg.reading import read, spelled_in
from kg.simplified import simplified

TOWN = re.compile(r"(街道|镇|乡|苏木)$")
VILLAGE = re.compile(r"(社区|村)$")
COUNTY = re.compile(r"(县|区|旗|市)$")  # 市: a county-level city (琼海市); the gazetteer's level decides
_COUNTY_MENTIONS = 3


MIN_PLACEMENT = 0.5  # below this a masked report's district stays unresolved


def stable_id(kind: str, *parts: str) -> str:
    digest = hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{kind.lower()}-{digest}"


def _district_mentions(r: DocResult) -> list[Entity]:
    return [e for e in r.entities if e.type == EntityType.DISTRICT]


def place_document(r: DocResult, gaz: Gazetteer) -> Place | None:
    """The district that wrote the report.

    A report whose header names who gives it (its title, congress, signature, 我代表…) is placed
    by `kg.author`, at any level. Otherwise the author is a town (街道/镇) the report names in its
    title or opening, or names often, resolved with the text's other places as context. A masked
    author (XX街道, *街道) or one the text never names is placed by the communities the report
    names — only on strong evidence (gazetteer.place_masked); otherwise it stays unresolved (None)."""
    districts = _district_mentions(r)
    names = {id(e): [simplified(n) for n in (e.name, *e.aliases)] for e in districts}  # as the gazetteer spells
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
    counties = _counties(districts, names, gaz, context)
    headline = _headline(r.doc)
    county_headlined = bool(counties) and any(n in headline for n in _spellings(counties[0][0]))
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
        return Place(name=names[id(e)][0], level="town", confidence=0.6,
                     evidence=["named in the text, not in the gazetteer"])
    title = simplified(r.doc.title).strip("【】[] \u3000")
    if TOWN.search(title) and (place := gaz.resolve(title, [*context, *named()])) is not None:
        place.evidence = [f"title: {r.doc.title}", *place.evidence]
        return place  # a portal page titled with its town's name alone (观海卫镇)
    often = counties and counties[0][1] >= (2 if len(counties) == 1 and not towns else _COUNTY_MENTIONS)
    if often and (len(counties) == 1 or counties[1][1] < counties[0][1]):
        place = gaz.resolve(counties[0][0], context)
        if place is not None and place.level == "county":
            return place  # a news item about a county names no town of its own but the county, again and again
    if (place := _spoken_for(r.doc.text, read(r.doc.title).text, districts, counties, names, gaz, context)) is not None:
        return place  # 我区…举行甲区开工仪式: the one district of its kind a text speaking as 我区 names
    if (place := publisher(r.doc, gaz, [*context, *named()])) is not None:
        return place  # 来源：本网-甲区乙镇人民政府: a government's own page, naming no town of its own in the text
    parents = [p.name for n in [*context, *named()] for p in gaz.lookup(n) if p.level in ("county", "city")]
    # only communities the text names as such (塘尾社区, 丹东、应潭等村), never bare common words
    communities = [names[id(e)][0] for e in districts if VILLAGE.search(names[id(e)][0])]
    place = gaz.place_masked("town", communities, parents)
    return place if place is not None and place.confidence >= MIN_PLACEMENT else None


_WE = re.compile(r"我(区|县|市|旗|镇|乡|街道)")
_ALL_OF_US = re.compile(r"[全本](镇|乡|街)(?!道办)")  # 全镇上下, 本街: a town's report speaks so of itself
_BARE_LEVEL = re.compile(r"^(?:\d{4}年度?)?(区|县|市|旗|镇|乡|街道)(?:人民)?(?:政府|办事处)")  # 2013年乡政府…总结


def _spoken_for(text: str, title: str, districts: list[Entity], counties: list[tuple[str, int]],
                names: dict[int, list[str]], gaz: Gazetteer, context: list[str]) -> Place | None:
    """The district a text speaking in its own name (我区, 我镇, 全街; a title's bare 乡政府…工作总结)
    names, when it names one of that kind only: in full, or by a short name the gazetteer knows with
    that kind's suffix (王哥庄 in a text speaking as 全街: 王哥庄街道)."""
    we = {m.group(1) for pattern, said in ((_WE, text), (_ALL_OF_US, text), (_BARE_LEVEL, title))
          for m in pattern.finditer(said)}
    we = {"街道" if level == "街" else level for level in we}
    if we & {"区", "县", "市", "旗"} and len(counties) == 1:
        place = gaz.resolve(counties[0][0], context)
        return place if place is not None and place.level == "county" else None
    if levels := we & {"镇", "乡", "街道"}:
        written = [names[id(e)][0] for e in districts]
        short = [n for n in written if not (TOWN.search(n) or VILLAGE.search(n) or lx.COUNTY_OR_ABOVE.search(n))]
        spelt = {n for n in written if TOWN.search(n)} | {
            n + level for n in short for level in levels
            if (p := gaz.resolve(n + level, context)) is not None and p.level == "town"}
        if len(spelt) == 1:
            place = gaz.resolve(spelt.pop(), context)
            return place if place is not None and place.level == "town" else None
    return None


def _headline(doc: Document) -> str:
    """What an item says it is about: its title, else its first line, when that is a headline's length
    and no site's name (句容热线网, 重庆市垫江县: a county's site publishes its towns' news too)."""
    first = next((line for line in doc.text.splitlines() if line.strip()), "")
    for line in (doc.title, first):
        line = simplified(line).strip()
        if _HEADLINE_LENGTH[0] <= len(line) <= _HEADLINE_LENGTH[1] and not _SITE_NAME.search(line):
            return line
    return ""


_HEADLINE_LENGTH = (6, 40)
_SITE_NAME = re.compile(r"(?:网|网站|门户|政府|[县区市旗])$")


def _spellings(county: str) -> tuple[str, ...]:
    """A county's name and its short form (瓜州县, 瓜州)."""
    short = re.sub(r"(?:自治)?[县区市旗]$", "", county)
    return (county, short) if len(short) >= 2 else (county,)


def _counties(districts: list[Entity], names: dict[int, list[str]], gaz: Gazetteer,
              context: list[str]) -> list[tuple[str, int]]:
    """The counties the text names, most named first, each with its mentions under every spelling
    (凤阳 and 凤阳县 are one county named twice; 襄城 is the one of the places named with it):
    (the gazetteer's name, mentions)."""
    towns = [names[id(e)][0] for e in districts if TOWN.search(names[id(e)][0])]
    mentions: dict[str, int] = defaultdict(int)
    for e in districts:
        written = names[id(e)][0]
        if not COUNTY.search(written) and any(t.startswith(written) for t in towns):
            continue  # 西乡 beside 西乡街道 is the town's short name, not 西乡县's
        if (place := gaz.resolve(written, context)) is not None and place.level == "county":
            mentions[place.name] += len(e.mentions)
    return sorted(mentions.items(), key=lambda c: -c[1])


def _spelled_as(r: DocResult, dids: dict[int, str], home: Place) -> str | None:
    """The report's own spelling of its district where it never writes the official name: its most
    named spelling with a division's suffix (天祝县 for 天祝藏族自治县)."""
    spellings = [e for e in _district_mentions(r) if home.code and dids.get(id(e)) == f"district-{home.code}"
                 and (COUNTY.search(simplified(e.name)) or TOWN.search(simplified(e.name)))]
    return max(spellings, key=lambda e: len(e.mentions)).name if spellings else None


def _district_ids(r: DocResult, gaz: Gazetteer) -> dict[int, str]:
    """District entity → id: its official code where known, else name under the report's district."""
    ids = {}
    context = [r.district.name, *r.district.parents] if r.district else []
    for e in _district_mentions(r):
        name = simplified(e.name)
        place = gaz.resolve(name, context + [simplified(n) for n in (e.name, *e.aliases)])
        if place is None and r.district:
            place = next((c for c in gaz.lookup(name) if r.district.name in c.parents), None)
        e.place = place
        if place and place.code:
            ids[id(e)] = f"district-{place.code}"
        else:
            parent = place.parents[0] if place and place.parents else (r.district.name if r.district else "")
            ids[id(e)] = stable_id("district", core(name), parent)
    return ids


def resolve(results: Iterable[DocResult], gaz: Gazetteer | None = None) -> Corpus:
    """Give every entity its corpus-wide id and derive relations; returns the Corpus."""
    return Corpus(results=list(resolve_each(results, gaz)))


def resolve_each(results: Iterable[DocResult], gaz: Gazetteer | None = None) -> Iterator[DocResult]:
    """`resolve`, one document at a time, each yielded once resolved: an entity is matched against
    those of the documents before it, so the order of `results` is what decides ids, and only the
    index of names seen so far is held, not the documents."""
    gaz = gaz or Gazetteer.load()
    canon: dict[tuple[str, str], _Known] = defaultdict(_Known)
    for r in results:
        r.district = place_document(r, gaz)
        dids = _district_ids(r, gaz)
        home = r.district
        home_key = home.code or home.name if home else ""
        for e in r.entities:
            if e.type == EntityType.DISTRICT:
                e.id = dids[id(e)]
                if home and ((name := simplified(e.name)) == home.name or home.name.startswith(name)):
                    r.district_id = e.id
                    if name == home.name and e.name != name:
                        r.district = home = replace(home, written=e.name)  # 大場鎮: the report's own characters
                continue
            scope = home_key if e.type in (EntityType.PROJECT, EntityType.PROGRAM) else ""
            e.id = _match_or_new(canon[(e.type, scope)], e, scope)
        if home and home.written is None and home.name not in r.doc.text:  # placed by its title: 長風(fēng)鄉
            written = spelled_in(r.doc.text, home.name) or _spelled_as(r, dids, home)
            r.district = home = replace(home, written=written)
        if home and r.district_id is None:
            r.district_id = f"district-{home.code}" if home.code else stable_id("district", home.name)
        for e in r.entities:
            if e.type != EntityType.DISTRICT:
                e.district = r.district_id
        for q in r.quantities:
            q.subject = q.subject or (home.name if home else None)  # the guide: else the report's district
        r.relations = relations(r)
        yield r


class _Known:
    """The things of one type and scope seen so far, indexed so that a new spelling is compared
    only with the filed spellings `same_thing` can accept, found by keys two such spellings must
    share (no key holds a spelling only for a common opening or ending):

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
      meets (first two, any later character) of the longer.

    Every pair `same_thing` accepts shares a key, and a key leads to the spellings filed under it,
    not to their things: a thing that has gathered many spellings costs only those that share a
    key with the new one. So the first match is the one an exhaustive comparison finds
    (tests/test_resolve.py checks it), in time that grows with the number of true neighbours. A
    key is held by its hash alone (two keys of one hash only add a comparison): the index is a
    build's one structure that grows with the corpus, a name files some thirty keys, so each costs
    one dict entry (its hash → a spelling, or a list of them)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.spellings: list[str] = []  # every spelling filed, and the thing it was filed for
        self.owners: list[int] = []
        self.filed: list[set[str]] = []  # the spellings of each thing
        self.by_key: dict[int, int | list[int]] = {}

    @staticmethod
    def keys(name: str) -> tuple[set[str], set[str]]:
        """(keys to file the name under, keys to look it up by)."""
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

    def find(self, keyed: dict[str, tuple[set[str], set[str]]]) -> int | None:
        """The first thing one of whose spellings is the same thing as one of the names `keyed`
        gives the keys of; only the filed spellings that share a key with a name are compared."""
        pairs: set[tuple[int, str]] = set()  # (filed spelling, name)
        for n, (_, probed) in keyed.items():
            for k in probed:
                held = self.by_key.get(hash(k))
                if isinstance(held, int):
                    pairs.add((held, n))
                elif held is not None:
                    pairs.update((s, n) for s in held)
        best = None
        for s, n in pairs:
            i = self.owners[s]
            if (best is None or i < best) and same_thing(n, self.spellings[s]):
                best = i
        return best

    def add(self, i: int, keyed: dict[str, tuple[set[str], set[str]]]) -> None:
        """File the names `keyed` gives the keys of as spellings of thing i (a new thing: i is
        len(ids), its id appended before)."""
        if i == len(self.filed):
            self.filed.append(set())
        for n in keyed.keys() - self.filed[i]:  # a spelling already filed for i files nothing more
            self.filed[i].add(n)
            s = len(self.spellings)
            self.spellings.append(n)
            self.owners.append(i)
            for k in map(hash, keyed[n][0]):
                held = self.by_key.setdefault(k, s)
                if isinstance(held, int) and held != s:
                    self.by_key[k] = [held, s]
                elif isinstance(held, list):
                    held.append(s)


def _match_or_new(known: _Known, e: Entity, scope: str) -> str:
    """Same type and scope, and one spelling the same thing as another: the same id; a new
    thing's id comes from its canonical name and scope (the district, for projects)."""
    # each name's keys, worked out once, on its simplified spelling: 錦秋路 and 锦秋路 are one road
    keyed = {n: known.keys(n) for n in {simplified(e.name), *map(simplified, e.aliases)}}
    i = known.find(keyed)
    if i is None:
        i = len(known.ids)
        known.ids.append(stable_id(e.type, core(simplified(e.name)), scope))
    known.add(i, keyed)
    return known.ids[i]


def relations(r: DocResult) -> list[Relation]:
    """Relations from co-occurrence in one clause or sentence, each with its evidence."""
    out: dict[tuple[str, str, str], Relation] = {}

    def add(s: Entity, p: str, o: Entity | str, ev: list[Mention]) -> None:
        oid = o if isinstance(o, str) else o.id
        if s.id == oid:
            return
        rel = out.setdefault((s.id, p, oid), Relation(s.id, p, oid, r.doc.id))
        rel.evidence.extend(m for m in ev if m not in rel.evidence)

    by_sentence: dict[tuple[int, int], list[tuple[Entity, Mention]]] = defaultdict(list)
    for e in r.entities:
        for m in e.mentions:
            by_sentence[m.sentence].append((e, m))
    for items in by_sentence.values():
        for e, m in items:
            for f, n in items:
                if e is f:
                    continue
                if (e.type == EntityType.PROJECT and f.type == EntityType.DISTRICT and f.place
                        and f.place.level == "village"):
                    add(e, "locatedIn", f, [m, n])
                elif e.type == EntityType.ORGANIZATION and f.type in (EntityType.PROJECT, EntityType.PROGRAM):
                    add(e, "participatesIn", f, [m, n])
                elif e.type == EntityType.PROGRAM and f.type == EntityType.ORGANIZATION:
                    add(e, "runBy", f, [m, n])
                elif e.id < f.id:
                    add(e, "cooccurs", f, [m, n])
    located = {s for s, p, _ in out if p == "locatedIn"}  # in a village the sentence names
    for e in r.entities:
        if e.type == EntityType.DISTRICT and e.place and r.district_id and e.id != r.district_id:
            if r.district and e.place.parents[:1] == [r.district.name]:
                add(e, "partOf", r.district_id, e.mentions[:1])
        elif e.type == EntityType.PROJECT and r.district_id and e.id not in located:
            add(e, "locatedIn", r.district_id, e.mentions[:1])
            located.add(e.id)
        elif e.type == EntityType.PROGRAM and r.district_id:
            add(e, "runBy", r.district_id, e.mentions[:1])
    return list(out.values())


# ---- recurrence and slippage -------------------------------------------------------------

RANK: dict[str | None, int] = {s: i for i, s in enumerate(STAGES)}


@dataclass
class TimelineEntry:
    year: int
    stage: Stage | None
    mode: Mode
    doc: str
    sentence: str
    name: str
    start: int  # the mention's offsets in the document's text
    end: int
    presumed: bool = False  # no cue gave the stage (kg.stages.presume): no evidence of slippage


@dataclass
class Slip:
    """A plan for a year aimed at a stage that no report of a later year shows reached."""

    plan: TimelineEntry
    best: TimelineEntry  # the furthest later stage
    later: list[TimelineEntry]  # every later entry with that stage

    def __str__(self) -> str:
        return f"planned {self.plan.stage} in {self.plan.year}; {self.best.year} shows {self.best.stage}"


@dataclass
class Timeline:
    id: str
    name: str
    entries: list[TimelineEntry] = field(default_factory=list)
    slips: list[Slip] = field(default_factory=list)

    @property
    def slipped(self) -> list[str]:
        """The slippage findings, readable."""
        return [str(x) for x in self.slips]

    @property
    def years(self) -> list[int]:
        return sorted({e.year for e in self.entries})


def timelines(corpus: Corpus, min_years: int = 2) -> list[Timeline]:
    """Projects mentioned for at least `min_years` distinct years, each with its per-year stages."""
    by_id: dict[str, Timeline] = {}
    for r in corpus.results:
        for e in r.entities:
            if e.type != EntityType.PROJECT:
                continue
            t = by_id.setdefault(e.id, Timeline(e.id, e.name))
            for m in e.mentions:
                if m.year is None or m.mode == Mode.OTHER:
                    continue
                s0, s1 = m.sentence
                t.entries.append(TimelineEntry(m.year, m.stage, m.mode, r.doc.id, r.doc.text[s0:s1], m.text,
                                               m.start, m.end, m.presumed))
    return recurring(by_id.values(), min_years)


def recurring(found: Iterable[Timeline], min_years: int = 2) -> list[Timeline]:
    """The timelines dated in at least `min_years` years, entries in order and slips found, most years first."""
    out = []
    for t in found:
        if len(t.years) < min_years:
            continue
        t.entries.sort(key=lambda x: (x.year, x.mode != Mode.REVIEW, -RANK.get(x.stage, -1)))
        t.slips = slips(t.entries)
        out.append(t)
    return sorted(out, key=lambda t: (-len(t.years), t.name))


def slips(entries: list[TimelineEntry]) -> list[Slip]:
    """A plan for year Y aimed at a stage that a report of a later year shows was not reached. Only
    stages read from cues count: a presumed one is no evidence either way."""
    found = []
    cued = [x for x in entries if x.stage is not None and not x.presumed]
    for p in cued:
        if p.mode != Mode.PLAN:
            continue
        later = [x for x in cued if x.year > p.year]
        if later and max(RANK[x.stage] for x in later) < RANK[p.stage]:
            best = max(later, key=lambda x: RANK[x.stage])
            found.append(Slip(p, best, [x for x in later if x.stage == best.stage]))
    return found
