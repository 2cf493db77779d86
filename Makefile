# Two commands on a fresh machine (Python 3.11, make, git): `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint typecheck docs evaluation bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)  ## analyze the bundled examples into demo.db and show what came out
	rm -f demo.db demo.db-wal demo.db-shm
	$(BIN)/storyline --db demo.db analyze examples/articles -q || true
	$(BIN)/storyline --db demo.db articles
	$(BIN)/storyline --db demo.db failures
	$(BIN)/storyline --db demo.db show $$($(BIN)/storyline --db demo.db articles --csv | sed -n 2p | cut -d, -f1)
	$(BIN)/storyline --db demo.db stories
	$(BIN)/storyline --db demo.db story $$($(BIN)/storyline --db demo.db stories --csv | sed -n 2p | cut -d, -f1)

lint: $(STAMP)
	$(BIN)/ruff check storyline tests bench scripts
	$(BIN)/ruff format --check storyline tests bench scripts

typecheck: $(STAMP)
	$(BIN)/mypy

test: lint typecheck  ## ruff, mypy and the whole test suite
	$(BIN)/pytest -q

docs: $(STAMP)  ## regenerate the docs generated from code (settings table, JSON Schema)
	$(BIN)/python -m storyline.docs

$(VENV)/.baselines: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev,baselines]'
	touch $@

evaluation: $(VENV)/.baselines  ## regenerate docs/EVALUATION.md: every dataset in ../shared/data and the benchmark
	$(BIN)/python -m storyline.eval.document --out docs/EVALUATION.md

bench: $(STAMP)  ## the speed and memory benchmark, as a Markdown table
	$(BIN)/python bench/run.py --markdown

clean:
	rm -rf $(VENV) demo.db demo.db-wal demo.db-shm .pytest_cache .mypy_cache .ruff_cache
