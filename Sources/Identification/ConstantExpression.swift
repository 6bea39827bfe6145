import Multiprecision

/// An expression over catalog constants, such as `6/zeta(3)`, `(4^(1/3)+1)/(4^(1/3)-1)` or
/// `pi*log(2+sqrt(3))`: the closed forms that identification writes and that formula tables list.
///
/// Parse one with `init(parsing:)`, print it canonically with `description` (parsing the text back
/// gives the same expression), evaluate it to any precision with `evaluate(_:)`.
/// `log(k)`, `sqrt(k)` and `zeta(k)` of an integer literal in the catalog are the constants themselves;
/// of anything else they are functions applied to an expression.
public indirect enum ConstantExpression: Sendable, Hashable {
  /// An exact rational number; the parser makes integers and decimals (`1.25` is 5/4).
  case number(BigRational)
  /// A constant of the catalog.
  case constant(Constant)
  /// -x.
  case negate(ConstantExpression)
  /// x + y.
  case add(ConstantExpression, ConstantExpression)
  /// x - y.
  case subtract(ConstantExpression, ConstantExpression)
  /// x · y.
  case multiply(ConstantExpression, ConstantExpression)
  /// x / y.
  case divide(ConstantExpression, ConstantExpression)
  /// x^y; rational y are exact (`4^(1/3)` is the real cube root of 4).
  case power(ConstantExpression, ConstantExpression)
  /// A function applied to an expression: `log(2+sqrt(3))`, `sqrt(5/2)`, `exp(pi)`.
  case function(Function, ConstantExpression)

  /// The functions an expression may call on a sub-expression.
  public enum Function: String, Sendable, Hashable, CaseIterable {
    /// Natural logarithm, for positive arguments.
    case log
    /// Square root, for non-negative arguments.
    case sqrt
    /// Exponential.
    case exp
  }
}

extension ConstantExpression {
  /// The catalog constants the expression uses.
  public var constants: Set<Constant> {
    var result = Set<Constant>()
    _collectConstants(into: &result)
    return result
  }

  func _collectConstants(into result: inout Set<Constant>) {
    switch self {
    case .number: break
    case .constant(let c): result.insert(c)
    case .negate(let x), .function(_, let x): x._collectConstants(into: &result)
    case .add(let x, let y), .subtract(let x, let y), .multiply(let x, let y), .divide(let x, let y),
      .power(let x, let y):
      x._collectConstants(into: &result)
      y._collectConstants(into: &result)
    }
  }

  /// The exact value when the expression holds no constant and no function, and its integer powers stay
  /// small (|exponent| ≤ 4096, results below 2^22 bits); `nil` otherwise or on a division by zero.
  public var rationalValue: BigRational? {
    switch self {
    case .number(let r): return r
    case .constant, .function: return nil
    case .negate(let x): return x.rationalValue.map { -$0 }
    case .add(let x, let y): return _both(x, y).map { $0 + $1 }
    case .subtract(let x, let y): return _both(x, y).map { $0 - $1 }
    case .multiply(let x, let y): return _both(x, y).map { $0 * $1 }
    case .divide(let x, let y):
      guard let (a, b) = _both(x, y), !b.isZero else { return nil }
      return a / b
    case .power(let x, let y):
      guard let (a, b) = _both(x, y), b.isInteger, let k = Int(exactly: b.numerator), Swift.abs(k) <= 4096,
        (a.numerator.bitWidth + a.denominator.bitWidth) * Swift.abs(k) <= 1 << 22
      else { return nil }
      if k < 0 && a.isZero { return nil }
      let p = a.numerator.power(Swift.abs(k))
      let q = a.denominator.power(Swift.abs(k))
      return k >= 0 ? BigRational(p, q) : BigRational(q, p)
    }
  }

  private func _both(_ x: ConstantExpression, _ y: ConstantExpression) -> (BigRational, BigRational)? {
    guard let a = x.rationalValue, let b = y.rationalValue else { return nil }
    return (a, b)
  }
}

// MARK: - Building

extension ConstantExpression: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self = .number(BigRational(value)) }
}

extension ConstantExpression {
  /// The constant as an expression.
  public init(_ constant: Constant) { self = .constant(constant) }

  public static func + (x: ConstantExpression, y: ConstantExpression) -> ConstantExpression { .add(x, y) }
  public static func - (x: ConstantExpression, y: ConstantExpression) -> ConstantExpression { .subtract(x, y) }
  public static func * (x: ConstantExpression, y: ConstantExpression) -> ConstantExpression { .multiply(x, y) }
  public static func / (x: ConstantExpression, y: ConstantExpression) -> ConstantExpression { .divide(x, y) }
  public static prefix func - (x: ConstantExpression) -> ConstantExpression { .negate(x) }
}

// MARK: - Printing

extension ConstantExpression: CustomStringConvertible {
  /// Canonical text with the fewest parentheses that parse back to this very expression: `+ -` bind
  /// loosest and associate left, then `* /`, then unary `-`, then `^` (right-associative).
  /// Numbers print as integers or exact decimals, other rationals as `p/q`.
  public var description: String { _text.text }

  /// Binding strength of the printed text: 1 sum, 2 product, 3 negation, 4 power, 5 atom.
  var _text: (text: String, level: Int) {
    switch self {
    case .number(let r): return Self._text(r)
    case .constant(let c): return (c.name, 5)
    case .function(let f, let x): return ("\(f.rawValue)(\(x.description))", 5)
    case .negate(let x): return ("-" + x._operand(atLeast: 3), 3)
    case .add(let x, let y): return (x._operand(atLeast: 1, first: true) + "+" + y._operand(atLeast: 2), 1)
    case .subtract(let x, let y): return (x._operand(atLeast: 1, first: true) + "-" + y._operand(atLeast: 2), 1)
    case .multiply(let x, let y): return (x._operand(atLeast: 2, first: true) + "*" + y._operand(atLeast: 3), 2)
    case .divide(let x, let y): return (x._operand(atLeast: 2, first: true) + "/" + y._operand(atLeast: 3), 2)
    case .power(let x, let y): return (x._operand(atLeast: 5, first: true) + "^" + y._operand(atLeast: 4), 4)
    }
  }

  /// The text of an operand, in parentheses when it binds less than `level`, or when it starts with a
  /// minus sign and does not come first (`2*(-x)`, not `2*-x`).
  func _operand(atLeast level: Int, first: Bool = false) -> String {
    let (text, own) = _text
    if own < level || (!first && text.hasPrefix("-")) { return "(\(text))" }
    return text
  }

  static func _text(_ r: BigRational) -> (String, Int) {
    if r.signum < 0 {
      let (text, level) = _text(-r)
      return ("-" + (level < 3 ? "(\(text))" : text), 3)
    }
    if r.isInteger { return (r.numerator.description, 5) }
    // Denominators 2^a 5^b print as exact decimals.
    var rest = r.denominator
    var twos = 0
    var fives = 0
    while !rest.isOdd { rest = rest.shifted(by: -1); twos += 1 }
    while rest.isDivisible(by: 5) { rest = rest.dividedExactly(by: 5); fives += 1 }
    guard rest == 1 else { return (r.description, 2) }
    let places = max(twos, fives)
    let scaled = r.numerator * BigInt(10).power(places) / r.denominator
    var digits = scaled.description
    if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
    digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
    return (digits, 5)
  }
}
