"""The `kg` command line: thin wrappers over the library (kg.pipeline, kg.rdf, kg.views)."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from kg import pipeline

if TYPE_CHECKING:  # kg.builds loads the store and RDF libraries: only the commands that read a build import it
    from kg import builds

OUT = Path("outputs")


def _inputs(inputs: tuple[str, ...]) -> list[str]:
    return list(inputs) or [str(pipeline.DEFAULT_INPUT)]


def _locate(_ctx: click.Context, _param: click.Parameter, path: Path) -> builds.Build:
    from kg import builds

    return builds.locate(path)


def _build_option(what: str) -> Callable:
    """--build DIR, the same for every command that reads a build; the value is a builds.Build."""
    return click.option("--build", "--store", "build", type=click.Path(file_okay=False, path_type=Path),
                        default=OUT, show_default=True, callback=_locate,
                        help=f"The folder `kg build -o` wrote (or the store/ folder in it): {what}.")


def _fail(e: Exception) -> NoReturn:
    click.echo(f"kg: {e}", err=True)
    sys.exit(2)


model_option = click.option(
    "--model", metavar="FILE|rules", default=None,
    help="Decision model written by `kg train` (a JSON file), or `rules` for the hand-written rules "
         "alone.  [default: the model shipped with kg]")


def _check_model(ref: str | None) -> None:
    """Fail at once, with the file and the reason, on a model that cannot be used."""
    from kg.extract.decide import ModelError, load_decider

    try:
        load_decider(ref)
    except ModelError as e:
        click.echo(f"kg: {e}", err=True)
        sys.exit(pipeline.EXIT_FAILED)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log every step to stderr.")
def main(verbose: bool) -> None:
    """Turn Chinese local-government work reports into a knowledge graph you can query.

    Try: `kg build` (the bundled reports → outputs/), then `kg query recurring-projects`.
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="kg: %(message)s")


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("-o", "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=OUT,
              show_default=True, help="Folder for the outputs (replaced only once the build has succeeded).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default="all cores", help="Extraction processes.")
@click.option("--max-size", "max_mb", type=click.FloatRange(min=0, min_open=True),
              default=pipeline.DEFAULT_MAX_BYTES / pipeline.MB, show_default=True, metavar="MB",
              help="Skip input files larger than this.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Extraction cache: unchanged documents are not extracted again.  [default: OUT/.cache]")
@click.option("--no-cache", is_flag=True, help="Extract every document, and leave the cache alone.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: an existing Dask cluster (--scheduler).")
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://10.0.0.5:8786; its workers "
              "need this kg version installed.")
@click.option("-q", "--quiet", is_flag=True, help="Print errors only (skipped files, a failed build).")
@click.option("--json-log", is_flag=True, help="Progress as one JSON object per event and line on stderr.")
@model_option
def build(inputs: tuple[str, ...], out_dir: Path, jobs: int, max_mb: float, cache_dir: Path | None,
          no_cache: bool, engine: str, scheduler: str | None, quiet: bool, json_log: bool, model: str | None) -> None:
    """Build the graph from INPUTS (files or folders; default: the bundled reports).

    Writes extract.jsonl, store/ (what `kg query` reads), graph.nq (gzipped when large; other
    formats, GraphML, GEXF and node-link JSON on demand: `kg export`), index.html and the other
    HTML views, build-report.json.
    A file that cannot be read is skipped with its reason and the build goes on; a file
    whose content was read before is read once (both names are in build-report.json).
    Progress goes to stderr: a bar on a terminal, log lines otherwise.

    Exit codes: 0 every input read; 3 the build finished but some inputs were skipped
    (listed on stderr and in build-report.json); 1 the build failed (previous outputs kept).
    """
    _check_model(model)
    options = pipeline.Options(jobs=jobs, max_bytes=round(max_mb * pipeline.MB), engine=engine, model=model,
                               scheduler=scheduler, cache_dir=None if no_cache else cache_dir or out_dir / ".cache")
    reporter = pipeline.reporter_for(sys.stderr, quiet=quiet, json_log=json_log)
    try:
        with reporter:
            report = pipeline.build(_inputs(inputs), out_dir, options, reporter)
    except (Exception, KeyboardInterrupt) as e:  # noqa: BLE001 - a failed build must say why, keep old outputs
        reason = str(e) if isinstance(e, pipeline.BuildError) else f"{type(e).__name__}: {e}".rstrip(": ")
        if json_log:
            reporter("failed", reason=reason)
        else:
            click.echo(f"kg: build failed: {reason}; the previous outputs are kept", err=True)
        sys.exit(pipeline.EXIT_FAILED)
    if not quiet:
        counts = ", ".join(f"{n} {t}" for t, n in sorted(report["entities_by_type"].items()))
        click.echo(f"read {len(report['documents_read'])} documents ({report['from_cache']} from cache), "
                   f"skipped {len(report['documents_skipped'])}; {counts}; {report['triples']} triples; SHACL "
                   f"{'conforms' if report['shacl_conforms'] else 'VIOLATIONS (see build-report.json)'}; "
                   f"{report['seconds_total']} s")
        click.echo(f"outputs in {out_dir.resolve()}: open {(out_dir / 'index.html').resolve()}")
    sys.exit(pipeline.EXIT_SKIPPED if report["documents_skipped"] else pipeline.EXIT_OK)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one record per document (the scorer's contract); table: one row per entity.")
@click.option("-j", "--jobs", type=int, default=1, show_default=True, help="Extraction processes.")
@model_option
def extract(inputs: tuple[str, ...], fmt: str, jobs: int, model: str | None) -> None:
    """Extract entities, sections and stages from INPUTS and print them (no graph is written)."""
    _check_model(model)
    corpus = pipeline.build_corpus(_inputs(inputs), options=pipeline.Options(jobs=jobs, model=model))
    for s in corpus.skipped:
        click.echo(f"kg: skipped {s.path}: {s.reason}", err=True)
    if fmt == "jsonl":
        pipeline.write_jsonl(corpus.results, sys.stdout)
        return
    for r in corpus.results:
        for e in r.entities:
            years = sorted({m.year for m in e.mentions if m.year})
            stages = sorted({m.stage for m in e.mentions if m.stage})
            click.echo("\t".join([r.doc.id, e.type, e.name, "、".join(e.aliases), str(len(e.mentions)),
                                  ",".join(map(str, years)), ",".join(stages), e.id]))


@main.command()
@click.option("--min-years", type=int, default=2, show_default=True, help="Distinct years a project needs.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_build_option("its store is read; with INPUTS, it is built there first")
@click.argument("inputs", nargs=-1, type=click.Path())
def recurring(min_years: int, fmt: str, build: builds.Build, inputs: tuple[str, ...]) -> None:
    """Projects that recur across years, with their per-year stage and evidence; flags slippage.

    A stage marked ? is presumed: the report names the project that year with no stage cue, and the
    model presumes the stage from the words around it (under way without one); slippage rests on cued
    stages only. Reads the build; given INPUTS, builds them into the
    build folder first (as `kg build INPUTS -o DIR`)."""
    from kg import builds, rdf

    if inputs:
        try:
            report = pipeline.build(list(inputs), build.root, report=pipeline.reporter_for(sys.stderr, quiet=True))
        except pipeline.BuildError as e:
            _fail(e)
        if report["documents_skipped"]:
            click.echo(f"kg: skipped {len(report['documents_skipped'])} inputs (see build-report.json)", err=True)
        build = builds.locate(build.root)
    try:
        with rdf.open_store(build.store) as store:
            found = builds.timelines(store, min_years=min_years)
    except (rdf.StoreError, rdf.QueryError, rdf.QueryTimeout) as e:
        _fail(e)
    if fmt == "json":
        click.echo(json.dumps([{"id": t.id, "name": t.name, "years": t.years, "slipped": t.slipped,
                                "timeline": [vars(e) for e in t.entries]} for t in found],
                              ensure_ascii=False, indent=1))
        return
    for t in found:
        flag = f"  SLIPPED: {'; '.join(t.slipped)}" if t.slipped else ""
        click.echo(f"{t.name}  ({', '.join(map(str, t.years))}){flag}")
        for entry in t.entries:
            stage = f"{entry.stage}?" if entry.presumed else entry.stage or "-"
            click.echo(f"  {entry.year} {entry.mode:6} {stage:10} {entry.doc}  {entry.sentence[:60]}")


@main.command("export")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["nq", "nt", "ttl", "jsonld", "graphml", "gexf", "json"]))
@_build_option("its store is read")
@click.option("-o", "--out", type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write.  [default: graph.FORMAT in the build folder]")
def export_graph(fmt: str, build: builds.Build, out: Path | None) -> None:
    """Write the built graph as FORMAT: nq (N-Quads, the graph as one named graph), nt (N-Triples),
    ttl (Turtle) or jsonld (JSON-LD), streamed from the store; or the views' graph of entities and
    reports as graphml (networkx), gexf (Gephi) or json (node-link, for JavaScript tools). The
    file appears whole or not at all."""
    import tempfile

    from kg import rdf, views

    out = out or build.root / f"graph.{fmt}"
    if not build.store.is_dir():
        _fail(rdf.StoreError(f"{build.store}: no Oxigraph store here (run `kg build` first)"))
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".export-") as tmp:
        if fmt in views.GRAPH_FORMATS:
            with rdf.open_store(build.store) as store:
                written = views.export_graph(rdf.graph_view(store), Path(tmp), (fmt,))[fmt]
        else:
            written = rdf.export(build.store, Path(tmp), (fmt,))[fmt]
        os.replace(written, out)
    click.echo(f"wrote {out}")


@main.command()
@_build_option("its store is read")
@click.option("--district", help="Only districts whose name contains this (广东, 福海街道).")
@click.option("--year", type=int, help="Only targets for this year.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="json: a list of {district, indicator, year, target, result, status, ratio}.")
def ledger(build: builds.Build, district: str | None, year: int | None, fmt: str) -> None:
    """Targets and results: each target a plan set for a year, linked to the result a review reports
    for the same district, indicator and year, with met / missed / no_result and the ratio (the
    convention is in the README). The table also lists projects whose plans slipped."""
    from kg import builds, rdf

    try:
        with rdf.open_store(build.store) as store:
            entries = builds.ledger(store, district, year)
            slips = [] if fmt != "table" else rdf.run_query(store, rdf.resolve_query("slipped-projects")).bindings
    except (rdf.StoreError, rdf.QueryError, rdf.QueryTimeout) as e:
        _fail(e)
    if fmt == "json":
        click.echo(json.dumps(entries, ensure_ascii=False, indent=1))
        return
    rows = [[e["district"], e["indicator"], str(e["year"]), _figure(e["target"]), _figure(e["result"]), e["status"],
             "" if e["ratio"] is None else f"{e['ratio']:.3g}"] for e in entries]
    header = ["district", "indicator", "year", "target", "result", "status", "ratio"]
    if fmt == "csv":
        import csv

        writer = csv.writer(sys.stdout)
        writer.writerows([header, *rows])
        return
    for row in [header, *rows]:
        click.echo("  ".join(row))
    if slips:
        click.echo("\nprojects whose plan slipped (aimed at a stage no later report shows reached):")
        for b in slips:
            click.echo(f"  {b['name']['value']}  {b['plan_year']['value']}: aimed {b['aimed']['value']}, "
                       f"reached {b['reached']['value']} by {b['later_years']['value']}")


def _figure(f: dict | None) -> str:
    if f is None:
        return "-"
    bound = "" if f["bound"] == "=" else f["bound"]
    return f"{bound}{f['value']:g}{f['unit']}"


@main.command()
@click.argument("query", required=False)
@_build_option("the graph queried")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="json is the SPARQL 1.1 Query Results JSON format.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Fill the query's `VALUES ?NAME { UNDEF }`, e.g. project-timeline --param search=海洋新城 "
                   "(repeatable).")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds before the query is stopped.")
@click.option("--list", "list_", is_flag=True, help="List the bundled queries with a line each.")
def query(query: str | None, build: builds.Build, fmt: str, params: tuple[str, ...], timeout: float,
          list_: bool) -> None:
    """Run QUERY over the graph: SPARQL text, @file.rq, or the name of a bundled query."""
    from kg import rdf

    if list_ or not query:
        for name, (description, _) in rdf.bundled_queries().items():
            click.echo(f"{name:26} {description}")
        return
    try:
        bound = dict(p.split("=", 1) for p in params)
    except ValueError:
        raise click.BadParameter("use NAME=VALUE", param_hint="--param") from None
    try:
        with rdf.open_store(build.store) as store:
            result = rdf.run_query(store, rdf.resolve_query(query), timeout=timeout, params=bound)
    except (rdf.QueryError, rdf.QueryTimeout, rdf.StoreError) as e:
        _fail(e)
    click.echo(rdf.format_result(result, fmt), nl=False)


@main.command()
@_build_option("the graph checked")
@click.option("-j", "--jobs", type=int, default=1, show_default=True, help="Processes sharing the checks.")
def validate(build: builds.Build, jobs: int) -> None:
    """Check the built graph against the SHACL shapes (ontology/shapes.ttl), in bounded memory."""
    from kg import rdf

    try:
        conforms, report = rdf.validate_store(build.store, jobs=jobs)
    except rdf.StoreError as e:
        _fail(e)
    click.echo("conforms" if conforms else report)
    sys.exit(0 if conforms else 1)


@main.command()
@_build_option("its store is read and its pages rewritten")
@click.option("--max-nodes", type=int, default=2000, show_default=True,
              help="Above this many nodes the overview shows the districts with most projects and their "
                   "most mentioned projects.")
@click.option("--open", "open_", is_flag=True, help="Open the overview in the web browser.")
def view(build: builds.Build, max_nodes: int, open_: bool) -> None:
    """Regenerate the HTML views from the store, without extracting again."""
    import webbrowser

    from kg import builds, rdf, views

    try:
        with rdf.open_store(build.store) as store:
            graph = rdf.graph_view(store)
            ledger = builds.ledger(store)
    except (rdf.StoreError, rdf.QueryError, rdf.QueryTimeout) as e:
        _fail(e)
    pages = views.render(graph, build.root, max_nodes=max_nodes, ledger=ledger)
    index = (build.root / "index.html").resolve()
    click.echo(f"wrote {len(pages)} pages; open {index}")
    if open_:
        webbrowser.open(index.as_uri())


@main.command()
@_build_option("its store is served, its pages linked from the query page")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=7878, show_default=True, help="Port to listen on.")
@click.option("--timeout", type=float, default=30.0, show_default=True, help="Seconds before a query is stopped.")
def serve(build: builds.Build, host: str, port: int, timeout: float) -> None:
    """Serve the graph read-only as a SPARQL 1.1 endpoint (/sparql) with a query page (/)."""
    from kg import rdf
    from kg import serve as server

    try:
        server.serve(build.store, host, port, timeout, build.pages)
    except (rdf.StoreError, OSError) as e:
        _fail(e)


def _gold_docs(gold_dirs: tuple[Path, ...], inputs: tuple[str, ...]) -> list:
    from kg import evaluate, train

    try:
        return train.load(gold_dirs, [Path(p) for p in _inputs(inputs)])
    except evaluate.EvalError as e:
        click.echo(f"kg: {e}", err=True)
        sys.exit(pipeline.EXIT_FAILED)


gold_option = click.option(
    "--gold", "gold_dirs", required=True, multiple=True, type=click.Path(path_type=Path),
    help="Gold folder: one <doc>.json per document (the annotation guide's format), optional recurrence*.json, "
         "the texts in texts/ beside them (else among INPUTS), each page's address in index.tsv. Repeatable.")


@main.command("eval")
@gold_option
@click.option("--pred", "pred_file", type=click.Path(path_type=Path),
              help="Score this JSONL (as `kg extract` writes) instead of running the extraction.")
@click.option("--examples", type=int, default=20, show_default=True,
              help="False positives, false negatives and timeline misses to list (each).")
@click.option("--json", "as_json", is_flag=True, help="Print only the summary as JSON (the scorer's --json).")
@model_option
@click.option("--cv", is_flag=True, help="Also cross-validate: train on the gold of some sources, score on the "
              "others (whole sites or reports held out), and print that table after the plain one.")
@click.option("--folds", type=click.IntRange(min=2), default=5, show_default=True,
              help="With --cv: how many folds the sources are dealt into.")
@click.option("--train-gold", "train_dirs", multiple=True, type=click.Path(path_type=Path),
              help="With --cv: more gold folders whose documents only train the folds' models (held out with "
                   "their sources like the rest, never scored): your few reports scored, all your gold training. "
                   "Repeatable.")
@click.argument("inputs", nargs=-1, type=click.Path())
def eval_command(gold_dirs: tuple[Path, ...], pred_file: Path | None, examples: int, as_json: bool,
                 model: str | None, cv: bool, folds: int, train_dirs: tuple[Path, ...],
                 inputs: tuple[str, ...]) -> None:
    """Score the extraction of the gold's texts (in texts/ beside the gold, else INPUTS; default:
    the bundled reports) against gold annotations.

    Prints the scorer's table (P/R/F1 per type, district, sections, timeline, recurrence),
    then the errors behind it: false positives and negatives by type (each negative with the
    most similar predicted name, after ~), timeline, district and section misses. With --cv, the
    cross-validated table follows: the figure on text from sources the model did not learn from.
    """
    from kg import evaluate, train

    if pred_file and (inputs or cv or len(gold_dirs) > 1):
        raise click.UsageError("--pred scores a JSONL against one --gold folder; give no INPUTS and no --cv")
    if train_dirs and not cv:
        raise click.UsageError("--train-gold adds training gold to the cross-validation: give --cv too")
    _check_model(model)
    try:
        if pred_file:
            gold = evaluate.load_gold(gold_dirs[0])
            records = evaluate.load_predictions(pred_file)
        else:
            gold = evaluate.load_golds(gold_dirs)
            docs = _gold_docs(gold_dirs, inputs)
            corpus = pipeline.build_corpus([d.doc.path for d in docs], options=pipeline.Options(model=model))
            for s in corpus.skipped:
                click.echo(f"kg: skipped {s.path}: {s.reason}", err=True)
            records = [r.to_json() for r in corpus.results]
    except evaluate.EvalError as e:
        click.echo(f"kg: eval: {e}", err=True)
        sys.exit(pipeline.EXIT_FAILED)
    result = evaluate.evaluate(gold, records)
    crossed = None
    if cv:
        from kg.extract.decide import load_decider

        decider = load_decider(model)
        threshold = train.THRESHOLD if isinstance(decider, str) else decider.threshold
        extra = _gold_docs(train_dirs, inputs) if train_dirs else []
        items = train.prepare([*docs, *extra], folds)  # each document's tagger learnt from the other folds
        runs = train.cross_validate(items[: len(docs)], folds, thresholds=(threshold,), train_only=items[len(docs):])
        crossed = evaluate.evaluate(gold, runs[threshold])
    if as_json:
        summary = result.summary()
        if crossed:
            summary["cross_validated"] = crossed.summary()
        click.echo(json.dumps(summary, ensure_ascii=False, indent=1))
        return
    click.echo(evaluate.render_table(result))
    click.echo(evaluate.render_errors(result, examples))
    if crossed:
        click.echo(f"\ncross-validated ({folds} folds, whole sources held out):")
        click.echo(evaluate.render_table(crossed))


@main.command()
@gold_option
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("-o", "--out", "out_file", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the model (JSON); its tagger is written beside it (the same name, .crf).")
@click.option("--c", "c", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Inverse regularisation strength of the logistic regression.  [default: kg.train.C]")
@click.option("--threshold", type=click.FloatRange(0, 1), default=None,
              help="Least probability of naming something for a span to be kept.  [default: chosen by "
                   "cross-validation]")
@click.option("--tagger-held-out", "tagger_held_out", multiple=True, type=click.Path(path_type=Path),
              help="A --gold folder whose documents the tagger does not learn from (the decision still does), "
                   "so that `kg eval` on it measures the tagger as on new reports. Repeatable.")
def train(gold_dirs: tuple[Path, ...], inputs: tuple[str, ...], out_file: Path, c: float | None,
          threshold: float | None, tagger_held_out: tuple[Path, ...]) -> None:
    """Train the extraction decision on gold annotations (the texts in texts/ beside each gold folder,
    else among INPUTS; default: the bundled reports) and write the model to --out. The same file
    keeps the stage presumed for a project named with no stage cue, learnt from the gold's timelines,
    and the reading of a text with no heading as review or plan, learnt from the gold's sections.

    The same gold gives the same model file, byte for byte. Use it with --model on extract, build
    and eval; `kg eval --cv` tells how well it does on sources it did not learn from.
    """
    from kg import train as training

    docs = _gold_docs(gold_dirs, inputs)
    model = training.train(docs, training.C if c is None else c, threshold, out_file.with_suffix(".crf"),
                           [Path(d).name for d in tagger_held_out])
    pipeline.write_atomic(out_file, model.to_json())
    meta = dict(model.meta)
    click.echo(f"trained on {meta['documents']} documents ({meta['spans']} labelled spans); threshold "
               f"{model.threshold}; {len(model.weights)} features; "
               f"{len(model.presumption.weights) if model.presumption else 'no'} presumption features; "
               f"{len(model.reading.weights) if model.reading else 'no'} reading features; written to {out_file}")
