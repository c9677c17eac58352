#!/usr/bin/env python3
"""Disk full: a real `parcours serve` whose database can no longer grow must refuse writes with
503 « rien n'a été enregistré », keep nothing of them, keep serving reads, and write again once
space is back; `parcours check` passes throughout.

The failure is real, not mocked: a file-size limit (RLIMIT_FSIZE, set with prlimit on the running
process) just above the database's current files, so that extending a file fails with EFBIG.
SQLite: the limit is on the parcours server (which ignores SIGXFSZ), and the WAL stops growing.
PostgreSQL: the limit is on a private postmaster (PostgreSQL ignores SIGXFSZ), initialised with
1 MiB WAL segments so that the limit can sit low; a table file stops growing.

  disk_full.py --bin build/parcours --engine sqlite|postgresql [--figures FILE]

Prints the writes refused and the faults; exits 1 on any fault."""
import argparse
import json
import os
import resource
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--bin", required=True)
parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
parser.add_argument("--pg-state", default="", help="unused: this test runs its own PostgreSQL")
parser.add_argument("--figures", default=os.environ.get("PARCOURS_FIGURES", ""))
parser.add_argument("--margin-kib", type=int, default=256)
args = parser.parse_args()

PG_BIN = "/usr/lib/postgresql/15/bin"
UNLIMITED = resource.RLIM_INFINITY
work = tempfile.mkdtemp(prefix="parcours-diskfull-")
keys = os.path.join(work, "parcours.keys")
env = dict(os.environ, PARCOURS_KEYS_FILE=keys)
faults = []  # every way this run went wrong, printed at the end


def fault(text):
    faults.append(text)
    print("disk-full: FAULT: " + text)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_postgres(argv, check=True):
    if os.getuid() == 0:
        argv = ["runuser", "-u", "postgres", "--", *argv]
    return subprocess.run(argv, check=check, capture_output=True, text=True)


class Sqlite:
    def __init__(self):
        self.path = os.path.join(work, "parcours.db")
        self.url = "sqlite:" + self.path

    def files(self):
        return [p for p in (self.path, self.path + "-wal") if os.path.exists(p)]

    def limited_pids(self, server_pid):
        return [server_pid]

    def counts(self):
        db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
        try:
            tables = [r[0] for r in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
            return {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        finally:
            db.close()

    def stop(self):
        pass


class Postgres:
    """A private cluster: the file-size limit must not touch the shared test server."""

    def __init__(self):
        self.data = tempfile.mkdtemp(prefix="parcours-pgfull-", dir="/tmp")
        os.chmod(self.data, 0o755)
        if os.getuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
        self.pgdata = os.path.join(self.data, "pgdata")
        port = free_port()
        as_postgres([f"{PG_BIN}/initdb", "-D", self.pgdata, "-U", "postgres", "-A", "trust",
                     "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--wal-segsize=1"])
        as_postgres([f"{PG_BIN}/pg_ctl", "-D", self.pgdata, "-l",
                     os.path.join(self.data, "server.log"), "-w", "-t", "60", "start", "-o",
                     f"-p {port} -k {self.pgdata} -c listen_addresses=127.0.0.1 -c fsync=off "
                     "-c full_page_writes=off -c max_connections=50 -c autovacuum=off"])
        self.admin = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        subprocess.run(["psql", self.admin, "-qc", "CREATE DATABASE parcours_full"], check=True)
        self.url = f"postgresql://postgres@127.0.0.1:{port}/parcours_full"
        with open(os.path.join(self.pgdata, "postmaster.pid")) as f:
            self.postmaster = int(f.readline())

    def files(self):
        out = []
        for sub in ("base", "global", "pg_wal"):
            for root, _, names in os.walk(os.path.join(self.pgdata, sub)):
                out += [os.path.join(root, n) for n in names]
        return out

    def limited_pids(self, server_pid):
        # The postmaster and every backend it has forked (new ones inherit its limit).
        pids = [self.postmaster]
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as f:
                        ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                if ppid == self.postmaster:
                    pids.append(int(entry))
        return pids

    def counts(self):
        tables = subprocess.run(
            ["psql", self.url, "-Atc", "SELECT tablename FROM pg_tables "
             "WHERE schemaname = 'public' ORDER BY tablename"],
            check=True, capture_output=True, text=True).stdout.split()
        query = " UNION ALL ".join(f"SELECT '{t}', COUNT(*) FROM \"{t}\"" for t in tables)
        rows = subprocess.run(["psql", self.url, "-AtF", "\t", "-c", query], check=True,
                              capture_output=True, text=True).stdout.splitlines()
        return {name: int(n) for name, n in (r.split("\t") for r in rows)}

    def stop(self):
        as_postgres([f"{PG_BIN}/pg_ctl", "-D", self.pgdata, "-m", "immediate", "-w", "stop"],
                    check=False)
        shutil.rmtree(self.data, ignore_errors=True)


def cli(db, *argv, stdin=None):
    out = subprocess.run([args.bin, *argv, "--db", db.url], env=env, input=stdin, text=True,
                         capture_output=True)
    if out.returncode != 0:
        raise SystemExit(f"disk-full: parcours {' '.join(argv)} failed: {out.stderr}")
    return out.stdout.strip().splitlines()


def start_server(db):
    port = free_port()
    log = open(os.path.join(work, "server.log"), "a")
    proc = subprocess.Popen([args.bin, "serve", "--db", db.url, "--listen", f"127.0.0.1:{port}"],
                            env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(400):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()
            return proc, base
        except Exception:
            if proc.poll() is not None:
                raise SystemExit("disk-full: the server did not start: see " + log.name)
            time.sleep(0.025)
    raise SystemExit("disk-full: the server did not answer /healthz")


def call(base, token, method, path, body=None):
    """(status, json body, headers); never raises for an HTTP status."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read() or b"null"), dict(r.headers)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            parsed = json.loads(raw or b"null")
        except ValueError:
            parsed = {"raw": raw.decode(errors="replace")}
        return e.code, parsed, dict(e.headers)


def set_limit(pids, limit):
    """The soft limit only, so that lifting it again needs no privilege. PostgreSQL's processes
    belong to another user: the limit is set as that user (no CAP_SYS_RESOURCE needed)."""
    soft = "unlimited" if limit == UNLIMITED else str(limit)
    for pid in pids:
        if args.engine == "postgresql":
            as_postgres(["prlimit", "--pid", str(pid), f"--fsize={soft}:unlimited"], check=False)
            continue
        try:
            resource.prlimit(pid, resource.RLIMIT_FSIZE, (limit, UNLIMITED))
        except ProcessLookupError:
            pass


counter = [0]


def new_person(base, token):
    counter[0] += 1
    return call(base, token, "POST", "/api/v1/persons", {
        "identity": {"last_name": f"Plein{counter[0]:06d}", "first_names": "Test",
                     "birth_date": "1990-01-01", "nationality": "FRA"},
        "sex_or_gender": "female", "administrative_status": "french"})


def check_passes(db, when):
    check = subprocess.run([args.bin, "check", "--db", db.url], env=env, text=True,
                           capture_output=True)
    if check.returncode != 0:
        fault(f"parcours check fails {when}: {check.stdout.strip()} {check.stderr.strip()}")
    return check.returncode == 0


db = None
server = None
refused = 0
half_written = 0
internal_errors = 0
try:
    db = Sqlite() if args.engine == "sqlite" else Postgres()
    cli(db, "init")
    association = cli(db, "association", "add", "--name", "Association de test",
                      "--departement", "33", "--agrement-approved-on", "2026-01-05",
                      "--agrement-arrete", "Arrêté 2026-01")[-1]
    cli(db, "user", "add", "--email", "worker@full.test", "--role", "association_worker",
        "--association", association, "--password-stdin", stdin="mot de passe du test 2026\n")
    token = cli(db, "token", "create", "--email", "worker@full.test", "--days", "1")[-1]

    # PostgreSQL: the limit goes on the postmaster before the server connects, so that the
    # server's backends inherit it. SQLite: on the server itself, once it has started.
    largest = max(os.path.getsize(p) for p in db.files())
    limit = max(largest, 1 << 20) + args.margin_kib * 1024
    if args.engine == "postgresql":
        set_limit(db.limited_pids(None), limit)
    server, base = start_server(db)
    status, first, _ = new_person(base, token)
    if status != 201:
        raise SystemExit(f"disk-full: a write before the limit answered {status}: {first}")
    known_person = first["id"]
    if args.engine == "sqlite":
        set_limit(db.limited_pids(server.pid), limit)
    print(f"disk-full: {args.engine}: files limited to {limit} bytes (largest was {largest})")

    # Fill until the storage refuses.
    accepted = 0
    refusal = None
    for _ in range(20000):
        status, body, headers = new_person(base, token)
        if status == 201:
            accepted += 1
        elif status == 503:
            refusal = (body, headers)
            refused += 1
            break
        else:
            internal_errors += status >= 500
            fault(f"while filling: {status} {body}")
            break
    if refusal is None:
        raise SystemExit(f"disk-full: no write was refused after {accepted} accepted")
    print(f"disk-full: {accepted} writes accepted, then the first 503")
    body, headers = refusal
    message = body.get("error", {}).get("message", "")
    if body.get("error", {}).get("code") != "unavailable" or "rien n'a été enregistré" not in message:
        fault(f"the 503 does not say that nothing was recorded: {body}")
    if "Retry-After" not in headers:
        fault("the 503 has no Retry-After header")

    # While full: every write is refused whole, a bad input is still a 4xx.
    for attempt in range(10):
        before = db.counts()
        status, body, _ = new_person(base, token)
        after = db.counts()
        if status == 503:
            refused += 1
            if after != before:
                half_written += 1
                changed = {t: (before.get(t), after.get(t)) for t in after
                           if before.get(t) != after.get(t)}
                fault(f"a refused write left rows behind: {changed}")
        elif status >= 500:
            internal_errors += 1
            fault(f"a write while full answered {status}: {body}")
        elif status == 201:
            print("disk-full: a write fitted in the space left (accepted, complete)")
        else:
            fault(f"a write while full answered {status}: {body}")
    status, body, _ = call(base, token, "POST", "/api/v1/persons", {"identity": {}})
    if status != 422:
        internal_errors += status >= 500
        fault(f"a bad input while full answered {status}, not 422: {body}")

    # Reads go on. Reads of a person's file are audited: without room for the audit row they are
    # refused (503, fail closed) or served, never a 500.
    for path in ("/healthz", "/api/v1/me", "/api/v1/departements"):
        status, body, _ = call(base, token, "GET", path)
        if status != 200:
            fault(f"GET {path} while full answered {status}: {body}")
    status, body, _ = call(base, token, "GET", f"/api/v1/persons/{known_person}")
    if status not in (200, 503):
        internal_errors += status >= 500
        fault(f"an audited read while full answered {status}: {body}")
    print(f"disk-full: audited read of a person's file while full: {status}")
    check_passes(db, "while the disk is full")

    # Space comes back: writes work again, without a restart.
    set_limit(db.limited_pids(server.pid), UNLIMITED)
    before = db.counts()
    status, body, _ = new_person(base, token)
    if status != 201:
        fault(f"a write after the space came back answered {status}: {body}")
    elif db.counts().get("persons", 0) != before.get("persons", 0) + 1:
        fault("the write after the space came back is not in the database")
    server.send_signal(signal.SIGTERM)
    server.wait(timeout=30)
    server = None
    check_passes(db, "at the end")

    print(f"disk-full: {args.engine}: writes refused with 503 {refused}, half-written "
          f"{half_written}, 500s {internal_errors}, faults {len(faults)}")
    if args.figures:
        with open(args.figures, "a") as f:
            f.write(f"{args.engine}\tdisk-full writes refused with 503\t{refused}\tchecked\n")
            f.write(f"{args.engine}\tdisk-full half-written or 500\t"
                    f"{half_written + internal_errors}\tbad\n")
    sys.exit(0 if not faults and refused > 0 else 1)
finally:
    if server is not None:
        server.kill()
        server.wait()
    if db is not None:
        db.stop()
    shutil.rmtree(work, ignore_errors=True)
