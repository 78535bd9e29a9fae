"""Per-document results kept on disk between the stages of a build, not in memory.

A build of thousands of reports cannot hold them all: each `DocResult` carries its report's full
text, its mentions and relations (the 1,000× corpus took 2 GB in the main process after
extraction). A `Spool` is one file of pickled results, appended one at a time and read back in
the same order as often as a stage needs, so the stages after extraction hold one document at a
time plus what they gather across documents. The file is the build's own scratch: it lives in
the staging folder and is removed when the `with` block ends (or with the folder, if the build
is killed). Like the extraction cache, it is read only by the process that wrote it.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Protocol

from kg.model import DocResult


class Sink(Protocol):
    """Where a stage puts its results in order, and reads them back: a list, or a Spool."""

    def append(self, result: DocResult, /) -> None: ...

    def __iter__(self) -> Iterator[DocResult]: ...


class Spool:
    """DocResults pickled one after another in `path`, read back in the order they were put."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.count = 0
        self._out: IO[bytes] | None = open(self.path, "wb")  # noqa: SIM115 - closed by close() or the first read

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
        self.path.unlink(missing_ok=True)

    def __len__(self) -> int:
        return self.count

    def append(self, result: DocResult) -> None:
        if self._out is None:
            raise ValueError(f"{self.path}: a spool is written before it is read, not after")
        pickle.dump(result, self._out, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def __iter__(self) -> Iterator[DocResult]:
        """Each result in turn, read from the file as it is asked for (each pass a fresh read)."""
        self.close()
        with open(self.path, "rb") as fh:
            for _ in range(self.count):
                yield pickle.load(fh)
