#!/bin/sh
# Times `ramanujan relate` (release) and ramanujantools' CoboundarySolver on the 8 literature pairs,
# in one run, and prints per pair: our time, the peer's time, and which side proves it.
# Needs the peer venv of ../shared/peers (./setup.sh there). Run from the project root.
set -e
PY=${PEER_PYTHON:-../shared/peers/venv/bin/python}
swift build -c release --product ramanujan-benchmarks >/dev/null
ours=$(.build/release/ramanujan-benchmarks relate_pairs)
theirs=$($PY Benchmarks/peers/relate_peer.py --timeout "${PEER_TIMEOUT:-60}")
python3 - "$ours" "$theirs" <<'PY'
import json, sys
ours = {j["case"]: j for j in map(json.loads, sys.argv[1].splitlines())}
theirs = {j["case"]: j for j in map(json.loads, sys.argv[2].splitlines())}
print(f"{'pair':<14}{'ours s':>9}{'proven':>8}{'peer s':>9}{'proven':>8}{'ratio':>9}  peer note")
for case, o in ours.items():
    t = theirs.get(case, {})
    ratio = t.get("seconds", 0) / o["seconds"] if o["seconds"] else 0
    print(f"{case:<14}{o['seconds']:>9.3f}{str(o['detail']['proven']):>8}{t.get('seconds', 0):>9.3f}"
          f"{str(t.get('proven')):>8}{ratio:>9.1f}  {t.get('detail', {}).get('note', '')}")
PY
