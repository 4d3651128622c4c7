# The command contract: `make site`, `make serve`, `make test` (and `make check` for editors). Each sets itself up from the pinned requirements.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
# Material 9.8 prints an end-of-life banner on every build; it is not a warning about our site.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site serve test chromium clean

$(VENV)/.site-deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: $(VENV)/.site-deps requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Strict build into a temporary folder; site/ is replaced only when the build and every check passed.
site: $(VENV)/.site-deps
	$(BIN)/python scripts/build_site.py

# Reading grade, review dates, alt text and orphan pages, per page; warnings never stop a preview.
.PHONY: check
check: $(VENV)/.site-deps
	$(BIN)/python scripts/content_check.py

serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve

test: $(VENV)/.test-deps chromium
	$(BIN)/python -m pytest

# Browser tests use Debian's Chromium; install it when missing and we can, else say how.
chromium:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Debian's Chromium. Run: sudo apt-get install chromium"; exit 1; \
	fi

clean:
	rm -rf site .site-new $(VENV) .pytest_cache
