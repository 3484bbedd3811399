#!/usr/bin/env bash
# Runs every test: formatting, lints, core and CLI tests, the UI's type check
# and linter, and the end-to-end suite through the real app under Xvfb.
# Installs what is missing first. Usage: ./scripts/test.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/deps.sh"

ensure_apt "${APT_BUILD[@]}" "${APT_TEST[@]}"
ensure_rust
ensure_node
ensure_locales
ensure_ui_packages
ensure_tauri_driver

cd "$ROOT"
# One feature set for every cargo step, so nothing is compiled twice.
FEATURES=(--workspace --features tillid-app/custom-protocol)

log "cargo fmt --check"
cargo fmt --all -- --check

log "Core tests (also regenerate the UI's IPC types from Rust)"
cargo test -p tillid-core --quiet
if [ "${CI:-}" = "true" ] && [ -n "$(git status --porcelain -- ui/src/lib/bindings)" ]; then
  echo "The generated IPC types in ui/src/lib/bindings differ from the Rust types: commit them." >&2
  git status --porcelain -- ui/src/lib/bindings >&2
  exit 1
fi

log "UI: type check, lint, build"
npm --prefix ui run check --silent
npm --prefix ui run lint --silent
npm --prefix ui run build --silent
npm --prefix ui run test:unit --silent

log "cargo clippy -D warnings"
cargo clippy "${FEATURES[@]}" --all-targets --quiet -- -D warnings

log "Workspace tests (core, CLI, app shell, i18n parity)"
cargo test "${FEATURES[@]}" --quiet

log "Building the app for the end-to-end suite"
cargo build -p tillid-app --features custom-protocol --quiet

log "End-to-end suite: the real app and its WebKitGTK webview under Xvfb"
rm -rf tests/e2e/screenshots
# A private session bus, as a desktop has: the single-instance check uses it.
dbus-run-session --config-file=tests/e2e/dbus-session.conf -- xvfb-run -a -s "-screen 0 1280x900x24" npm --prefix tests/e2e test

log "Date-edge run: the date-sensitive scenarios at each instant of tests/date-edges.json"
./scripts/date-edges.sh
