# Witan: `make run` sets everything up and serves the demo council; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup run serve worker demo test lint format check pytest bench clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Development server with the demo council, a task worker beside it, on embedded SQLite
# unless DATABASE_URL is set. DEBUG is on here only.
run: export DEBUG ?= 1
run: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C stops the site and its task worker)"
	@$(PY) manage.py task_worker --housekeeping meetings.services.packs.pack_builds_reclaim & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

worker: export DEBUG ?= 1
worker: setup
	$(PY) manage.py task_worker --housekeeping meetings.services.packs.pack_builds_reclaim

demo: export DEBUG ?= 1
demo: setup
	$(PY) manage.py migrate --noinput
	$(PY) manage.py demo

# Tests run with DEBUG off, as in production; pyproject.toml supplies a test-only secret key.
test check pytest: export SECRET_KEY ?= test-only-secret-key-not-for-production-use-0123456789
test check pytest: export SECURE_SSL_REDIRECT ?= false
test: setup lint check pytest

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djlint templates --lint

format: setup
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: setup
	$(PY) manage.py check --fail-level WARNING
	$(PY) manage.py makemigrations --check --dry-run
	@# The deploy checks, with DEBUG off and a real (random) secret, as production runs.
	DEBUG=false SECURE_SSL_REDIRECT=true SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" \
		$(PY) manage.py check --deploy --fail-level WARNING

pytest: setup
	$(PY) -m pytest $(PYTEST_ARGS)

bench: setup
	$(PY) -m pytest tests/bench -o python_files="bench_*.py" -q -s $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .ruff_cache .hypothesis
