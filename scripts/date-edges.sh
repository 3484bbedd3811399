#!/usr/bin/env bash
# The date-edge run: the end-to-end scenarios that depend on "today", run
# once at each instant of tests/date-edges.json (a Monday at 00:30, a Sunday
# at 23:59, ISO week 53, New Year, both nights the clocks change in
# Copenhagen, 29 February 2028), with the app's and the CLI's clock frozen
# there (TILLID_TEST_NOW, see tests/e2e/lib/clock.mjs). The Rust side of the
# same table runs in `cargo test` (crates/*/tests/date_edges.rs).
# Usage: ./scripts/date-edges.sh [file.test.mjs ...]
#   (assumes the app and the CLI are built, as ./scripts/test.sh does)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/tests/e2e"
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(dates.test.mjs backup.test.mjs journal.test.mjs)
mapfile -t instants < <(node -e 'for (const e of require("../date-edges.json").edges) console.log(e.at)')
failed=()
for at in "${instants[@]}"; do
  printf '\n\033[1;36m==>\033[0m Date edge %s: %s\n' "$at" "${files[*]}"
  if ! TILLID_TEST_NOW="$at" dbus-run-session --config-file=dbus-session.conf -- \
    xvfb-run -a -s "-screen 0 1280x900x24" \
    node --test --test-concurrency=1 --test-reporter=spec "${files[@]}"; then
    failed+=("$at")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "The date-edge run failed at: ${failed[*]}" >&2
  exit 1
fi
echo "The date-edge run passed at all ${#instants[@]} instants."
