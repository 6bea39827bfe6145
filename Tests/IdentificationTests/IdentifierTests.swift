import ContinuedFractions
import Multiprecision
import Polynomials
import Recurrences
import TestSupport
import Testing

@testable import Identification

/// Identification of known values, negative controls, the precision discipline and confirmation.
@Suite struct IdentifierTests {
  /// A basis a user might give for the formulas of the fixture: catalog constants and e².
  static let basis = ["pi", "e", "e^2", "zeta(2)", "zeta(3)", "G", "log(2)", "delta_Gompertz"]

  static func expression(_ text: String) throws -> ConstantExpression { try ConstantExpression(parsing: text) }

  /// The digits to which two expressions agree at `digits` + 20 digits.
  static func agreement(_ x: ConstantExpression, _ y: ConstantExpression, digits: Int) throws -> Double {
    let p = Precision.digits(digits + 20)
    return IdentificationTests.agreement(try x.evaluate(p), try y.evaluate(p))
  }

  /// An approximate value of an expression to `digits` digits.
  static func value(_ text: String, digits: Int) throws -> ApproximateValue {
    ApproximateValue(try expression(text).evaluate(.digits(digits + 5)), digits: digits)
  }

  // MARK: The formulas of pcf-formulas.tsv

  /// Every listed 100-digit limit is identified, with both algorithms, to an expression numerically
  /// equal to the listed limit.
  @Test(arguments: IntegerRelationAlgorithm.allCases)
  func listedLimits(algorithm: IntegerRelationAlgorithm) throws {
    let identifier = try Identifier(constants: Self.basis.map(Self.expression), algorithm: algorithm)
    let rows = try fixtureRows("pcf-formulas")
    #expect(rows.count == 13)
    for row in rows {
      let id = row["id"] ?? ""
      let x = try ApproximateValue(decimal: try #require(row["value"]))
      let result = try #require(try identifier.identify(x), "\(id)")
      let found = try #require(result.expression, "\(id) has no closed form")
      #expect(try Self.agreement(found, Self.expression(row["limit"]!), digits: 200) >= 200, "\(id): \(found)")
      #expect(result.digits >= 98 && result.ratio >= 2, "\(id)")
      #expect(result.confirmedDigits == nil)
    }
  }

  /// Every PCF of the fixture, evaluated by its walk to 60 digits and confirmed at twice as many, is
  /// identified to its listed limit — except the slow one, which cannot reach the digits the discipline
  /// needs within the depth allowed and says so.
  @Test func pcfLimits() throws {
    let identifier = try Identifier(constants: Self.basis.map(Self.expression))
    func approximate(_ limit: Limit) -> ApproximateValue {
      ApproximateValue(limit.value(.digits(limit.digits + 30)), places: limit.digits)
    }
    for row in try fixtureRows("pcf-formulas") {
      let id = row["id"] ?? ""
      let pcf = try PCF(a: row["a(n)"]!, b: row["b(n)"]!)
      let x = approximate(pcf.limit(digits: 62, maxDepth: 20_000))
      var asked: [Int] = []
      let recompute = { (digits: Int) -> ApproximateValue? in
        asked.append(digits)
        return approximate(pcf.limit(digits: digits + 2, maxDepth: 40_000))
      }
      if row["note"]?.hasPrefix("slow") == true {
        #expect(x.digits < 14, "\(id)")
        #expect(throws: IdentificationError.precisionTooLow(digits: x.digits, needed: 14)) {
          try identifier.identify(x, recompute: recompute)
        }
        continue
      }
      let result = try #require(try identifier.identify(x, recompute: recompute), "\(id)")
      let found = try #require(result.expression)
      #expect(try Self.agreement(found, Self.expression(row["limit"]!), digits: 200) >= 200, "\(id): \(found)")
      #expect(asked == [2 * x.digits], "\(id)")
      let confirmed = try #require(result.confirmedDigits, "\(id)")
      #expect(
        confirmed >= 2 * x.digits && result.digits >= confirmed - 2 && result.foundDigits >= x.digits - 2, "\(id)")
    }
  }

  // MARK: Forms

  @Test func theBriefsExample() throws {
    let x = try ApproximateValue(decimal: "4.99144423548424481209875767293")
    #expect(x.digits == 29)
    let result = try #require(try Identifier(constants: [.constant(.zeta(3))]).identify(x))
    #expect(result.expression?.description == "6/zeta(3)")
    #expect(result.form == .mobius)
    #expect(result.relationText == "x*zeta(3)-6 = 0")
    #expect(result.basis == ["1", "zeta(3)", "x", "x*zeta(3)"])
    #expect(result.digits == 29 && result.coefficientDigits == 4 && result.ratio == 7.25)
  }

  @Test func mobiusInTheDefaultConstants() throws {
    let result = try #require(try Identifier().identify(Self.value("4/(3*pi-8)", digits: 50)))
    #expect(result.expression?.description == "4/(3*pi-8)")
    #expect(result.form == .mobius)
    #expect(result.digits == 50)
  }

  /// A basis element that is a product the user names; its value taken from constants.tsv.
  @Test func productConstant() throws {
    let listed = try #require(try fixtureRows("constants").first { $0["name"] == "pi*log(2+sqrt(3))" }?["value"])
    let p = Precision.digits(310)
    let c = try #require(BigFloat(listed, precision: p))
    let x = ApproximateValue((c * 2 + 3) / (c - 1), digits: 290)
    let identifier = try Identifier(constants: Identifier.constants(parsing: "pi, pi*log(2+sqrt(3))"))
    let result = try #require(try identifier.identify(x))
    #expect(result.form == .mobius)
    #expect(result.expression?.description == "(2*(pi*log(2+sqrt(3)))+3)/(pi*log(2+sqrt(3))-1)")
    #expect(result.digits >= 288)
  }

  @Test func linearFractionalInSeveralConstants() throws {
    let text = "(1+2*pi-3*log(2))/(2+e-G)"
    let identifier = try Identifier(constants: Identifier.constants(parsing: "pi,e,G,log(2)"))
    let result = try #require(try identifier.identify(Self.value(text, digits: 100)))
    #expect(result.form == .linearFractional)
    #expect(result.coefficientDigits == 10)
    #expect(try Self.agreement(try #require(result.expression), Self.expression(text), digits: 150) >= 150)
  }

  @Test(arguments: [
    ("22/7", "22/7", Identification.Form.rational),
    ("-1/2", "-0.5", .rational),
    ("sqrt(2)+sqrt(3)", "sqrt(2*sqrt(6)+5)", .algebraic(degree: 4)),
    ("2^(1/3)", "2^(1/3)", .algebraic(degree: 3)),
    ("-(5/3)^(1/4)", "-(5/3)^0.25", .algebraic(degree: 4)),
    ("(3-sqrt(13))/2", "(-sqrt(13)+3)/2", .algebraic(degree: 2)),
  ])
  func rationalAndAlgebraic(value: String, expected: String, form: Identification.Form) throws {
    let result = try #require(try Identifier(constants: []).identify(Self.value(value, digits: 80)))
    #expect(result.form == form)
    let found = try #require(result.expression)
    #expect(found.description == expected)
    #expect(try Self.agreement(found, Self.expression(value), digits: 120) >= 120)
  }

  /// 2cos(2π/7), a root of x³ + x² − 2x − 1 with three real roots: no real radicals, the polynomial.
  @Test func cubicWithThreeRealRoots() throws {
    let p = Precision.digits(90)
    var x = BigFloat(1.25, precision: p)
    for _ in 0..<12 {
      let f = x * x * x + x * x - x * 2 - 1
      let derivative = x * x * 3 + x * 2 - 2
      x = x - f / derivative
    }
    let result = try #require(try Identifier(constants: []).identify(ApproximateValue(x, digits: 80)))
    #expect(result.form == .algebraic(degree: 3))
    #expect(result.expression == nil)
    #expect(result.relationText == "x^3+x^2-2*x-1 = 0")
    #expect(result.digits == 80)
  }

  // MARK: Negative controls

  @Test func randomRealsHaveNoClosedForm() throws {
    var g = SeededGenerator(seed: 0xC0FFEE)
    let identifier = try Identifier()
    for digits in [30, 60, 100, 300] {
      for _ in 0..<6 {
        let x = ApproximateValue(g.real(digits: digits), digits: digits)
        #expect(try identifier.identify(x) == nil, "\(x.value)")
      }
    }
  }

  /// PCF(1, n²) → 1/log 2 read at depth 200: its certified digits are too few, which is said; taken at
  /// face value to 40 digits (as a fixed-precision tool would), no relation is claimed either.
  @Test func slowPCFEvaluatedShallow() throws {
    let pcf = try PCF(a: "1", b: "n^2")
    let limit = pcf.limit(depth: 200)
    let certified = ApproximateValue(limit.value(.digits(60)), places: limit.digits)
    #expect(certified.digits <= 3)
    let identifier = try Identifier(constants: [.constant(.log(2))])
    #expect(throws: IdentificationError.precisionTooLow(digits: certified.digits, needed: 14)) {
      try identifier.identify(certified)
    }
    let naive = ApproximateValue(limit.value(.digits(60)), digits: 40)
    let deeper = { (digits: Int) -> ApproximateValue? in
      ApproximateValue(pcf.limit(depth: 400).value(.digits(digits + 10)), digits: digits)
    }
    #expect(try identifier.identify(naive, recompute: deeper) == nil)
    // A fixed-precision PSLQ with a coefficient cap finds a "relation" there all the same.
    let p = Precision.digits(40)
    let v = naive.value
    let l = Constant.log(2).value(p)
    let junk = PSLQ.relation([BigFloat(1, precision: p), l, v, v * l], maxCoefficient: 10_000, precision: .digits(15))
    #expect(junk != nil)
  }

  /// (12345 + 6789π)/(2468 − 1357π): coefficients of 17 digits in all need 2·17 + 10 = 44 digits. At 60
  /// digits the relation is found and accepted; at 40 PSLQ still finds it, and the discipline refuses it.
  @Test func plantedLargeCoefficients() throws {
    let text = "(12345+6789*pi)/(2468-1357*pi)"
    let identifier = try Identifier(constants: [.constant(.pi)], maxCoefficient: 100_000)
    let accepted = try #require(try identifier.identify(Self.value(text, digits: 60)))
    #expect(accepted.coefficientDigits == 17)
    #expect(try Self.agreement(try #require(accepted.expression), Self.expression(text), digits: 100) >= 100)
    let short = try Self.value(text, digits: 40)
    #expect(try identifier.identify(short) == nil)
    let p = Precision.digits(40)
    let pi = BigFloat.pi(p)
    let x = BigFloat(short.value, precision: p)
    let raw = PSLQ.relation([BigFloat(1, precision: p), pi, x, x * pi], maxCoefficient: 100_000, precision: p)
    #expect(raw == accepted.relation)
  }

  // MARK: Confirmation

  /// 6/ζ(3) + 10⁻⁴⁰ to 35 digits passes; recomputed to 70 digits it is refuted.
  @Test func confirmationRefutes() throws {
    let identifier = try Identifier(constants: [.constant(.zeta(3))])
    let x = try Self.value("6/zeta(3)+10^(-40)", digits: 35)
    let unconfirmed = try #require(try identifier.identify(x))
    #expect(unconfirmed.expression?.description == "6/zeta(3)" && unconfirmed.confirmedDigits == nil)
    #expect(try identifier.identify(x) { try Self.value("6/zeta(3)+10^(-40)", digits: $0) } == nil)
    let confirmed = try #require(try identifier.identify(x) { try Self.value("6/zeta(3)", digits: $0) })
    #expect(confirmed.confirmedDigits == 70 && confirmed.digits == 70 && confirmed.foundDigits == 35)
    // No more digits to be had: the answer stands unconfirmed.
    let same = try #require(try identifier.identify(x) { _ in x })
    #expect(same.confirmedDigits == nil && same.digits == 35)
    #expect(try identifier.identify(x) { _ in nil }?.confirmedDigits == nil)
  }

  @Test func precomputedConstantsGiveTheSameAnswers() throws {
    let identifier = try Identifier()
    let prepared = identifier.precomputed(digits: 100)
    for text in ["6/zeta(3)", "4/(3*pi-8)", "(e+2)/(G-1)", "log(2)/3"] {
      for digits in [50, 100, 150] {
        let x = try Self.value(text, digits: digits)
        let a = try identifier.identify(x)
        let b = try prepared.identify(x)
        #expect(a?.expression == b?.expression && a?.digits == b?.digits, "\(text) at \(digits)")
      }
    }
  }

  // MARK: The discipline and values

  @Test func discipline() {
    let d = PrecisionDiscipline()
    #expect(d.requiredDigits(coefficientDigits: 4) == 18)
    #expect(d.accepts(digits: 18, coefficientDigits: 4) && !d.accepts(digits: 17, coefficientDigits: 4))
    #expect(d.minimumDigits == 14)
    #expect(d.largestCoefficientDigits(count: 4, digits: 40) == 12)
    #expect(PrecisionDiscipline(ratio: 3, margin: 0).requiredDigits(coefficientDigits: 5) == 15)
  }

  @Test(arguments: [
    ("4.99144423548424481209875767293", 29), ("3.14159", 5), ("-3.14159", 5), ("0.000123", 2), ("1.5e-3", 1),
    ("1.000", 3), ("  2.50  ", 2), ("12", 1), ("+7.25E2", 2),
  ])
  func significantDigits(text: String, digits: Int) throws {
    #expect(try ApproximateValue(decimal: text).digits == digits)
  }

  @Test func digitsFromPlaces() {
    let p = Precision.digits(40)
    #expect(ApproximateValue(BigFloat(4.99, precision: p), places: 29).digits == 29)
    #expect(ApproximateValue(BigFloat(0.058, precision: p), places: 29).digits == 27)
    #expect(ApproximateValue(BigFloat(123.5, precision: p), places: 10).digits == 12)
    #expect(ApproximateValue(BigFloat(0, precision: p), places: 10).digits == 0)
  }

  // MARK: Errors, word for word

  @Test(arguments: [
    ("", "the value is empty; give a decimal number such as 4.99144423548424481209875767293"),
    ("   ", "the value is empty; give a decimal number such as 4.99144423548424481209875767293"),
    ("abc", "'abc' is not a decimal number"),
    ("1.2.3", "'1.2.3' is not a decimal number"),
    ("4.99e", "'4.99e' is not a decimal number"),
    ("pi", "'pi' is not a decimal number"),
  ])
  func badValues(text: String, message: String) {
    #expect(throws: IdentificationError.self) { try ApproximateValue(decimal: text) }
    do {
      _ = try ApproximateValue(decimal: text)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func valueErrors() throws {
    let identifier = try Identifier()
    let zero = try ApproximateValue(decimal: "0.000000000000000000000")
    #expect(throws: IdentificationError.zeroValue) { try identifier.identify(zero) }
    #expect(
      IdentificationError.zeroValue.description == "the value is 0 to all its digits: there is nothing to identify")
    let short = try ApproximateValue(decimal: "3.14159")
    #expect(throws: IdentificationError.precisionTooLow(digits: 5, needed: 14)) { try identifier.identify(short) }
    #expect(
      IdentificationError.precisionTooLow(digits: 5, needed: 14).description
        == "the value has 5 correct digits, too few to identify anything: the shortest relation needs 14 (see the precision discipline); give more digits"
    )
  }

  @Test(arguments: [
    (
      "pi,foo",
      "unknown constant 'foo'; known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, "
        + "gauss, lemniscate, khinchin, glaisher"
    ),
    (
      "bar(3)",
      "unknown constant 'bar'; known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, "
        + "gauss, lemniscate, khinchin, glaisher"
    ),
    (
      "zeta",
      "unknown constant 'zeta'; known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, "
        + "gauss, lemniscate, khinchin, glaisher"
    ),
    ("pi,,e", "constant 2 of 'pi,,e' is empty"),
    ("", "constant 1 of '' is empty"),
    ("pi+", "cannot read the constant 'pi+': missing operand at column 4 of 'pi+'"),
    (
      "zeta(1)",
      "cannot read the constant 'zeta(1)': cannot use zeta(1) at column 1 of 'zeta(1)': zeta(k) needs an integer k ≥ 2"
    ),
  ])
  func badConstantLists(list: String, message: String) {
    #expect(throws: IdentificationError.self) { try Identifier.constants(parsing: list) }
    do {
      _ = try Identifier.constants(parsing: list)
    } catch {
      #expect(error.description == message)
    }
  }

  @Test func constantLists() throws {
    let parsed = try Identifier.constants(parsing: " pi , e,zeta(3),G, log(2), pi*log(2+sqrt(3)), 4^(1/3), ln( 3 )")
    #expect(
      parsed.map(\.description) == ["pi", "e", "zeta(3)", "G", "log(2)", "pi*log(2+sqrt(3))", "4^(1/3)", "log(3)"])
  }

  @Test func identifierErrors() throws {
    func message(_ body: () throws -> Void) -> String {
      do { try body() } catch { return "\(error)" }
      return "no error"
    }
    #expect(
      message { _ = try Identifier(constants: [.constant(.pi), .constant(.pi)]) } == "the constant pi is listed twice")
    #expect(message { _ = try Identifier(maxCoefficient: 0) } == "the largest coefficient must be at least 1, got 0")
    #expect(message { _ = try Identifier(algebraicDegree: 13) } == "the algebraic degree must be in 1...12, got 13")
    #expect(message { _ = try Identifier(algebraicDegree: 0) } == "the algebraic degree must be in 1...12, got 0")
    let x = try Self.value("sqrt(7)*pi+e/3", digits: 50)
    #expect(
      message { _ = try Identifier(constants: [Self.expression("e-e")]).identify(x) }
        == "cannot evaluate the constant 'e-e': it is 0")
    #expect(
      message { _ = try Identifier(constants: [Self.expression("log(0)")]).identify(x) }
        == "cannot evaluate the constant 'log(0)': log of a non-positive number in 'log(0)': '0' is 0")
    #expect(
      message { _ = try Identifier(constants: Identifier.constants(parsing: "pi,2*pi+1")).identify(x) }
        == "the constants are not independent: (2*pi+1)-2*pi-1 = 0 holds to 50 digits; remove one of them")
    #expect(
      message { _ = try Identifier(constants: [Self.expression("sqrt(4)")]).identify(x) }
        == "the constants are not independent: sqrt(4)-2 = 0 holds to 50 digits; remove one of them")
  }
}
