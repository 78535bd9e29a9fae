"""Run the stages in order — ingest → structure/extract → resolve → rdf → views — over
thousands of reports, losing none of them and never leaving half-written outputs.

- Inputs stream: files are listed, read one at a time in the main process and de-duplicated
  by content; only the documents in flight are held, and the paths of those read.
- So do results: each stage of `build` after extraction is a pass over per-document results
  waiting on disk (`kg.spool`), so the main process holds one document at a time and what a
  stage gathers across documents (the resolution's index of names, the graph's tallies), never
  the corpus's texts. `build_corpus` keeps them in memory instead, for `kg extract` and tests.
- Extraction runs in worker processes (`jobs`) or on a Dask cluster (`engine="dask"`), in a
  bounded window, and results come back in input order, so any `jobs` gives the same bytes.
- A file that cannot be read is skipped with its reason (see `kg.ingest`); so is one on which
  extraction itself crashes. The rest of the build goes on.
- With a cache folder, a document whose content was extracted before by the same pipeline
  version is not extracted again (`kg.cache`); resolution is redone over the whole corpus.
- Outputs are written into out_dir/.build-XXXX and then moved into place one item at a time
  (`_commit`). A build killed before that leaves the previous outputs untouched; one killed
  during the moves is finished by the next build, which also removes abandoned folders.
"""

from __future__ import annotations

import ctypes
import fcntl
import gzip
import json
import multiprocessing as mp
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from kg.cache import ExtractCache
from kg.extract import extract
from kg.extract.decide import decider_key, load_decider
from kg.ingest import IngestError, iter_input_files, read_document
from kg.model import Corpus, DocResult, Document, Skipped
from kg.resolve import resolve_each
from kg.spool import Sink, Spool

DEFAULT_INPUT = Path(__file__).resolve().parent / "data" / "reports"  # shipped with the package
MB = 1_000_000
DEFAULT_MAX_BYTES = 20 * MB

# Exit codes of `kg build`, documented in the README and `kg build --help`.
EXIT_OK, EXIT_SKIPPED, EXIT_FAILED = 0, 3, 1

# Events that close the account of one input file: every listed file ends in one (a duplicate of a
# document whose extraction then crashed gets a `skipped` after its `duplicate`).
FILE_EVENTS = ("extracted", "cached", "duplicate", "skipped")


class BuildError(Exception):
    """A build that cannot go on, with a reason the user can act on."""


@dataclass
class Options:
    """How a build runs. `cache_dir` None: no cache. With jobs > 1 the workers are started by a
    fork server, so a script calling the library must guard its entry with `if __name__ == "__main__"`."""

    jobs: int = 1
    max_bytes: int = DEFAULT_MAX_BYTES
    cache_dir: Path | None = None
    engine: str = "local"  # local | dask
    scheduler: str | None = None  # the Dask scheduler's address, with engine="dask"
    model: str | None = None  # a decision model file, `rules`, or None for the model shipped in kg


# ---------------------------------------------------------------------------- events and progress

class Reporter:
    """Receives the build's events: `files` (total), one of FILE_EVENTS per file, `stage-start`,
    `stage` (seconds), `recovered`/`removed` (folders of killed builds), `done`. The base class
    ignores them: the library's default."""

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def __call__(self, event: str, **fields: Any) -> None:
        return None


class JsonLog(Reporter):
    """One JSON object per event and line, for machines: {"event": …, "t": seconds, …}."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.t0 = time.perf_counter()

    def __call__(self, event: str, **fields: Any) -> None:
        line = {"event": event, "t": round(time.perf_counter() - self.t0, 3), **fields}
        self.stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.stream.flush()


class Quiet(Reporter):
    """Errors only: each skipped file with its reason."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr

    def say(self, text: str) -> None:
        print(f"kg: {text}", file=self.stream, flush=True)

    def __call__(self, event: str, **fields: Any) -> None:
        if event == "skipped":
            self.say(f"skipped {fields['path']}: {fields['reason']}")


@dataclass
class Tally:
    """Files accounted for so far, their rate and the time left."""

    total: int | None = None
    counts: Counter[str] = field(default_factory=Counter)
    t0: float = field(default_factory=time.perf_counter)

    @property
    def done(self) -> int:
        return sum(self.counts[e] for e in FILE_EVENTS)

    def rate(self) -> float:
        return self.done / max(time.perf_counter() - self.t0, 1e-9)

    def summary(self) -> str:
        c = self.counts
        return (f"{c['extracted']} extracted, {c['cached']} from cache, {c['duplicate']} duplicates, "
                f"{c['skipped']} skipped")

    def line(self) -> str:
        left = ""
        if self.total and self.rate() > 0 and self.done < self.total:
            left = f", about {_duration((self.total - self.done) / self.rate())} left"
        return (f"{self.done}/{self.total if self.total is not None else '?'} files ({self.summary()}); "
                f"{self.rate():.1f} files/s{left}")


def _duration(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    return f"{m} min {s:02d} s" if m else f"{s} s"


class PlainLog(Quiet):
    """Log lines for a stderr that is not a terminal: progress every `every` files or `interval`
    seconds (and at the last file), stage timings, recovered builds."""

    def __init__(self, stream: TextIO | None = None, every: int = 100, interval: float = 5.0):
        super().__init__(stream)
        self.tally, self.every, self.interval = Tally(), every, interval
        self.last = time.perf_counter()

    def __call__(self, event: str, **fields: Any) -> None:
        super().__call__(event, **fields)
        t = self.tally
        if event == "files":
            t.total = fields["total"]
        elif event in FILE_EVENTS:
            t.counts[event] += 1
            now = time.perf_counter()
            if t.done % self.every == 0 or now - self.last >= self.interval or t.done == t.total:
                self.last = now
                self.say(t.line())
        elif event == "stage":
            self.say(f"{fields['stage']}: {fields['seconds']:.1f} s")
        elif event in ("recovered", "removed"):
            self.say(f"{event} the folder of an interrupted build: {fields['path']}")


class ProgressBar(PlainLog):
    """A rich progress bar on a terminal's stderr: files done, rate, time left; stage names."""

    def __enter__(self) -> ProgressBar:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                            console=Console(file=self.stream))
        self.task = self.bar.add_task("reading", total=None, rate="")
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def say(self, text: str) -> None:
        self.bar.console.print(f"kg: {text}", markup=False, highlight=False)

    def __call__(self, event: str, **fields: Any) -> None:
        t = self.tally
        if event == "files":
            t.total = fields["total"]
            self.bar.update(self.task, total=t.total)
        elif event in FILE_EVENTS:
            t.counts[event] += 1
            if event == "skipped":
                Quiet.__call__(self, event, **fields)
            self.bar.update(self.task, completed=t.done, description=f"extracting ({t.summary()})",
                            rate=f"{t.rate():.1f} files/s")
        elif event in ("stage-start", "done"):
            self.bar.update(self.task, description=f"{fields['stage']} …" if event == "stage-start" else "built")
        else:
            super().__call__(event, **fields)


def reporter_for(stream: TextIO, *, quiet: bool = False, json_log: bool = False) -> Reporter:
    """The reporter `kg build` uses: JSON lines, errors only, a bar on a terminal, else log lines."""
    if json_log:
        return JsonLog(stream)
    if quiet:
        return Quiet(stream)
    return ProgressBar(stream) if stream.isatty() else PlainLog(stream)


@dataclass
class BuildLog:
    """Where a build's events go, how many of each there were, and each stage's wall time."""

    report: Reporter = field(default_factory=Reporter)
    counts: Counter[str] = field(default_factory=Counter)
    stages: dict[str, float] = field(default_factory=dict)

    def __call__(self, event: str, **fields: Any) -> None:
        self.counts[event] += 1
        self.report(event, **fields)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self("stage-start", stage=name)
        t = time.perf_counter()
        yield
        seconds = time.perf_counter() - t
        self.stages[name] = round(self.stages.get(name, 0.0) + seconds, 3)
        self("stage", stage=name, seconds=round(seconds, 3))


# ---------------------------------------------------------------------------- reading

def _list_inputs(inputs: Iterable[str | Path]) -> list[str | Skipped]:
    """Every input file (folders recursively, sorted; each real file once), or a Skipped for an
    input that does not exist or cannot be listed: one bad argument must not sink the others."""
    out: list[str | Skipped] = []
    seen: set[str] = set()
    for item in inputs:
        try:
            for path in iter_input_files([item]):
                real = os.path.realpath(path)
                if real not in seen:
                    seen.add(real)
                    out.append(str(path))
        except IngestError as e:
            out.append(Skipped(e.path, e.reason))
    return out


def _skip(skipped: list[Skipped], log: BuildLog, item: Skipped) -> None:
    skipped.append(item)
    log("skipped", path=item.path, reason=item.reason)


def _documents(files: list[str | Skipped], max_bytes: int, extraction: Extraction, log: BuildLog,
               failed: dict[str, str]) -> Iterator[Document]:
    """Readable documents in input order, each content once: a file whose cleaned text was read
    before only adds its path to that content's `Extraction.paths` (or is skipped with the reason
    in `failed`, by content hash, when extracting that content crashed). A document id is the file
    stem, made unique with ~2, ~3 … when two folders hold the same name. Only paths are kept of
    the documents read: their texts go with their results."""
    ids: Counter[str] = Counter()
    for f in files:
        if isinstance(f, Skipped):
            _skip(extraction.skipped, log, f)
            continue
        try:
            doc = read_document(f, max_bytes=max_bytes)
        except IngestError as e:
            _skip(extraction.skipped, log, Skipped(e.path, e.reason))
            continue
        same = extraction.paths.get(doc.sha256)
        if same is not None:
            if doc.sha256 in failed:
                _skip(extraction.skipped, log, Skipped(doc.path, failed[doc.sha256]))
            else:
                same.append(doc.path)
                log("duplicate", path=doc.path, same_as=same[0])
            continue
        extraction.paths[doc.sha256] = [doc.path]
        ids[doc.id] += 1
        if ids[doc.id] > 1:
            doc.id = f"{doc.id}~{ids[doc.id]}"
        yield doc


# ---------------------------------------------------------------------------- extracting

def _extract_safe(doc: Document, model: str | None = None) -> DocResult | str:
    """`extract`, with a crash turned into a skip reason naming where it happened: one odd
    document must not sink a build of thousands. Runs in workers, so it returns, never raises."""
    try:
        return extract(doc, load_decider(model))
    except Exception as e:  # noqa: BLE001 - any bug in extraction becomes this file's reason
        where = traceback.extract_tb(e.__traceback__)[-1]
        return (f"extraction failed: {type(e).__name__}: {e} "
                f"(at {Path(where.filename).name}:{where.lineno}, please report)")


def _done(value: Any) -> Future:
    future: Future = Future()
    future.set_result(value)
    return future


def _now(doc: Document, model: str | None) -> Future:
    return _done(_extract_safe(doc, model))


def _mp_context() -> mp.context.BaseContext:
    """Workers forked from a clean server that has imported the extractor once: cheap to start,
    and safe while the progress bar's thread runs in the main process (plain fork is not)."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["kg.extract"])
    return ctx


def _dask_client(address: str | None) -> Any:
    if not address:
        raise BuildError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    try:
        from distributed import Client
    except ImportError:
        raise BuildError("--engine dask needs Dask: pip install 'kg[dask]'") from None
    try:
        return Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as e:
        raise BuildError(f"cannot reach the Dask scheduler at {address}: {e}") from None


@contextmanager
def _runner(options: Options) -> Iterator[tuple[Callable[[Document], Future], int]]:
    """A function that starts extracting a document and returns its future, and how many
    documents to keep in flight (what bounds memory: the rest wait on disk)."""
    if options.engine == "dask":
        # The workers need the same kg version installed; documents travel to them as text.
        with _dask_client(options.scheduler) as client:
            threads = sum(client.nthreads().values())
            yield (lambda doc: client.submit(_extract_safe, doc, options.model, pure=False)), max(8, 2 * threads)
    elif options.engine != "local":
        raise BuildError(f"unknown engine {options.engine!r} (local or dask)")
    elif options.jobs > 1:
        pool = ProcessPoolExecutor(options.jobs, mp_context=_mp_context())
        try:
            yield (lambda doc: pool.submit(_extract_safe, doc, options.model)), 4 * options.jobs
        finally:
            pool.shutdown(cancel_futures=True)
    else:
        yield (lambda doc: _now(doc, options.model)), 1


def _in_order(docs: Iterable[Document], start: Callable[[Document], tuple[Future, bool]],
              window: int) -> Iterator[tuple[Document, Future, bool]]:
    """Keep up to `window` documents in flight and hand them back in input order."""
    pending: deque[tuple[Document, Future, bool]] = deque()
    for doc in docs:
        pending.append((doc, *start(doc)))
        if len(pending) >= window:
            yield pending.popleft()
    yield from pending


@dataclass
class Extraction:
    """Extraction's results, in input order, in `results` (a list, or a Spool on disk); the inputs
    skipped; and every path of each content read, by hash, the first one first (a duplicate can
    turn up after its first copy's result was put away, so its path is added when read back)."""

    results: Sink
    skipped: list[Skipped] = field(default_factory=list)
    paths: dict[str, list[str]] = field(default_factory=dict)

    def __iter__(self) -> Iterator[DocResult]:
        for r in self.results:
            r.doc.also_paths = self.paths[r.doc.sha256][1:]
            yield r


def extract_into(results: Sink, inputs: Iterable[str | Path], options: Options | None = None,
                 log: BuildLog | None = None) -> Extraction:
    """Per-document extraction of every input, de-duplicated by content, in input order,
    unresolved, each result appended to `results` as soon as it and those before it are done.
    Each file gets one FILE_EVENTS event."""
    options, log = options or Options(), log or BuildLog()
    extraction = Extraction(results)
    failed: dict[str, str] = {}
    files = _list_inputs(inputs)
    log("files", total=len(files))
    decider = decider_key(options.model)  # reads the model once here: a bad file fails the build at once
    cache = ExtractCache(options.cache_dir, decider) if options.cache_dir else None
    with _runner(options) as (submit, window):
        def start(doc: Document) -> tuple[Future, bool]:
            hit = cache.get(doc) if cache else None
            return (_done(hit), True) if hit else (submit(doc), False)

        for doc, future, cached in _in_order(_documents(files, options.max_bytes, extraction, log, failed), start,
                                              window):
            out = future.result()
            if isinstance(out, str):  # extraction crashed: every file with this content is skipped
                failed[doc.sha256] = out
                for path in extraction.paths[doc.sha256]:
                    _skip(extraction.skipped, log, Skipped(path, out))
                continue
            out.doc = doc  # the main process's copy of the document
            if cache and not cached:
                cache.put(out)  # before `resolve` adds corpus-wide ids
            log("cached" if cached else "extracted", path=doc.path, doc=doc.id)
            results.append(out)
    return extraction


def extract_all(inputs: Iterable[str | Path], options: Options | None = None,
                log: BuildLog | None = None) -> Corpus:
    """`extract_into` a list: the unresolved corpus in memory, for small inputs and tests."""
    extraction = extract_into([], inputs, options, log)
    return Corpus(list(extraction), extraction.skipped)


def _extract_and_resolve(inputs: Iterable[str | Path], options: Options, log: BuildLog, extracted: Sink,
                         resolved: Sink) -> list[Skipped]:
    """The extract and resolve stages, each result put in `extracted`, then resolved into `resolved`
    (lists, or Spools: then the main process holds one document at a time, and the resolution's
    index of names). Returns the inputs skipped."""
    with log.stage("extract"):
        extraction = extract_into(extracted, inputs, options, log)
    with log.stage("resolve"):
        for r in resolve_each(extraction):
            resolved.append(r)
    return extraction.skipped


def build_corpus(inputs: Iterable[str | Path] = (DEFAULT_INPUT,), jobs: int = 1,
                 options: Options | None = None, log: BuildLog | None = None) -> Corpus:
    """Extract and resolve, in memory: the library entry point behind `kg extract`.
    `jobs` is a shorthand for Options(jobs=…) when no options are given."""
    options, log = options or Options(jobs=jobs), log or BuildLog()
    results: list[DocResult] = []
    skipped = _extract_and_resolve(inputs, options, log, [], results)
    return Corpus(results, skipped)


def write_jsonl(results: Iterable[DocResult], fh: TextIO) -> None:
    for r in results:
        fh.write(json.dumps(r.to_json(), ensure_ascii=False) + "\n")


# ---------------------------------------------------------------------------- atomic outputs

@contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` for a writer to fill; once the writer is done it replaces
    `path` whole, and a killed or failed run leaves the previous file in place. A writer that removes
    the temporary file keeps the previous one too."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
    os.close(fd)
    try:
        yield Path(tmp)
        if os.path.exists(tmp):
            os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide a shared model file from other users
            os.replace(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def write_atomic(path: Path, text: str) -> None:
    """Write a file whole or not at all: a killed run leaves the previous file in place."""
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


STAGING_PREFIX = ".build-"
_SEALED = ".complete"  # in a staging folder: every output is written; maps item name → inode
_LOCK = ".build.lock"
REPORT = "build-report.json"


@contextmanager
def _locked(out_dir: Path) -> Iterator[None]:
    """One build at a time per output folder (the lock dies with its process, even on kill -9)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with open(out_dir / _LOCK, "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError(f"another kg build is writing to {out_dir}") from None
        yield


def _inode(path: Path) -> int | None:
    try:
        return path.lstat().st_ino
    except FileNotFoundError:
        return None


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    at_fdcwd, rename_exchange = -100, 2
    return renameat2 is not None and renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b),
                                               rename_exchange) == 0


def _seal(staging: Path) -> None:
    """Mark a staging folder complete, recording which inode each finished output has, in the
    order they are to be moved: build-report.json last, so that when it is new, everything is."""
    outputs = sorted((p for p in staging.iterdir() if not p.name.startswith(_SEALED)),
                     key=lambda p: (p.name == REPORT, p.name))
    items = {p.name: p.lstat().st_ino for p in outputs}
    tmp = staging / f"{_SEALED}.tmp"
    tmp.write_text(json.dumps(items), "utf-8")
    os.replace(tmp, staging / _SEALED)


def _commit(staging: Path, out_dir: Path) -> None:
    """Move each output of a sealed staging folder into place: a file by rename (atomic), a
    folder by exchange with the old one (atomic where the kernel can; else two renames, with a
    moment between them when the folder is missing). Idempotent: an item whose inode already
    sits in out_dir was moved before a kill, so a killed commit is finished by running it again."""
    items = json.loads((staging / _SEALED).read_text("utf-8"))
    for name, ino in items.items():
        src, dst = staging / name, out_dir / name
        if _inode(dst) == ino or _inode(src) != ino:
            continue
        if _inode(dst) is not None and (src.is_dir() or dst.is_dir()):
            if not _exchange(src, dst):  # the old one ends in staging either way, removed below
                os.replace(dst, staging / f".old-{name}")
                os.replace(src, dst)
        else:
            os.replace(src, dst)
    shutil.rmtree(staging, ignore_errors=True)


def _recover(out_dir: Path, log: BuildLog) -> None:
    """Finish the commit of a build killed while moving its outputs; remove the staging folders
    of builds killed before that (their outputs were never started to be moved)."""
    for staging in sorted(out_dir.glob(f"{STAGING_PREFIX}*")):
        if (staging / _SEALED).is_file():
            _commit(staging, out_dir)
            log("recovered", path=str(staging))
        elif staging.is_dir():
            shutil.rmtree(staging, ignore_errors=True)
            log("removed", path=str(staging))


@dataclass
class _Read:
    """What the build report says of the documents read, gathered as their results stream by."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    types: dict[str, str] = field(default_factory=dict)  # entity id → the type of its first report's record
    mentions: int = 0

    def add(self, r: DocResult) -> None:
        self.documents.append({"doc": r.doc.id, "path": r.doc.path, "also": r.doc.also_paths,
                               "encoding": r.doc.encoding, "chars": len(r.doc.text),
                               "district": r.district.name if r.district else None})
        for e in r.entities:
            self.types.setdefault(e.id, e.type)
            self.mentions += len(e.mentions)


def _write_outputs(results: Iterable[DocResult], staging: Path, log: BuildLog, read: _Read,
                   jobs: int = 1) -> dict[str, Any]:
    """Every output into the staging folder, each stage one pass over `results`; returns the
    graph's facts for the build report, and gathers in `read` those of the documents."""
    from kg import builds, rdf, views  # the heavier stages load only when a build writes outputs

    with log.stage("write"):
        with open(staging / "extract.jsonl", "w", encoding="utf-8") as fh:
            for r in results:
                write_jsonl([r], fh)
                read.add(r)
        _compress_if_large(staging / "extract.jsonl", rdf.GZIP_OVER)
    with log.stage("rdf"):  # streamed into the store: the corpus's graph is never held in memory
        triples = rdf.write_graph(results, staging)
    with log.stage("validate"):
        conforms, shacl_report = rdf.validate_store(staging / "store", jobs=jobs)
    with log.stage("views"), rdf.open_store(staging / "store") as store:
        ledger = builds.ledger(store)  # first: its query's JSON is let go before the graph is read
        views.render(rdf.graph_view(store), staging, ledger=ledger)
    return {"triples": triples, "shacl_conforms": conforms,
            "shacl_report": shacl_report if not conforms else ""}


def _compress_if_large(path: Path, over: int) -> None:
    """path.gz in place of a file larger than `over` bytes: at 1,000 reports the JSONL is 200 MB
    of text that compresses sevenfold, read by a line-by-line `gzip.open` as easily as plain."""
    if path.stat().st_size > over:
        with open(path, "rb") as src, gzip.open(path.with_name(path.name + ".gz"), "wb", compresslevel=6) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        path.unlink()


def _build_report(inputs: list[str | Path], read: _Read, skipped: list[Skipped], log: BuildLog,
                  graph_facts: dict[str, Any], seconds: float) -> dict[str, Any]:
    return {
        "inputs": inputs,
        "documents_read": read.documents,
        "documents_skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
        "extracted": log.counts["extracted"],
        "from_cache": log.counts["cached"],
        "duplicates": log.counts["duplicate"],
        "entities_by_type": dict(Counter(read.types.values())),
        "mentions": read.mentions,
        **graph_facts,
        "seconds_by_stage": log.stages,
        "seconds_total": round(seconds, 3),
    }


def build(inputs: Iterable[str | Path], out_dir: Path, options: Options | None = None,
          report: Reporter | None = None) -> dict[str, Any]:
    """The whole build; returns the build report (also written as build-report.json).
    Raises BuildError (or what a stage raised) with the previous outputs left in place."""
    t0 = time.perf_counter()
    options, log = options or Options(), BuildLog(report or Reporter())
    inputs, out_dir = [str(p) for p in inputs], Path(out_dir)
    with _locked(out_dir):
        _recover(out_dir, log)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out_dir))
        read = _Read()
        try:  # results wait in spool files between stages: one document at a time in memory
            with Spool(staging / ".resolved.spool") as resolved:
                with Spool(staging / ".extracted.spool") as extracted:
                    skipped = _extract_and_resolve(inputs, options, log, extracted, resolved)
                facts = _write_outputs(resolved, staging, log, read, options.jobs)
            result = _build_report(inputs, read, skipped, log, facts, time.perf_counter() - t0)
            (staging / REPORT).write_text(json.dumps(result, ensure_ascii=False, indent=1),
                                                       "utf-8")
            _seal(staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _commit(staging, out_dir)
    log("done", documents=len(read.documents), skipped=len(skipped), extracted=log.counts["extracted"],
        from_cache=log.counts["cached"], seconds=round(time.perf_counter() - t0, 3))
    return result
