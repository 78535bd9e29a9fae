# Two entry points: `make build` (set up, then build the default corpus) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# JioNLP is used only for its five-level gazetteer file (china_location); its own
# dependencies (a 150 MB segmenter, numpy) are not needed, hence --no-deps.
JIONLP := jionlp==1.5.31

.PHONY: build test setup setup-test browser clean

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

# Debian's Chromium for the browser tests of the HTML views (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else echo "install Debian's chromium (sudo apt-get install chromium) for the browser tests"; fi; }

# `kg build` exits 3 when some inputs were skipped: still a finished build.
build: setup
	$(BIN)/kg build || [ $$? -eq 3 ]

test: setup-test browser
	$(BIN)/ruff check kg tests bench
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV)
	find outputs -mindepth 1 ! -name README.md -exec rm -rf {} +
