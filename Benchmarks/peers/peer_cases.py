"""Peer timings for the Swift benchmark: ramanujantools 0.0.8 and a gmpy2 product tree.

Usage:  python peer_cases.py CASE [CASE...]
Cases:  walk_1e4 walk_1e5 gmpy2_tree_1e4 gmpy2_tree_1e5 gmpy2_tree_1e6
        digits_precision_delta_1e5 digits_1e4
        identify_100 identify_1000 identify_5000 (ramanujantools Limit.identify)
        identify5_100 identify5_1000 identify5_5000, pslq12_* (mpmath pslq, 12 numbers)
        cmf_pfq87_trajectory cmf_walk_1e3 cmf_walk_1e4 (ramanujantools CMF)
Prints one JSON object per line: {"case", "seconds" (median), "reps", "detail"}.
Absolute times drift on shared machines, so the Swift side runs this in the same
command and reports ratios.
"""
import gc, json, math, statistics, sys, time

sys.set_int_max_str_digits(0)  # q(N) has millions of digits
from gmpy2 import mpz
from sympy.abc import n
from ramanujantools import Matrix
from ramanujantools.pcf import PCF


def clear():
    # Same cache reset as ../shared/peers/ramanujantools_bench.py: lru_caches would
    # otherwise turn every repetition after the first into a lookup.
    Matrix._walk_inner.cache_clear()
    Matrix._companionization.cache_clear()
    Matrix.inverse.cache_clear(); Matrix.simplify.cache_clear()
    from ramanujantools.cmf import CMF
    from ramanujantools.cmf.d_finite import DFinite
    CMF._calculate_diagonal_matrix.cache_clear()
    DFinite.construct_matrices.cache_clear()
    gc.collect()


def apery():  # -> 6/zeta(3)
    return PCF(34*n**3 + 51*n**2 + 27*n + 5, -n**6)


def a_(k): return ((34*k + 51)*k + 27)*k + 5
def b_(k): return -k**6


# ---- gmpy2 binary splitting ------------------------------------------------
# A 2x2 matrix is a tuple (x, y, z, w) = [[x, y], [z, w]].
LEAF = 32  # steps per leaf; 16..64 all within noise, the leaves are ~5% of 1e6


def leaf(lo, hi):
    """M(lo) * ... * M(hi-1) by the recurrence: one step is 4 bignum-by-word
    products, cheaper than a general 2x2 product while entries are small."""
    k = mpz(lo)
    x, y, z, w = mpz(0), b_(k), mpz(1), a_(k)
    for k in range(lo + 1, hi):
        k = mpz(k); a, b = a_(k), b_(k)
        x, y, z, w = y, b*x + a*y, w, b*z + a*w
    return x, y, z, w


def mul(L, R):
    """Strassen-Winograd 2x2 product: 7 bignum products instead of 8. With
    near-equal entry sizes the products dominate; measured ~15% faster at 1e6."""
    a11, a12, a21, a22 = L; b11, b12, b21, b22 = R
    s1 = a21 + a22; s2 = s1 - a11; s3 = a11 - a21; s4 = a12 - s2
    t1 = b12 - b11; t2 = b22 - t1; t3 = b22 - b12; t4 = t2 - b21
    m1 = a11*b11; m2 = a12*b21; m3 = s4*b22; m4 = a22*t4
    m5 = s1*t1; m6 = s2*t2; m7 = s3*t3
    u2 = m1 + m6; u3 = u2 + m7; u4 = u2 + m5
    return m1 + m2, u4 + m3, u3 - m4, u3 + m5


def prod(lo, hi):
    """M(lo) * ... * M(hi-1), balanced so both factors of every product have
    similar size (GMP's FFT multiply is what makes this subquadratic)."""
    if hi - lo <= LEAF:
        return leaf(lo, hi)
    mid = (lo + hi) // 2
    return mul(prod(lo, mid), prod(mid, hi))


def pcf_tree(N):
    """[[1,a(0)],[0,1]] * M(1)...M(N) = [[p(N-1), p(N)], [q(N-1), q(N)]]."""
    x, y, z, w = prod(1, N + 1) if N > 0 else (mpz(1), mpz(0), mpz(0), mpz(1))
    a0 = a_(0)
    return x + a0*z, y + a0*w, z, w


def naive(N):
    p0, p1, q0, q1 = 1, a_(0), 0, 1  # p(-1), p(0), q(-1), q(0)
    for k in range(1, N + 1):
        p0, p1 = p1, a_(k)*p1 + b_(k)*p0
        q0, q1 = q1, a_(k)*q1 + b_(k)*q0
    return p0, p1, q0, q1


for _N in (0, 1, 50, 333):  # 333 exercises several tree levels and a short leaf
    assert pcf_tree(_N) == naive(_N), _N


# ---- cases -----------------------------------------------------------------
def timed(reps, fn, clear_caches=True):
    ts, out = [], None
    for _ in range(reps):
        clear() if clear_caches else gc.collect()
        t0 = time.perf_counter()
        out = fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts), ts, out


def digits(x):
    # GMP's subquadratic conversion; CPython's str(int) is quadratic (~30 s at 1.5M digits).
    return len(abs(mpz(int(x))).digits())


def walk(N, reps):
    t, ts, lim = timed(reps, lambda: apery().limit(N))
    return t, reps, {"depth": N, "q_digits": digits(lim.q()), "times": ts}


def tree(N, reps):
    t, ts, m = timed(reps, lambda: pcf_tree(N), clear_caches=False)
    return t, reps, {"depth": N, "q_digits": digits(m[3]), "times": ts}


def digits_precision_delta(N):
    clear()
    t0 = time.perf_counter()
    lim = apery().limit(N); t1 = time.perf_counter()
    prec = lim.precision(); t2 = time.perf_counter()
    v = lim.as_float(); t3 = time.perf_counter()
    d = lim.delta(v); t4 = time.perf_counter()
    # delta is +inf here: L is p/q itself at the Limit's own precision, so |L - p/q| = 0.
    # Kept because it is the call sequence a user runs; reported as a string (strict JSON).
    sub = {"limit_s": t1 - t0, "precision_s": t2 - t1, "as_float_s": t3 - t2,
           "delta_s": t4 - t3, "precision": prec, "delta": d if math.isfinite(d) else str(d)}
    return t4 - t0, 1, sub


def digits_n(D, reps):
    depth = int(D / 3.06) + 5  # Apery's PCF gains ~3.06 digits per step
    def run():
        lim = apery().limit(depth)
        lim.as_float()
        return lim
    t, ts, lim = timed(reps, run)
    return t, reps, {"digits": D, "depth": depth, "precision": lim.precision(), "times": ts}


# ---- identification (issue 3) ------------------------------------------------
def apery_limit(D):
    """Apery's PCF walked to about D digits, as ../shared/peers/ramanujantools_bench.py does."""
    from ramanujantools import Limit
    clear()
    lim = apery().limit(int(D / 3.06) + 5)
    return lim


def identify_rt(D, reps):
    """ramanujantools Limit.identify(zeta(3)): PSLQ on (p, q, p*L, q*L) at the Limit's precision, after a
    2-term PSLQ for the independence of p and q. zeta(3) is computed before the clock starts; each rep
    gets a fresh Limit (identify stores its answer in the Limit)."""
    from ramanujantools import Limit
    lim = apery_limit(D)
    z = lim.mp.zeta(3)
    ts, out = [], None
    for _ in range(reps):
        fresh = Limit(lim.current, lim.previous)
        gc.collect()
        t0 = time.perf_counter()
        out = fresh.identify(z)
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts), reps, {"digits": lim.precision(), "relation": str(out.tolist()), "times": ts}


def pslq12(D, reps):
    """mpmath pslq of the linear-fractional basis (x, x*c_i, 1, c_i) for c = pi, e, zeta(3), G, log(2) at
    D digits, x the Apery limit; maxcoeff 10000 like ours, maxsteps high enough not to give up.
    Constants and products are computed before the clock starts."""
    import mpmath
    lim = apery_limit(D)
    mpmath.mp.dps = D
    x = mpmath.mpf(lim.p()) / mpmath.mpf(lim.q())
    cs = [mpmath.pi, mpmath.e, mpmath.zeta(3), mpmath.catalan, mpmath.log(2)]
    vec = [x] + [x * c for c in cs] + [mpmath.mpf(1)] + cs
    ts, out = [], None
    for _ in range(reps):
        gc.collect()
        t0 = time.perf_counter()
        out = mpmath.pslq(vec, maxcoeff=10000, maxsteps=100000)
        ts.append(time.perf_counter() - t0)
    mpmath.mp.dps = 15
    return statistics.median(ts), reps, {"digits": D, "relation": str(out), "times": ts}


# ---- conservative matrix fields (ramanujantools' cmf_benchmark.py cases) ----
def cmf_pfq87():
    """test_trajectory_matrix_8f7_brown_zudilin: the 8F7 field at z = 1 (built outside the timing,
    as there) along Brown-Zudilin's trajectory."""
    from ramanujantools import Position
    from ramanujantools.cmf import pFq
    cmf = pFq(8, 7, 1)
    start = Position.from_list([5, 2, 2, 2, 2, 2, 2, 2], "x") | Position.from_list([4] * 7, "y")
    trajectory = Position.from_list([42, 17, 16, 15, 14, 13, 12, 11], "x") | Position.from_list(
        list(range(24, 31)), "y")
    t, ts, m = timed(1, lambda: cmf.trajectory_matrix(trajectory, start))
    return t, 1, {"rank": m.rows, "times": ts}


def cmf_walk(N, reps):
    """test_walk_4f3 as a limit: the 4F3 field at z = 1 from (1,1,2,2,3,3,4) along itself, depth N."""
    import sympy as sp
    from ramanujantools import Position
    from ramanujantools.cmf import pFq
    x0, x1, x2, x3 = sp.symbols("x:4")
    y0, y1, y2 = sp.symbols("y:3")
    cmf = pFq(4, 3, 1)
    point = Position({x0: 1, x1: 1, x2: 2, x3: 2, y0: 3, y1: 3, y2: 4})
    t, ts, lim = timed(reps, lambda: cmf.limit(point, N, point))
    return t, reps, {"depth": N, "value": str(lim.as_float())[:22], "times": ts}


CASES = {
    "walk_1e4": lambda: walk(10**4, 3),
    "walk_1e5": lambda: walk(10**5, 1),
    "gmpy2_tree_1e4": lambda: tree(10**4, 3),
    "gmpy2_tree_1e5": lambda: tree(10**5, 3),
    "gmpy2_tree_1e6": lambda: tree(10**6, 1),
    "digits_precision_delta_1e5": lambda: digits_precision_delta(10**5),
    "digits_1e4": lambda: digits_n(10**4, 3),
    "identify_100": lambda: identify_rt(100, 21),
    "identify_1000": lambda: identify_rt(1000, 11),
    "identify_5000": lambda: identify_rt(5000, 5),
    "identify5_100": lambda: pslq12(100, 11),
    "identify5_1000": lambda: pslq12(1000, 5),
    "identify5_5000": lambda: pslq12(5000, 3),
    "pslq12_100": lambda: pslq12(100, 11),
    "pslq12_1000": lambda: pslq12(1000, 5),
    "pslq12_5000": lambda: pslq12(5000, 3),
    "cmf_pfq87_trajectory": cmf_pfq87,
    "cmf_walk_1e3": lambda: cmf_walk(10**3, 5),
    "cmf_walk_1e4": lambda: cmf_walk(10**4, 3),
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or any(c not in CASES for c in sys.argv[1:]):
        sys.exit(f"usage: {sys.argv[0]} CASE [CASE...]\ncases: {' '.join(CASES)}")
    for case in sys.argv[1:]:
        seconds, reps, detail = CASES[case]()
        print(json.dumps({"case": case, "seconds": seconds, "reps": reps, "detail": detail}, allow_nan=False), flush=True)
