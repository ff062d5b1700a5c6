#!/usr/bin/env bash
# The search-and-facet core on synthetic catalogues of 10,000 and 100,000 offerings (release build):
# index build time, query latency percentiles over a fixed query mix, resident memory.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product SearchBench >/dev/null
# One process per size, so each figure of resident memory stands on its own.
for size in ${@:-10000 100000}; do "$(swift build -c release --show-bin-path)/SearchBench" "$size"; done
# /zoeken: offerings and as many articles, the three searches of its page, and publishing one article.
if [ -z "${SKIP_SITE:-}" ]; then "$(swift build -c release --show-bin-path)/SearchBench" --site ${SITE_SIZES:-10000}; fi
