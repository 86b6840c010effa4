# Two entry points for a new user: `make run` and `make test`.
# Both create .venv on first use with the exact versions in constraints.txt.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck pytest translations bench package clean fuzz

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,package,team]'
	touch $(STAMP)

translations: $(STAMP)
	$(BIN)/python -m intake_app.gui.i18n_build

run: $(STAMP) translations
	$(BIN)/intake-app $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench packaging fuzz

typecheck: $(STAMP)
	$(BIN)/mypy

# Two worker processes (pytest-xdist; CI has 2 cores), each running whole test files; the
# slowest files start first (tests/conftest.py). PYTEST_XDIST="-n 0" runs in one process.
PYTEST_XDIST ?= -n 2 --dist loadfile --no-loadscope-reorder

pytest: $(STAMP) translations
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest $(PYTEST_XDIST) $(PYTEST_ARGS)

test: lint typecheck pytest

package: $(STAMP) translations
	$(BIN)/python packaging/build.py

# Coverage-guided fuzzing (atheris) of every parser of untrusted bytes; FUZZ_RUNS inputs
# per target. CI runs the same targets through hypothesis (tests/test_fuzz_targets.py).
FUZZ_RUNS ?= 20000
FUZZ_TARGETS := bundle receipt provisioning keyring dropbox payload
fuzz: $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[fuzz]'
	set -e; for t in $(FUZZ_TARGETS); do \
	  echo "== fuzz $$t"; $(BIN)/python fuzz/run.py $$t -atheris_runs=$(FUZZ_RUNS); done
	echo "== fuzz xlsform"; $(BIN)/python fuzz/fuzz_xlsform.py -atheris_runs=$(FUZZ_RUNS)

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
