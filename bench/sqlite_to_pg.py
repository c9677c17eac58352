#!/usr/bin/env python3
"""Copies a Parcours SQLite database into a PostgreSQL database of the same schema version.

For `make bench` only: the national dataset is generated once on SQLite through the use cases
(`parcours demo`, about 11 minutes); generating it again on PostgreSQL takes over an hour on this
machine, so the bench copies the very same rows instead. The target must have been migrated by
`parcours migrate` (same schema version); every table but `schema_migrations` is emptied and
filled from SQLite in one transaction, in any order (`session_replication_role = replica` skips
the foreign-key triggers: the rows are already consistent), then the id sequences are moved past
the copied ids. The keys file of the SQLite database opens the copy, and `parcours check` verifies
its whole audit chain.

usage: sqlite_to_pg.py SQLITE_FILE POSTGRESQL_URL
"""
import sqlite3
import subprocess
import sys


def literal(value):
    """One CSV field as COPY (FORMAT csv) reads it: unquoted empty is NULL, quoted text is text."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return '"\\x' + value.hex() + '"'
    if isinstance(value, (int, float)):
        return repr(value)
    return '"' + value.replace('"', '""') + '"'


def main():
    sqlite_file, url = sys.argv[1], sys.argv[2]
    source = sqlite3.connect(sqlite_file)
    tables = [r[0] for r in source.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name <> 'schema_migrations' ORDER BY name")]
    target = subprocess.Popen(["psql", "-X", "-q", "-o", "/dev/null", "-v", "ON_ERROR_STOP=1", url],
                              stdin=subprocess.PIPE, text=True, encoding="utf-8")
    out = target.stdin
    out.write("BEGIN;\nSET session_replication_role = replica;\n")
    out.write("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE;\n")
    copied = 0
    for table in tables:
        columns = [r[1] for r in source.execute(f'PRAGMA table_info("{table}")')]
        names = ", ".join(f'"{c}"' for c in columns)
        out.write(f'COPY "{table}" ({names}) FROM STDIN WITH (FORMAT csv);\n')
        for row in source.execute(f'SELECT {names} FROM "{table}"'):
            out.write(",".join(literal(v) for v in row) + "\n")
            copied += 1
        out.write("\\.\n")
        if "id" in columns:
            out.write(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                      f'COALESCE(MAX(id), 0) + 1, false) FROM "{table}" '
                      f"WHERE pg_get_serial_sequence('\"{table}\"', 'id') IS NOT NULL;\n")
    out.write("COMMIT;\nANALYZE;\n")
    out.close()
    if target.wait() != 0:
        sys.exit("sqlite_to_pg: psql failed")
    print(f"sqlite_to_pg: {copied} rows of {len(tables)} tables copied")


if __name__ == "__main__":
    main()
