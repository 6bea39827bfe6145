import Multiprecision
import Testing

@testable import Polynomials

/// The limits of reading polynomials (issue #8): nesting, degree, size and work are refused with a
/// message naming the column before any deep recursion or large expansion; two numbers in a row
/// are refused; odd characters give clean one-line errors.
@Suite struct PolynomialParseLimitsTests {
  func expectError(_ text: String, column: Int, reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(throws: PolynomialParseError(input: text, column: column, reason: reason), sourceLocation: sourceLocation) {
      try Polynomial(parsing: text)
    }
  }

  @Test("20,000 nested parentheses are refused at the 201st, 200 are read")
  func nesting() throws {
    let deep = String(repeating: "(", count: 20_000) + "n" + String(repeating: ")", count: 20_000)
    expectError(deep, column: 201, reason: "parentheses nest deeper than 200")
    let limit = String(repeating: "(", count: 200) + "n+1" + String(repeating: ")", count: 200)
    #expect(try Polynomial(parsing: limit) == Polynomial([1, 1]))
    let mixed = String(repeating: "-(", count: 201) + "n" + String(repeating: ")", count: 201)
    expectError(mixed, column: 402, reason: "parentheses nest deeper than 200")
  }

  @Test("chains of 20,000 signs are read without recursion: their parity decides")
  func signChains() throws {
    #expect(try Polynomial(parsing: String(repeating: "-", count: 20_000) + "n") == Polynomial([0, 1]))
    #expect(try Polynomial(parsing: String(repeating: "-", count: 20_001) + "n") == Polynomial([0, -1]))
    #expect(try Polynomial(parsing: "1" + String(repeating: "-+", count: 10_000) + "n") == Polynomial([1, 1]))
    #expect(try Polynomial(parsing: "1" + String(repeating: "+-", count: 10_000) + "n") == Polynomial([1, 1]))
    #expect(try Polynomial(parsing: "2*" + String(repeating: "- ", count: 3) + "n") == Polynomial([0, -2]))
  }

  @Test("n^10000, the largest power, is built directly")
  func largestPower() throws {
    let p = try Polynomial(parsing: "n^10000")
    #expect(p.degree == 10_000)
    #expect(p == Polynomial(coefficients: Array(repeating: 0, count: 10_000) + [1]))
    #expect(p.description == "n^10000")
    let q = try Polynomial(parsing: "-3n^3000")
    #expect(q.degree == 3000 && q[3000] == -3 && q.coefficients.dropLast().allSatisfy(\.isZero))
    #expect(try Polynomial(parsing: "(2n)^10000")[10_000] == BigInt(2).power(10_000))
    #expect(try Polynomial(parsing: "((n^10)^10)^100") == p)
  }

  @Test("the degree is checked before a product or power is expanded")
  func degreeLimit() {
    expectError(
      String(repeating: "n", count: 60_000), column: 10_001,
      reason: "the degree would be 10001, above the limit of 10000")
    expectError("((n^100)^100)^100", column: 14, reason: "the degree would be 1000000, above the limit of 10000")
    expectError("n^10000*n", column: 8, reason: "the degree would be 10001, above the limit of 10000")
    expectError("n^5000 n^5001", column: 8, reason: "the degree would be 10001, above the limit of 10000")
  }

  @Test("coefficients and work are estimated before expanding")
  func sizeLimits() throws {
    expectError(
      "(n+1)^10000", column: 6,
      reason: "too large to expand: about 5e10 coefficient operations, above the limit of 3e7")
    expectError(
      "(2^10000)^1000", column: 10,
      reason: "coefficients would reach about 1e7 bits, above the limit of 1048576")
    // A sparse power is admitted for its actual size, not refused for the dense bound.
    #expect(
      try Polynomial(parsing: "(n^100+1)^100")[5000]
        == BigInt.factorial(100).dividedExactly(by: BigInt.factorial(50).power(2)))
    // The budget is shared by the whole text: with most of it spent, the next power is refused.
    var parser = _PolynomialParser(text: "(n+1)^100 + (n+1)^100", variable: "n")
    parser.work = _ExpressionLimits.maximumWork - 20_000
    #expect(
      throws: PolynomialParseError(
        input: "(n+1)^100 + (n+1)^100", column: 18,
        reason: "too large to expand: about 3e7 coefficient operations, above the limit of 3e7")
    ) {
      try parser.parse()
    }
  }

  @Test("an admitted expansion is exact: (n+1)^1000 has the binomial coefficients")
  func binomials() throws {
    let p = try Polynomial(parsing: "(n+1)^1000")
    #expect(p.degree == 1000)
    func binomial(_ n: Int, _ k: Int) -> BigInt {
      BigInt.factorial(n).dividedExactly(by: BigInt.factorial(k) * BigInt.factorial(n - k))
    }
    for k in [0, 1, 2, 499, 500, 999, 1000] { #expect(p[k] == binomial(1000, k)) }
    #expect(p.coefficients.reduce(BigInt(0), +) == BigInt(2).power(1000))
    let q = try RationalPolynomial(parsing: "(n/2 + 1/3)^40")
    #expect(q[40] == BigRational(1, BigInt(2).power(40)))
    #expect(q[0] == BigRational(1, BigInt(3).power(40)))
    #expect(q[1] == BigRational(40, BigInt(2) * BigInt(3).power(39)))
  }

  @Test(
    "two numbers in a row are refused, other juxtapositions multiply",
    arguments: [("2 3", 3), ("1 000", 3), ("n^2 3", 5), ("2n + 3 4", 8), ("6/2 3", 5), ("1\t2", 3)])
  func numbersInARow(text: String, column: Int) {
    expectError(text, column: column, reason: "two numbers in a row: write '*' between them to multiply")
  }

  @Test(arguments: [
    ("2n", [0, 2]), ("2 n", [0, 2]), ("2(n+1)", [2, 2]), ("2 (n+1)", [2, 2]), ("(n+1)(n+2)", [2, 3, 1]),
    ("(n+1) 2", [2, 2]), ("2*3", [6]), ("2 * 3", [6]), ("1000", [1000]), ("n 2", [0, 2]),
  ])
  func juxtaposition(text: String, coefficients: [Int]) throws {
    #expect(try Polynomial(parsing: text) == Polynomial(coefficients))
  }

  @Test("NUL, emoji, combining marks, invalid UTF-8: clean errors; CRLF is space")
  func oddCharacters() throws {
    expectError("n\u{0}", column: 2, reason: "unexpected '\u{0}'")
    expectError("n + 🙂", column: 5, reason: "unexpected '🙂'")
    expectError("n\u{301} + 1", column: 1, reason: "unknown symbol 'n\u{301}' (the variable is 'n')")
    expectError("2\u{301}", column: 1, reason: "unexpected '2\u{301}'")
    let invalid = String(decoding: [0x6E, 0x2B, 0xFF, 0xFE], as: UTF8.self)
    expectError(invalid, column: 3, reason: "unexpected '\u{FFFD}\u{FFFD}'")
    #expect(try Polynomial(parsing: "n\r\n+ 1\r\n") == Polynomial([1, 1]))
    expectError("", column: 1, reason: "empty polynomial")
    #expect(throws: PolynomialParseError(input: "x", column: 1, reason: "unknown symbol 'x' (the variable is '')")) {
      try Polynomial(parsing: "x", variable: "")
    }
  }

  @Test("messages stay on one line: control characters are escaped")
  func oneLineMessages() {
    let error = PolynomialParseError(input: "n\n)\u{0}", column: 3, reason: "unexpected ')\u{0}'")
    #expect(error.description == #"cannot read polynomial 'n\n)\u{0}' at column 3: unexpected ')\u{0}'"#)
    do {
      _ = try Polynomial(parsing: "n\r\n+\u{2028})")
      Issue.record("no error")
    } catch {
      let message = "\(error)"
      #expect(!message.contains { $0.isNewline })
      #expect("\(error)" == #"cannot read polynomial 'n\r\n+\u{2028})' at column 5: unexpected ')'"#)
    }
  }
}
