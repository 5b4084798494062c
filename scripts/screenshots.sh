#!/usr/bin/env bash
# Takes screenshots of a built site with headless Chromium (Debian package chromium), light and
# dark, wide and narrow, for looking at the theme: scripts/screenshots.sh [SITE] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
site="${1:-$here/examples/demo}"
out="${2:-$here/target/screenshots}"
port="${PORT:-1399}"
command -v chromium >/dev/null || { echo "needs chromium: apt-get install chromium" >&2; exit 1; }
mkdir -p "$out"
"$here/kiln" build "$site" >&2
"$here/kiln" serve "$site" --port "$port" >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/" >/dev/null && break; sleep 0.2; done
shot() { # name path width height [dark]
  local profile; profile="$(mktemp -d)"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="$3,$4" \
    ${5:+--force-dark-mode --blink-settings=preferredColorScheme=0} \
    --screenshot="$out/$1.png" "http://127.0.0.1:$port$2" >/dev/null 2>&1
  rm -rf "$profile"
  echo "$out/$1.png"
}
shot home / 1280 900
shot post /posts/tables-and-code/ 1280 1100
shot post-dark /posts/hello-kiln/ 1280 1100 dark
shot docs-mobile /docs/ 390 844
shot docs-page /docs/writing/ 1280 1400
shot docs-page-dark /docs/lists/ 1280 1000 dark
shot tags /tags/ 1280 700
shot posts-pager /posts/ 1280 1000
