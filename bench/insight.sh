#!/usr/bin/env bash
# The white-spot page at 100,000 offerings, 1,000,000 search-log rows and 342 responses (release build).
# Set DATABASE_URL to run it on PostgreSQL. Arguments: [OFFERINGS] [SEARCH_LOG_ROWS] [RUNS].
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product InsightBench >/dev/null
"$(swift build -c release --show-bin-path)/InsightBench" "$@"
