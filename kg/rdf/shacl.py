"""SHACL validation against ontology/shapes.ttl: of an rdflib graph in memory with pyshacl
(`validate`, the reference), and of an on-disk store of any size with SPARQL queries that
Oxigraph runs on the store (`validate_store`), compiled from the shapes (`compile_checks`).

Both report the same findings — (focus node, path, message) — as one line per violation."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations, count
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, SKOS
from rdflib.term import Node

from kg.rdf.format import clip
from kg.rdf.query import run_query
from kg.rdf.store import KGStore, open_store
from kg.rdf.terms import DEFAULT_GRAPH, KG, SHAPES, short, to_rdflib

_SH = Namespace("http://www.w3.org/ns/shacl#")
_TARGET_KINDS = (_SH.targetClass, _SH.targetSubjectsOf, _SH.targetObjectsOf, _SH.targetNode)

Finding = tuple[Node, URIRef | None, str]  # focus node, path (None for a node shape's own constraint), message


def validate(graph: Graph) -> tuple[bool, str]:
    """Check a graph in memory against ontology/shapes.ttl: (conforms, one line per violation)."""
    findings = _shacl(graph, _shapes())
    return not findings, _report_text(findings, graph.value)


def validate_store(store_dir: Path, jobs: int = 1) -> tuple[bool, str]:
    """`validate` for a store of any size: every check of `compile_checks` run by Oxigraph on the
    store, read-only, in `jobs` query processes of kg.rdf.store. Each query reads the nodes one
    shape targets and their values, so time grows linearly with the store; so does its memory
    (the hash joins over one shape's targets: 0.4 GB at 1,500 reports), which is the query
    process's, one query at a time, and never added to the caller's."""
    with open_store(Path(store_dir), workers=max(1, jobs)) as store:
        findings = store_findings(store, compile_checks(), jobs)

        def value(node: Node, predicate: URIRef) -> Any:
            if isinstance(node, Literal):
                return None
            q = next(store.store.quads_for_pattern(_to_ox(node), ox.NamedNode(predicate), None, DEFAULT_GRAPH),
                     None)
            return None if q is None else to_rdflib(q.object)

        return not findings, _report_text(findings, value)


@dataclass(frozen=True)
class Check:
    """One constraint of a shape as a SPARQL SELECT of the focus nodes (?this) that break it."""

    query: str
    path: URIRef | None
    message: str


CHECK_TIMEOUT = 24 * 3600.0  # seconds: a check is the build's own query, stopped only if it never ends


def store_findings(store: KGStore, checks: list[Check], jobs: int = 1) -> set[Finding]:
    """What the checks find in a store (its default graph), `jobs` at a time in its query processes."""
    def run(check: Check) -> set[Finding]:
        rows = run_query(store, check.query, timeout=CHECK_TIMEOUT)
        return {(_from_json(row["this"]), check.path, check.message) for row in rows.bindings}

    with ThreadPoolExecutor(max(1, jobs)) as pool:
        return set().union(*pool.map(run, checks))


def _from_json(term: dict[str, str]) -> Node:
    """A SPARQL JSON result term as rdflib's."""
    if term["type"] == "uri":
        return URIRef(term["value"])
    if term["type"] == "bnode":
        return BNode(term["value"])
    return Literal(term["value"], lang=term.get("xml:lang"),
                   datatype=URIRef(term["datatype"]) if "datatype" in term else None)


@lru_cache(maxsize=1)
def _bundled_checks() -> list[Check]:
    return _Compiler(Graph().parse(SHAPES, format="turtle")).checks()


def compile_checks(shapes: Graph | None = None) -> list[Check]:
    """The SPARQL checks of a shapes graph (by default ontology/shapes.ttl), one per constraint
    of each shape with targets and of each of its property shapes.

    Each component becomes SPARQL run on the whole store, so a shape may look anywhere in it:
    - targets: sh:targetClass `?this rdf:type/rdfs:subClassOf* C`, sh:targetSubjectsOf `?this p []`,
      sh:targetObjectsOf `[] p ?this` (several targets, or ones that repeat a node: made distinct
      first);
    - a property shape's values are `?this path ?v` (a node shape's value is ?this itself), and
      a value constraint is a FILTER on one value: sh:class `EXISTS { ?v rdf:type/rdfs:subClassOf* C }`,
      sh:datatype `datatype(?v) = D` and, for the types whose lexical forms pyshacl checks, a
      regular expression of the form, sh:nodeKind `isIRI` …, sh:in `sameTerm` with each member,
      sh:pattern `REGEX`, sh:minLength `STRLEN`, sh:min/maxInclusive `>=`/`<=` (an error, as on
      values that do not compare, counts as a violation, as in pyshacl), sh:lessThan(OrEquals)
      `<`/`<=` against each value of the other property (an ill-typed number compares with
      nothing, as SHACL says; pyshacl lets it pass);
    - sh:or: the value conforms to one of the shapes, where conforming to a shape is
      `NOT EXISTS` any of its own violations, compiled the same way (recursively);
    - sh:minCount n: NOT EXISTS n pairwise distinct values; sh:maxCount n: n + 1 of them;
      sh:qualifiedValueShape with sh:qualifiedMin/MaxCount: the same, counting conforming values.
    Any other parameter of a shape (sh:closed, sh:node, sh:severity, paths other than an IRI …)
    raises ValueError: a check that cannot be compiled fails loudly instead of passing."""
    return _bundled_checks() if shapes is None else _Compiler(shapes).checks()


# What a shape may say besides its constraints; anything not here or in _Compiler is refused.
_DESCRIPTIVE = {RDF.type, _SH.message, _SH.name, _SH.description, _SH.order, _SH.group, _SH.path, _SH.property,
                *_TARGET_KINDS}
_NODE_KINDS: dict[Node, str] = {
    _SH.IRI: "isIRI({v})", _SH.BlankNode: "isBlank({v})", _SH.Literal: "isLiteral({v})",
    _SH.BlankNodeOrIRI: "!isLiteral({v})", _SH.BlankNodeOrLiteral: "!isIRI({v})", _SH.IRIOrLiteral: "!isBlank({v})",
}
# Lexical forms of the datatypes whose ill-typed literals pyshacl reports (it takes any other
# datatype's form as given); surrounding spaces are collapsed, as XML Schema says.
_LEXICAL: dict[Node, str] = {
    XSD.integer: r"^\\s*[+-]?[0-9]+\\s*$",
    XSD.decimal: r"^\\s*[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)\\s*$",
    XSD.boolean: r"^\\s*(true|false|1|0)\\s*$",
}
_UNCHECKED_FORMS = {XSD.float, XSD.double, XSD.date, XSD.time, XSD.dateTime}  # pyshacl checks these; we do not
# Value constraints: parameter → FILTER expression true when the value {v} satisfies {x}.
_COMPARISONS = {
    _SH.minInclusive: "{v} >= {x}", _SH.maxInclusive: "{v} <= {x}",
    _SH.minLength: "!isBlank({v}) && STRLEN(STR({v})) >= {x}",
}
_PAIRS = {_SH.lessThan: "<", _SH.lessThanOrEquals: "<="}
_VALUE_TESTS = {_SH["class"], _SH.datatype, _SH.nodeKind, _SH["in"], _SH.pattern, _SH.flags, _SH["or"]}
_COUNTS = {_SH.minCount, _SH.maxCount, _SH.qualifiedValueShape, _SH.qualifiedMinCount, _SH.qualifiedMaxCount}
_INSTANCE = f"<{RDF.type}>/<{RDFS.subClassOf}>*"


class _Compiler:
    """shapes → SPARQL; variables are numbered so that nested patterns never share one."""

    def __init__(self, shapes: Graph):
        self.shapes = shapes
        self._numbers = count()

    def checks(self) -> list[Check]:
        out = []
        for shape in sorted({s for kind in _TARGET_KINDS for s in self.shapes.subjects(kind)}, key=str):
            for reporter, branches in self._reported(shape, "?this", self._focus(shape)):
                message = self.shapes.value(reporter, _SH.message)
                if message is None:
                    raise ValueError(f"{short(str(reporter))}: a shape whose violations are reported needs sh:message")
                union = " UNION ".join(f"{{ {b} }}" for b in branches)
                path = self.shapes.value(reporter, _SH.path)
                out.append(Check(f"SELECT DISTINCT ?this WHERE {{ {union} }}",
                                 path if isinstance(path, URIRef) else None, str(message)))
        return out

    def _var(self) -> str:
        return f"?v{next(self._numbers)}"

    def _focus(self, shape: Node) -> str:
        """A pattern binding ?this to each node the shape targets."""
        if self.shapes.value(shape, _SH.targetNode) is not None:
            raise ValueError(f"{short(str(shape))}: sh:targetNode is not compiled to SPARQL")
        kinds = {_SH.targetClass: "?this " + _INSTANCE + " {t}", _SH.targetSubjectsOf: "?this {t} []",
                 _SH.targetObjectsOf: "[] {t} ?this"}
        targets = [kinds[k].format(t=_term(t)) for k in kinds for t in sorted(self.shapes.objects(shape, k), key=str)]
        if len(targets) == 1 and self.shapes.value(shape, _SH.targetClass) is not None:
            return targets[0] + " ."  # each instance once (per type it has)
        union = " UNION ".join(f"{{ {t} }}" for t in targets)
        return f"{{ SELECT DISTINCT ?this WHERE {{ {union} }} }}"

    def _reported(self, shape: Node, node: str, focus: str) -> list[tuple[Node, list[str]]]:
        """(shape, its violation patterns) for `shape` and each of its property shapes, which
        share its focus nodes but report under their own message."""
        out = [(shape, self._branches(shape, node, focus))]
        for prop in self.shapes.objects(shape, _SH.property):
            out += self._reported(prop, node, focus)
        return [(s, branches) for s, branches in out if branches]

    def _branches(self, shape: Node, node: str, focus: str) -> list[str]:
        """Patterns matching when `node` breaks a constraint of `shape` (not of its property
        shapes). Nested (focus ""), `node` is bound outside and each pattern looks up its
        values. At the top, `focus` binds ?this to the targets, and the checks that Oxigraph
        runs faster over all the path's triples than by a lookup per node — sh:class (minus
        the class's instances), sh:maxCount (grouped by subject) and sh:lessThan (the two
        properties) — do so in a subquery, which Oxigraph joins with the targets by hash (3 to
        13× faster at 100× the corpus)."""
        known = _DESCRIPTIVE | _COUNTS | set(_COMPARISONS) | set(_PAIRS) | _VALUE_TESTS
        for p in set(self.shapes.predicates(shape)) - known:
            raise ValueError(f"{short(str(shape))}: {short(str(p))} is not compiled to SPARQL")
        path = self.shapes.value(shape, _SH.path)
        if path is None:
            if set(self.shapes.predicates(shape)) & (_COUNTS | set(_PAIRS)):
                raise ValueError(f"{short(str(shape))}: counts and comparisons with other properties need sh:path")
            tests = self._tests(shape, node, classes=True)
            return [f"{focus} FILTER(!({' && '.join(tests)}))"] if tests else []
        if not isinstance(path, URIRef):
            raise ValueError(f"{short(str(shape))}: only a single predicate is compiled as sh:path")
        value = self._var()
        values = f"{node} {_term(path)} {value} ."
        tests = self._tests(shape, value, classes=not focus)
        out = [f"{focus} {values} FILTER(!({' && '.join(tests)}))"] if tests else []
        if focus:
            out += [f"{focus} {_subquery(f'{values} MINUS {{ {value} {_INSTANCE} {_term(c)} }}', value)}"
                    for c in self.shapes.objects(shape, _SH["class"])]
        for relation, op in _PAIRS.items():
            for other in self.shapes.objects(shape, relation):
                then = self._var()
                pair = f"{values} {node} {_term(other)} {then} ."
                if focus:
                    pair = f"{_subquery(values, value)} {_subquery(f'?this {_term(other)} {then} .', then)}"
                out.append(f"{focus} {pair} FILTER(!COALESCE({value} {op} {then}, false))")
        for least, most, qualified in ((_SH.minCount, _SH.maxCount, None),
                                       (_SH.qualifiedMinCount, _SH.qualifiedMaxCount,
                                        self.shapes.value(shape, _SH.qualifiedValueShape))):
            if (n := self.shapes.value(shape, least)) is not None:
                out.append(f"{focus} FILTER NOT EXISTS {{ {self._at_least(int(str(n)), node, path, qualified)} }}")
            if (n := self.shapes.value(shape, most)) is not None:
                out.append(f"{focus} {self._more_than(int(str(n)), node, path, qualified, focus)}")
        return out

    def _more_than(self, n: int, node: str, path: URIRef, conforming: Node | None, focus: str) -> str:
        """A pattern matching when `node` has more than n values of `path` (that conform to a
        shape): at the top, every subject's values counted; nested, n + 1 of them looked up."""
        if not focus:
            return self._at_least(n + 1, node, path, conforming)
        value = self._var()
        test = f"FILTER({self._conforms(conforming, value)})" if conforming is not None else ""
        return (f"{{ SELECT ?this WHERE {{ ?this {_term(path)} {value} . {test} }} "
                f"GROUP BY ?this HAVING (COUNT(DISTINCT {value}) > {n}) }}")

    def _tests(self, shape: Node, v: str, classes: bool) -> list[str]:
        """The value constraints as expressions, each true when the value `v` satisfies it
        (sh:class among them when `classes`)."""
        tests = [f"EXISTS {{ {v} {_INSTANCE} {_term(c)} }}" for c in self.shapes.objects(shape, _SH["class"])
                 if classes]
        tests += [_datatype_test(d, v) for d in self.shapes.objects(shape, _SH.datatype)]
        tests += [_NODE_KINDS[kind].format(v=v) for kind in self.shapes.objects(shape, _SH.nodeKind)]
        tests += [" || ".join(f"sameTerm({v}, {_term(m)})" for m in Collection(self.shapes, members)) or "false"
                  for members in self.shapes.objects(shape, _SH["in"])]
        flags = _term(self.shapes.value(shape, _SH.flags, default=Literal("")))
        tests += [f"COALESCE(!isBlank({v}) && REGEX(STR({v}), {_term(Literal(str(p)))}, {flags}), false)"
                  for p in self.shapes.objects(shape, _SH.pattern)]
        tests += [f"COALESCE({test.format(v=v, x=_term(x))}, false)"
                  for parameter, test in _COMPARISONS.items() for x in self.shapes.objects(shape, parameter)]
        tests += [" || ".join(self._conforms(s, v) for s in Collection(self.shapes, alternatives)) or "false"
                  for alternatives in self.shapes.objects(shape, _SH["or"])]
        return [f"({t})" for t in tests]

    def _conforms(self, shape: Node, v: str) -> str:
        """An expression true when node `v` conforms to `shape`: none of its violations match."""
        patterns = [b for _, branches in self._reported(shape, v, "") for b in branches]
        return f"NOT EXISTS {{ {' UNION '.join(f'{{ {p} }}' for p in patterns)} }}" if patterns else "true"

    def _at_least(self, n: int, focus: str, path: URIRef, conforming: Node | None = None) -> str:
        """A pattern matching when `focus` has n distinct values of `path` (that conform to a shape)."""
        values = [self._var() for _ in range(n)]
        tests = [f"!sameTerm({a}, {b})" for a, b in combinations(values, 2)]
        if conforming is not None:
            tests += [self._conforms(conforming, v) for v in values]
        triples = " ".join(f"{focus} {_term(path)} {v} ." for v in values)
        return f"{triples} FILTER({' && '.join(tests)})" if tests else triples


def _subquery(pattern: str, value: str) -> str:
    """The pattern as a subquery, which Oxigraph evaluates on its own and joins by hash."""
    return f"{{ SELECT ?this {value} WHERE {{ {pattern} }} }}"


def _datatype_test(datatype: Node, v: str) -> str:
    if datatype in _UNCHECKED_FORMS:
        raise ValueError(f"sh:datatype {short(str(datatype))}: its lexical forms are not compiled to SPARQL")
    test = f"sameTerm({v}, STRDT(STR({v}), {_term(datatype)}))"  # 3× faster than datatype({v}) in Oxigraph
    form = _LEXICAL.get(datatype)
    return f"{test} && REGEX(STR({v}), \"{form}\")" if form else test


def _term(node: Node | None) -> str:
    """A term written in SPARQL (the shapes name no blank node where a term is written)."""
    if isinstance(node, (URIRef, Literal)):
        return node.n3()
    raise ValueError(f"{node!r} cannot be written in a SPARQL query")


def _to_ox(node: Node) -> ox.NamedNode | ox.BlankNode:
    return ox.BlankNode(str(node)) if isinstance(node, BNode) else ox.NamedNode(str(node))


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


def _shacl(data: Graph, shapes: Graph) -> set[Finding]:
    """pyshacl's findings on `data`: every shape on the nodes it targets."""
    from pyshacl import validate as shacl  # slow to import; only builds need it

    _, results, _ = shacl(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    findings = set()
    for res in results.subjects(RDF.type, _SH.ValidationResult):
        path = results.value(res, _SH.resultPath)
        findings.add((results.value(res, _SH.focusNode), path if isinstance(path, URIRef) else None,
                      str(results.value(res, _SH.resultMessage) or "does not conform")))
    return findings


def _report_text(findings: set[Finding], value: Callable[[Node, URIRef], Any]) -> str:
    """One line per finding, sorted: the node's name, the message, the path."""
    lines = {f"{_label(value, node)}: {message}{f' ({short(str(path))})' if path else ''}"
             for node, path, message in findings}
    return "\n".join(sorted(lines)) if lines else "conforms"


def _label(value: Callable[[Node, URIRef], Any], node: Node) -> str:
    """A name a person can find: the entity's name, the report's title, the mention's words."""
    for p in (SKOS.prefLabel, DCTERMS.title):
        name = value(node, p)
        if name is not None:
            return f"{name} <{short(str(node))}>"
    text = value(node, KG.text)
    return f"{clip(str(text))} <{short(str(node))}>" if text is not None else short(str(node))
