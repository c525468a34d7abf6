# Two commands do all the set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) -m bot run $(ARGS)

test: $(STAMP)
	$(PY) -m pytest -q

bench: $(STAMP)
	for f in bench/*.py; do echo "== $$f"; $(PY) $$f || exit 1; done

# Static checks: ruff everywhere, mypy --strict on the pure cores (analysis, dedupe, matching).
lint: $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m ruff check bot --select F,I,B,PIE
	$(PY) -m mypy bot/analysis bot/dedupe bot/match.py bot/watch_index.py bot/ingest.py bot/store

clean:
	rm -rf $(VENV) .pytest_cache
