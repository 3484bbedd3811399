#!/usr/bin/env bash
# Runs every benchmark and writes docs/benchmarks.md. Usage: ./bench/run.sh
# Not part of the test suite: speed is measured here, not asserted in tests.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/deps.sh"
ensure_apt "${APT_BUILD[@]}" xvfb xauth hyperfine time python3 python3-venv sqlite3
ensure_rust
ensure_node
ensure_ui_packages

cd "$ROOT"
log "Building release binaries (Tillid, the CLI, the blank baseline, the core bench)"
npm --prefix ui run build --silent
cargo build --release --quiet -p tillid-app -p tillid-blank-baseline --features tillid-app/custom-protocol,tillid-blank-baseline/custom-protocol
cargo build --release --quiet -p tillid-cli -p tillid-bench

out="$(mktemp)"
log "Start-up and memory under Xvfb"
xvfb-run -a -s "-screen 0 1280x900x24" python3 bench/measure_app.py \
  target/release/tillid-app target/release/tillid-blank-baseline target/release/tillid >>"$out"
log "Autosave and search"
target/release/tillid-bench >>"$out"
log "Tillid against jrnl 4.6 on 5k and 100k entries (installs jrnl into bench/out/jrnl/venv)"
vs_jrnl="$(mktemp)"
vs_jrnl_failed=0
if ! python3 bench/vs_jrnl.py --tillid target/release/tillid --work bench/out/jrnl >"$vs_jrnl"; then
  vs_jrnl_failed=1
  printf '## Tillid against jrnl 4.6\n\nNot measured in this run: `bench/vs_jrnl.py` stopped (its message is in the output of `./bench/run.sh`).\n' >"$vs_jrnl"
fi

{
  echo "# Benchmarks"
  echo
  echo "Written by \`./bench/run.sh\` on $(date -u +%Y-%m-%d) ($(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;"
  echo "$(uname -sr); release builds). Figures are from one run on this machine; compare runs"
  echo "on the same machine only."
  echo
  echo "| What | Measured | Ratio / figure | Target |"
  echo "|---|---|---|---|"
  cat "$out"
  echo
  echo "How: start-up is the wall time from spawning the binary until its page reports"
  echo "the first interactive paint (Tillid: the home screen rendered from a 52-week demo"
  echo "history); the baseline is a blank Tauri 2 window built in the same run"
  echo "(\`bench/blank-app\`). Memory is the PSS of the process tree (app, WebKit web and"
  echo "network processes) after 3 s idle. Autosave is \`Store::save_reflection\` on a real"
  echo "file with \`synchronous=FULL\`; search runs 16 queries (rare and common words,"
  echo "prefixes, a hostile one) 10 times each on demo corpora (\`bench/core-bench\`)."
  echo
  cat "$vs_jrnl"
} >docs/benchmarks.md
rm -f "$out" "$vs_jrnl"
log "Wrote docs/benchmarks.md"
cat docs/benchmarks.md
if [ "$vs_jrnl_failed" = 1 ]; then
  echo "bench/run.sh: the comparison with jrnl failed; see the message from bench/vs_jrnl.py above." >&2
  exit 1
fi
