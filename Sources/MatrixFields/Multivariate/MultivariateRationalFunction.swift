import Multiprecision
import Polynomials

/// A rational function N / (c·Π fᵢ^eᵢ) over ℚ in d variables: an expanded integer numerator and a
/// denominator kept as a positive integer c times powers of nonconstant polynomial factors.
///
/// Normal form: each factor is primitive with a positive leading coefficient and distinct from the
/// others; no factor shares a nonconstant divisor with the numerator (factors that do are split
/// by gcd and cancelled), and gcd(content(N), c) = 1. Keeping the denominator factored — as the
/// field was written, `1/((x+1)(y−2))` — lets substitution along a trajectory see the linear
/// factors that later cancel.
/// - Complexity: a product or sum costs the polynomial products plus one divisibility test per
///   denominator factor (rejected cheaply modulo a prime when it fails).
public struct MultivariateRationalFunction: Sendable {
  /// The numerator, carrying the sign.
  public let numerator: MultivariatePolynomial
  /// The positive integer part c of the denominator.
  public let denominatorConstant: BigInt
  /// The factors fᵢ of the denominator with their exponents eᵢ ≥ 1, greatest leading monomial
  /// first.
  public let denominatorFactors: [(polynomial: MultivariatePolynomial, exponent: Int)]

  public var variableCount: Int { numerator.variableCount }

  /// The polynomial p as a rational function.
  public init(_ p: MultivariatePolynomial) {
    numerator = p
    denominatorConstant = 1
    denominatorFactors = []
  }

  /// The constant c in `variables` variables.
  public init(_ c: Int, variables: Int) { self.init(MultivariatePolynomial(c, variables: variables)) }

  /// The constant p/q in `variables` variables.
  public init(_ c: BigRational, variables: Int) {
    self.init(
      numerator: MultivariatePolynomial(constant: c.numerator, variables: variables), constant: c.denominator,
      factors: [])
  }

  /// numerator / (constant · Π factors), brought to normal form. Precondition: the denominator
  /// is not zero.
  public init(
    numerator: MultivariatePolynomial, constant: BigInt = 1,
    factors: [(polynomial: MultivariatePolynomial, exponent: Int)]
  ) {
    precondition(!constant.isZero, "rational function with a zero denominator")
    var n = numerator
    var c = constant
    if c.isNegative {
      c.negate()
      n = -n
    }
    // Fold constants and contents into c, merge equal factors.
    var merged: [MultivariatePolynomial: Int] = [:]
    for (f, e) in factors where e != 0 {
      precondition(e > 0, "negative exponent \(e) of a denominator factor")
      precondition(!f.isZero, "rational function with a zero denominator")
      var unit = f.content
      if f.leadingCoefficient.isNegative { unit.negate() }
      let g = f.dividedExactly(byInteger: unit)
      c *= unit.power(e)
      if g.isConstant { continue }
      merged[g, default: 0] += e
    }
    if c.isNegative {
      c.negate()
      n = -n
    }
    if n.isZero {
      self.numerator = n
      self.denominatorConstant = 1
      self.denominatorFactors = []
      return
    }
    // Cancel each factor against the numerator; split factors that share a divisor with it.
    var pending = merged.map { ($0.key, $0.value) }
    var kept: [(polynomial: MultivariatePolynomial, exponent: Int)] = []
    while let (f, e) = pending.popLast() {
      var exponent = e
      while exponent > 0, let q = n.dividedExactly(by: f) {
        n = q
        exponent -= 1
      }
      guard exponent > 0 else { continue }
      if f.totalDegree > 1 {
        let g = MultivariatePolynomial.gcd(f, n)
        if !g.isConstant {
          let rest = f.dividedExactly(by: g)!
          pending.append((g, exponent))
          if !rest.isConstant { pending.append((rest.primitivePart, exponent)) }
          continue
        }
      }
      kept.append((f, exponent))
    }
    // Merge factors that became equal after splitting, then order canonically.
    var final: [MultivariatePolynomial: Int] = [:]
    for (f, e) in kept { final[f, default: 0] += e }
    let g = BigInt.gcd(n.content, c)
    self.numerator = n.dividedExactly(byInteger: g)
    self.denominatorConstant = c.dividedExactly(by: g)
    self.denominatorFactors = final.map { ($0.key, $0.value) }.sorted {
      $0.polynomial.leadingMonomial != $1.polynomial.leadingMonomial
        ? $0.polynomial.leadingMonomial > $1.polynomial.leadingMonomial
        : $0.polynomial.sortedTerms.lexicographicallyPrecedes($1.polynomial.sortedTerms) { a, b in
          a.monomial != b.monomial ? a.monomial > b.monomial : a.coefficient < b.coefficient
        }
    }
  }

  init(
    normalizedNumerator: MultivariatePolynomial, constant: BigInt,
    factors: [(polynomial: MultivariatePolynomial, exponent: Int)]
  ) {
    numerator = normalizedNumerator
    denominatorConstant = constant
    denominatorFactors = factors
  }
}

// MARK: - Queries

extension MultivariateRationalFunction {
  public var isZero: Bool { numerator.isZero }
  /// Whether the denominator is 1.
  public var isPolynomial: Bool { denominatorConstant == 1 && denominatorFactors.isEmpty }
  /// The expanded denominator c·Π fᵢ^eᵢ.
  public var denominator: MultivariatePolynomial {
    denominatorFactors.reduce(MultivariatePolynomial(constant: denominatorConstant, variables: variableCount)) {
      $0 * $1.polynomial.power($1.exponent)
    }
  }
  /// The value when this is a constant, else `nil`.
  public var constantValue: BigRational? {
    guard denominatorFactors.isEmpty, let n = numerator.constantValue else { return nil }
    return BigRational(n, denominatorConstant)
  }
}

// MARK: - Field operations

extension MultivariateRationalFunction {
  public static func * (lhs: MultivariateRationalFunction, rhs: MultivariateRationalFunction)
    -> MultivariateRationalFunction
  {
    if lhs.isZero { return lhs }
    if rhs.isZero { return rhs }
    if lhs.isPolynomial && rhs.isPolynomial { return MultivariateRationalFunction(lhs.numerator * rhs.numerator) }
    return MultivariateRationalFunction(
      numerator: lhs.numerator * rhs.numerator, constant: lhs.denominatorConstant * rhs.denominatorConstant,
      factors: lhs.denominatorFactors + rhs.denominatorFactors)
  }

  public static func + (lhs: MultivariateRationalFunction, rhs: MultivariateRationalFunction)
    -> MultivariateRationalFunction
  {
    if lhs.isZero { return rhs }
    if rhs.isZero { return lhs }
    if lhs.isPolynomial && rhs.isPolynomial { return MultivariateRationalFunction(lhs.numerator + rhs.numerator) }
    // Common denominator: the larger power of each factor, the lcm of the constants.
    var exponents: [MultivariatePolynomial: (Int, Int)] = [:]
    for (f, e) in lhs.denominatorFactors { exponents[f, default: (0, 0)].0 = e }
    for (f, e) in rhs.denominatorFactors { exponents[f, default: (0, 0)].1 = e }
    let constant = BigInt.lcm(lhs.denominatorConstant, rhs.denominatorConstant)
    let d = lhs.variableCount
    var left = MultivariatePolynomial(constant: constant.dividedExactly(by: lhs.denominatorConstant), variables: d)
    var right = MultivariatePolynomial(constant: constant.dividedExactly(by: rhs.denominatorConstant), variables: d)
    var factors: [(polynomial: MultivariatePolynomial, exponent: Int)] = []
    for (f, (a, b)) in exponents {
      let e = max(a, b)
      factors.append((f, e))
      if e > a { left *= f.power(e - a) }
      if e > b { right *= f.power(e - b) }
    }
    return MultivariateRationalFunction(
      numerator: lhs.numerator * left + rhs.numerator * right, constant: constant, factors: factors)
  }

  public static prefix func - (x: MultivariateRationalFunction) -> MultivariateRationalFunction {
    MultivariateRationalFunction(
      normalizedNumerator: -x.numerator, constant: x.denominatorConstant, factors: x.denominatorFactors)
  }

  public static func - (lhs: MultivariateRationalFunction, rhs: MultivariateRationalFunction)
    -> MultivariateRationalFunction
  { lhs + (-rhs) }

  /// 1/x, with the numerator as one denominator factor. Precondition: x ≠ 0.
  public var reciprocal: MultivariateRationalFunction {
    precondition(!isZero, "reciprocal of the zero rational function")
    let d = variableCount
    var numeratorOfResult = MultivariatePolynomial(constant: denominatorConstant, variables: d)
    for (f, e) in denominatorFactors { numeratorOfResult *= f.power(e) }
    return MultivariateRationalFunction(numerator: numeratorOfResult, constant: 1, factors: [(numerator, 1)])
  }

  /// lhs / rhs. Precondition: rhs ≠ 0.
  public static func / (lhs: MultivariateRationalFunction, rhs: MultivariateRationalFunction)
    -> MultivariateRationalFunction
  { lhs * rhs.reciprocal }

  public static func += (lhs: inout MultivariateRationalFunction, rhs: MultivariateRationalFunction) {
    lhs = lhs + rhs
  }
  public static func -= (lhs: inout MultivariateRationalFunction, rhs: MultivariateRationalFunction) {
    lhs = lhs - rhs
  }
  public static func *= (lhs: inout MultivariateRationalFunction, rhs: MultivariateRationalFunction) {
    lhs = lhs * rhs
  }

  /// xᵏ for any integer k (k < 0 needs x ≠ 0).
  public func power(_ k: Int) -> MultivariateRationalFunction {
    if k < 0 { return reciprocal.power(-k) }
    return MultivariateRationalFunction(
      normalizedNumerator: numerator.power(k), constant: denominatorConstant.power(k),
      factors: k == 0 ? [] : denominatorFactors.map { ($0.polynomial, $0.exponent * k) })
  }
}

extension MultivariateRationalFunction: Equatable {
  /// Mathematical equality: N₁·D₂ = N₂·D₁.
  public static func == (lhs: MultivariateRationalFunction, rhs: MultivariateRationalFunction) -> Bool {
    if lhs.isPolynomial && rhs.isPolynomial { return lhs.numerator == rhs.numerator }
    return lhs.numerator * rhs.denominator == rhs.numerator * lhs.denominator
  }
}

// MARK: - Substitution

extension MultivariateRationalFunction {
  /// The value at a rational point; `nil` where the denominator vanishes.
  public func evaluated(at values: [BigRational]) -> BigRational? {
    let d = denominator.evaluated(at: values)
    guard !d.isZero else { return nil }
    return numerator.evaluated(at: values) / d
  }

  /// The shift x_i → x_i + k.
  public func shifted(_ i: Int, by k: Int) -> MultivariateRationalFunction {
    shifted(by: (0..<variableCount).map { $0 == i ? k : 0 })
  }

  /// The shift xᵢ → xᵢ + offsets[i].
  public func shifted(by offsets: [Int]) -> MultivariateRationalFunction {
    MultivariateRationalFunction(
      normalizedNumerator: numerator.shifted(by: offsets), constant: denominatorConstant,
      factors: denominatorFactors.map { ($0.polynomial.shifted(by: offsets).normalizedSign, $0.exponent) })
  }

  /// Each variable replaced by a polynomial (composition), brought back to normal form.
  public func substituting(_ values: [MultivariatePolynomial]) -> MultivariateRationalFunction {
    MultivariateRationalFunction(
      numerator: numerator.substituting(values), constant: denominatorConstant,
      factors: denominatorFactors.map { ($0.polynomial.substituting(values), $0.exponent) })
  }
}
