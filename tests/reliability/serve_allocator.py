#!/usr/bin/env python3
"""`parcours serve` runs without glibc's per-thread caches of freed memory (tcache), which held
12 MB and kept growing with one thread per keep-alive connection (the soak test's RSS growth):
it starts itself again, under the same process id, with GLIBC_TUNABLES turning them off, and
keeps an operator's own tcache setting and other tunables.

  serve_allocator.py --bin build/parcours

Exits 1 when a served process's environment is not the expected one."""
import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--bin", required=True)
args = parser.parse_args()

work = tempfile.mkdtemp(prefix="parcours-allocator-")
base_env = {k: v for k, v in os.environ.items() if k != "GLIBC_TUNABLES"}
base_env["PARCOURS_KEYS_FILE"] = os.path.join(work, "parcours.keys")
db = "sqlite:" + os.path.join(work, "parcours.db")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def served_tunables(tunables):
    """Starts serve with GLIBC_TUNABLES = `tunables` (None: unset), waits for /healthz from the
    process it started, and returns (the tunables the serving process was started with, whether
    that process is the server). glibc cuts the variable at each ':' in place when it reads it,
    hence the raw environment block, NULs read as ':'."""
    env = dict(base_env)
    if tunables is not None:
        env["GLIBC_TUNABLES"] = tunables
    port = free_port()
    log = open(os.path.join(work, "server.log"), "a")
    server = subprocess.Popen([args.bin, "serve", "--db", db, "--listen", f"127.0.0.1:{port}"],
                              env=env, stdout=log, stderr=log)
    try:
        for _ in range(400):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1).read()
                break
            except Exception:
                if server.poll() is not None:
                    raise SystemExit("serve_allocator: the server did not start: see " + log.name)
                time.sleep(0.025)
        with open(f"/proc/{server.pid}/environ", "rb") as f:
            block = f.read().decode()
        with open(f"/proc/{server.pid}/cmdline", "rb") as f:
            serving = f.read().split(b"\0")[1:2] == [b"serve"]
        start = block.find("GLIBC_TUNABLES=")
        if start < 0:
            return None, serving
        # The variable and the pieces glibc cut from it (names that are tunables, not variables).
        pieces = block[start + len("GLIBC_TUNABLES="):].split("\0")
        value = pieces[0]
        for piece in pieces[1:]:
            if not piece.startswith("glibc."):
                break
            value += ":" + piece
        return value, serving
    finally:
        server.terminate()
        server.wait(timeout=30)


cases = [
    (None, "glibc.malloc.tcache_count=0"),
    ("glibc.malloc.arena_max=4", "glibc.malloc.arena_max=4:glibc.malloc.tcache_count=0"),
    ("glibc.malloc.tcache_count=3", "glibc.malloc.tcache_count=3"),  # the operator's choice
]
faults = 0
try:
    for given, expected in cases:
        got, serving = served_tunables(given)
        ok = got == expected and serving
        faults += 0 if ok else 1
        print(f"serve_allocator: GLIBC_TUNABLES {given!r} -> {got!r} "
              f"({'ok' if ok else 'expected ' + repr(expected)}"
              f"{'' if serving else ', the process id is not the server'})")
finally:
    shutil.rmtree(work, ignore_errors=True)
sys.exit(1 if faults else 0)
