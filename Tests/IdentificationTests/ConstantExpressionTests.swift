import Multiprecision
import TestSupport
import Testing

@testable import Identification

@Suite struct ConstantExpressionTests {
  /// The closed forms of the brief and of identification results.
  @Test(arguments: [
    "6/zeta(3)", "4/pi", "e-1", "1/(e-1)", "(e^2+1)/(e^2-1)", "phi", "1+sqrt(2)", "(4^(1/3)+1)/(4^(1/3)-1)",
    "5/zeta(2)", "2/G", "1/delta_Gompertz", "1/log(2)", "4/(3*pi-8)", "pi*log(2+sqrt(3))", "log(2+sqrt(3))",
    "e^(-1)", "2^3^2", "-pi^2", "exp(pi)-pi", "sqrt(5/2)",
  ])
  func canonicalTextIsTheInput(text: String) throws {
    #expect(try ConstantExpression(parsing: text).description == text)
  }

  @Test(arguments: [
    (" 1 + sqrt( 2 ) ", "1+sqrt(2)"), ("ln(2)", "log(2)"), ("catalan", "G"), ("euler_gamma", "gamma"),
    ("gompertz", "delta_Gompertz"), ("1.50", "1.5"), ("0.05", "0.05"), ("007", "7"), ("2^-1", "2^(-1)"),
    ("(2^3)^2", "(2^3)^2"), ("1-(2-3)", "1-(2-3)"), ("(1-2)-3", "1-2-3"), ("1+(2+3)", "1+(2+3)"),
    ("(1*2)*3", "1*2*3"), ("1/(2/3)", "1/(2/3)"), ("--pi", "-(-pi)"), ("+pi", "pi"), ("2*-pi", "2*(-pi)"),
    ("pi+-1", "pi+(-1)"), ("(-2)^2", "(-2)^2"), ("-(2*pi)", "-(2*pi)"), ("(-pi)*2", "-pi*2"),
    ("(((e)))", "e"), ("exp(1)", "exp(1)"), ("sqrt(4)", "sqrt(4)"), ("log(1)", "log(1)"),
    ("log(2/3)", "log(2/3)"), ("zeta(10)", "zeta(10)"), ("zeta(2+1)", "zeta(3)"), ("zeta(6/2)", "zeta(3)"),
  ])
  func canonicalText(text: String, canonical: String) throws {
    let parsed = try ConstantExpression(parsing: text)
    #expect(parsed.description == canonical)
    #expect(try ConstantExpression(parsing: canonical) == parsed)
  }

  @Test func structure() throws {
    #expect(try ConstantExpression(parsing: "log(2)") == .constant(.log(2)))
    #expect(try ConstantExpression(parsing: "sqrt(8)") == .constant(.sqrt(8)))
    #expect(try ConstantExpression(parsing: "sqrt(4)") == .function(.sqrt, 4))
    #expect(try ConstantExpression(parsing: "-2^2") == .negate(.power(2, 2)))
    #expect(try ConstantExpression(parsing: "2^3^2") == .power(2, .power(3, 2)))
    #expect(try ConstantExpression(parsing: "1-2-3") == .subtract(.subtract(1, 2), 3))
    #expect(try ConstantExpression(parsing: "0.25") == .number(BigRational(1, 4)))
    let built = ConstantExpression(.pi) * .function(.log, 2 + .constant(.sqrt(3)))
    #expect(built.description == "pi*log(2+sqrt(3))")
  }

  @Test func printedNumbers() {
    #expect(ConstantExpression.number(BigRational(1, 3)).description == "1/3")
    #expect(ConstantExpression.number(BigRational(-1, 3)).description == "-(1/3)")
    #expect(ConstantExpression.number(BigRational(-5, 4)).description == "-1.25")
    #expect(ConstantExpression.power(.number(BigRational(1, 3)), 2).description == "(1/3)^2")
    #expect(ConstantExpression.add(1, .number(-2)).description == "1+(-2)")
    #expect(ConstantExpression.number(BigRational(3, 1000)).description == "0.003")
  }

  @Test func constantsUsed() throws {
    #expect(try ConstantExpression(parsing: "pi*log(2+sqrt(3))").constants == [.pi, .sqrt(3)])
    #expect(try ConstantExpression(parsing: "6/zeta(3)").constants == [.zeta(3)])
    #expect(try ConstantExpression(parsing: "(e^2+1)/(e^2-1)").constants == [.e])
    #expect(try ConstantExpression(parsing: "(4^(1/3)+1)/(4^(1/3)-1)").constants == [])
  }

  /// Every limit of pcf-formulas.tsv against its 100-digit value.
  @Test func pcfLimits() throws {
    let rows = try fixtureRows("pcf-formulas")
    #expect(rows.count == 13)
    for row in rows {
      let limit = try #require(row["limit"])
      let text = try #require(row["value"])
      let listed = try #require(BigFloat(text, precision: .digits(120)))
      let ours = try ConstantExpression(parsing: limit).evaluate(.digits(110))
      #expect(agreement(ours, listed) >= 99, "\(row["id"] ?? "") \(limit)")
    }
  }

  @Test func values() throws {
    let p = Precision.digits(300)
    func value(_ text: String) throws -> BigFloat { try ConstantExpression(parsing: text).evaluate(p) }
    #expect(try value("(1/3)*3") == BigFloat(1, precision: p))
    #expect(try value("2^10/2^-2") == BigFloat(4096, precision: p))
    #expect(try value("8^(-2/3)") == BigFloat(0.25, precision: p))
    #expect(try value("(-8)^(1/3)") == BigFloat(-2, precision: p))
    #expect(try value("e-e") == BigFloat(0, precision: p))
    #expect(try value("0^0") == BigFloat(1, precision: p))
    #expect(try value("0^pi") == BigFloat(0, precision: p))
    #expect(try agreement(value("2^(1/2)"), value("sqrt(2)")) >= 300)
    #expect(try agreement(value("exp(log(2+sqrt(3)))"), value("2+sqrt(3)")) >= 299)
    #expect(try agreement(value("2^pi"), value("exp(pi*log(2))")) >= 299)
    #expect(try agreement(value("sqrt(12)"), value("2*sqrt(3)")) >= 299)
    #expect(try agreement(value("zeta(2)"), value("pi^2/6")) >= 299)
    // 1 - 10^-250 keeps its 300 digits despite the cancellation in e - (e - 10^-250).
    #expect(try agreement(value("1/(e-(e-10^(-250)))"), BigFloat(10, precision: p).power(250)) >= 299)
    #expect(try value("4/pi").precision == p)
  }

  /// Printing then parsing gives the expression back, over seeded random trees.
  @Test func printParseRoundTrip() throws {
    var generator = SeededGenerator(seed: 20_240_601)
    for _ in 0..<500 {
      let expression = randomExpression(depth: 4, &generator)
      let text = expression.description
      #expect(try ConstantExpression(parsing: text) == expression, "\(text)")
    }
  }

  @Test(arguments: [
    ("6/zeta3", "cannot read 'zeta3' at column 3 of '6/zeta3'"),
    ("", "empty expression"),
    ("   ", "empty expression"),
    ("1+", "missing operand at column 3 of '1+'"),
    ("(1+2", "missing ')' at column 5 of '(1+2'"),
    ("(1+2 3", "cannot read '3' at column 6 of '(1+2 3'"),
    ("1+2)", "cannot read ')' at column 4 of '1+2)'"),
    ("2pi", "cannot read 'pi' at column 2 of '2pi'"),
    ("1.+2", "cannot read '1.' at column 1 of '1.+2'"),
    ("1+*2", "cannot read '*' at column 3 of '1+*2'"),
    ("pi $ 2", "cannot read '$' at column 4 of 'pi $ 2'"),
    ("π/4", "cannot read 'π' at column 1 of 'π/4'"),
    ("log", "missing '(' at column 4 of 'log'"),
    ("log 2", "cannot read '2' at column 5 of 'log 2'"),
    ("sqrt()", "cannot read ')' at column 6 of 'sqrt()'"),
    ("foo(2)", "cannot read 'foo' at column 1 of 'foo(2)'"),
    ("pi(2)", "cannot read '(' at column 3 of 'pi(2)'"),
    ("1/zeta(1)", "cannot use zeta(1) at column 3 of '1/zeta(1)': zeta(k) needs an integer k ≥ 2"),
    ("zeta(0)", "cannot use zeta(0) at column 1 of 'zeta(0)': zeta(k) needs an integer k ≥ 2"),
    ("zeta( 3/2 )", "cannot use zeta(3/2) at column 1 of 'zeta( 3/2 )': zeta(k) needs an integer k ≥ 2"),
  ])
  func parseErrors(text: String, message: String) {
    #expect {
      _ = try ConstantExpression(parsing: text)
    } throws: { error in
      "\(error)" == message
    }
  }

  @Test(arguments: [
    ("1/(e-e)", "division by zero in '1/(e-e)': 'e-e' is 0"),
    ("1/(2-2)", "division by zero in '1/(2-2)': '2-2' is 0"),
    ("pi/0", "division by zero in 'pi/0': '0' is 0"),
    ("0^(-1)", "division by zero in '0^(-1)': '0' is 0"),
    ("(pi-pi)^(-e)", "division by zero in '(pi-pi)^(-e)': 'pi-pi' is 0"),
    ("log(1-e)", "log of a non-positive number in 'log(1-e)': '1-e' is negative"),
    ("log(0)", "log of a non-positive number in 'log(0)': '0' is 0"),
    ("pi*log(-2)", "log of a non-positive number in 'pi*log(-2)': '-2' is negative"),
    ("sqrt(1-e)", "square root of a negative number in 'sqrt(1-e)': '1-e' is negative"),
    (
      "(-2)^pi",
      "power of a negative number in '(-2)^pi': '-2' is negative and the exponent 'pi' is not a rational number "
        + "with an odd denominator"
    ),
    (
      "(1-e)^(1/2)",
      "power of a negative number in '(1-e)^(1/2)': '1-e' is negative and the exponent '1/2' is not a rational "
        + "number with an odd denominator"
    ),
    ("exp(exp(100))", "overflow in 'exp(exp(100))': 'exp(exp(100))' is beyond the exponent range"),
    ("1+e^(10^20)", "overflow in '1+e^10^20': 'e^10^20' is beyond the exponent range"),
    (
      "sqrt(2)*sqrt(3)-sqrt(6)",
      "cannot evaluate 'sqrt(2)*sqrt(3)-sqrt(6)' to 50 digits: it loses more than 4096 guard bits to cancellation (is it 0?)"
    ),
  ])
  func evaluationErrors(text: String, message: String) throws {
    let expression = try ConstantExpression(parsing: text)
    #expect {
      _ = try expression.evaluate(.digits(50))
    } throws: { error in
      "\(error)" == message
    }
  }
}

/// A random tree of the shapes the parser makes: non-negative integers and decimals, constants, every
/// operator and function.
func randomExpression(depth: Int, _ g: inout SeededGenerator) -> ConstantExpression {
  let leaves: [ConstantExpression] = [
    2, 3, 10, .number(BigRational(5, 4)), .constant(.pi), .constant(.e), .constant(.zeta(3)), .constant(.log(2)),
    .constant(.sqrt(5)), .constant(.catalan), .constant(.gompertz),
  ]
  if depth == 0 || g.next() % 4 == 0 { return leaves[Int(g.next() % UInt64(leaves.count))] }
  let x = randomExpression(depth: depth - 1, &g)
  let y = randomExpression(depth: depth - 1, &g)
  switch g.next() % 9 {
  case 0: return .add(x, y)
  case 1: return .subtract(x, y)
  case 2: return .multiply(x, y)
  case 3: return .divide(x, y)
  case 4: return .power(x, y)
  case 5: return .negate(x)
  case 6: return call(.log, x)
  case 7: return call(.sqrt, x)
  default: return .function(.exp, x)
  }
}

/// `log` or `sqrt` of x, as the parser reads it: of an integer in the catalog, the constant itself.
func call(_ function: ConstantExpression.Function, _ x: ConstantExpression) -> ConstantExpression {
  if case .number(let r) = x, r.isInteger, let k = Int(exactly: r.numerator) {
    if function == .log && k >= 2 { return .constant(.log(k)) }
    if function == .sqrt && k >= 2 && k != 4 { return .constant(.sqrt(k)) }
  }
  return .function(function, x)
}
