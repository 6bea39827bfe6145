import Multiprecision

extension Constant {
  /// Guard bits for values not correctly rounded by one MPFR call; the result is then rounded once more.
  static let _guardBits = 64

  /// The constant rounded to `precision`, by the fastest method at hand:
  ///
  /// - π, e, G, ln k, √k: MPFR (`mpfr_const_pi`, AGM-based `mpfr_log`, `mpfr_const_catalan`, ...),
  ///   correctly rounded; φ = (1+√5)/2.
  /// - ζ(3): Amdeberhan–Zeilberger series by binary splitting (0.27 s at 10^5 digits); ζ(2m) for m ≤ 50:
  ///   |B_2m|·(2π)^2m / (2·(2m)!); other ζ(k) for k ≤ 64 from 2000 bits on: Borwein's series split
  ///   exactly (`_zetaBorwein`: ζ(5), ζ(7) 4.5 s at 10^5 digits against about 20 s for `mpfr_zeta_ui`,
  ///   ζ(21) 15 s against 27 s, ζ(63) 57 s against 95 s); the rest: `mpfr_zeta_ui`.
  /// - γ: MPFR's `mpfr_const_euler` (Brent–McMillan), correctly rounded (3.3 s at 10^5 digits).
  /// - δ = e·(Σ_{k≥1} (-1)^{k+1}/(k·k!) - γ) = e·E1(1), the series by binary splitting: at 10^5 digits
  ///   about 3.2 s, nearly all of it γ, against 4.2 s for MPFR's `mpfr_eint`.
  ///
  /// Values not correctly rounded by MPFR are computed with 64 guard bits, then rounded to `precision`.
  /// - Complexity: quasi-linear in the precision, O(M(n) log² n), for all but ζ(k) with k > 64 odd or
  ///   k > 100 even (MPFR's `mpfr_zeta_ui`, about quadratic); ζ(k) by Borwein's series grows with k as
  ///   its integers carry (N!)^k.
  public func value(_ precision: Precision) -> BigFloat {
    let bits = precision.bits
    let working = bits + Constant._guardBits
    switch kind {
    case .pi:
      return BigFloat.pi(precision)
    case .e:
      return BigFloat.e(precision)
    case .catalan:
      return BigFloat.catalan(precision)
    case .log(let k):
      return BigFloat(k, precision: .bits(working)).log().rounded(precision)
    case .sqrt(let k):
      return BigFloat(k, precision: .bits(working)).squareRoot().rounded(precision)
    case .goldenRatio:
      return ((BigFloat(5, precision: .bits(working)).squareRoot() + 1) / 2).rounded(precision)
    case .zeta(3):
      return Constant._zeta3(bits: working).rounded(precision)
    case .zeta(let k) where k % 2 == 0 && k <= Constant._zetaBernoulliCutoff:
      return Constant._zetaEven(k, bits: working).rounded(precision)
    case .zeta(let k) where Constant._zetaBySplitting(k, bits: bits):
      return Constant._zetaBorwein(k, bits: working).rounded(precision)
    case .zeta(let k):
      return BigFloat.zeta(k, precision)
    case .eulerGamma:
      return BigFloat.eulerGamma(precision)
    case .gompertz:
      return Constant._gompertz(bits: working).rounded(precision)
    case .gauss:
      return (1 / Constant._agmOneSqrt2(bits: working)).rounded(precision)
    case .lemniscate:
      return (BigFloat.pi(.bits(working)) / Constant._agmOneSqrt2(bits: working)).rounded(precision)
    case .khinchin:
      return Constant._khinchin(bits: working).rounded(precision)
    case .glaisher:
      return Constant._glaisher(bits: working).rounded(precision)
    }
  }

  /// Largest even k for which ζ(k) goes through its Bernoulli number, O(k²) rational operations.
  static let _zetaBernoulliCutoff = 100

  /// Largest k for which ζ(k) (odd, or even beyond the Bernoulli cutoff) goes through Borwein's series
  /// by binary splitting, whose numbers grow with k.
  static let _zetaSplittingCutoff = 64

  /// Precision in bits from which the splitting beats `mpfr_zeta_ui`.
  static let _zetaSplittingMinimumBits = 2000

  /// Whether ζ(k) at `bits` goes through `_zetaBorwein` rather than MPFR.
  static func _zetaBySplitting(_ k: Int, bits: Int) -> Bool {
    k <= _zetaSplittingCutoff && bits >= _zetaSplittingMinimumBits
  }
}

extension BigFloat {
  func rounded(_ precision: Precision) -> BigFloat { BigFloat(self, precision: precision) }
}

// MARK: - Series

extension Constant {
  /// agm(1, √2) by Gauss' iteration a ← (a+b)/2, b ← √(ab), which converges quadratically: the
  /// gap |a − b| squares (over 8·agm) each step, so it stops once the gap is below 2^−(bits+8), and
  /// the mean (a+b)/2 then lies within the gap of the limit.
  /// - Complexity: about log2(bits) square roots at `bits`.
  static func _agmOneSqrt2(bits: Int) -> BigFloat {
    let precision = Precision.bits(bits + 16)
    var a = BigFloat(1, precision: precision)
    var b = BigFloat(2, precision: precision).squareRoot()
    for _ in 0..<200 {
      let gap = (a - b).magnitude
      if gap.isZero || gap.log10Magnitude < -Double(bits + 8) / Precision.bitsPerDigit { break }
      (a, b) = ((a + b) / 2, (a * b).squareRoot())
    }
    return (a + b) / 2
  }
}

extension Constant {
  /// ζ(3) = (1/64) Σ_{k≥0} (-1)^k (k!)^10 (205k²+250k+77) / ((2k+1)!)^5, about 3.01 digits a term.
  /// - SeeAlso: T. Amdeberhan, D. Zeilberger, "Hypergeometric series acceleration via the WZ method",
  ///   Electron. J. Combin. 4(2) (1997), #R3.
  static func _zeta3(bits: Int) -> BigFloat {
    // |Term ratio| = k^5 / (32 (2k+1)^5) < 2^-10, so the tail after N terms is below 2^-10N · (205N²+250N+77)
    // < 2^-10N · 2^(2 log2 bits + 3).
    let terms = (bits + 2 * Int(_log2(Double(bits))) + 16) / 10 + 2
    let series = _HypergeometricSeries(
      p: { k in k == 0 ? 1 : -BigInt(k).power(5) },
      q: { k in k == 0 ? 1 : BigInt(2 * k + 1).power(5).shifted(by: 5) },
      a: { k in BigInt(205 * k * k + 250 * k + 77) },
      b: nil)
    return series.sum(0, terms, bits: bits) / 64
  }

  /// δ = e·E1(1) = e·(Σ_{k≥1} (-1)^{k+1}/(k·k!) - γ), from E1(x) = -γ - ln x + Σ_{k≥1} (-1)^{k+1} x^k/(k·k!).
  /// - SeeAlso: https://oeis.org/A073003
  static func _gompertz(bits: Int) -> BigFloat {
    // Terms until k·k! > 2^(bits + 8).
    var terms = 1
    var log2Size = 0.0
    while log2Size < Double(bits + 8) {
      terms += 1
      log2Size += _log2(Double(terms))
    }
    let series = _HypergeometricSeries(
      p: { k in k == 1 ? 1 : -1 },
      q: { k in BigInt(k) },
      a: { _ in 1 },
      b: { k in BigInt(k) })
    let e1 = series.sum(1, terms + 2, bits: bits) - BigFloat.eulerGamma(.bits(bits))
    return BigFloat.e(.bits(bits)) * e1
  }

  /// ζ(k) = (-1)^{k/2+1} B_k (2π)^k / (2·k!) for even k ≥ 2.
  /// - Complexity: O(k²) rational operations for B_k, then one power of π.
  static func _zetaEven(_ k: Int, bits: Int) -> BigFloat {
    precondition(k >= 2 && k % 2 == 0, "zeta(\(k)) is not of even index")
    let bernoulli = _bernoulli(k)
    let precision = Precision.bits(bits)
    let twoPi = BigFloat.pi(precision) * 2
    let magnitude = BigRational(bernoulli.numerator.magnitude, bernoulli.denominator * BigInt.factorial(k) * 2)
    return twoPi.power(k) * BigFloat(magnitude, precision: precision)
  }

  /// The Bernoulli number B_m (B_1 = -1/2).
  static func _bernoulli(_ m: Int) -> BigRational { _bernoulliNumbers(upTo: m)[m] }

  /// B_0 … B_m (B_1 = -1/2), from Σ_{j=0}^{m} C(m+1, j) B_j = 0.
  /// - Complexity: O(m²) rational operations.
  static func _bernoulliNumbers(upTo m: Int) -> [BigRational] {
    var b: [BigRational] = [1]
    for i in 1...max(1, m) {
      // B_i = -1/(i+1) Σ_{j<i} C(i+1, j) B_j; odd B_j vanish beyond B_1.
      var sum = BigRational.zero
      var binomial = BigInt(1)  // C(i+1, j)
      for j in 0..<i {
        if j == 1 || j % 2 == 0 { sum += BigRational(binomial) * b[j] }
        binomial = binomial * BigInt(i + 1 - j) / BigInt(j + 1)
      }
      b.append(BigRational(-sum.numerator, sum.denominator * BigInt(i + 1)))
    }
    return b
  }
}
