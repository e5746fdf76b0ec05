# Corridor — the two commands a new machine needs:
#   make plan   builds Corridor and plans the default scenario (datasets/baltic-reinforcement)
#   make test   builds and runs the whole test suite
# Each installs GLPK (libglpk-dev, and glpk-utils for glpsol) with apt-get when it is missing.

SWIFT ?= swift
DATASET ?= datasets/baltic-reinforcement/network.yaml
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: plan test build release deps clean

deps:
	@if [ ! -f /usr/include/glpk.h ] || ! command -v glpsol >/dev/null 2>&1; then \
		echo "Installing GLPK (libglpk-dev glpk-utils) with apt-get…" >&2; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libglpk-dev glpk-utils >&2; \
	fi

plan: release
	.build/release/corridor plan $(DATASET)

release: deps
	$(SWIFT) build -c release --product corridor

build: deps
	$(SWIFT) build

test: deps
	$(SWIFT) test

clean:
	rm -rf .build
