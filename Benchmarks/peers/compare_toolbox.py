#!/usr/bin/env python3
"""Runs behaviours of ramanujantools (0.0.8) beside the `ramanujan` CLI and prints, per case,
agree / fail / not expressible.

Usage: Benchmarks/peers/compare_toolbox.py [path/to/ramanujan]
(run it with the peers' python: `$(Benchmarks/peers/setup.sh) Benchmarks/peers/compare_toolbox.py`).

Each case states one behaviour of the peer as its documentation and test suite describe it
(the PCF, limit, linear recurrence and CMF modules), computes it with the peer, asks our CLI the
same question, and compares the answers mathematically (numbers to the digits both certify,
recurrences up to a common factor, initial-value pairs up to scaling). A behaviour our CLI has
no way to ask is listed as "not expressible". Exit code: 1 when any case fails.
"""

import json
import subprocess
import sys

import mpmath as mp
import sympy as sp
from sympy.abc import n

from ramanujantools import LinearRecurrence, Matrix
from ramanujantools.pcf import PCF

OURS = sys.argv[1] if len(sys.argv) > 1 else ".build/release/ramanujan"
results = []


def ours(*args):
    """Runs our CLI; returns (exit code, stdout lines)."""
    p = subprocess.run([OURS, *args], capture_output=True, text=True, timeout=600)
    return p.returncode, p.stdout.splitlines()


def case(name):
    def wrap(f):
        try:
            verdict, detail = f()
        except Exception as e:  # a crash on either side is a failure of the comparison
            verdict, detail = "fail", f"{type(e).__name__}: {e}"
        results.append((name, verdict, detail))
        return f

    return wrap


def parse_poly(text):
    t = text.strip().replace("^", "**")
    out = ""
    for i, ch in enumerate(t):
        if ch == "n" and i > 0 and (t[i - 1].isdigit() or t[i - 1] == ")"):
            out += "*"
        if ch == "(" and i > 0 and (t[i - 1].isdigit() or t[i - 1] in "n)"):
            out += "*"
        out += ch
    return sp.expand(sp.sympify(out, locals={"n": n}))


def relation(line):
    body = line.split("]")[0].lstrip("[")
    return [parse_poly(t) for t in body.split(",")]


def proportional(r1, r2):
    if len(r1) != len(r2):
        return False
    return all(sp.expand(a * r2[0] - b * r1[0]) == 0 for a, b in zip(r1, r2))


def text(expr):
    return str(expr).replace("**", "^")


# --- δ (pcf_test: test_delta_sequence_agrees_with_delta, depths from 1) -----------------------
for depth in [1, 2, 3, 10, 50]:

    @case(f"pcf.delta({depth}, 4/pi) of PCF(2n+1, n^2)")
    def _(depth=depth):
        # The peer's δ is only as good as the mpmath precision of L: at the default 15 digits it is
        # silently wrong beyond depth ~20 (|L − p/q| ~ 10^−38 at depth 50). Give it 100 digits.
        with mp.workdps(100):
            peer = float(PCF(2 * n + 1, n**2).delta(depth, 4 / mp.pi))
        code, out = ours("eval", "--a", "2n+1", "--b", "n^2", "--depth", str(depth), "--limit", "4/pi", "--format", "json")
        d = json.loads(out[0])["delta"]
        return ("agree" if d is not None and abs(d - peer) < 1e-4 else "fail"), f"peer {peer:.6f}, ours {d}"


@case("pcf.limit(100).as_float() of PCF(5+10n, 1-9n^2)")
def _():
    peer = PCF(5 + 10 * n, 1 - 9 * n**2).limit(100).as_float()
    code, out = ours("eval", "--a", "10n+5", "--b", "1-9n^2", "--depth", "100", "--format", "json", "--no-delta")
    v = json.loads(out[0])
    ok = v["value"] is not None and abs(float(v["value"]) - float(peer)) < 10 ** -min(10, v["digits"])
    return ("agree" if ok else "fail"), f"peer {float(peer):.12f}, ours {v['value'][:16] if v['value'] else None}"


@case("blind delta of Apéry's PCF at depth 2000 > 0.08")
def _():
    peer = PCF(34 * n**3 + 51 * n**2 + 27 * n + 5, -(n**6)).delta(2000)
    code, out = ours("eval", "--a", "34n^3+51n^2+27n+5", "--b", "-n^6", "--depth", "2000", "--format", "json")
    d = json.loads(out[0])["delta"]
    return ("agree" if d > 0.08 and abs(d - float(peer)) < 0.01 else "fail"), f"peer {float(peer):.5f}, ours {d:.5f}"


# --- PCF inflation (pcf_test) ---------------------------------------------------------------
@case("PCF(n+4, n^2).inflate(n^7+5n-3)")
def _():
    c = n**7 + 5 * n - 3
    peer = PCF(n + 4, n**2).inflate(c)
    code, out = ours("recurrence", "transform", "--a", "n+4", "--b", "n^2", "--inflate", "n^7+5n-3")
    pcf_text = out[0].split("= PCF(")[1].rstrip(")")
    a_text, b_text = pcf_text.split(", ", 1)
    ok = sp.expand(parse_poly(a_text) - peer.a_n) == 0 and sp.expand(parse_poly(b_text) - peer.b_n) == 0
    return ("agree" if ok else "fail"), out[0][:80]


for (a, b, a_sp, b_sp) in [
    ("n^2+1", "n^4-2n^3+3n^2-2n+2", n**2 + 1, n**4 - 2 * n**3 + 3 * n**2 - 2 * n + 2),
    ("9n^4+72n^3+201n^2+228n+85", "-18n^8-225n^7-1131n^6-2904n^5-3932n^4-2400n^3+66n^2+769n+255",
     9 * n**4 + 72 * n**3 + 201 * n**2 + 228 * n + 85,
     -18 * n**8 - 225 * n**7 - 1131 * n**6 - 2904 * n**5 - 3932 * n**4 - 2400 * n**3 + 66 * n**2 + 769 * n + 255),
]:

    @case(f"PCF({a}, ...).deflate_all()")
    def _(a=a, b=b, a_sp=a_sp, b_sp=b_sp):
        peer = PCF(a_sp, b_sp).deflate_all()
        code, out = ours("recurrence", "transform", "--a", a, "--b", b, "--deflate-all")
        body = out[0].split(" (deflated")[0][4:-1]
        a_text, b_text = body.split(", ", 1)
        ok = sp.expand(parse_poly(a_text) - peer.a_n) == 0 and sp.expand(parse_poly(b_text) - peer.b_n) == 0
        return ("agree" if ok else "fail"), f"peer PCF({text(peer.a_n)}, {text(peer.b_n)}), ours {out[0]}"


# --- linear recurrences (linear_recurrence_test) --------------------------------------------
@case("LinearRecurrence([-1,1,1]).evaluate_solution([[1,1]], 33, 38)")
def _():
    peer = LinearRecurrence([-1, 1, 1]).evaluate_solution(Matrix([[1, 1]]), 33, 38)
    code, out = ours("recurrence", "solve", "--relation", "-1,1,1", "--initial", "1,1", "--start", "33", "--terms", "5")
    mine = [int(x) for x in out[0].split(", ")]
    return ("agree" if mine == list(peer) else "fail"), f"peer {list(peer)}, ours {mine}"


@case("evaluate_solution of [2, -n+1, n^3+n, 14] from 17 (exact rationals)")
def _():
    peer = LinearRecurrence([2, -n + 1, n**3 + n, 14]).evaluate_solution(Matrix([[5, -4, 2]]), 17, 40)
    code, out = ours("recurrence", "solve", "--relation", "2, -n+1, n^3+n, 14", "--initial", "5,-4,2", "--start", "17", "--terms", "23")
    mine = [sp.Rational(x) for x in out[0].split(", ")]
    return ("agree" if mine == [sp.Rational(x) for x in peer] else "fail"), f"{len(mine)} values"


@case("LinearRecurrence.fold((n-1)(n+2)) and unfold()")
def _():
    r = LinearRecurrence([-1, n, (n - 3) * (n + 7) * (n - 11)])
    folded = r.fold((n - 1) * (n + 2))
    code, out = ours("recurrence", "transform", "--relation", "-1, n, (n-3)(n+7)(n-11)", "--fold", "(n-1)(n+2)")
    ok = proportional(relation(out[0]), list(folded.relation))
    code, out2 = ours("recurrence", "transform", "--relation", out[0].split("]")[0].lstrip("["), "--unfold", "auto")
    ok = ok and proportional(relation(out2[0]), list(r.relation))
    return ("agree" if ok else "fail"), out2[0][:80] if out2 else "no unfolding"


@case("LinearRecurrence.compose (fold is compose with [1, m])")
def _():
    r1 = LinearRecurrence([n**2 + 3 * n, 5 * n - 7, 13 * n**3, 2])
    m = 12 * n**3 - 34 * n**2 + 56 * n - 78
    peer = r1.fold(m)
    code, out = ours("recurrence", "transform", "--relation", "n^2+3n, 5n-7, 13n^3, 2", "--compose", "1, 12n^3-34n^2+56n-78")
    return ("agree" if proportional(relation(out[0]), list(peer.relation)) else "fail"), out[0][:80]


@case("LinearRecurrence.inflate(n+1) of [n, -n, 5, n^2+n+1]")
def _():
    peer = LinearRecurrence([n, -n, 5, n**2 + n + 1]).inflate(n + 1)
    code, out = ours("recurrence", "transform", "--relation", "n, -n, 5, n^2+n+1", "--inflate", "n+1")
    return ("agree" if proportional(relation(out[0]), list(peer.relation)) else "fail"), out[0][:80]


GAMMA = "-(n-1)(n+2), 2n^3+7n^2+n-8, -(n+1)^2(n^2+3n-2), n^3(n+1)"


def same_ratio(peer_matrix, mine_line):
    """Whether (p·u)/(q·u) equals ours up to a common scaling of numerator and denominator."""
    nums = mine_line.split("initial")[1].split("→")[0]
    parts = nums.replace("·u", "").split("/")
    a = [int(x) for x in parts[0].strip(" ()").split(",")]
    b = [int(x) for x in parts[1].strip(" ()").split(",")]
    p, q = list(peer_matrix.row(0)), list(peer_matrix.row(1))
    # (a, b) = λ(p, q): cross products vanish.
    return all(a[i] * p[j] - a[j] * p[i] == 0 for i in range(3) for j in range(3)) and all(
        a[i] * q[j] - p[i] * b[j] == 0 for i in range(3) for j in range(3)
    )


@case("order-3 γ recurrence: limit(1000, 2).identify(euler)")
def _():
    r = LinearRecurrence([-(n - 1) * (n + 2), 2 * n**3 + 7 * n**2 + n - 8, -((n + 1) ** 2) * (n**2 + 3 * n - 2), n**3 * (n + 1)])
    lim = r.limit(1000, 2)
    peer = lim.identify(lim.mp.euler)
    code, out = ours("recurrence", "limit", "--relation", GAMMA, "--start", "2", "--depth", "1000", "--find-initial", "euler_gamma")
    return ("agree" if same_ratio(peer, out[-1]) else "fail"), out[-1].strip()[:90]


@case("order-3 Euler–Gompertz recurrence: limit(200, 1).identify(e·γ + G)")
def _():
    r = LinearRecurrence([
        -(16 * n + 1) * (16 * n - 15), (16 * n - 15) * (256 * n**3 + 528 * n**2 + 352 * n + 73),
        -(16 * n + 17) * (128 * n**3 + 40 * n**2 - 82 * n - 45), n**2 * (16 * n + 17) * (16 * n + 1),
    ])
    lim = r.limit(200, 1)
    m = lim.mp
    peer = lim.identify(m.e * m.euler - m.e * m.ei(-1))
    code, out = ours(
        "recurrence", "limit", "--relation",
        "-(16n+1)(16n-15), (16n-15)(256n^3+528n^2+352n+73), -(16n+17)(128n^3+40n^2-82n-45), n^2(16n+17)(16n+1)",
        "--start", "1", "--depth", "200", "--find-initial", "e*gamma+gompertz")
    return ("agree" if same_ratio(peer, out[-1]) else "fail"), out[-1].strip()[:90]


@case("Fibonacci asymptotics: ((1±√5)/2)^n")
def _():
    peer = LinearRecurrence([-1, 1, 1]).asymptotics()
    code, out = ours("recurrence", "asymptotics", "--relation", "-1,1,1")
    ok = "1.618034" in out[1] and "-0.618034" in out[2] and len(peer) == 2
    return ("agree" if ok else "fail"), "; ".join(x.strip() for x in out[1:3])


# --- CMF walk with identification (issue: the walk goes deeper until the digits suffice) ----
@case("pFq(2,2,-1) along (1,1,0,-1) from (1,1,-1,-1): identify (3-5γ)/(3γ-1)")
def _():
    code, out = ours("cmf", "walk", "pfq:2,2,-1", "--trajectory", "1,1,0,-1", "--start", "1,1,-1,-1",
                     "--depth", "100", "--identify", "euler_gamma", "--no-delta")
    ok = code == 0 and any("(-5*gamma+3)/(3*gamma-1)" in x for x in out)
    return ("agree" if ok else "fail"), out[-1].strip() if out else f"exit {code}"


# --- CMF tools (cmf_test, meijer_g_test, pfq_test) -----------------------------------------
from sympy.parsing.sympy_parser import (
    implicit_multiplication_application, parse_expr, standard_transformations)

from ramanujantools import Position
from ramanujantools.cmf import known_cmfs, MeijerG, pFq


def field_of(lines, names):
    """Our field file text -> {axis name: sympy Matrix}."""
    symbols = {name: sp.Symbol(name) for name in names}
    out = {}
    for line in lines:
        axis, body = line.split(": ", 1)
        rows = body[2:-2].split("], [")
        out[axis] = sp.Matrix([[parse_expr(e.replace("^", "**"), local_dict=symbols,
                                           transformations=standard_transformations + (implicit_multiplication_application,))
                                for e in split_top(r)] for r in rows])
    return out


def split_top(row):
    """Splits 'a, b, c' at commas outside parentheses."""
    parts, depth, cur = [], 0, ""
    for ch in row:
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        cur += ch
    parts.append(cur.strip())
    return parts


def same_field(ours_map, peer_cmf):
    for axis, matrix in peer_cmf.matrices.items():
        theirs = sp.Matrix(matrix)
        mine = ours_map[str(axis)]
        if any(sp.simplify(a - b) != 0 for a, b in zip(mine, theirs)):
            return False
    return True


@case("CMF.dual() of zeta3")
def _():
    code, out = ours("cmf", "transform", "zeta3", "--dual")
    return ("agree" if same_field(field_of(out, ["x", "y"]), known_cmfs.zeta3().dual()) else "fail"), f"{len(out)} axes"


@case("CMF.coboundary([[1, 0], [x, 1]]) of zeta3")
def _():
    x, y = sp.symbols("x y")
    code, out = ours("cmf", "transform", "zeta3", "--coboundary", "[[1, 0], [x, 1]]")
    peer = known_cmfs.zeta3().coboundary(Matrix([[1, 0], [x, 1]]))
    return ("agree" if same_field(field_of(out, ["x", "y"]), peer) else "fail"), f"{len(out)} axes"


@case("CMF.sub_cmf of zeta3 on (1,1), (1,0) from 0")
def _():
    x, y, u, v = sp.symbols("x y u v")
    code, out = ours("cmf", "transform", "zeta3", "--sub", "1,1;1,0", "--start", "0,0", "--axes", "u,v")
    peer = known_cmfs.zeta3().sub_cmf({u: Position({x: 1, y: 1}), v: Position({x: 1, y: 0})})
    return ("agree" if same_field(field_of(out, ["u", "v"]), peer) else "fail"), f"{len(out)} axes"


@case("sub_cmf with a dependent basis is refused")
def _():
    code, out = ours("cmf", "transform", "zeta3", "--sub", "1,1;2,2", "--start", "0,0")
    return ("agree" if code != 0 and not out else "fail"), f"exit {code}"


@case("MeijerG(3,2,2,3,1): the dual trajectory matrix along (-1,-1,1,1,1) from 0 tends to γ")
def _():
    import tempfile
    code, out = ours("cmf", "transform", "meijerg:3,2,2,3,1", "--dual")
    with tempfile.NamedTemporaryFile("w", suffix=".cmf", delete=False) as f:
        f.write("\n".join(out))
    code, out = ours("cmf", "walk", "--file", f.name, "--trajectory", "-1,-1,1,1,1", "--start", "0,0,0,0,0",
                     "--depth", "200", "--initial", "1,1,0;1,1,1", "--no-check", "--no-delta", "--format", "json")
    value = json.loads(out[0])["value"]
    with mp.workdps(60):
        ok = value is not None and abs(mp.mpf(value) - mp.euler) < mp.mpf(10) ** -50
    return ("agree" if ok else "fail"), f"ours {value[:30] if value else None}"


@case("MeijerG fields conserve (p, q ≤ 2)")
def _():
    bad = []
    for p in (1, 2):
        for q in (1, 2):
            for n_ in range(p):
                for m in range(q):
                    code, out = ours("cmf", "check", f"meijerg:{m},{n_},{p},{q},1/3")
                    if code != 0:
                        bad.append((m, n_, p, q))
    return ("agree" if not bad else "fail"), f"not conserving: {bad}" if bad else "all conserve"


@case("pFq.ascend: pFq(3,2,1) walk of ζ(2) ascended to pFq(4,3,1)")
def _():
    code, out = ours("cmf", "transform", "pfq:3,2,1", "--ascend", "1,2", "--trajectory", "1,1,1,2,2", "--start", "3,3,3,6,6")
    args = out[0].split()
    code, walk = ours("cmf", "walk", args[0], *args[1:], "--depth", "200", "--identify", "zeta(2)", "--no-delta")
    x0, x1, x2, y0, y1 = sp.symbols("x0 x1 x2 y0 y1")
    a_cmf, a_t, a_s = pFq(3, 2, 1).ascend(Position({x0: 1, x1: 1, x2: 1, y0: 2, y1: 2}),
                                         Position({x0: 3, x1: 3, x2: 3, y0: 6, y1: 6}))
    line = next((x for x in walk if "identify" in x), "")
    ok = code == 0 and "zeta(2)" in line and a_cmf == pFq(4, 3, 1)
    return ("agree" if ok else "fail"), line.strip()[:80] if walk else f"exit {code}"


@case("FFbarSolver.from_pcf(PCF(2n+1, -n^2)) (Gauss)")
def _():
    from ramanujantools.solvers import FFbarSolver
    peer = FFbarSolver.from_pcf(PCF(2 * n + 1, -(n**2)))
    code, out = ours("cmf", "ffbar", "--a", "2n+1", "--b", "-n^2")
    x, y = sp.symbols("x y")
    ok = code == 0 and len(peer) >= 1 and len(out) >= 2
    if ok:  # both embed the PCF: M_x at y = 1 is the PCF's matrix, ours f = x, fbar = -x
        ok = out[1].strip().startswith("f = x, fbar = -x") and all(sp.expand(c.M(x).subs({y: 1}) - sp.Matrix([[0, -x**2], [1, 2 * x + 1]])) == sp.zeros(2, 2) for c in peer)
    return ("agree" if ok else "fail"), out[1].strip() if len(out) > 1 else f"exit {code}"


@case("FFbar: the ζ(3) pair f = x^3+2x^2y+2xy^2+y^3 is found for its PCF")
def _():
    from ramanujantools.cmf import FFbar
    x, y = sp.symbols("x y")
    f = x**3 + 2 * x**2 * y + 2 * x * y**2 + y**3
    fbar = -(x**3) + 2 * x**2 * y - 2 * x * y**2 + y**3
    peer = FFbar(f, fbar)  # the peer accepts the pair (both conditions hold)
    a = sp.expand(peer.a().subs(y, 1))
    b = sp.expand(peer.b())
    code, out = ours("cmf", "ffbar", "--a", text(a.subs(x, n)), "--b", text(b.subs(x, n)))
    ok = any("f = x^3 + 2x^2y + 2xy^2 + y^3, fbar = -x^3 + 2x^2y - 2xy^2 + y^3" in line for line in out)
    return ("agree" if ok else "fail"), out[0] if out else f"exit {code}"


width = max(len(r[0]) for r in results)
for name, verdict, detail in results:
    print(f"{verdict:16} {name:{width}}  {detail}")
counts = {v: sum(1 for r in results if r[1] == v) for v in ["agree", "fail", "not expressible"]}
print(f"\n{counts['agree']} agree, {counts['fail']} fail, {counts['not expressible']} not expressible")
sys.exit(1 if counts["fail"] else 0)
