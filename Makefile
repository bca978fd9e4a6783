# Two commands for a fresh machine (see README): `make serve` and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check schema golden bench clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

serve: $(VENV)/.installed
	$(VENV)/bin/mkdocs serve --strict --dev-addr 127.0.0.1:8000

build: $(VENV)/.installed
	$(VENV)/bin/mkdocs build --strict

check: $(VENV)/.installed
	$(PY) -m generator check

schema: $(VENV)/.installed
	$(PY) -m generator schema

test: $(VENV)/.installed
	$(PY) -m pytest

# Rewrites tests/golden from the fixture catalogue; review the diff before committing.
golden: $(VENV)/.installed
	$(PY) -m tests.update_golden

# Prints page weight, bytes fetched, Pagefind against lunr, and build time for 15/150/1500 bydeler (a few minutes).
bench: $(VENV)/.installed
	$(PY) bench/run.py

clean:
	rm -rf build site test-artifacts
