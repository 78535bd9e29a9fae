"""The `kg` command line: thin wrappers over the library (kg.pipeline, kg.rdf, kg.views)."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from kg import pipeline

OUT = Path("outputs")


def _inputs(inputs: tuple[str, ...]) -> list[str]:
    return list(inputs) or [str(pipeline.DEFAULT_INPUT)]


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
              show_default=True, help="Folder for the outputs (replaced atomically at the end).")
@click.option("-j", "--jobs", type=int, default=1, show_default=True, help="Extraction processes.")
def build(inputs: tuple[str, ...], out_dir: Path, jobs: int) -> None:
    """Build the graph from INPUTS (files or folders; default: the bundled reports).

    Writes extract.jsonl, graph.ttl/.nt/.nq/.jsonld, store/ (what `kg query` reads),
    graph.graphml/.gexf/.json, index.html and the other HTML views, build-report.json.

    Exit codes: 0 every input read; 3 the build finished but some inputs were skipped
    (listed on stderr and in build-report.json); 1 the build failed (previous outputs kept).
    """
    try:
        report = pipeline.build(_inputs(inputs), out_dir, jobs=jobs)
    except Exception as e:  # noqa: BLE001 - a failed build must say why and keep old outputs
        click.echo(f"kg: build failed: {e}", err=True)
        sys.exit(pipeline.EXIT_FAILED)
    for s in report["documents_skipped"]:
        click.echo(f"kg: skipped {s['path']}: {s['reason']}", err=True)
    counts = ", ".join(f"{n} {t}" for t, n in sorted(report["entities_by_type"].items()))
    click.echo(f"read {len(report['documents_read'])} documents, skipped {len(report['documents_skipped'])}; "
               f"{counts}; {report['triples']} triples; SHACL "
               f"{'conforms' if report['shacl_conforms'] else 'VIOLATIONS (see build-report.json)'}; "
               f"{report['seconds_total']} s")
    click.echo(f"outputs in {out_dir.resolve()}: open {(out_dir / 'index.html').resolve()}")
    sys.exit(pipeline.EXIT_SKIPPED if report["documents_skipped"] else pipeline.EXIT_OK)


@main.command()
@click.argument("inputs", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True,
              help="jsonl: one record per document (the scorer's contract); table: one row per entity.")
@click.option("-j", "--jobs", type=int, default=1, show_default=True, help="Extraction processes.")
def extract(inputs: tuple[str, ...], fmt: str, jobs: int) -> None:
    """Extract entities, sections and stages from INPUTS and print them (no graph is written)."""
    corpus = pipeline.build_corpus(_inputs(inputs), jobs=jobs)
    for s in corpus.skipped:
        click.echo(f"kg: skipped {s.path}: {s.reason}", err=True)
    if fmt == "jsonl":
        pipeline.write_jsonl(corpus, sys.stdout)
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
@click.argument("inputs", nargs=-1, type=click.Path())
def recurring(min_years: int, fmt: str, inputs: tuple[str, ...]) -> None:
    """Projects that recur across years, with their per-year stage and evidence; flags slippage."""
    from kg.resolve import timelines

    found = timelines(pipeline.build_corpus(_inputs(inputs)), min_years=min_years)
    if fmt == "json":
        click.echo(json.dumps([{"id": t.id, "name": t.name, "years": t.years, "slipped": t.slipped,
                                "timeline": [vars(e) for e in t.entries]} for t in found],
                              ensure_ascii=False, indent=1))
        return
    for t in found:
        flag = f"  SLIPPED: {'; '.join(t.slipped)}" if t.slipped else ""
        click.echo(f"{t.name}  ({', '.join(map(str, t.years))}){flag}")
        for e in t.entries:
            click.echo(f"  {e.year} {e.mode:6} {e.stage or '-':10} {e.doc}  {e.sentence[:60]}")
