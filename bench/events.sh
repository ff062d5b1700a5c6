#!/usr/bin/env bash
# Registrations under load (release build): 200 at once for 20 seats, five times, on SQLite and, when
# DATABASE_URL is set or scripts/postgres-throwaway can start one, on PostgreSQL. Arguments:
# [CLIENTS] [SEATS] [ROUNDS]. Prints registrations per second and overbookings (must be 0).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product EventsBench >/dev/null
BIN="$(swift build -c release --show-bin-path)/EventsBench"
env -u DATABASE_URL "$BIN" "$@"
if [ -z "${DATABASE_URL:-}" ]; then
  URL=$(scripts/postgres-throwaway start | tail -1)
  trap 'scripts/postgres-throwaway stop >/dev/null 2>&1 || true' EXIT
else
  URL=$DATABASE_URL
fi
DATABASE_URL="$URL" "$BIN" "$@"
