# Two commands on a fresh machine:  make run   |   make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/cchc


.PHONY: system-deps run test install install-test test-sqlite test-postgres bench openapi clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "cần Python 3.11 trở lên"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

system-deps:
	@bash scripts/system-deps.sh

install: $(BIN)/python system-deps
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python system-deps
	$(BIN)/pip install -q -e ".[test]"

## Install, migrate, load demo data and serve on http://127.0.0.1:8000 (SQLite, local files).
run: install
	$(BIN)/cchc run_demo

## Install test needs and run the whole suite on SQLite, then on PostgreSQL.
test: install-test
	$(BIN)/ruff check src tests
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite:
	@echo "== Bộ kiểm thử trên SQLite =="
	CCHC_VAR_DIR=$(CURDIR)/var/test $(BIN)/python -m pytest -q -p no:cacheprovider

# PostgreSQL is required in CI (CI=true); on a laptop without it the step says so and stops the run.
test-postgres:
	@echo "== Bộ kiểm thử trên PostgreSQL ($(PG_URL)) =="
	@$(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)'.rsplit('/',1)[0]+'/postgres', connect_timeout=3).close()" \
	  || { echo "Không kết nối được PostgreSQL tại $(PG_URL): đặt PG_URL=... hoặc khởi động PostgreSQL."; exit 1; }
	DATABASE_URL=$(PG_URL) CCHC_VAR_DIR=$(CURDIR)/var/test-pg $(BIN)/python -m pytest -q -p no:cacheprovider

## Benchmarks (PostgreSQL): intake and officer list over HTTP, the 766 index at 2,000,000 dossiers, the
## assistant; results printed, written to bench/results/ and appended to docs/benchmarks.md.
bench: install-test
	DATABASE_URL=$(PG_URL) $(BIN)/python -m bench
	DATABASE_URL=$(PG_URL) $(BIN)/python -m bench --only measures
	$(BIN)/python -m bench --only assistant

## Regenerate the committed OpenAPI document after an intended API change.
openapi: install
	$(BIN)/cchc export_openapi docs/openapi.json

clean:
	rm -rf $(VENV) var
