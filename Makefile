# The two commands a newcomer needs: `make serve` and `make test`.
# Both create .venv on first use and install the locked dependencies;
# a second run skips the install unless the lock file changed. --no-compile: Python
# byte-compiles each module when it is first imported (only those used; half the
# install time).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := .ci/requirements.lock
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check test test-serial offline check-external bench lock clean

$(STAMP): $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-compile --disable-pip-version-check -r $(LOCK)
	@touch $(STAMP)

## Serve the site on http://127.0.0.1:8000 (zh at /, ru at /ru/, en at /en/)
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## Build the site strictly into site/ (default verbosity: -q would hide warnings),
## with the offline copy at site/site-offline.zip (SIM_OFFLINE_ZIP=1: the home page
## links to it; a plain mkdocs build or make serve shows no link to a missing file)
build: $(STAMP)
	SIM_OFFLINE_ZIP=1 $(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/python -m tools.offline site/site-offline.zip

## The fast checks to run before every commit (no browser, a few seconds): the
## strict build, parity, glossary, hedge budget, link allowlist and facts rules
check: $(STAMP)
	$(BIN)/python -m tools.check

## Run the whole test suite in parallel on the machine's cores (pytest-xdist: the
## site is built once and shared by the workers; one Chromium per worker), then
## print the ten slowest tests
test: $(STAMP)
	$(BIN)/python -m pytest -n auto --durations=10

## The same suite in one process, in order (for debugging)
test-serial: $(STAMP)
	$(BIN)/python -m pytest -n 0 --durations=10

## Build the offline copy into site-offline.zip (works from file:// with no network)
offline: $(STAMP)
	$(BIN)/python -m tools.offline site-offline.zip

## Check that external source URLs answer (needs the internet; not part of make test);
## REPORT=file.md also writes the Markdown report the weekly workflow puts in an issue
check-external: $(STAMP)
	$(BIN)/python -m tools.checks.external $(if $(REPORT),--report "$(REPORT)")

## Print build, search-index, first-view and search-latency figures
bench: $(STAMP)
	$(BIN)/python -m tools.bench

## Rewrite the lock file from pyproject.toml's pins
lock:
	rm -rf /tmp/sim-guide-lock && $(PYTHON) -m venv /tmp/sim-guide-lock
	/tmp/sim-guide-lock/bin/python -m pip install --quiet ".[test]"
	{ echo "# Every package the site and its tests need, exact versions (Python 3.11)."; \
	  echo "# Installed by the Makefile. Regenerate with: make lock"; \
	  /tmp/sim-guide-lock/bin/python -m pip freeze --exclude russian-sim-guide; } > $(LOCK)

clean:
	rm -rf site site-offline.zip
