"""SPARQL for users: bundled queries, parameters, the read-only guard, and typed results."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from rdflib import XSD, BNode, Graph, URIRef

from kg.rdf.store import KGStore, QueryError, UpdateRefused
from kg.rdf.terms import QUERIES_DIR


@dataclass
class QueryResult:
    """What a query returned. `raw` is the store's own serialization: SPARQL 1.1 Results
    JSON for SELECT and ASK, N-Triples for CONSTRUCT and DESCRIBE."""

    kind: str  # select | ask | construct
    raw: bytes
    vars: list[str] = field(default_factory=list)
    bindings: list[dict[str, dict]] = field(default_factory=list)  # SPARQL JSON terms, per row
    boolean: bool | None = None

    @classmethod
    def from_worker(cls, kind: str, raw: bytes) -> QueryResult:
        if kind == "construct":
            return cls(kind, raw)
        data = json.loads(raw)
        if kind == "ask":
            return cls(kind, raw, boolean=data["boolean"])
        return cls(kind, raw, vars=data["head"]["vars"], bindings=data["results"]["bindings"])

    @cached_property
    def rows(self) -> list[tuple]:
        """SELECT rows as Python values: IRIs as rdflib URIRef (a str), numbers and years as
        int/float, booleans as bool, other literals as str, unbound as None."""
        return [tuple(python_value(b.get(v)) for v in self.vars) for b in self.bindings]

    @cached_property
    def triples(self) -> list[tuple]:
        """CONSTRUCT triples as rdflib terms."""
        if self.kind != "construct":
            return []
        return list(Graph().parse(data=self.raw.decode("utf-8"), format="nt"))


_INTEGER_TYPES = {str(XSD[t]) for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                        "positiveInteger", "unsignedInt", "unsignedLong", "gYear")}
_FLOAT_TYPES = {str(XSD[t]) for t in ("decimal", "double", "float")}


def python_value(term: dict | None) -> Any:
    if term is None:
        return None
    kind, value = term["type"], term["value"]
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    dtype = term.get("datatype")
    try:
        if dtype in _INTEGER_TYPES:
            return int(value)
        if dtype in _FLOAT_TYPES:
            return float(value)
    except (TypeError, ValueError):
        return value
    if dtype == str(XSD.boolean):
        return value in ("true", "1")
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


_PROLOGUE = re.compile(r"(?:\s+|\#[^\n]*|BASE\s*<[^>]*>|PREFIX\s+[^\s:]*:\s*<[^>]*>)*", re.IGNORECASE)
_UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_SYNTAX = re.compile(r"error at (\d+):(\d+):\s*(.*)", re.DOTALL)
_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def is_update(sparql: str) -> bool:
    """Whether the text is a SPARQL update (after its PREFIX/BASE prologue and comments)."""
    prologue = _PROLOGUE.match(sparql)  # matches always, if only the empty string
    rest = sparql[prologue.end() if prologue else 0:]
    word = re.match(r"[A-Za-z]+", rest)
    return word is not None and word.group().upper() in _UPDATE_WORDS


def bind_params(sparql: str, params: dict[str, str]) -> str:
    """Fill declared parameters: a query declares `VALUES ?name { UNDEF }`, and the value
    (a string, or an IRI written <…>) replaces UNDEF. Unset parameters stay unbound."""
    for name, value in params.items():
        if not _PARAM_NAME.fullmatch(name):
            raise QueryError(f"bad parameter name {name!r}")
        slot = re.compile(r"(VALUES\s+[?$]" + name + r"\s*\{\s*)UNDEF(\s*\})", re.IGNORECASE)
        if not slot.search(sparql):
            raise QueryError(f"the query has no parameter ?{name} "
                             f"(a query declares one as VALUES ?{name} {{ UNDEF }})")
        if value.startswith("<") and value.endswith(">") and not re.search(r'[\s<>"{}|^`\\]', value[1:-1]):
            term = value
        else:
            term = json.dumps(value, ensure_ascii=False)  # a JSON string is a valid SPARQL string literal

        def fill(m: re.Match[str], t: str = term) -> str:
            return m.group(1) + t + m.group(2)

        sparql = slot.sub(fill, sparql)
    return sparql


def run_query(store: KGStore, sparql: str, timeout: float = 30.0,
              params: dict[str, str] | None = None) -> QueryResult:
    """Run a read-only SPARQL query with a time limit.

    Raises QueryError (syntax errors carry line and column), UpdateRefused for updates,
    QueryTimeout when the query runs past `timeout` seconds (it is stopped)."""
    if params:
        sparql = bind_params(sparql, params)
    if is_update(sparql):
        raise UpdateRefused()
    kind, payload = store.run(sparql, timeout)
    if kind == "syntax":
        found = _SYNTAX.match(payload)
        if not found:
            raise QueryError(payload)
        message = found.group(3)
        if len(message) > 200:  # the parser lists every character class it would have accepted
            message = message[:200].rsplit(",", 1)[0] + ", …"
        raise QueryError(message, int(found.group(1)), int(found.group(2)))
    if kind == "error":
        raise QueryError(payload)
    return QueryResult.from_worker(kind, payload)


@cache
def bundled_queries() -> dict[str, tuple[str, str]]:
    """name → (description, SPARQL) of kg/queries/*.rq; the description is the leading # comment."""
    out = {}
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = path.read_text("utf-8")
        lines = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            lines.append(line.lstrip("#").strip())
        out[path.stem] = (" ".join(x for x in lines if x), text)
    return out


@cache
def library_query(name: str) -> str:
    """A whole-answer query the commands read (kg/queries/library: `kg recurring`, `kg ledger`); the
    bundled queries give a page of theirs, bounded in time on any build."""
    return (QUERIES_DIR / "library" / f"{name}.rq").read_text("utf-8")


def resolve_query(arg: str) -> str:
    """SPARQL text from what a user typed: the text itself, @file.rq, or a bundled query's name."""
    if arg.startswith("@"):
        path = Path(arg[1:])
        try:
            return path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise QueryError(f"cannot read the query file {path}: {getattr(e, 'strerror', None) or e}") from e
    bundled = bundled_queries()
    if arg in bundled:
        return bundled[arg][1]
    if re.fullmatch(r"[\w.-]+", arg):  # one word is a name, never a query
        close = difflib.get_close_matches(arg, bundled, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise QueryError(f"no bundled query named {arg!r}; {hint}bundled: {', '.join(bundled)}")
    return arg
