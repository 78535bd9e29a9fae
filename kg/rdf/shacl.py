"""SHACL validation against ontology/shapes.ttl: of an rdflib graph in memory (`validate`), or of
an on-disk store of any size a batch at a time (`validate_store`)."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.rdf.format import clip
from kg.rdf.store import child_env, open_read_only
from kg.rdf.terms import DEFAULT_GRAPH, KG, SHAPES, short, to_rdflib

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
        jobs = max(1, min(jobs, len(open_read_only(store_dir)) // (10 * batch)))
    if jobs == 1:
        results = _check_share(str(store_dir), batch, 0, 1)
    else:
        workers = [subprocess.Popen([sys.executable, "-c", _CHECK_CODE, str(store_dir), *map(str, (batch, k, jobs))],
                                    stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    env=child_env()) for k in range(jobs)]
        results = []
        for w in workers:
            out, err = w.communicate()
            if w.returncode:
                raise RuntimeError(f"checking {store_dir} failed in a worker process:\n"
                                   f"{err.decode('utf-8', 'replace')[-2000:]}")
            results += [(ok, set(lines)) for ok, lines in json.loads(out)]
    return all(ok for ok, _ in results), _report_text(set().union(*(lines for _, lines in results)))


_CHECK_CODE = ("import json, sys; from kg.rdf.shacl import _check_share; "
               "print(json.dumps([(ok, sorted(lines)) for ok, lines in "
               "_check_share(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))]))")


def _check_share(store_dir: str, batch: int, share: int, shares: int) -> list[tuple[bool, set[str]]]:
    """Batches share, share + shares, share + 2 × shares … of `validate_store` (and, in share 0,
    the targets that have no triples of their own)."""
    store = open_read_only(Path(store_dir))
    shapes = _shapes()
    targets = _Targets(shapes, store)
    hierarchy = [_rdflib_triple(q) for q in store.quads_for_pattern(None, _SUBCLASS, None, DEFAULT_GRAPH)]
    results: list[tuple[bool, set[str]]] = []
    index, size = 0, 0
    everything = store.quads_for_pattern(None, None, None, DEFAULT_GRAPH)
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
                add((s, nodes[p], to_rdflib(o)))
                continue
            if o not in nodes:  # first pointed at in this batch
                for t in self.store.quads_for_pattern(o, _RDF_TYPE, None, DEFAULT_GRAPH):
                    add((nodes[o], nodes[_RDF_TYPE], nodes[t.object]))
            add((s, nodes[p], nodes[o]))

    def check(self, shapes: Graph, rules: list[_Rule]) -> list[tuple[bool, set[str]]]:
        return [_shacl(self.data, shapes, rules[i].shapes, nodes) for i, nodes in self.focus.items()]


class _Converted(dict):
    """pyoxigraph node → rdflib node, each converted once."""

    def __missing__(self, node: Any) -> Any:
        converted = self[node] = to_rdflib(node)
        return converted


def _rdflib_triple(q: ox.Quad) -> tuple:
    return to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)


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
        subclasses: dict[Any, set] = defaultdict(set)
        for q in store.quads_for_pattern(None, _SUBCLASS, None, DEFAULT_GRAPH):
            subclasses[q.object].add(q.subject)
        by_targets: dict[frozenset, list[Any]] = defaultdict(list)
        for shape in {s for kind in _TARGET_KINDS for s in shapes.subjects(kind)}:
            targets = frozenset((k, ox.NamedNode(str(t))) for k in _TARGET_KINDS for t in shapes.objects(shape, k))
            by_targets[targets].append(shape)
        self.rules = [
            _Rule(sorted(group),
                  set().union(*(_descendants(t, subclasses) for k, t in targets if k == _SH.targetClass)),
                  {t for k, t in targets if k == _SH.targetSubjectsOf},
                  {q.object for k, t in targets if k == _SH.targetObjectsOf
                   for q in store.quads_for_pattern(None, t, None, DEFAULT_GRAPH)})
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
        shapes = ", ".join(short(str(s)) for s in rule.shapes)
        raise ValueError(f"{shapes} target {node}, which is not an IRI: check this graph with `validate` instead")
    return URIRef(node.value)


def _shacl(data: Graph, shapes: Graph, use: list[URIRef] | None = None,
           focus: list[URIRef] | None = None) -> tuple[bool, set[str]]:
    """pyshacl on `data`: every shape on the nodes it targets, or the shapes `use` on `focus`."""
    from pyshacl import validate as shacl  # slow to import; only builds need it

    shapes_used: list[str | URIRef] | None = list(use) if use else None
    focus_nodes: list[str | URIRef] | None = list(focus) if use and focus else None
    conforms, results, _ = shacl(data, shacl_graph=shapes, inference="none", allow_warnings=True,
                                 use_shapes=shapes_used, focus_nodes=focus_nodes)
    lines = set()
    for res in results.subjects(RDF.type, _SH.ValidationResult):
        node = results.value(res, _SH.focusNode)
        message = results.value(res, _SH.resultMessage) or "does not conform"
        path = results.value(res, _SH.resultPath)
        where = f" ({short(str(path))})" if isinstance(path, URIRef) else ""
        lines.add(f"{_label(data, node)}: {message}{where}")
    return bool(conforms), lines


def _report_text(lines: set[str]) -> str:
    return "\n".join(sorted(lines)) if lines else "conforms"


def _label(graph: Graph, node: Any) -> str:
    """A name a person can find: the entity's name, the report's title, the mention's words."""
    for p in (SKOS.prefLabel, DCTERMS.title):
        value = graph.value(node, p)
        if value is not None:
            return f"{value} <{short(str(node))}>"
    text = graph.value(node, KG.text)
    return f"{clip(str(text))} <{short(str(node))}>" if text is not None else short(str(node))
