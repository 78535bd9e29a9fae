"""A build streams its reports through the stages after extraction (issue 14: a bounded main
process): results wait in spool files, each stage pulls them one at a time, no document read
from disk outlives extraction, and the outputs are those of the in-memory reference."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic
from test_pipeline import A, B, C, records, report, write

from kg import pipeline, rdf
from kg.model import DocResult
from kg.pipeline import Options
from kg.rdf import KG
from kg.resolve import resolve_each
from kg.spool import Spool

D = report("青禾街道", 2023, "云杉路口袋公园", "云杉路口袋公园二期开工。")  # the same project a year on


def corpus(folder: Path) -> Path:
    for name, text in (("a.txt", A), ("b.txt", B), ("c.txt", C), ("d.txt", D)):
        write(folder, name, text)
    write(folder, "z/a-again.txt", A)  # a duplicate read after its first copy's result was spooled
    return folder


class Counted:
    """An iterable that counts how many items its consumer has pulled."""

    def __init__(self, items: Iterable[DocResult]):
        self.items, self.pulled = items, 0

    def __iter__(self) -> Iterator[DocResult]:
        for item in self.items:
            self.pulled += 1
            yield item


def extracted(src: Path) -> list[DocResult]:
    return pipeline.extract_all([src], Options(jobs=1)).results


def test_a_spool_gives_back_its_results_in_order_as_often_as_asked(tmp_path):
    results = extracted(corpus(tmp_path / "in"))
    with Spool(tmp_path / "s.spool") as spool:
        for r in results:
            spool.append(r)
        assert len(spool) == 4
        for _ in range(2):
            assert [r.doc.id for r in spool] == [r.doc.id for r in results]
            assert [r.doc.text for r in spool] == [r.doc.text for r in results]
    assert not (tmp_path / "s.spool").exists()


def test_resolution_pulls_one_report_at_a_time(tmp_path):
    source = Counted(extracted(corpus(tmp_path / "in")))
    stream = resolve_each(source)
    for k, r in enumerate(stream, 1):
        assert source.pulled == k and r.entities and all(e.id for e in r.entities)


def test_the_rdf_mapping_pulls_one_report_at_a_time(tmp_path):
    resolved = pipeline.build_corpus([corpus(tmp_path / "in")]).results
    source = Counted(resolved)
    reports = [str(rdf.report_iri(r.doc.id)) for r in resolved]
    for q in rdf.quads(source):
        if q.subject.value in reports:  # a report's own triples come before the next report is read
            assert source.pulled == reports.index(q.subject.value) + 1
    assert source.pulled == len(resolved)


def test_no_document_read_outlives_extraction(tmp_path, monkeypatch):
    """By the time the rdf stage starts, every Document the build read from disk is gone: later
    stages see only the one report they are reading back from the spool."""
    alive: list[weakref.ref] = []
    read = pipeline.read_document

    def tracked(path, **kw):
        doc = read(path, **kw)
        alive.append(weakref.ref(doc))
        return doc

    monkeypatch.setattr(pipeline, "read_document", tracked)
    write_graph = rdf.write_graph
    seen: list[int] = []

    def checked(results, out_dir):
        assert isinstance(results, Spool)
        gc.collect()
        seen.append(sum(ref() is not None for ref in alive))
        return write_graph(results, out_dir)

    monkeypatch.setattr(rdf, "write_graph", checked)
    pipeline.build([corpus(tmp_path / "in")], tmp_path / "out", Options(jobs=1))
    assert len(alive) == 5 and seen == [0]
    assert not [p for p in (tmp_path / "out").rglob("*.spool")]  # the spools go with the build


def test_a_streamed_build_gives_the_in_memory_reference(tmp_path):
    """The build (spooled, one pass per stage) against the library's in-memory path: the same
    records, the same graph, and a duplicate found late keeps both its names."""
    src = corpus(tmp_path / "in")
    out = tmp_path / "out"
    pipeline.build([src], out, Options(jobs=1))
    reference = pipeline.build_corpus([src])
    assert records(out) == [r.to_json() for r in reference.results]
    built = Dataset().parse(out / "graph.nq", format="nquads").graph(URIRef(rdf.DATASET_GRAPH))
    assert isomorphic(built, rdf.corpus_to_graph(reference))
    first = Literal(str(src / "a.txt"))
    [report_a] = built.subjects(KG.sourcePath, first)
    assert set(built.objects(report_a, KG.sourcePath)) == {first, Literal(str(src / "z" / "a-again.txt"))}
