"""A corpus's manifest: the address each document was fetched from, and its title.

Whoever scrapes reports usually keeps a list of where each page came from. A tab-separated
`index.tsv` beside the texts (or one folder up, for a `texts/` folder) with an id column (`NN`,
`doc` or `id`: the file's stem; or `file`: its name) and a `url` column gives each document its
address: kept as provenance in the graph, and a date in the address (…/202404/…, …/2022/05/17/…)
is the publication date of a page whose text names none. A `title` column titles the document, before
any line of its lead (a report saved from its body, 各位代表：… on, has none, or a sentence that looks
like one): 1992年政府工作报告 says which year it reviews and plans. Other columns are not read.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlparse

log = logging.getLogger(__name__)

NAME = "index.tsv"
ADDRESS = "网址"  # the metadata key the address is kept under
_ID_COLUMNS = ("NN", "doc", "id")  # the file's stem
_FILE_COLUMN = "file"  # the file's name
# A date in an address's path: 2024/4/17, 2024-04, 20240417, 202404, or a year alone (2017/185869.html),
# never a number's digits or a word's (2025hxc, folder1991; t20191231 is a date); a whole day written
# with its separators after a word (zxz2022-06-13); a page number that opens with its day (2021092444505).
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
_PATH_DATE = re.compile(r"(?<![\d.])(?<![a-zA-Z]{2})(?P<year>(?:19|20)\d\d)(?:(?:[-_/](?P<month>1[0-2]|0?[1-9])"
                        rf"|(?P<mm>0[1-9]|1[0-2]))(?:[-_/]?{_DAY})?)?(?![\da-zA-Z.])"
                        rf"|(?<!\d)(?P<year2>(?:19|20)\d\d)(?P<sep>[-_/])(?P<month2>1[0-2]|0?[1-9])(?P=sep){_DAY}(?!\d)"
                        r"|(?<![\d.])(?P<year3>(?:19|20)\d\d)(?P<month3>0[1-9]|1[0-2])(?:[12]\d|3[01]|0[1-9])(?=\d{3})")


def address(path: str | Path) -> str | None:
    """The address the manifest beside `path` (or above its folder) gives the document, if any."""
    return _entry(Path(path), addresses)


def title(path: str | Path) -> str | None:
    """The title the manifest beside `path` (or above its folder) gives the document, if any."""
    return _entry(Path(path), titles)


def _entry(path: Path, column: Callable[[Path], dict[str, str]]) -> str | None:
    for folder in (path.parent, path.parent.parent):
        if (value := column(folder.resolve()).get(path.stem)) is not None:
            return value
    return None


@lru_cache(maxsize=256)
def addresses(folder: Path) -> dict[str, str]:
    """Document id → address from the folder's manifest; empty when there is none or it is unreadable."""
    return {key: url for key, row in _rows(folder).items()
            if urlparse(url := (row.get("url") or "").strip()).scheme in ("http", "https")}


@lru_cache(maxsize=256)
def titles(folder: Path) -> dict[str, str]:
    """Document id → title from the folder's manifest; empty when there is none or it is unreadable."""
    return {key: text for key, row in _rows(folder).items() if (text := (row.get("title") or "").strip())}


@lru_cache(maxsize=256)
def _rows(folder: Path) -> dict[str, dict[str, str]]:
    """Document id (a file's stem) → its row of the folder's manifest."""
    index = folder / NAME
    if not index.is_file():
        return {}
    try:
        with index.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
    except (OSError, UnicodeDecodeError, csv.Error) as e:
        log.warning("%s: manifest not read (%s)", index, e)
        return {}
    out = {}
    for row in rows:
        key = next((row[c].strip() for c in _ID_COLUMNS if (row.get(c) or "").strip()), None)
        if key is None and (name := (row.get(_FILE_COLUMN) or "").strip()):
            key = Path(name).stem
        if key:
            out[key] = row
    return out


def address_date(url: str) -> tuple[int, int | None] | None:
    """(year, month or None) of a date in the address's path, not its host or query: the last with
    its month (…/2017/0412/… before …/2017/…; a channel's …/20180408_col/… before the page's own
    …/202103/t20210330_1.html), else the first year alone."""
    dates = [(int(m["year"] or m["year2"] or m["year3"]),
              int(month) if (month := m["month"] or m["mm"] or m["month2"] or m["month3"]) else None)
             for m in _PATH_DATE.finditer(urlparse(url).path)]
    return next((d for d in reversed(dates) if d[1] is not None), dates[0] if dates else None)
