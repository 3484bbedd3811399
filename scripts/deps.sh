#!/usr/bin/env bash
# Installs what Tillid needs on Debian 12 (or Ubuntu 22.04+) when it is missing.
# Sourced by run-app.sh and test.sh; every step is a no-op when already done.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1;36m==>\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Tauri 2 / WebKitGTK build and runtime packages, plus what the tests use.
APT_BUILD=(build-essential pkg-config curl file libssl-dev libwebkit2gtk-4.1-dev libgtk-3-dev
  libsoup-3.0-dev libayatana-appindicator3-dev librsvg2-dev)
APT_TEST=(xvfb xauth webkit2gtk-driver locales fonts-dejavu-core dbus-daemon python3-xlib imagemagick
  poppler-utils
  python3-dbus python3-gi) # the stand-in notification server and tray host (tests/e2e/lib/fake-desktop.py)

ensure_apt() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

ensure_rust() {
  if ! command -v cargo >/dev/null 2>&1; then
    [ -x "$HOME/.cargo/bin/cargo" ] || {
      log "Installing Rust (rustup, stable)"
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
    }
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
  # rustfmt and clippy are needed by the test command.
  if command -v rustup >/dev/null 2>&1; then
    rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
  fi
}

ensure_node() {
  local major=0
  if command -v node >/dev/null 2>&1; then major="$(node -p 'process.versions.node.split(".")[0]')"; fi
  if [ "$major" -lt 20 ]; then
    log "Installing Node.js 22 (NodeSource), since Vite needs Node 20 or newer"
    curl -fsSL https://deb.nodesource.com/setup_22.x | as_root bash -
    as_root apt-get install -y -qq nodejs >/dev/null
  fi
}

ensure_ui_packages() {
  # npm ci is exact and quick; only rerun when the lock file changed.
  local stamp="$ROOT/ui/node_modules/.tillid-lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/ui/package-lock.json" "$stamp"; then
    log "Installing UI packages (npm ci)"
    (cd "$ROOT/ui" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$ROOT/ui/package-lock.json" "$stamp"
  fi
}

ensure_locales() {
  # The E2E suite runs the app under Danish and English OS locales.
  if ! locale -a 2>/dev/null | grep -qi '^da_DK.utf8$'; then
    log "Generating da_DK and en_US locales"
    as_root sed -i -E 's/^# *(da_DK.UTF-8|en_US.UTF-8)/\1/' /etc/locale.gen
    as_root locale-gen >/dev/null
  fi
}

ensure_tauri_driver() {
  command -v tauri-driver >/dev/null 2>&1 || {
    log "Installing tauri-driver"
    cargo install tauri-driver --locked --quiet
  }
}
