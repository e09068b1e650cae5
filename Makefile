# The two commands: `make run` serves the demo site, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint typecheck format migrate demo check-deploy clean bench load chromium translations messages screenshots

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

migrate: $(STAMP) translations
	$(MANAGE) migrate --noinput --verbosity 0

# Translations: the catalogs (.po) are kept in git; their compiled form (.mo) is built here.
CATALOGS := $(wildcard locale/*/LC_MESSAGES/django.po coaching/locale/*/LC_MESSAGES/django.po lessons/locale/*/LC_MESSAGES/django.po coaching/locale/*/LC_MESSAGES/djangojs.po)
translations: $(CATALOGS:.po=.mo)

%.mo: %.po
	command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext; }
	msgfmt --check --output-file=$@ $<

# After changing user-facing strings: bring the catalogs up to date, then translate.
messages: $(STAMP)
	command -v xgettext >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext; }
	for app in coaching lessons; do \
	  (cd $$app && DJANGO_SETTINGS_MODULE=config.settings.test PYTHONPATH=.. \
	    ../$(BIN)/django-admin makemessages --locale=id --extension=html,txt,py \
	    --no-obsolete --add-location=file --verbosity=0) || exit 1; \
	done
	$(MANAGE) makemessages --locale=id --extension=html,txt,py --no-obsolete \
	  --add-location=file --verbosity=0 --ignore=.venv --ignore=coaching --ignore=lessons \
	  --ignore=tests --ignore=bench --ignore=docs --ignore=fixtures --ignore=static

demo: migrate
	$(MANAGE) load_demo

run: demo
	$(MANAGE) runserver $(HOST):$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# mypy with django-stubs over coaching and lessons, as pyproject.toml's [tool.mypy] says.
typecheck: $(STAMP)
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# One worker per core (pytest-xdist), each with a test database of its own. Tests are
# handed out in pytest-django's order (tests that flush the database last, on each worker);
# a module marked xdist_group (the install test's fresh venv) stays on one worker, so its
# costly fixture is built once. `make test PYTEST_WORKERS=` runs in one process.
PYTEST_WORKERS ?= --numprocesses auto --dist loadgroup
test: lint typecheck chromium translations
	$(BIN)/python -m pytest $(PYTEST_WORKERS) $(PYTEST_ARGS)

# The browser tests (tests/e2e) drive Debian's Chromium; Playwright downloads no browser.
chromium:
	test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# The README's screenshots: each demo person's home at desktop and phone width.
screenshots: $(STAMP) chromium translations
	$(BIN)/python -m tests.e2e.homes_screenshots

# The benchmark (bench/README.md): on a throwaway PostgreSQL with fsync on; needs wrk.
bench: $(STAMP)
	command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
	eval "$$(.ci/postgres.sh start --durable)" && \
	trap '.ci/postgres.sh stop "$$PGDATA_DIR"' EXIT && \
	DJANGO_SETTINGS_MODULE=bench.settings $(BIN)/python -m bench.run $(BENCH_ARGS)

# The load test (bench/README.md): 50 simulated people for 60 s against gunicorn, on a
# throwaway PostgreSQL with fsync on; then every completion is checked in the database.
# It runs twice, each on its own fresh PostgreSQL: people clicking as fast as the server
# answers (think time 0), then pausing about a second between clicks as people do.
LOAD_THINK_TIMES ?= 0 1
load: $(STAMP)
	for think in $(LOAD_THINK_TIMES); do \
	  ( eval "$$(.ci/postgres.sh start --durable)" && \
	    trap '.ci/postgres.sh stop "$$PGDATA_DIR"' EXIT && \
	    DJANGO_SETTINGS_MODULE=bench.settings $(BIN)/python -m bench.load --think $$think $(LOAD_ARGS) \
	  ) || exit 1; \
	done

clean:
	rm -rf $(VENV) db.sqlite3 .pytest_cache .mypy_cache .test-media .bench.sqlite3 .e2e-screenshots
