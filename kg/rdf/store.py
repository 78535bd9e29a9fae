"""The on-disk Oxigraph store: bulk loading, and read-only handles with query workers.

User queries never run in this process: pyoxigraph has no query timeout and its evaluation
cannot be interrupted from Python, so a runaway query in a thread would burn a core until it
finished. Queries run in a worker process holding its own read-only handle on the store;
on timeout the worker is killed and a fresh one started, and the caller's store stays usable."""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import weakref
from collections.abc import Iterable
from itertools import chain, islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from kg.rdf.terms import KG_PACKAGE

UPDATE_REFUSED = "updates are not allowed: the store is read-only"


def ntriples(graph: Graph) -> bytes:
    return graph.serialize(format="nt", encoding="utf-8")


_LOAD_BATCH = 100_000  # quads per bulk load: ~100 MB


def save_store(source: Graph | Iterable[ox.Quad], store_dir: Path) -> int:
    """Bulk-load triples — a stream of quads such as `quads(corpus)`, or an rdflib graph — into
    a new on-disk Oxigraph store, closed when this returns. Returns how many triples it holds."""
    store_dir = Path(store_dir)
    if store_dir.exists() and any(store_dir.iterdir()):
        raise FileExistsError(f"{store_dir}: not empty; a store is written into a new folder")
    store_dir.mkdir(parents=True, exist_ok=True)
    store = ox.Store(str(store_dir))
    if isinstance(source, Graph):
        store.bulk_load(ntriples(source), ox.RdfFormat.N_TRIPLES)
    else:
        quads = iter(source)
        for first in quads:  # the bulk loader holds what one call gives it: ~1 GB for 1.5M triples
            store.bulk_extend(chain([first], islice(quads, _LOAD_BATCH - 1)))
    store.optimize()
    store.flush()
    count = len(store)
    del store  # the last reference: RocksDB closes its files here
    return count


class StoreError(Exception):
    """The store folder is missing or is not an Oxigraph store."""


class QueryError(Exception):
    """A query that cannot run: its message, and where the parser stopped when it is a syntax error."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column

    def __str__(self) -> str:
        where = f"line {self.line}, column {self.column}: " if self.line is not None else ""
        return where + self.message


class UpdateRefused(QueryError):
    """An update (INSERT, DELETE, LOAD, …) sent to the read-only store."""

    def __init__(self) -> None:
        super().__init__(UPDATE_REFUSED)


class QueryTimeout(Exception):
    """The query ran past its time limit and was stopped."""


def _worker_main(path: str, fd: int) -> None:
    """Worker process: answer queries on a read-only store until the socket closes."""
    conn = Connection(fd)
    try:
        store = ox.Store.read_only(path)
    except OSError as e:
        conn.send(("error", f"cannot open the store {path}: {e}"))
        return
    conn.send(("ready", b""))
    while True:
        try:
            sparql = conn.recv()
        except EOFError:
            return
        try:
            result = store.query(sparql)
            if isinstance(result, ox.QuerySolutions):
                conn.send(("select", result.serialize(format=ox.QueryResultsFormat.JSON)))
            elif isinstance(result, ox.QueryBoolean):
                conn.send(("ask", result.serialize(format=ox.QueryResultsFormat.JSON)))
            else:
                conn.send(("construct", result.serialize(format=ox.RdfFormat.N_TRIPLES)))
        except SyntaxError as e:
            conn.send(("syntax", str(e)))
        except Exception as e:  # noqa: BLE001 - reported to the caller, the worker stays up
            conn.send(("error", f"{type(e).__name__}: {e}"))


# A plain subprocess rather than multiprocessing: spawning would re-import the caller's main
# script, which breaks any script without an `if __name__ == "__main__"` guard.
_WORKER_CODE = "import sys; from kg.rdf.store import _worker_main; _worker_main(sys.argv[1], int(sys.argv[2]))"


class _Worker:
    """One query process and the socket to it."""

    START_TIMEOUT = 60.0

    def __init__(self, path: Path):
        mine, theirs = socket.socketpair()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", _WORKER_CODE, str(path), str(theirs.fileno())], pass_fds=[theirs.fileno()],
            stdin=subprocess.DEVNULL, env=child_env())
        theirs.close()
        self.conn = Connection(mine.detach())
        weakref.finalize(self, self.proc.kill)  # never outlive the caller, even if it forgets close()
        if not self.conn.poll(self.START_TIMEOUT):
            self.kill()
            raise StoreError(f"the query process for {path} did not start within {self.START_TIMEOUT:g} s")
        try:
            kind, payload = self.conn.recv()
        except EOFError:
            kind, payload = "error", f"the query process for {path} exited at start (see the messages above)"
        if kind != "ready":
            self.kill()
            raise StoreError(payload)

    def ask(self, sparql: str, timeout: float) -> tuple[str, Any]:
        self.conn.send(sparql)
        if not self.conn.poll(timeout):
            raise QueryTimeout(f"the query ran longer than {timeout:g} s and was stopped")
        try:
            return self.conn.recv()
        except EOFError:
            raise QueryError("the query process died (out of memory?); try a narrower query") from None

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()
        self.conn.close()

    def close(self) -> None:
        self.conn.close()  # the worker sees EOF and exits
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            self.kill()


def open_read_only(path: Path) -> ox.Store:
    if not (path / "CURRENT").is_file():
        raise StoreError(f"{path}: no Oxigraph store here (run `kg build` first)")
    try:
        return ox.Store.read_only(str(path))
    except OSError as e:
        raise StoreError(f"{path}: cannot open the store: {e}") from e


class KGStore:
    """A read-only Oxigraph store on disk: `store` for trusted in-process reads (graph_view),
    and a small pool of worker processes that run user queries under a time limit."""

    def __init__(self, path: Path, workers: int = 1):
        self.path = Path(path)
        self.store = open_read_only(self.path)
        self.workers = workers
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        for _ in range(workers):
            self._idle.put(None)  # started on first use

    def __len__(self) -> int:
        return len(self.store)

    def __enter__(self) -> KGStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, sparql: str, timeout: float) -> tuple[str, Any]:
        """(kind, payload) from a worker; a worker that times out or fails is replaced."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            raise QueryTimeout(f"all {self.workers} query processes stayed busy for {timeout:g} s") from None
        try:
            worker = worker or _Worker(self.path)
            return worker.ask(sparql, timeout)
        except BaseException:
            if worker is not None:
                worker.kill()
            worker = None
            raise
        finally:
            self._idle.put(worker)

    def close(self) -> None:
        """Stop the worker processes (the in-process handle closes with the object)."""
        for _ in range(self.workers):
            worker = self._idle.get()
            if worker is not None:
                worker.close()
            self._idle.put(None)


def open_store(store_dir: Path, workers: int = 1) -> KGStore:
    """Open a store written by `save_store`, read-only; `workers` bounds concurrent queries."""
    return KGStore(Path(store_dir), workers=workers)


def child_env() -> dict[str, str]:
    """The environment of a worker process: it imports this very kg package."""
    paths = [str(KG_PACKAGE.parent), os.environ.get("PYTHONPATH")]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, paths))}
