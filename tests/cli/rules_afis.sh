#!/usr/bin/env bash
# The CLI gives the same AFIS amounts as the rule table (tests/rules/afis.txt), which the API
# tests check through HTTP: both read the same shipped legal parameters.
set -euo pipefail
bin=${1:?usage: rules_afis.sh PARCOURS_BIN RULES_DIR}
rules=${2:?usage: rules_afis.sh PARCOURS_BIN RULES_DIR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" migrate --db "sqlite:$tmp/p.db" >/dev/null
checked=0
failed=0
while read -r date territory children _ expected; do
  case "$date" in ''|'#'*) continue ;; esac
  [ "$expected" = no_scale ] && continue
  got=$("$bin" rules afis --db "sqlite:$tmp/p.db" --date "$date" --children "$children" \
        --territory "$territory" | tail -n 1)
  if [ "$got" != "$expected EUR" ]; then
    echo "FAIL $date $territory $children: expected $expected EUR, got $got"
    failed=$((failed + 1))
  fi
  checked=$((checked + 1))
done <"$rules/afis.txt"
echo "cli rules afis: $checked rows checked, $failed failed"
[ "$failed" = 0 ] && [ "$checked" -ge 20 ]
