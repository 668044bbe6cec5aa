# Two promises: `make run` serves the demo site, `make test` runs every check and test.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
# The PostgreSQL the suite runs on a second time; scripts/postgres.sh creates its role.
TEST_POSTGRES_URL ?= postgres://portal@127.0.0.1:5432/portal

.PHONY: install browser run test check lint pytest pytest-sqlite pytest-postgres messages openapi clean bench
# The browser tests drive Debian's Chromium; Playwright must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: set PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the browser tests, installed when missing and we are root; elsewhere
# those tests skip with the reason (and fail under CI=true).
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	else echo "Chromium missing and not root: run 'sudo apt-get install chromium' for the browser tests"; fi

# PORT reaches the settings too: the demo Site, e-mails, API URLs and the sitemap use it.
run: install
	PORT=$(PORT) $(PY) manage.py migrate --noinput
	PORT=$(PORT) $(PY) manage.py load_demo
	PORT=$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install browser lint check pytest

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=cms.settings.production DEBUG=false \
	  SECRET_KEY=check-deploy-$$(printf '%s' 0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ) \
	  ALLOWED_HOSTS=portal.example.gov.vn DATABASE_URL=sqlite:///:memory: \
	  CACHE_URL=redis://127.0.0.1:6379/0 \
	  $(PY) manage.py check --deploy --fail-level WARNING

# The PostgreSQL run leaves out the browser tests (they drive the same pages on SQLite), so the
# two runs take about the same time; `make pytest-postgres PYTEST_POSTGRES_ARGS=` runs them all.
PYTEST_POSTGRES_ARGS ?= -m "not browser"

# The suite on both databases at once, one per core; each run prints its output whole when
# it ends (and neither writes .pytest_cache, which they would share). `make pytest-sqlite` or
# `make pytest-postgres` runs one of them.
pytest: install
	@PYTEST_ADDOPTS="$${PYTEST_ADDOPTS:-} -p no:cacheprovider" \
	  $(MAKE) --no-print-directory -j2 --output-sync=target pytest-sqlite pytest-postgres

pytest-sqlite: install
	env -u DATABASE_URL $(PY) -m pytest

# Runs when a PostgreSQL is reachable: DATABASE_URL if it names one, else the local server.
pytest-postgres: install
	@url="$${DATABASE_URL:-}"; case "$$url" in postgres*) ;; *) url="$(TEST_POSTGRES_URL)";; esac; \
	if scripts/postgres.sh ensure "$$url"; then \
	  echo "== PostgreSQL: $$url"; DATABASE_URL="$$url" $(PY) -m pytest $(PYTEST_POSTGRES_ARGS); \
	elif [ "$${CI:-}" = true ]; then echo "== CI needs PostgreSQL at $$url"; exit 1; \
	else echo "== PostgreSQL not reachable: suite ran on SQLite only"; fi

# Each app has its own catalogue; mkdir, or an app without locale/ has its strings written
# over the project's catalogue.
messages: install
	for app in demo home articles widgets images; do (cd $$app && mkdir -p locale && ../$(PY) ../manage.py makemessages -l vi -l en --no-obsolete); done
	$(PY) manage.py makemessages -l vi -l en --no-obsolete --ignore=.venv --ignore=demo --ignore=home --ignore=articles --ignore=widgets --ignore=images --ignore=tests --ignore=bench
	$(PY) manage.py compilemessages --ignore=.venv

# Rewrite the committed API contract after a deliberate change; review its diff.
openapi: install
	DJANGO_SETTINGS_MODULE=cms.settings.test $(PY) manage.py export_openapi tests/snapshots/openapi.json

# Benchmarks (not tests): PostgreSQL + Redis, gunicorn, wrk. Prints ratios; fails on a missed target.
BENCH_DATABASE_URL ?= postgres://portal@127.0.0.1:5432/portal_bench
bench: install
	scripts/postgres.sh start
	scripts/postgres.sh ensure $(BENCH_DATABASE_URL)
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; } || \
	  { echo "wrk missing: apt-get install wrk"; exit 1; }
	DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) bench/run.py
	BENCH_DATABASE_URL=$(BENCH_DATABASE_URL) $(PY) -m bench.api
	$(PY) -m bench.fuzz 100 600

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache .ruff_cache
