# The platform's entry points. A fresh Debian 12 machine needs only `make dev`
# and `make test`: the targets below install what they need themselves.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
SWIFT ?= swift
ARCH ?= x86_64
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20

.PHONY: help deps system-deps browser-deps venv build test test-unit test-int bench package dev dev-up dev-stop dev-invoke clean

help: ## List the targets
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

deps: system-deps browser-deps venv ## Install system packages and the Python tooling

system-deps:
	@if ! pkg-config --exists libcurl openssl || ! command -v zip >/dev/null; then \
		echo "Installing libcurl4-openssl-dev libssl-dev zip (apt)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libcurl4-openssl-dev libssl-dev zip pkg-config >/dev/null; \
	fi

# The web console's browser tests: Debian's chromium and its WebDriver (Selenium is given the
# driver's path, so nothing is downloaded at test time).
browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then \
		echo "Installing chromium chromium-driver (apt)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
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

test: deps arm64-deps ## Every test, with the coverage gate
	scripts/test.sh all

bench: deps ## Benchmarks against their named peers, in one run
	scripts/bench.sh

package: system-deps ## Zip every Lambda as bootstrap-artifacts/{function}.zip (ARCH=x86_64|arm64)
	$(if $(filter arm64 aarch64,$(ARCH)),@$(MAKE) --no-print-directory arm64-deps)
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
	rm -rf .build .build-arm64 bootstrap-artifacts/*.zip bootstrap-artifacts/manifest.json .local

# --- Agent delivery (docs/decisions/0039, 0040; agents/README.md) -------------
# ENV=local pushes to the running `make dev` stack; dev|staging|prod read AWS
# credentials, PLATFORM_API_URL, PLATFORM_OPERATOR_TOKEN and AGENT_CODE_BUCKET.
.PHONY: agent-new agent-push agent-promote agent-rollback agent-validate agent-lint agent-test agent-changed agent-version
AGENT_CLI = $(PY) scripts/agent_push.py

agent-new: venv ## Scaffold agents/NAME from echo-agent (NAME=, OWNER=team)
	$(AGENT_CLI) new --name "$(NAME)" --owner "$(or $(OWNER),platform)"

agent-push: venv ## Validate, test, layer, package, deploy, register agents/AGENT (AGENT=, ENV=local|dev|staging|prod)
	$(AGENT_CLI) push --agent "$(AGENT)" --env "$(ENV)" $(if $(SKIP_TESTS),--skip-tests)

agent-promote: venv ## Walk AGENT VERSION through the release states and their gates (AGENT=, VERSION=, ENV=, TO=state)
	$(AGENT_CLI) promote --agent "$(AGENT)" --version "$(VERSION)" --env "$(ENV)" $(if $(TO),--to "$(TO)")

agent-rollback: venv ## Roll AGENT's newest promoted version back; the previous one answers (AGENT=, ENV=, REASON=)
	$(AGENT_CLI) rollback --agent "$(AGENT)" --env "$(ENV)" --reason "$(REASON)"

agent-validate: venv ## Check agents/AGENT's manifest against agents/agent-manifest.schema.json
	$(AGENT_CLI) validate --agent "$(AGENT)"

agent-lint: venv ## Compile every module of agents/AGENT and scan it for secrets
	$(AGENT_CLI) lint --agent "$(AGENT)"

agent-test: venv ## The agent's own tests (its golden cases)
	$(PY) -m pytest -q -p no:cacheprovider agents/$(AGENT)/tests

agent-changed: ## Agents changed since BASE (default origin/main), one per line (CI)
	@git diff --name-only "$(or $(BASE),origin/main)" -- agents/ | awk -F/ 'NF>2{print $$2}' | sort -u \
		| while read -r a; do test -f "agents/$$a/pyproject.toml" && echo "$$a"; done; true

agent-version: venv ## Print agents/AGENT's [project].version (CI)
	@$(AGENT_CLI) version --agent "$(AGENT)"


# MARK: arm64 (docs/decisions/0033): cross-built on x86_64 from Debian packages.
# The deploy uses arm64 unless told otherwise: `make package-deploy DEPLOY_ARCH=x86_64`.
DEPLOY_ARCH ?= arm64
.PHONY: arm64-deps arm64-toolchain package-deploy

arm64-deps: ## Host packages of the arm64 build and its tests (debootstrap, qemu-user-static; apt)
	@if ! command -v debootstrap >/dev/null || ! command -v qemu-aarch64-static >/dev/null; then \
		echo "Installing debootstrap qemu-user-static (apt)"; \
		apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq debootstrap qemu-user-static >/dev/null; \
	fi

arm64-toolchain: arm64-deps ## Set up the arm64 Swift toolchain once per machine (about 1.3 GB of Debian packages)
	scripts/arm64-toolchain.sh setup

package-deploy: ## Zip every Lambda for the deploy: arm64 unless DEPLOY_ARCH=x86_64
	$(MAKE) --no-print-directory package ARCH=$(DEPLOY_ARCH)


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


# ---------- operations (scripts/ops.py, scripts/failover_lock.py; ENV=local by default) ----------
OPS_ENV = $(or $(ENV),local)
OPS_COMMANDS := login top-tenants tenant-sessions invocation-report error-rate suspend-tenant reinstate-tenant \
	quota-report set-runtime-region
.PHONY: $(addprefix ops-,$(OPS_COMMANDS)) failover-lock-acquire failover-lock-release failover-lock-status \
	infra-set-runtime-region
$(addprefix ops-,$(OPS_COMMANDS)): ops-%: ## Ops CLI command (make ops-top-tenants ARGS="--by tokens")
	@$(PY) scripts/ops.py --env $(OPS_ENV) $* $(ARGS)

failover-lock-acquire: ## Take the runtime failover lock (300 s; id saved under ~/.platform)
	@$(PY) scripts/failover_lock.py --env $(OPS_ENV) acquire $(ARGS)

failover-lock-release: ## Release the failover lock you hold
	@$(PY) scripts/failover_lock.py --env $(OPS_ENV) release $(ARGS)

failover-lock-status: ## Who holds the failover lock
	@$(PY) scripts/failover_lock.py --env $(OPS_ENV) status $(ARGS)

infra-set-runtime-region: ## Set the active runtime region through the API with the lock (REGION=eu-central-1)
	@test -n "$(REGION)" || { echo "usage: make infra-set-runtime-region REGION=eu-central-1" >&2; exit 2; }
	@$(PY) scripts/ops.py --env $(OPS_ENV) set-runtime-region $(REGION) $(ARGS)
