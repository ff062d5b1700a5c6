#!/usr/bin/env bash
# HTTP benchmark on loopback, release build, demo catalogue:
#   - start-up: process start to the first 200 of "/", on an empty database (migrate + demo import)
#     and on a restart;
#   - wrk at 64 connections on the faceted search page, on /zoeken and on /healthz in the same run,
#     with the ratios.
# Needs wrk (Debian: apt-get install wrk). Prints its figures; BENCHMARKS.md records them.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-64}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }

swift build -c release --product weerbaar >/dev/null
BIN="$(swift build -c release --show-bin-path)/weerbaar"
DATA=$(mktemp -d /tmp/weerbaar-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
export DATA_DIR="$DATA" PORT LOG_LEVEL=warning HOST=127.0.0.1
PID=""
cleanup() { [ -n "$PID" ] && kill "$PID" 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT

start_and_time() {
  python3 - "$BIN" "$PORT" <<'PY'
import subprocess, sys, time, urllib.request
binary, port = sys.argv[1], sys.argv[2]
t0 = time.monotonic()
# The server must not hold our stdout open, or $(...) around this script never returns.
p = subprocess.Popen([binary, "serve"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
while True:
    try:
        if urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).status == 200:
            break
    except OSError:
        time.sleep(0.005)
    if time.monotonic() - t0 > 30:
        p.kill(); sys.exit("no answer within 30 s")
print(f"{(time.monotonic() - t0) * 1000:.0f}")
print(p.pid, file=sys.stderr)
PY
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u +%Y-%m-%d)"
first=$(start_and_time 2>/tmp/weerbaar-bench-pid); PID=$(cat /tmp/weerbaar-bench-pid)
echo "startup_empty_db_ms=$first (migrate + import of the demo catalogue + first page)"
kill "$PID"; wait "$PID" 2>/dev/null || true; sleep 0.5
second=$(start_and_time 2>/tmp/weerbaar-bench-pid); PID=$(cat /tmp/weerbaar-bench-pid)
echo "startup_restart_ms=$second"

SEARCH="http://127.0.0.1:$PORT/aanbod?q=polarisatie&thema=polarisatie&thema=radicalisering&soort=training"
HEALTH="http://127.0.0.1:$PORT/healthz"
# /zoeken: offerings, practice examples and the other articles for one question.
SITE="http://127.0.0.1:$PORT/zoeken?q=gesprekken+met+bewoners+na+een+incident"
run_wrk() {  # prints "rps p99_ms non2xx"
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1" | awk '
    /Requests\/sec/ {rps=$2}
    /^ +99%/ {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; p99=v}
    /Non-2xx/ {bad=$NF}
    END {printf "%s %s %s\n", rps, p99, (bad==""?0:bad)}'
}
measure() {  # $1: label
  wrk -t2 -c"$CONNECTIONS" -d3s "$SEARCH" >/dev/null   # warm-up
  read -r s_rps s_p99 s_bad < <(run_wrk "$SEARCH")
  wrk -t2 -c"$CONNECTIONS" -d3s "$SITE" >/dev/null   # warm-up
  read -r z_rps z_p99 z_bad < <(run_wrk "$SITE")
  read -r h_rps h_p99 h_bad < <(run_wrk "$HEALTH")
  echo "[$1] search_page rps=$s_rps p99_ms=$s_p99 non2xx=$s_bad"
  echo "[$1] zoeken      rps=$z_rps p99_ms=$z_p99 non2xx=$z_bad"
  echo "[$1] healthz     rps=$h_rps p99_ms=$h_p99 non2xx=$h_bad"
  python3 -c "print(f'[$1] ratio_search_to_healthz={float(\"$s_rps\")/float(\"$h_rps\"):.2f}')"
  python3 -c "print(f'[$1] ratio_zoeken_to_healthz={float(\"$z_rps\")/float(\"$h_rps\"):.2f}')"
  echo "[$1] rss_after_load_mb=$(( $(awk '/VmRSS/{print $2}' /proc/$PID/status) / 1024 ))"
}
echo "search page: $SEARCH"
measure "page cache on (default)"

# The same server rendering every page afresh: what a cache miss costs.
kill "$PID"; wait "$PID" 2>/dev/null || true; sleep 0.5
export PAGE_CACHE_ENTRIES=0
start_and_time >/dev/null 2>/tmp/weerbaar-bench-pid; PID=$(cat /tmp/weerbaar-bench-pid)
measure "page cache off"
