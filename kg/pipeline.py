"""Run the stages in order — ingest → structure/extract → resolve → rdf → views — and write
the outputs atomically: everything goes to a temporary folder beside the output folder and
is moved into place only once the whole build has succeeded."""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from kg.extract import extract
from kg.ingest import IngestError, iter_input_files, read_document
from kg.model import Corpus, DocResult, Skipped
from kg.resolve import resolve

log = logging.getLogger("kg")
DEFAULT_INPUT = Path(__file__).resolve().parent.parent / "data" / "reports"

# Exit codes of `kg build`, documented in the README and `kg build --help`.
EXIT_OK, EXIT_SKIPPED, EXIT_FAILED = 0, 3, 1


@dataclass
class Timer:
    """Wall time per stage, for build-report.json."""

    stages: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        t = time.perf_counter()
        yield
        self.stages[name] = round(self.stages.get(name, 0.0) + time.perf_counter() - t, 3)


def _extract_one(path: str, max_bytes: int) -> DocResult | Skipped:
    """Read and extract one file; runs in worker processes, so it returns rather than raises."""
    try:
        return extract(read_document(path, max_bytes=max_bytes))
    except IngestError as e:
        return Skipped(e.path, e.reason)


def extract_all(inputs: Iterable[str | Path], jobs: int = 1, max_bytes: int = 20_000_000) -> Corpus:
    """Per-document extraction of every input, de-duplicated by content, in input order."""
    corpus = Corpus()
    try:
        paths = [str(p) for p in iter_input_files(inputs)]
    except IngestError as e:
        corpus.skipped.append(Skipped(e.path, e.reason))
        return corpus
    if jobs > 1 and len(paths) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outcomes = list(pool.map(_extract_one, paths, [max_bytes] * len(paths), chunksize=4))
    else:
        outcomes = [_extract_one(p, max_bytes) for p in paths]
    seen: dict[str, DocResult] = {}
    ids: Counter[str] = Counter()
    for out in outcomes:
        if isinstance(out, Skipped):
            log.warning("skipped %s: %s", out.path, out.reason)
            corpus.skipped.append(out)
            continue
        first = seen.get(out.doc.sha256)
        if first is not None:  # same content under another name: read once, both names kept
            first.doc.also_paths.append(out.doc.path)
            continue
        ids[out.doc.id] += 1
        if ids[out.doc.id] > 1:  # two files with one stem in different folders
            out.doc.id = f"{out.doc.id}~{ids[out.doc.id]}"
        seen[out.doc.sha256] = out
        corpus.results.append(out)
    return corpus


def build_corpus(inputs: Iterable[str | Path] = (DEFAULT_INPUT,), jobs: int = 1,
                 timer: Timer | None = None) -> Corpus:
    """Extract and resolve: the library entry point behind `kg extract` and `kg build`."""
    timer = timer or Timer()
    with timer("extract"):
        corpus = extract_all(inputs, jobs=jobs)
    with timer("resolve"):
        resolved = resolve(corpus.results)
    resolved.skipped = corpus.skipped
    return resolved


def write_jsonl(corpus: Corpus, fh) -> None:
    for r in corpus.results:
        fh.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")


def _replace(src: Path, dst: Path) -> None:
    """Move one finished output into place; a folder is swapped whole."""
    if src.is_dir():
        old = dst.with_name(f".{dst.name}.old")
        if dst.exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(dst, old)
        os.replace(src, dst)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(src, dst)


def build(inputs: Iterable[str | Path], out_dir: Path, jobs: int = 1) -> dict:
    """The whole build; returns the build report (also written as build-report.json)."""
    from kg import rdf, views  # the heavier stages load only when a build writes outputs

    timer = Timer()
    t0 = time.perf_counter()
    inputs = list(inputs)
    corpus = build_corpus(inputs, jobs=jobs, timer=timer)
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".build-", dir=out_dir))
    try:
        with open(tmp / "extract.jsonl", "w", encoding="utf-8") as fh:
            write_jsonl(corpus, fh)
        with timer("rdf"):
            graph = rdf.corpus_to_graph(corpus)
            rdf.save_store(graph, tmp / "store")
            rdf.export(graph, tmp)
        with timer("validate"):
            conforms, shacl_report = rdf.validate(graph)
        with timer("views"):
            nx_graph = rdf.graph_view(rdf.open_store(tmp / "store"))
            views.render(nx_graph, tmp)
            views.export_graph(nx_graph, tmp)
        report = {
            "inputs": [str(p) for p in inputs],
            "documents_read": [
                {"doc": r.doc.id, "path": r.doc.path, "also": r.doc.also_paths, "encoding": r.doc.encoding,
                 "chars": len(r.doc.text), "district": r.district.name if r.district else None}
                for r in corpus.results
            ],
            "documents_skipped": [{"path": s.path, "reason": s.reason} for s in corpus.skipped],
            "entities_by_type": dict(Counter(e.type for es in corpus.entities().values() for e in es[:1])),
            "mentions": sum(len(e.mentions) for r in corpus.results for e in r.entities),
            "triples": len(graph),
            "shacl_conforms": conforms,
            "shacl_report": shacl_report if not conforms else "",
            "seconds_by_stage": timer.stages,
            "seconds_total": round(time.perf_counter() - t0, 3),
        }
        (tmp / "build-report.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), "utf-8")
        for item in sorted(tmp.iterdir()):
            _replace(item, out_dir / item.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return report
