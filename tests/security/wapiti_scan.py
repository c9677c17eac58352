#!/usr/bin/env python3
"""wapiti against a running `parcours serve` with a logged-in browser session (session cookie and
CSRF header of an association worker), over SQLite or PostgreSQL (scan_target.py seeds it).

  wapiti_scan.py --bin build/parcours --engine sqlite|postgresql [--pg-state DIR]
                 [--long] [--figures FILE]

The API answers JSON and the front-end is a single-page app, so wapiti's crawler finds no links
by itself: it starts from the front-end's page and from every GET route of the route table
(`parcours routes`), its captures filled with existing ids and its example query string
(scan_examples.json), and attacks those query parameters. The short run (make test) uses the
injection modules (sql, exec, file, xss, crlf); the long one (make test-long) every module that
needs no outside server. The verdict: no HTTP 500 in the server's access log during the scan, and
no vulnerability of an injection class in wapiti's JSON report."""
import argparse
import json
import os
import subprocess
import sys
import time
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from scan_target import Target, append_figures  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--bin", required=True)
parser.add_argument("--engine", choices=["sqlite", "postgresql"], default="sqlite")
parser.add_argument("--pg-state", default="")
parser.add_argument("--long", action="store_true")
parser.add_argument("--figures", default=os.environ.get("PARCOURS_FIGURES", ""))
args = parser.parse_args()

SHORT_MODULES = "sql,exec,file,xss,crlf"
# Every module but those that call a server outside (ssrf) or download data (wapp).
LONG_MODULES = "all,-ssrf,-wapp"
# wapiti's names of the findings that are an injection (the NAME of its attack modules).
INJECTION_CLASSES = {
    "SQL Injection", "Blind SQL Injection", "Command execution", "Path Traversal",
    "Cross Site Scripting", "CRLF Injection", "XML External Entity",
    "Server Side Request Forgery", "Open Redirect",
}


def start_urls(t):
    urls = [t.base + "/"]
    for route in t.routes():
        if route["method"] != "GET":
            continue
        ex = t.example(route)
        query = urllib.parse.urlencode(ex["query"])
        urls.append(t.base + t.path(route["pattern"]) + ("?" + query if query else ""))
    return urls


def best_session(t, urls):
    """The account (among those that log in without a second factor) whose session reaches the
    most start URLs past the policy: wapiti sends one session's cookie on every request."""
    reach = {}
    for key in ("worker", "assoc_admin", "instructor", "member", "analyst"):
        reach[key] = sum(t.fetch(url[len(t.base):], t.tokens[key])[0] not in (401, 403, 404)
                         for url in urls)
    key = max(reach, key=reach.get)
    print(f"wapiti: session of {key} ({reach[key]} of {len(urls)} start URLs reached)")
    return key


def main():
    t = Target(args.bin, args.engine, args.pg_state, prefix="parcours-wapiti-")
    try:
        t.seed()
        urls = start_urls(t)
        cookie, csrf = t.login(f"{best_session(t, urls).replace('_', '-')}@scan.test")
        report = os.path.join(t.work, "wapiti.json")
        # No -x: Debian's wapiti 3.0.4 crashes on it under Python 3.11 (a regex flag); the
        # session cannot be lost anyway: logout is a POST, and wapiti sends only GETs here.
        cmd = ["wapiti", "-u", t.base + "/", "--scope", "folder", "-f", "json", "-o", report,
               "-H", "Cookie: " + cookie, "-H", "X-CSRF-Token: " + csrf,
               "--flush-session", "--store-session",
               os.path.join(t.work, "wapiti-session"), "--store-config",
               os.path.join(t.work, "wapiti-config"), "--verify-ssl", "0", "--no-bugreport",
               "-t", "15", "-v", "1", "-m", LONG_MODULES if args.long else SHORT_MODULES]
        if not args.long:
            cmd += ["-d", "1", "--max-attack-time", "60"]
        for url in urls[1:]:
            cmd += ["-s", url]
        before = len(t.access_log())
        started = time.time()
        run = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                             env=dict(os.environ, HOME=t.work))
        elapsed = time.time() - started
        with open(os.path.join(t.work, "wapiti.out"), "w") as f:
            f.write(run.stdout + run.stderr)
        if run.returncode != 0 or not os.path.isfile(report):
            print(run.stdout[-3000:] + run.stderr[-3000:])
            print(f"wapiti: {args.engine}: wapiti failed (exit {run.returncode})")
            append_figures(args.figures, args.engine, [("wapiti runs failed", 1, "bad")])
            return 1
        with open(report, encoding="utf-8") as f:
            found = json.load(f)
        vulns = {name: items for name, items in found.get("vulnerabilities", {}).items() if items}
        anomalies = {name: items for name, items in found.get("anomalies", {}).items() if items}
        injections = sum(len(items) for name, items in vulns.items() if name in INJECTION_CLASSES)
        during = t.access_log()[before:]
        errors = [line for line in during if line[2] == 500]
        for name, items in vulns.items():
            tag = "INJECTION" if name in INJECTION_CLASSES else "note"
            for item in items:
                print(f"wapiti: {tag}: {name}: {item.get('method')} {item.get('path')} "
                      f"{item.get('parameter', '')}: {item.get('info', '')}")
        for name, items in anomalies.items():
            for item in items:
                print(f"wapiti: anomaly: {name}: {item.get('method')} {item.get('path')} "
                      f"{item.get('parameter', '')}")
        for method, route, status in (line for line in during if line[2] >= 500):
            print(f"wapiti: HTTP {status} on {method} {route}")
        print(f"wapiti: {args.engine}: {len(urls)} start URLs, {len(during)} requests in "
              f"{elapsed:.0f} s, {injections} injection findings, "
              f"{sum(map(len, vulns.values())) - injections} other notes, "
              f"{sum(map(len, anomalies.values()))} anomalies, {len(errors)} HTTP 500")
        append_figures(args.figures, args.engine, [
            ("wapiti start URLs", len(urls), "checked"),
            ("wapiti requests", len(during), "checked"),
            ("wapiti injection findings", injections, "bad"),
            ("HTTP 500 during wapiti scan", len(errors), "bad"),
        ])
        return 0 if injections == 0 and not errors and len(during) > len(urls) else 1
    finally:
        if os.environ.get("PARCOURS_SCAN_KEEP"):
            print("wapiti: kept " + t.work)
        t.close()


if __name__ == "__main__":
    sys.exit(main())
