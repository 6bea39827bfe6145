import Multiprecision

/// A polynomial in one variable with rational coefficients, lowest degree first.
public struct RationalPolynomial: Sendable, Hashable {
  /// Coefficients, lowest degree first; no trailing zeros.
  public let coefficients: [BigRational]

  public init(coefficients: [BigRational]) {
    var c = coefficients
    while let last = c.last, last.isZero { c.removeLast() }
    self.coefficients = c
  }

  /// The integer polynomial viewed over ℚ.
  public init(_ p: Polynomial) { self.init(coefficients: p.coefficients.map { BigRational($0) }) }

  public var degree: Int { coefficients.count - 1 }
  public subscript(k: Int) -> BigRational { k >= 0 && k < coefficients.count ? coefficients[k] : .zero }

  /// The integer polynomial equal to self, or `nil` if a coefficient is not an integer.
  public var integerPolynomial: Polynomial? {
    guard coefficients.allSatisfy(\.isInteger) else { return nil }
    return Polynomial(coefficients: coefficients.map(\.numerator))
  }

  /// The least common denominator d and the integer polynomial d·self.
  public var clearingDenominators: (denominator: BigInt, polynomial: Polynomial) {
    let d = coefficients.reduce(BigInt(1)) { BigInt.lcm($0, $1.denominator) }
    return (d, Polynomial(coefficients: coefficients.map { ($0.numerator * d).dividedExactly(by: $0.denominator) }))
  }

  public static func + (lhs: RationalPolynomial, rhs: RationalPolynomial) -> RationalPolynomial {
    RationalPolynomial(
      coefficients: (0..<max(lhs.coefficients.count, rhs.coefficients.count)).map { lhs[$0] + rhs[$0] })
  }
  public static prefix func - (p: RationalPolynomial) -> RationalPolynomial {
    RationalPolynomial(coefficients: p.coefficients.map { -$0 })
  }
  public static func - (lhs: RationalPolynomial, rhs: RationalPolynomial) -> RationalPolynomial { lhs + (-rhs) }
  public static func * (lhs: RationalPolynomial, rhs: RationalPolynomial) -> RationalPolynomial {
    guard !lhs.coefficients.isEmpty, !rhs.coefficients.isEmpty else { return RationalPolynomial(coefficients: []) }
    var c = [BigRational](repeating: .zero, count: lhs.coefficients.count + rhs.coefficients.count - 1)
    for (i, x) in lhs.coefficients.enumerated() {
      for (j, y) in rhs.coefficients.enumerated() { c[i + j] += x * y }
    }
    return RationalPolynomial(coefficients: c)
  }

  /// p(x) at a rational point.
  public func callAsFunction(_ x: BigRational) -> BigRational {
    coefficients.reversed().reduce(BigRational.zero) { $0 * x + $1 }
  }
}

extension RationalPolynomial: CustomStringConvertible {
  public var description: String {
    _formatTerms(
      coefficients.map {
        (
          $0.signum, $0.numerator.magnitude == 1 && $0.isInteger,
          "\(BigRational($0.numerator.magnitude, $0.denominator))"
        )
      }, variable: "n")
  }
}
