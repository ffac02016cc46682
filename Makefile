# The platform's entry points. A fresh Debian 12 machine needs only `make dev`
# and `make test`: the targets below install what they need themselves.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
SWIFT ?= swift
ARCH ?= x86_64
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20

.PHONY: help deps system-deps venv build test test-unit test-int bench package dev dev-up dev-stop dev-invoke clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

deps: system-deps venv ## Install system packages and the Python tooling

system-deps:
	@if ! pkg-config --exists libcurl openssl || ! command -v zip >/dev/null; then \
		echo "Installing libcurl4-openssl-dev libssl-dev zip (apt)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcurl4-openssl-dev libssl-dev zip pkg-config >/dev/null; \
	fi

venv: $(VENV)/.installed
$(VENV)/.installed: requirements-dev.txt
	@test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@touch $@

build: system-deps ## Build every Swift target (debug)
	$(SWIFT) build --build-tests

test-unit: deps ## Tests that need no server
	scripts/test.sh unit

test-int: deps ## Tests against local servers (moto, the emulator, agents)
	scripts/test.sh int

test: deps ## Every test, with the coverage gate
	scripts/test.sh all

bench: deps ## Benchmarks against their named peers, in one run
	scripts/bench.sh

package: system-deps ## Zip every Lambda as bootstrap-artifacts/{function}.zip (ARCH=x86_64|arm64)
	scripts/package.sh $(ARCH)

dev: deps ## Run the local platform in the foreground (Ctrl-C stops it)
	$(SWIFT) build
	$(PY) scripts/dev_stack.py up

dev-up: deps ## Start the local platform in the background; returns once /v1/health answers
	$(SWIFT) build
	$(PY) scripts/dev_stack.py up --detach

MODE ?= sync
dev-invoke: ## One echo-agent invocation through the running local API (MODE=sync|streaming|async)
	$(PY) scripts/dev_invoke.py --mode $(MODE)

dev-stop: ## Stop a background local platform
	$(PY) scripts/dev_stack.py down

clean: ## Remove build output
	rm -rf .build bootstrap-artifacts/*.zip bootstrap-artifacts/manifest.json .local

# ---------- operations (scripts/ops.py, scripts/failover_lock.py; ENV=local by default) ----------
ENV ?= local
OPS_COMMANDS := login top-tenants tenant-sessions invocation-report error-rate suspend-tenant reinstate-tenant \
	quota-report set-runtime-region
.PHONY: $(addprefix ops-,$(OPS_COMMANDS)) failover-lock-acquire failover-lock-release failover-lock-status \
	infra-set-runtime-region
$(addprefix ops-,$(OPS_COMMANDS)): ops-%: ## Ops CLI command (make ops-top-tenants ARGS="--by tokens")
	@$(PY) scripts/ops.py --env $(ENV) $* $(ARGS)

failover-lock-acquire: ## Take the runtime failover lock (300 s; id saved under ~/.platform)
	@$(PY) scripts/failover_lock.py --env $(ENV) acquire $(ARGS)

failover-lock-release: ## Release the failover lock you hold
	@$(PY) scripts/failover_lock.py --env $(ENV) release $(ARGS)

failover-lock-status: ## Who holds the failover lock
	@$(PY) scripts/failover_lock.py --env $(ENV) status $(ARGS)

infra-set-runtime-region: ## Set the active runtime region through the API with the lock (REGION=eu-central-1)
	@test -n "$(REGION)" || { echo "usage: make infra-set-runtime-region REGION=eu-central-1" >&2; exit 2; }
	@$(PY) scripts/ops.py --env $(ENV) set-runtime-region $(REGION) $(ARGS)
