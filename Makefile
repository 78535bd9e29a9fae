# Two entry points: `make build` (set up, then build the default corpus) and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# JioNLP is used only for its five-level gazetteer file (china_location); its own
# dependencies (a 150 MB segmenter, numpy) are not needed, hence --no-deps.
JIONLP := jionlp==1.5.31

.PHONY: build test setup setup-test lint clean

$(BIN)/kg: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .
	$(BIN)/pip install -q --no-deps $(JIONLP)
	touch $(BIN)/kg

$(VENV)/.test-deps: $(BIN)/kg
	$(BIN)/pip install -q -e '.[test,dask]'
	touch $@

setup: $(BIN)/kg

setup-test: $(VENV)/.test-deps

build: setup
	$(BIN)/kg build

test: setup-test
	$(BIN)/ruff check kg tests bench
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) outputs/*.ttl outputs/*.html outputs/*.json outputs/*.jsonl
