import Multiprecision
import Polynomials

/// A polynomial with integer (GMP) coefficients in a fixed number d of variables x₀ … x_{d−1},
/// stored sparsely as monomial → coefficient with no zero coefficients.
///
/// Variables are numbered; names belong to whoever prints or parses (a `CMF` names its axes).
/// The leading term is the greatest monomial in lexicographic order (`Monomial.<`).
/// - Complexity: products cost (terms of lhs)·(terms of rhs) coefficient multiplications.
public struct MultivariatePolynomial: Sendable, Hashable {
  /// The number of variables d.
  public let variableCount: Int
  /// Monomial → nonzero coefficient.
  public private(set) var terms: [Monomial: BigInt]

  /// Σ terms[m]·m; zero coefficients are dropped. Precondition: every monomial has
  /// `variableCount` exponents.
  public init(variableCount: Int, terms: [Monomial: BigInt]) {
    precondition(
      terms.keys.allSatisfy { $0.variableCount == variableCount },
      "a monomial does not have \(variableCount) exponents")
    self.variableCount = variableCount
    self.terms = terms.filter { !$0.value.isZero }
  }

  init(variableCount: Int, nonzeroTerms: [Monomial: BigInt]) {
    self.variableCount = variableCount
    self.terms = nonzeroTerms
  }

  /// The constant c in `variables` variables.
  public init(constant c: BigInt, variables: Int) {
    self.init(variableCount: variables, nonzeroTerms: c.isZero ? [:] : [.one(variables: variables): c])
  }

  /// The constant c in `variables` variables.
  public init(_ c: Int, variables: Int) { self.init(constant: BigInt(c), variables: variables) }

  /// The variable x_i of `variables` variables.
  public static func variable(_ i: Int, of variables: Int) -> MultivariatePolynomial {
    precondition(i >= 0 && i < variables, "variable \(i) is not one of \(variables)")
    return MultivariatePolynomial(variableCount: variables, nonzeroTerms: [.variable(i, of: variables): 1])
  }

  public static func zero(variables: Int) -> MultivariatePolynomial {
    MultivariatePolynomial(variableCount: variables, nonzeroTerms: [:])
  }

  public static func one(variables: Int) -> MultivariatePolynomial { MultivariatePolynomial(1, variables: variables) }
}

// MARK: - Queries

extension MultivariatePolynomial {
  public var isZero: Bool { terms.isEmpty }
  /// Whether this is a constant (no variable occurs).
  public var isConstant: Bool { terms.keys.allSatisfy(\.isOne) }
  /// The constant coefficient (of the monomial 1).
  public var constantTerm: BigInt { terms[.one(variables: variableCount)] ?? 0 }
  /// The value when this is a constant, else `nil`.
  public var constantValue: BigInt? { isConstant ? constantTerm : nil }
  /// The total degree; −1 for zero.
  public var totalDegree: Int { terms.keys.map(\.degree).max() ?? -1 }
  /// The degree in x_i; −1 for zero.
  public func degree(in i: Int) -> Int { terms.keys.map { $0.exponents[i] }.max() ?? -1 }
  /// Whether x_i occurs.
  public func involves(_ i: Int) -> Bool { terms.keys.contains { $0.exponents[i] > 0 } }
  /// The variables that occur, ascending.
  public var variablesInvolved: [Int] { (0..<variableCount).filter(involves) }

  /// The terms, greatest monomial (lexicographic) first.
  public var sortedTerms: [(monomial: Monomial, coefficient: BigInt)] {
    terms.sorted { $0.key > $1.key }.map { ($0.key, $0.value) }
  }

  /// The greatest monomial in lexicographic order. Precondition: not zero.
  public var leadingMonomial: Monomial {
    precondition(!isZero, "the zero polynomial has no leading term")
    return terms.keys.max()!
  }

  /// The coefficient of the leading monomial (0 for zero).
  public var leadingCoefficient: BigInt { isZero ? 0 : terms[leadingMonomial]! }

  /// The non-negative gcd of the coefficients (0 for zero).
  public var content: BigInt {
    var g = BigInt(0)
    for c in terms.values {
      g = BigInt.gcd(g, c)
      if g == 1 { break }
    }
    return g
  }

  /// self / content with a positive leading coefficient; zero stays zero.
  public var primitivePart: MultivariatePolynomial {
    guard !isZero else { return self }
    var c = content
    if leadingCoefficient.isNegative { c.negate() }
    return dividedExactly(byInteger: c)
  }

  /// self or −self, whichever has a positive leading coefficient.
  public var normalizedSign: MultivariatePolynomial { leadingCoefficient.isNegative ? -self : self }

  /// self / c with every coefficient divisible by c. Precondition: c ≠ 0 divides every coefficient.
  public func dividedExactly(byInteger c: BigInt) -> MultivariatePolynomial {
    if c == 1 { return self }
    return MultivariatePolynomial(
      variableCount: variableCount, nonzeroTerms: terms.mapValues { $0.dividedExactly(by: c) })
  }
}

// MARK: - Ring operations

extension MultivariatePolynomial {
  public static func + (lhs: MultivariatePolynomial, rhs: MultivariatePolynomial) -> MultivariatePolynomial {
    precondition(
      lhs.variableCount == rhs.variableCount,
      "adding polynomials in \(lhs.variableCount) and \(rhs.variableCount) variables")
    var (big, small) = lhs.terms.count >= rhs.terms.count ? (lhs.terms, rhs.terms) : (rhs.terms, lhs.terms)
    for (m, c) in small {
      if let existing = big[m] {
        let sum = existing + c
        big[m] = sum.isZero ? nil : sum
      } else {
        big[m] = c
      }
    }
    return MultivariatePolynomial(variableCount: lhs.variableCount, nonzeroTerms: big)
  }

  public static prefix func - (p: MultivariatePolynomial) -> MultivariatePolynomial {
    MultivariatePolynomial(variableCount: p.variableCount, nonzeroTerms: p.terms.mapValues { -$0 })
  }

  public static func - (lhs: MultivariatePolynomial, rhs: MultivariatePolynomial) -> MultivariatePolynomial {
    lhs + (-rhs)
  }

  public static func * (lhs: MultivariatePolynomial, rhs: MultivariatePolynomial) -> MultivariatePolynomial {
    precondition(
      lhs.variableCount == rhs.variableCount,
      "multiplying polynomials in \(lhs.variableCount) and \(rhs.variableCount) variables")
    if lhs.isZero || rhs.isZero { return .zero(variables: lhs.variableCount) }
    if let c = lhs.constantValue { return c * rhs }
    if let c = rhs.constantValue { return c * lhs }
    var out: [Monomial: BigInt] = [:]
    out.reserveCapacity(lhs.terms.count * rhs.terms.count)
    for (m1, c1) in lhs.terms {
      for (m2, c2) in rhs.terms {
        out[m1 * m2, default: BigInt()].addProduct(c1, c2)
      }
    }
    return MultivariatePolynomial(variableCount: lhs.variableCount, terms: out)
  }

  public static func * (lhs: BigInt, rhs: MultivariatePolynomial) -> MultivariatePolynomial {
    if lhs.isZero { return .zero(variables: rhs.variableCount) }
    if lhs == 1 { return rhs }
    return MultivariatePolynomial(variableCount: rhs.variableCount, nonzeroTerms: rhs.terms.mapValues { lhs * $0 })
  }

  public static func += (lhs: inout MultivariatePolynomial, rhs: MultivariatePolynomial) { lhs = lhs + rhs }
  public static func -= (lhs: inout MultivariatePolynomial, rhs: MultivariatePolynomial) { lhs = lhs - rhs }
  public static func *= (lhs: inout MultivariatePolynomial, rhs: MultivariatePolynomial) { lhs = lhs * rhs }

  /// pᵏ for k ≥ 0, by repeated squaring.
  public func power(_ k: Int) -> MultivariatePolynomial {
    precondition(k >= 0, "negative power \(k) of a polynomial")
    var result = MultivariatePolynomial.one(variables: variableCount)
    var base = self
    var e = k
    while e > 0 {
      if e & 1 == 1 { result *= base }
      e >>= 1
      if e > 0 { base *= base }
    }
    return result
  }
}

// MARK: - Evaluation and substitution

extension MultivariatePolynomial {
  /// p(values) at an integer point. Precondition: one value per variable.
  public func evaluated(at values: [BigInt]) -> BigInt {
    precondition(values.count == variableCount, "\(values.count) values for \(variableCount) variables")
    var powers = _PowerCache(values)
    var sum = BigInt()
    for (m, c) in terms {
      var t = c
      for (i, e) in m.exponents.enumerated() where e > 0 { t *= powers.power(i, e) }
      sum += t
    }
    return sum
  }

  /// p(values) at a rational point. Precondition: one value per variable.
  public func evaluated(at values: [BigRational]) -> BigRational {
    precondition(values.count == variableCount, "\(values.count) values for \(variableCount) variables")
    // Common denominator q: p(a/q) = Σ c·Π aᵢ^eᵢ·q^(D−|e|) / q^D with D the total degree.
    let q = values.reduce(BigInt(1)) { BigInt.lcm($0, $1.denominator) }
    let scaled = values.map { $0.numerator * q.dividedExactly(by: $0.denominator) }
    let d = max(0, totalDegree)
    var powers = _PowerCache(scaled)
    var sum = BigInt()
    for (m, c) in terms {
      var t = c * q.power(d - m.degree)
      for (i, e) in m.exponents.enumerated() where e > 0 { t *= powers.power(i, e) }
      sum += t
    }
    return BigRational(sum, q.power(d))
  }

  /// p(q₀, …, q_{d−1}): each variable replaced by a polynomial (all in the same, possibly
  /// different, number of variables). Precondition: one value per variable.
  /// - Complexity: one product of cached powers per term.
  public func substituting(_ values: [MultivariatePolynomial]) -> MultivariatePolynomial {
    precondition(values.count == variableCount, "\(values.count) values for \(variableCount) variables")
    let target = values.first?.variableCount ?? 0
    var cache: [[MultivariatePolynomial]] = values.map { [.one(variables: target), $0] }
    func power(_ i: Int, _ e: Int) -> MultivariatePolynomial {
      while cache[i].count <= e { cache[i].append(cache[i].last! * values[i]) }
      return cache[i][e]
    }
    var sum = MultivariatePolynomial.zero(variables: target)
    for (m, c) in sortedTerms {
      var t = MultivariatePolynomial(constant: c, variables: target)
      for (i, e) in m.exponents.enumerated() where e > 0 { t *= power(i, e) }
      sum += t
    }
    return sum
  }

  /// The shift p(…, x_i + k, …).
  public func shifted(_ i: Int, by k: Int) -> MultivariatePolynomial {
    shifted(by: (0..<variableCount).map { $0 == i ? k : 0 })
  }

  /// The shift p(x₀ + k₀, …, x_{d−1} + k_{d−1}).
  public func shifted(by offsets: [Int]) -> MultivariatePolynomial {
    precondition(offsets.count == variableCount, "\(offsets.count) offsets for \(variableCount) variables")
    if offsets.allSatisfy({ $0 == 0 }) { return self }
    let d = variableCount
    return substituting(
      (0..<d).map { i in
        offsets[i] == 0 ? .variable(i, of: d) : .variable(i, of: d) + MultivariatePolynomial(offsets[i], variables: d)
      })
  }
}

/// Powers of integer values, computed once each.
struct _PowerCache {
  let values: [BigInt]
  var powers: [[BigInt]]

  init(_ values: [BigInt]) {
    self.values = values
    powers = values.map { [1, $0] }
  }

  mutating func power(_ i: Int, _ e: Int) -> BigInt {
    while powers[i].count <= e { powers[i].append(powers[i].last! * values[i]) }
    return powers[i][e]
  }
}
