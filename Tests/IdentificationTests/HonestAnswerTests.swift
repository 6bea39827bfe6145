import Multiprecision
import TestSupport
import Testing

@testable import Identification

/// Every answer is what it claims: minimal polynomials are square-free and irreducible, the digits are
/// digits of agreement between the value and the stated closed form evaluated on its own, and values
/// perturbed at a digit well inside their precision are never identified as the unperturbed form.
@Suite struct HonestAnswerTests {
  // MARK: The independent check

  /// The digits to which `x` agrees with what `result` states, computed here without the identifier:
  /// the expression evaluated by `ConstantExpression.evaluate` 30 digits beyond x, or for a bare
  /// polynomial the root near x found by a Newton iteration of this test's own.
  static func statedAgreement(_ result: Identification, _ x: ApproximateValue) throws -> Double {
    let precision = Precision.digits(x.digits + 30)
    let value = BigFloat(x.value, precision: precision)
    let stated: BigFloat
    if let expression = result.expression {
      stated = try expression.evaluate(precision)
    } else {
      stated = try #require(newtonRoot(result.relation.coefficients, near: value), "\(result.relationText)")
    }
    return agreement(value, stated)
  }

  /// A root of Σ mᵢtⁱ by Newton's method from `x` (200 steps at most).
  static func newtonRoot(_ m: [BigInt], near x: BigFloat) -> BigFloat? {
    var r = x
    for _ in 0..<200 {
      var f = BigFloat(precision: x.precision)
      var d = BigFloat(precision: x.precision)
      for c in m.reversed() {
        d = d * r + f
        f = f * r + BigFloat(c, precision: x.precision)
      }
      if f.isZero || d.isZero { return f.isZero ? r : nil }
      let step = f / d
      r -= step
      if step.isZero || agreement(r, r + step) > Double(x.precision.digits) { return r }
    }
    return nil
  }

  /// Asserts that an answer, if any, holds to the digits it claims and to the value's digits less the
  /// slack; an algebraic answer's polynomial is square-free. Returns the answer.
  @discardableResult
  static func checked(_ result: Identification?, _ x: ApproximateValue, _ note: String) throws -> Identification? {
    guard let result else { return nil }
    let independent = try statedAgreement(result, x)
    // Both sides floor the same logarithm, computed at slightly different precisions: one unit apart at most.
    #expect(independent >= Double(result.digits - 1), "\(note): claims \(result.digits), has \(independent)")
    #expect(result.digits >= x.digits - PrecisionDiscipline().slack, "\(note)")
    if case .algebraic = result.form {
      let m = result.relation.coefficients
      let derivative = _MinimalPolynomial.derivative(m)
      #expect(_MinimalPolynomial.gcd(m, derivative) == [1], "\(note): \(result.relationText) is not square-free")
    }
    return result
  }

  /// x·(1 + s·10^−j) to `digits` digits, with s = ±1…9.
  static func perturbed(_ x: BigFloat, at j: Int, digits: Int, using g: inout SeededGenerator) -> ApproximateValue {
    let precision = Precision.digits(digits + 10)
    let s = Int.random(in: 1...9, using: &g) * (Bool.random(using: &g) ? 1 : -1)
    let delta = BigFloat(s, precision: precision) / BigFloat(BigInt(10).power(j), precision: precision)
    let value = BigFloat(x, precision: precision) * (delta + 1)
    return ApproximateValue(value, digits: digits)
  }

  // MARK: The issue's values

  @Test(arguments: [
    "1.000000000001234567890123456789012345678901234",
    "0.5000000000002718281828459045235360287471352662497757",
    "1.0000000000000000000000000000001577721810442023610823457130565572459346412870218",
  ])
  func multipleRootTraps(text: String) throws {
    let x = try ApproximateValue(decimal: text)
    #expect(try Identifier().identify(x) == nil)
    #expect(try Identifier(constants: []).identify(x) == nil)
    #expect(try Identifier(constants: [], algebraicDegree: 12).identify(x) == nil)
    #expect(try Identifier(constants: [], algebraicDegree: 12, algorithm: .lll).identify(x) == nil)
  }

  /// The unperturbed values of the traps are still identified, as the rationals they are.
  @Test(arguments: [
    ("1.00000000000000000000000000000000000000000000", "1"), ("0.5000000000000000000000000000000", "0.5"),
  ])
  func trapsUnperturbed(text: String, expected: String) throws {
    let result = try #require(try Identifier().identify(try ApproximateValue(decimal: text)))
    #expect(result.form == .rational && result.expression?.description == expected)
  }

  /// A confirmation on a recomputed value measures the root's distance too: 1 + 10⁻⁴⁰ known to 30
  /// digits is 1 (to those digits), and the recomputed value to 60 digits refutes it.
  @Test func confirmationMeasuresTheRoot() throws {
    let identifier = try Identifier(constants: [])
    func value(_ digits: Int) -> ApproximateValue {
      let p = Precision.digits(digits + 10)
      return ApproximateValue(
        BigFloat(1, precision: p) + BigFloat(1, precision: p) / BigFloat(BigInt(10).power(40), precision: p),
        digits: digits)
    }
    let found = try #require(try identifier.identify(value(30)))
    #expect(found.expression?.description == "1")
    #expect(try identifier.identify(value(30)) { value($0) } == nil)
  }

  // MARK: Minimal polynomials

  @Test func squareFreeParts() {
    // (x − 1)⁴, 16(x − 1/2)⁴, (x² − 2)²(x + 3).
    #expect(_MinimalPolynomial.squareFreePart([1, -4, 6, -4, 1]) == [-1, 1])
    #expect(_MinimalPolynomial.squareFreePart([1, -8, 24, -32, 16]) == [-1, 2])
    #expect(_MinimalPolynomial.squareFreePart([12, 4, -12, -4, 3, 1]) == [-6, -2, 3, 1])
    #expect(_MinimalPolynomial.squareFreePart([-1, -1, 2, 1]) == [-1, -1, 2, 1])
  }

  @Test func irreducibleFactors() throws {
    let p = Precision.digits(60)
    let sqrt2 = BigFloat(2, precision: p).squareRoot()
    // x⁴ − 4 = (x² − 2)(x² + 2) at √2; (x − 1)(x² − 2) at √2 and at 1; x³ + x² − 2x − 1 is irreducible.
    #expect(try #require(_MinimalPolynomial.factor([-4, 0, 0, 0, 1], near: sqrt2)).factor == [-2, 0, 1])
    #expect(try #require(_MinimalPolynomial.factor([2, -2, -1, 1], near: sqrt2)).factor == [-2, 0, 1])
    #expect(
      try #require(_MinimalPolynomial.factor([2, -2, -1, 1], near: BigFloat(1.0001, precision: p))).factor == [-1, 1])
    let cubic = try #require(_MinimalPolynomial.factor([-1, -2, 1, 1], near: BigFloat(1.25, precision: p)))
    #expect(cubic.factor == [-1, -2, 1, 1])
    #expect(
      agreement(
        cubic.root * cubic.root * cubic.root + cubic.root * cubic.root - cubic.root * 2, BigFloat(1, precision: p)) > 55
    )
    // x²(x − 3)³ at 3: the factor x is dropped (x ≠ 0), the cube reduced.
    #expect(
      try #require(_MinimalPolynomial.factor([0, 0, -27, 27, -9, 1], near: BigFloat(3.0000001, precision: p))).factor
        == [-3, 1])
    // Only x^k: no root a non-zero x can be near.
    #expect(_MinimalPolynomial.factor([0, 0, 1], near: sqrt2) == nil)
  }

  /// A reducible relation is reported as its irreducible factor: √2 among degree-4 relations of
  /// (1, x, …, x⁴) whose searches start at degree 4.
  @Test func reducibleRelationReduced() throws {
    let x = ApproximateValue(BigFloat(2, precision: .digits(80)).squareRoot(), digits: 70)
    let result = try #require(try Identifier(constants: []).identify(x))
    #expect(result.relationText == "x^2-2 = 0")
    try Self.checked(result, x, "sqrt(2)")
  }

  // MARK: Perturbed values (seeded)

  /// p/q · (1 + s·10^−j), j = 10…80, known to j + 5…40 digits: never p/q, and any answer checks out.
  @Test func perturbedRationals() throws {
    var g = SeededGenerator(seed: 0xBAD_5EED_01)
    let identifier = try Identifier()
    for trial in 0..<16 {
      let p = Int.random(in: -200...200, using: &g)
      let q = Int.random(in: 1...200, using: &g)
      guard p != 0 else { continue }
      let j = Int.random(in: 10...80, using: &g)
      let digits = j + Int.random(in: 5...40, using: &g)
      let exact = BigRational(BigInt(p), BigInt(q))
      let x = Self.perturbed(BigFloat(exact, precision: .digits(digits + 10)), at: j, digits: digits, using: &g)
      let result = try Self.checked(try identifier.identify(x), x, "trial \(trial): \(exact) at \(j)")
      #expect(result?.expression != .number(exact), "trial \(trial)")
    }
  }

  /// a/b + s·10^−j and the other traps of a multiple root: (x − a/b)^k has a residual of
  /// about 10^−jk there, far below the value's digits.
  @Test func perturbedPowerTraps() throws {
    var g = SeededGenerator(seed: 0xBAD_5EED_02)
    let identifier = try Identifier(constants: [], algebraicDegree: 8)
    for trial in 0..<16 {
      let a = Int.random(in: 1...9, using: &g) * (Bool.random(using: &g) ? 1 : -1)
      let b = Int.random(in: 1...4, using: &g)
      let j = Int.random(in: 10...30, using: &g)
      let digits = Swift.min(j * 6, j + Int.random(in: 8...60, using: &g))
      let center = BigFloat(BigRational(BigInt(a), BigInt(b)), precision: .digits(digits + 10))
      let x = Self.perturbed(center, at: j, digits: digits, using: &g)
      let result = try Self.checked(try identifier.identify(x), x, "trial \(trial): \(a)/\(b) at \(j)")
      #expect(result == nil, "trial \(trial): \(a)/\(b) at \(j) is \(result?.relationText ?? "")")
    }
  }

  /// Roots of random polynomials of degree 2…4 perturbed at digit 10…80: never their polynomial.
  @Test func perturbedAlgebraicNumbers() throws {
    var g = SeededGenerator(seed: 0xBAD_5EED_03)
    let identifier = try Identifier(constants: [])
    var tried = 0
    while tried < 14 {
      let degree = Int.random(in: 2...4, using: &g)
      var m = (0...degree).map { _ in BigInt(Int.random(in: -9...9, using: &g)) }
      if m[degree].isZero { m[degree] = 1 }
      if m[0].isZero { m[0] = -1 }
      let precision = Precision.digits(140)
      guard let root = Self.newtonRoot(m, near: BigFloat(Double.random(in: -3...3, using: &g), precision: precision)),
        root.isFinite, !root.isZero
      else { continue }
      tried += 1
      let j = Int.random(in: 10...80, using: &g)
      let digits = Swift.min(120, j + Int.random(in: 5...40, using: &g))
      let x = Self.perturbed(root, at: j, digits: digits, using: &g)
      let genuine = try Self.checked(
        try identifier.identify(ApproximateValue(root, digits: 120)), ApproximateValue(root, digits: 120), "\(m)")
      let result = try Self.checked(try identifier.identify(x), x, "\(m) at \(j)")
      if let result, let genuine { #expect(result.relation != genuine.relation, "\(m) at \(j)") }
    }
  }

  /// (a + b·c)/(d + e·c) for the default constants c, perturbed at digit 10…80: never the form.
  @Test func perturbedMobiusForms() throws {
    var g = SeededGenerator(seed: 0xBAD_5EED_04)
    let identifier = try Identifier()
    let names = ["pi", "e", "zeta(3)", "G", "log(2)"]
    for trial in 0..<12 {
      let c = names[trial % names.count]
      let k = (0..<4).map { _ in Int.random(in: 1...30, using: &g) * (Bool.random(using: &g) ? 1 : -1) }
      let text = "(\(k[0])+\(k[1])*\(c))/(\(k[2])+\(k[3])*\(c))"
      let form = try ConstantExpression(parsing: text)
      let j = Int.random(in: 10...80, using: &g)
      let digits = j + Int.random(in: 5...40, using: &g)
      let value = try form.evaluate(.digits(digits + 10))
      let x = Self.perturbed(value, at: j, digits: digits, using: &g)
      let result = try Self.checked(try identifier.identify(x), x, "\(text) at \(j)")
      if let found = result?.expression {
        let p = Precision.digits(digits + 30)
        #expect(agreement(try found.evaluate(p), try form.evaluate(p)) < Double(digits), "\(text) at \(j): \(found)")
      }
      // Unperturbed and known to 40 digits or more, the form is found (to its value).
      let genuine = ApproximateValue(
        try form.evaluate(.digits(Swift.max(digits, 40) + 10)), digits: Swift.max(digits, 40))
      let answer = try #require(try Self.checked(try identifier.identify(genuine), genuine, text), "\(text)")
      let p = Precision.digits(genuine.digits + 30)
      #expect(
        agreement(try #require(answer.expression).evaluate(p), try form.evaluate(p)) > Double(genuine.digits + 20))
    }
  }

  // MARK: A short fuzz of decimal text

  /// Random decimal strings (random digits, point, sign and exponent) and perturbed or exact known
  /// values, through `ApproximateValue(decimal:)` and `identify`: parsing either succeeds or throws an
  /// `IdentificationError`, and every answer passes the independent check.
  @Test func fuzzDecimalValues() throws {
    var g = SeededGenerator(seed: 0xF0_22_1D)
    let identifier = try Identifier().precomputed(digits: 90)
    var answers = 0
    for trial in 0..<40 {
      var text = Bool.random(using: &g) ? "-" : ""
      switch trial % 4 {
      case 0, 1:
        // Random digits with a point somewhere and an exponent.
        let count = Int.random(in: 1...80, using: &g)
        var digits = (0..<count).map { _ in String(Int.random(in: 0...9, using: &g)) }.joined()
        let point = Int.random(in: 0...count, using: &g)
        digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point))
        text += digits
        let exponents = [0, 0, Int.random(in: -30...30, using: &g), Int.random(in: -2_000_000...2_000_000, using: &g)]
        let exponent = exponents[Int.random(in: 0..<exponents.count, using: &g)]
        if exponent != 0 { text += "e\(exponent)" }
      default:
        // A known value, exact or perturbed, printed to 20…80 digits.
        let forms = ["6/zeta(3)", "(2+pi)/(3-pi)", "sqrt(2)+1", "22/7", "log(2)/3", "2^(1/3)", "(1+sqrt(5))/2", "1"]
        let form = forms[Int.random(in: 0..<forms.count, using: &g)]
        let digits = Int.random(in: 20...80, using: &g)
        var value = try ConstantExpression(parsing: form).evaluate(.digits(digits + 10))
        if Bool.random(using: &g) {
          value = Self.perturbed(value, at: Int.random(in: 8...digits, using: &g), digits: digits, using: &g).value
        }
        text += value.scientific(significantDigits: digits)
      }
      let x: ApproximateValue
      do { x = try ApproximateValue(decimal: text) } catch { continue }
      let result: Identification?
      do {
        result = try identifier.identify(x)
      } catch {
        #expect(error is IdentificationError, "\(text): \(error)")
        continue
      }
      if try Self.checked(result, x, text) != nil { answers += 1 }
    }
    #expect(answers >= 5)
  }
}
