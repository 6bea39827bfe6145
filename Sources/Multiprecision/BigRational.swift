/// An exact rational number p/q on GMP integers, always reduced with q > 0.
public struct BigRational: Sendable, Hashable {
  /// The numerator, carrying the sign.
  public let numerator: BigInt
  /// The denominator, always positive.
  public let denominator: BigInt

  /// The reduced fraction `numerator / denominator`. Precondition: the denominator is not zero.
  public init(_ numerator: BigInt, _ denominator: BigInt = 1) {
    precondition(!denominator.isZero, "rational with zero denominator: \(numerator)/0")
    let g = BigInt.gcd(numerator, denominator)
    var p = numerator.dividedExactly(by: g.isZero ? 1 : g)
    var q = denominator.dividedExactly(by: g.isZero ? 1 : g)
    if q.isNegative {
      p.negate()
      q.negate()
    }
    self.numerator = p
    self.denominator = q
  }

  public init(_ value: Int) { self.init(BigInt(value)) }

  init(reduced numerator: BigInt, _ denominator: BigInt) {
    self.numerator = numerator
    self.denominator = denominator
  }

  /// Parses `p`, `p/q` or a decimal `d.ddd`; `nil` otherwise (or when q = 0).
  public init?(_ text: some StringProtocol) {
    let s = String(text.filter { $0 != " " })
    if let slash = s.firstIndex(of: "/") {
      guard let p = BigInt(s[..<slash]), let q = BigInt(s[s.index(after: slash)...]), !q.isZero else { return nil }
      self.init(p, q)
    } else if let dot = s.firstIndex(of: ".") {
      let whole = s[..<dot]
      let fraction = s[s.index(after: dot)...]
      let sign = whole.hasPrefix("-") ? "-" : ""
      let digits = whole.hasPrefix("-") || whole.hasPrefix("+") ? whole.dropFirst() : whole
      // One optional sign, then ASCII digits on at least one side of the point.
      guard !(digits.isEmpty && fraction.isEmpty), (digits + fraction).allSatisfy({ $0.isASCII && $0.isNumber })
      else { return nil }
      guard let p = BigInt(sign + (digits.isEmpty ? "0" : String(digits)) + fraction) else { return nil }
      self.init(p, BigInt(10).power(fraction.count))
    } else {
      guard let p = BigInt(s) else { return nil }
      self.init(p)
    }
  }

  public var isInteger: Bool { denominator == 1 }
  public var isZero: Bool { numerator.isZero }
  public var signum: Int { numerator.signum }
}

extension BigRational: CustomStringConvertible {
  /// `p` or `p/q`.
  public var description: String { isInteger ? numerator.description : "\(numerator)/\(denominator)" }
}

extension BigRational: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self.init(value) }
}

extension BigRational: Comparable {
  public static func < (lhs: BigRational, rhs: BigRational) -> Bool {
    lhs.numerator * rhs.denominator < rhs.numerator * lhs.denominator
  }
}

extension BigRational: AdditiveArithmetic {
  public static var zero: BigRational { BigRational(reduced: 0, 1) }

  public static func + (lhs: BigRational, rhs: BigRational) -> BigRational {
    if lhs.denominator == rhs.denominator {
      return BigRational(lhs.numerator + rhs.numerator, lhs.denominator)
    }
    return BigRational(
      lhs.numerator * rhs.denominator + rhs.numerator * lhs.denominator, lhs.denominator * rhs.denominator)
  }

  public static func - (lhs: BigRational, rhs: BigRational) -> BigRational { lhs + (-rhs) }

  public static prefix func - (x: BigRational) -> BigRational { BigRational(reduced: -x.numerator, x.denominator) }

  public static func * (lhs: BigRational, rhs: BigRational) -> BigRational {
    BigRational(lhs.numerator * rhs.numerator, lhs.denominator * rhs.denominator)
  }

  /// Precondition: `rhs` is not zero.
  public static func / (lhs: BigRational, rhs: BigRational) -> BigRational {
    precondition(!rhs.isZero, "division of \(lhs) by zero")
    return BigRational(lhs.numerator * rhs.denominator, lhs.denominator * rhs.numerator)
  }

  public static func += (lhs: inout BigRational, rhs: BigRational) { lhs = lhs + rhs }
  public static func -= (lhs: inout BigRational, rhs: BigRational) { lhs = lhs - rhs }
  public static func *= (lhs: inout BigRational, rhs: BigRational) { lhs = lhs * rhs }
}
