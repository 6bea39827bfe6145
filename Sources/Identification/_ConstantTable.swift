import Multiprecision

/// The catalog constants of a set of expressions, each computed once at `bits`, so that one
/// identification evaluates its basis and every closed form it checks without recomputing ζ(3) & co.
struct _ConstantTable: Sendable {
  /// The precision of the stored values.
  let bits: Int
  let values: [Constant: BigFloat]

  init(_ expressions: [ConstantExpression], bits: Int) {
    self.bits = bits
    var values: [Constant: BigFloat] = [:]
    for constant in Set(expressions.flatMap(\.constants)) { values[constant] = constant.value(.bits(bits)) }
    self.values = values
  }

  /// `e` rounded to `precision`, as `ConstantExpression.evaluate` computes it (two working precisions
  /// that must agree), but with the stored constants; it falls back to `evaluate` when they do not
  /// agree or the table is not precise enough. Precondition: none.
  func value(of e: ConstantExpression, _ precision: Precision) throws(ConstantExpression.EvaluationError) -> BigFloat {
    if let exact = e.rationalValue { return BigFloat(exact, precision: precision) }
    let target = precision.bits
    guard target + 96 <= bits else { return try e.evaluate(precision) }
    let root = e.description
    let low = try _Evaluation(bits: target + 64, constants: values, root: root).value(of: e)
    let high = try _Evaluation(bits: target + 96, constants: values, root: root).value(of: e)
    if high.isZero && low.isZero { return BigFloat(precision: precision) }
    let difference = (high - low).log10Magnitude
    if !high.isZero && high.log10Magnitude - difference >= Double(target + 2) / Precision.bitsPerDigit {
      return BigFloat(high, precision: precision)
    }
    return try e.evaluate(precision)
  }
}
