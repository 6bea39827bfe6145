#!/usr/bin/env bash
# Runs ramanujan's benchmarks and the Python peers (ramanujantools 0.0.8, a gmpy2 product tree)
# in one command, on the same machine, and prints each ratio peer/ours.
# Usage: scripts/bench-vs-peers.sh [CASE ...]   (default: all cases; digits_precision_delta_1e5
# takes about 3 minutes in the peer).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
python=$(bash Benchmarks/peers/setup.sh | tail -1)
swift build -c release --product ramanujan-benchmarks >/dev/null
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(walk_1e4 walk_1e5 walk_1e6 digits_1e4 digits_precision_delta_1e5)
ours=$(mktemp); peers=$(mktemp)
./.build/release/ramanujan-benchmarks "${cases[@]}" | tee "$ours"
known=" $(cd Benchmarks/peers && "$python" -c 'import peer_cases; print(" ".join(peer_cases.CASES))') "
peer_cases=()
for c in "${cases[@]}"; do
  for p in "$c" "gmpy2_tree_${c#walk_}"; do
    [[ "$known" == *" $p "* ]] && peer_cases+=("$p")
  done
done
"$python" Benchmarks/peers/peer_cases.py "${peer_cases[@]}" | tee "$peers"
"$python" - "$ours" "$peers" <<'PY'
import json, sys
ours = {d["case"]: d for d in map(json.loads, open(sys.argv[1]))}
peers = {d["case"]: d for d in map(json.loads, open(sys.argv[2]))}
print(f"\n{'case':32s} {'ours (s)':>10s} {'peer':>28s} {'peer (s)':>10s} {'ratio':>8s}")
for name, o in ours.items():
    if "seconds" not in o:
        continue
    for peer_name, label in ((name, "ramanujantools"), ("gmpy2_tree_" + name[5:], "gmpy2 tree (1 core)")):
        p = peers.get(peer_name)
        if p and "seconds" in p:
            print(f"{name:32s} {o['seconds']:10.4f} {label:>28s} {p['seconds']:10.4f} {p['seconds'] / o['seconds']:7.1f}x")
PY
rm -f "$ours" "$peers"
