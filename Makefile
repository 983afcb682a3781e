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

# The engine that builds the site: mkdocs, or properdocs (a maintained fork of MkDocs
# 1.x, installed from the same lock). Switch with `make build ENGINE=properdocs`, or
# for good by changing this line (README, "Engines").
ENGINE ?= mkdocs
export ENGINE

# A release names its public address: SITE_URL must be set, and not to the
# placeholder of mkdocs.yml (its default, which `make serve`, `make check` and the
# tests build with). PREVIEW=1 builds without an address, for a look only: every page
# gets `noindex`, the sitemap lists nothing, the printed pages name no address.
PLACEHOLDER := https://ru-sim-guide.example/
RELEASE_TARGETS := build offline build-properdocs
ifneq ($(PREVIEW),1)
ifneq ($(filter $(RELEASE_TARGETS),$(MAKECMDGOALS)),)
ifeq ($(strip $(SITE_URL)),)
$(error SITE_URL is not set. Set it to the address the site is served at, ending with /: \
  SITE_URL=https://example.org/ make $(firstword $(filter $(RELEASE_TARGETS),$(MAKECMDGOALS))) \
  (or PREVIEW=1 for a preview that search engines do not index and that names no address))
endif
ifeq ($(strip $(SITE_URL)),$(PLACEHOLDER))
$(error SITE_URL is the placeholder $(PLACEHOLDER). Set it to the address the site is served at, ending with /: \
  SITE_URL=https://example.org/ make $(firstword $(filter $(RELEASE_TARGETS),$(MAKECMDGOALS))) \
  (or PREVIEW=1 for a preview that search engines do not index and that names no address))
endif
endif
endif

.PHONY: serve build build-properdocs check test test-serial offline check-external bench lock clean

$(STAMP): $(LOCK)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --no-compile --disable-pip-version-check -r $(LOCK)
	@touch $(STAMP)

## Serve the site on http://127.0.0.1:8000 (zh at /, ru at /ru/, en at /en/)
serve: $(STAMP)
	$(BIN)/$(ENGINE) serve --config-file mkdocs.yml --dev-addr 127.0.0.1:8000

## Build the site strictly into site/ (default verbosity: -q would hide warnings),
## with the offline copy at site/site-offline.zip (SIM_OFFLINE_ZIP=1: the home page
## links to it; a plain mkdocs build or make serve shows no link to a missing file).
## Needs SITE_URL, or PREVIEW=1 (see above).
build: $(STAMP)
	SIM_OFFLINE_ZIP=1 $(BIN)/$(ENGINE) build --strict --config-file mkdocs.yml --site-dir site
	$(BIN)/python -m tools.offline site/site-offline.zip

## The same build on ProperDocs into site-properdocs/, then compared with site/ file by
## file: they may differ only in the generator line (tools/compare_builds.py)
build-properdocs: build
	SIM_OFFLINE_ZIP=1 $(BIN)/properdocs build --strict --config-file mkdocs.yml --site-dir site-properdocs
	$(BIN)/python -m tools.compare_builds site site-properdocs --ignore site-offline.zip

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

## Build the offline copy into site-offline.zip (works from file:// with no network;
## its printed pages name SITE_URL, so it needs SITE_URL or PREVIEW=1 too)
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
	rm -rf site site-properdocs site-offline.zip
