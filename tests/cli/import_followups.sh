#!/usr/bin/env bash
# `parcours import followups`: a spreadsheet's follow-ups come in all or nothing, each line checked
# as the API checks it, for the parcours the account may edit; errors name the line and the column.
set -euo pipefail
bin=${1:?usage: import_followups.sh PARCOURS_BIN}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="sqlite:$tmp/p.db"
"$bin" init --db "$db" >/dev/null
"$bin" demo --db "$db" --scale small --seed 2 >"$tmp/demo.txt"
worker=$(awk '$1 == "association_worker" { print $2; exit }' "$tmp/demo.txt")
sql() { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$tmp/p.db" "$1"; }
ours=$(sql "SELECT MIN(p.id) FROM parcours p JOIN users u ON u.association_id = p.association_id WHERE u.email = '$worker'")
theirs=$(sql "SELECT MIN(p.id) FROM parcours p JOIN users u ON u.email = '$worker' WHERE p.association_id <> u.association_id")
before=$(sql "SELECT COUNT(*) FROM followups")
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# A faulty file: exit 1, every faulty line on stderr, nothing written.
printf 'parcours;date;type;texte\n%s;31/02/2025;Entretien;Premier entretien.\n%s;03/03/2025;Entretien;Chez un autre.\n%s;04/03/2025;Visite;Visite.\n' \
  "$ours" "$theirs" "$ours" >"$tmp/faulty.csv"
if "$bin" import followups --db "$db" --csv "$tmp/faulty.csv" --as "$worker" >"$tmp/out" 2>"$tmp/err"; then
  fail "a faulty file was accepted"
fi
grep -q "ligne 2, colonne date : Date attendue au format JJ/MM/AAAA." "$tmp/err" || fail "line 2 not named: $(cat "$tmp/err")"
grep -q "ligne 3, colonne parcours : Aucun parcours que vous pouvez modifier" "$tmp/err" || fail "another association's parcours accepted"
grep -q "ligne 4, colonne type : Type inconnu." "$tmp/err" || fail "line 4 not named"
grep -q "rien n'a été importé" "$tmp/err" || fail "no summary"
[ "$(sql "SELECT COUNT(*) FROM followups")" = "$before" ] || fail "a faulty file wrote follow-ups"

# An unknown account is refused.
if "$bin" import followups --db "$db" --csv "$tmp/faulty.csv" --as personne@example.org 2>"$tmp/err"; then
  fail "an unknown account imported"
fi
grep -q "Aucun compte avec cette adresse" "$tmp/err" || fail "unknown account: $(cat "$tmp/err")"

# A correct file: every line written, with one audit row for the parcours.
printf 'parcours;date;type;texte;difficultes\n%s;28/02/2025;Entretien;Premier entretien.;"Logement\nSanté"\n%s;2025-03-03;Appel téléphonique;Rendez-vous CPAM.;\n' \
  "$ours" "$ours" >"$tmp/good.csv"
"$bin" import followups --db "$db" --csv "$tmp/good.csv" --as "$worker" >"$tmp/out"
grep -qx "2 follow-ups imported into 1 parcours" "$tmp/out" || fail "output: $(cat "$tmp/out")"
[ "$(sql "SELECT COUNT(*) FROM followups")" = "$((before + 2))" ] || fail "not 2 follow-ups written"
[ "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'followup.import'")" = 1 ] || fail "not one audit row"
"$bin" check --db "$db" >/dev/null || fail "parcours check fails after the import"

echo "cli import followups: $failures failed"
[ "$failures" = 0 ]
