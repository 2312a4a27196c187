#!/usr/bin/env bash
# Makes sure the headless Chromium that the portal's browser tests drive (playwright-core with the
# system browser, apps/portal/test/int) is installed — /usr/bin/chromium, or CHROMIUM_PATH — with a
# Chinese font, so that screenshots show Chinese text rather than empty boxes.
# On Debian/Ubuntu it installs what is missing with apt-get (`chromium`, `fonts-wqy-microhei`), as
# root or through sudo without a password; elsewhere it says what to install and exits 1.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"

browser_works() { [[ -x "$browser" ]] && "$browser" --headless --no-sandbox --disable-gpu --version >/dev/null 2>&1; }
has_cjk_font() { command -v fc-list >/dev/null 2>&1 && [[ -n "$(fc-list :lang=zh 2>/dev/null | head -1)" ]]; }

missing=()
browser_works || missing+=(chromium)
has_cjk_font || missing+=(fonts-wqy-microhei)

if ((${#missing[@]})) && command -v apt-get >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]]; then sudo=(); elif sudo -n true 2>/dev/null; then sudo=(sudo -n); else sudo=(); fi
  if [[ $(id -u) -eq 0 ]] || ((${#sudo[@]})); then
    echo "[browser] installing with apt-get: ${missing[*]}"
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

if ! browser_works; then
  echo "MISSING: a Chromium that runs headless at $browser. On Debian, as root: apt-get install -y chromium;" \
    "elsewhere install Chromium and set CHROMIUM_PATH to its executable." >&2
  exit 1
fi
# Without a Chinese font the tests still pass (they read text, not pixels); only the screenshots suffer.
has_cjk_font || echo "[browser] warning: no Chinese font (apt-get install -y fonts-wqy-microhei); screenshots will show boxes" >&2
echo "[browser] $("$browser" --version 2>/dev/null | head -1) at $browser"
