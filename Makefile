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
	@grep -hE '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

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
