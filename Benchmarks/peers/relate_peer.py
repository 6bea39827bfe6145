"""Peer timing for `ramanujan relate`: ramanujantools 0.0.8 CoboundarySolver on the pairs of
Tests/EquivalenceTests/Fixtures/equivalences.tsv.

Usage:  python relate_peer.py [TSV] [--timeout SECONDS]
The peer has no fold search and no multiplier m(n): it is given the literature's folds and solves
m1(x)·U(x+1) = U(x)·m2(x) for U of degree ≤ the literature certificate's degree (its own bound).
Prints one JSON object per pair: {"case", "seconds", "proven", "detail"}; "proven" is true when a
nonzero U was found (a timeout or an empty solution is false).
"""
import json, signal, sys, time

import sympy
from sympy.abc import x
from ramanujantools import Matrix
from ramanujantools.solvers import CoboundarySolver

argv = sys.argv[1:]
timeout = 60
if "--timeout" in argv:
    i = argv.index("--timeout")
    timeout = int(argv[i + 1])
    del argv[i:i + 2]
tsv = argv[0] if argv else "Tests/EquivalenceTests/Fixtures/equivalences.tsv"


def fold(a, b, k):
    m = sympy.eye(2)
    for j in range(1, k + 1):
        s = k * (x - 1) + j
        m = m * sympy.Matrix([[0, b.subs(x, s)], [1, a.subs(x, s)]])
    return Matrix(sympy.expand(m))


class Timeout(Exception):
    pass


def alarm(*_):
    raise Timeout()


signal.signal(signal.SIGALRM, alarm)
rows = [l.rstrip("\n").split("\t") for l in open(tsv) if not l.startswith("#")][1:]
for i, c in enumerate(rows, 1):
    p = lambda t: sympy.sympify(t.replace("n", "x"))
    a1, b1, a2, b2 = p(c[0]), p(c[1]), p(c[3]), p(c[4])
    k1, k2 = int(c[6]), int(c[7])
    degree = max(sympy.Poly(p(u), x).degree() for u in c[16:20])
    m1, m2 = fold(a1, b1, k1), fold(a2, b2, k2)
    t0 = time.perf_counter()
    proven, note = False, ""
    signal.alarm(timeout)
    try:
        result = CoboundarySolver.find_coboundary(m1, m2, degree)
        if result is not None:
            m, free = result
            proven = not m.subs({v: 1 for v in free}).is_zero_matrix
    except Timeout:
        note = f"timeout {timeout} s"
    except Exception as e:  # the peer's own failures count as not proven
        note = type(e).__name__
    finally:
        signal.alarm(0)
    seconds = time.perf_counter() - t0
    print(json.dumps({"case": f"relate_pair_{i}", "seconds": seconds, "proven": proven,
                      "detail": {"folds": [k1, k2], "max_deg": degree, "note": note}}), flush=True)
