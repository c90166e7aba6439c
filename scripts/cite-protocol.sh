#!/usr/bin/env bash
# Rewrites citations of the external spec ("PROTOCOL §3", "PROTOCOL.md §4", "PROTOCOL-2 §7.2") in
# *.cs and *.js files to the in-repo contract, "docs/protocol.md §M", and prints every line it
# changes. Idempotent: a rewritten citation no longer matches, so a second run changes nothing.
# The map of old to new sections is the table "Old citations" at the top of docs/protocol.md.
# Usage: scripts/cite-protocol.sh [--check]   (--check: print what would change, exit 1 if any)
set -euo pipefail
cd "$(dirname "$0")/.."

check=false
[ "${1:-}" = "--check" ] && check=true

# Specific forms first (they name a subsection), then the generic ones: v1's top-level numbers
# (§1-§6) and v2's (§7-§10) are the same in docs/protocol.md. One sed expression per line.
rules=(
  's/PROTOCOL §3, first table/docs\/protocol.md §3.6/g'
  's/PROTOCOL §3, second table/docs\/protocol.md §3.7/g'
  's/The DM API of PROTOCOL §3/The DM API of docs\/protocol.md §3.7/g'
  's/PROTOCOL §3 brute-force limit/docs\/protocol.md §3.1 brute-force limit/g'
  's/PROTOCOL §3 error bodies/docs\/protocol.md §3.3 error bodies/g'
  's/Errors as PROTOCOL §3 shapes them/Errors as docs\/protocol.md §3.3 shapes them/g'
  's/PROTOCOL §3 defaults/docs\/protocol.md §3.2 defaults/g'
  's/PROTOCOL §3 narrate/docs\/protocol.md §3.7.9 narrate/g'
  's/PROTOCOL §3 <c>combat\/start<\/c>/docs\/protocol.md §3.7.17 <c>combat\/start<\/c>/g'
  's/combat endpoints \(PROTOCOL §3\)/combat endpoints (docs\/protocol.md §3.7.17)/g'
  's/A player'"'"'s action \(PROTOCOL §3\)/A player'"'"'s action (docs\/protocol.md §3.6.2)/g'
  's/PROTOCOL §3, §5/docs\/protocol.md §3.6.2, §5/g'
  's/state messages \(PROTOCOL §4\)/state messages (docs\/protocol.md §4.5)/g'
  's/stored event \(PROTOCOL §4\)/stored event (docs\/protocol.md §4.4)/g'
  's/wire form \(PROTOCOL §4\)/wire form (docs\/protocol.md §4.4)/g'
  's/payload \(PROTOCOL §4\)/payload (docs\/protocol.md §4.5.4)/g'
  's/may see it \(PROTOCOL §4\)/may see it (docs\/protocol.md §4.5.4)/g'
  's/simultaneous round \(PROTOCOL §5\)/simultaneous round (docs\/protocol.md §5.3)/g'
  's/audiences of PROTOCOL §1/audiences of docs\/protocol.md §1.2/g'
  's/audience \(PROTOCOL §1\)/audience (docs\/protocol.md §1.2)/g'
  's/player id rule of PROTOCOL §1/player id rule of docs\/protocol.md §1.1/g'
  's/\bPROTOCOL-2(\.md)? §([0-9][0-9.]*[0-9]|[0-9])/docs\/protocol.md §\2/g'
  's/\bPROTOCOL(\.md)? §([0-9][0-9.]*[0-9]|[0-9])/docs\/protocol.md §\2/g'
)

script=$(mktemp)
trap 'rm -f "$script" "$script".new' EXIT
printf '%s\n' "${rules[@]}" >"$script"

changed=0
while IFS= read -r -d '' file; do
  grep -qE '\bPROTOCOL(-2)?(\.md)? §' "$file" || continue
  sed -E -f "$script" "$file" >"$script".new
  if cmp -s "$file" "$script".new; then
    continue
  fi
  # Rules never add or remove lines, so the two versions compare line by line.
  awk -v f="$file" 'NR == FNR { old[FNR] = $0; next } old[FNR] != $0 { printf "%s:%d\n  - %s\n  + %s\n", f, FNR, old[FNR], $0 }' \
    "$file" "$script".new
  changed=$((changed + 1))
  if ! $check; then
    cat "$script".new >"$file"
  fi
done < <(git ls-files -z --cached --others --exclude-standard -- '*.cs' '*.js')

if [ "$changed" -eq 0 ]; then
  echo "cite-protocol: no PROTOCOL citations left to rewrite."
elif $check; then
  echo "cite-protocol: $changed file(s) would change (run without --check to rewrite them)."
  exit 1
else
  echo "cite-protocol: rewrote citations in $changed file(s)."
fi
