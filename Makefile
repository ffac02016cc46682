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

# --- infra (issue 14): the CDK app in infra/, deployed by scripts/infra.py (no CDK CLI here) ---
ENV ?=
INFRA_ARCH ?= arm64
.PHONY: infra-synth infra-check infra-diff infra-deploy infra-env
infra-env:
	@case "$(ENV)" in local|dev|staging|prod) ;; \
	  *) echo "ENV must be one of local, dev, staging, prod (got '$(ENV)'), e.g. make $(MAKECMDGOALS) ENV=dev" >&2; exit 2 ;; esac

infra-synth: venv ## Synthesize the stacks into infra/cdk.out (ENV=local|dev|staging|prod, default all)
	$(PY) scripts/infra.py synth --env $(or $(ENV),all) --arch $(INFRA_ARCH)

infra-check: venv ## Synth + Guard rules + cfn-lint + stack assertions
	$(PY) scripts/infra.py check --env $(or $(ENV),all) --arch $(INFRA_ARCH)

infra-diff: venv infra-env ## Change-set preview of every stack of ENV (nothing executed)
	$(PY) scripts/infra.py synth --env $(ENV) --arch $(INFRA_ARCH)
	$(PY) scripts/infra.py diff --env $(ENV)

infra-deploy: venv infra-env ## Publish assets and deploy every stack of ENV by change sets, in order
	$(PY) scripts/infra.py synth --env $(ENV) --arch $(INFRA_ARCH)
	$(PY) scripts/infra.py deploy --env $(ENV)
# --- end infra ---
