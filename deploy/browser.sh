#!/usr/bin/env bash
# Makes sure the headless Chromium that the portal's browser tests drive (playwright-core with the
# system browser, apps/portal/test/int) is installed: /usr/bin/chromium, or CHROMIUM_PATH.
# On Debian/Ubuntu it installs the `chromium` package with apt-get when missing (as root, or through
# sudo without a password); elsewhere it says what to install and exits 1.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"

works() { "$1" --headless --no-sandbox --disable-gpu --version >/dev/null 2>&1; }

if [[ -x "$browser" ]] && works "$browser"; then
  echo "[browser] $("$browser" --version 2>/dev/null | head -1) at $browser"
  exit 0
fi

if command -v apt-get >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else
    echo "MISSING: Chromium at $browser; install it as root: apt-get install -y chromium" >&2
    exit 1
  fi
  echo "[browser] installing Chromium with apt-get"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  if [[ -x "$browser" ]] && works "$browser"; then
    echo "[browser] $("$browser" --version 2>/dev/null | head -1) at $browser"
    exit 0
  fi
fi

echo "MISSING: a Chromium that runs headless at $browser. On Debian: apt-get install -y chromium;" \
  "elsewhere install Chromium and set CHROMIUM_PATH to its executable." >&2
exit 1
