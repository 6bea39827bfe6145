import Multiprecision

extension Identifier {
  /// The first convergent p/q of the continued fraction of x that equals x to x.digits less the slack,
  /// with |p|, q within the bound; `nil` when none does. Convergents are the best approximations, so no
  /// other fraction of such a denominator comes closer.
  /// - Complexity: one continued-fraction step (a GMP division) per partial quotient.
  func _rational(_ x: ApproximateValue) -> _Candidate? {
    guard let bound = _bound(count: 2, digits: x.digits) else { return nil }
    // x = X / 2^s exactly, with X of x.digits + 20 digits.
    let bits = Precision.digits(x.digits + 20).bits
    let shift = bits - Int(x.value.log10Magnitude * Precision.bitsPerDigit)
    var numerator = _FixedPoint.scaled(x.value, bits: shift)
    var denominator = BigInt(1).shifted(by: shift)
    var (p0, p1) = (BigInt(0), BigInt(1))  // p(k−2), p(k−1)
    var (q0, q1) = (BigInt(1), BigInt(0))
    let tolerance = x.digits - discipline.slack
    while !denominator.isZero {
      let (a, remainder) = numerator.floorDivided(by: denominator)
      (p0, p1) = (p1, a * p1 + p0)
      (q0, q1) = (q1, a * q1 + q0)
      if q1 > bound || p1.magnitude > bound { return nil }
      if !p1.isZero {
        let expression = ConstantExpression.number(BigRational(p1, q1))
        if let digits = Self._agreement(x, expression), digits >= tolerance {
          return _Candidate(
            form: .rational, expression: expression, basis: ["1", "x"], relation: IntegerRelation([-p1, q1]),
            digits: digits)
        }
      }
      (numerator, denominator) = (denominator, remainder)
    }
    return nil
  }

  /// A relation among (1, c_i…, x, x·c_i…) for the constants at `indices`, read as
  /// x = −(a₀ + Σ aᵢcᵢ)/(d₀ + Σ dᵢcᵢ): Möbius for one constant, linear-fractional for several.
  ///
  /// Throws `IdentificationError.dependentConstants` when the relation does not involve x (the
  /// constants are dependent) and the discipline accepts it.
  func _linearFractional(
    _ x: ApproximateValue, _ value: BigFloat, _ indices: [Int], _ constantValues: [BigFloat],
    _ table: _ConstantTable
  ) throws(IdentificationError) -> _Candidate? {
    let k = indices.count
    guard let bound = _bound(count: 2 * k + 2, digits: x.digits) else { return nil }
    let chosen = indices.map { constants[$0] }
    let values = indices.map { constantValues[$0] }
    let one = BigFloat(1, precision: value.precision)
    let vector = [one] + values + [value] + values.map { value * $0 }
    let names = chosen.map(Self._factorName)
    let basis = ["1"] + names + ["x"] + names.map { "x*\($0)" }
    guard
      let relation = IntegerRelation.find(
        vector, maxCoefficient: bound, algorithm: algorithm, precision: .digits(x.digits))
    else { return nil }
    let a = Array(relation.coefficients[0...k])
    let d = Array(relation.coefficients[(k + 1)...])
    // x·(d₀ + Σ dᵢcᵢ) = 0 or a₀ + Σ aᵢcᵢ = 0: a relation among the constants alone.
    if d.allSatisfy(\.isZero) || a.allSatisfy(\.isZero) {
      let among = Array(vector[0...k])
      let constantRelation = IntegerRelation(a.allSatisfy(\.isZero) ? d : a)
      let digits = Int(constantRelation.digits(on: among, precision: .digits(x.digits)).rounded(.down))
      if digits >= x.digits - discipline.slack
        && discipline.accepts(digits: digits, coefficientDigits: constantRelation.coefficientDigits)
      {
        let text = Identification(
          form: .linearFractional, expression: nil, basis: Array(basis[0...k]), relation: constantRelation,
          digits: digits, foundDigits: digits, confirmedDigits: nil
        ).relationText
        throw .dependentConstants(relation: text, digits: digits)
      }
      return nil
    }
    guard let expression = _ClosedForm.quotient(numerator: a, denominator: d, constants: chosen),
      let digits = Self._agreement(x, expression, table)
    else { return nil }
    return _Candidate(
      form: k == 1 ? .mobius : .linearFractional, expression: expression, basis: basis, relation: relation,
      digits: digits)
  }

  /// The minimal polynomial of x found among the relations of (1, x, …, x^degree): the relation is
  /// reduced to its irreducible factor F over ℚ that has a root r near x (`_MinimalPolynomial`), so
  /// the answer may be of lower degree (a rational for degree 1). The digits are those to which x
  /// agrees with r — or with the closed form of r in real radicals, evaluated on its own — never the
  /// residual |F(x)|, which is tiny near a multiple root of the relation found.
  func _algebraic(_ x: ApproximateValue, _ value: BigFloat, degree: Int) -> _Candidate? {
    guard let bound = _bound(count: degree + 1, digits: x.digits) else { return nil }
    let powers = Self._powers(value, degree)
    guard
      let relation = IntegerRelation.find(
        powers, maxCoefficient: bound, algorithm: algorithm, precision: .digits(x.digits)),
      let (f, root) = _MinimalPolynomial.factor(relation.coefficients, near: value)
    else { return nil }
    let reduced = f.count - 1
    if reduced == 1 {
      let expression = ConstantExpression.number(BigRational(-f[0], f[1]))
      guard let digits = Self._agreement(x, expression) else { return nil }
      return _Candidate(
        form: .rational, expression: expression, basis: ["1", "x"], relation: IntegerRelation(f), digits: digits)
    }
    let basis = ["1", "x"] + (2...reduced).map { "x^\($0)" }
    let expression = _ClosedForm.root(of: f, near: value)
    let digits: Int
    if let expression {
      guard let agreement = Self._agreement(x, expression) else { return nil }
      digits = agreement
    } else {
      digits = Self._agreement(x, root)
    }
    return _Candidate(
      form: .algebraic(degree: reduced), expression: expression, basis: basis, relation: IntegerRelation(f),
      digits: digits)
  }

  /// The text of c as a factor: in parentheses when it is a sum, a difference or a negation.
  static func _factorName(_ c: ConstantExpression) -> String {
    switch c {
    case .add, .subtract, .negate: "(\(c))"
    default: c.description
    }
  }
}
