#!/usr/bin/env python3
"""Crash durability: concurrent writes against a real `parcours serve`, each acknowledged id
logged by the client; the server is killed with SIGKILL at a random moment, restarted, and every
acknowledged write must be there; `parcours check` must pass (integrity, audit chain) at the end.

  crash_durability.py --bin build/parcours --engine sqlite|postgresql [--pg-state DIR]
                      [--rounds 3] [--figures FILE]

Prints the writes acknowledged and lost; exits 1 when one is lost or the check fails."""
import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--bin", required=True)
parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
parser.add_argument("--pg-state", default="")
parser.add_argument("--rounds", type=int, default=3)
parser.add_argument("--writers", type=int, default=8)
parser.add_argument("--figures", default=os.environ.get("PARCOURS_FIGURES", ""))
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="parcours-crash-")
keys = os.path.join(work, "parcours.keys")
env = dict(os.environ, PARCOURS_KEYS_FILE=keys)
rng = random.Random(int(os.environ.get("PARCOURS_CRASH_SEED", "20261125")))

if args.engine == "sqlite":
    db = "sqlite:" + os.path.join(work, "parcours.db")
    pg_name = None
else:
    admin = open(os.path.join(args.pg_state, "url")).read().strip()
    pg_name = f"crash_{os.getpid()}"
    subprocess.run(["psql", admin, "-qc", f"CREATE DATABASE {pg_name}"], check=True)
    db = admin.rsplit("/", 1)[0] + "/" + pg_name


def cli(*argv, stdin=None):
    out = subprocess.run([args.bin, *argv, "--db", db], env=env, input=stdin, text=True,
                         capture_output=True)
    if out.returncode != 0:
        raise SystemExit(f"crash: parcours {' '.join(argv)} failed: {out.stderr}")
    return out.stdout.strip().splitlines()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server():
    port = free_port()
    log = open(os.path.join(work, "server.log"), "a")
    proc = subprocess.Popen([args.bin, "serve", "--db", db, "--listen", f"127.0.0.1:{port}"],
                            env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(400):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()
            return proc, base
        except Exception:
            if proc.poll() is not None:
                raise SystemExit("crash: the server did not start: see " + log.name)
            time.sleep(0.025)
    raise SystemExit("crash: the server did not answer /healthz")


def call(base, token, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, json.loads(r.read() or b"null")


try:
    cli("init")
    association = cli("association", "add", "--name", "Association de test", "--departement",
                      "33", "--agrement-approved-on", "2026-01-05", "--agrement-arrete",
                      "Arrêté 2026-01")[-1]
    cli("user", "add", "--email", "worker@crash.test", "--role", "association_worker",
        "--association", association, "--password-stdin", stdin="mot de passe du test 2026\n")
    token = cli("token", "create", "--email", "worker@crash.test", "--days", "1")[-1]

    acknowledged = {}  # person id → last name
    lock = threading.Lock()
    counter = [0]

    def writer(base, stop):
        while not stop.is_set():
            with lock:
                counter[0] += 1
                name = f"Durable{counter[0]:06d}"
            try:
                status, body = call(base, token, "POST", "/api/v1/persons", {
                    "identity": {"last_name": name, "first_names": "Test",
                                 "birth_date": "1990-01-01", "nationality": "FRA"},
                    "sex_or_gender": "female", "administrative_status": "french"})
                if status == 201:
                    with lock:
                        acknowledged[body["id"]] = name
            except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError):
                # The server was killed during the request, or while its answer was being read
                # (IncompleteRead): not acknowledged.
                pass

    for round_number in range(1, args.rounds + 1):
        server, base = start_server()
        stop = threading.Event()
        threads = [threading.Thread(target=writer, args=(base, stop)) for _ in range(args.writers)]
        for t in threads:
            t.start()
        time.sleep(rng.uniform(0.3, 1.5))
        server.send_signal(signal.SIGKILL)  # no shutdown, no flush: a crash
        server.wait()
        stop.set()
        for t in threads:
            t.join()
        print(f"crash: round {round_number}: killed after {len(acknowledged)} acknowledged writes")

    server, base = start_server()
    lost = 0
    for pid, name in acknowledged.items():
        try:
            status, body = call(base, token, "GET", f"/api/v1/persons/{pid}")
            if status != 200 or body["identity"]["last_name"] != name:
                lost += 1
        except urllib.error.HTTPError:
            lost += 1
    server.terminate()
    server.wait()
    check = subprocess.run([args.bin, "check", "--db", db], env=env, text=True,
                           capture_output=True)
    print(check.stdout.strip())
    print(f"crash: {args.engine}: {args.rounds} kill -9, writes acknowledged {len(acknowledged)}, "
          f"lost {lost}")
    if args.figures:
        with open(args.figures, "a") as f:
            f.write(f"{args.engine}\tcrash durability: kill -9 rounds\t{args.rounds}\tchecked\n")
            f.write(f"{args.engine}\tcrash durability: writes acknowledged\t"
                    f"{len(acknowledged)}\tchecked\n")
            f.write(f"{args.engine}\tcrash durability: acknowledged writes lost\t{lost}\tbad\n")
            f.write(f"{args.engine}\tcrash durability: failed checks after restart\t"
                    f"{0 if check.returncode == 0 else 1}\tbad\n")
    ok = lost == 0 and check.returncode == 0 and len(acknowledged) > 0
    sys.exit(0 if ok else 1)
finally:
    if pg_name:
        subprocess.run(["psql", admin, "-qc", f"DROP DATABASE IF EXISTS {pg_name} WITH (FORCE)"])
    shutil.rmtree(work, ignore_errors=True)
