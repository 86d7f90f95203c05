# Helong "Six Small Projects" explainer. `make serve` and `make test` work from a fresh clone.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080
WASM_TARGET := wasm32-unknown-unknown
WASM_RAW := target/$(WASM_TARGET)/wasm/helong.wasm
PKG := www/pkg
# -Oz until it converges, and no name or producers section (wasm-bindgen's flags below): 121,073 →
# 120,437 bytes gzipped (issue 26; panics and profiles then name functions by number).
WASM_OPT_FLAGS := -Oz --converge --enable-bulk-memory --enable-reference-types --enable-sign-ext \
  --enable-mutable-globals --enable-nontrapping-float-to-int --enable-multivalue
CLI := target/release/helong
# Where the site will be served (absolute, e.g. https://news.example/helong/): the share tags'
# og:image, og:url and canonical link are built from it (`make dist SITE_URL=…`). Unset:
# those are left out (see README). Not defined here, so `test-e2e` can give its own default.

.PHONY: setup build cli serve dist test test-native test-types test-wasm test-e2e test-engines test-wasm-firefox fuzz bench bench-check screenshots screenshots-engines clean

## setup: install what the build and tests need (skips what is already there)
setup:
	@bash tools/setup.sh

WASM_OPT := target/wasm-opt/helong.wasm

## build: compile the wasm core, shrink it with wasm-opt, generate its JS bindings (and their
## TypeScript declarations, for test-types) in www/pkg
# wasm-opt runs before wasm-bindgen: binaryen 108 mangles the externref table of
# wasm-bindgen's output ("Table.set(): Argument 1 is invalid"), not rustc's.
build: setup
	cargo build --lib --profile wasm --target $(WASM_TARGET)
	@mkdir -p $(dir $(WASM_OPT))
	wasm-opt $(WASM_OPT_FLAGS) $(WASM_RAW) -o $(WASM_OPT)
	wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir $(PKG) $(WASM_OPT)

cli:
	cargo build --release --bin helong

## serve: build and serve the explainer at http://127.0.0.1:$(PORT)/
serve: dist
	PORT=$(PORT) node tools/serve.mjs dist

## dist: the deployable static site in dist/ (wasm-opt applied, data exported)
dist: build cli
	rm -rf dist && mkdir -p dist/pkg dist/data
	cp www/*.js www/*.css dist/
	cp -r www/app dist/app
	cp www/*.html dist/
	cp $(PKG)/helong.js $(PKG)/helong_bg.wasm dist/pkg/
	$(CLI) prerender www/index.html dist --site-url "$(SITE_URL)"
	$(CLI) facts --format json > dist/data/helong-facts.json
	$(CLI) facts --format csv > dist/data/helong-facts.csv
	node tools/build-dist.mjs dist
	node tools/compress-dist.mjs dist
	@for f in dist/social/*.png; do echo "share card: $$f, $$(stat -c %s $$f) bytes"; done
	@raw=$$(stat -c %s $(WASM_RAW)); opt=$$(stat -c %s $(PKG)/helong_bg.wasm); \
	  gz=$$(gzip -9 -c $(PKG)/helong_bg.wasm | wc -c); \
	  echo "wasm: $$raw bytes from rustc, $$opt after wasm-opt and wasm-bindgen, $$gz gzipped"

## test: every test — native, wasm in headless Chromium, end-to-end in Chromium, Firefox and WebKit
test: test-native test-types test-wasm test-e2e test-engines
	@echo "make test: all suites passed"

test-native: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo test
	@cargo run -q --example article_fingerprint -- --status
	PROPTEST_CASES=2000 cargo test --release --test fuzz

## test-types: the page's JavaScript against the declarations wasm-bindgen writes for the Rust
## exports (www/pkg/helong.d.ts): a renamed export, method or argument fails here
test-types: build
	npx --no-install tsc -p tsconfig.json

test-wasm: setup
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
	  cargo test --target $(WASM_TARGET) --test web

# The e2e dist is built with a site URL (a reserved .example host, never contacted) so the
# tests see the share tags a deployed page has; tests/e2e/social.test.mjs checks both cases.
test-e2e: SITE_URL ?= https://helong.example/explainer/
test-e2e: dist
	E2E_ROOT=dist E2E_SITE_URL="$(SITE_URL)" node --test --test-concurrency=1 tests/e2e/

## test-wasm-firefox: the wasm tests in headless Firefox ESR through geckodriver (installed from
## crates.io when missing: about 4 minutes of compiling, so not part of `make test`)
test-wasm-firefox: setup
	@command -v geckodriver >/dev/null 2>&1 || cargo install geckodriver --version 0.37.1
	GECKODRIVER=$$(command -v geckodriver) WASM_BINDGEN_TEST_TIMEOUT=120 \
	  cargo test --target $(WASM_TARGET) --test web

## test-engines: the reader's path in Firefox ESR (headless) and WebKitGTK's MiniBrowser (Xvfb)
test-engines: dist
	E2E_ROOT=dist node --test --test-concurrency=1 tests/engines/

## bench: native (criterion) and browser benchmarks → bench/report.json
bench: dist
	cargo bench --bench simulate -- --noplot
	node tools/bench.mjs

## bench-check: compare bench/report.json with the budgets in tools/budgets.json
bench-check:
	node tools/bench.mjs --check

## fuzz: a long run of random query strings through the codec and model (1,000,000 cases)
fuzz:
	PROPTEST_CASES=1000000 cargo test --release --test fuzz -- --nocapture

screenshots: dist
	node tools/screenshot.mjs dist screenshots

## screenshots-engines: the page in Firefox and WebKit at 390 and 1280 px → screenshots/engines/
screenshots-engines: dist
	node tests/engines/screenshots.mjs dist screenshots/engines

clean:
	cargo clean
	rm -rf $(PKG) dist node_modules screenshots bench
