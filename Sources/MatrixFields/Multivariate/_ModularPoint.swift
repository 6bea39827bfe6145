import Multiprecision
import Polynomials

/// Arithmetic modulo the Mersenne prime p = 2⁶¹ − 1, for cheap certificates of non-divisibility:
/// if f | g then g vanishes wherever f does, also modulo p, so a point with f ≡ 0 and g ≢ 0 proves
/// that f does not divide g. A zero proves nothing (the exact test follows).
enum _Mod61 {
  static let p: UInt64 = (1 << 61) - 1

  @inline(__always)
  static func reduce(_ x: UInt64) -> UInt64 {
    let r = (x & p) &+ (x >> 61)
    return r >= p ? r - p : r
  }

  @inline(__always)
  static func add(_ a: UInt64, _ b: UInt64) -> UInt64 { reduce(a &+ b) }

  @inline(__always)
  static func sub(_ a: UInt64, _ b: UInt64) -> UInt64 { a >= b ? a - b : a &+ p &- b }

  @inline(__always)
  static func mul(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let (high, low) = a.multipliedFullWidth(by: b)
    // a·b = high·2⁶⁴ + low = (high·8 + low>>61)·2⁶¹ + (low & p), and 2⁶¹ ≡ 1.
    let folded = (high << 3) | (low >> 61)
    return reduce(reduce(low & p) &+ reduce(folded))
  }

  static func power(_ a: UInt64, _ e: UInt64) -> UInt64 {
    var result: UInt64 = 1
    var base = a
    var k = e
    while k > 0 {
      if k & 1 == 1 { result = mul(result, base) }
      base = mul(base, base)
      k >>= 1
    }
    return result
  }

  /// a⁻¹ mod p. Precondition: a ≢ 0.
  static func inverse(_ a: UInt64) -> UInt64 { power(a, p - 2) }

  /// x mod p in 0..<p.
  @inline(__always)
  static func residue(_ x: BigInt) -> UInt64 { UInt64(x.remainder(dividingBy: UInt(p))) }

  static func residue(_ x: Int) -> UInt64 {
    let r = x % Int(p)
    return UInt64(r < 0 ? r + Int(p) : r)
  }

  /// f(x) mod p by Horner's rule.
  static func evaluate(_ f: Polynomial, at x: UInt64) -> UInt64 {
    var result: UInt64 = 0
    for c in f.coefficients.reversed() { result = add(mul(result, x), residue(c)) }
    return result
  }

  /// f(point) mod p, each power of a coordinate computed once.
  static func evaluate(_ f: MultivariatePolynomial, at point: [UInt64]) -> UInt64 {
    var powers = point.map { [1, $0] }
    var sum: UInt64 = 0
    for (m, c) in f.terms {
      var t = residue(c)
      for (i, e) in m.exponents.enumerated() where e > 0 {
        while powers[i].count <= e { powers[i].append(mul(powers[i].last!, point[i])) }
        t = mul(t, powers[i][e])
      }
      sum = add(sum, t)
    }
    return sum
  }
}

enum _ModularPoint {
  /// A fixed pseudo-random point (SplitMix64 from a constant seed): the certificate is only a
  /// filter, so determinism costs nothing and keeps runs repeatable.
  static func point(_ count: Int, salt: UInt64 = 0) -> [UInt64] {
    var state: UInt64 = 0x5EED_CAFE_F00D_0001 &+ salt
    return (0..<count).map { _ in
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return _Mod61.reduce(z ^ (z >> 31))
    }
  }

  /// Whether a point modulo p where `divisor` vanishes and `dividend` does not proves that the
  /// division is not exact. Uses a variable in which the divisor has degree 1 (solved for it);
  /// `false` means "not proven", never "divisible".
  static func provesNotDivisible(_ dividend: MultivariatePolynomial, by divisor: MultivariatePolynomial) -> Bool {
    guard let v = (0..<divisor.variableCount).first(where: { divisor.degree(in: $0) == 1 }) else { return false }
    var point = point(divisor.variableCount)
    let parts = divisor.coefficients(in: v)  // divisor = parts[1]·x_v + parts[0]
    let alpha = _Mod61.evaluate(parts[1], at: point)
    guard alpha != 0 else { return false }
    let beta = _Mod61.evaluate(parts[0], at: point)
    point[v] = _Mod61.mul(_Mod61.sub(0, beta), _Mod61.inverse(alpha))
    return _Mod61.evaluate(dividend, at: point) != 0
  }
}
