"""The knowledge graph as RDF: mapping, on-disk store, exports, SPARQL, SHACL, graph view.

`quads` maps a resolved `Corpus` onto the ontology in ontology/kg.ttl (the ontology itself is
part of the graph, so SPARQL can compare stage ranks). Every fact keeps its provenance: a
relation is asserted directly *and* as a `kg:Assertion` whose `prov:wasDerivedFrom` points at
the mentions (report, offsets, sentence) it came from. A build never holds the graph in
memory: `write_graph` streams the triples into the on-disk store and writes the exports from
it, and `validate_store` checks the store against the SHACL shapes a batch at a time.

User queries never run in this process: pyoxigraph has no query timeout and its evaluation
cannot be interrupted from Python, so a runaway query in a thread would burn a core until it
finished. Queries run in a worker process holding its own read-only handle on the store;
on timeout the worker is killed and a fresh one started, and the caller's store stays usable.
"""

from __future__ import annotations

import csv
import difflib
import gc
import io
import json
import os
import queue
import re
import socket
import subprocess
import sys
import unicodedata
import weakref
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import chain, combinations, groupby, islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

import pyoxigraph as ox
from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.model import STAGES, TYPES, Corpus, DocResult, Entity, Mention

if TYPE_CHECKING:
    import networkx as nx

_HERE = Path(__file__).resolve().parent
# Package data (the repository's top-level ontology/ links here).
ONTOLOGY_DIR = _HERE / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
QUERIES_DIR = _HERE / "queries"

KG = Namespace("https://w3id.org/kg-reports/ontology#")
KGR = Namespace("https://w3id.org/kg-reports/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PREFIXES = {
    "kg": str(KG), "kgr": str(KGR), "rdf": str(RDF), "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#", "xsd": str(XSD), "skos": str(SKOS), "dcterms": str(DCTERMS),
    "prov": str(PROV), "org": str(ORG), "schema": str(SCHEMA),
}
PREDICATES = ("partOf", "locatedIn", "participatesIn", "runBy", "publishedBy", "cooccurs")
MODES = ("review", "plan", "other")
# N-Quads put everything in one named graph, so the dataset can sit beside others in a quad store.
DATASET_GRAPH = "https://w3id.org/kg-reports/graph"
UPDATE_REFUSED = "updates are not allowed: the store is read-only"


# ---- IRIs ------------------------------------------------------------------------------------

_KGR = str(KGR)


def _entity(entity_id: str) -> str:
    return f"{_KGR}{quote(entity_id, safe='')}"


def _report(doc_id: str) -> str:
    return f"{_KGR}report/{quote(doc_id, safe='')}"


def _mention(doc_id: str, m: Mention) -> str:
    return f"{_report(doc_id)}/mention/{m.start}-{m.end}"


def entity_iri(entity_id: str) -> URIRef:
    return URIRef(_entity(entity_id))


def report_iri(doc_id: str) -> URIRef:
    return URIRef(_report(doc_id))


def entity_id(iri: str) -> str:
    """The corpus-wide entity id an entity IRI was minted from."""
    return unquote(iri.removeprefix(_KGR))


def _local(iri: str | None) -> str | None:
    return None if iri is None else iri.rsplit("#", 1)[-1]


# ---- Corpus → RDF ------------------------------------------------------------------------------
#
# The mapping streams pyoxigraph quads (all in the default graph) rather than filling an rdflib
# graph: at 1.5M triples an rdflib graph takes ~1.5 KB a triple, the stream a few MB in all.

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
_DEFAULT = ox.DefaultGraph()


@cache
def _ontology_quads() -> tuple[ox.Quad, ...]:
    """Parsed once: its blank nodes keep one id for the life of the process."""
    return tuple(ox.parse(path=ONTOLOGY, format=ox.RdfFormat.TURTLE))


def quads(corpus: Corpus) -> Iterator[ox.Quad]:
    """The whole corpus as a stream of triples, the ontology first.

    Besides what the reports say, the stream holds a few facts derived at build time so the
    bundled queries stay fast on large graphs: per-entity counts and years, one assertion
    per relation with its evidence counts, and slipped plans (`kg:Slip`), each traceable
    to its mentions. One entity, report, relation or slip is mapped at a time; only the
    corpus-wide tallies of relations are held. A triple may come twice (a store keeps one)."""
    m = _Mapper()
    yield from _ontology_quads()
    groups = corpus.entities()
    for eid, ents in groups.items():
        m.entity(eid, ents)
        yield from m.drain()
    minted: set[str] = set()
    for r in corpus.results:
        if r.district_id and r.district and r.district_id not in groups and r.district_id not in minted:
            m.writing_district(r)  # the pipeline knew the author only from the gazetteer
            minted.add(r.district_id)
        _ReportMapper(m, r).add()
        yield from m.drain()
    for relation in _relations(corpus):
        m.relation(relation)
        yield from m.drain()
    for slip in _slips(corpus):
        m.slip(slip)
        yield from m.drain()


def corpus_to_graph(corpus: Corpus) -> Graph:
    """The same triples as `quads`, as one rdflib graph in memory: for small corpora and tests
    (a build streams them into the store instead, see `write_graph`)."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for q in quads(corpus):
        g.add((_rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object)))
    return g


_XSD_STRING = str(XSD.string)


def _rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Any:
    """The rdflib term for a pyoxigraph one (an xsd:string literal becomes a plain literal, as
    rdflib writes it)."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))


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
        node = self[eid] = ox.NamedNode(_entity(eid))
        return node


@dataclass
class _Relation:
    """One relation of the corpus with everything read for it across reports."""

    subject: str
    predicate: str
    object: str
    docs: set[str] = field(default_factory=set)
    evidence: dict[str, None] = field(default_factory=dict)  # mention IRIs, in the order first read
    sentences: int = 0  # sentences naming both ends


@dataclass
class _Slip:
    """A plan for `year` aimed at a stage that later reports show was not reached."""

    project: str
    year: int
    aimed: str
    reached: str
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

    def entity(self, eid: str, ents: list[Entity]) -> None:
        """One resource for all the per-document records of one entity."""
        if not eid:
            raise ValueError(f"entity {ents[0].name!r} has no id: the corpus must be resolved before mapping")
        s = self.entities[eid]
        names = Counter(e.name for e in ents)  # one vote per document
        pref = _most_common(names, Counter({e.name: len(e.mentions) for e in ents}))
        etype = _most_common(Counter(e.type for e in ents))
        if etype not in TYPES:
            raise ValueError(f"entity {eid} ({pref}): unknown type {etype!r}, expected one of {', '.join(TYPES)}")
        self.add(s, _rdf.type, getattr(_kg, etype))
        self.add(s, _skos.prefLabel, ox.Literal(pref))
        for alt in sorted({*names, *(a for e in ents for a in e.aliases)} - {pref}):
            self.add(s, _skos.altLabel, ox.Literal(alt))
        places = sorted((e.place for e in ents if e.place), key=lambda p: p.code is None)
        if places:
            self.place_facts(s, places[0].level, places[0].code)
        districts = Counter(e.district for e in ents if e.district)
        if districts:
            self.add(s, _kg.district, self.entities[_most_common(districts)])
        self.add(s, _kg.mentionCount, ox.Literal(sum(len(e.mentions) for e in ents)))
        self.add(s, _kg.reportCount, ox.Literal(len(ents)))  # corpus.entities() gives one record per report
        for year in sorted({m.year for e in ents for m in e.mentions if m.year is not None}):
            self.add(s, _kg.yearMentioned, _year(year))

    def place_facts(self, s: ox.NamedNode, level: str, code: str | None) -> None:
        self.add(s, _kg.level, ox.Literal(level))
        if code:
            self.add(s, _kg.divisionCode, ox.Literal(code))

    def writing_district(self, r: DocResult) -> None:
        s = self.entities[r.district_id]
        self.add(s, _rdf.type, _kg.District)
        self.add(s, _skos.prefLabel, ox.Literal(r.district.name))
        self.place_facts(s, r.district.level, r.district.code)

    def relation(self, rel: _Relation) -> None:
        """The direct triple, and one kg:Assertion with every report and mention it was read from."""
        s, p, o = self.entities[rel.subject], getattr(_kg, rel.predicate), self.entities[rel.object]
        a = ox.NamedNode(f"{_KGR}assertion/{quote(rel.subject, safe='')}/{rel.predicate}/"
                         f"{quote(rel.object, safe='')}")
        self.add(s, p, o)
        self.add(a, _rdf.type, _kg.Assertion)
        self.add(a, _rdf.subject, s)
        self.add(a, _rdf.predicate, p)
        self.add(a, _rdf.object, o)
        for doc in sorted(rel.docs):
            self.add(a, _kg.inReport, ox.NamedNode(_report(doc)))
        for m in rel.evidence:
            self.add(a, _prov.wasDerivedFrom, ox.NamedNode(m))
        self.add(a, _kg.evidenceCount, ox.Literal(len(rel.evidence)))
        if rel.sentences:
            self.add(a, _kg.sentenceCount, ox.Literal(rel.sentences))

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


class _ReportMapper:
    """Adds one DocResult: report, sections, sentences, mentions (relations are corpus-wide)."""

    def __init__(self, mapper: _Mapper, r: DocResult):
        self.m, self.r = mapper, r
        self.report = ox.NamedNode(_report(r.doc.id))
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
                e = ox.NamedNode(f"{s.value}/evidence/{k}")
                m.add(s, _prov.wasDerivedFrom, e)
                m.add(e, _rdf.type, _kg.DatingEvidence)
                m.add(e, _kg.evidenceKind, ox.Literal(why.kind))
                m.add(e, _kg.evidenceRank, ox.Literal(k))
                m.add(e, _kg.text, ox.Literal(why.text))
                if why.start is not None and why.end is not None:
                    self._span(e, why.start, why.end)
        for e in r.entities:
            entity = m.entities[e.id]
            m.add(rep, _kg.mentions, entity)
            for mention in e.mentions:
                m.add(self._mention(mention), _kg.mentionOf, entity)
        for rel in r.relations:  # evidence is normally entity mentions; any other span gets its node
            for mention in rel.evidence:
                self._mention(mention)

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
        iri = _mention(self.r.doc.id, mention)
        s = self.mentions.get(iri)
        if s is not None:
            return s
        s = self.mentions[iri] = ox.NamedNode(iri)
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


def _relations(corpus: Corpus) -> Iterator[_Relation]:
    """Each relation once, with every report and mention it was read from, and how many
    sentences name both ends."""
    together: Counter[tuple[str, str]] = Counter()
    found: dict[tuple[str, str, str], _Relation] = {}
    for r in corpus.results:
        by_sentence: dict[tuple[int, int], set[str]] = defaultdict(set)
        for e in r.entities:
            for m in e.mentions:
                by_sentence[m.sentence].add(e.id)
        for ids in by_sentence.values():
            together.update(combinations(sorted(ids), 2))
        for rel in r.relations:
            if rel.predicate not in PREDICATES:
                raise ValueError(f"{r.doc.id}: unknown relation {rel.predicate!r}, "
                                 f"expected one of {', '.join(PREDICATES)}")
            key = (rel.subject, rel.predicate, rel.object)
            found_rel = found.get(key) or found.setdefault(key, _Relation(*key))
            found_rel.docs.add(r.doc.id)
            found_rel.evidence.update(dict.fromkeys(_mention(r.doc.id, m) for m in rel.evidence))
    for rel in found.values():
        rel.sentences = together[min(rel.subject, rel.object), max(rel.subject, rel.object)]
        yield rel


def _slips(corpus: Corpus) -> list[_Slip]:
    """The slipped plans kg.resolve finds, one per project, plan year and aimed stage, with the
    mentions they rest on: the plan and the later mentions of the stage reached."""
    from kg.resolve import timelines  # resolve imports the extractor: load it only to map a corpus

    found: dict[tuple[str, int, str], _Slip] = {}
    for t in timelines(corpus, min_years=2):
        for x in t.slips:
            key = (t.id, x.plan.year, x.plan.stage)
            slip = found.setdefault(key, _Slip(t.id, x.plan.year, x.plan.stage, x.best.stage, sorted(
                {e.year for e in t.entries if e.year > x.plan.year and e.stage is not None}), []))
            slip.evidence += [f"{_report(e.doc)}/mention/{e.start}-{e.end}" for e in (x.plan, *x.later)]
    for slip in found.values():
        slip.evidence = list(dict.fromkeys(slip.evidence))
    return list(found.values())


# ---- store and exports ---------------------------------------------------------------------------

def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


_LOAD_BATCH = 100_000  # quads per bulk load: ~100 MB


def save_store(source: Graph | Iterable[ox.Quad], store_dir: Path) -> int:
    """Bulk-load triples — a stream of quads such as `quads(corpus)`, or an rdflib graph — into
    a new on-disk Oxigraph store, closed when this returns. Returns how many triples it holds."""
    store_dir = Path(store_dir)
    if store_dir.exists() and any(store_dir.iterdir()):
        raise FileExistsError(f"{store_dir}: not empty; a store is written into a new folder")
    store_dir.mkdir(parents=True, exist_ok=True)
    store = ox.Store(str(store_dir))
    if isinstance(source, Graph):
        store.bulk_load(_ntriples(source), ox.RdfFormat.N_TRIPLES)
    else:
        quads = iter(source)
        for first in quads:  # the bulk loader holds what one call gives it: ~1 GB for 1.5M triples
            store.bulk_extend(chain([first], islice(quads, _LOAD_BATCH - 1)))
    store.optimize()
    store.flush()
    count = len(store)
    del store  # the last reference: RocksDB closes its files here
    return count


def export(source: Graph | Path, out_dir: Path) -> dict[str, Path]:
    """graph.ttl, graph.nt, graph.nq (one named graph) and graph.jsonld in out_dir, written by
    Oxigraph from a store folder (streamed, whatever the size) or from an rdflib graph."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if isinstance(source, Graph):
        store = ox.Store()
        store.bulk_load(_ntriples(source), ox.RdfFormat.N_TRIPLES)
    else:
        store = ox.Store.read_only(str(source))
    paths = {ext: out_dir / f"graph.{ext}" for ext in ("nt", "ttl", "jsonld", "nq")}
    store.dump(paths["nt"], ox.RdfFormat.N_TRIPLES, from_graph=_DEFAULT)
    # The other formats from graph.nt: reading it back is ~3× faster than the store's own dump.
    for ext, fmt in (("ttl", ox.RdfFormat.TURTLE), ("jsonld", ox.RdfFormat.JSON_LD)):
        ox.serialize(ox.parse(path=paths["nt"], format=ox.RdfFormat.N_TRIPLES), paths[ext], fmt,
                     prefixes=PREFIXES if fmt is ox.RdfFormat.TURTLE else None)
    in_graph = f" <{DATASET_GRAPH}> .\n".encode()
    with open(paths["nt"], "rb") as nt, open(paths["nq"], "wb") as nq:
        nq.writelines(line.removesuffix(b" .\n") + in_graph for line in nt)  # Oxigraph ends each line so
    return paths


def write_graph(corpus: Corpus, out_dir: Path) -> int:
    """The build's RDF outputs: out_dir/store and out_dir/graph.{ttl,nt,nq,jsonld}, streamed
    from the corpus without its graph ever being in memory. Returns the number of triples."""
    out_dir = Path(out_dir)
    count = save_store(quads(corpus), out_dir / "store")
    export(out_dir / "store", out_dir)
    return count


class StoreError(Exception):
    """The store folder is missing or is not an Oxigraph store."""


class QueryError(Exception):
    """A query that cannot run: its message, and where the parser stopped when it is a syntax error."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}: " if self.line is not None else ""
        return where + self.message


class UpdateRefused(QueryError):
    """An update (INSERT, DELETE, LOAD, …) sent to the read-only store."""

    def __init__(self) -> None:
        super().__init__(UPDATE_REFUSED)


class QueryTimeout(Exception):
    """The query ran past its time limit and was stopped."""


def _worker_main(path: str, fd: int) -> None:
    """Worker process: answer queries on a read-only store until the socket closes."""
    conn = Connection(fd)
    try:
        store = ox.Store.read_only(path)
    except OSError as e:
        conn.send(("error", f"cannot open the store {path}: {e}"))
        return
    conn.send(("ready", b""))
    while True:
        try:
            sparql = conn.recv()
        except EOFError:
            return
        try:
            result = store.query(sparql)
            if isinstance(result, ox.QuerySolutions):
                conn.send(("select", result.serialize(format=ox.QueryResultsFormat.JSON)))
            elif isinstance(result, ox.QueryBoolean):
                conn.send(("ask", result.serialize(format=ox.QueryResultsFormat.JSON)))
            else:
                conn.send(("construct", result.serialize(format=ox.RdfFormat.N_TRIPLES)))
        except SyntaxError as e:
            conn.send(("syntax", str(e)))
        except Exception as e:  # noqa: BLE001 - reported to the caller, the worker stays up
            conn.send(("error", f"{type(e).__name__}: {e}"))


# A plain subprocess rather than multiprocessing: spawning would re-import the caller's main
# script, which breaks any script without an `if __name__ == "__main__"` guard.
_WORKER_CODE = "import sys; from kg.rdf import _worker_main; _worker_main(sys.argv[1], int(sys.argv[2]))"


class _Worker:
    """One query process and the socket to it."""

    START_TIMEOUT = 60.0

    def __init__(self, path: Path):
        mine, theirs = socket.socketpair()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _WORKER_CODE, str(path), str(theirs.fileno())], pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL, env=_child_env())
        theirs.close()
        self.conn = Connection(mine.detach())
        weakref.finalize(self, self.proc.kill)  # never outlive the caller, even if it forgets close()
        if not self.conn.poll(self.START_TIMEOUT):
            self.kill()
            raise StoreError(f"the query process for {path} did not start within {self.START_TIMEOUT:g} s")
        try:
            kind, payload = self.conn.recv()
        except EOFError:
            kind, payload = "error", f"the query process for {path} exited at start (see the messages above)"
        if kind != "ready":
            self.kill()
            raise StoreError(payload)

    def ask(self, sparql: str, timeout: float) -> tuple[str, Any]:
        self.conn.send(sparql)
        if not self.conn.poll(timeout):
            raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
        try:
            return self.conn.recv()
        except EOFError:
            raise QueryError("the query process died (out of memory?); try a narrower query") from None

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self.conn.close()

    def close(self) -> None:
        self.conn.close()  # the worker sees EOF and exits
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.kill()


def _open_read_only(path: Path) -> ox.Store:
    if not (path / "CURRENT").is_file():
        raise StoreError(f"{path}: no Oxigraph store here (run `kg build` first)")
    try:
        return ox.Store.read_only(str(path))
    except OSError as e:
        raise StoreError(f"{path}: cannot open the store: {e}") from e


class KGStore:
    """A read-only Oxigraph store on disk: `store` for trusted in-process reads (graph_view),
    and a small pool of worker processes that run user queries under a time limit."""

    def __init__(self, path: Path, workers: int = 1):
        self.path = Path(path)
        self.store = _open_read_only(self.path)
        self.workers = workers
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        for _ in range(workers):
            self._idle.put(None)  # started on first use

    def __len__(self) -> int:
        return len(self.store)

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, sparql: str, timeout: float) -> tuple[str, Any]:
        """(kind, payload) from a worker; a worker that times out or fails is replaced."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"all {self.workers} query processes stayed busy for {timeout:g} s") from None
        try:
            worker = worker or _Worker(self.path)
            return worker.ask(sparql, timeout)
        except BaseException:
            if worker is not None:
                worker.kill()
            worker = None
            raise
        finally:
            self._idle.put(worker)

    def close(self) -> None:
        """Stop the worker processes (the in-process handle closes with the object)."""
        for _ in range(self.workers):
            worker = self._idle.get()
            if worker is not None:
                worker.close()
            self._idle.put(None)


def open_store(store_dir: Path, workers: int = 1) -> KGStore:
    """Open a store written by `save_store`, read-only; `workers` bounds concurrent queries."""
    return KGStore(Path(store_dir), workers=workers)


# ---- queries ---------------------------------------------------------------------------------------

@dataclass
class QueryResult:
    """What a query returned. `raw` is the store's own serialization: SPARQL 1.1 Results
    JSON for SELECT and ASK, N-Triples for CONSTRUCT and DESCRIBE."""

    kind: str  # select | ask | construct
    raw: bytes
    vars: list[str] = field(default_factory=list)
    bindings: list[dict[str, dict]] = field(default_factory=list)  # SPARQL JSON terms, per row
    boolean: bool | None = None

    @classmethod
    def from_worker(cls, kind: str, raw: bytes) -> QueryResult:
        if kind == "construct":
            return cls(kind, raw)
        data = json.loads(raw)
        if kind == "ask":
            return cls(kind, raw, boolean=data["boolean"])
        return cls(kind, raw, vars=data["head"]["vars"], bindings=data["results"]["bindings"])

    @cached_property
    def rows(self) -> list[tuple]:
        """SELECT rows as Python values: IRIs as rdflib URIRef (a str), numbers and years as
        int/float, booleans as bool, other literals as str, unbound as None."""
        return [tuple(_python(b.get(v)) for v in self.vars) for b in self.bindings]

    @cached_property
    def triples(self) -> list[tuple]:
        """CONSTRUCT triples as rdflib terms."""
        if self.kind != "construct":
            return []
        return list(Graph().parse(data=self.raw.decode("utf-8"), format="nt"))


_INTEGER_TYPES = {str(XSD[t]) for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                        "positiveInteger", "unsignedInt", "unsignedLong", "gYear")}
_FLOAT_TYPES = {str(XSD[t]) for t in ("decimal", "double", "float")}


def _python(term: dict | None) -> Any:
    if term is None:
        return None
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    dtype = term.get("datatype")
    try:
        if dtype in _INTEGER_TYPES:
            return int(value)
        if dtype in _FLOAT_TYPES:
            return float(value)
    except (TypeError, ValueError):
        return value
    if dtype == str(XSD.boolean):
        return value in ("true", "1")
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


_PROLOGUE = re.compile(r"(?:\s+|\#[^\n]*|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)*", re.IGNORECASE)
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_SYNTAX = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)
_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def is_update(sparql: str) -> bool:
    """Whether the text is a SPARQL update (after its PREFIX/BASE prologue and comments)."""
    rest = sparql[_PROLOGUE.match(sparql).end():]
    word = re.match(r"[A-Za-z]+", rest)
    return bool(word) and word.group().upper() in _UPDATE_WORDS


def bind_params(sparql: str, params: dict[str, str]) -> str:
    """Fill declared parameters: a query declares `VALUES ?name { UNDEF }`, and the value
    (a string, or an IRI written <…>) replaces UNDEF. Unset parameters stay unbound."""
    for name, value in params.items():
        if not _PARAM_NAME.fullmatch(name):
            raise QueryError(f"bad parameter name {name!r}")
        slot = re.compile(r"(VALUES\s+[?$]" + name + r"\s*\{\s*)UNDEF(\s*\})", re.IGNORECASE)
        if not slot.search(sparql):
            raise QueryError(f"the query has no parameter ?{name} "
                             f"(a query declares one as VALUES ?{name} {{ UNDEF }})")
        if value.startswith("<") and value.endswith(">") and not re.search(r'[\s<>"{}|^`\\]', value[1:-1]):
            term = value
        else:
            term = json.dumps(value, ensure_ascii=False)  # a JSON string is a valid SPARQL string literal
        sparql = slot.sub(lambda m, t=term: m.group(1) + t + m.group(2), sparql)
    return sparql


def run_query(store: KGStore, sparql: str, timeout: float = 30.0,
              params: dict[str, str] | None = None) -> QueryResult:
    """Run a read-only SPARQL query with a time limit.

    Raises QueryError (syntax errors carry line and column), UpdateRefused for updates,
    QueryTimeout when the query runs past `timeout` seconds (it is stopped)."""
    if params:
        sparql = bind_params(sparql, params)
    if is_update(sparql):
        raise UpdateRefused()
    kind, payload = store.run(sparql, timeout)
    if kind == "syntax":
        found = _SYNTAX.match(payload)
        if not found:
            raise QueryError(payload)
        message = found.group(3)
        if len(message) > 200:  # the parser lists every character class it would have accepted
            message = message[:200].rsplit(",", 1)[0] + ", …"
        raise QueryError(message, int(found.group(1)), int(found.group(2)))
    if kind == "error":
        raise QueryError(payload)
    return QueryResult.from_worker(kind, payload)


@cache
def bundled_queries() -> dict[str, tuple[str, str]]:
    """name → (description, SPARQL) of kg/queries/*.rq; the description is the leading # comment."""
    out = {}
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text("utf-8")
        lines = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            lines.append(line.lstrip("#").strip())
        out[path.stem] = (" ".join(x for x in lines if x), text)
    return out


def resolve_query(arg: str) -> str:
    """SPARQL text from what a user typed: the text itself, @file.rq, or a bundled query's name."""
    if arg.startswith("@"):
        path = Path(arg[1:])
        try:
            return path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise QueryError(f"cannot read the query file {path}: {getattr(e, 'strerror', None) or e}") from e
    bundled = bundled_queries()
    if arg in bundled:
        return bundled[arg][1]
    if re.fullmatch(r"[\w.-]+", arg):  # one word is a name, never a query
        close = difflib.get_close_matches(arg, bundled, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise QueryError(f"no bundled query named {arg!r}; {hint}bundled: {', '.join(bundled)}")
    return arg


# ---- formatting -------------------------------------------------------------------------------------

def _short(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{unquote(iri[len(ns):])}"
    return iri


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _clip(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for c in text:
        used += _width(c)
        if used > limit - 1:
            break
        out.append(c)
    return "".join(out) + "…"


def _cell(term: dict | None) -> str:
    if term is None:
        return ""
    return _clip(_short(term["value"]) if term["type"] == "uri" else str(term["value"]))


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """table (aligned, CJK-aware, long values clipped), csv, or json (SPARQL 1.1 Results JSON;
    CONSTRUCT gives Turtle as its table, subject/predicate/object rows as csv, JSON-LD as json).
    The text ends with a newline."""
    if fmt not in ("table", "csv", "json"):
        raise ValueError(f"unknown format {fmt!r}: table, csv or json")
    text = _format(result, fmt)
    return text if text.endswith("\n") else text + "\n"


def _format(result: QueryResult, fmt: str) -> str:
    if result.kind == "construct":
        triples = [q.triple for q in ox.parse(result.raw, ox.RdfFormat.N_TRIPLES)]
        if fmt == "csv":
            rows = [[t.subject.value, t.predicate.value, t.object.value] for t in triples]
            return _csv(["subject", "predicate", "object"], rows)
        if fmt == "table":
            return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")
        return ox.serialize(triples, format=ox.RdfFormat.JSON_LD).decode("utf-8")
    if fmt == "json":
        return result.raw.decode("utf-8")
    if result.kind == "ask":
        answer = str(result.boolean).lower()
        return _csv(["boolean"], [[answer]]) if fmt == "csv" else answer
    if fmt == "csv":
        rows = [[b[v]["value"] if v in b else "" for v in result.vars] for b in result.bindings]
        return _csv(result.vars, rows)
    cells = [[_cell(b.get(v)) for v in result.vars] for b in result.bindings]
    widths = [max([_width(v), *(_width(row[i]) for row in cells)]) for i, v in enumerate(result.vars)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    rows = [line(result.vars), line(["-" * w for w in widths]), *(line(r) for r in cells)]
    n = len(cells)
    return "\n".join([*rows, f"({n} row{'s' if n != 1 else ''})"])


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


# ---- SHACL ---------------------------------------------------------------------------------------------

_SH = Namespace("http://www.w3.org/ns/shacl#")
_TARGET_KINDS = (_SH.targetClass, _SH.targetSubjectsOf, _SH.targetObjectsOf, _SH.targetNode)
_RDF_TYPE = ox.NamedNode(str(RDF.type))
_SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")


def validate(graph: Graph) -> tuple[bool, str]:
    """Check a graph in memory against ontology/shapes.ttl: (conforms, one line per violation)."""
    conforms, lines = _shacl(graph, _shapes())
    return conforms, _report_text(lines)


def validate_store(store_dir: Path, batch: int = 50_000, jobs: int = 1) -> tuple[bool, str]:
    """`validate` for a store of any size: the same pyshacl check against ontology/shapes.ttl,
    about `batch` triples at a time, so memory stays bounded; up to `jobs` processes share them.

    A batch holds whole nodes (every triple of each subject: the store lists them together),
    the types of the nodes they point at, and the class hierarchy. pyshacl checks each shape on
    the batch's nodes that it targets, found by the SHACL target rules over the whole store
    (`_Targets`). This gives what `validate` gives on the whole graph because no shape looks
    further than a node's own triples and the types of its values (see shapes.ttl)."""
    store_dir = Path(store_dir)
    if jobs > 1:  # a process takes ~1 s to start: worth it for 10 batches or more
        jobs = max(1, min(jobs, len(_open_read_only(store_dir)) // (10 * batch)))
    if jobs == 1:
        results = _check_share(str(store_dir), batch, 0, 1)
    else:
        workers = [subprocess.Popen([sys.executable, "-c", _CHECK_CODE, str(store_dir), *map(str, (batch, k, jobs))],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    env=_child_env()) for k in range(jobs)]
        results = []
        for w in workers:
            out, err = w.communicate()
            if w.returncode:
                raise RuntimeError(f"checking {store_dir} failed in a worker process:\n"
                                   f"{err.decode('utf-8', 'replace')[-2000:]}")
            results += [(ok, set(lines)) for ok, lines in json.loads(out)]
    return all(ok for ok, _ in results), _report_text(set().union(*(lines for _, lines in results)))


_CHECK_CODE = ("import json, sys; from kg.rdf import _check_share; "
               "print(json.dumps([(ok, sorted(lines)) for ok, lines in "
               "_check_share(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))]))")


def _check_share(store_dir: str, batch: int, share: int, shares: int) -> list[tuple[bool, set[str]]]:
    """Batches share, share + shares, share + 2 × shares … of `validate_store` (and, in share 0,
    the targets that have no triples of their own)."""
    store = _open_read_only(Path(store_dir))
    shapes = _shapes()
    targets = _Targets(shapes, store)
    hierarchy = [_rdflib_triple(q) for q in store.quads_for_pattern(None, _SUBCLASS, None, _DEFAULT)]
    results: list[tuple[bool, set[str]]] = []
    index, size = 0, 0
    everything = store.quads_for_pattern(None, None, None, _DEFAULT)
    with _rare_collections():
        part = _Batch(store, hierarchy)
        for subject, group in groupby(everything, key=lambda q: q.subject):
            if index % shares == share:
                facts = [(q.predicate, q.object) for q in group]
                part.add(subject, facts, targets.rules_for(subject, facts))
                size += len(facts)
            else:
                targets.pending.discard(subject)
                size += sum(1 for _ in group)
            if size >= batch:
                if index % shares == share:
                    results += part.check(shapes, targets.rules)
                    part = _Batch(store, hierarchy)
                    gc.collect()
                index, size = index + 1, 0
        results += part.check(shapes, targets.rules)
        if share == 0:  # targets with no triples of their own: objects of a targeted predicate
            part = _Batch(store, hierarchy)
            for i, nodes in targets.undescribed():
                part.focus[i] = [_focus(targets.rules[i], n) for n in nodes]
            results += part.check(shapes, targets.rules)
    return results


def _child_env() -> dict[str, str]:
    """The environment of a worker process: it imports this very kg package."""
    paths = [str(_HERE.parent), os.environ.get("PYTHONPATH")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, paths))}


@contextmanager
def _rare_collections() -> Iterator[None]:
    """Garbage collection tuned for checking batch after batch: rdflib graphs are millions of
    small containers, which the default thresholds have the collector scan over and over (half
    the time of checking 1.5M triples). So: what lives already (the corpus) is set aside, the
    collector runs rarely, and the caller collects a batch's graph (it has cycles) when done."""
    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


class _Batch:
    """Some nodes of a store as an rdflib graph — their triples, the types of the nodes they
    point at (what sh:class looks at), the class hierarchy — and each rule's focus nodes."""

    def __init__(self, store: ox.Store, hierarchy: list[tuple]):
        self.store, self.data = store, Graph()
        self.nodes = _Converted()
        self.focus: dict[int, list[URIRef]] = {}
        for t in hierarchy:
            self.data.add(t)

    def add(self, subject: Any, facts: list[tuple], rules: list[tuple[int, _Rule]]) -> None:
        """A node with all its (predicate, object) pairs and the rules that target it."""
        for i, rule in rules:
            self.focus.setdefault(i, []).append(_focus(rule, subject))
        add, nodes, s = self.data.add, self.nodes, self.nodes[subject]
        for p, o in facts:
            if isinstance(o, ox.Literal):
                add((s, nodes[p], _rdflib(o)))
                continue
            if o not in nodes:  # first pointed at in this batch
                for t in self.store.quads_for_pattern(o, _RDF_TYPE, None, _DEFAULT):
                    add((nodes[o], nodes[_RDF_TYPE], nodes[t.object]))
            add((s, nodes[p], nodes[o]))

    def check(self, shapes: Graph, rules: list[_Rule]) -> list[tuple[bool, set[str]]]:
        return [_shacl(self.data, shapes, rules[i].shapes, nodes) for i, nodes in self.focus.items()]


class _Converted(dict):
    """pyoxigraph node → rdflib node, each converted once."""

    def __missing__(self, node: Any) -> Any:
        converted = self[node] = _rdflib(node)
        return converted


def _rdflib_triple(q: ox.Quad) -> tuple:
    return _rdflib(q.subject), _rdflib(q.predicate), _rdflib(q.object)


def _shapes() -> Graph:
    """shapes.ttl, each sh:property of a shape with targets copied into a shape of its own
    (<shape>/property/N) with the same targets. The same constraints — a property shape checks
    the focus nodes of the shape that has it — but pyshacl checks a shape with targets once
    for all its focus nodes, where it checks a nested one node by node, 4× slower."""
    shapes = Graph().parse(SHAPES, format="turtle")
    for shape in {s for kind in _TARGET_KINDS for s in shapes.subjects(kind)}:
        targets = [(kind, t) for kind in _TARGET_KINDS for t in shapes.objects(shape, kind)]
        for i, prop in enumerate(list(shapes.objects(shape, _SH.property))):
            own = URIRef(f"{shape}/property/{i}")
            for p, o in shapes.predicate_objects(prop):
                shapes.add((own, p, o))
            for kind, t in targets:
                shapes.add((own, kind, t))
            shapes.remove((shape, _SH.property, prop))  # its triples stay, unreferenced and unchecked
    return shapes


@dataclass
class _Rule:
    """The shapes that share one set of targets, and what those targets select."""

    shapes: list[URIRef]
    classes: set  # sh:targetClass, with every subclass
    subjects_of: set  # sh:targetSubjectsOf predicates
    objects: set  # every object, in the store, of a sh:targetObjectsOf predicate


class _Targets:
    """Which shapes target a node, by the SHACL target rules: classes and subjects-of from the
    node's own triples, objects-of from the whole store."""

    def __init__(self, shapes: Graph, store: ox.Store):
        if next(shapes.subjects(_SH.targetNode), None) is not None:
            raise ValueError("validate_store does not handle sh:targetNode: use validate")
        subclasses: dict[ox.NamedNode, set] = defaultdict(set)
        for q in store.quads_for_pattern(None, _SUBCLASS, None, _DEFAULT):
            subclasses[q.object].add(q.subject)
        by_targets: dict[frozenset, list[URIRef]] = defaultdict(list)
        for shape in {s for kind in _TARGET_KINDS for s in shapes.subjects(kind)}:
            targets = frozenset((k, ox.NamedNode(t)) for k in _TARGET_KINDS for t in shapes.objects(shape, k))
            by_targets[targets].append(shape)
        self.rules = [
            _Rule(sorted(group),
                  set().union(*(_descendants(t, subclasses) for k, t in targets if k == _SH.targetClass)),
                  {t for k, t in targets if k == _SH.targetSubjectsOf},
                  {q.object for k, t in targets if k == _SH.targetObjectsOf
                   for q in store.quads_for_pattern(None, t, None, _DEFAULT)})
            for targets, group in sorted(by_targets.items(), key=lambda item: sorted(item[1]))]
        self.pending = set().union(*(rule.objects for rule in self.rules))

    def rules_for(self, subject: Any, facts: list[tuple]) -> list[tuple[int, _Rule]]:
        """The rules targeting `subject`, given all its (predicate, object) pairs (and noting it
        is described)."""
        self.pending.discard(subject)
        types = {o for p, o in facts if p == _RDF_TYPE}
        predicates = {p for p, _ in facts}
        return [(i, rule) for i, rule in enumerate(self.rules)
                if rule.classes & types or rule.subjects_of & predicates or subject in rule.objects]

    def undescribed(self) -> list[tuple[int, list]]:
        """Once every subject was seen: the targets that have no triples of their own."""
        return [(i, sorted(rule.objects & self.pending, key=str)) for i, rule in enumerate(self.rules)
                if rule.objects & self.pending]


def _descendants(cls: ox.NamedNode, subclasses: dict[ox.NamedNode, set]) -> set[ox.NamedNode]:
    found, todo = {cls}, [cls]
    while todo:
        for sub in subclasses[todo.pop()] - found:
            found.add(sub)
            todo.append(sub)
    return found


def _focus(rule: _Rule, node: Any) -> URIRef:
    """pyshacl takes focus nodes as IRIs only (the mapping makes no other kind of node a target)."""
    if not isinstance(node, ox.NamedNode):
        shapes = ", ".join(_short(str(s)) for s in rule.shapes)
        raise ValueError(f"{shapes} target {node}, which is not an IRI: check this graph with `validate` instead")
    return URIRef(node.value)


def _shacl(data: Graph, shapes: Graph, use: list[URIRef] | None = None,
           focus: list[URIRef] | None = None) -> tuple[bool, set[str]]:
    """pyshacl on `data`: every shape on the nodes it targets, or the shapes `use` on `focus`."""
    from pyshacl import validate as shacl  # slow to import; only builds need it

    only = {"use_shapes": use, "focus_nodes": focus} if use else {}
    conforms, results, _ = shacl(data, shacl_graph=shapes, inference="none", allow_warnings=True, **only)
    lines = set()
    for res in results.subjects(RDF.type, _SH.ValidationResult):
        node = results.value(res, _SH.focusNode)
        message = results.value(res, _SH.resultMessage) or "does not conform"
        path = results.value(res, _SH.resultPath)
        where = f" ({_short(str(path))})" if isinstance(path, URIRef) else ""
        lines.add(f"{_label(data, node)}: {message}{where}")
    return bool(conforms), lines


def _report_text(lines: set[str]) -> str:
    return "\n".join(sorted(lines)) if lines else "conforms"


def _label(graph: Graph, node: Any) -> str:
    """A name a person can find: the entity's name, the report's title, the mention's words."""
    for p in (SKOS.prefLabel, DCTERMS.title):
        value = graph.value(node, p)
        if value is not None:
            return f"{value} <{_short(str(node))}>"
    text = graph.value(node, KG.text)
    return f"{_clip(str(text))} <{_short(str(node))}>" if text is not None else _short(str(node))


# ---- graph view for the HTML pages ---------------------------------------------------------------

_Q_NODES = """
SELECT ?e ?type ?label ?mentions ?district ?level ?code WHERE {
  VALUES ?type { kg:District kg:Project kg:Organization kg:Program kg:Person }
  ?e a ?type ; skos:prefLabel ?label .
  OPTIONAL { ?e kg:mentionCount ?mentions }
  OPTIONAL { ?e kg:district ?district } OPTIONAL { ?e kg:level ?level } OPTIONAL { ?e kg:divisionCode ?code }
}"""
_Q_ALIASES = "SELECT ?e ?alt WHERE { ?e skos:altLabel ?alt }"
_Q_YEARS = "SELECT ?e ?year WHERE { ?e kg:yearMentioned ?year }"
_Q_DOCS = "SELECT ?e ?doc WHERE { ?r kg:mentions ?e ; dcterms:identifier ?doc }"
_Q_TIMELINE = """
SELECT ?e ?doc ?start ?end ?year ?mode ?stage ?sentence ?text WHERE {
  ?e a kg:Project .
  ?m kg:mentionOf ?e ; kg:year ?year ; kg:inReport/dcterms:identifier ?doc ; kg:startOffset ?start ;
     kg:endOffset ?end ; kg:mode ?mode ; kg:text ?text .
  OPTIONAL { ?m kg:stage ?stage } OPTIONAL { ?m kg:inSentence/kg:text ?sentence }
}"""
_Q_SECTIONS = """
SELECT ?doc ?i ?title ?year ?mode WHERE {
  ?s a kg:Section ; dcterms:isPartOf/dcterms:identifier ?doc ; kg:index ?i ; kg:mode ?mode .
  OPTIONAL { ?s dcterms:title ?title } OPTIONAL { ?s kg:year ?year }
} ORDER BY ?doc ?i"""
_Q_SLIPPED = "SELECT DISTINCT ?e WHERE { ?slip kg:slipOf ?e }"
_Q_EDGES = """
SELECT ?s ?p ?o ?weight WHERE {
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kg:evidenceCount ?weight .
}"""
_Q_REPORTS = """
SELECT ?doc ?title ?publisher WHERE {
  ?r a kg:Report ; dcterms:identifier ?doc ; dcterms:title ?title .
  OPTIONAL { ?r dcterms:publisher ?publisher }
} ORDER BY ?doc"""


def _select(store: ox.Store, sparql: str) -> list[dict[str, Any]]:
    """Trusted in-process SELECT: rows as {var: python value}."""
    result = store.query(sparql, prefixes=PREFIXES)
    names = [v.value for v in result.variables]
    return [{n: _term_value(s[n]) for n in names} for s in result]


def _term_value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return _python({"type": "literal", "value": term.value, "datatype": term.datatype.value})
    return term.value


def graph_view(store: KGStore) -> nx.MultiDiGraph:
    """The entity graph the HTML views draw, read back from the store by SPARQL.

    Nodes are entity ids, each with label, type, aliases, mentions, years, docs, district,
    level and code (districts), timeline and slipped (projects; empty or False elsewhere); a timeline
    entry's start and end are the mention's offsets in its sentence, offset its start in the report.
    Edges are keyed by relation name and carry relation and weight (evidence mentions).
    g.graph["reports"] lists the reports (doc, title, publisher, sections: index, title, year, mode)."""
    import networkx as nx

    db = store.store
    g = nx.MultiDiGraph()
    for row in _select(db, _Q_NODES):
        etype = _local(row["type"])
        g.add_node(entity_id(row["e"]), label=row["label"], type=etype, aliases=[], mentions=row["mentions"] or 0,
                   years=[], docs=[], district=entity_id(row["district"]) if row["district"] else None,
                   level=row["level"], code=row["code"], timeline=[], slipped=False)
    for query, attr, var in ((_Q_ALIASES, "aliases", "alt"), (_Q_YEARS, "years", "year"), (_Q_DOCS, "docs", "doc")):
        for row in _select(db, query):
            node = g.nodes.get(entity_id(row["e"]))
            if node is not None:
                node[attr].append(row[var])
    for row in _select(db, _Q_TIMELINE):
        sentence, text = row["sentence"] or "", row["text"]
        at = sentence.find(text)  # the sentence is stored stripped: find the mention in it
        g.nodes[entity_id(row["e"])]["timeline"].append({
            "year": row["year"], "stage": _local(row["stage"]), "mode": _local(row["mode"]), "doc": row["doc"],
            "sentence": sentence, "start": at if at >= 0 else None, "end": at + len(text) if at >= 0 else None,
            "offset": row["start"]})
    for row in _select(db, _Q_SLIPPED):
        g.nodes[entity_id(row["e"])]["slipped"] = True
    for _, node in g.nodes(data=True):
        for attr in ("aliases", "years", "docs"):
            node[attr].sort()
        node["timeline"].sort(key=lambda t: (t["year"], t["doc"], t["offset"]))
    for row in _select(db, _Q_EDGES):
        s, o, rel = entity_id(row["s"]), entity_id(row["o"]), _local(row["p"])
        if s in g and o in g:
            g.add_edge(s, o, key=rel, relation=rel, weight=row["weight"])
    g.graph["reports"] = [
        {"doc": r["doc"], "title": r["title"],
         "publisher": entity_id(r["publisher"]) if r["publisher"] else None, "sections": []}
        for r in _select(db, _Q_REPORTS)]
    sections = {r["doc"]: r["sections"] for r in g.graph["reports"]}
    for row in _select(db, _Q_SECTIONS):
        if row["doc"] in sections:
            sections[row["doc"]].append({"index": row["i"], "title": row["title"] or "", "year": row["year"],
                                         "mode": _local(row["mode"])})
    return g
