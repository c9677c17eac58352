"""A real `parcours serve` for the injection scanners (sqlmap_scan.py, wapiti_scan.py): a fresh
database on SQLite or on the throwaway PostgreSQL, accounts of every role that reaches records
(tokens from `parcours token create`, TOTP enrolled through the API for the roles that need it),
records seeded through the API, the route table from `parcours routes`, every path capture
filled with the id of a record that exists, and the server's access log (one line per request
with its status) to count the HTTP 500 answers."""
import base64
import hashlib
import hmac
import http.cookies
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
PASSWORD = "mot de passe du scan 2026"
# The built front-end, so that the scanners see the single-page app too (the server answers 503
# on its pages when it is not built).
WEB_ROOT = os.path.join(HERE, "..", "..", "web", "dist")
# Access log line written by the server: "<method> <route pattern> <status> <ms>ms rid=<id>".
ACCESS_LINE = re.compile(r"\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE|CONNECT|[A-Z]+) "
                         r"(\S+) (\d{3}) [0-9.]+ms rid=")
# The accounts the scans act as, tried in this order for each route (see Target.pick_token).
ROLES = [
    ("worker", "association_worker"),
    ("assoc_admin", "association_admin"),
    ("instructor", "prefecture_instructor"),
    ("signatory", "signatory"),
    ("member", "commission_member"),
    ("analyst", "analyst_national"),
    ("admin", "admin"),
]


def totp(secret, at=None):
    """RFC 6238 code (SHA-1, 6 digits, 30 s) for a base32 secret."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int((at or time.time()) // 30)),
                      hashlib.sha1).digest()
    offset = digest[-1] & 15
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def append_figures(path, engine, rows):
    """rows: (name, value, 'bad'|'checked'); the TSV read by tests/security/summary."""
    if not path:
        return
    with open(path, "a", encoding="utf-8") as f:
        for name, value, kind in rows:
            f.write(f"{engine}\t{name}\t{int(value)}\t{kind}\n")


class Target:
    def __init__(self, binary, engine, pg_state="", prefix="parcours-scan-"):
        self.binary = os.path.abspath(binary)
        self.engine = engine
        self.work = tempfile.mkdtemp(prefix=prefix)
        self.env = dict(os.environ, PARCOURS_KEYS_FILE=os.path.join(self.work, "parcours.keys"))
        self.pg_admin = None
        self.pg_name = None
        if engine == "sqlite":
            self.db = "sqlite:" + os.path.join(self.work, "parcours.db")
        else:
            with open(os.path.join(pg_state, "url")) as f:
                self.pg_admin = f.read().strip()
            self.pg_name = f"scan_{os.getpid()}"
            subprocess.run(["psql", self.pg_admin, "-qc", f"CREATE DATABASE {self.pg_name}"],
                           check=True)
            self.db = self.pg_admin.rsplit("/", 1)[0] + "/" + self.pg_name
        self.server = None
        self.base = None
        self.log_path = os.path.join(self.work, "server.log")
        self.tokens = {}
        self.ids = {}
        with open(os.path.join(HERE, "scan_examples.json"), encoding="utf-8") as f:
            self.examples = {k: v for k, v in json.load(f).items() if not k.startswith("_")}

    # ---- processes ----
    def cli(self, *argv, stdin=None):
        out = subprocess.run([self.binary, *argv, "--db", self.db], env=self.env, input=stdin,
                             text=True, capture_output=True)
        if out.returncode != 0:
            raise SystemExit(f"scan: parcours {argv[0]} failed: {out.stderr.strip()}")
        return out.stdout.strip().splitlines()

    def start(self):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        log = open(self.log_path, "a")
        self.server = subprocess.Popen(
            [self.binary, "serve", "--db", self.db, "--listen", f"127.0.0.1:{port}",
             "--web-root", os.environ.get("PARCOURS_WEB_ROOT", WEB_ROOT)],
            env=self.env, stdout=log, stderr=log)
        self.base = f"http://127.0.0.1:{port}"
        for _ in range(400):
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=1).read()
                return
            except Exception:
                if self.server.poll() is not None:
                    raise SystemExit("scan: the server did not start: " + self.tail_log())
                time.sleep(0.025)
        raise SystemExit("scan: the server did not answer /healthz")

    def tail_log(self):
        with open(self.log_path, errors="replace") as f:
            return "".join(f.readlines()[-20:])

    def close(self):
        if self.server and self.server.poll() is None:
            self.server.terminate()
            self.server.wait()
        if self.pg_name:
            subprocess.run(["psql", self.pg_admin, "-qc",
                            f"DROP DATABASE IF EXISTS {self.pg_name} WITH (FORCE)"],
                           capture_output=True)
        if not os.environ.get("PARCOURS_SCAN_KEEP"):
            shutil.rmtree(self.work, ignore_errors=True)

    # ---- access log ----
    def access_log(self):
        """[(method, route, status)] of every request answered so far."""
        with open(self.log_path, errors="replace") as f:
            return [(m.group(1), m.group(2), int(m.group(3)))
                    for m in (ACCESS_LINE.search(line) for line in f) if m]

    # ---- HTTP ----
    def call(self, method, path, token=None, body=None, headers=None, raw=None,
             content_type="application/json"):
        data = json.dumps(body).encode() if body is not None else None
        if raw is not None:
            data = raw.encode()
        h = {"Content-Type": content_type}
        if token:
            h["Authorization"] = "Bearer " + token
        h.update(headers or {})
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=h)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                raw = r.read()
                return r.status, (json.loads(raw) if raw and raw[:1] in b"[{" else None), r.headers
        except urllib.error.HTTPError as e:
            raw = e.read()
            return e.code, (json.loads(raw) if raw and raw[:1] in b"[{" else None), e.headers

    def must(self, expected, method, path, token, body=None):
        status, answer, _ = self.call(method, path, token, body)
        if status != expected:
            raise SystemExit(f"scan: seeding {method} {path} gave {status}: {answer}")
        return answer

    def login(self, email):
        """A browser session: (cookie header value, CSRF token)."""
        status, answer, headers = self.call("POST", "/api/v1/auth/login", body={
            "email": email, "password": PASSWORD})
        if status != 200:
            raise SystemExit(f"scan: login of {email} gave {status}: {answer}")
        cookie = http.cookies.SimpleCookie(headers.get("Set-Cookie"))
        name = next(iter(cookie))
        return f"{name}={cookie[name].value}", answer["csrf_token"]

    def enrol_totp(self, email):
        cookie, csrf = self.login(email)
        h = {"Cookie": cookie, "X-CSRF-Token": csrf}
        status, answer, _ = self.call("POST", "/api/v1/auth/totp/enrol", body={}, headers=h)
        if status != 200:
            raise SystemExit(f"scan: TOTP enrolment of {email} gave {status}: {answer}")
        status, answer, _ = self.call("POST", "/api/v1/auth/totp/confirm",
                                      body={"code": totp(answer["secret"])}, headers=h)
        if status != 200:
            raise SystemExit(f"scan: TOTP confirmation of {email} gave {status}: {answer}")

    # ---- seed ----
    def seed(self):
        """Accounts of every role and one record of each kind, through the CLI and the API."""
        self.cli("init")
        assoc = self.cli("association", "add", "--name", "Association du scan", "--departement",
                         "33", "--agrement-approved-on", "2026-01-05", "--agrement-arrete",
                         "Arrêté 2026-01")[-1]
        scope = {"association_worker": ["--association", assoc],
                 "association_admin": ["--association", assoc],
                 "prefecture_instructor": ["--departement", "33"],
                 "signatory": ["--departement", "33"],
                 "commission_member": ["--departement", "33"]}
        emails = {}
        for key, role in ROLES + [("victim", "association_worker")]:
            emails[key] = f"{key.replace('_', '-')}@scan.test"
            out = self.cli("user", "add", "--email", emails[key], "--role", role,
                           *scope.get(role, []), "--password-stdin", stdin=PASSWORD + "\n")
            if key == "victim":  # the account the /users/{id} routes act on
                self.ids["users"] = re.search(r"user (\d+) created", out[0]).group(1)
        self.start()
        for key in ("signatory", "admin"):
            self.enrol_totp(emails[key])
        for key, _ in ROLES:
            self.tokens[key] = self.cli("token", "create", "--email", emails[key],
                                        "--days", "2", "--label", "scan")[-1]
        w, i, s = self.tokens["worker"], self.tokens["instructor"], self.tokens["signatory"]
        today = date.today().isoformat()
        person = json.loads(json.dumps(self.examples["POST /api/v1/persons"]["body"]))
        document = self.examples["PUT /api/v1/parcours/(\\d+)/document"]["body"]
        demande = self.examples["POST /api/v1/parcours/(\\d+)/demandes"]["body"]
        parcours = []
        for n in range(2):
            person["identity"]["last_name"] = f"Seed{n}"
            p = self.must(201, "POST", "/api/v1/persons", w, person)["id"]
            pc = self.must(201, "POST", "/api/v1/parcours", w, {"person_id": p})["id"]
            self.must(201, "PUT", f"/api/v1/parcours/{pc}/document", w, document)
            d = self.must(201, "POST", f"/api/v1/parcours/{pc}/demandes", w, demande)["id"]
            parcours.append((p, pc, d))
        (p1, pc1, d1), (_, _, d2) = parcours
        afis = self.must(201, "POST", f"/api/v1/parcours/{pc1}/afis", w,
                         self.examples["POST /api/v1/parcours/(\\d+)/afis"]["body"])["id"]
        self.must(200, "POST", f"/api/v1/demandes/{d2}/submit", w, {})
        commission = self.must(201, "POST", "/api/v1/commissions", i,
                               {"departement": "33", "installed_on": "2026-01-05"})["id"]
        self.must(201, "POST", f"/api/v1/commissions/{commission}/members", i,
                  self.examples["POST /api/v1/commissions/(\\d+)/members"]["body"])
        member = self.must(200, "GET", f"/api/v1/commissions/{commission}", i)["members"][0]["id"]
        seance = self.must(201, "POST", f"/api/v1/commissions/{commission}/seances", i, {
            "date": today, "place": "Préfecture", "convocation_sent_on": today})["id"]
        sp = f"/api/v1/seances/{seance}"
        self.must(200, "POST", sp + "/agenda", i, {"demande_id": d2})
        self.must(200, "PUT", sp + "/attendance", i,
                  {"entries": [{"member_id": member, "status": "present"}]})
        self.must(200, "POST", sp + "/avis", i, {
            "demande_id": d2, "outcome": "defavorable", "reasons": "Motifs",
            "votes": [{"member_id": member, "vote": "contre"}]})
        decision = self.must(201, "POST", f"/api/v1/demandes/{d2}/decisions", s,
                             {"outcome": "refuse", "reasons": "Motifs écrits"})["id"]
        appeal = self.must(201, "POST", f"/api/v1/decisions/{decision}/appeals", s,
                           {"kind": "gracieux", "filed_on": today})["appeals"][0]["id"]
        partner = self.must(201, "POST", "/api/v1/partners", i,
                            self.examples["POST /api/v1/partners"]["body"])["id"]
        agrements = self.must(200, "GET", f"/api/v1/associations/{assoc}/agrements", i)
        self.ids.update({
            "associations": assoc, "persons": p1, "parcours": pc1, "demandes": d1,
            "tabled": d2, "afis": afis, "commissions": commission, "members": member,
            "seances": seance, "decisions": decision, "appeals": appeal, "partners": partner,
            "agrements": agrements["items"][0]["id"], "departements": "33", "public": "fr"})
        self.ids = {k: str(v) for k, v in self.ids.items()}
        self.ids["today"] = today

    # ---- routes ----
    def routes(self):
        out = subprocess.run([self.binary, "routes"], env=self.env, text=True,
                             capture_output=True, check=True)
        return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]

    def path(self, pattern, marker=""):
        """The route's path with each capture replaced by an existing id (then `marker`)."""
        resource = pattern.split("/")[3] if pattern.startswith("/api/v1/") else ""
        first = [True]

        def fill(_):
            key = resource if first[0] else "tabled"  # a second capture: the tabled demande
            first[0] = False
            return self.ids[key] + marker

        return re.sub(r"\((?:[^()\\]|\\.)*\)", fill, pattern).replace("\\", "")

    def example(self, route):
        """The route's example request: {"query", "body" (JSON or None), "raw" (text body or
        None), "content_type", "has_example"}, with {placeholders} filled."""
        ex = self.examples.get(f"{route['method']} {route['pattern']}")
        text = json.dumps(ex or {})
        for key, value in self.ids.items():
            text = text.replace('"{' + key + '}"', value if value.isdigit() else json.dumps(value))
        filled = json.loads(text)
        out = {"query": filled.get("query", {}), "body": None, "raw": None,
               "content_type": filled.get("content_type", "application/json"),
               "has_example": ex is not None}
        if "raw_from" in filled:
            for key, _ in ROLES:
                status, raw = self.fetch(filled["raw_from"], self.tokens[key])
                if status == 200:
                    out["raw"] = raw
                    break
        elif route["body"]:
            out["body"] = filled.get("body", {})
        return out

    def fetch(self, path, token):
        req = urllib.request.Request(self.base + path, headers={"Authorization": "Bearer " + token})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.read().decode("utf-8-sig", errors="replace")
        except urllib.error.HTTPError as e:
            return e.code, ""

    def pick_token(self, route, path, ex):
        """The first account whose example request passes authentication and the policy (not
        401, 403 nor 404), so that the injected values reach the handler's queries."""
        url = path + ("?" + urllib.parse.urlencode(ex["query"]) if ex["query"] else "")
        status = 0
        for key, _ in ROLES:
            if ex["raw"] is not None:
                status, _, _ = self.call(route["method"], url, self.tokens[key],
                                         raw=ex["raw"], content_type=ex["content_type"])
            else:
                status, _, _ = self.call(route["method"], url, self.tokens[key], ex["body"])
            if status not in (401, 403, 404):
                return key, status
        return ROLES[0][0], status
