"""The build over many, bad and changing inputs: skips with reasons, atomic outputs that survive
kill -9, the extraction cache, -j and Dask giving the same bytes, progress reporting.
Corpora are invented snippets written into tmp_path."""

from __future__ import annotations

import fcntl
import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import cache as kg_cache
from kg import pipeline, rdf
from kg.cli import main
from kg.pipeline import BuildError, BuildLog, JsonLog, Options, PlainLog, ProgressBar, Quiet, Reporter

PYTHON = sys.executable


def report(district: str, year: int, project: str, extra: str = "") -> str:
    """A small invented work report naming one district and one project."""
    return (f"{district}{year}年工作总结\n一、{year}年工作回顾\n"
            f"全年推进{project}建设，群众满意度稳步提升。{extra}\n"
            f"二、{year + 1}年工作计划\n力争{project}竣工投入使用。\n")


A = report("青禾街道", 2022, "云杉路口袋公园")
B = report("石岭镇", 2023, "北溪水厂扩建工程")
C = report("桂湖街道", 2021, "南坪小学改扩建工程")


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def records(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "extract.jsonl").read_text("utf-8").splitlines()]


def names(out: Path) -> set[str]:
    return {e["name"] for r in records(out) for e in r["entities"]}


def snapshot(out: Path) -> dict[str, bytes]:
    """Every output file's bytes (the cache and the lock are not outputs)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and not p.relative_to(out).parts[0].startswith(".")}


def build(inputs: list[Path], out: Path, **options) -> dict:
    return pipeline.build(inputs, out, Options(**{"jobs": 1, **options}))


def store_reports(out: Path) -> int:
    """How many reports the on-disk store holds: proves it opens and answers."""
    with rdf.open_store(out / "store") as store:
        result = rdf.run_query(store, "PREFIX kg: <https://w3id.org/kg-reports/ontology#> "
                                      "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r kg:sha256 ?h }")
    return int(result.rows[0][0])


# ---------------------------------------------------------------------------- bad input, end to end

@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory) -> tuple[Path, Path, object]:
    """One CLI build over a folder holding every kind of bad input beside good ones."""
    src = tmp_path_factory.mktemp("bad")
    write(src, "a.txt", A)
    write(src, "gb.txt", B.encode("gb18030"))
    write(src, "utf16.txt", b"\xff\xfe" + C.encode("utf-16-le"))
    write(src, "empty.txt", b"")
    write(src, "binary.txt", bytes(range(256)) * 40)
    write(src, "truncated.txt", (A * 3).rstrip().encode("utf-8")[:-1])  # half of the last 。
    with (src / "huge.txt").open("wb") as fh:
        fh.truncate(50 * pipeline.MB)  # sparse: refused by its size before a byte is read
    write(src, "page.html", "<html><head><script>var secret='夜莺湖隧道工程';</script></head><body>"
                            + "".join(f"<p>{line}</p>" for line in report("枫林镇", 2022, "东港码头改造工程")
                                      .splitlines()) + "<script>alert('青鸟水库工程')</script></body></html>")
    locked = write(src, "无权限.txt", report("竹溪街道", 2022, "西环绿道工程"))
    write(src, "copy of a.txt", A)
    write(src, "报告 2023/松岗 街道 总结.txt", report("松岗街道", 2023, "白鹭湾湿地公园"))
    out = tmp_path_factory.mktemp("out")
    real_open = Path.open

    def refuse(self, *args, **kwargs):  # root reads a chmod 000 file, so the refusal is simulated
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(Path, "open", refuse)
        result = CliRunner().invoke(main, ["build", str(src), "-o", str(out), "-j", "1"])
    return src, out, result


def test_bad_inputs_exit_3_and_each_is_named_with_its_reason(bad_corpus):
    src, out, result = bad_corpus
    assert result.exit_code == pipeline.EXIT_SKIPPED, result.output
    skipped = {Path(s["path"]).name: s["reason"]
               for s in json.loads((out / "build-report.json").read_text("utf-8"))["documents_skipped"]}
    assert skipped == {
        "empty.txt": "empty file",
        "binary.txt": "binary content (NUL bytes) in a .txt file",
        "truncated.txt": skipped["truncated.txt"],
        "huge.txt": "too large: 50 MB > 20 MB limit (--max-size)",
        "无权限.txt": "permission denied",
    }
    assert skipped["truncated.txt"].startswith("not valid text in any supported encoding (truncated UTF-8")
    for name, why in skipped.items():
        assert f"kg: skipped {src / name}: {why}" in result.stderr


def test_good_inputs_in_any_encoding_are_all_built(bad_corpus):
    src, out, _ = bad_corpus
    read = {Path(d["path"]).name: d for d in json.loads((out / "build-report.json").read_text("utf-8"))
            ["documents_read"]}
    assert sorted(read) == ["a.txt", "gb.txt", "page.html", "utf16.txt", "松岗 街道 总结.txt"]
    assert read["gb.txt"]["encoding"] == "gb18030"
    assert read["utf16.txt"]["encoding"] == "utf-16-le"
    assert {"云杉路口袋公园", "北溪水厂扩建工程", "南坪小学改扩建工程", "东港码头改造工程",
            "白鹭湾湿地公园"} <= names(out)
    assert store_reports(out) == 5


def test_html_scripts_are_not_text(bad_corpus):
    _, out, _ = bad_corpus
    text = (out / "extract.jsonl").read_text("utf-8")
    assert "东港码头改造工程" in text
    assert "夜莺湖隧道工程" not in text and "青鸟水库工程" not in text


def test_same_content_twice_is_read_once_with_both_names(bad_corpus):
    src, out, _ = bad_corpus
    rep = json.loads((out / "build-report.json").read_text("utf-8"))
    first = next(d for d in rep["documents_read"] if d["path"] == str(src / "a.txt"))
    assert first["also"] == [str(src / "copy of a.txt")]
    assert rep["duplicates"] == 1
    assert sum(r["doc"] == "copy of a" for r in records(out)) == 0


def test_paths_with_spaces_and_chinese_keep_their_names(bad_corpus):
    src, out, _ = bad_corpus
    rec = next(r for r in records(out) if r["doc"] == "松岗 街道 总结")
    assert rec["path"] == str(src / "报告 2023" / "松岗 街道 总结.txt")
    assert any(e["name"] == "白鹭湾湿地公园" for e in rec["entities"])


def test_missing_input_is_skipped_and_the_others_are_built(tmp_path):
    good = write(tmp_path / "in", "a.txt", A)
    rep = build([tmp_path / "nowhere", good], tmp_path / "out")
    assert rep["documents_skipped"] == [{"path": str(tmp_path / "nowhere"), "reason": "no such file or directory"}]
    assert [d["path"] for d in rep["documents_read"]] == [str(good)]


def test_max_size_option_and_exit_0(tmp_path):
    write(tmp_path / "in", "a.txt", A)
    cli = CliRunner()
    ok = cli.invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "o1"), "-j", "1"])
    assert ok.exit_code == pipeline.EXIT_OK, ok.output
    small = cli.invoke(main, ["build", str(tmp_path / "in"), "-o", str(tmp_path / "o2"), "-j", "1",
                              "--max-size", "0.0001"])
    assert small.exit_code == pipeline.EXIT_SKIPPED
    assert f"skipped {tmp_path / 'in' / 'a.txt'}: too large: " in small.stderr
    assert "> 100 bytes limit (--max-size)" in small.stderr


def test_failed_build_exits_1_with_a_reason_and_keeps_old_outputs(tmp_path):
    write(tmp_path / "in", "a.txt", A)
    out = tmp_path / "out"
    build([tmp_path / "in"], out)
    before = snapshot(out)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "in"), "-o", str(out), "--engine", "dask"])
    assert result.exit_code == pipeline.EXIT_FAILED
    assert "kg: build failed: --engine dask needs --scheduler ADDRESS" in result.stderr
    assert "Traceback" not in result.output
    assert snapshot(out) == before


def test_a_folder_of_ten_thousand_files(tmp_path):
    """10,000 files in one folder, ten distinct contents: each content extracted once, every
    name kept, no file handle left open."""
    src = tmp_path / "many"
    src.mkdir()
    texts = [report("青禾街道", 2000 + k, f"第{k + 1}号口袋公园") for k in range(10)]
    for i in range(10_000):
        (src / f"{i:05d}.txt").write_text(texts[i % 10], "utf-8")
    log = BuildLog()
    corpus = pipeline.extract_all([src], Options(jobs=1), log)
    assert len(corpus.results) == 10 and not corpus.skipped
    assert log.counts["extracted"] == 10 and log.counts["duplicate"] == 9_990
    assert all(len(r.doc.also_paths) == 999 for r in corpus.results)
    assert corpus.results[3].doc.also_paths[0] == str(src / "00013.txt")
    assert len(os.listdir("/proc/self/fd")) < 100


def test_a_crash_in_extraction_skips_that_content_only(tmp_path, monkeypatch):
    write(tmp_path / "in", "a.txt", A)
    write(tmp_path / "in", "b.txt", B)
    write(tmp_path / "in", "b2.txt", B)
    real = pipeline.extract

    def fragile(doc, model=None):
        if "北溪" in doc.text:
            raise KeyError("boom")
        return real(doc, model)

    monkeypatch.setattr(pipeline, "extract", fragile)
    rep = build([tmp_path / "in"], tmp_path / "out")
    assert [d["doc"] for d in rep["documents_read"]] == ["a"]
    assert [Path(s["path"]).name for s in rep["documents_skipped"]] == ["b.txt", "b2.txt"]
    assert rep["documents_skipped"][0]["reason"].startswith("extraction failed: KeyError: 'boom' (at test_pipeline.py:")


# ---------------------------------------------------------------------------- atomic outputs

KILLABLE_BUILD = """
import sys, time
from pathlib import Path
from kg import views
real, sentinel = views.render, Path(sys.argv[1])
def render_then_hang(graph, out_dir, **kw):
    real(graph, out_dir, **kw)
    sentinel.write_text("outputs half written")
    time.sleep(120)
views.render = render_then_hang
from kg.cli import main
sys.argv = ["kg", "build", *sys.argv[2:]]
main()
"""


def test_kill_9_midway_leaves_the_previous_outputs_intact(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", A)
    build([src], out)
    before = snapshot(out)
    write(src, "b.txt", B)
    sentinel = tmp_path / "reached"
    proc = subprocess.Popen([PYTHON, "-c", KILLABLE_BUILD, str(sentinel), str(src), "-o", str(out), "-j", "1",
                             "--quiet"])
    try:
        deadline = time.monotonic() + 120
        while not sentinel.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sentinel.exists(), "the build never reached its outputs"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait()
    [staging] = out.glob(".build-*")
    assert (staging / "store").is_dir()  # it was killed with its outputs half made
    assert snapshot(out) == before
    assert store_reports(out) == 1
    events = Recorder()
    pipeline.build([src], out, Options(jobs=1), events)
    assert ("removed", {"path": str(staging)}) in events.seen
    assert not list(out.glob(".build-*"))
    assert store_reports(out) == 2


class Recorder(Reporter):
    def __init__(self):
        self.seen: list[tuple[str, dict]] = []

    def __call__(self, event: str, **fields) -> None:
        self.seen.append((event, fields))


class Killed(BaseException):
    """Stands for SIGKILL inside the process: nothing after it runs."""


def test_a_build_killed_while_moving_outputs_is_finished_by_the_next(tmp_path, monkeypatch):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", A)
    build([src], out)
    write(src, "b.txt", B)
    real, moved = os.replace, []

    def die_on_third_move(a, b):
        if Path(b).parent == out:
            moved.append(Path(b).name)
            if len(moved) == 3:
                raise Killed
        real(a, b)

    monkeypatch.setattr(pipeline.os, "replace", die_on_third_move)
    with pytest.raises(Killed):
        build([src], out)
    monkeypatch.setattr(pipeline.os, "replace", real)
    [staging] = out.glob(".build-*")
    assert moved == ["extract.jsonl", "graph.nq", "index.html"]
    assert len(records(out)) == 2  # new
    assert store_reports(out) == 1  # still the old one: outputs are mixed until the next build
    assert len(json.loads((out / "build-report.json").read_text("utf-8"))["documents_read"]) == 1
    log = BuildLog()
    pipeline._recover(out, log)
    assert log.counts["recovered"] == 1 and not staging.exists()
    assert len(json.loads((out / "build-report.json").read_text("utf-8"))["documents_read"]) == 2
    assert store_reports(out) == 2
    assert not list(out.glob(".*old*"))


def test_folders_are_swapped_where_the_kernel_cannot_exchange_them(tmp_path, monkeypatch):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", A)
    build([src], out)
    write(src, "b.txt", B)
    monkeypatch.setattr(pipeline, "_exchange", lambda a, b: False)
    build([src], out)
    assert store_reports(out) == 2
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".build.lock"]


def test_one_build_at_a_time_per_output_folder(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".build.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        with pytest.raises(BuildError, match="another kg build is writing to"):
            build([write(tmp_path, "a.txt", A)], out)


# ---------------------------------------------------------------------------- incremental builds

def test_rebuild_extracts_only_what_changed(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", A)
    write(src, "b.txt", B)
    cache = {"cache_dir": out / ".cache"}
    first = build([src], out, **cache)
    assert (first["extracted"], first["from_cache"]) == (2, 0)
    write(src, "c.txt", C)
    added = build([src], out, **cache)
    assert (added["extracted"], added["from_cache"]) == (1, 2)
    assert "南坪小学改扩建工程" in names(out)
    (src / "b.txt").unlink()
    removed = build([src], out, **cache)
    assert (removed["extracted"], removed["from_cache"]) == (0, 2)
    assert "北溪水厂扩建工程" not in names(out) and "石岭镇" not in names(out)
    write(src, "a.txt", A.replace("云杉路", "银杏路"))
    changed = build([src], out, **cache)
    assert (changed["extracted"], changed["from_cache"]) == (1, 1)
    assert "银杏路口袋公园" in names(out) and "云杉路口袋公园" not in names(out)


def test_a_large_extraction_is_written_compressed_with_the_same_lines(tmp_path, monkeypatch):
    src = tmp_path / "in"
    write(src, "a.txt", A)
    write(src, "b.txt", B)
    build([src], tmp_path / "plain")
    monkeypatch.setattr(rdf, "GZIP_OVER", 100)  # bytes: both reports' lines are more
    build([src], tmp_path / "packed")
    assert not (tmp_path / "packed" / "extract.jsonl").exists()
    with gzip.open(tmp_path / "packed" / "extract.jsonl.gz", "rt", encoding="utf-8") as fh:
        assert fh.read() == (tmp_path / "plain" / "extract.jsonl").read_text("utf-8")
    assert "北溪水厂扩建工程" in names(tmp_path / "plain")


def test_cached_results_are_resolved_like_fresh_ones(tmp_path):
    """The same project in two reports gets one id whether the reports come from the cache or not."""
    src = tmp_path / "in"
    write(src, "a.txt", A)
    write(src, "a2023.txt", report("青禾街道", 2023, "云杉路口袋公园"))
    fresh = build([src], tmp_path / "o1")
    cached_dir = {"cache_dir": tmp_path / "cache"}
    build([src], tmp_path / "o2", **cached_dir)
    again = build([src], tmp_path / "o2", **cached_dir)
    assert again["from_cache"] == 2 and fresh["extracted"] == 2
    assert (tmp_path / "o1" / "extract.jsonl").read_bytes() == (tmp_path / "o2" / "extract.jsonl").read_bytes()
    ids = {e["id"] for r in records(tmp_path / "o2") for e in r["entities"] if e["name"] == "云杉路口袋公园"}
    assert len(ids) == 1


def test_a_new_pipeline_version_or_a_corrupt_entry_means_extracting_again(tmp_path, monkeypatch):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src, "a.txt", A)
    write(src, "b.txt", B)
    opts = {"cache_dir": tmp_path / "cache"}
    build([src], out, **opts)
    [entry, _] = sorted((tmp_path / "cache").rglob("*.pickle"))
    entry.write_bytes(entry.read_bytes()[:50])
    assert build([src], out, **opts)["extracted"] == 1
    old_version = kg_cache.version_key()
    monkeypatch.setattr(kg_cache, "PIPELINE_VERSION", kg_cache.PIPELINE_VERSION + 1)
    kg_cache.version_key.cache_clear()
    try:
        assert build([src], out, **opts)["extracted"] == 2
        names = [p.name for p in (tmp_path / "cache").iterdir()]
        assert len(names) == 1 and names[0].startswith(kg_cache.version_key() + "-")  # version, then model
        assert kg_cache.version_key() != old_version
    finally:
        kg_cache.version_key.cache_clear()


# ---------------------------------------------------------------------------- parallel and distributed

def corpus_bytes(src: Path, options: Options) -> bytes:
    buf = io.StringIO()
    pipeline.write_jsonl(pipeline.build_corpus([src], options=options).results, buf)
    return buf.getvalue().encode("utf-8")


@pytest.fixture(scope="module")
def six_reports(tmp_path_factory) -> tuple[Path, bytes]:
    src = tmp_path_factory.mktemp("six")
    for i, (district, project) in enumerate([("青禾街道", "云杉路口袋公园"), ("石岭镇", "北溪水厂扩建工程"),
                                             ("桂湖街道", "南坪小学改扩建工程"), ("青禾街道", "云杉路口袋公园"),
                                             ("枫林镇", "东港码头改造工程"), ("石岭镇", "北溪水厂扩建工程")]):
        write(src, f"r{i}.txt", report(district, 2020 + i, project))
    return src, corpus_bytes(src, Options(jobs=1))


def test_jobs_give_the_same_bytes_as_one_process(six_reports):
    src, sequential = six_reports
    assert sequential.count(b"\n") == 6
    assert corpus_bytes(src, Options(jobs=2)) == sequential


def test_dask_cluster_gives_the_same_bytes(six_reports):
    distributed = pytest.importorskip("distributed")
    src, sequential = six_reports
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        parallel = corpus_bytes(src, Options(engine="dask", scheduler=cluster.scheduler_address))
    assert parallel == sequential


def test_dask_scheduler_address_is_checked():
    with pytest.raises(BuildError, match="cannot reach the Dask scheduler at nonsense"):
        pipeline.extract_all([], Options(engine="dask", scheduler="nonsense"))


# ---------------------------------------------------------------------------- progress

def test_json_log_is_one_event_per_line(tmp_path):
    src = tmp_path / "in"
    write(src, "a.txt", A)
    write(src, "empty.txt", "")
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out"), "-j", "1", "--json-log"])
    events = [json.loads(line) for line in result.stderr.splitlines()]
    kinds = [e["event"] for e in events]
    assert events[kinds.index("files")]["total"] == 2 and kinds[-1] == "done"
    assert {"path": str(src / "a.txt"), "doc": "a"}.items() <= events[kinds.index("extracted")].items()
    assert events[kinds.index("skipped")]["reason"] == "empty file"
    assert {e["stage"] for e in events if e["event"] == "stage"} == {
        "extract", "resolve", "write", "rdf", "validate", "views"}


def test_quiet_prints_errors_only(tmp_path):
    src = tmp_path / "in"
    write(src, "a.txt", A)
    write(src, "empty.txt", "")
    result = CliRunner().invoke(main, ["build", str(src), "-o", str(tmp_path / "out"), "-j", "1", "-q"])
    assert result.exit_code == pipeline.EXIT_SKIPPED
    assert result.stdout == ""
    assert result.stderr == f"kg: skipped {src / 'empty.txt'}: empty file\n"


def feed(reporter, files: int) -> None:
    reporter("files", total=files)
    for i in range(files - 1):
        reporter("extracted", path=f"r{i}.txt", doc=f"r{i}")
    reporter("skipped", path="bad.txt", reason="empty file")
    reporter("stage-start", stage="rdf")
    reporter("stage", stage="rdf", seconds=1.25)


def test_plain_log_lines_every_n_files_and_at_the_end():
    buf = io.StringIO()
    feed(PlainLog(buf, every=2, interval=3600), 5)
    lines = buf.getvalue().splitlines()
    assert lines[0].startswith("kg: 2/5 files (2 extracted, 0 from cache, 0 duplicates, 0 skipped); ")
    assert "kg: skipped bad.txt: empty file" in lines
    assert lines[-2].startswith("kg: 5/5 files (4 extracted, 0 from cache, 0 duplicates, 1 skipped)")
    assert lines[-1] == "kg: rdf: 1.2 s"
    assert len(lines) == 5


def test_progress_bar_counts_files():
    buf = io.StringIO()
    with ProgressBar(buf) as bar:
        feed(bar, 3)
    out = buf.getvalue()
    assert "kg: skipped bad.txt: empty file" in out
    assert "3/3" in out and "files/s" in out


def test_quiet_and_reporter_choice():
    buf = io.StringIO()
    feed(Quiet(buf), 3)
    assert buf.getvalue() == "kg: skipped bad.txt: empty file\n"
    assert isinstance(pipeline.reporter_for(buf, json_log=True), JsonLog)
    assert type(pipeline.reporter_for(buf)) is PlainLog  # not a terminal


def test_a_file_is_replaced_whole_or_not_at_all(tmp_path: Path):
    path = tmp_path / "model.crf"
    path.write_text("previous")
    with pytest.raises(RuntimeError), pipeline.replacing(path) as tmp:
        tmp.write_text("half")
        raise RuntimeError("killed mid-write")
    with pipeline.replacing(path) as tmp:
        tmp.unlink()  # a writer with nothing to write keeps the previous file
    assert path.read_text() == "previous" and [p.name for p in tmp_path.iterdir()] == ["model.crf"]
    pipeline.write_atomic(path, "next")
    assert path.read_text() == "next" and [p.name for p in tmp_path.iterdir()] == ["model.crf"]
