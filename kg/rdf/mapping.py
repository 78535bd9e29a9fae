"""Corpus → RDF: `quads` maps a resolved corpus, report by report, onto the ontology in ontology/kg.ttl.

The ontology itself is part of the graph, so SPARQL can compare stage ranks. Every fact keeps its
provenance: a relation is asserted directly *and* as a `kg:Assertion` whose `prov:wasDerivedFrom`
points at the mentions (report, offsets, sentence) it came from.

The mapping streams pyoxigraph quads (all in the default graph) rather than filling an rdflib
graph: at 1.5M triples an rdflib graph takes ~1.5 KB a triple, the stream a few MB in all."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from sys import intern
from typing import Any
from urllib.parse import quote

import pyoxigraph as ox
from rdflib import RDF, XSD, Graph
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg import ledger, manifest
from kg.model import (
    STAGES,
    TYPES,
    Corpus,
    DocResult,
    Entity,
    EntityType,
    Mention,
    Mode,
    Place,
    Quantity,
    Relation,
    Stage,
)
from kg.rdf import iri
from kg.rdf.terms import KG, KGR, MODES, ONTOLOGY, PREDICATES, PREFIXES, to_rdflib
from kg.structure.clauses import sentence_around

_KGR = str(KGR)

class _Terms:
    """pyoxigraph nodes for the terms of one namespace, each made on first use and kept."""

    def __init__(self, namespace: str):
        self._namespace = namespace

    def __getattr__(self, name: str) -> ox.NamedNode:
        node = ox.NamedNode(self._namespace + name)
        setattr(self, name, node)
        return node


_kg, _rdf, _skos, _dct, _prov = (_Terms(str(ns)) for ns in (KG, RDF, SKOS, DCTERMS, PROV))
_GYEAR, _DECIMAL = ox.NamedNode(str(XSD.gYear)), ox.NamedNode(str(XSD.decimal))
_TRUE = ox.Literal("true", datatype=ox.NamedNode(str(XSD.boolean)))


@cache
def _ontology_quads() -> tuple[ox.Quad, ...]:
    """Parsed once: its blank nodes keep one id for the life of the process."""
    return tuple(ox.parse(path=ONTOLOGY, format=ox.RdfFormat.TURTLE))


def quads(results: Iterable[DocResult]) -> Iterator[ox.Quad]:
    """A resolved corpus — its reports, in one pass — as a stream of triples, the ontology first.

    Besides what the reports say, the stream holds a few facts derived at build time so the
    bundled queries stay fast on large graphs: per-entity counts and years, one assertion per
    relation with its evidence counts, recurring projects (`kg:Recurrence`) and slipped plans
    (`kg:Slip`), each traceable to its mentions, the ranks a page of a bundled query is read by
    (`_Tally.ranks`), and the two-character pieces of project names (`kg:nameGram`) that a name
    search looks up instead of reading every name. Each report is mapped as it comes, with the
    relations it gives evidence for; what reports add up to (entities, relation counts,
    timelines, the ledger) is tallied in `_Tally` and mapped at the end. No report is held after
    its turn, nor any text. A triple may come twice (a store keeps one)."""
    m = _Mapper()
    yield from _ontology_quads()
    tally = _Tally()
    for r in results:
        _ReportMapper(m, r).add()
        for rel, evidence, first in tally.add(r):
            m.assertion(rel, r.doc.id, evidence, first)
        yield from m.drain()
    ranks = tally.ranks()
    for eid, facts in tally.entities.items():
        m.entity(eid, facts, ranks.types[eid])
        yield from m.drain()
    for district_id, place in tally.writers.items():
        if district_id not in tally.entities:
            m.writing_district(district_id, place)  # the pipeline knew the author only from the gazetteer
    yield from m.drain()
    for key, count in tally.evidence.items():
        subject, predicate, obj = key
        m.relation_counts(subject, predicate, obj, count, tally.sentences(key), tally.relation_reports[key],
                          ranks.participations.get(key), ranks.pairs.get(key))
        yield from m.drain()
    for project, dated in tally.dated.items():
        if len(dated.years) >= 2:
            m.recurrence(project, sorted(dated.years), ranks.recurrences[project])
            yield from m.drain()
    for slip in tally.slips():
        m.slip(slip)
        yield from m.drain()
    for entry in tally.ledger.entries():
        m.ledger_entry(entry)
        yield from m.drain()


def corpus_to_graph(corpus: Corpus) -> Graph:
    """The same triples as `quads`, as one rdflib graph in memory: for small corpora and tests
    (a build streams them into the store instead, see `write_graph`)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for q in quads(corpus.results):
        g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return g


def _most_common(counts: Counter, tiebreak: Counter | None = None) -> Any:
    """Deterministic winner: most votes, then most `tiebreak` votes, then smallest value."""
    return min(counts, key=lambda k: (-counts[k], -(tiebreak or Counter())[k], str(k)))


def _year(year: int) -> ox.Literal:
    return ox.Literal(f"{year:04d}", datatype=_GYEAR)


def _decimal(x: float) -> ox.Literal:
    """To three places, written as a store writes it back ("1", "0.85")."""
    return ox.Literal(f"{x:.3f}".rstrip("0").rstrip("."), datatype=_DECIMAL)


class _EntityNodes(dict):
    """Entity id → its IRI node, made once per stream (entities are named over and over)."""

    def __missing__(self, eid: str) -> ox.NamedNode:
        node = self[eid] = ox.NamedNode(iri.entity(eid))
        return node


@dataclass(slots=True)
class _EntityFacts:
    """What the per-report records of one entity add up to (one record per report)."""

    names: Counter[str] = field(default_factory=Counter)  # one vote per report
    name_mentions: dict[str, int] = field(default_factory=dict)  # the tiebreak: a name's mentions in its last report
    types: Counter[str] = field(default_factory=Counter)
    labels: set[str] = field(default_factory=set)  # names and aliases
    place: Place | None = None  # the first with a division code, else the first
    districts: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    reports: int = 0
    years: set[int] = field(default_factory=set)

    def add(self, e: Entity) -> None:
        self.names[e.name] += 1
        self.name_mentions[e.name] = len(e.mentions)
        self.types[e.type] += 1
        self.labels.update((e.name, *e.aliases))
        if e.place and (self.place is None or (self.place.code is None and e.place.code is not None)):
            self.place = e.place
        if e.district:
            self.districts[intern(e.district)] += 1
        self.mentions += len(e.mentions)
        self.reports += 1
        self.years.update(m.year for m in e.mentions if m.year is not None)


@dataclass
class _Slip:
    """A plan for `year` aimed at a stage that later reports show was not reached."""

    project: str
    year: int
    aimed: Stage
    reached: Stage
    later_years: list[int]
    evidence: list[str]  # mention IRIs: the plan, and the later mentions of the stage reached


class _Mapper:
    """Adds the triples of one unit (an entity, a report, a relation, a slip); the stream
    takes them with `drain` before the next unit is mapped."""

    def __init__(self) -> None:
        self.quads: list[ox.Quad] = []
        self.entities = _EntityNodes()

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        self.quads.append(ox.Quad(s, p, o))

    def drain(self) -> list[ox.Quad]:
        quads, self.quads = self.quads, []
        return quads

    def entity(self, eid: str, facts: _EntityFacts, rank: int) -> None:
        """One resource for all the per-report records of one entity."""
        s = self.entities[eid]
        pref = _most_common(facts.names, Counter(facts.name_mentions))
        etype = _most_common(facts.types)
        if etype not in TYPES:
            raise ValueError(f"entity {eid} ({pref}): unknown type {etype!r}, expected one of {', '.join(TYPES)}")
        self.add(s, _rdf.type, getattr(_kg, etype))
        self.add(s, _skos.prefLabel, ox.Literal(pref))
        for alt in sorted(facts.labels - {pref}):
            self.add(s, _skos.altLabel, ox.Literal(alt))
        if etype == EntityType.PROJECT:
            for gram in sorted({name[i:i + 2].lower() for name in facts.labels for i in range(len(name) - 1)}):
                self.add(s, _kg.nameGram, ox.Literal(gram))
        if facts.place:
            self.place_facts(s, facts.place.level, facts.place.code)
        if facts.districts:
            self.add(s, _kg.district, self.entities[_most_common(facts.districts)])
        self.add(s, _kg.mentionCount, ox.Literal(facts.mentions))
        self.add(s, _kg.reportCount, ox.Literal(facts.reports))
        self.add(s, _kg.typeRank, ox.Literal(rank))
        for year in sorted(facts.years):
            self.add(s, _kg.yearMentioned, _year(year))

    def place_facts(self, s: ox.NamedNode, level: str, code: str | None) -> None:
        self.add(s, _kg.level, ox.Literal(level))
        if code:
            self.add(s, _kg.divisionCode, ox.Literal(code))

    def writing_district(self, district_id: str, place: Place) -> None:
        s = self.entities[district_id]
        self.add(s, _rdf.type, _kg.District)
        self.add(s, _skos.prefLabel, ox.Literal(place.name))
        self.place_facts(s, place.level, place.code)

    def assertion(self, rel: Relation, doc: str, evidence: Iterable[str], first: bool) -> None:
        """What one report says of a relation: the report and the mentions it was read from; where
        the relation is `first` read, the direct triple and its kg:Assertion."""
        s, p, o = self.entities[rel.subject], getattr(_kg, rel.predicate), self.entities[rel.object]
        a = _assertion(rel.subject, rel.predicate, rel.object)
        if first:
            self.add(s, p, o)
            self.add(a, _rdf.type, _kg.Assertion)
            self.add(a, _rdf.subject, s)
            self.add(a, _rdf.predicate, p)
            self.add(a, _rdf.object, o)
        self.add(a, _kg.inReport, ox.NamedNode(iri.report(doc)))
        for m in evidence:
            self.add(a, _prov.wasDerivedFrom, ox.NamedNode(m))

    def relation_counts(self, subject: str, predicate: str, obj: str, evidence: int, sentences: int,
                        reports: int, participation_rank: int | None, pair_rank: int | None) -> None:
        """A relation's evidence over all reports: its mentions, the sentences naming both ends, the
        reports giving it, and its ranks among participations and among pairs named together."""
        a = _assertion(subject, predicate, obj)
        self.add(a, _kg.evidenceCount, ox.Literal(evidence))
        self.add(a, _kg.evidenceReportCount, ox.Literal(reports))
        if participation_rank is not None:
            self.add(a, _kg.participationRank, ox.Literal(participation_rank))
        if pair_rank is not None:
            self.add(a, _kg.pairRank, ox.Literal(pair_rank))
        if sentences:
            self.add(a, _kg.sentenceCount, ox.Literal(sentences))

    def recurrence(self, project: str, years: list[int], rank: int) -> None:
        """A project dated in two or more years (kg.resolve.recurring): its years and its rank, kept
        on a node of its own so that ranking recurring projects reads only them."""
        s = ox.NamedNode(f"{_KGR}{quote(project, safe='')}/recurrence")
        self.add(s, _rdf.type, _kg.Recurrence)
        self.add(s, _kg.recurrenceOf, self.entities[project])
        self.add(s, _kg.yearCount, ox.Literal(len(years)))
        self.add(s, _kg.recurrenceRank, ox.Literal(rank))
        self.add(s, _kg.yearList, ox.Literal(", ".join(map(str, years))))
        for y in years:
            self.add(s, _kg.datedYear, _year(y))

    def slip(self, slip: _Slip) -> None:
        s = ox.NamedNode(f"{_KGR}{quote(slip.project, safe='')}/slip/{slip.year}-{slip.aimed}")
        self.add(s, _rdf.type, _kg.Slip)
        self.add(s, _kg.slipOf, self.entities[slip.project])
        self.add(s, _kg.planYear, _year(slip.year))
        self.add(s, _kg.aimedStage, getattr(_kg, slip.aimed))
        self.add(s, _kg.reachedStage, getattr(_kg, slip.reached))
        for y in slip.later_years:
            self.add(s, _kg.laterYear, _year(y))
        for m in slip.evidence:
            self.add(s, _prov.wasDerivedFrom, ox.NamedNode(m))


    def ledger_entry(self, e: ledger.Entry) -> None:
        """A target linked to its result (or to none), with the status and the ratio."""
        target = iri.quantity(e.target.doc, e.target.index, e.target.quantity)
        s = ox.NamedNode(iri.ledger_entry(e.district, e.year, target))
        self.add(s, _rdf.type, _kg.LedgerEntry)
        self.add(s, _kg.ledgerOf, self.entities[e.district])
        self.add(s, _kg.indicator, ox.Literal(e.indicator))
        self.add(s, _kg.year, _year(e.year))
        self.add(s, _kg.target, ox.NamedNode(target))
        if e.result is not None:
            self.add(s, _kg.result, ox.NamedNode(iri.quantity(e.result.doc, e.result.index, e.result.quantity)))
            self.add(s, _kg.resultValue, _decimal(ledger.toward(e.target.quantity, e.result.quantity)))
        self.add(s, _kg.status, ox.Literal(e.status))
        if e.ratio is not None:
            self.add(s, _kg.ratio, _decimal(e.ratio))


class _ReportMapper:
    """Adds one DocResult: report, sections, sentences, mentions (relations are corpus-wide)."""

    def __init__(self, mapper: _Mapper, r: DocResult):
        self.m, self.r = mapper, r
        self.report = ox.NamedNode(iri.report(r.doc.id))
        self.mentions: dict[str, ox.NamedNode] = {}
        self.sentences: dict[tuple[int, int], ox.NamedNode] = {}

    def add(self) -> None:
        m, r, rep = self.m, self.r, self.report
        m.add(rep, _rdf.type, _kg.Report)
        m.add(rep, _dct.identifier, ox.Literal(r.doc.id))
        m.add(rep, _dct.title, ox.Literal(r.doc.title or r.doc.id))
        m.add(rep, _kg.sha256, ox.Literal(r.doc.sha256))
        for path in (r.doc.path, *r.doc.also_paths):
            m.add(rep, _kg.sourcePath, ox.Literal(path))
        if url := r.doc.metadata.get(manifest.ADDRESS):
            m.add(rep, _dct.source, ox.NamedNode(iri.page(url)))  # the page it was fetched from
        if r.district_id:
            m.add(rep, _dct.publisher, m.entities[r.district_id])
            if r.district:  # how sure the placement is, and why (the gazetteer's words)
                m.add(rep, _kg.placementConfidence, _decimal(r.district.confidence))
                for reason in r.district.evidence:
                    m.add(rep, _kg.placementEvidence, ox.Literal(reason))
        for i, sec in enumerate(r.sections):
            s = self._section(i)
            m.add(s, _rdf.type, _kg.Section)
            m.add(s, _dct.isPartOf, rep)
            m.add(s, _kg.index, ox.Literal(i))
            if sec.title:
                m.add(s, _dct.title, ox.Literal(sec.title))
            self._span(s, sec.start, sec.end)
            self._when(s, sec.year, sec.mode)
            for k, why in enumerate(sec.evidence):  # what decided year and mode, strongest first
                ev = ox.NamedNode(f"{s.value}/evidence/{k}")
                m.add(s, _prov.wasDerivedFrom, ev)
                m.add(ev, _rdf.type, _kg.DatingEvidence)
                m.add(ev, _kg.evidenceKind, ox.Literal(why.kind))
                m.add(ev, _kg.evidenceRank, ox.Literal(k))
                m.add(ev, _kg.text, ox.Literal(why.text))
                if why.start is not None and why.end is not None:
                    self._span(ev, why.start, why.end)
        for e in r.entities:
            entity = m.entities[e.id]
            m.add(rep, _kg.mentions, entity)
            for mention in e.mentions:
                m.add(self._mention(mention), _kg.mentionOf, entity)
        for rel in r.relations:  # evidence is normally entity mentions; any other span gets its node
            for mention in rel.evidence:
                self._mention(mention)
        for k, q in enumerate(r.quantities):
            self._quantity(k, q)

    def _quantity(self, k: int, q: Quantity) -> None:
        """One observation: what is counted, how much, when, done or aimed at, and its sentence."""
        m = self.m
        s = ox.NamedNode(iri.quantity(self.r.doc.id, k, q))
        m.add(s, _rdf.type, _kg.Quantity)
        m.add(s, _kg.inReport, self.report)
        m.add(s, _kg.indicator, ox.Literal(q.indicator))
        m.add(s, _kg.value, _decimal(q.value))
        if q.high is not None:
            m.add(s, _kg.high, _decimal(q.high))
        m.add(s, _kg.unit, ox.Literal(q.unit))
        m.add(s, _kg.quantityKind, ox.Literal(q.kind))
        m.add(s, _kg.bound, ox.Literal(q.bound))
        if q.falls:
            m.add(s, _kg.falls, _TRUE)
        m.add(s, _kg.quantityMode, ox.Literal(q.mode))
        if q.year is not None:
            m.add(s, _kg.year, _year(q.year))
        if q.subject:
            m.add(s, _kg.subjectName, ox.Literal(q.subject))
        if q.period:
            m.add(s, _kg.period, ox.Literal(q.period))
        self._span(s, q.start, q.end)
        m.add(s, _prov.wasDerivedFrom, self._sentence(*sentence_around(self.r.doc.text, q.start)))

    def _section(self, i: int) -> ox.NamedNode:
        return ox.NamedNode(f"{self.report.value}/section/{i}")

    def _span(self, s: ox.NamedNode, start: int, end: int) -> None:
        self.m.add(s, _kg.startOffset, ox.Literal(start))
        self.m.add(s, _kg.endOffset, ox.Literal(end))

    def _when(self, s: ox.NamedNode, year: int | None, mode: str) -> None:
        if year is not None:
            self.m.add(s, _kg.year, _year(year))
        if mode not in MODES:
            raise ValueError(f"{self.r.doc.id}: unknown mode {mode!r}, expected one of {', '.join(MODES)}")
        self.m.add(s, _kg.mode, getattr(_kg, mode))

    def _mention(self, mention: Mention) -> ox.NamedNode:
        """The mention node (made once per span, however many entities or relations cite it)."""
        name = iri.mention(self.r.doc.id, mention)
        s = self.mentions.get(name)
        if s is not None:
            return s
        s = self.mentions[name] = ox.NamedNode(name)
        m, doc = self.m, self.r.doc.id
        m.add(s, _rdf.type, _kg.Mention)
        m.add(s, _kg.inReport, self.report)
        m.add(s, _kg.text, ox.Literal(mention.text))
        self._span(s, mention.start, mention.end)
        m.add(s, _kg.inSentence, self._sentence(*mention.sentence))
        if mention.section is not None:
            if not 0 <= mention.section < len(self.r.sections):
                raise ValueError(f"{doc}: mention {mention.text!r} at {mention.start} points to section "
                                 f"{mention.section}, but the report has {len(self.r.sections)}")
            m.add(s, _kg.inSection, self._section(mention.section))
        self._when(s, mention.year, mention.mode)
        if mention.stage is not None:
            if mention.stage not in STAGES:
                raise ValueError(f"{doc}: mention {mention.text!r} at {mention.start} has unknown stage "
                                 f"{mention.stage!r}")
            m.add(s, _kg.stage, getattr(_kg, mention.stage))
        if mention.stage_cue:
            m.add(s, _kg.stageCue, ox.Literal(mention.stage_cue))
        elif mention.presumed:
            m.add(s, _kg.stagePresumed, _TRUE)
        return s

    def _sentence(self, start: int, end: int) -> ox.NamedNode:
        s = self.sentences.get((start, end))
        if s is None:
            s = self.sentences[start, end] = ox.NamedNode(f"{self.report.value}/sentence/{start}-{end}")
            self.m.add(s, _rdf.type, _kg.Sentence)
            self.m.add(s, _kg.inReport, self.report)
            self.m.add(s, _kg.text, ox.Literal(self.r.doc.text[start:end].strip()))
            self._span(s, start, end)
        return s


def _assertion(subject: str, predicate: str, obj: str) -> ox.NamedNode:
    return ox.NamedNode(f"{_KGR}assertion/{quote(subject, safe='')}/{predicate}/{quote(obj, safe='')}")


@dataclass(slots=True)
class _Dated:
    """A project's dated mentions, as much as finding its slips needs: the years, and each
    mention with a stage as (year, stage, mode, report, start, end)."""

    years: set[int] = field(default_factory=set)
    staged: list[tuple[int, Stage, Mode, str, int, int]] = field(default_factory=list)


def _ranked(items: Iterable[tuple[Any, Any]]) -> dict[Any, int]:
    """Each item's position, from 1, in the order of its sort key."""
    return {item: k for k, (_, item) in enumerate(sorted(items), 1)}


@dataclass
class _Ranks:
    """The positions `_Tally.ranks` works out: a bundled query reads a page by rank, one index,
    instead of sorting every count it would otherwise look up."""

    types: dict[str, int]
    recurrences: dict[str, int]
    participations: dict[tuple[str, str, str], int]
    pairs: dict[tuple[str, str, str], int]


class _Tally:
    """What the reports add up to, read one report at a time: each entity's facts, the writing
    districts, each relation's evidence count, how many sentences name each pair of entities,
    the projects' dated stages and the ledger's figures. Ids are interned: each is held once."""

    def __init__(self) -> None:
        self.entities: dict[str, _EntityFacts] = {}
        self.writers: dict[str, Place] = {}  # district id → the first report it wrote, placed by the gazetteer
        self.evidence: dict[tuple[str, str, str], int] = {}
        self.relation_reports: Counter[tuple[str, str, str]] = Counter()
        self.together: Counter[tuple[str, str]] = Counter()
        self.dated: dict[str, _Dated] = {}
        self.ledger = ledger.Book()

    def add(self, r: DocResult) -> list[tuple[Relation, list[str], bool]]:
        """Tally one report; returns each of its relations with the mentions it rests on (IRIs),
        and whether no report before gave it."""
        by_sentence: dict[tuple[int, int], set[str]] = defaultdict(set)
        for e in r.entities:
            if not e.id:
                raise ValueError(f"entity {e.name!r} has no id: the corpus must be resolved before mapping")
            eid = intern(e.id)
            facts = self.entities.get(eid) or self.entities.setdefault(eid, _EntityFacts())
            facts.add(e)
            for m in e.mentions:
                by_sentence[m.sentence].add(eid)
            if e.type == EntityType.PROJECT:
                self._date(eid, r.doc.id, e.mentions)
        if r.district_id and r.district:
            self.writers.setdefault(intern(r.district_id), r.district)
        for ids in by_sentence.values():
            self.together.update(combinations(sorted(ids), 2))
        self.ledger.add(r)
        found = []
        given: set[tuple[str, str, str]] = set()
        for rel in r.relations:
            if rel.predicate not in PREDICATES:
                raise ValueError(f"{r.doc.id}: unknown relation {rel.predicate!r}, "
                                 f"expected one of {', '.join(PREDICATES)}")
            key = (intern(rel.subject), intern(rel.predicate), intern(rel.object))
            evidence = list(dict.fromkeys(iri.mention(r.doc.id, m) for m in rel.evidence))
            found.append((rel, evidence, key not in self.evidence))
            if key not in given:
                given.add(key)
                self.relation_reports[key] += 1
            self.evidence[key] = self.evidence.get(key, 0) + len(evidence)  # IRIs name their report: no repeats
        return found

    def ranks(self) -> _Ranks:
        """Where each thing stands among its kind, best first, ids breaking ties: entities of one type
        by reports then mentions, recurring projects by years then reports, participations by
        evidence, pairs named together by sentences then reports."""
        by_type: dict[str, list[tuple[tuple[int, int, str], str]]] = defaultdict(list)
        for eid, f in self.entities.items():
            by_type[_most_common(f.types)].append(((-f.reports, -f.mentions, eid), eid))
        types: dict[str, int] = {}
        for items in by_type.values():
            types.update(_ranked(items))
        recurrences = _ranked(((-len(d.years), -self.entities[p].reports, p), p)
                              for p, d in self.dated.items() if len(d.years) >= 2)
        participations = _ranked(((-n, key), key) for key, n in self.evidence.items() if key[1] == "participatesIn")
        pairs = _ranked(((-n, -self.relation_reports[k], k), k) for k in self.evidence if (n := self.sentences(k)))
        return _Ranks(types, recurrences, participations, pairs)

    def sentences(self, key: tuple[str, str, str]) -> int:
        """How many sentences name both ends of the relation `key` (subject, predicate, object)."""
        subject, _, obj = key
        return self.together[min(subject, obj), max(subject, obj)]

    def _date(self, project: str, doc: str, mentions: list[Mention]) -> None:
        for m in mentions:
            if m.year is None or m.mode == Mode.OTHER:
                continue
            dated = self.dated.get(project) or self.dated.setdefault(project, _Dated())
            dated.years.add(m.year)
            if m.stage is not None and not m.presumed:  # slippage rests on cues only
                dated.staged.append((m.year, m.stage, m.mode, intern(doc), m.start, m.end))

    def slips(self) -> Iterator[_Slip]:
        """The slipped plans kg.resolve finds, one per project, plan year and aimed stage, with the
        mentions they rest on: the plan and the later mentions of the stage reached."""
        from kg.resolve import TimelineEntry, after, slips  # resolve imports the extractor: load it only to map

        for project, dated in self.dated.items():
            if len(dated.years) < 2:
                continue  # not a recurring project (kg.resolve.recurring)
            entries = [TimelineEntry(year, stage, mode, doc, sentence="", name="", start=start, end=end)
                       for year, stage, mode, doc, start, end in dated.staged]  # slips read no text
            found: dict[tuple[int, Stage], _Slip] = {}
            for x in slips(entries):
                if x.plan.stage is None or x.best.stage is None:
                    continue  # a slip is between two stages; kg.resolve finds none without
                slip = found.setdefault((x.plan.year, x.plan.stage), _Slip(
                    project, x.plan.year, x.plan.stage, x.best.stage,
                    sorted({e.year for e in entries if after(x.plan, e)}), []))
                slip.evidence += [f"{iri.report(e.doc)}/mention/{e.start}-{e.end}" for e in (x.plan, *x.later)]
            for slip in found.values():
                slip.evidence = list(dict.fromkeys(slip.evidence))
                yield slip
