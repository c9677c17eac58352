#!/usr/bin/env python3
"""Soak: concurrent clients (200 by default) against a real `parcours serve` for `--minutes`
(10 by default), each on its own keep-alive connection, mixing reads (person page, parcours page,
persons list, alerts) and writes (follow-ups, new persons), plus a few reads of a person outside
the caller's scope that must stay refused (404) under load.

  soak.py --bin build/parcours --engine sqlite|postgresql [--pg-state DIR] [--minutes 10]
          [--clients 200] [--figures FILE]

Prints and appends to the figures file: requests, errors (any non-2xx that is not the expected
404, any socket error or timeout: must be 0), the p99 latency of the first and the last minute
("p99 stable": the last at most twice the first), and the server's RSS growth between the end of
minute 1 and the end (at most 10 %). Exits 1 when one of these fails."""
import argparse
import http.client
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--bin", required=True)
parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
parser.add_argument("--pg-state", default="")
parser.add_argument("--minutes", type=float, default=10)
parser.add_argument("--clients", type=int, default=200)
parser.add_argument("--seed-persons", type=int, default=100)
parser.add_argument("--figures", default=os.environ.get("PARCOURS_FIGURES", ""))
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="parcours-soak-")
keys = os.path.join(work, "parcours.keys")
env = dict(os.environ, PARCOURS_KEYS_FILE=keys)
config = os.path.join(work, "parcours.toml")
# One worker thread per keep-alive connection (cpp-httplib serves a connection on one thread).
with open(config, "w") as f:
    f.write(f"[server]\nthreads = {args.clients + 16}\n")

if args.engine == "sqlite":
    db = "sqlite:" + os.path.join(work, "parcours.db")
    pg_name = None
else:
    admin = open(os.path.join(args.pg_state, "url")).read().strip()
    pg_name = f"soak_{os.getpid()}"
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {pg_name}"], check=True)
    db = admin.rsplit("/", 1)[0] + "/" + pg_name


def cli(*argv, stdin=None):
    out = subprocess.run([args.bin, *argv, "--db", db], env=env, input=stdin, text=True,
                         capture_output=True)
    if out.returncode != 0:
        raise SystemExit(f"soak: parcours {' '.join(argv)} failed: {out.stderr}")
    return out.stdout.strip().splitlines()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def person_body(n):
    return {"identity": {"last_name": f"Soak{n:07d}", "first_names": "Test",
                         "birth_date": "1990-01-01", "nationality": "FRA"},
            "sex_or_gender": "female", "administrative_status": "french"}


class Client:
    """One keep-alive connection (http.client), reopened when the server closes it."""

    def __init__(self, port, token):
        self.port = port
        self.headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
        self.conn = None

    def call(self, method, path, body=None):
        data = json.dumps(body) if body is not None else None
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            self.conn.request(method, path, body=data, headers=self.headers)
            response = self.conn.getresponse()
            payload = response.read()
        except Exception:
            self.conn.close()
            self.conn = None
            raise
        if response.will_close:
            self.conn.close()
            self.conn = None
        return response.status, payload


server = None
try:
    cli("init")
    association = cli("association", "add", "--name", "Association de test", "--departement",
                      "33", "--agrement-approved-on", "2026-01-05", "--agrement-arrete",
                      "Arrêté 2026-01")[-1]
    other = cli("association", "add", "--name", "Autre association", "--departement", "69",
                "--agrement-approved-on", "2026-01-05", "--agrement-arrete", "Arrêté 2026-02")[-1]
    password = "mot de passe du test 2026\n"
    cli("user", "add", "--email", "worker@soak.test", "--role", "association_worker",
        "--association", association, "--password-stdin", stdin=password)
    cli("user", "add", "--email", "other@soak.test", "--role", "association_worker",
        "--association", other, "--password-stdin", stdin=password)
    token = cli("token", "create", "--email", "worker@soak.test", "--days", "1")[-1]
    other_token = cli("token", "create", "--email", "other@soak.test", "--days", "1")[-1]

    port = free_port()
    log = open(os.path.join(work, "server.log"), "a")
    server = subprocess.Popen([args.bin, "serve", "--db", db, "--config", config, "--listen",
                               f"127.0.0.1:{port}"], env=env, stdout=log, stderr=log)
    for _ in range(400):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
            break
        except Exception:
            if server.poll() is not None:
                raise SystemExit("soak: the server did not start: see " + log.name)
            time.sleep(0.025)

    # The data the clients read and write: persons, each with a parcours; one person of another
    # association, which the clients must never read.
    seeder = Client(port, token)
    persons, parcours = [], []
    for n in range(args.seed_persons):
        status, body = seeder.call("POST", "/api/v1/persons", person_body(n))
        if status != 201:
            raise SystemExit(f"soak: seeding a person gave {status}: {body[:200]}")
        persons.append(json.loads(body)["id"])
        status, body = seeder.call("POST", "/api/v1/parcours",
                                   {"person_id": persons[-1], "departement": "33"})
        if status != 201:
            raise SystemExit(f"soak: opening a parcours gave {status}: {body[:200]}")
        parcours.append(json.loads(body)["id"])
    status, body = Client(port, other_token).call("POST", "/api/v1/persons", person_body(9999999))
    outsider = json.loads(body)["id"]

    operations = [  # (weight, name, method, path or function, body function, expected status)
        (30, "person page", "GET", lambda r: f"/api/v1/persons/{r.choice(persons)}", None, 200),
        (25, "parcours page", "GET", lambda r: f"/api/v1/parcours/{r.choice(parcours)}", None, 200),
        (12, "persons list", "GET", lambda r: "/api/v1/persons?limit=20", None, 200),
        (10, "alerts", "GET", lambda r: "/api/v1/alerts", None, 200),
        (14, "follow-up", "POST", lambda r: f"/api/v1/parcours/{r.choice(parcours)}/followups",
         lambda r, n: {"date": "2026-11-20", "kind": "interview", "text": f"Entretien {n}."}, 201),
        (7, "new person", "POST", lambda r: "/api/v1/persons",
         lambda r, n: person_body(1000000 + n), 201),
        (2, "outside scope", "GET", lambda r: f"/api/v1/persons/{outsider}", None, 404),
    ]
    weights = [op[0] for op in operations]

    duration = args.minutes * 60
    # Latencies by the minute the request started (by halves of the run when it is shorter than
    # two minutes, so that a short trial still compares a first and a last window).
    window = 60.0 if duration >= 120 else duration / 2
    windows = max(1, int(round(duration / window)))
    lock = threading.Lock()
    latencies = [[] for _ in range(windows + 1)]  # seconds
    counts = {"requests": 0, "errors": 0, "refusals": 0}
    error_samples = []
    counter = [0]
    start = time.monotonic()
    stop = threading.Event()

    def client(number):
        rng = random.Random(number)
        conn = Client(port, token)
        while not stop.is_set():
            _, name, method, path, body, expected = rng.choices(operations, weights)[0]
            with lock:
                counter[0] += 1
                n = counter[0]
            t0 = time.monotonic()
            try:
                status, payload = conn.call(method, path(rng), body(rng, n) if body else None)
                problem = None if status == expected else f"{name}: HTTP {status} {payload[:120]}"
            except Exception as e:  # socket error, timeout, reset
                problem = f"{name}: {type(e).__name__}: {e}"
            t1 = time.monotonic()
            index = min(int((t0 - start) // window), windows)
            with lock:
                counts["requests"] += 1
                latencies[index].append(t1 - t0)
                if problem:
                    counts["errors"] += 1
                    if len(error_samples) < 10:
                        error_samples.append(problem)
                elif expected == 404:
                    counts["refusals"] += 1

    threads = [threading.Thread(target=client, args=(i,), daemon=True)
               for i in range(args.clients)]
    for t in threads:
        t.start()
    rss_minute_1 = None
    while True:
        elapsed = time.monotonic() - start
        if rss_minute_1 is None and elapsed >= window:
            rss_minute_1 = rss_kib(server.pid)
        if elapsed >= duration:
            break
        time.sleep(0.5)
        if server.poll() is not None:
            break
    stop.set()
    for t in threads:
        t.join(timeout=60)
    alive = server.poll() is None
    rss_end = rss_kib(server.pid) if alive else 0
    if not alive:
        counts["errors"] += 1
        error_samples.append("the server exited during the soak")

    def p99_ms(values):
        if not values:
            return 0
        values = sorted(values)
        return int(round(values[min(len(values) - 1, int(len(values) * 0.99))] * 1000))

    per_minute = [p99_ms(v) for v in latencies[:windows] if v]
    first, last = (per_minute[0], per_minute[-1]) if per_minute else (0, 0)
    unstable = 1 if first == 0 or last > 2 * first else 0
    growth = (rss_end - rss_minute_1) * 100.0 / rss_minute_1 if rss_minute_1 else 100.0
    rss_bad = 1 if growth > 10 else 0
    rate = counts["requests"] / max(1.0, duration)
    print(f"soak: {args.engine}: {args.clients} clients, {args.minutes:g} min, "
          f"{counts['requests']} requests ({rate:.0f}/s), {counts['errors']} errors, "
          f"{counts['refusals']} expected 404")
    print(f"soak: p99 per {window:g} s (ms): {per_minute}; first {first}, last {last}"
          f" ({'stable' if not unstable else 'NOT stable'})")
    print(f"soak: server RSS {rss_minute_1} KiB after {window:g} s, {rss_end} KiB at the end "
          f"({growth:+.1f} %)")
    for sample in error_samples:
        print("soak: error:", sample)
    if args.figures:
        rows = [("soak: clients", args.clients, "checked"),
                ("soak: requests", counts["requests"], "checked"),
                ("soak: errors (non-2xx or socket)", counts["errors"], "bad"),
                ("soak: expected 404 outside scope", counts["refusals"], "checked"),
                ("soak: p99 first minute (ms)", first, "checked"),
                ("soak: p99 last minute (ms)", last, "checked"),
                ("soak: p99 last minute over 2x first", unstable, "bad"),
                ("soak: RSS growth after minute 1 (%)", int(round(growth)), "checked"),
                ("soak: RSS growth over 10 %", rss_bad, "bad")]
        with open(args.figures, "a") as f:
            for name, value, kind in rows:
                f.write(f"{args.engine}\t{name}\t{value}\t{kind}\n")
    ok = counts["errors"] == 0 and not unstable and not rss_bad and counts["refusals"] > 0
    sys.exit(0 if ok else 1)
finally:
    if server is not None and server.poll() is None:
        server.terminate()
        server.wait()
    if pg_name:
        subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)"])
    shutil.rmtree(work, ignore_errors=True)
