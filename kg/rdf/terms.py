"""The ground floor of kg.rdf: namespaces, prefixes, the ontology, shape and query files, and the
conversions between pyoxigraph and rdflib terms that several modules share.

Every module of the package imports from here, never from the package's `__init__`, so no
import circle can form."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pyoxigraph as ox
from rdflib import RDF, XSD, BNode, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.model import Mode

KG_PACKAGE = Path(__file__).resolve().parent.parent
# Package data (the repository's top-level ontology/ links here).
ONTOLOGY_DIR = KG_PACKAGE / "ontology"
ONTOLOGY = ONTOLOGY_DIR / "kg.ttl"
SHAPES = ONTOLOGY_DIR / "shapes.ttl"
QUERIES_DIR = KG_PACKAGE / "queries"

KG = Namespace("https://w3id.org/kg-reports/ontology#")
KGR = Namespace("https://w3id.org/kg-reports/id/")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PREFIXES = {
    "kg": str(KG), "kgr": str(KGR), "rdf": str(RDF), "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#", "xsd": str(XSD), "skos": str(SKOS), "dcterms": str(DCTERMS),
    "prov": str(PROV), "org": str(ORG), "schema": str(SCHEMA), "qb": "http://purl.org/linked-data/cube#",
}
PREDICATES = ("partOf", "locatedIn", "participatesIn", "runBy", "publishedBy", "cooccurs")
MODES = (Mode.REVIEW, Mode.PLAN, Mode.OTHER)
# N-Quads put everything in one named graph, so the dataset can sit beside others in a quad store.
DATASET_GRAPH = "https://w3id.org/kg-reports/graph"
DEFAULT_GRAPH = ox.DefaultGraph()

_XSD_STRING = str(XSD.string)


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> Any:
    """The rdflib term for a pyoxigraph one (an xsd:string literal becomes a plain literal, as
    rdflib writes it). kg writes no RDF-star, so a quoted triple is an error."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Triple):
        raise ValueError(f"a quoted triple has no rdflib term: {term}")
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    return Literal(term.value, datatype=None if datatype == _XSD_STRING else URIRef(datatype))


def short(iri: str) -> str:
    """An IRI written with the graph's prefixes (kgr:…), as a person reads it."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{unquote(iri[len(ns):])}"
    return iri
