"""Refusing an archive bomb: a small .docx whose document.xml expands to ~1.5 GB.

    python bench/bench_archive.py [--gigabytes 1.5]

Writes the file in a temporary folder (never in the repository), then reads it with
`kg.ingest.read_document` in a fresh process and reports the time to refusal and that process's
peak RSS. The limit is the default --max-size (20 MB).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

_READ = """
import json, resource, sys, time
t = time.perf_counter()
from kg.ingest import IngestError, read_document
try:
    read_document(sys.argv[1])
    reason = None
except IngestError as e:
    reason = e.reason
print(json.dumps({"seconds": time.perf_counter() - t, "reason": reason,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def make_bomb(path: Path, gigabytes: float) -> None:
    """A valid .docx in form: its document.xml is blanks inside one text run."""
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(b"<w:document><w:body><w:p><w:r><w:t>")
            for _ in range(int(gigabytes * 1024)):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gigabytes", type=float, default=1.5, help="What document.xml expands to.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bomb-") as tmp:
        path = Path(tmp) / "bomb.docx"
        t = time.perf_counter()
        make_bomb(path, args.gigabytes)
        made = time.perf_counter() - t
        out = subprocess.run([sys.executable, "-c", _READ, str(path)], capture_output=True, text=True, check=True)
        result = json.loads(out.stdout)
        print(f"bomb: {path.stat().st_size / 1e6:.1f} MB on disk, {args.gigabytes} GB inside (made in {made:.1f} s)")
        print(f"refused in {result['seconds']:.3f} s (including imports), peak RSS {result['peak_rss_mb']:.0f} MB: "
              f"{result['reason']}")


if __name__ == "__main__":
    main()
