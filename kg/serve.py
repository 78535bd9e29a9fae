"""A read-only SPARQL 1.1 Protocol endpoint over the built store, with a query page.

GET /sparql?query=…, POST form `query=…` or a body of type application/sparql-query; the
answer is negotiated (Accept, or ?format=): SPARQL JSON (default), XML, CSV, TSV for SELECT
and ASK, Turtle (default), N-Triples, JSON-LD, RDF/XML for CONSTRUCT and DESCRIBE. Updates
get 403, malformed queries 400 with the parser's line and column, queries past the time
limit 503 — they are stopped and the server carries on. / is a query page (Yasgui, from
/static/) with the bundled queries as examples; /prefixes.json gives the graph's prefixes to its
completion; /views/… serves the HTML views when a views folder is given.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import sys
import time
from collections.abc import Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pyoxigraph as ox

from kg import rdf

log = logging.getLogger("kg.serve")
STATIC = (Path(__file__).parent / "views" / "static").resolve()
QUERY_ASSETS = frozenset({"yasgui.min.js", "yasgui.min.css", "kg-query.js", "kg.css"})  # what the query page loads
MAX_BODY = 1_000_000  # bytes of query text accepted in a POST
RESULT_FORMATS = {  # media type → (short name, pyoxigraph format) for SELECT and ASK
    "application/sparql-results+json": ("json", ox.QueryResultsFormat.JSON),
    "application/json": ("json", ox.QueryResultsFormat.JSON),
    "application/sparql-results+xml": ("xml", ox.QueryResultsFormat.XML),
    "application/xml": ("xml", ox.QueryResultsFormat.XML),
    "text/csv": ("csv", ox.QueryResultsFormat.CSV),
    "text/tab-separated-values": ("tsv", ox.QueryResultsFormat.TSV),
}
GRAPH_FORMATS = {  # … for CONSTRUCT and DESCRIBE
    "text/turtle": ("turtle", ox.RdfFormat.TURTLE),
    "application/n-triples": ("ntriples", ox.RdfFormat.N_TRIPLES),
    "text/plain": ("ntriples", ox.RdfFormat.N_TRIPLES),
    "application/ld+json": ("jsonld", ox.RdfFormat.JSON_LD),
    "application/rdf+xml": ("rdfxml", ox.RdfFormat.RDF_XML),
}


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server, holding the store and its query processes."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], store: rdf.KGStore, timeout: float, views_dir: Path | None):
        super().__init__(address, _Handler)
        self.kg_store, self.query_timeout = store, timeout
        self.views_dir = views_dir.resolve() if views_dir else None

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def server_close(self) -> None:
        super().server_close()
        self.kg_store.close()


def make_server(store_dir: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
                views_dir: Path | None = None, workers: int = 2) -> SparqlServer:
    """A server ready to `serve_forever()` (port 0 picks a free port; see `.url`)."""
    if views_dir is not None and not Path(views_dir).is_dir():
        raise FileNotFoundError(f"{views_dir}: no such folder of HTML views")
    return SparqlServer((host, port), rdf.open_store(store_dir, workers=workers), timeout,
                        Path(views_dir) if views_dir else None)


def serve(store_dir: Path, host: str = "127.0.0.1", port: int = 7878, timeout: float = 30.0,
          views_dir: Path | None = None) -> None:
    """Serve until interrupted (Ctrl-C)."""
    server = make_server(store_dir, host, port, timeout, views_dir)
    print(f"kg: SPARQL endpoint {server.url}sparql, query page {server.url} (Ctrl-C stops)", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def negotiate(accept: str, offered: Mapping[str, tuple[str, object]]) -> str:
    """The offered media type the Accept header likes best: highest q, then the most specific
    match (exact, type/*, */*), then the order offered; the first offered when nothing fits."""
    best, best_score = next(iter(offered)), (0.0, -1)
    for item in accept.split(","):
        kind, *params = (p.strip().lower() for p in item.split(";"))
        q = next((p[2:] for p in params if p.startswith("q=")), "1")
        try:
            weight = float(q)
        except ValueError:
            continue
        for media in offered:
            if kind == media:
                score = (weight, 2)
            elif kind.endswith("/*") and media.startswith(kind[:-1]) and kind != "*/*":
                score = (weight, 1)
            elif kind == "*/*":
                score = (weight, 0)
            else:
                continue
            if weight > 0 and score > best_score:
                best, best_score = media, score
    return best


def _serialize(result: rdf.QueryResult, accept: str, fmt: str | None) -> tuple[bytes, str]:
    """The result in the negotiated format (or the one ?format= names), with its content type."""
    offered = GRAPH_FORMATS if result.kind == "construct" else RESULT_FORMATS
    if fmt:
        media = next((m for m, (name, _) in offered.items() if name == fmt), None)
        if media is None:
            names = ", ".join(dict.fromkeys(name for name, _ in offered.values()))
            raise rdf.QueryError(f"format {fmt!r} does not fit this query; one of {names}")
    else:
        media = negotiate(accept or "*/*", offered)
    if result.kind == "construct":
        graph_format = GRAPH_FORMATS[media][1]
        triples = [q.triple for q in ox.parse(result.raw, ox.RdfFormat.N_TRIPLES)]
        body = ox.serialize(triples, format=graph_format,
                            prefixes=rdf.PREFIXES if graph_format is ox.RdfFormat.TURTLE else None)
    elif (results_format := RESULT_FORMATS[media][1]) is ox.QueryResultsFormat.JSON:
        body = result.raw
    else:
        body = ox.parse_query_results(result.raw, ox.QueryResultsFormat.JSON).serialize(format=results_format)
    return body or b"", f"{media}; charset=utf-8"


class _Handler(BaseHTTPRequestHandler):
    server: SparqlServer
    server_version = "kg-sparql/0.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        log.info("%s " + format, self.address_string(), *args)

    # ---- routing

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        url = urlsplit(self.path)
        if url.path == "/":
            self._send(HTTPStatus.OK, page(self.server.views_dir).encode("utf-8"), "text/html; charset=utf-8")
        elif url.path == "/sparql":
            self._sparql(parse_qs(url.query))
        elif url.path.startswith("/views/") and self.server.views_dir:
            self._file(self.server.views_dir, url.path.removeprefix("/views/"))
        elif url.path.removeprefix("/static/") in QUERY_ASSETS:
            self._file(STATIC, url.path.removeprefix("/static/"))
        elif url.path == "/prefixes.json":
            self._send(HTTPStatus.OK, json.dumps(rdf.PREFIXES).encode("utf-8"), "application/json; charset=utf-8")
        else:
            self._error(HTTPStatus.NOT_FOUND, f"nothing at {url.path}; the endpoint is /sparql")

    def do_POST(self) -> None:  # noqa: N802
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(HTTPStatus.NOT_FOUND, f"nothing at {url.path}; the endpoint is /sparql")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self._error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"the request is over {MAX_BODY} bytes")
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(url.query)
        if kind == "application/x-www-form-urlencoded":
            params |= parse_qs(body)
        elif kind == "application/sparql-query":
            params["query"] = [body]
        elif kind == "application/sparql-update":
            params["update"] = [body]
        else:
            self._error(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/sparql-query or a form with query=")
            return
        self._sparql(params)

    def do_OPTIONS(self) -> None:  # noqa: N802 - CORS preflight for browser clients elsewhere
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.end_headers()

    # ---- the endpoint

    def _sparql(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._error(HTTPStatus.FORBIDDEN, rdf.UPDATE_REFUSED)
            return
        if not params.get("query"):
            self._error(HTTPStatus.BAD_REQUEST, "missing the query parameter (…/sparql?query=SELECT …)")
            return
        started = time.perf_counter()
        try:
            result = rdf.run_query(self.server.kg_store, params["query"][0], timeout=self.server.query_timeout)
            body, ctype = _serialize(result, self.headers.get("Accept", ""), params.get("format", [None])[0])
        except rdf.UpdateRefused as e:
            self._error(HTTPStatus.FORBIDDEN, str(e))
        except rdf.QueryError as e:
            self._error(HTTPStatus.BAD_REQUEST, f"malformed query: {e}")
        except rdf.QueryTimeout as e:
            self._error(HTTPStatus.SERVICE_UNAVAILABLE, str(e))
        except rdf.StoreError as e:
            self._error(HTTPStatus.INTERNAL_SERVER_ERROR, str(e))
        else:
            self._send(HTTPStatus.OK, body, ctype, {"X-Query-Seconds": f"{time.perf_counter() - started:.3f}"})

    def _file(self, root: Path, relative: str) -> None:
        path = (root / relative).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            self._error(HTTPStatus.NOT_FOUND, f"nothing named {relative}")
            return
        ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        self._send(HTTPStatus.OK, path.read_bytes(), ctype)

    def _error(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    def _send(self, status: HTTPStatus, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if ctype.startswith("text/html"):
            self.send_header("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline'; "
                                                        "style-src 'self' 'unsafe-inline'; img-src 'self' data:")
        self.end_headers()
        self.wfile.write(body)


# ---- the query page ----------------------------------------------------------------------------------

def page(views_dir: Path | None) -> str:
    """The query page (Yasgui, served from /static/: no CDN): the bundled queries as examples, links to views."""
    from kg import views

    queries = {name: {"description": desc, "text": text} for name, (desc, text) in rdf.bundled_queries().items()}
    pages = []
    if views_dir:
        found = sorted(views_dir.glob("*.html"), key=lambda p: (p.name != "index.html", p.name))
        pages = [{"name": p.stem, "href": quote(p.name)} for p in found]
    return views.query_page(queries, pages)
