"""Sign-up latency at /nieuwsbrief while `weerbaar serve` sends an edition of 100,000 messages.

    python3 bench/newsletter_subscribe.py BIN_DIR SINK_PORT

Seeds a fresh SQLite data directory (NewsletterBench seed: 100,000 subscribers and an edition due
now), starts `weerbaar serve` on loopback with SMTP to the sink and the rate limit off, and posts
sign-ups one after another for 20 seconds while the outbox drains. Each sign-up is the real thing:
validation, the subscriber written, the confirmation mail queued for delivery. Prints percentiles and
how many edition messages went out meanwhile (read from the database), then stops the server."""
import os, socket, sqlite3, subprocess, sys, tempfile, time, urllib.parse, urllib.request

bin_dir, sink_port = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data = tempfile.mkdtemp(prefix="weerbaar-bench-subscribe-")
subprocess.run([os.path.join(bin_dir, "NewsletterBench"), "seed", "100000", data], cwd=root, check=True, capture_output=True)

with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
url = f"http://127.0.0.1:{port}"
env = dict(os.environ, DATA_DIR=data, PORT=str(port), HOST="127.0.0.1", BASE_URL=url, LOG_LEVEL="warning",
           SMTP_URL=f"smtp://127.0.0.1:{sink_port}?tls=none", NEWSLETTER_RATE=os.environ.get("RATE", "0"), NEWSLETTER_SMTP_CONNECTIONS="8",
           NEWSLETTER_SIGNUPS_PER_CLIENT="1000000", DEMO_DIR=os.path.join(root, "data/demo"))
env.pop("DATABASE_URL", None)
server = subprocess.Popen([os.path.join(bin_dir, "weerbaar"), "serve"], cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
try:
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    database = sqlite3.connect(os.path.join(data, "weerbaar.sqlite"), timeout=30)

    def sent():
        return database.execute("SELECT COUNT(*) FROM newsletter_outbox WHERE state = 'sent'").fetchone()[0]

    # Wait until the edition is being sent.
    while sent() == 0 and time.time() < deadline:
        time.sleep(0.2)
    before, started = sent(), time.time()
    latencies, failures = [], 0
    n = 0
    while time.time() - started < 20:
        body = urllib.parse.urlencode({"email": f"nieuw{n}@bench.example", "bron": "/nieuwsbrief"}).encode()
        request = urllib.request.Request(url + "/nieuwsbrief", data=body, headers={"Sec-Fetch-Site": "same-origin",
                                                                                  "Content-Type": "application/x-www-form-urlencoded"})
        t0 = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                ok = response.status == 200 and b"Kijk in uw mailbox" in response.read()
        except OSError:
            ok = False
        latencies.append((time.perf_counter() - t0) * 1000)
        failures += 0 if ok else 1
        n += 1
        time.sleep(0.01)
    elapsed, after = time.time() - started, sent()
    remaining = database.execute("SELECT COUNT(*) FROM newsletter_outbox WHERE state IN ('queued', 'sending')").fetchone()[0]
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
    print(f"subscribe while sending: {len(latencies)} sign-ups ({failures} failed), p50 {pick(0.5):.1f} ms, p95 {pick(0.95):.1f} ms, "
          f"p99 {pick(0.99):.1f} ms, max {latencies[-1]:.1f} ms")
    print(f"meanwhile the edition went on: {after - before} messages in {elapsed:.1f} s ({(after - before) / elapsed:.0f}/s), {remaining} still to go")
finally:
    server.terminate()
    server.wait(timeout=30)
