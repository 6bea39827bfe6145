import Multiprecision

/// Integer polynomials as identification needs them, coefficients from degree 0 up: the square-free
/// part, the real root near a value, and the irreducible factor over ℚ that has that root.
///
/// An integer relation among (1, x, …, x^d) is a polynomial P with P(x) ≈ 0, but a small residual
/// |P(x)| says little near a multiple root: (x − 1)⁴ is below 10⁻⁴⁸ at x = 1 + 10⁻¹², a value that
/// differs from 1 at its 13th digit. So a relation is reduced to the irreducible factor F that has a
/// root r near x, and the digits an answer claims are those to which x agrees with r itself.
/// - SeeAlso: M. Mignotte, "An inequality about factors of polynomials", Math. Comp. 28 (1974),
///   1153–1157, for the bound on the coefficients of a factor that makes the factor search complete.
enum _MinimalPolynomial {
  /// The irreducible integer polynomial F (primitive, positive leading coefficient, degree ≥ 1) among
  /// the factors of `p` that has a real root r near `x`, with r at `x`'s precision; `nil` when no root
  /// could be isolated or the factor could not be decided.
  /// - Complexity: a gcd of p and p′, Newton's method at `x.precision`, and up to deg p − 1 PSLQ runs
  ///   of dimension at most deg p at the precision that the Mignotte bound of p asks for.
  static func factor(_ p: [BigInt], near x: BigFloat) -> (factor: [BigInt], root: BigFloat)? {
    var reduced = primitive(p)
    // x ≠ 0 has no relative agreement with the root 0: drop the factor x^j.
    while let first = reduced.first, first.isZero { reduced.removeFirst() }
    guard reduced.count >= 2 else { return nil }
    let s = squareFreePart(reduced)
    guard let r = root(of: s, near: x, precision: x.precision) else { return nil }
    guard let f = irreducibleFactor(s, root: r) else { return nil }
    return (f, r)
  }

  /// p divided by the gcd of its coefficients, signed so that the leading coefficient is positive,
  /// without zero leading coefficients; empty for the zero polynomial.
  static func primitive(_ p: [BigInt]) -> [BigInt] {
    var c = p
    while let last = c.last, last.isZero { c.removeLast() }
    guard let last = c.last else { return [] }
    let g = c.reduce(BigInt(0)) { BigInt.gcd($0, $1) }
    let sign = BigInt(last.isNegative ? -1 : 1)
    return c.map { $0.dividedExactly(by: g) * sign }
  }

  /// p′.
  static func derivative(_ p: [BigInt]) -> [BigInt] {
    p.count <= 1 ? [] : (1..<p.count).map { p[$0] * BigInt($0) }
  }

  /// The pseudo-remainder of a by b ≠ 0: r with lc(b)^k·a = q·b + r and deg r < deg b.
  static func pseudoRemainder(_ a: [BigInt], _ b: [BigInt]) -> [BigInt] {
    var r = a
    let lc = b[b.count - 1]
    while r.count >= b.count, let lr = r.last {
      let shift = r.count - b.count
      r = r.map { $0 * lc }
      for i in b.indices { r[i + shift] -= lr * b[i] }
      r.removeLast()
      while let last = r.last, last.isZero { r.removeLast() }
    }
    return r
  }

  /// The primitive gcd of a and b (primitive remainder sequence); [1] when they are coprime.
  static func gcd(_ a: [BigInt], _ b: [BigInt]) -> [BigInt] {
    var (u, v) = (primitive(a), primitive(b))
    if u.isEmpty { return v }
    while !v.isEmpty {
      (u, v) = (v, primitive(pseudoRemainder(u, v)))
    }
    return u
  }

  /// a / b when b divides a in ℤ[x], else `nil`. Precondition: b ≠ 0.
  static func exactQuotient(_ a: [BigInt], _ b: [BigInt]) -> [BigInt]? {
    precondition(!(b.last?.isZero ?? true), "division by a polynomial with a zero leading coefficient")
    var r = a
    while let last = r.last, last.isZero { r.removeLast() }
    guard r.count >= b.count else { return r.isEmpty ? [0] : nil }
    var q = [BigInt](repeating: 0, count: r.count - b.count + 1)
    let lc = b[b.count - 1]
    while r.count >= b.count, let lr = r.last {
      guard lr.isDivisible(by: lc) else { return nil }
      let t = lr.dividedExactly(by: lc)
      let shift = r.count - b.count
      q[shift] = t
      for i in b.indices { r[i + shift] -= t * b[i] }
      r.removeLast()
      while let last = r.last, last.isZero { r.removeLast() }
    }
    return r.isEmpty ? q : nil
  }

  /// p / gcd(p, p′), primitive: the product of p's distinct irreducible factors. Precondition: p
  /// primitive of degree ≥ 1.
  static func squareFreePart(_ p: [BigInt]) -> [BigInt] {
    let g = gcd(p, derivative(p))
    guard g.count > 1, let quotient = exactQuotient(p, g) else { return p }
    return primitive(quotient)
  }

  /// A real root of the square-free p found by Newton's method from `x` at `precision`; `nil` when the
  /// iteration does not settle (no simple root near x).
  static func root(of p: [BigInt], near x: BigFloat, precision: Precision) -> BigFloat? {
    let coefficients = p.map { BigFloat($0, precision: precision) }
    var r = BigFloat(x, precision: precision)
    let bits = precision.bits
    let budget = 64 + Int(_log2(Double(bits)))
    for _ in 0..<budget {
      var f = coefficients[coefficients.count - 1]
      var d = BigFloat(precision: precision)
      for c in coefficients.dropLast().reversed() {
        d = d * r + f
        f = f * r + c
      }
      if f.isZero { return r }
      guard f.isFinite, d.isFinite, !d.isZero else { return nil }
      let step = f / d
      r -= step
      guard r.isFinite, !r.isZero else { return nil }
      // Quadratic convergence: once a step is at the rounding level, r is a root to the precision.
      if step.log10Magnitude * Precision.bitsPerDigit < r.log10Magnitude * Precision.bitsPerDigit - Double(bits - 8) {
        return r
      }
    }
    return nil
  }

  /// The factor of the square-free s that vanishes at its root r, irreducible over ℚ: for k = 1, 2, …
  /// PSLQ on (1, r, …, r^k) either finds a relation — kept when it divides s exactly — or proves that
  /// none within Mignotte's bound 2^k·‖s‖₂ exists, so no factor of degree k vanishes at r; s itself
  /// when no degree below its own has one. `nil` when PSLQ cannot decide within four doublings of
  /// its precision.
  static func irreducibleFactor(_ s: [BigInt], root r: BigFloat) -> [BigInt]? {
    let degree = s.count - 1
    if degree <= 1 { return s }
    let norm = s.reduce(BigInt(0)) { $0 + $1 * $1 }.squareRoot() + 1
    for k in 1..<degree {
      let bound = norm.shifted(by: k)
      var bits = IntegerRelation.detectionBits(count: k + 1, maxCoefficient: bound, algorithm: .pslq) + 64
      var decided = false
      for _ in 0..<4 {
        guard let precise = root(of: s, near: r, precision: .bits(bits + 64)) else { return nil }
        var powers = [BigFloat(1, precision: precise.precision)]
        for _ in 0..<k { powers.append(powers[powers.count - 1] * precise) }
        switch PSLQ.search(powers, maxCoefficient: bound, precision: .bits(bits)) {
        case .found(let relation):
          let f = primitive(relation.coefficients)
          if f.count >= 2, exactQuotient(s, f) != nil { return f }
        case .none:
          decided = true
        case .exhausted:
          break
        }
        if decided { break }
        bits *= 2
      }
      if !decided { return nil }
    }
    return s
  }
}
