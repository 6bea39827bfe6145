/// A monomial x₀^e₀ · x₁^e₁ ··· x_{d−1}^e_{d−1} over a fixed number d of variables.
///
/// Ordered lexicographically by exponent, variable 0 first (x₀ > x₁ > … > 1), the order in
/// which `MultivariatePolynomial` finds its leading term.
public struct Monomial: Sendable, Hashable, Comparable {
  /// The exponent of each variable; the count is the number of variables.
  public let exponents: [Int]

  /// The monomial with these exponents. Precondition: none is negative.
  public init(_ exponents: [Int]) {
    precondition(exponents.allSatisfy { $0 >= 0 }, "monomial with a negative exponent: \(exponents)")
    self.exponents = exponents
  }

  init(unchecked exponents: [Int]) { self.exponents = exponents }

  /// The monomial 1 in `variables` variables.
  public static func one(variables: Int) -> Monomial { Monomial(unchecked: Array(repeating: 0, count: variables)) }

  /// The monomial x_i in `variables` variables.
  public static func variable(_ i: Int, of variables: Int) -> Monomial {
    var e = Array(repeating: 0, count: variables)
    e[i] = 1
    return Monomial(unchecked: e)
  }

  public var variableCount: Int { exponents.count }
  /// The total degree Σ eᵢ.
  public var degree: Int { exponents.reduce(0, +) }
  public var isOne: Bool { exponents.allSatisfy { $0 == 0 } }

  public static func * (lhs: Monomial, rhs: Monomial) -> Monomial {
    Monomial(unchecked: zip(lhs.exponents, rhs.exponents).map { $0 + $1 })
  }

  /// lhs / rhs when rhs divides lhs, else `nil`.
  public func divided(by rhs: Monomial) -> Monomial? {
    var e = exponents
    for i in e.indices {
      e[i] -= rhs.exponents[i]
      if e[i] < 0 { return nil }
    }
    return Monomial(unchecked: e)
  }

  /// Lexicographic order, variable 0 first.
  public static func < (lhs: Monomial, rhs: Monomial) -> Bool {
    for (a, b) in zip(lhs.exponents, rhs.exponents) where a != b { return a < b }
    return false
  }
}
