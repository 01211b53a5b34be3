# Two entry points for a fresh machine: `make run` and `make test`. Each sets up what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SAMPLES := $(wildcard samples/*.txt samples/*.md samples/*.pdf)

SHARED ?= ../shared
EVAL_DIR ?= .eval
# The reports of the seed and of every development gold: the files in golden/ and corpus/ whose
# name, less its extension, is a gold file's document.source less its extension.
EVAL_DOCS = $(shell $(PYTHON) -c 'import glob, json, os, sys; d = sys.argv[1]; \
  stems = {os.path.splitext(json.load(open(g, encoding="utf-8"))["document"]["source"])[0] \
           for g in glob.glob(d + "/golden/**/*.gold.json", recursive=True) + glob.glob(d + "/golden/panel/*.panel.json")}; \
  print(" ".join(sorted(p for p in glob.glob(d + "/golden/*") + glob.glob(d + "/corpus/*") + glob.glob(d + "/corpus/bulletins/*") \
                        if not p.endswith(".json") and os.path.splitext(os.path.basename(p))[0] in stems)))' $(SHARED))

.PHONY: run test lint schema outputs bench eval clean

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

## eval: set up, convert the seed and every development gold's report, score them against their gold
## (benchmarks/accuracy.md) and their panel against the panel gold (benchmarks/panel-accuracy.md); fails
## when a mean is below benchmarks/accuracy-floor.txt or benchmarks/panel-floor.txt
eval: $(VENV)/.installed-dev
	@test -d $(SHARED)/golden || { echo "error: $(SHARED)/golden is not present (SHARED=$(SHARED))" >&2; exit 2; }
	rm -rf $(EVAL_DIR)
	$(BIN)/govextract extract $(EVAL_DOCS) -o $(EVAL_DIR) --format json --no-db
	$(BIN)/govextract evaluate $(EVAL_DIR) $(SHARED)/golden --markdown benchmarks/accuracy.md \
	  --min $$(cat benchmarks/accuracy-floor.txt)
	$(BIN)/govextract evaluate $(EVAL_DIR) $(SHARED)/golden/panel --markdown benchmarks/panel-accuracy.md \
	  --min $$(cat benchmarks/panel-floor.txt)

## outputs: regenerate the committed example outputs (same as run)
outputs: run

clean:
	rm -rf $(VENV) $(EVAL_DIR) .pytest_cache .mypy_cache .ruff_cache
