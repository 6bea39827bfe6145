#!/usr/bin/env bash
# Python peers for Benchmarks/peers/peer_cases.py (ramanujantools 0.0.8, gmpy2, mpmath).
# Reuses the shared venv beside the repo when present so all sessions time the same
# installation; otherwise builds a private one here. Last line printed: the python to use.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
shared="$root/../shared/peers/venv"
if [ -x "$shared/bin/python" ]; then
    venv=$(cd "$shared" && pwd)
else
    venv="$here/venv"
    if ! "$venv/bin/python" -c 'import ramanujantools, gmpy2, mpmath' 2>/dev/null; then
        python3 -m venv "$venv"
        "$venv/bin/pip" install -q ramanujantools==0.0.8 gmpy2 mpmath >&2
    fi
fi
echo "$venv/bin/python"
