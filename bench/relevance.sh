#!/usr/bin/env bash
# Search relevance on the shared development set, side by side with PostgreSQL's own Dutch
# full-text search (a throwaway cluster) over the same catalogue and queries, scored by the same
# code (`weerbaar eval-relevance`). Prints both tables; BENCHMARKS.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
RELEVANCE=${RELEVANCE:-../shared/relevance}
CATALOGUE="$RELEVANCE/dev-catalogue.json"
JUDGMENTS="$RELEVANCE/dev-judgments.json"

swift build --product weerbaar >/dev/null
BIN="$(swift build --show-bin-path)/weerbaar"
WORK=$(mktemp -d /tmp/weerbaar-relevance.XXXXXX)
PG_DIR=""
cleanup() { [ -n "$PG_DIR" ] && scripts/postgres-throwaway stop "$PG_DIR"; rm -rf "$WORK"; }
trap cleanup EXIT

echo "== Weerbaar search (the path of GET /api/v1/offerings)"
"$BIN" eval-relevance --catalogue "$CATALOGUE" --judgments "$JUDGMENTS" --worst 0

echo
echo "== PostgreSQL $(psql --version | awk '{print $3}'): to_tsvector('dutch') over title A, keywords B, summary C, description D; websearch_to_tsquery; ts_rank_cd"
URL=$(PGTHROWAWAY_DIR_FILE="$WORK/pgdir" scripts/postgres-throwaway start); PG_DIR=$(cat "$WORK/pgdir")
python3 bench/postgres_baseline.py "$URL" "$CATALOGUE" "$JUDGMENTS" "$WORK/postgres-ranking.json"
"$BIN" eval-relevance --ranking "$WORK/postgres-ranking.json" --judgments "$JUDGMENTS" --worst 0
