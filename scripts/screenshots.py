"""Screenshots of the pages for the README (1400×900, Debian Chromium, CJK font): `make screenshots`.

    .venv/bin/python scripts/screenshots.py [BUILD_DIR] [--out docs]

BUILD_DIR is a folder `kg build -o` wrote (default outputs/). The project shown is the one
dated in most years (then with most dated mentions), the district the one with most projects.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import browser  # noqa: E402  (tests/browser.py: the headless Chromium the tests use)


def pick(build: Path) -> dict[str, Path]:
    """The pages to show: overview, the busiest project and district, the recurrence grid."""
    graph = json.loads((build / "graph.json").read_text(encoding="utf-8"))
    nodes = graph["nodes"]
    project = max((n for n in nodes if n.get("type") == "Project"),
                  key=lambda n: (len(n.get("years") or []), len(n.get("timeline") or []), n["id"]))
    located: dict[str, int] = {}
    for n in nodes:
        if n.get("type") == "Project" and n.get("district"):
            located[n["district"]] = located.get(n["district"], 0) + 1
    district = max(located, key=lambda d: (located[d], d))
    return {"overview": build / "index.html", "project": build / "project" / f"{project['id']}.html",
            "district": build / "district" / f"{district}.html", "recurrence": build / "recurrence.html"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", nargs="?", type=Path, default=ROOT / "outputs")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with browser.browser(1400, 900) as context:
        for name, page in pick(args.build).items():
            v = browser.visit(context, page)
            v.page.screenshot(path=str(args.out / f"{name}.png"))
            v.page.close()
            print(args.out / f"{name}.png")


if __name__ == "__main__":
    main()
