"""A deliberately injectable endpoint (a JSON body value pasted into SQLite's SQL), scanned by
sqlmap_scan.py with the very options of the real scan before it: if sqlmap, its options or the
way its output folder is read stopped finding injections, the real scan's 0 would mean nothing,
so the run fails when the canary is not found."""
import http.server
import json
import sqlite3
import threading


class _Handler(http.server.BaseHTTPRequestHandler):
    db = None
    lock = threading.Lock()

    def do_POST(self):  # noqa: N802 (http.server's naming)
        try:
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or "{}")
            with self.lock:
                # The flaw on purpose: the value is pasted into the SQL text.
                rows = self.db.execute(
                    "SELECT name FROM partners WHERE name = '%s'" % body.get("name", "")).fetchall()
            status, answer = 200, {"items": [r[0] for r in rows]}
        except Exception:  # a broken statement: a refusal, as a careful API would answer
            status, answer = 422, {"error": {"code": "validation_failed"}}
        out = json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(out)))
        self.end_headers()
        self.wfile.write(out)

    def log_message(self, *_):
        pass


class Canary:
    """with Canary() as c: c.url is the injectable endpoint (POST {"name": "..."})."""

    def __enter__(self):
        db = sqlite3.connect(":memory:", check_same_thread=False)
        db.execute("CREATE TABLE partners (id INTEGER, name TEXT)")
        db.executemany("INSERT INTO partners VALUES (?, ?)", [(1, "Alpha"), (2, "Beta")])
        _Handler.db = db
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/v1/canary"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_):
        self.server.shutdown()
        self.server.server_close()
