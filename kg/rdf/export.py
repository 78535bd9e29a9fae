"""The graph written out: the build's RDF outputs, streamed from the store."""

from __future__ import annotations

import gzip
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.model import DocResult
from kg.rdf.mapping import quads
from kg.rdf.store import ntriples, save_store
from kg.rdf.terms import DATASET_GRAPH, DEFAULT_GRAPH, PREFIXES

FORMATS = {"nq": "N-Quads (the graph as one named graph)", "nt": "N-Triples", "ttl": "Turtle",
           "jsonld": "JSON-LD"}
GZIP_OVER = 50_000_000  # bytes: a build's N-Quads or extract.jsonl larger than this is written compressed


def export(source: Graph | Path, out_dir: Path, formats: tuple[str, ...] = tuple(FORMATS)) -> dict[str, Path]:
    """graph.<ext> in out_dir for each of `formats` (nq: one named graph), written by Oxigraph from
    a store folder (streamed, whatever the size) or from an rdflib graph; each file appears whole
    or not at all."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if isinstance(source, Graph):
        store = ox.Store()
        store.bulk_load(ntriples(source), ox.RdfFormat.N_TRIPLES)
    else:
        store = ox.Store.read_only(str(source))
    paths = {ext: out_dir / f"graph.{ext}" for ext in formats}
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".export-") as tmp:
        nt = Path(tmp) / "graph.nt"
        store.dump(nt, ox.RdfFormat.N_TRIPLES, from_graph=DEFAULT_GRAPH)
        for ext in formats:
            part = Path(tmp) / f"part.{ext}"
            if ext == "nt":
                shutil.copyfile(nt, part)
            elif ext == "nq":
                _nquads(nt, part)
            else:  # from graph.nt: reading it back is ~3× faster than the store's own dump
                fmt = ox.RdfFormat.TURTLE if ext == "ttl" else ox.RdfFormat.JSON_LD
                ox.serialize(ox.parse(path=nt, format=ox.RdfFormat.N_TRIPLES), part, fmt,
                             prefixes=PREFIXES if ext == "ttl" else None)
            os.replace(part, paths[ext])
    return paths


def _nquads(nt: Path, out: Path, compress: bool = False) -> None:
    in_graph = f" <{DATASET_GRAPH}> .\n".encode()
    with open(nt, "rb") as src, (gzip.open(out, "wb", compresslevel=6) if compress else open(out, "wb")) as dst:
        dst.writelines(line.removesuffix(b" .\n") + in_graph for line in src)  # Oxigraph ends each line so


def write_graph(results: Iterable[DocResult], out_dir: Path) -> int:
    """The build's RDF outputs: out_dir/store, and one interchange file, out_dir/graph.nq (gzipped,
    graph.nq.gz, when large), streamed from a resolved corpus's reports (one pass, one report at a
    time: a Spool or a list) without its graph ever being in memory; the
    other serializations come from `export` on demand (`kg export`). Returns the number of triples."""
    out_dir = Path(out_dir)
    count = save_store(quads(results), out_dir / "store")
    with tempfile.TemporaryDirectory(dir=out_dir, prefix=".export-") as tmp:
        nt = Path(tmp) / "graph.nt"
        ox.Store.read_only(str(out_dir / "store")).dump(nt, ox.RdfFormat.N_TRIPLES, from_graph=DEFAULT_GRAPH)
        large = nt.stat().st_size > GZIP_OVER
        _nquads(nt, out_dir / ("graph.nq.gz" if large else "graph.nq"), compress=large)
    return count
