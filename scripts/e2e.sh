#!/usr/bin/env bash
# Developer loop for the end-to-end suite: builds the UI and the app, then runs
# the given test files (default: all) under Xvfb. Holds a lock so two runs on
# one machine don't fight over the build or tauri-driver's ports.
# Usage: ./scripts/e2e.sh [people.test.mjs ...]   (assumes ./scripts/test.sh ran once)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
exec 9>/tmp/tillid-e2e.lock
flock 9
cd "$ROOT"
npm --prefix ui run build --silent
touch src-tauri/build.rs # the binary embeds ui/dist
cargo build -p tillid-app -p tillid-cli --features tillid-app/custom-protocol --quiet
cd tests/e2e
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(*.test.mjs)
dbus-run-session --config-file=dbus-session.conf -- xvfb-run -a -s "-screen 0 1280x900x24" \
  node --test --test-concurrency=1 --test-reporter=spec "${files[@]}"
