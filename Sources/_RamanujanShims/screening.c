// The screening kernel of the Search module (see RamanujanShims.h). C only for one reason:
// per-function target attributes, so the same binary uses AVX2+FMA where the CPU has them.
#include "RamanujanShims.h"
#include <math.h>

#define LANES 8

static inline __attribute__((always_inline)) void screen8_body(
    int da, int db, const double *diff_a, const double *diff_b, const double *a0, int depth,
    double *value, double *last_change, double *half_change, int use_fma) {
  double A[16 * LANES], B[16 * LANES];
  double p0[LANES], p1[LANES], q0[LANES], q1[LANES], half[LANES];
  for (int i = 0; i < (da + 1) * LANES; i++) A[i] = diff_a[i];
  for (int i = 0; i < (db + 1) * LANES; i++) B[i] = diff_b[i];
  for (int l = 0; l < LANES; l++) {
    p0[l] = 1; p1[l] = a0[l]; q0[l] = 0; q1[l] = 1; half[l] = NAN;
  }
  const int middle = depth / 2;
  for (int n = 1; n <= depth; n++) {
    for (int l = 0; l < LANES; l++) {
      double p2, q2;
      if (use_fma) {
        p2 = __builtin_fma(A[l], p1[l], B[l] * p0[l]);
        q2 = __builtin_fma(A[l], q1[l], B[l] * q0[l]);
      } else {
        p2 = A[l] * p1[l] + B[l] * p0[l];
        q2 = A[l] * q1[l] + B[l] * q0[l];
      }
      p0[l] = p1[l]; p1[l] = p2; q0[l] = q1[l]; q1[l] = q2;
    }
    for (int k = 0; k < da; k++)
      for (int l = 0; l < LANES; l++) A[k * LANES + l] += A[(k + 1) * LANES + l];
    for (int k = 0; k < db; k++)
      for (int l = 0; l < LANES; l++) B[k * LANES + l] += B[(k + 1) * LANES + l];
    if ((n & 15) == 0) {
      for (int l = 0; l < LANES; l++) {
        double m = fmax(fmax(fabs(p0[l]), fabs(p1[l])), fmax(fabs(q0[l]), fabs(q1[l])));
        if (m > 0 && isfinite(m)) {
          // 2^-e for m in [2^(e-1), 2^e), built from the exponent bits (exact, no libm call).
          union { double d; unsigned long long u; } bits = {.d = m};
          int e = (int)((bits.u >> 52) & 0x7ff) - 1022;
          if (e > -1000 && e < 1000) {
            union { double d; unsigned long long u; } scale = {.u = (unsigned long long)(1023 - e) << 52};
            p0[l] *= scale.d; p1[l] *= scale.d; q0[l] *= scale.d; q1[l] *= scale.d;
          }
        }
      }
    }
    if (n == middle)
      for (int l = 0; l < LANES; l++) half[l] = p1[l] / q1[l];
  }
  for (int l = 0; l < LANES; l++) {
    value[l] = p1[l] / q1[l];
    last_change[l] = fabs(value[l] - p0[l] / q0[l]);
    half_change[l] = fabs(value[l] - half[l]);
  }
}

// Degrees up to these bounds get code with constant loop bounds (a, b kept in registers).
#define SPECIALIZE(DA, DB, FMA) \
  case (DA) * 16 + (DB): \
    screen8_body(DA, DB, diff_a, diff_b, a0, depth, value, last_change, half_change, FMA); \
    return;
#define SPECIALIZE_B(DA, FMA) \
  SPECIALIZE(DA, 0, FMA) SPECIALIZE(DA, 1, FMA) SPECIALIZE(DA, 2, FMA) SPECIALIZE(DA, 3, FMA) \
  SPECIALIZE(DA, 4, FMA) SPECIALIZE(DA, 5, FMA) SPECIALIZE(DA, 6, FMA) SPECIALIZE(DA, 8, FMA)
#define SPECIALIZE_ALL(FMA) \
  switch (da * 16 + db) { \
    SPECIALIZE_B(0, FMA) SPECIALIZE_B(1, FMA) SPECIALIZE_B(2, FMA) SPECIALIZE_B(3, FMA) SPECIALIZE_B(4, FMA) \
    default: screen8_body(da, db, diff_a, diff_b, a0, depth, value, last_change, half_change, FMA); \
  }

__attribute__((target("avx2,fma"))) static void screen8_avx2(
    int da, int db, const double *diff_a, const double *diff_b, const double *a0, int depth,
    double *value, double *last_change, double *half_change) {
  SPECIALIZE_ALL(1)
}

static void screen8_portable(
    int da, int db, const double *diff_a, const double *diff_b, const double *a0, int depth,
    double *value, double *last_change, double *half_change) {
  SPECIALIZE_ALL(0)
}

void rmj_screen8(int da, int db, const double *diff_a, const double *diff_b, const double *a0,
                 int depth, double *value, double *last_change, double *half_change) {
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
    screen8_avx2(da, db, diff_a, diff_b, a0, depth, value, last_change, half_change);
    return;
  }
#endif
  screen8_portable(da, db, diff_a, diff_b, a0, depth, value, last_change, half_change);
}
