"""The package as a user gets it: a wheel built from the checkout, installed in a fresh virtual
environment with its declared dependencies only, builds the graph of a bundled report, queries
it and serves it.

Slow (a venv and a dependency install); `make test` runs it, `pytest -m "not slow"` skips it.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return done


@pytest.mark.slow
def test_wheel_in_a_fresh_venv_builds_a_bundled_report(tmp_path):
    src = tmp_path / "src"  # a copy, so the build leaves no build/ or egg-info in the checkout
    shutil.copytree(ROOT / "kg", src / "kg", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    run(sys.executable, "-m", "build", "--wheel", "--outdir", tmp_path / "dist", src)
    wheel = next((tmp_path / "dist").glob("kg_reports-*.whl"))
    assert wheel.stat().st_size < 6_000_000  # the shipped data stays a few MB

    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    run(env / "bin" / "python", "-m", "pip", "install", "-q", "--prefer-binary", wheel)
    freeze = run(env / "bin" / "python", "-m", "pip", "list", "--format=json").stdout
    assert "jionlp" not in {p["name"] for p in json.loads(freeze)}

    # the reports are package data: the installed copy names them, and builds one
    reports = run(env / "bin" / "python", "-c", "from kg.pipeline import DEFAULT_INPUT as d; print(d)",
                  cwd=tmp_path).stdout.strip()
    assert "site-packages" in reports
    one = sorted(Path(reports).glob("*.txt"))[0]
    out = tmp_path / "out"
    done = run(env / "bin" / "kg", "build", one, "-o", out, "--no-cache", "-j", "1", cwd=tmp_path)
    assert "read 1 documents" in done.stdout
    report = json.loads((out / "build-report.json").read_text(encoding="utf-8"))
    assert report["documents_skipped"] == []
    assert report["entities_by_type"].get("District", 0) > 0  # the shipped gazetteer was read
    rows = run(env / "bin" / "kg", "query", "projects-by-district", "--store", out, "--format", "csv",
               cwd=tmp_path).stdout.splitlines()
    assert len(rows) > 1
    ledger = run(env / "bin" / "kg", "ledger", "--store", out, "--format", "json", cwd=tmp_path).stdout
    assert isinstance(json.loads(ledger), list)  # its whole-answer query (kg/queries/library) was installed
    assert (out / "report").is_dir() and (out / "index.html").is_file()  # the templates were installed

    with socket.socket() as s:  # a free port for the server
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([env / "bin" / "kg", "serve", "--store", out, "--port", str(port)], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        page = _get_when_up(f"http://127.0.0.1:{port}/", server)
        assert "yasgui.min.js" in page and "recurring-projects" in page
        assert "Yasgui" in _get_when_up(f"http://127.0.0.1:{port}/static/yasgui.min.js", server)
    finally:
        server.kill()
        server.wait()


def _get_when_up(url: str, server: subprocess.Popen, seconds: float = 60) -> str:
    """The body at `url` once the server answers (it loads the store first)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as r:
                return r.read().decode("utf-8")
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise AssertionError(f"kg serve did not answer at {url}: {server.communicate()[1]!r}") from None
            time.sleep(0.3)
