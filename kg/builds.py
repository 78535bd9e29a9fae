"""The folder `kg build -o DIR` writes, as the commands that read it find it.

`query`, `serve`, `view`, `recurring` and `validate` take that folder (or, as before, the
store folder inside it) and read what the build left there: the Oxigraph store, the pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg import rdf
from kg.model import Mode
from kg.resolve import Timeline, TimelineEntry, recurring

STORE = "store"  # the Oxigraph store's folder inside a build


@dataclass(frozen=True)
class Build:
    root: Path  # pages, exports, build-report.json
    store: Path  # what `kg query` reads

    @property
    def pages(self) -> Path | None:
        """The folder of HTML views, if the build wrote them."""
        return self.root if (self.root / "index.html").is_file() else None


def locate(path: Path | str) -> Build:
    """The build in `path`: the folder `kg build -o` wrote (or will write), or the store folder inside one.

    An existing folder without a store/ folder is taken for the store itself; opening a store
    that is not one names its path."""
    path = Path(path)
    if path.is_dir() and not (path / STORE).is_dir():
        return Build(path.parent, path)
    return Build(path, path / STORE)


def timelines(store: rdf.KGStore, min_years: int = 2, timeout: float = 600.0) -> list[Timeline]:
    """Projects dated in at least `min_years` years, read back from a build's store (the same
    timelines `kg.resolve.timelines` finds in a corpus, slips included)."""
    result = rdf.run_query(store, rdf.library_query("timelines"), timeout=timeout)
    by_id: dict[str, Timeline] = {}
    for b in result.bindings:
        if b["mode"]["value"] == Mode.OTHER:
            continue
        pid = rdf.entity_id(b["project"]["value"])
        start, text = int(b["start"]["value"]), b["text"]["value"]
        stage = b["stage"]["value"] if "stage" in b and b["stage"]["value"] else None
        by_id.setdefault(pid, Timeline(pid, b["name"]["value"])).entries.append(TimelineEntry(
            int(b["year"]["value"]), stage, b["mode"]["value"], b["doc"]["value"], b["sentence"]["value"],
            text, start, start + len(text), b.get("presumed", {}).get("value") == "true"))
    return recurring(by_id.values(), min_years)


def ledger(store: rdf.KGStore, district: str | None = None, year: int | None = None,
           timeout: float = 600.0) -> list[dict]:
    """The ledger a build holds: per district, indicator and year, the target and its result
    (each with its value, unit, bound, report and span) and the status, as `kg ledger` prints it."""
    params = {k: v for k, v in (("district_search", district), ("year_search", str(year) if year else None)) if v}
    result = rdf.run_query(store, rdf.library_query("ledger"), timeout=timeout, params=params)
    out = []
    for b in result.bindings:
        def figure(side: str, b: dict = b) -> dict | None:
            if f"{side}_value" not in b:
                return None
            return {"value": float(b[f"{side}_value"]["value"]), "unit": b[f"{side}_unit"]["value"],
                    "bound": b[f"{side}_bound"]["value"], "doc": b[f"{side}_doc"]["value"],
                    "start": int(b[f"{side}_start"]["value"]), "end": int(b[f"{side}_end"]["value"]),
                    "sentence": b[f"{side}_sentence"]["value"]}
        out.append({"district": b["district"]["value"], "indicator": b["indicator"]["value"],
                    "year": int(b["year"]["value"]), "target": figure("target"), "result": figure("result"),
                    "status": b["status"]["value"],
                    "ratio": float(b["ratio"]["value"]) if "ratio" in b else None})
    return out
