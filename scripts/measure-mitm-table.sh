#!/bin/bash
# Measures the peak memory (VmHWM, as GNU time's %M reports it) of `ramanujan search` on a
# one-candidate space, so that the MITM table is all it holds, for several table bounds and
# constant counts, beside the estimate SearchSpec.tableBytes prints ("about ...").
#
# Usage: scripts/measure-mitm-table.sh [BINARY] [BOUND...]
#   BINARY defaults to .build/release/ramanujan (build it with `swift build -c release`);
#   bounds default to 10 20 30 40 48 56; ONE_CONSTANT=1 skips the two-constant tables.
# Output: bound, constants, estimated bytes (from the command's own message), measured peak bytes,
# measured/estimated.
set -euo pipefail
binary=${1:-.build/release/ramanujan}
shift || true
bounds=("$@")
[ ${#bounds[@]} -gt 0 ] || bounds=(10 20 30 40 48 56)
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time): apt-get install time" >&2; exit 2; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
printf 'bound\tconstants\testimate\tpeak\tratio\n'
lists=('"zeta(3)"' '"zeta(3)", "pi"')
# ONE_CONSTANT=1 measures the one-constant tables only.
[ -z "${ONE_CONSTANT:-}" ] || lists=('"zeta(3)"')
for constants in "${lists[@]}"; do
  count=$(($(tr -cd ',' <<<"$constants" | wc -c) + 1))
  for bound in "${bounds[@]}"; do
    spec="$dir/spec-$bound-$count.json"
    cat >"$spec" <<JSON
{"name": "memory", "a": {"degree": 0, "range": [1, 1]}, "b": {"degree": 0, "range": [1, 1]},
 "constants": [$constants], "bound": $bound}
JSON
    if ! /usr/bin/time -f '%M' -o "$dir/time" "$binary" search "$spec" --store "$dir/s-$bound-$count.db" \
      --threads 1 >/dev/null 2>"$dir/err"; then
      # Refused by the cost check (the message says why): no measurement.
      printf '%s\t%s\t-\t-\t%s\n' "$bound" "$count" "$(grep -o "needs a MITM table.*GB" "$dir/err" | head -1)"
      continue
    fi
    estimate=$(grep -o 'about [0-9.]* [kMG]B' "$dir/err" | head -1 | awk '{
      m = ($3 == "GB") ? 1e9 : ($3 == "MB") ? 1e6 : 1e3; printf "%.0f", $2 * m }')
    peak=$(($(tail -1 "$dir/time") * 1024))
    ratio=$(awk -v p="$peak" -v e="$estimate" 'BEGIN { printf "%.2f", p / e }')
    printf '%s\t%s\t%s\t%s\t%s\n' "$bound" "$count" "$estimate" "$peak" "$ratio"
  done
done
