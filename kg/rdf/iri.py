"""The IRIs the graph mints for entities, reports and mentions, and the ids read back from them.

`entity`, `report` and `mention` give plain strings (the mapping makes millions of them);
`entity_iri` and `report_iri` the rdflib terms callers compare against."""

from __future__ import annotations

from urllib.parse import quote, unquote

from rdflib import URIRef

from kg.model import Mention, Quantity
from kg.rdf.terms import KGR

_KGR = str(KGR)


def entity(entity_id: str) -> str:
    return f"{_KGR}{quote(entity_id, safe='')}"


def report(doc_id: str) -> str:
    return f"{_KGR}report/{quote(doc_id, safe='')}"


def mention(doc_id: str, m: Mention) -> str:
    return f"{report(doc_id)}/mention/{m.start}-{m.end}"


def quantity(doc_id: str, index: int, q: Quantity) -> str:
    """The k-th quantity of a report (two may share a span: 甲、乙各1家)."""
    return f"{report(doc_id)}/quantity/{q.start}-{q.end}/{index}"


def ledger_entry(district_id: str, year: int, target: str) -> str:
    return f"{_KGR}ledger/{quote(district_id, safe='')}/{year}/{quote(target.removeprefix(_KGR), safe='')}"


def page(url: str) -> str:
    """A web address as an IRI: spaces, quotes and the like escaped, what an address means kept."""
    return quote(url, safe="%:/?#[]@!$&'()*+,;=~")


def entity_iri(entity_id: str) -> URIRef:
    return URIRef(entity(entity_id))


def report_iri(doc_id: str) -> URIRef:
    return URIRef(report(doc_id))


def entity_id(iri: str) -> str:
    """The corpus-wide entity id an entity IRI was minted from."""
    return unquote(iri.removeprefix(_KGR))


def local(iri: str | None) -> str | None:
    """The local name of an ontology term (kg:under_way → under_way)."""
    return None if iri is None else iri.rsplit("#", 1)[-1]
