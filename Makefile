# Two entry points for a fresh machine: `make run` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLES := $(wildcard samples/*.txt samples/*.md samples/*.pdf)

.PHONY: run test lint schema outputs bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml setup.py src/govextract/ingest/_pdfium_reader.c | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml setup.py src/govextract/ingest/_pdfium_reader.c | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

## run: set up, then convert samples/ into outputs/
run: $(VENV)/.installed
	$(BIN)/govextract extract $(SAMPLES) -o outputs/

## test: set up with the dev extras, then run the whole test suite
test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -q

## lint: ruff and mypy
lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

## schema: regenerate schemas/ from the models
schema: $(VENV)/.installed
	$(BIN)/govextract schema -o schemas/

## bench: set up with the dev extras, then measure speed and memory into $(BENCH_OUT)
## (untracked by default; `make bench BENCH_OUT=benchmarks/results.md` updates the committed copy)
BENCH_OUT ?= benchmarks/_work/results.md
bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run.py --out $(BENCH_OUT)

## outputs: regenerate the committed example outputs (same as run)
outputs: run

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
