"""The knowledge graph as RDF: mapping, on-disk store, exports, SPARQL, SHACL, graph view.

`corpus_to_graph` maps a resolved `Corpus` onto the ontology in ontology/kg.ttl (the ontology
itself is part of the graph, so SPARQL can compare stage ranks). Every fact keeps its
provenance: a relation is asserted directly *and* as a `kg:Assertion` whose
`prov:wasDerivedFrom` points at the mentions (report, offsets, sentence) it came from.

User queries never run in this process: pyoxigraph has no query timeout and its evaluation
cannot be interrupted from Python, so a runaway query in a thread would burn a core until it
finished. Queries run in a worker process holding its own read-only handle on the store;
on timeout the worker is killed and a fresh one started, and the caller's store stays usable.
"""

from __future__ import annotations

import csv
import difflib
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
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import combinations
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

def entity_iri(entity_id: str) -> URIRef:
    return KGR[quote(entity_id, safe="")]


def report_iri(doc_id: str) -> URIRef:
    return KGR[f"report/{quote(doc_id, safe='')}"]


def entity_id(iri: str) -> str:
    """The corpus-wide entity id an entity IRI was minted from."""
    return unquote(iri.removeprefix(str(KGR)))


def _local(iri: str | None) -> str | None:
    return None if iri is None else iri.rsplit("#", 1)[-1]


# ---- Corpus → RDF ------------------------------------------------------------------------------

@cache
def _ontology_triples() -> tuple:
    return tuple(Graph().parse(ONTOLOGY, format="turtle"))


def mention_iri(doc_id: str, m: Mention) -> URIRef:
    return URIRef(f"{report_iri(doc_id)}/mention/{m.start}-{m.end}")


def corpus_to_graph(corpus: Corpus) -> Graph:
    """The whole corpus as one rdflib graph (the ontology included).

    Besides what the reports say, the graph holds a few facts derived at build time so the
    bundled queries stay fast on large graphs: per-entity counts and years, one assertion
    per relation with its evidence counts, and slipped plans (`kg:Slip`), each traceable
    to its mentions."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    for t in _ontology_triples():
        g.add(t)
    groups = corpus.entities()
    for eid, ents in groups.items():
        _add_entity(g, eid, ents)
    minted: set[str] = set()
    for r in corpus.results:
        if r.district_id and r.district and r.district_id not in groups and r.district_id not in minted:
            _add_writing_district(g, r)  # the pipeline knew the author only from the gazetteer
            minted.add(r.district_id)
        _ReportMapper(g, r).add()
    _add_relations(g, corpus)
    _add_slips(g, corpus)
    return g


def _most_common(counts: Counter, tiebreak: Counter | None = None) -> Any:
    """Deterministic winner: most votes, then most `tiebreak` votes, then smallest value."""
    return min(counts, key=lambda k: (-counts[k], -(tiebreak or Counter())[k], str(k)))


def _year(year: int) -> Literal:
    return Literal(f"{year:04d}", datatype=XSD.gYear)


def _add_entity(g: Graph, eid: str, ents: list[Entity]) -> None:
    """One resource for all the per-document records of one entity."""
    if not eid:
        raise ValueError(f"entity {ents[0].name!r} has no id: the corpus must be resolved before mapping")
    s = entity_iri(eid)
    names = Counter(e.name for e in ents)  # one vote per document
    pref = _most_common(names, Counter({e.name: len(e.mentions) for e in ents}))
    etype = _most_common(Counter(e.type for e in ents))
    if etype not in TYPES:
        raise ValueError(f"entity {eid} ({pref}): unknown type {etype!r}, expected one of {', '.join(TYPES)}")
    g.add((s, RDF.type, KG[etype]))
    g.add((s, SKOS.prefLabel, Literal(pref)))
    for alt in sorted({*names, *(a for e in ents for a in e.aliases)} - {pref}):
        g.add((s, SKOS.altLabel, Literal(alt)))
    places = sorted((e.place for e in ents if e.place), key=lambda p: p.code is None)
    if places:
        _add_place_facts(g, s, places[0].level, places[0].code)
    districts = Counter(e.district for e in ents if e.district)
    if districts:
        g.add((s, KG.district, entity_iri(_most_common(districts))))
    g.add((s, KG.mentionCount, Literal(sum(len(e.mentions) for e in ents))))
    g.add((s, KG.reportCount, Literal(len(ents))))  # corpus.entities() gives one record per report
    for year in sorted({m.year for e in ents for m in e.mentions if m.year is not None}):
        g.add((s, KG.yearMentioned, _year(year)))


def _add_place_facts(g: Graph, s: URIRef, level: str, code: str | None) -> None:
    g.add((s, KG.level, Literal(level)))
    if code:
        g.add((s, KG.divisionCode, Literal(code)))


def _add_writing_district(g: Graph, r: DocResult) -> None:
    s = entity_iri(r.district_id)
    g.add((s, RDF.type, KG.District))
    g.add((s, SKOS.prefLabel, Literal(r.district.name)))
    _add_place_facts(g, s, r.district.level, r.district.code)


class _ReportMapper:
    """Adds one DocResult: report, sections, sentences, mentions (relations are corpus-wide)."""

    def __init__(self, g: Graph, r: DocResult):
        self.g, self.r = g, r
        self.report = report_iri(r.doc.id)
        self.mentions: set[URIRef] = set()
        self.sentences: set[URIRef] = set()

    def add(self) -> None:
        g, r, rep = self.g, self.r, self.report
        g.add((rep, RDF.type, KG.Report))
        g.add((rep, DCTERMS.identifier, Literal(r.doc.id)))
        g.add((rep, DCTERMS.title, Literal(r.doc.title or r.doc.id)))
        g.add((rep, KG.sha256, Literal(r.doc.sha256)))
        for path in (r.doc.path, *r.doc.also_paths):
            g.add((rep, KG.sourcePath, Literal(path)))
        if r.district_id:
            g.add((rep, DCTERMS.publisher, entity_iri(r.district_id)))
        for i, sec in enumerate(r.sections):
            s = self._section(i)
            g.add((s, RDF.type, KG.Section))
            g.add((s, DCTERMS.isPartOf, rep))
            g.add((s, KG["index"], Literal(i)))
            if sec.title:
                g.add((s, DCTERMS.title, Literal(sec.title)))
            self._span(s, sec.start, sec.end)
            self._when(s, sec.year, sec.mode)
        for e in r.entities:
            g.add((rep, KG.mentions, entity_iri(e.id)))
            for m in e.mentions:
                g.add((self._mention(m), KG.mentionOf, entity_iri(e.id)))
        for rel in r.relations:  # evidence is normally entity mentions; any other span gets its node
            for m in rel.evidence:
                self._mention(m)

    def _section(self, i: int) -> URIRef:
        return URIRef(f"{self.report}/section/{i}")

    def _span(self, s: URIRef, start: int, end: int) -> None:
        self.g.add((s, KG.startOffset, Literal(start)))
        self.g.add((s, KG.endOffset, Literal(end)))

    def _when(self, s: URIRef, year: int | None, mode: str) -> None:
        if year is not None:
            self.g.add((s, KG.year, _year(year)))
        if mode not in MODES:
            raise ValueError(f"{self.r.doc.id}: unknown mode {mode!r}, expected one of {', '.join(MODES)}")
        self.g.add((s, KG.mode, KG[mode]))

    def _mention(self, m: Mention) -> URIRef:
        """The mention node (made once per span, however many entities or relations cite it)."""
        s = mention_iri(self.r.doc.id, m)
        if s in self.mentions:
            return s
        self.mentions.add(s)
        g, doc = self.g, self.r.doc.id
        g.add((s, RDF.type, KG.Mention))
        g.add((s, KG.inReport, self.report))
        g.add((s, KG.text, Literal(m.text)))
        self._span(s, m.start, m.end)
        g.add((s, KG.inSentence, self._sentence(*m.sentence)))
        if m.section is not None:
            if not 0 <= m.section < len(self.r.sections):
                raise ValueError(f"{doc}: mention {m.text!r} at {m.start} points to section {m.section}, "
                                 f"but the report has {len(self.r.sections)}")
            g.add((s, KG.inSection, self._section(m.section)))
        self._when(s, m.year, m.mode)
        if m.stage is not None:
            if m.stage not in STAGES:
                raise ValueError(f"{doc}: mention {m.text!r} at {m.start} has unknown stage {m.stage!r}")
            g.add((s, KG.stage, KG[m.stage]))
        if m.stage_cue:
            g.add((s, KG.stageCue, Literal(m.stage_cue)))
        return s

    def _sentence(self, start: int, end: int) -> URIRef:
        s = URIRef(f"{self.report}/sentence/{start}-{end}")
        if s not in self.sentences:
            self.sentences.add(s)
            self.g.add((s, RDF.type, KG.Sentence))
            self.g.add((s, KG.inReport, self.report))
            self.g.add((s, KG.text, Literal(self.r.doc.text[start:end].strip())))
            self._span(s, start, end)
        return s


def _add_relations(g: Graph, corpus: Corpus) -> None:
    """Each relation: the direct triple, and one kg:Assertion with every report and mention
    it was read from, and how many sentences name both ends."""
    together: Counter[tuple[str, str]] = Counter()
    found: dict[tuple[str, str, str], tuple[set[str], dict[URIRef, None]]] = {}
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
            docs, evidence = found.setdefault((rel.subject, rel.predicate, rel.object), (set(), {}))
            docs.add(r.doc.id)
            evidence.update(dict.fromkeys(mention_iri(r.doc.id, m) for m in rel.evidence))
    for (subj, pred, obj), (docs, evidence) in found.items():
        s, p, o = entity_iri(subj), KG[pred], entity_iri(obj)
        a = KGR[f"assertion/{quote(subj, safe='')}/{pred}/{quote(obj, safe='')}"]
        g.add((s, p, o))
        g.add((a, RDF.type, KG.Assertion))
        g.add((a, RDF.subject, s))
        g.add((a, RDF.predicate, p))
        g.add((a, RDF.object, o))
        for doc in sorted(docs):
            g.add((a, KG.inReport, report_iri(doc)))
        for m in evidence:
            g.add((a, PROV.wasDerivedFrom, m))
        g.add((a, KG.evidenceCount, Literal(len(evidence))))
        shared = together[min(subj, obj), max(subj, obj)]
        if shared:
            g.add((a, KG.sentenceCount, Literal(shared)))


def _add_slips(g: Graph, corpus: Corpus) -> None:
    """A plan for year Y aimed at a stage that no mention of a later year reaches: one kg:Slip
    per project, plan year and aimed stage, derived from the plan and the best later mentions."""
    staged: dict[str, list[tuple[int, str, int, URIRef]]] = defaultdict(list)
    for r in corpus.results:
        for e in r.entities:
            if e.type == "Project":
                staged[e.id] += [(m.year, m.mode, STAGES.index(m.stage), mention_iri(r.doc.id, m))
                                 for m in e.mentions if m.stage in STAGES and m.year is not None]
    for pid, items in staged.items():
        for year, aimed in sorted({(y, rank) for y, mode, rank, _ in items if mode == "plan"}):
            later = [x for x in items if x[0] > year]
            best = max((x[2] for x in later), default=len(STAGES))
            if best >= aimed:
                continue
            s = KGR[f"{quote(pid, safe='')}/slip/{year}-{STAGES[aimed]}"]
            g.add((s, RDF.type, KG.Slip))
            g.add((s, KG.slipOf, entity_iri(pid)))
            g.add((s, KG.planYear, _year(year)))
            g.add((s, KG.aimedStage, KG[STAGES[aimed]]))
            g.add((s, KG.reachedStage, KG[STAGES[best]]))
            for y in sorted({x[0] for x in later}):
                g.add((s, KG.laterYear, _year(y)))
            for y, mode, rank, m in items:
                if (y, mode, rank) == (year, "plan", aimed) or (y > year and rank == best):
                    g.add((s, PROV.wasDerivedFrom, m))


# ---- store and exports ---------------------------------------------------------------------------

def _ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


def save_store(graph: Graph, store_dir: Path) -> None:
    """Bulk-load the graph into a new on-disk Oxigraph store; closed when this returns."""
    store_dir = Path(store_dir)
    if store_dir.exists() and any(store_dir.iterdir()):
        raise FileExistsError(f"{store_dir}: not empty; a store is written into a new folder")
    store_dir.mkdir(parents=True, exist_ok=True)
    store = ox.Store(str(store_dir))
    store.bulk_load(_ntriples(graph), ox.RdfFormat.N_TRIPLES)
    store.optimize()
    store.flush()
    del store  # the last reference: RocksDB closes its files here


def export(graph: Graph, out_dir: Path) -> dict[str, Path]:
    """graph.ttl, graph.nt, graph.nq (one named graph) and graph.jsonld in out_dir."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    triples = sorted((q.triple for q in ox.parse(_ntriples(graph), ox.RdfFormat.N_TRIPLES)), key=str)
    name = ox.NamedNode(DATASET_GRAPH)
    outputs = {
        "ttl": (triples, ox.RdfFormat.TURTLE),
        "nt": (triples, ox.RdfFormat.N_TRIPLES),
        "nq": ([ox.Quad(t.subject, t.predicate, t.object, name) for t in triples], ox.RdfFormat.N_QUADS),
        "jsonld": (triples, ox.RdfFormat.JSON_LD),
    }
    paths = {}
    for ext, (items, fmt) in outputs.items():
        paths[ext] = out_dir / f"graph.{ext}"
        ox.serialize(items, str(paths[ext]), fmt, prefixes=PREFIXES if fmt is ox.RdfFormat.TURTLE else None)
    return paths


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
        pythonpath = os.pathsep.join(filter(None, [str(_HERE.parent), os.environ.get("PYTHONPATH")]))
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _WORKER_CODE, str(path), str(theirs.fileno())], pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL, env={**os.environ, "PYTHONPATH": pythonpath})
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


class KGStore:
    """A read-only Oxigraph store on disk: `store` for trusted in-process reads (graph_view),
    and a small pool of worker processes that run user queries under a time limit."""

    def __init__(self, path: Path, workers: int = 1):
        self.path = Path(path)
        if not (self.path / "CURRENT").is_file():
            raise StoreError(f"{self.path}: no Oxigraph store here (run `kg build` first)")
        try:
            self.store = ox.Store.read_only(str(self.path))
        except OSError as e:
            raise StoreError(f"{self.path}: cannot open the store: {e}") from e
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

def validate(graph: Graph) -> tuple[bool, str]:
    """Check the graph against ontology/shapes.ttl: (conforms, one line per violation)."""
    from pyshacl import validate as shacl  # slow to import; only builds need it

    shapes = Graph().parse(SHAPES, format="turtle")
    conforms, results, _ = shacl(graph, shacl_graph=shapes, inference="none", allow_warnings=True)
    sh = Namespace("http://www.w3.org/ns/shacl#")
    lines = set()
    for res in results.subjects(RDF.type, sh.ValidationResult):
        focus = results.value(res, sh.focusNode)
        message = results.value(res, sh.resultMessage) or "does not conform"
        path = results.value(res, sh.resultPath)
        where = f" ({_short(str(path))})" if isinstance(path, URIRef) else ""
        lines.add(f"{_label(graph, focus)}: {message}{where}")
    return bool(conforms), "\n".join(sorted(lines)) if lines else "conforms"


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
SELECT ?e ?doc ?start ?end ?year ?mode ?stage ?sentence WHERE {
  ?e a kg:Project .
  ?m kg:mentionOf ?e ; kg:year ?year ; kg:inReport/dcterms:identifier ?doc ; kg:startOffset ?start ;
     kg:endOffset ?end ; kg:mode ?mode .
  OPTIONAL { ?m kg:stage ?stage } OPTIONAL { ?m kg:inSentence/kg:text ?sentence }
}"""
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
    level and code (districts), timeline and slipped (projects; empty or False elsewhere);
    edges are keyed by relation name and carry relation and weight (evidence mentions).
    g.graph["reports"] lists the reports (doc, title, publisher)."""
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
        g.nodes[entity_id(row["e"])]["timeline"].append({
            "year": row["year"], "stage": _local(row["stage"]), "mode": _local(row["mode"]), "doc": row["doc"],
            "sentence": row["sentence"] or "", "start": row["start"], "end": row["end"]})
    for row in _select(db, _Q_SLIPPED):
        g.nodes[entity_id(row["e"])]["slipped"] = True
    for _, node in g.nodes(data=True):
        for attr in ("aliases", "years", "docs"):
            node[attr].sort()
        node["timeline"].sort(key=lambda t: (t["year"], t["doc"], t["start"]))
    for row in _select(db, _Q_EDGES):
        s, o, rel = entity_id(row["s"]), entity_id(row["o"]), _local(row["p"])
        if s in g and o in g:
            g.add_edge(s, o, key=rel, relation=rel, weight=row["weight"])
    g.graph["reports"] = [
        {"doc": r["doc"], "title": r["title"],
         "publisher": entity_id(r["publisher"]) if r["publisher"] else None}
        for r in _select(db, _Q_REPORTS)]
    return g
