# The command contract: `make site`, `make serve`, `make test` (and `make check` for editors). Each sets itself up from the pinned requirements.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
# Material 9.8 prints an end-of-life banner on every build; it is not a warning about our site.
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates MkDocs stamps (the sitemap) come from the last commit unless given.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export SOURCE_DATE_EPOCH

# `make site CLINIC=riverside` builds clinics/riverside.yml, every language, into site-riverside/ (README, "Another
# clinic"); `make sites` builds the project's own site and every clinic's at once.
CLINIC ?=
CONFIG := $(if $(CLINIC),clinics/$(CLINIC).yml,mkdocs.yml)
# `make site ENGINE=zensical` builds the same guide with Zensical (README, "Engine") into site-zensical/
# (site-riverside-zensical/ with CLINIC=riverside); ENGINE=mkdocs, the default, is the published build.
ENGINE ?= mkdocs
ifeq ($(filter $(ENGINE),mkdocs zensical),)
$(error ENGINE=$(ENGINE) is not an engine this project builds with; use ENGINE=mkdocs or ENGINE=zensical)
endif
SITE_DIR := $(if $(CLINIC),site-$(CLINIC),site)$(if $(filter zensical,$(ENGINE)),-zensical)
# `make site CODE_QUALITY=gl-code-quality-report.json` also writes the build's messages as a GitLab Code Quality
# report ([] when clean), which deploy/ci/gitlab-ci.yml uploads (scripts/patient_site/editor/code_quality.py).
CODE_QUALITY ?=
ZENSICAL_VENV := .venv-zensical

.PHONY: site sites serve serve-prod test test-fast bench chromium nginx readers fonts checkers clean source-date-epoch screenshots

$(VENV)/.site-deps: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: $(VENV)/.site-deps requirements-test.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

# Strict build into a temporary folder; site/ is replaced only when the build and every check passed.
ifeq ($(ENGINE),zensical)
site: $(ZENSICAL_VENV)/.installed fonts
	$(ZENSICAL_VENV)/bin/python -m patient_site.engine.zensical_build --config-file $(CONFIG) --site-dir $(SITE_DIR)
else
site: $(VENV)/.site-deps fonts
	$(BIN)/python scripts/build_site.py --config-file $(CONFIG) --site-dir $(SITE_DIR)$(if $(CODE_QUALITY), --code-quality $(CODE_QUALITY))
endif

# Every site (site/ and each clinic's site-<name>/), every language of each, as many at once as there are cores;
# a clinic whose build fails keeps its previous site and stops no other (scripts/build_sites.py).
sites: $(VENV)/.site-deps fonts
	$(BIN)/python scripts/build_sites.py

# Reading grade, review dates, alt text and orphan pages, per page; warnings never stop a preview.
.PHONY: check
check: $(VENV)/.site-deps
	$(BIN)/python scripts/check_content.py --config-file $(CONFIG)

# Reviews bound to the words (EDITING.md, "Reviews"): records in reviews/, one file per page and language.
#   make sign-off PAGE=docs/causes.md BY="Dr A. Example, vascular surgeon" [DATE=YYYY-MM-DD]
#   make sign-off GLOSSARY="docs/glossary.yml:varicose veins" BY="…"   make sign-off TEXT="mkdocs.yml:extra.disclaimer" BY="…"
#   make translated PAGE=languages/es/docs/causes.md  (or GLOSSARY=…, TEXT=…, ALL=es)
#   make review-report: review-report/index.html and review-report/report.json
.PHONY: sign-off translated review-report
sign-off: $(VENV)/.site-deps
	$(BIN)/python scripts/reviews.py sign-off --config-file $(CONFIG) --page "$(PAGE)" --glossary "$(GLOSSARY)" --text "$(TEXT)" --by "$(BY)" --date "$(DATE)"

translated: $(VENV)/.site-deps
	$(BIN)/python scripts/reviews.py translated --config-file $(CONFIG) --page "$(PAGE)" --glossary "$(GLOSSARY)" --text "$(TEXT)" --all "$(ALL)"

review-report: $(VENV)/.site-deps
	$(BIN)/python scripts/reviews.py report --config-file $(CONFIG) --out review-report

# PNGs of /, /symptoms/ and /checklist/ at 390 and 1280 px and of the checklist print-out, into screenshots/.
screenshots: $(VENV)/.test-deps chromium
	$(BIN)/python scripts/screenshots.py --config-file $(CONFIG) --out screenshots

# Every language at once, at its published address (English at /, Spanish at /es/), so the language selector works;
# each save converts and writes again only the pages it changes (scripts/patient_site/preview.py, mkdocs/serve.py).
# With CLINIC=, that clinic's site, every language of it, as it is put together from its file.
serve: $(VENV)/.site-deps
	$(BIN)/python scripts/serve_site.py --config-file $(CONFIG) $(if $(DEV_ADDR),--dev-addr $(DEV_ADDR))

# `make serve-es` previews the Spanish pages alone (languages/es/mkdocs.yml put together with mkdocs.yml, or with a
# clinic's file with CLINIC=) at http://127.0.0.1:8000/es/, rebuilding only what a save changes as `make serve` does;
# any folder under languages/ works the same (LANGUAGES.md, "Previewing a language"). DEV_ADDR=127.0.0.1:8001 serves
# elsewhere (either target).
DEV_ADDR ?=
serve-%: $(VENV)/.site-deps
	@test -f languages/$*/mkdocs.yml || { echo "There is no language '$*' to preview: languages/$*/mkdocs.yml does not exist (LANGUAGES.md)"; exit 1; }
	@config=$$($(BIN)/python scripts/site_config.py --config-file $(CONFIG) --lang $*) && \
	$(BIN)/mkdocs serve --dirty --config-file "$$config" $(if $(DEV_ADDR),--dev-addr $(DEV_ADDR))

# The built site through Debian's nginx with the generated headers, as production serves it (README, "Deploy").
PROD_PORT ?= 8080
serve-prod: nginx site
	$(BIN)/python scripts/serve_prod.py --config-file $(CONFIG) --site-dir $(SITE_DIR) --port $(PROD_PORT)

# Everything: real builds, Chromium, the HTML and link checkers, ProperDocs (found through PROPERDOCS).
# In TEST_WORKERS processes at once (pytest-xdist; TEST_WORKERS=0 runs every test in this one process, in order);
# tests/conftest.py says how a test stays safe to run beside the others. 3 on 2 cores, as measured: the tests wait
# on browsers, servers and build processes, so a third worker fills the gaps (2 workers took 1.4 times as long).
TEST_WORKERS ?= 3
test: $(VENV)/.test-deps chromium nginx readers checkers .venv-properdocs/.installed $(ZENSICAL_VENV)/.installed
	$(BIN)/ruff check .
	PROPERDOCS=$(CURDIR)/.venv-properdocs/bin/properdocs $(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup

# The linter (ruff, rules in pyproject.toml), then the pure layer only (no build, no browser, nothing slow): seconds,
# for the edit-test loop.
test-fast: $(VENV)/.test-deps
	$(BIN)/ruff check .
	HYPOTHESIS_PROFILE=dev $(BIN)/python -m pytest -m "not build and not browser and not slow"

# Figures, not tests: build scaling, page weight, Lighthouse and editor preview; writes BENCHMARKS.md.
# BENCH_QUICK=1 make bench runs a small version for development; BENCH_ARGS passes options (`--large 0` leaves out
# the 10,000-page library; `scripts/bench/run.py --help`), and BENCHMARKS.md names them.
bench: $(VENV)/.test-deps chromium checkers nginx site
	$(BIN)/python scripts/bench/run.py $(BENCH_ARGS)
	$(BIN)/python scripts/bench/embeds.py $(SITE_DIR)

# The same site built by ProperDocs, the maintained MkDocs fork, in its own environment without `mkdocs`.
.venv-properdocs/.installed: requirements-properdocs.txt
	$(PYTHON) -m venv .venv-properdocs
	.venv-properdocs/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-properdocs.txt
	touch $@

# The same site built by Zensical, Material's successor, in its own environment; our package (pyproject.toml) is
# installed editable so Zensical imports our Markdown extensions by name. Build tools are pinned there too.
$(ZENSICAL_VENV)/.installed: requirements-zensical.txt pyproject.toml
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -r requirements-zensical.txt
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# The Nu Html Checker (npm vnu-jar) needs Java and npm; install them from Debian when missing and we can.
checkers: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	@if ! command -v java >/dev/null || ! command -v npm >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Java and npm from Debian for the HTML checker"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless npm >/dev/null; \
		else \
			echo "The HTML checker needs Java and npm. Run: sudo apt-get install default-jre-headless npm"; exit 1; \
		fi; \
	fi
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# Browser tests use Debian's Chromium; install it when missing and we can, else say how.
chromium:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Debian's Chromium. Run: sudo apt-get install chromium"; exit 1; \
	fi

# The hosting tests and `make serve-prod` run Debian's nginx as an ordinary process; install it when missing and we can.
nginx:
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's nginx for the hosting tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	else \
		echo "The hosting tests need Debian's nginx. Run: sudo apt-get install nginx"; exit 1; \
	fi

# The link-preview pictures are drawn with DejaVu Sans from Debian (never a font fetched at build time).
fonts:
	@if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's DejaVu fonts for the link-preview pictures"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null; \
	else \
		echo "The link-preview pictures need Debian's DejaVu fonts. Run: sudo apt-get install fonts-dejavu-core"; exit 1; \
	fi

# The tests read the site as other clients do: w3m (a text browser) and pdftotext (print-outs), from Debian.
readers: fonts
	@if command -v w3m >/dev/null && command -v pdftotext >/dev/null; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's w3m and poppler-utils for the reader tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq w3m poppler-utils >/dev/null; \
	else \
		echo "The reader tests need w3m and pdftotext. Run: sudo apt-get install w3m poppler-utils"; exit 1; \
	fi

source-date-epoch:
	@echo $(SOURCE_DATE_EPOCH)

clean:
	rm -rf site site-* .site-new .zensical-* .build $(VENV) .venv-properdocs $(ZENSICAL_VENV) node_modules .pytest_cache
