"""Headless Debian Chromium for the page tests, the view benchmark and screenshots.

Never `playwright install`: the browser is the system's /usr/bin/chromium (apt-get install
chromium), driven by the Python playwright client, with a throwaway profile and every
background network feature off, so a page can only load what it references itself.

Screenshot of a rendered page:  .venv/bin/python tests/browser.py outputs/index.html docs/overview.png
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import BrowserContext, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOCAL_SCHEMES = ("file://", "data:", "blob:", "about:")
STABLE = "!document.getElementById('kg-graph') || window.kgStable === true"  # pages without a graph are ready


@dataclass
class Visit:
    """An open page with what it logged and requested since it started loading."""

    page: Page
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)


@contextmanager
def browser(width: int = 1400, height: int = 900) -> Iterator[BrowserContext]:
    """A Chromium context on a fresh profile directory, removed afterwards."""
    with sync_playwright() as pw, tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), args=ARGS, headless=True,
            viewport={"width": width, "height": height})
        try:
            yield context
        finally:
            context.close()


def visit(context: BrowserContext, path: Path, timeout_ms: int = 60_000) -> Visit:
    """Open a local page and wait until its graph (if any) has settled."""
    v = Visit(context.new_page())
    v.page.on("console", lambda m: v.errors.append(m.text) if m.type == "error" else None)
    v.page.on("pageerror", lambda e: v.errors.append(str(e)))
    v.page.on("request", lambda r: v.requests.append(r.url))
    v.page.goto(path.resolve().as_uri())
    v.page.wait_for_function(STABLE, timeout=timeout_ms)
    return v


def screenshot(page_path: Path, png: Path) -> None:
    """Save a PNG of a rendered page once its layout has settled."""
    with browser() as context:
        v = visit(context, page_path)
        v.page.screenshot(path=str(png))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python tests/browser.py PAGE.html OUT.png")
    screenshot(Path(sys.argv[1]), Path(sys.argv[2]))
