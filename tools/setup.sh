#!/usr/bin/env bash
# Install everything the build and the tests need, skipping what is already here.
# Safe to run again and again; `make` calls it before building.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\(.*\)"/\1/p' Cargo.toml)"

say() { printf '[setup] %s\n' "$*"; }

# Debian packages: Chromium + driver for the browser tests, Firefox ESR and WebKitGTK's
# WebDriver (with its MiniBrowser) for the cross-engine tests, Xvfb for MiniBrowser (it has no
# headless mode), CJK fonts for Chinese text, binaryen for wasm-opt.
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null 2>&1 || need_apt+=(firefox-esr)
command -v WebKitWebDriver >/dev/null 2>&1 || need_apt+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null 2>&1 || need_apt+=(xvfb)
command -v wasm-opt >/dev/null 2>&1 || need_apt+=(binaryen)
# Not `grep -q`: it stops reading early, fc-list dies of SIGPIPE, and under pipefail the
# check failed even with the fonts installed (apt ran again on every `make`).
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need_apt+=(fonts-noto-cjk)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Rust: the toolchain file pins the channel; make sure the wasm target is there.
if ! rustup target list --installed | grep -q '^wasm32-unknown-unknown$'; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must equal the crate's version exactly. No --locked: the registry here is
# a snapshot and the CLI's lock file names crates it lacks.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Node packages, pinned in package-lock.json.
if [ -f package-lock.json ]; then
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  fi
fi
say "ok"
