#!/usr/bin/env bash
# Writes every document Tillid makes from the demo history (JSON export,
# course logs, MUS documents, access exports) at REV and at the working tree,
# and compares them byte for byte: the check that a restructuring changed no
# output. Usage: scripts/dev/golden.sh [REV]   (default REV: HEAD)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REV="${1:-HEAD}"
WORK="$(mktemp -d /tmp/tillid-golden-XXXXXX)"
export TILLID_FAKE_NOW=2026-11-27T15:00:00+01:00 TILLID_FAKE_CLOCK=frozen TZ=Europe/Copenhagen
export CARGO_TARGET_DIR="$ROOT/target"

git -C "$ROOT" worktree add --quiet --detach "$WORK/rev" "$REV"
trap 'git -C "$ROOT" worktree remove --force "$WORK/rev"' EXIT
# Its own target dir: cargo would otherwise share build-script output
# (absolute paths into this temporary checkout) and fingerprints between the
# two trees, and could run one tree's binary for the other.
(cd "$WORK/rev" && CARGO_TARGET_DIR="$ROOT/target/golden-rev" cargo run --quiet -p tillid-core --example golden -- "$WORK/before")
(cd "$ROOT" && cargo run --quiet -p tillid-core --example golden -- "$WORK/after")

if diff -r "$WORK/before" "$WORK/after" > "$WORK/diff.txt"; then
  echo "Identical: $(find "$WORK/after" -type f | wc -l) files, byte for byte ($REV and the working tree)."
else
  echo "Different ($WORK/diff.txt):" >&2
  head -20 "$WORK/diff.txt" >&2
  exit 1
fi
