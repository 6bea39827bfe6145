import Multiprecision

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Named constants of the LIReC kind beyond MPFR's: Khinchin's K₀ and the Glaisher–Kinkelin A,
// each from a series with a proven bound on its tail.

extension Constant {
  /// ln K₀ = (1/ln 2) Σ_{n≥1} (ζ(2n) − 1)/n · A_n, A_n = Σ_{k=1}^{2n−1} (−1)^{k+1}/k ∈ (ln 2, 1].
  ///
  /// ζ(2n) − 1 ≤ 1.6·4^−n for n ≥ 1 (ζ(2) − 1 = 0.645), so the terms after the first T sum to less
  /// than 1.6·4^−T/(3T): T = bits/2 + 8 terms leave a tail below 2^−(bits+8).
  /// - Complexity: about bits/2 values ζ(2n) − 1 (`_zetaMinusOne`), each at bits + 2n bits.
  /// - SeeAlso: D. H. Bailey, J. M. Borwein, R. E. Crandall, "On the Khintchine constant",
  ///   Math. Comp. 66 (1997), 417–431, eq. (1.7).
  static func _khinchin(bits: Int) -> BigFloat {
    let precision = Precision.bits(bits + 32)
    let terms = bits / 2 + 8
    var sum = BigFloat(0, precision: precision)
    var alternating = BigFloat(1, precision: precision)  // A_1 = 1
    for n in 1...terms {
      if n > 1 {
        // A_n = A_{n−1} − 1/(2n−2) + 1/(2n−1).
        alternating =
          alternating - BigFloat(1, precision: precision) / (2 * n - 2)
          + BigFloat(1, precision: precision) / (2 * n - 1)
      }
      let z = BigFloat(_zetaMinusOne(2 * n, bits: bits + 32), precision: precision)
      sum += z * alternating / n
    }
    return (sum / BigFloat.log2(precision)).exp()
  }

  /// ζ(s) − 1 to `bits` bits relative (it is about 2^−s): the direct sum Σ_{k=2}^{K} k^−s when
  /// K ≤ 64 suffices (tail below K^{1−s}/(s−1) < 2^−(bits+8)·2^−s), else ζ(s) at bits + s bits, less 1.
  static func _zetaMinusOne(_ s: Int, bits: Int) -> BigFloat {
    let precision = Precision.bits(bits + 16)
    // K with (K/2)^{s−1}·(s−1) ≥ 2^{bits+8}·2: enough that the tail is below the target relative to 2^−s.
    let needed = Double(bits + 10) / Double(s - 1)
    if needed <= 5 {
      let k = Int((2 * pow(2, needed)).rounded(.up)) + 1
      var sum = BigFloat(0, precision: precision)
      for j in 2...k { sum += BigFloat(1, precision: precision) / BigFloat(BigInt(j).power(s), precision: precision) }
      return sum
    }
    let z = Constant.zeta(s).value(.bits(bits + s + 16))
    return BigFloat(z - 1, precision: precision)
  }

  /// ln A = (γ + ln 2π − 6ζ′(2)/π²)/12 (from ζ′(2)/ζ(2) = γ + ln 2π − 12 ln A), with
  /// −ζ′(2) = Σ_{k≥2} ln k/k² summed directly to M − 1 and from M by Euler–Maclaurin:
  ///
  ///     Σ_{k≥M} f(k) = (ln M + 1)/M + ln M/(2M²) + Σ_{j=1}^{p} B_{2j}(ln M + 1 − H_{2j})/M^{2j+1} + R_p,
  ///
  /// f(x) = ln x/x², f^{(m)}(x) = (−1)^m (m+1)! x^{−m−2}(ln x + 1 − H_{m+1}). For M ≥ 10p the
  /// derivatives keep one sign on [M, ∞), so |R_p| is at most the first omitted term,
  /// about (2p)!/(2πM)^{2p}·ln M ≤ (20πp/(2p/e))^{−2p}·ln M = (10πe)^{−2p}·ln M: p = bits/12.8 + 4.
  /// - Complexity: M = 10p logarithms, B_2 … B_2p (O(p²) rational operations), γ and ln 2π.
  /// - SeeAlso: https://oeis.org/A074962 (A), https://oeis.org/A073002 (−ζ′(2)).
  static func _glaisher(bits: Int) -> BigFloat {
    let precision = Precision.bits(bits + 32)
    let p = bits * 10 / 128 + 4
    let m = 10 * p
    var sum = BigFloat(0, precision: precision)
    for k in 2..<m {
      sum += BigFloat(k, precision: precision).log() / (k * k)
    }
    let bigM = BigFloat(m, precision: precision)
    let logM = bigM.log()
    var tail = (logM + 1) / bigM + logM / (bigM * bigM * 2)
    let bernoulli = _bernoulliNumbers(upTo: 2 * p)
    var harmonic = BigFloat(1, precision: precision)  // H_1, advanced to H_{2j}
    var power = bigM  // M^{2j+1}, advanced before use
    for j in 1...p {
      harmonic = harmonic + BigFloat(1, precision: precision) / (2 * j)
      if j > 1 { harmonic = harmonic + BigFloat(1, precision: precision) / (2 * j - 1) }
      power = power * bigM * bigM
      let b = BigFloat(bernoulli[2 * j], precision: precision)
      tail += b * (logM + 1 - harmonic) / power
    }
    let zetaPrime = -(sum + tail)
    let pi = BigFloat.pi(precision)
    let logA = (BigFloat.eulerGamma(precision) + (pi * 2).log() - zetaPrime * 6 / (pi * pi)) / 12
    return logA.exp()
  }
}
