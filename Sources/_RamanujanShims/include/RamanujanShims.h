// Internal: no public API. Exposes GMP and MPFR to the Multiprecision module,
// declares the screening kernel of the Search module (screening.c), and
// wraps the function-like macros that Swift cannot call.
#ifndef RAMANUJAN_SHIMS_H
#define RAMANUJAN_SHIMS_H

#include <stdio.h>
#include <gmp.h>
#include <mpfr.h>

static inline int rmj_mpz_sgn(const __mpz_struct *z) { return mpz_sgn(z); }
static inline int rmj_mpz_cmp_si(const __mpz_struct *z, long v) { return mpz_cmp_si(z, v); }
static inline int rmj_mpz_odd(const __mpz_struct *z) { return mpz_odd_p(z); }
static inline int rmj_mpfr_sgn(const __mpfr_struct *x) { return mpfr_sgn(x); }

/// r += x * v for a signed machine word v (GMP only has the unsigned form).
static inline void rmj_mpz_addmul_si(__mpz_struct *r, const __mpz_struct *x, long v) {
  if (v >= 0) mpz_addmul_ui(r, x, (unsigned long)v);
  else mpz_submul_ui(r, x, -(unsigned long)v);
}

/// z = hi * 2^64 + lo, for 128-bit machine values.
static inline void rmj_mpz_set_i128(__mpz_struct *z, long long hi, unsigned long long lo) {
  mpz_set_si(z, hi);
  mpz_mul_2exp(z, z, 64);
  mpz_add_ui(z, z, lo);
}

/// Screens 8 PCFs in double precision to `depth`: p(n) = a(n)p(n−1) + b(n)p(n−2), the same for q,
/// with a(n), b(n) advanced by forward differences and power-of-two rescaling every 16 steps.
/// `diff_a` holds (degree_a + 1)·8 doubles, lane-minor: diff_a[k*8 + lane] is the k-th forward
/// difference at n = 1; likewise `diff_b`; `a0[lane]` = a(0). Outputs per lane: p(N)/q(N),
/// |x(N) − x(N−1)| and |x(N) − x(⌊N/2⌋)|. Uses AVX2+FMA when the CPU has them (checked once),
/// portable code otherwise. Degrees are at most 15. Outputs may not alias inputs.
void rmj_screen8(int degree_a, int degree_b, const double *diff_a, const double *diff_b, const double *a0,
                 int depth, double *value, double *last_change, double *half_change);

#endif
