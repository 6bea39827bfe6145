import Multiprecision

extension Polynomial {
  /// The quotient self / divisor when it exists in ℤ[n], else `nil`.
  /// Precondition: `divisor` is not zero.
  /// - Complexity: O(deg(self)·deg(divisor)) coefficient operations.
  public func dividedExactly(by divisor: Polynomial) -> Polynomial? {
    precondition(!divisor.isZero, "division of \(self) by the zero polynomial")
    if isZero { return .zero }
    guard degree >= divisor.degree else { return nil }
    var remainder = coefficients
    let lead = divisor.leadingCoefficient
    var quotient = [BigInt](repeating: 0, count: degree - divisor.degree + 1)
    for k in stride(from: degree - divisor.degree, through: 0, by: -1) {
      let top = remainder[k + divisor.degree]
      if top.isZero { continue }
      guard top.isDivisible(by: lead) else { return nil }
      let q = top.dividedExactly(by: lead)
      quotient[k] = q
      for (j, d) in divisor.coefficients.enumerated() { remainder[k + j] -= q * d }
    }
    return remainder.allSatisfy(\.isZero) ? Polynomial(coefficients: quotient) : nil
  }

  /// Whether `divisor` divides self in ℤ[n].
  public func isDivisible(by divisor: Polynomial) -> Bool { dividedExactly(by: divisor) != nil }

  /// The pseudo-remainder of self by `divisor`: the remainder of lead(divisor)^k · self,
  /// k = deg(self) − deg(divisor) + 1, which stays in ℤ[n].
  func pseudoRemainder(_ divisor: Polynomial) -> Polynomial {
    var r = self
    let lead = divisor.leadingCoefficient
    while !r.isZero && r.degree >= divisor.degree {
      let shift = r.degree - divisor.degree
      let top = r.leadingCoefficient
      var shifted = [BigInt](repeating: 0, count: shift)
      shifted.append(contentsOf: divisor.coefficients.map { $0 * top })
      r = lead * r - Polynomial(coefficients: shifted)
    }
    return r
  }

  /// The primitive greatest common divisor in ℤ[n] (positive leading coefficient), content included:
  /// gcd(6n+6, 4n+4) = 2n+2. gcd(0, 0) = 0.
  /// - Complexity: primitive polynomial remainder sequence; fine for the small degrees of PCFs.
  public static func gcd(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
    if a.isZero { return b.isZero ? .zero : b.normalizedSign }
    if b.isZero { return a.normalizedSign }
    let contentGCD = BigInt.gcd(a.content, b.content)
    var (x, y) = (a.primitivePart, b.primitivePart)
    if x.degree < y.degree { swap(&x, &y) }
    while !y.isZero {
      let r = x.pseudoRemainder(y)
      x = y
      y = r.isZero ? r : r.primitivePart
    }
    return contentGCD * x.primitivePart
  }

  /// self or −self, whichever has a positive leading coefficient.
  public var normalizedSign: Polynomial { leadingCoefficient.isNegative ? -self : self }

  /// The monic-up-to-content linear factors (e·n − d) of self over ℚ, with multiplicity,
  /// found by the rational root theorem. Roots whose numerator or denominator candidates are
  /// too many to enumerate (a constant term beyond 10¹²) are not searched.
  public func rationalLinearFactors() -> [Polynomial] {
    var factors: [Polynomial] = []
    var p = primitivePart
    while p.degree >= 1 && p[0].isZero {
      factors.append(.n)
      p = Polynomial(coefficients: Array(p.coefficients.dropFirst()))
    }
    guard p.degree >= 1, let constant = Int(exactly: p[0].magnitude), constant <= 1_000_000_000_000,
      let lead = Int(exactly: p.leadingCoefficient.magnitude), lead <= 1_000_000_000_000
    else { return factors }
    for e in _divisors(lead) {
      for d in _divisors(constant) where BigInt.gcd(BigInt(d), BigInt(e)) == 1 {
        for numerator in [d, -d] {
          let factor = Polynomial([-numerator, e])
          while p.degree >= 1, let q = p.dividedExactly(by: factor) {
            factors.append(factor)
            p = q
          }
        }
      }
    }
    return factors
  }
}

extension Polynomial {
  /// The smallest n in 1...bound with p(n) = 0, if any; every n ≥ 1 for the zero polynomial gives 1.
  /// Integer roots are bounded by Cauchy's bound 1 + max|pᵢ/p_d|, so the scan is short.
  /// - Complexity: at most min(bound, Cauchy bound) evaluations.
  public func smallestPositiveIntegerRoot(upTo bound: Int) -> Int? {
    guard !isZero else { return bound >= 1 ? 1 : nil }
    let lead = leadingCoefficient.magnitude
    let cauchy = coefficients.dropLast().map { ($0.magnitude / lead) + 1 }.max() ?? 0
    let limit = Swift.min(bound, Int(exactly: cauchy + 1) ?? bound)
    guard limit >= 1 else { return nil }
    return (1...limit).first { self($0).isZero }
  }
}

/// Positive divisors of n ≥ 1 by trial division, ascending.
func _divisors(_ n: Int) -> [Int] {
  var small: [Int] = []
  var large: [Int] = []
  var d = 1
  while d * d <= n {
    if n % d == 0 {
      small.append(d)
      if d * d != n { large.append(n / d) }
    }
    d += 1
  }
  return small + large.reversed()
}
