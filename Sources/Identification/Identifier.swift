import Multiprecision

/// Recognises a real number as a closed form in constants c₁…c_k, under the `PrecisionDiscipline`.
///
/// Forms are tried in this order, and the first that the discipline accepts is the answer:
/// 1. rational p/q (continued fraction of the value);
/// 2. Möbius (a + b·c)/(d + e·c) in each constant c in turn: a relation among (1, c, x, x·c);
/// 3. algebraic of degree 2, 3, … `algebraicDegree`: a relation among (1, x, …, x^d), the first degree
///    found giving the minimal polynomial;
/// 4. linear-fractional in all constants together, x·(d₀ + Σ dᵢcᵢ) = a₀ + Σ aᵢcᵢ: a relation among
///    (1, c₁…c_k, x, x·c₁…x·c_k) (only when k ≥ 2).
///
/// Each relation search is bounded twice: by `maxCoefficient` and by what the digits could support, so
/// that a search never looks for relations the discipline would refuse anyway. A constant may be any
/// expression the user names (`pi*log(2+sqrt(3))`, `4^(1/3)`).
/// - SeeAlso: `PrecisionDiscipline` for the acceptance rule; `IntegerRelation.find` for the searches.
public struct Identifier: Sendable {
  /// π, e, ζ(3), Catalan's G, ln 2: the basis when the user names none.
  public static let defaultConstants: [ConstantExpression] = [
    .constant(.pi), .constant(.e), .constant(.zeta(3)), .constant(.catalan), .constant(.log(2)),
  ]
  /// The largest algebraic degree searched.
  public static let maxDegree = 12

  /// The constants c₁…c_k.
  public let constants: [ConstantExpression]
  /// The largest |coefficient| of any relation searched.
  public let maxCoefficient: BigInt
  /// Algebraic numbers are searched up to this degree (1: not at all beyond rationals).
  public let algebraicDegree: Int
  /// The integer-relation algorithm.
  public let algorithm: IntegerRelationAlgorithm
  /// The acceptance rule.
  public let discipline: PrecisionDiscipline
  /// The constants computed ahead by `precomputed(digits:)`.
  var _table: _ConstantTable?

  /// An identifier for the given constants and bounds.
  ///
  /// Throws `IdentificationError.duplicateConstant` when a constant is listed twice, `.equalConstants`
  /// when two have the same value (one number in two spellings), `.rationalConstant` for a number
  /// such as `2` or `1/3` (rationals are found without it),
  /// `.invalidBound` when maxCoefficient < 1, `.invalidDegree` outside 1...`maxDegree`.
  public init(
    constants: [ConstantExpression] = Identifier.defaultConstants, maxCoefficient: BigInt = 10_000,
    algebraicDegree: Int = 4, algorithm: IntegerRelationAlgorithm = .pslq,
    discipline: PrecisionDiscipline = PrecisionDiscipline()
  ) throws(IdentificationError) {
    var seen = Set<ConstantExpression>()
    for c in constants where !seen.insert(c).inserted { throw .duplicateConstant(c.description) }
    if let rational = constants.first(where: { $0.rationalValue != nil }) {
      throw .rationalConstant(rational.description)
    }
    try Self._rejectEqualValues(constants)
    guard maxCoefficient >= 1 else { throw .invalidBound(maxCoefficient.description) }
    guard (1...Self.maxDegree).contains(algebraicDegree) else {
      throw .invalidDegree(algebraicDegree, maxDegree: Self.maxDegree)
    }
    self.constants = constants
    self.maxCoefficient = maxCoefficient
    self.algebraicDegree = algebraicDegree
    self.algorithm = algorithm
    self.discipline = discipline
    self._table = nil
  }

  /// Throws `.equalConstants` when two of the constants are one number spelled twice (`pi` and `pi*1`,
  /// `sqrt(4)` and `2`): equal to 50 of 60 digits. Catalog constants named plainly are distinct and
  /// are not evaluated; constants that cannot be evaluated are left to `identify` to report.
  static func _rejectEqualValues(_ constants: [ConstantExpression]) throws(IdentificationError) {
    guard constants.count >= 2, !constants.allSatisfy({ if case .constant = $0 { true } else { false } }) else {
      return
    }
    let precision = Precision.digits(60)
    var values: [(ConstantExpression, BigFloat)] = []
    for c in constants {
      guard let value = try? c.evaluate(precision), !value.isZero else { continue }
      for (other, known) in values {
        let difference = known - value
        if difference.isZero || known.log10Magnitude - difference.log10Magnitude >= 50 {
          throw .equalConstants(other.description, c.description)
        }
      }
      values.append((c, value))
    }
  }

  /// This identifier with its constants computed ahead for values of up to `digits` digits, so that
  /// identifying many values does not compute ζ(3) & co. each time (values with more digits compute
  /// their own). Precondition: digits ≥ 1.
  /// - Complexity: each catalog constant of the basis at digits + 20 digits and 160 guard bits.
  public func precomputed(digits: Int) -> Identifier {
    precondition(digits >= 1, "digits \(digits) must be at least 1")
    var copy = self
    copy._table = _ConstantTable(constants, bits: Self._tableBits(digits: digits))
    return copy
  }

  /// Working precision for a value of `digits` digits: `digits` + 20.
  static func _working(digits: Int) -> Precision { .digits(digits + 20) }

  /// Precision of the constant table for a value of `digits` digits.
  static func _tableBits(digits: Int) -> Int { _working(digits: digits).bits + 160 }

  /// The closed form of `x` that the discipline accepts, or `nil` when there is none within the bounds.
  ///
  /// When `recompute` is given, an answer is confirmed on the value recomputed to
  /// `discipline.confirmationFactor` × x.digits digits (`recompute(d)` returns the value to about d
  /// digits, or `nil` when it cannot): it must hold there to all digits less `discipline.slack`, or the
  /// answer is refuted and `nil` returned. A recomputed value with no more digits than `x` leaves the
  /// answer unconfirmed (`confirmedDigits` nil).
  ///
  /// Throws `IdentificationError.zeroValue` for x = 0, `.exponentOutOfRange` for |x| beyond
  /// 10^±`ApproximateValue.exponentLimit`, `.precisionTooLow` when x has fewer digits than
  /// `discipline.minimumDigits`, `.constantNotEvaluable` when a constant has no value,
  /// `.dependentConstants` when the constants satisfy a relation the discipline accepts; rethrows what
  /// `recompute` throws. A value of more than `ApproximateValue.digitLimit` digits is read to that many.
  /// - Complexity: k + degree + 1 relation searches (see `IntegerRelation.find`) of dimension at most
  ///   2k + 2, the constants evaluated at x.digits + 20 digits, one continued fraction of x.
  public func identify(_ x: ApproximateValue, recompute: ((Int) throws -> ApproximateValue?)? = nil) throws
    -> Identification?
  {
    guard !x.value.isZero else { throw IdentificationError.zeroValue }
    guard Swift.abs(x.value.log10Magnitude) <= Double(ApproximateValue.exponentLimit) else {
      throw IdentificationError.exponentOutOfRange(
        x.value.scientific(significantDigits: 6), limit: ApproximateValue.exponentLimit)
    }
    guard x.digits >= discipline.minimumDigits else {
      throw IdentificationError.precisionTooLow(digits: x.digits, needed: discipline.minimumDigits)
    }
    // Beyond the digit limit the cost runs to minutes (constants, confirmation at twice the digits):
    // the value is read to the limit, which claims fewer digits and stays sound.
    let most = ApproximateValue.digitLimit
    let x = x.digits <= most ? x : ApproximateValue(BigFloat(x.value, precision: .digits(most + 20)), digits: most)
    guard let found = try _search(x) else { return nil }
    var digits = found.digits
    var confirmed: Int?
    let target = discipline.confirmationFactor * x.digits
    if let recompute, target > x.digits, let deeper = try recompute(target), deeper.digits > x.digits {
      let again = try _digits(of: found, on: deeper)
      guard again >= deeper.digits - discipline.slack else { return nil }
      digits = again
      confirmed = deeper.digits
    }
    return Identification(
      form: found.form, expression: found.expression, basis: found.basis, relation: found.relation,
      digits: digits, foundDigits: found.digits, confirmedDigits: confirmed)
  }
}

// MARK: - Search

extension Identifier {
  /// A relation and its closed form before confirmation.
  struct _Candidate {
    let form: Identification.Form
    let expression: ConstantExpression?
    let basis: [String]
    let relation: IntegerRelation
    let digits: Int
  }

  func _search(_ x: ApproximateValue) throws(IdentificationError) -> _Candidate? {
    let working = Self._working(digits: x.digits)
    let value = BigFloat(x.value, precision: working)
    let needed = Self._tableBits(digits: x.digits)
    let table = _table.flatMap { $0.bits >= needed ? $0 : nil } ?? _ConstantTable(constants, bits: needed)
    let constantValues = try constants.map { c throws(IdentificationError) in try Self._value(of: c, working, table) }
    if let rational = _rational(x), accepts(rational, x) { return rational }
    for index in constants.indices {
      if let found = try _linearFractional(x, value, [index], constantValues, table), accepts(found, x) {
        return found
      }
    }
    if algebraicDegree >= 2 {
      for degree in 2...algebraicDegree {
        if let found = _algebraic(x, value, degree: degree), accepts(found, x) { return found }
      }
    }
    if constants.count >= 2,
      let found = try _linearFractional(x, value, Array(constants.indices), constantValues, table), accepts(found, x)
    {
      return found
    }
    return nil
  }

  func accepts(_ candidate: _Candidate, _ x: ApproximateValue) -> Bool {
    candidate.digits >= x.digits - discipline.slack
      && discipline.accepts(digits: candidate.digits, coefficientDigits: candidate.relation.coefficientDigits)
  }

  /// The bound on coefficients for a search of `count` numbers at `digits`: `maxCoefficient`, or less
  /// when the discipline could not accept a coefficient that large; `nil` when it could accept none.
  func _bound(count: Int, digits: Int) -> BigInt? {
    let largest = discipline.largestCoefficientDigits(count: count, digits: digits)
    guard largest >= 1 else { return nil }
    if largest > maxCoefficient.decimalDigitCount { return maxCoefficient }
    return Swift.min(maxCoefficient, BigInt(10).power(largest) - 1)
  }

  static func _value(
    of c: ConstantExpression, _ precision: Precision, _ table: _ConstantTable
  ) throws(IdentificationError) -> BigFloat {
    let value: BigFloat
    do {
      value = try table.value(of: c, precision)
    } catch {
      throw .constantNotEvaluable(text: c.description, message: error.description)
    }
    guard !value.isZero else { throw .constantNotEvaluable(text: c.description, message: "it is 0") }
    let limit = ApproximateValue.exponentLimit
    guard Swift.abs(value.log10Magnitude) <= Double(limit) else {
      throw .constantNotEvaluable(
        text: c.description, message: "it is \(value.scientific(significantDigits: 6)), beyond 1e±\(limit)")
    }
    return value
  }

  /// Significant digits to which `x` equals the candidate's closed form (or its relation holds), capped
  /// at x.digits.
  func _digits(of candidate: _Candidate, on x: ApproximateValue) throws(IdentificationError) -> Int {
    if let expression = candidate.expression {
      return Self._agreement(x, expression, _table) ?? 0
    }
    guard case .algebraic = candidate.form else { return 0 }
    // The root of the (irreducible) relation near x, not the residual.
    let value = BigFloat(x.value, precision: Self._working(digits: x.digits))
    guard
      let root = _MinimalPolynomial.root(of: candidate.relation.coefficients, near: value, precision: value.precision)
    else { return 0 }
    return Self._agreement(x, root)
  }

  /// ⌊−log10 |x − r|/|x|⌋ capped at x.digits, for a number r computed to x.digits + 20 digits or more.
  static func _agreement(_ x: ApproximateValue, _ r: BigFloat) -> Int {
    let difference = BigFloat(x.value, precision: r.precision) - r
    if difference.isZero { return x.digits }
    let digits = x.value.log10Magnitude - difference.log10Magnitude
    return Swift.max(0, Swift.min(x.digits, Int(digits.rounded(.down))))
  }

  /// ⌊−log10 |x − e|/|x|⌋ capped at x.digits; `nil` when `e` cannot be evaluated. The constants come
  /// from `table` when given and precise enough.
  static func _agreement(_ x: ApproximateValue, _ e: ConstantExpression, _ table: _ConstantTable? = nil) -> Int? {
    let precision = Precision.digits(x.digits + 20)
    let evaluated = table.map { t in try? t.value(of: e, precision) } ?? (try? e.evaluate(precision))
    guard let value = evaluated else { return nil }
    return _agreement(x, value)
  }

  static func _powers(_ x: BigFloat, _ degree: Int) -> [BigFloat] {
    var powers = [BigFloat(1, precision: x.precision)]
    for _ in 0..<degree { powers.append(powers.last! * x) }
    return powers
  }
}
