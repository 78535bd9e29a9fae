"""The knowledge graph as RDF, one module per job (each imports `terms`, never this file):

- `terms` namespaces, prefixes, the ontology, shape and query files (the ground floor)
- `iri` the IRIs minted for entities, reports and mentions
- `mapping` a resolved corpus → a stream of triples
- `store` the on-disk Oxigraph store and its query worker processes
- `export` the build's RDF outputs, streamed from the store
- `shacl` validation against ontology/shapes.ttl
- `query` bundled queries, parameters, typed results
- `format` results as tables, csv and JSON
- `view` the entity graph the HTML pages draw

A build never holds the graph in memory: `write_graph` streams the triples into the on-disk
store and writes the exports from it, and `validate_store` checks the store against the SHACL
shapes with SPARQL queries Oxigraph runs on it. This file re-exports what the rest of kg uses.
"""

from kg.rdf.export import FORMATS, GZIP_OVER, export, write_graph
from kg.rdf.format import format_result
from kg.rdf.iri import entity_id, entity_iri, report_iri
from kg.rdf.mapping import corpus_to_graph, quads
from kg.rdf.query import (
    QueryResult,
    bind_params,
    bundled_queries,
    is_update,
    library_query,
    resolve_query,
    run_query,
)
from kg.rdf.shacl import validate, validate_store
from kg.rdf.store import (
    UPDATE_REFUSED,
    KGStore,
    QueryError,
    QueryTimeout,
    StoreError,
    UpdateRefused,
    open_store,
    save_store,
)
from kg.rdf.terms import DATASET_GRAPH, KG, KGR, ONTOLOGY, PREFIXES, SHAPES
from kg.rdf.view import graph_view

__all__ = [
    "DATASET_GRAPH", "KG", "KGR", "ONTOLOGY", "PREFIXES", "SHAPES", "UPDATE_REFUSED", "KGStore", "QueryError",
    "QueryResult", "QueryTimeout", "StoreError", "UpdateRefused", "bind_params", "bundled_queries", "corpus_to_graph",
    "FORMATS", "GZIP_OVER", "entity_id", "entity_iri", "export", "format_result", "graph_view", "is_update",
    "library_query", "open_store", "quads", "report_iri", "resolve_query", "run_query", "save_store", "validate",
    "validate_store", "write_graph",
]
