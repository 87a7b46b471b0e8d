# Two commands do all set-up: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared

.PHONY: venv lock demo test test-all lint eval train bench adoption clean

venv: $(VENV)/.installed

# pyproject.toml gives ranges; requirements.lock the versions tested, installed as constraints (reproducible)
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[dev]'
	touch $@

lock: venv  # after upgrading the venv within the ranges and passing make test: pin what was tested
	{ sed -n '/^#/p' requirements.lock; $(BIN)/python -m pip freeze --exclude-editable | grep -v '^#' \
	  | grep -iv '^eventscope'; } > requirements.lock.new && mv requirements.lock.new requirements.lock

demo: venv
	$(BIN)/eventscope extract examples/palmyra-2017-03-02.txt examples/centcom.jsonl
	rm -f demo.duckdb
	$(BIN)/eventscope ingest examples --db demo.duckdb > /dev/null
	@echo "Events merged into demo.duckdb. Browse them on a map: $(BIN)/eventscope serve --db demo.duckdb"

test: venv
	$(BIN)/python -m pytest -q -x -m "not slow"

test-all: venv  # the slow cases too (50 MB inputs, a 2,000-file directory): for CI
	$(BIN)/python -m pytest -q -x

lint: venv
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy

eval: venv
	$(BIN)/python scripts/eval.py --shared $(SHARED) $(EVAL_ARGS)

train: venv
	$(BIN)/python scripts/train_typing.py --shared $(SHARED)

bench: venv
	$(BIN)/python benchmarks/throughput.py --shared $(SHARED)

adoption: venv  # installed size and start-up time
	$(BIN)/python -P benchmarks/adoption.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
