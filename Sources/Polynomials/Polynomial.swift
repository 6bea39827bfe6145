import Multiprecision

/// A polynomial in one variable with integer coefficients, c₀ + c₁n + … + c_d n^d.
///
/// The coefficient array is stored lowest degree first, without trailing zeros, so equal
/// polynomials have equal representations. The zero polynomial has degree −1.
public struct Polynomial: Sendable, Hashable {
  /// Coefficients, lowest degree first; no trailing zeros.
  public let coefficients: [BigInt]

  /// The polynomial Σ coefficients[i]·nⁱ.
  public init(coefficients: [BigInt]) {
    var c = coefficients
    while let last = c.last, last.isZero { c.removeLast() }
    self.coefficients = c
  }

  /// The polynomial Σ coefficients[i]·nⁱ from machine integers.
  public init(_ coefficients: [Int]) { self.init(coefficients: coefficients.map { BigInt($0) }) }

  /// The constant polynomial c.
  public init(constant c: BigInt) { self.init(coefficients: [c]) }

  /// The polynomial n.
  public static let n = Polynomial([0, 1])
  public static let zero = Polynomial(coefficients: [])
  public static let one = Polynomial([1])

  /// Degree; −1 for the zero polynomial.
  public var degree: Int { coefficients.count - 1 }
  public var isZero: Bool { coefficients.isEmpty }
  /// Whether this is a constant (degree ≤ 0).
  public var isConstant: Bool { coefficients.count <= 1 }
  /// The leading coefficient (0 for the zero polynomial).
  public var leadingCoefficient: BigInt { coefficients.last ?? 0 }
  /// The coefficient of nᵏ (0 beyond the degree).
  public subscript(k: Int) -> BigInt { k < coefficients.count && k >= 0 ? coefficients[k] : 0 }

  /// The non-negative gcd of the coefficients (0 for the zero polynomial).
  public var content: BigInt { coefficients.reduce(BigInt(0)) { BigInt.gcd($0, $1) } }

  /// self / content, with a positive leading coefficient; zero stays zero.
  public var primitivePart: Polynomial {
    guard !isZero else { return self }
    var c = content
    if leadingCoefficient.isNegative { c.negate() }
    return Polynomial(coefficients: coefficients.map { $0.dividedExactly(by: c) })
  }
}

// MARK: - Evaluation

extension Polynomial {
  /// p(x) by Horner's rule.
  /// - Complexity: `degree` multiplications of growing size.
  public func callAsFunction(_ x: BigInt) -> BigInt {
    var result = BigInt()
    for c in coefficients.reversed() {
      result *= x
      result += c
    }
    return result
  }

  /// p(x) at a machine integer.
  public func callAsFunction(_ x: Int) -> BigInt {
    var result = BigInt()
    for c in coefficients.reversed() {
      result.multiply(by: x)
      result += c
    }
    return result
  }

  /// p(x) when every step of Horner's rule fits in a machine word, else `nil`.
  @inlinable
  public func evaluateExactly(at x: Int, machineCoefficients: [Int]) -> Int? {
    var result = 0
    for c in machineCoefficients.reversed() {
      let (m, o1) = result.multipliedReportingOverflow(by: x)
      let (s, o2) = m.addingReportingOverflow(c)
      if o1 || o2 { return nil }
      result = s
    }
    return result
  }

  /// The coefficients as machine integers, or `nil` if one does not fit.
  public var machineCoefficients: [Int]? {
    var out: [Int] = []
    out.reserveCapacity(coefficients.count)
    for c in coefficients {
      guard let v = Int(exactly: c) else { return nil }
      out.append(v)
    }
    return out
  }

  /// p(x) at a rational point.
  public func callAsFunction(_ x: BigRational) -> BigRational {
    var result = BigRational.zero
    for c in coefficients.reversed() { result = result * x + BigRational(c) }
    return result
  }

  /// p(x) at a real point.
  public func callAsFunction(_ x: BigFloat) -> BigFloat {
    var result = BigFloat(precision: x.precision)
    for c in coefficients.reversed() { result = result * x + BigFloat(c, precision: x.precision) }
    return result
  }
}

// MARK: - Ring operations

extension Polynomial: AdditiveArithmetic {
  public static func + (lhs: Polynomial, rhs: Polynomial) -> Polynomial {
    let count = max(lhs.coefficients.count, rhs.coefficients.count)
    return Polynomial(coefficients: (0..<count).map { lhs[$0] + rhs[$0] })
  }

  public static func - (lhs: Polynomial, rhs: Polynomial) -> Polynomial { lhs + (-rhs) }

  public static prefix func - (p: Polynomial) -> Polynomial { Polynomial(coefficients: p.coefficients.map { -$0 }) }

  public static func * (lhs: Polynomial, rhs: Polynomial) -> Polynomial {
    guard !lhs.isZero, !rhs.isZero else { return .zero }
    var c = [BigInt](repeating: 0, count: lhs.coefficients.count + rhs.coefficients.count - 1)
    for (i, x) in lhs.coefficients.enumerated() where !x.isZero {
      for (j, y) in rhs.coefficients.enumerated() { c[i + j].addProduct(x, y) }
    }
    return Polynomial(coefficients: c)
  }

  public static func * (lhs: BigInt, rhs: Polynomial) -> Polynomial {
    Polynomial(coefficients: rhs.coefficients.map { lhs * $0 })
  }

  public static func += (lhs: inout Polynomial, rhs: Polynomial) { lhs = lhs + rhs }
  public static func -= (lhs: inout Polynomial, rhs: Polynomial) { lhs = lhs - rhs }
  public static func *= (lhs: inout Polynomial, rhs: Polynomial) { lhs = lhs * rhs }

  /// pᵏ for k ≥ 0.
  public func power(_ k: Int) -> Polynomial {
    precondition(k >= 0, "negative power \(k) of a polynomial")
    var result = Polynomial.one
    for _ in 0..<k { result *= self }
    return result
  }
}

extension Polynomial: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self.init([value]) }
}

// MARK: - Substitution

extension Polynomial {
  /// p(q(n)): substitution of a polynomial for the variable.
  public func composed(with q: Polynomial) -> Polynomial {
    var result = Polynomial.zero
    for c in coefficients.reversed() { result = result * q + Polynomial(constant: c) }
    return result
  }

  /// The shift p(n + k).
  /// - Complexity: O(degree²) coefficient operations (Taylor shift by Horner).
  public func shifted(by k: Int) -> Polynomial { composed(with: Polynomial([k, 1])) }

  /// p(s·n + k), e.g. the sample of p along an arithmetic progression.
  public func substituting(scale s: Int, offset k: Int) -> Polynomial { composed(with: Polynomial([k, s])) }

  /// The derivative dp/dn.
  public var derivative: Polynomial {
    guard degree >= 1 else { return .zero }
    return Polynomial(coefficients: (1...degree).map { coefficients[$0] * BigInt($0) })
  }
}
