# Parcours — the two commands: `make run` and `make test`. Everything else is a step of theirs.
SHELL := /bin/bash
BUILD      ?= build
BUILD_ASAN ?= build-asan
JOBS       ?= $(shell nproc)
CMAKE_ARGS ?=
FUZZ_SECONDS ?= 120
CPP_FILES   = $(shell git ls-files -co --exclude-standard -- 'src/*.cpp' 'src/*.hpp' 'tests/*.cpp' 'tests/*.hpp' 'bench/*.cpp')
WEB_SOURCES = $(shell git ls-files -co --exclude-standard -- web content | grep -v -e node_modules -e '^web/dist/' -e '^web/public/dsfr/')

.PHONY: run demo test test-long test-fast bench deps build build-asan web typecheck lint format clean

## make run: install, build, and serve on http://127.0.0.1:8080 with data/parcours.db
run: deps build web
	$(BUILD)/parcours serve --db sqlite:data/parcours.db --listen 127.0.0.1:8080 --web-root web/dist

## make demo: the same on a separate database filled with a small fictitious dataset (three
## départements, two years), with demo accounts for each role printed in the terminal
demo: deps build web
	rm -f data/demo.db data/demo.db-wal data/demo.db-shm data/demo.keys
	$(BUILD)/parcours init --db sqlite:data/demo.db
	$(BUILD)/parcours demo --db sqlite:data/demo.db --scale small --seed 1
	$(BUILD)/parcours serve --db sqlite:data/demo.db --listen 127.0.0.1:8080 --web-root web/dist

## make test: every gate and every test (unit, API on SQLite and PostgreSQL, sanitizers, browser)
test: deps lint typecheck build build-asan web
	cd $(BUILD_ASAN) && ctest --output-on-failure -j2 --timeout 900
	cd $(BUILD) && ctest --output-on-failure -j2 --timeout 900
	@tests/security/summary $(BUILD)/security-figures.tsv

## make test-long: the long reliability and security runs (not in CI's make test): crash
## durability with 20 kill -9 on each engine, a 10-minute soak of 200 clients on each engine,
## each fuzzer for FUZZ_SECONDS, sqlmap and wapiti at full strength on each engine;
## prints the figures and fails on a bad one
test-long: deps build web
	rm -f $(BUILD)/long-figures.tsv
	scripts/pg-throwaway start $(BUILD)/pg-long
	python3 tests/reliability/crash_durability.py --bin $(BUILD)/parcours --engine sqlite \
	  --rounds 20 --figures $(BUILD)/long-figures.tsv; \
	rc=$$?; python3 tests/reliability/crash_durability.py --bin $(BUILD)/parcours \
	  --engine postgresql --pg-state $(BUILD)/pg-long --rounds 20 \
	  --figures $(BUILD)/long-figures.tsv || rc=1; \
	for engine in sqlite postgresql; do \
	  python3 tests/reliability/soak.py --bin $(BUILD)/parcours --engine $$engine \
	    --pg-state $(BUILD)/pg-long --minutes 10 --figures $(BUILD)/long-figures.tsv || rc=1; \
	done; \
	FUZZ_SECONDS=$(FUZZ_SECONDS) tests/fuzz/run $(BUILD)/long-figures.tsv || rc=1; \
	for engine in sqlite postgresql; do \
	  for scan in sqlmap wapiti; do \
	    python3 tests/security/$${scan}_scan.py --bin $(BUILD)/parcours --engine $$engine \
	      --pg-state $(BUILD)/pg-long --long --figures $(BUILD)/long-figures.tsv || rc=1; \
	  done; \
	done; \
	scripts/pg-throwaway stop $(BUILD)/pg-long; \
	tests/security/summary $(BUILD)/long-figures.tsv && exit $$rc

## make bench: speed figures with their ratio to a floor measured in the same run (bench/README.md);
## never part of make test
bench: deps build web
	bench/run

## make test-fast: unit and SQLite API tests of the normal build only
test-fast: deps build
	cd $(BUILD) && ctest --output-on-failure -j2 -R '^(unit|api\.sqlite)'

deps:
	@scripts/install-deps

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_ARGS)

# clang for the sanitizer build: it compiles unoptimised code with AddressSanitizer in half the
# time GCC takes, and checks the sources with a second compiler's warnings.
$(BUILD_ASAN)/build.ninja:
	cmake -S . -B $(BUILD_ASAN) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPARCOURS_SANITIZE=ON \
	  -DCMAKE_CXX_COMPILER=clang++-14 $(CMAKE_ARGS)

build: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

## The sanitizer build (AddressSanitizer + UndefinedBehaviorSanitizer) runs the unit and API tests.
build-asan: $(BUILD_ASAN)/build.ninja
	cmake --build $(BUILD_ASAN) -j $(JOBS)

web: web/dist/index.html

web/dist/index.html: $(WEB_SOURCES)
	cd web && npm run build

typecheck:
	cd web && npm run typecheck

lint:
	@clang-format --dry-run -Werror $(CPP_FILES) && echo "clang-format: $(words $(CPP_FILES)) files clean"

format:
	clang-format -i $(CPP_FILES)

clean:
	rm -rf $(BUILD) $(BUILD_ASAN) web/dist
