"""The graph written out: the build's RDF outputs, streamed from the store."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.model import Corpus
from kg.rdf.mapping import quads
from kg.rdf.store import ntriples, save_store
from kg.rdf.terms import DATASET_GRAPH, DEFAULT_GRAPH, PREFIXES


def export(source: Graph | Path, out_dir: Path) -> dict[str, Path]:
    """graph.ttl, graph.nt, graph.nq (one named graph) and graph.jsonld in out_dir, written by
    Oxigraph from a store folder (streamed, whatever the size) or from an rdflib graph."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if isinstance(source, Graph):
        store = ox.Store()
        store.bulk_load(ntriples(source), ox.RdfFormat.N_TRIPLES)
    else:
        store = ox.Store.read_only(str(source))
    paths = {ext: out_dir / f"graph.{ext}" for ext in ("nt", "ttl", "jsonld", "nq")}
    store.dump(paths["nt"], ox.RdfFormat.N_TRIPLES, from_graph=DEFAULT_GRAPH)
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
