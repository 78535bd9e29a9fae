"""The SPARQL endpoint, run on a free port in a thread over a store of the hand-made corpus."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import threading
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

import browser
import pytest
from rdflib import Graph
from sample_corpus import PROJECT, make_corpus
from SPARQLWrapper import JSON, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kg import rdf, serve

PREFIX = "PREFIX kg: <https://w3id.org/kg-reports/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
NAMES = PREFIX + "SELECT ?name WHERE { ?p a kg:Project ; skos:prefLabel ?name }"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("serve")
    rdf.save_store(rdf.corpus_to_graph(make_corpus()), root / "store")
    views = root / "views"
    views.mkdir()
    (views / "index.html").write_text("<!doctype html><title>overview</title>", "utf-8")
    (views / "timeline.html").write_text("<!doctype html><title>timeline</title>", "utf-8")
    (root / "secret.txt").write_text("not for the web", "utf-8")
    srv = serve.make_server(root / "store", port=0, timeout=1.0, views_dir=views)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(5)


def _get(url: str, accept: str | None = None) -> tuple[int, str, str]:
    request = urllib.request.Request(url, headers={"Accept": accept} if accept else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.headers["Content-Type"], r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers["Content-Type"], e.read().decode("utf-8")


def _post(url: str, body: str, ctype: str) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body.encode("utf-8"), headers={"Content-Type": ctype})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8")


def test_sparqlwrapper_select_gets_json(server) -> None:
    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery(NAMES)
    client.setReturnFormat(JSON)
    data = client.query().convert()
    assert [b["name"]["value"] for b in data["results"]["bindings"]] == ["绿洲路改造工程"]


def test_post_forms_and_csv_negotiation(server) -> None:
    status, body = _post(server.url + "sparql", NAMES, "application/sparql-query")
    assert status == 200 and json.loads(body)["head"]["vars"] == ["name"]
    status, ctype, body = _get(f"{server.url}sparql?query={quote(NAMES)}", accept="text/csv, */*;q=0.1")
    assert status == 200 and ctype.startswith("text/csv")
    assert list(csv.reader(io.StringIO(body))) == [["name"], ["绿洲路改造工程"]]


def test_construct_gives_turtle(server) -> None:
    query = PREFIX + "CONSTRUCT { ?a kg:partOf ?b } WHERE { ?a kg:partOf ?b }"
    status, ctype, body = _get(f"{server.url}sparql?query={quote(query)}", accept="text/turtle")
    assert status == 200 and ctype.startswith("text/turtle")
    assert len(Graph().parse(data=body, format="turtle")) == 1


def test_update_is_refused(server) -> None:
    client = SPARQLWrapper(server.url + "sparql")
    client.setMethod("POST")
    client.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> 1 }")
    with pytest.raises(urllib.error.HTTPError) as err:
        client.query()
    assert err.value.code == 403 and "read-only" in err.value.read().decode("utf-8")
    status, body = _post(server.url + "sparql", "query=" + quote("DROP ALL"), "application/x-www-form-urlencoded")
    assert status == 403 and "read-only" in body
    status, body = _post(server.url + "sparql", "CLEAR DEFAULT", "application/sparql-update")
    assert status == 403


def test_malformed_query_is_400_with_line_and_column(server) -> None:
    client = SPARQLWrapper(server.url + "sparql")
    client.setQuery("SELECT ?s WHERE {\n  ?s ?p ?o .\n  FILTR(?o = 1)\n}")
    client.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed, match="line 3, column 11"):
        client.query()


def test_runaway_query_is_503_and_the_server_stays_up(server) -> None:
    product = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"
    status, _, body = _get(f"{server.url}sparql?query={quote(product)}")
    assert status == 503 and "longer than 1 s" in body
    status, _, body = _get(f"{server.url}sparql?query={quote(NAMES)}")
    assert status == 200 and "绿洲路改造工程" in body


def test_missing_query_and_unknown_paths(server) -> None:
    assert _get(server.url + "sparql")[0] == 400
    assert _get(server.url + "nothing")[0] == 404
    assert _get(f"{server.url}sparql?query={quote(NAMES)}&format=turtle")[0] == 400


def test_query_page_lists_bundled_queries_and_views(server) -> None:
    status, ctype, body = _get(server.url)
    assert status == 200 and ctype.startswith("text/html")
    for name, (description, _) in rdf.bundled_queries().items():
        assert f'<option value="{name}" title="{html.escape(description)}">' in body
        assert html.escape(description) in body
    assert '<a href="/views/index.html">index</a>' in body and "/views/timeline.html" in body
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", body)  # nothing loaded from elsewhere
    assert "</script>" not in body.split('id="queries">')[1].split("</script>")[0]


def test_views_are_served_without_escaping_their_folder(server) -> None:
    status, ctype, body = _get(server.url + "views/index.html")
    assert status == 200 and ctype.startswith("text/html") and "overview" in body
    assert _get(server.url + "views/../secret.txt")[0] == 404
    assert _get(server.url + "views/%2E%2E/secret.txt")[0] == 404


def test_negotiation_prefers_weight_then_specificity() -> None:
    offered = serve.RESULT_FORMATS
    assert serve.negotiate("", offered) == "application/sparql-results+json"
    assert serve.negotiate("text/csv;q=0.5, application/sparql-results+xml", offered) == \
        "application/sparql-results+xml"
    assert serve.negotiate("text/*, */*;q=0.1", offered) == "text/csv"
    assert serve.negotiate("image/png", offered) == "application/sparql-results+json"


def test_project_iri_is_in_results(server) -> None:
    query = PREFIX + "SELECT ?p WHERE { ?p a kg:Project }"
    status, _, body = _get(f"{server.url}sparql?query={quote(query)}")
    assert status == 200
    assert json.loads(body)["results"]["bindings"][0]["p"]["value"] == str(rdf.entity_iri(PROJECT))


def test_make_server_refuses_a_missing_views_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no such folder"):
        serve.make_server(tmp_path / "store", port=0, views_dir=tmp_path / "missing")


def test_query_page_assets_and_prefixes_are_served(server) -> None:
    for name in serve.QUERY_ASSETS:
        status, ctype, body = _get(server.url + "static/" + name)
        assert status == 200 and body, name
    assert _get(server.url + "static/LICENSE-yasgui.txt")[0] == 404  # only what the page loads
    assert _get(server.url + "static/../serve.py")[0] == 404
    status, ctype, body = _get(server.url + "prefixes.json")
    assert status == 200 and json.loads(body)["kg"] == rdf.PREFIXES["kg"]


@pytest.mark.skipif(not browser.CHROMIUM.exists(), reason="needs Debian's /usr/bin/chromium")
def test_query_page_edits_runs_and_shows_results_offline(server) -> None:
    with browser.browser() as context:
        page = context.new_page()
        errors, requests = [], []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: requests.append(r.url))
        page.goto(server.url)
        page.wait_for_selector(".CodeMirror")
        first = next(iter(rdf.bundled_queries().values()))[1]
        assert page.evaluate("window.kgYasgui.getTab().getQuery()") == first
        assert page.locator(".CodeMirror .cm-keyword").count() > 0  # highlighted
        page.select_option("#examples", "project-timeline")
        assert "kg:mentionOf" in page.evaluate("window.kgYasgui.getTab().getQuery()")
        page.evaluate("(q) => { window.kgYasgui.getTab().setQuery(q); }", NAMES)
        page.evaluate("() => { window.kgYasgui.getTab().getYasqe().query(); }")
        page.wait_for_selector(".yasr table.dataTable tbody td")
        cells = page.locator(".yasr table.dataTable tbody td").all_inner_texts()
        assert any("工程" in c or "路" in c for c in cells), cells[:10]
        assert errors == [], (errors, requests)
        assert all(url.startswith(server.url) for url in requests), requests
