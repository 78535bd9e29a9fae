"""Query results as a person reads them (aligned tables, CJK-aware), or as csv and JSON."""

from __future__ import annotations

import csv
import io
import unicodedata

import pyoxigraph as ox

from kg.rdf.query import QueryResult
from kg.rdf.terms import PREFIXES, short


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str, limit: int = 48) -> str:
    text = " ".join(text.split())
    if width(text) <= limit:
        return text
    out, used = [], 0
    for c in text:
        used += width(c)
        if used > limit - 1:
            break
        out.append(c)
    return "".join(out) + "…"


def _cell(term: dict | None) -> str:
    if term is None:
        return ""
    return clip(short(term["value"]) if term["type"] == "uri" else str(term["value"]))


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """table (aligned, CJK-aware, long values clipped), csv, or json (SPARQL 1.1 Results JSON;
    CONSTRUCT gives Turtle as its table, subject/predicate/object rows as csv, JSON-LD as json).
    The text ends with a newline."""
    if fmt not in ("table", "csv", "json"):
        raise ValueError(f"unknown format {fmt!r}: table, csv or json")
    text = _format(result, fmt)
    return text if text.endswith("\n") else text + "\n"


def _format(result: QueryResult, fmt: str) -> str:
    if result.kind == "construct":
        triples = [q.triple for q in ox.parse(result.raw, ox.RdfFormat.N_TRIPLES)]
        if fmt == "csv":
            rows = [[t.subject.value, t.predicate.value, t.object.value] for t in triples]
            return _csv(["subject", "predicate", "object"], rows)
        if fmt == "table":
            return (ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b"").decode("utf-8")
        return (ox.serialize(triples, format=ox.RdfFormat.JSON_LD) or b"").decode("utf-8")
    if fmt == "json":
        return result.raw.decode("utf-8")
    if result.kind == "ask":
        answer = str(result.boolean).lower()
        return _csv(["boolean"], [[answer]]) if fmt == "csv" else answer
    if fmt == "csv":
        rows = [[b[v]["value"] if v in b else "" for v in result.vars] for b in result.bindings]
        return _csv(result.vars, rows)
    cells = [[_cell(b.get(v)) for v in result.vars] for b in result.bindings]
    widths = [max([width(v), *(width(row[i]) for row in cells)]) for i, v in enumerate(result.vars)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    lines = [line(result.vars), line(["-" * w for w in widths]), *(line(r) for r in cells)]
    n = len(cells)
    return "\n".join([*lines, f"({n} row{'s' if n != 1 else ''})"])


def _csv(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()
