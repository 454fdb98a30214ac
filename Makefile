# The two commands a newcomer needs: `make serve` and `make test`. Both set up .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Material prints an end-of-life banner on every build; the README explains it once instead.
export NO_MKDOCS_2_WARNING := 1
# The content pipeline is the `atlas` package under scripts/.
export PYTHONPATH := $(CURDIR)/scripts
# Same input, same output: the one date a build may print is the last commit's (the gzipped sitemap's stamp).
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
ifneq ($(SOURCE_DATE_EPOCH),)
export SOURCE_DATE_EPOCH
endif
# Pinned npm tools (package-lock.json): the Nu HTML checker for `make test`, Lighthouse for `make audit`.
# npm ci runs only when a lock file changes, so later runs need no network.
VNU_JAR := scripts/tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar
LIGHTHOUSE := scripts/tools/lighthouse/node_modules/.bin/lighthouse

.PHONY: serve build test test-fast audit bench system-packages check render link-contract clean

$(STAMP): requirements.txt
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); \
	  else echo "Python's venv module is missing: sudo apt-get install python3-venv" >&2; exit 1; fi; }
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

## serve: the site on http://127.0.0.1:8000, rebuilt when content, docs, templates or overrides change
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: write the site to site/ (stops, leaving site/ as it was, if content is invalid)
build: $(STAMP)
	$(BIN)/mkdocs build --strict

system-packages:
	@scripts/tools/system-packages.sh

$(VNU_JAR): scripts/tools/vnu/package-lock.json | system-packages
	cd scripts/tools/vnu && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

$(LIGHTHOUSE): scripts/tools/lighthouse/package-lock.json | system-packages
	cd scripts/tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## test: the whole suite: schema, renderer, build, browser, accessibility, privacy, weight, HTML and language checks
test: $(STAMP) system-packages $(VNU_JAR)
	$(BIN)/python -m pytest

## test-fast: every test that needs no browser (the edit-test loop); `make test` stays the whole suite
test-fast: $(STAMP) system-packages $(VNU_JAR)
	$(BIN)/python -m pytest -m "not browser"

## audit: Lighthouse (mobile) on the home page and a muscle page, served with gzip; prints scores and LCP
audit: build system-packages $(LIGHTHOUSE)
	$(BIN)/python scripts/tools/audit.py site

## check: validate content/ only
check: $(STAMP)
	$(BIN)/python -m atlas check

## render: write the generated Markdown to build/markdown (for engines that ignore MkDocs hooks)
render: $(STAMP)
	$(BIN)/python -m atlas render build/markdown

## link-contract: rebuild, then add the built site's new page addresses and section ids to content/link-contract.txt
link-contract: build
	$(BIN)/python -m atlas link-contract site --update

## bench: time load+render, mkdocs build with and without the hook, and memory for 1-500 muscles (~30 min)
## (BENCH_SIZES=1,50 BENCH_RUNS=2 BENCH_LARGE_RUNS=1 make bench for a quick look; BENCH_ARGS=--check to fail on a budget)
bench: $(STAMP)
	$(BIN)/python -m bench $(BENCH_ARGS)

clean:
	rm -rf site build .pytest_cache scripts/tools/*/node_modules
