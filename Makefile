# Every target is idempotent: run it twice and the second run only checks.
SHELL := /bin/bash
CARGO ?= cargo
DATA_DIR ?= ./data
BIND ?= 127.0.0.1:8080

.PHONY: setup build run test bench fuzz lint frontend clean-services

setup:
	@scripts/setup.sh

frontend: setup
	cd frontend && npm run build

build: setup frontend
	$(CARGO) build --release --locked -p api -p functions

run: build
	./target/release/leasegrid serve --data-dir $(DATA_DIR) --bind $(BIND) --demo-org --demo-credentials $(DATA_DIR)/demo-credentials.json

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --locked -- -D warnings

# Starts PostgreSQL and the Pub/Sub emulator on private ports, runs every test suite, and
# stops the services again whether the tests pass or fail.
test: setup
	@scripts/test.sh

bench: setup
	@scripts/bench.sh

fuzz:
	@scripts/fuzz.sh

clean-services:
	@scripts/services.sh stop
