"""The entity graph the HTML views draw, read back from the store by SPARQL."""

from __future__ import annotations

from collections.abc import Iterator
from sys import intern
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.rdf.iri import entity_id, local
from kg.rdf.query import python_value
from kg.rdf.store import KGStore
from kg.rdf.terms import PREFIXES

if TYPE_CHECKING:
    import networkx as nx

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
SELECT ?e ?doc ?start ?end ?year ?mode ?stage ?presumed ?sentence ?text WHERE {
  ?e a kg:Project .
  ?m kg:mentionOf ?e ; kg:year ?year ; kg:inReport/dcterms:identifier ?doc ; kg:startOffset ?start ;
     kg:endOffset ?end ; kg:mode ?mode ; kg:text ?text .
  OPTIONAL { ?m kg:stage ?stage } OPTIONAL { ?m kg:stagePresumed ?presumed }
  OPTIONAL { ?m kg:inSentence/kg:text ?sentence }
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


def _select(store: ox.Store, sparql: str) -> Iterator[dict[str, Any]]:
    """Trusted in-process SELECT: rows as {var: python value}, one at a time (a query may return a
    row per mention of the corpus)."""
    result = store.query(sparql, prefixes=PREFIXES)
    assert isinstance(result, ox.QuerySolutions), "a SELECT query"
    names = [v.value for v in result.variables]
    return ({n: _term_value(s[n]) for n in names} for s in result)


def _term_value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        return python_value({"type": "literal", "value": term.value, "datatype": term.datatype.value})
    return term.value


def _name(iri: str) -> str:
    """An entity's id, one string object however many rows name it (ids, terms, report ids and
    sentences recur in thousands of rows: interned, the corpus's graph holds each once)."""
    return intern(entity_id(iri))


def _term(iri: str | None) -> str | None:
    name = local(iri)
    return None if name is None else intern(name)


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
        etype = _term(row["type"])
        g.add_node(_name(row["e"]), label=row["label"], type=etype, aliases=[], mentions=row["mentions"] or 0,
                   years=[], docs=[], district=_name(row["district"]) if row["district"] else None,
                   level=row["level"], code=row["code"], timeline=[], slipped=False)
    for query, attr, var in ((_Q_ALIASES, "aliases", "alt"), (_Q_YEARS, "years", "year"), (_Q_DOCS, "docs", "doc")):
        for row in _select(db, query):
            node = g.nodes.get(_name(row["e"]))
            if node is not None:
                node[attr].append(intern(row[var]) if isinstance(row[var], str) else row[var])
    for row in _select(db, _Q_TIMELINE):
        sentence, text = row["sentence"] or "", row["text"]
        at = sentence.find(text)  # the sentence is stored stripped: find the mention in it
        g.nodes[_name(row["e"])]["timeline"].append({
            "year": row["year"], "stage": _term(row["stage"]), "presumed": row["presumed"] is True,
            "mode": _term(row["mode"]), "doc": intern(row["doc"]),
            "sentence": intern(sentence), "start": at if at >= 0 else None, "end": at + len(text) if at >= 0 else None,
            "offset": row["start"]})
    for row in _select(db, _Q_SLIPPED):
        g.nodes[_name(row["e"])]["slipped"] = True
    for _, node in g.nodes(data=True):
        for attr in ("aliases", "years", "docs"):
            node[attr].sort()
        node["timeline"].sort(key=lambda t: (t["year"], t["doc"], t["offset"]))
    for row in _select(db, _Q_EDGES):
        s, o, rel = _name(row["s"]), _name(row["o"]), _term(row["p"])
        if s in g and o in g:
            g.add_edge(s, o, key=rel, relation=rel, weight=row["weight"])
    g.graph["reports"] = [
        {"doc": r["doc"], "title": r["title"],
         "publisher": _name(r["publisher"]) if r["publisher"] else None, "sections": []}
        for r in _select(db, _Q_REPORTS)]
    sections = {r["doc"]: r["sections"] for r in g.graph["reports"]}
    for row in _select(db, _Q_SECTIONS):
        if row["doc"] in sections:
            sections[row["doc"]].append({"index": row["i"], "title": row["title"] or "", "year": row["year"],
                                         "mode": _term(row["mode"])})
    return g
