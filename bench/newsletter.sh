#!/usr/bin/env bash
# WeerbaarNL's sending path (release build), all on loopback:
#   1. render and enqueue an edition with interest-dependent sections to 100,000 subscribers;
#   2. drain an edition of ${SEND_COUNT:-20000} into Postfix's smtp-sink, rate limit off;
#   3. sign-up latency at /nieuwsbrief while a `weerbaar serve` sends an edition of 100,000 (bench/newsletter_subscribe.py).
# Needs smtp-sink (Debian package postfix). Set DATABASE_URL to run 1 and 2 on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v smtp-sink >/dev/null || [ -x /usr/sbin/smtp-sink ] || { echo "needs smtp-sink: apt-get install postfix" >&2; exit 1; }
SINK=$(command -v smtp-sink || echo /usr/sbin/smtp-sink)
swift build -c release --product NewsletterBench --product weerbaar >/dev/null
bin="$(swift build -c release --show-bin-path)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
user=$(id -un); [ "$user" = root ] && user=nobody
"$SINK" -u "$user" 127.0.0.1:"$port" 512 & sink=$!
trap 'kill $sink 2>/dev/null || true' EXIT
sleep 0.5
echo "== enqueue"
"$bin/NewsletterBench" enqueue "${ENQUEUE_COUNT:-100000}"
echo "== send (smtp-sink on 127.0.0.1:$port)"
"$bin/NewsletterBench" send "${SEND_COUNT:-20000}" "$port" "${CONNECTIONS:-8}"
echo "== subscribe while sending"
env -u DATABASE_URL python3 bench/newsletter_subscribe.py "$bin" "$port"
