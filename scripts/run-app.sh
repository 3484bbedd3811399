#!/usr/bin/env bash
# Builds Tillid (release) and launches it, installing what is missing first.
# Usage: ./scripts/run-app.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/deps.sh"

ensure_apt "${APT_BUILD[@]}"
ensure_rust
ensure_node
ensure_ui_packages

cd "$ROOT"
log "Building the UI"
npm --prefix ui run build --silent
log "Building and starting Tillid"
# custom-protocol: serve the built UI from the binary instead of a dev server.
exec cargo run --release -p tillid-app --features custom-protocol
