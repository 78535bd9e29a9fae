# Two entry points: `make build` (set up, then build the default corpus) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# JioNLP is used only for its five-level gazetteer file (china_location); its own
# dependencies (a 150 MB segmenter, numpy) are not needed, hence --no-deps.
JIONLP := jionlp==1.5.31

.PHONY: build test setup setup-test browser clean model

$(BIN)/kg: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -e .
	$(BIN)/pip install -q --no-deps $(JIONLP)
	touch $(BIN)/kg

$(VENV)/.test-deps: $(BIN)/kg
	$(BIN)/pip install -q -e '.[test,dask]'
	touch $@

setup: $(BIN)/kg

setup-test: $(VENV)/.test-deps

# Debian's Chromium (and a CJK font) for the browser tests of the HTML views, driven by the
# playwright client in the venv; never `playwright install`, which downloads a browser build.
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	  else echo "browser tests need Debian's chromium: sudo apt-get install chromium fonts-wqy-microhei"; fi; }

build: setup
	$(BIN)/kg build || [ $$? -eq 3 ]

test: setup-test browser
	$(BIN)/ruff check kg tests bench
	$(BIN)/python -m pytest -q

# The decision model shipped in the package, trained on the shared gold (deterministic).
model: setup
	$(BIN)/kg train --gold ../shared/gold/dev --gold ../shared/gold/pages -o kg/models/decision.json

clean:
	rm -rf $(VENV)
	find outputs -mindepth 1 ! -name README.md -exec rm -rf {} +
