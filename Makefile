# Two commands: `make run` serves the portal with demo data, `make test` runs every check.
# Both set everything up first (virtualenv, requirements, embedded PostgreSQL, migrations,
# translations, static files) and are safe and fast to run again.
.DEFAULT_GOAL := help
.PHONY: help setup run serve test browser redis lint messages stop-db bench

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
# axe-core and the Nu Html Checker (npm) for the accessibility and HTML checks; installed, not committed.
AXE := node_modules/axe-core/axe.min.js
AXE_VERSION := 4.14.1
VNU := node_modules/vnu-jar/build/dist/vnu.jar
VNU_VERSION := 26.9.27

help:
	@echo "make run      set up and serve the portal with demo data at http://127.0.0.1:8000"
	@echo "make serve    set up and serve production-like (DEBUG off, gunicorn) at http://127.0.0.1:8000"
	@echo "make test     set up and run linters, Django checks and the whole test suite"
	@echo "make messages refresh the translation catalogs after changing strings"
	@echo "make stop-db  stop the embedded PostgreSQL server"
	@echo "make bench   seed a large data set, load the production server with wrk, write docs/benchmark.md"

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -x $(PY) || { python=$$(scripts/find-python) && echo "Creating $(VENV) with $$python" && "$$python" -m venv $(VENV); }
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

setup: $(VENV)/.installed
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) seed_information
	$(MANAGE) compilemessages -v 0 --ignore "$(VENV)" --ignore node_modules
	$(MANAGE) collectstatic --noinput -v 0

run: setup
	$(MANAGE) seed_demo
	@echo "Serving the portal at http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/)"
	$(MANAGE) runserver 127.0.0.1:8000

# DEBUG off with generated local-only settings (.serve.env) and gunicorn: a trial of production on the loopback.
serve: setup
	$(PY) scripts/serve.py

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

$(AXE) $(VNU):
	npm install --no-save --no-package-lock --no-audit --no-fund --silent axe-core@$(AXE_VERSION) vnu-jar@$(VNU_VERSION)

# The browser and redis-server checks come first: without them the suite would fail only at its end.
test: browser redis setup lint $(AXE) $(VNU)
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	CHROMIUM_PATH="$$(scripts/find-chromium)" $(VENV)/bin/pytest

browser:
	@scripts/find-chromium >/dev/null

# The multi-server test (tests/multi) starts a real redis-server.
redis:
	@scripts/find-redis-server >/dev/null

messages: $(VENV)/.installed
	$(PY) scripts/update_messages.py

stop-db: $(VENV)/.installed
	$(PY) -m portal.database stop

# Sizes and durations: BENCH_VILLAGES, BENCH_ACTIVITIES, BENCH_REPORTS, BENCH_SECONDS, BENCH_CONNECTIONS.
bench: setup
	$(PY) scripts/bench.py
