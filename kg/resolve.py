"""Link the same real thing across sections and reports.

Each per-document `Entity` gets a corpus-wide id derived from its canonical name and its
district (never from a counter), so ids are stable from build to build. Districts are
identified by their official division code where the gazetteer knows them; the district that
wrote each report is `kg.placing`'s answer.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from kg.gazetteer import Gazetteer
from kg.model import STAGES, Corpus, DocResult, Entity, EntityType, Mention, Mode, Place, Relation, Stage
from kg.names import core, match_keys, same_thing
from kg.placing import COUNTY, TOWN, district_entities, place_document
from kg.reading import spelled_in
from kg.simplified import simplified


def stable_id(kind: str, *parts: str) -> str:
    digest = hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]
    return f"{kind.lower()}-{digest}"


def _spelled_as(r: DocResult, dids: dict[int, str], home: Place) -> str | None:
    """The report's own spelling of its district where it never writes the official name: its most
    named spelling with a division's suffix (天祝县 for 天祝藏族自治县)."""
    spellings = [e for e in district_entities(r) if home.code and dids.get(id(e)) == f"district-{home.code}"
                 and (COUNTY.search(simplified(e.name)) or TOWN.search(simplified(e.name)))]
    return max(spellings, key=lambda e: len(e.mentions)).name if spellings else None


def _district_ids(r: DocResult, gaz: Gazetteer) -> dict[int, str]:
    """District entity → id: its official code where known, else name under the report's district."""
    ids = {}
    context = [r.district.name, *r.district.parents] if r.district else []
    for e in district_entities(r):
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
    only with the filed spellings `same_thing` can accept, found by the keys two such spellings
    must share (`kg.names.match_keys`). A key leads to the spellings filed under it, not to their
    things: a thing that has gathered many spellings costs only those that share a key with the
    new one. So the first match is the one an exhaustive comparison finds (tests/test_resolve.py
    checks it), in time that grows with the number of true neighbours. A key is held by its hash
    alone (two keys of one hash only add a comparison): the index is a build's one structure that
    grows with the corpus, a name files some thirty keys, so each costs one dict entry (its hash →
    a spelling, or a list of them)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.spellings: list[str] = []  # every spelling filed, and the thing it was filed for
        self.owners: list[int] = []
        self.filed: list[set[str]] = []  # the spellings of each thing
        self.by_key: dict[int, int | list[int]] = {}

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
    keyed = {n: match_keys(n) for n in {simplified(e.name), *map(simplified, e.aliases)}}
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


# How far on a stage is, for slippage: starting and going on are one step, since plans say 加快实施 and
# 加快推进 of the same works in turn, and neither says less was done than the other.
_STEP: dict[str | None, int] = {Stage.PLANNED: 0, Stage.STARTED: 1, Stage.UNDER_WAY: 1, Stage.COMPLETED: 2,
                                Stage.OPERATING: 3}


def after(plan: TimelineEntry, x: TimelineEntry) -> bool:
    """Does `x` tell of the project after `plan` was made: a later year, or the review of the plan's own
    year in another report (a half-year report reviews the year it still plans)?"""
    return x.year > plan.year or (x.year == plan.year and x.mode == Mode.REVIEW and x.doc != plan.doc)


def slips(entries: list[TimelineEntry]) -> list[Slip]:
    """A plan for year Y aimed at a stage that nothing told after it shows reached: neither the review of Y
    nor any report of a later year names a stage as far on. Only stages read from cues count: a presumed
    one is no evidence either way."""
    found = []
    cued = [x for x in entries if x.stage is not None and not x.presumed]
    for p in cued:
        if p.mode != Mode.PLAN:
            continue
        later = [x for x in cued if after(p, x)]
        if later and max(_STEP[x.stage] for x in later) < _STEP[p.stage]:
            best = max(later, key=lambda x: RANK[x.stage])
            found.append(Slip(p, best, [x for x in later if x.stage == best.stage]))
    return found
