import Multiprecision

extension ConstantExpression {
  /// The value rounded to `precision`, checked against cancellation.
  ///
  /// Evaluates twice, at the target precision plus g and plus g + 32 guard bits (constants computed once
  /// at the higher one), and returns the second when both agree to the target precision plus 2 bits;
  /// otherwise g grows fourfold, up to max(4096, target) bits, beyond which it throws
  /// `EvaluationError.cancellation` (typically a zero in disguise such as `sqrt(2)*sqrt(3)-sqrt(6)`).
  /// A value that is exactly 0 at both working precisions (`e-e`) is returned as 0. Expressions without
  /// constants or functions are evaluated exactly.
  ///
  /// Throws `EvaluationError` naming the sub-expression at fault: a division by zero (a divisor that is 0
  /// at the working precision), log of a non-positive number, square root of a negative number, a
  /// negative base under an exponent that is not a rational with odd denominator, an overflow.
  /// - Complexity: two evaluations of the tree plus the cost of each constant at the working precision.
  public func evaluate(_ precision: Precision) throws(EvaluationError) -> BigFloat {
    if let exact = rationalValue { return BigFloat(exact, precision: precision) }
    let target = precision.bits
    let root = description
    var guardBits = 64
    while true {
      let high = target + guardBits + 32
      var constants: [Constant: BigFloat] = [:]
      for constant in self.constants { constants[constant] = constant.value(.bits(high)) }
      let low = try _Evaluation(bits: target + guardBits, constants: constants, root: root).value(of: self)
      let value = try _Evaluation(bits: high, constants: constants, root: root).value(of: self)
      if value.isZero && low.isZero { return BigFloat(precision: precision) }
      let difference = (value - low).log10Magnitude
      if !value.isZero && value.log10Magnitude - difference >= Double(target + 2) / Precision.bitsPerDigit {
        return BigFloat(value, precision: precision)
      }
      guardBits *= 4
      guard guardBits <= max(4096, target) else {
        throw .cancellation(expression: root, digits: precision.digits, guardBits: guardBits / 4)
      }
    }
  }

  /// An expression that has no value, or none that the working precision can reach.
  public enum EvaluationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `divisor` is 0 (at the working precision) in `expression`.
    case divisionByZero(divisor: String, expression: String)
    /// log of `argument`, which is 0 or negative.
    case logarithmOfNonPositive(argument: String, isZero: Bool, expression: String)
    /// sqrt of `argument`, which is negative.
    case squareRootOfNegative(argument: String, expression: String)
    /// `base` is negative and `exponent` is not a rational with an odd denominator.
    case negativeBase(base: String, exponent: String, expression: String)
    /// `subexpression` is beyond the exponent range.
    case overflow(subexpression: String, expression: String)
    /// The two evaluations still disagree with `guardBits` guard bits.
    case cancellation(expression: String, digits: Int, guardBits: Int)

    public var description: String {
      switch self {
      case .divisionByZero(let divisor, let expression):
        return "division by zero in '\(expression)': '\(divisor)' is 0"
      case .logarithmOfNonPositive(let argument, let isZero, let expression):
        return "log of a non-positive number in '\(expression)': '\(argument)' is \(isZero ? "0" : "negative")"
      case .squareRootOfNegative(let argument, let expression):
        return "square root of a negative number in '\(expression)': '\(argument)' is negative"
      case .negativeBase(let base, let exponent, let expression):
        return "power of a negative number in '\(expression)': '\(base)' is negative and the exponent "
          + "'\(exponent)' is not a rational number with an odd denominator"
      case .overflow(let subexpression, let expression):
        return "overflow in '\(expression)': '\(subexpression)' is beyond the exponent range"
      case .cancellation(let expression, let digits, let guardBits):
        return "cannot evaluate '\(expression)' to \(digits) digits: it loses more than \(guardBits) guard bits "
          + "to cancellation (is it 0?)"
      }
    }
  }
}

/// One evaluation of a tree at a fixed working precision.
struct _Evaluation {
  let bits: Int
  let constants: [Constant: BigFloat]
  /// The text of the whole expression, for error messages.
  let root: String

  typealias EvaluationError = ConstantExpression.EvaluationError

  var precision: Precision { .bits(bits) }

  func value(of node: ConstantExpression) throws(EvaluationError) -> BigFloat {
    let result = try _value(of: node)
    guard result.isFinite else { throw .overflow(subexpression: node.description, expression: root) }
    return result
  }

  private func _value(of node: ConstantExpression) throws(EvaluationError) -> BigFloat {
    switch node {
    case .number(let r):
      return BigFloat(r, precision: precision)
    case .constant(let c):
      return BigFloat(constants[c] ?? c.value(precision), precision: precision)
    case .negate(let x):
      return -(try value(of: x))
    case .add(let x, let y):
      return try value(of: x) + value(of: y)
    case .subtract(let x, let y):
      return try value(of: x) - value(of: y)
    case .multiply(let x, let y):
      return try value(of: x) * value(of: y)
    case .divide(let x, let y):
      let numerator = try value(of: x)
      let denominator = try value(of: y)
      if denominator.isZero { throw .divisionByZero(divisor: y.description, expression: root) }
      return numerator / denominator
    case .power(let x, let y):
      return try power(x, y)
    case .function(.exp, let x):
      return try value(of: x).exp()
    case .function(.log, let x):
      let argument = try value(of: x)
      guard argument.signum > 0 else {
        throw .logarithmOfNonPositive(argument: x.description, isZero: argument.isZero, expression: root)
      }
      return argument.log()
    case .function(.sqrt, let x):
      let argument = try value(of: x)
      guard argument.signum >= 0 else { throw .squareRootOfNegative(argument: x.description, expression: root) }
      return argument.squareRoot()
    }
  }

  /// x^y: by an integer power and a real root when y is an exact rational, by exp(y·log x) otherwise.
  private func power(_ x: ConstantExpression, _ y: ConstantExpression) throws(EvaluationError) -> BigFloat {
    let base = try value(of: x)
    if let exponent = y.rationalValue, let p = Int(exactly: exponent.numerator),
      let q = Int(exactly: exponent.denominator)
    {
      if base.isZero && p < 0 { throw .divisionByZero(divisor: x.description, expression: root) }
      if base.signum < 0 && q % 2 == 0 {
        throw .negativeBase(base: x.description, exponent: y.description, expression: root)
      }
      let integerPower = base.power(p)
      return q == 1 ? integerPower : integerPower.root(q)
    }
    let exponent = try value(of: y)
    switch base.signum {
    case 1: return base.power(exponent)
    case 0:
      if exponent.isZero { return BigFloat(1, precision: precision) }
      if exponent.signum < 0 { throw .divisionByZero(divisor: x.description, expression: root) }
      return base
    default:
      throw .negativeBase(base: x.description, exponent: y.description, expression: root)
    }
  }
}
