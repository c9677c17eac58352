#!/usr/bin/env python3
"""sqlmap against every route with parameters (path captures, query strings, JSON and CSV
bodies) of the real route table (`parcours routes`), authenticated with an API token, on a real
`parcours serve` over SQLite or PostgreSQL (scan_target.py seeds it).

  sqlmap_scan.py --bin build/parcours --engine sqlite|postgresql [--pg-state DIR]
                 [--long] [--figures FILE] [--jobs 2]

Every value is marked with sqlmap's custom injection marker `*`; each route is sent as the
account that passes the policy with its example (scan_target.py), and the targets are handed to
--jobs sqlmap processes as proxy logs (-l). sqlmap's exit code is always 0, so the verdict comes
from its output folders: it writes `<host>/log` only with the injection points it confirmed, so
every "Parameter:" there is an injectable parameter. The server's access log counts the HTTP 500
answers during the scans. The short run (make test) is level 1, risk 1, the boolean-based blind
technique (it needs no error message nor reflected output) with the engine's own payloads; the
long one (make test-long) level 2, risk 2, every technique, every DBMS (~1,000 requests a
parameter).

A canary runs first (sqlmap_canary.py): an endpoint injectable on purpose, scanned with the same
options, must be found, so that a 0 here means something.

Exits 1 when the canary is missed, a parameter is injectable, an answer was a 500, or a sqlmap
run failed or skipped a target."""
import argparse
import json
import os
import subprocess
import sys
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from scan_target import Target, append_figures  # noqa: E402
from sqlmap_canary import Canary  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--bin", required=True)
parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
parser.add_argument("--pg-state", default="")
parser.add_argument("--long", action="store_true")
parser.add_argument("--figures", default=os.environ.get("PARCOURS_FIGURES", ""))
parser.add_argument("--jobs", type=int, default=2)
parser.add_argument("--only", default="", help="scan only the patterns containing this text")
args = parser.parse_args()

ORDER = {"GET": 0, "POST": 1, "PUT": 1, "PATCH": 1, "DELETE": 2}  # deletions last


def marked_json(value):
    """JSON text with sqlmap's marker after every string and number."""
    if isinstance(value, dict):
        return "{" + ", ".join(json.dumps(k) + ": " + marked_json(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(marked_json(v) for v in value) + "]"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (int, float)):
        return json.dumps(value) + "*"
    return json.dumps(value)[:-1] + '*"'


def marked_csv(text):
    """The CSV with the marker after every field of every data line (the header kept)."""
    lines = text.splitlines()
    return "\n".join(lines[:1] + [";".join(f + "*" for f in line.split(";"))
                                  for line in lines[1:] if line.strip()]) + "\n"


def targets(t):
    out = []
    for route in sorted(t.routes(), key=lambda r: ORDER.get(r["method"], 1)):
        if args.only and args.only not in route["pattern"]:
            continue
        ex = t.example(route)
        path = t.path(route["pattern"])
        query = "&".join(f"{urllib.parse.quote(k)}={urllib.parse.quote(str(v))}*"
                         for k, v in ex["query"].items())
        data = None
        if ex["raw"] is not None:
            data = marked_csv(ex["raw"])
        elif ex["body"]:
            data = marked_json(ex["body"])
        markers = t.path(route["pattern"], "*").count("*") + query.count("*") + \
            (data or "").count("*")
        if markers == 0:
            continue  # nothing to inject: no capture, no query, no body
        token, _ = t.pick_token(route, path, ex)
        url = t.base + t.path(route["pattern"], "*") + ("?" + query if query else "")
        out.append({"route": route, "url": url, "data": data, "token": token,
                    "content_type": ex["content_type"], "markers": markers,
                    "has_example": ex["has_example"] or not (route["body"] or ex["query"])})
    return out


def chunked(todo):
    """Rounds of at most --jobs chunks, one sqlmap process each. sqlmap drops a request from
    its list when another has the same URL and body whatever the method (GET and DELETE
    /partners/1): such a request goes to a later round, which also runs deletions last."""
    rounds = []
    for target in todo:
        key = (target["url"], target["data"])
        for chunks in rounds:
            free = [c for c in chunks if key not in c["keys"]]
            if len(chunks) < args.jobs:
                free.append({"keys": set(), "targets": []})
                chunks.append(free[-1])
            if free:
                chunk = min(free, key=lambda c: len(c["targets"]))
                break
        else:
            chunk = {"keys": set(), "targets": []}
            rounds.append([chunk])
        chunk["keys"].add(key)
        chunk["targets"].append(target)
    return [[c["targets"] for c in chunks] for chunks in rounds]


def request_text(t, target):
    """One request in the proxy-log format that sqlmap reads with -l."""
    split = urllib.parse.urlsplit(target["url"])
    path = split.path + ("?" + split.query if split.query else "")
    lines = [f"{target['route']['method']} {path} HTTP/1.1", f"Host: {split.netloc}"]
    if target["token"]:
        lines.append("Authorization: Bearer " + t.tokens[target["token"]])
    lines += ["Content-Type: " + target["content_type"], ""]
    body = target["data"] if target["data"] is not None else ""
    return "=" * 54 + "\n" + "\n".join(lines) + "\n" + body + "\n" + "=" * 54 + "\n\n"


def scan(t, n, chunk, root):
    """One sqlmap process for a chunk of targets (its start-up and checks cost ~1 s each)."""
    out_dir = os.path.join(root, f"{n:02d}")
    os.makedirs(out_dir, exist_ok=True)
    requests = os.path.join(out_dir, "requests.log")
    with open(requests, "w", encoding="utf-8") as f:
        f.write("".join(request_text(t, target) for target in chunk))
    cmd = ["sqlmap", "-l", requests, "--batch", "--disable-coloring", "--flush-session",
           "--skip-waf", "--ignore-stdin", "--output-dir", out_dir, "--timeout", "15",
           "--retries", "1", "--threads", "2"]
    if args.long:
        cmd += ["--level", "2", "--risk", "2", "--technique", "BEUSTQ"]
    else:
        cmd += ["--level", "1", "--risk", "1", "--technique", "B",
                "--dbms", "SQLite" if args.engine == "sqlite" else "PostgreSQL"]
    run = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    with open(os.path.join(out_dir, "stdout.txt"), "w") as f:
        f.write(run.stdout + run.stderr)
    # The verdict: sqlmap writes an injection point it confirmed into <host>/log, and nothing
    # else there; its exit code is 0 either way.
    findings = []
    for host in os.listdir(out_dir):
        log = os.path.join(out_dir, host, "log")
        if os.path.isfile(log) and os.path.getsize(log) > 0:
            findings.append(open(log, errors="replace").read())
    tested = run.stdout.count("[INFO] testing URL ")
    critical = [line for line in run.stdout.splitlines() if "[CRITICAL]" in line and
                ("connect" in line or "timed out" in line or "unable" in line)]
    return {"chunk": chunk, "findings": findings, "tested": tested, "stdout": run.stdout,
            "failed": run.returncode != 0 or bool(critical) or tested != len(chunk)}


def main():
    t = Target(args.bin, args.engine, args.pg_state, prefix="parcours-sqlmap-")
    try:
        t.seed()
        todo = targets(t)
        root = os.path.join(t.work, "sqlmap")
        before = len(t.access_log())
        started = time.time()
        with Canary() as canary:
            found = scan(t, 99, [{"route": {"method": "POST"}, "url": canary.url,
                                  "data": '{"name": "Alpha*"}', "token": None,
                                  "content_type": "application/json"}], root)
        canary_found = sum(f.count("Parameter: ") for f in found["findings"])
        print(f"sqlmap: canary (an injectable endpoint, same options): {canary_found} found")
        results = []
        for n, rounds in enumerate(chunked(todo)):
            with ThreadPoolExecutor(max_workers=args.jobs) as pool:
                results += pool.map(lambda nc: scan(t, n * args.jobs + nc[0], nc[1], root),
                                    enumerate(rounds))
        elapsed = time.time() - started
        log = t.access_log()
        during = log[before:]
        errors = [line for line in log if line[2] == 500]
        findings = [f for r in results for f in r["findings"]]
        injectable = sum(f.count("Parameter: ") for f in findings)
        failed = [r for r in results if r["failed"]]
        for finding in findings:
            print("sqlmap: INJECTABLE:\n" + finding)
        for r in failed:
            print(f"sqlmap: sqlmap failed ({r['tested']} of {len(r['chunk'])} targets tested):\n"
                  + r["stdout"][-3000:])
        for method, route, status in errors:
            print(f"sqlmap: HTTP {status} on {method} {route}")
        no_example = [tr["route"] for tr in todo if not tr["has_example"]]
        for route in no_example:
            print(f"sqlmap: no example in scan_examples.json for {route['method']} "
                  f"{route['pattern']}: its body is not scanned")
        print(f"sqlmap: {args.engine}: {len(todo)} targets, "
              f"{sum(tr['markers'] for tr in todo)} parameters, {len(during)} requests in "
              f"{elapsed:.0f} s, {injectable} injectable parameters, {len(errors)} HTTP 500")
        append_figures(args.figures, args.engine, [
            ("sqlmap targets (routes with parameters)", len(todo), "checked"),
            ("sqlmap parameters tested", sum(tr["markers"] for tr in todo), "checked"),
            ("sqlmap routes with a body but no example", len(no_example), "checked"),
            ("sqlmap requests", len(during), "checked"),
            ("sqlmap canary missed (an endpoint injectable on purpose)", canary_found == 0, "bad"),
            ("sqlmap injectable parameters", injectable, "bad"),
            ("sqlmap runs failed", len(failed), "bad"),
            ("HTTP 500 during sqlmap scans", len(errors), "bad"),
        ])
        ok = canary_found > 0 and injectable == 0 and not failed and not errors and len(todo) > 0
        return 0 if ok else 1
    finally:
        if os.environ.get("PARCOURS_SCAN_KEEP"):
            print("sqlmap: kept " + t.work)
        t.close()


if __name__ == "__main__":
    sys.exit(main())
