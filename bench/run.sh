#!/usr/bin/env bash
# kiln's whole-site benchmark: bench/run.sh [PAGES] [--runs N] [--sizes 1000,10000,50000] [--no-serve] [--delete-first] [--no-wait]
# Generates the shared corpus (../shared/bench/gen-corpus.py, seed 42) and times kiln on it as a
# user runs it: cold and warm full builds, no-op and one-page-edit rebuilds, kiln serve's
# edit-to-output time, pages/s, peak RSS and the time per build phase. See bench/RESULTS.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$here/scripts/java-home.sh"
"$here/kiln" --version >/dev/null   # builds the CLI (and its AOT cache) first, outside the timings
exec python3 "$here/bench/run.py" "$@"
