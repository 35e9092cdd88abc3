# Stance — one command per verb. `make run` starts the product, `make test` runs every test and linter.
SHELL := /bin/bash
.DEFAULT_GOAL := help
VENV := .venv/bin

.PHONY: help install run test lint fmt token db-reset check-deletable bench-rest bench-engine bench-search

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

install: ## install apt packages, the Python venv and npm packages (skips what is present)
	@scripts/bootstrap

run: install ## start Postgres (project-owned), load schema + demo data, PostgREST, sidecar, worker, web; print dev tokens
	@scripts/run

test: install lint ## run every linter and test suite on a throwaway cluster
	@scripts/with-tmp-db scripts/test-all

lint: install ## ruff (lint + format check) and sqlfluff
	@$(VENV)/ruff check .
	@$(VENV)/ruff format --check .
	@$(VENV)/sqlfluff lint sql --processes 2 --disable-progress-bar -q

fmt: install ## apply ruff formatting and fixes
	@$(VENV)/ruff check --fix .
	@$(VENV)/ruff format .

token: install ## mint a dev JWT: make token USER=alice TENANT=acme
	@$(VENV)/stance token $(USER) $(if $(TENANT),--tenant $(TENANT))

db-reset: install ## rebuild the dev database from sql/ (demo data included)
	@eval "$$(scripts/pg start dev)" && scripts/load-sql stance --seed && echo "dev database rebuilt"

check-deletable: install ## load and test chassis + engine with verticals/architecture removed
	@scripts/check-deletable

bench-engine: install ## derivations/s end to end (deterministic; LLM stub 2 s at concurrency 20) vs no-op jobs
	@scripts/with-tmp-db $(VENV)/python bench/engine/run.py

bench-rest: install ## req/s, p50, p99 of postgrest-compat (GET by PK under JWT+RLS, 20 rows + embed, POST) vs psycopg
	@scripts/with-tmp-db $(VENV)/python bench/rest/run.py

bench-search: install ## p50/p95 of api.architecture_search over 10k synthetic docs + the catalog vs an ILIKE scan
	@scripts/with-tmp-db $(VENV)/python bench/search/run.py
