import Multiprecision
import Testing

@testable import Identification

/// The limits of reading constant expressions (issue #8): a tree deeper than 200 levels is refused
/// at the column where it would grow past the limit, before the stack is at risk; numbers side by
/// side and odd characters give clean one-line errors.
@Suite struct ConstantExpressionLimitsTests {
  typealias ParseError = ConstantExpression.ParseError

  func expectTooDeep(_ text: String, column: Int, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(
      throws: ParseError.tooDeep(limit: 200, column: column, expression: text), sourceLocation: sourceLocation
    ) { try ConstantExpression(parsing: text) }
  }

  @Test("20,000 parentheses, signs, powers or chained operators are refused at the limit")
  func deepInputs() {
    expectTooDeep(String(repeating: "(", count: 20_000) + "pi" + String(repeating: ")", count: 20_000), column: 201)
    expectTooDeep(String(repeating: "-", count: 20_000) + "1", column: 201)
    expectTooDeep(String(repeating: "sqrt(", count: 300) + "2" + String(repeating: ")", count: 300), column: 1001)
    expectTooDeep(Array(repeating: "2", count: 20_000).joined(separator: "^"), column: 402)
    // 1+1+…: the 200th '+' would make the tree 201 levels deep.
    expectTooDeep(Array(repeating: "1", count: 20_000).joined(separator: "+"), column: 400)
    expectTooDeep(Array(repeating: "e", count: 300).joined(separator: "*"), column: 400)
    #expect(
      "\(ParseError.tooDeep(limit: 200, column: 201, expression: "((1))"))"
        == "nested deeper than 200 levels at column 201 of '((1))' (parentheses, signs, powers and each operator "
        + "of a chain add a level)")
  }

  @Test("an expression 200 levels deep is read, printed, compared and evaluated")
  func atTheLimit() throws {
    let parentheses = String(repeating: "(", count: 200) + "pi" + String(repeating: ")", count: 200)
    #expect(try ConstantExpression(parsing: parentheses) == .constant(.pi))
    let text = String(repeating: "-", count: 199) + "pi"
    let negated = try ConstantExpression(parsing: text)
    #expect(try ConstantExpression(parsing: negated.description) == negated)
    let value = try negated.evaluate(.digits(30))
    let pi = try ConstantExpression(parsing: "pi").evaluate(.digits(30))
    #expect((value + pi).isZero)
    let sum = Array(repeating: "1", count: 200).joined(separator: "+")
    #expect(try ConstantExpression(parsing: sum).rationalValue == 200)
  }

  @Test("zeta of a huge exact argument is refused without computing it")
  func hugeZetaArgument() throws {
    let text = "zeta(" + Array(repeating: "(2^1000)^4000", count: 100).joined(separator: "*") + ")"
    #expect(throws: ParseError.self) { try ConstantExpression(parsing: text) }
    #expect(try ConstantExpression(parsing: "zeta(2^2)") == .constant(.zeta(4)))
    #expect(try ConstantExpression(parsing: "zeta((12/4)^1)") == .constant(.zeta(3)))
    #expect(throws: ParseError.self) { try ConstantExpression(parsing: "zeta(2^(2^300))") }
  }

  @Test("an exact value that would need more than 2^22 bits is refused before it is computed")
  func exactSize() throws {
    let product = Array(repeating: "(2^1000)^4000", count: 30).joined(separator: "*")
    #expect(throws: ParseError.tooLarge(bits: 8_388_608, limit: 4_194_304, column: 14, expression: product)) {
      try ConstantExpression(parsing: product)
    }
    #expect(
      "\(ParseError.tooLarge(bits: 8_388_608, limit: 4_194_304, column: 14, expression: "x"))"
        == "the exact value at column 14 of 'x' would need about 8.4e6 bits, above the limit of 4194304")
    // One large power alone is computed exactly, as before.
    #expect(try ConstantExpression(parsing: "(2^1000)^4000").rationalValue == BigRational(BigInt(2).power(4_000_000)))
    // Constants and functions are never exact: no limit applies to them.
    #expect(try ConstantExpression(parsing: "pi^4096*e^4096").rationalValue == nil)
    let sum = Array(repeating: "1/7", count: 199).joined(separator: "+")
    #expect(try ConstantExpression(parsing: sum).rationalValue == BigRational(199, 7))
  }

  @Test("two numbers side by side are refused (no implicit multiplication)")
  func numbersInARow() {
    #expect(throws: ParseError.unreadable(text: "3", column: 3, expression: "2 3")) {
      try ConstantExpression(parsing: "2 3")
    }
    #expect(throws: ParseError.unreadable(text: "000", column: 3, expression: "1 000")) {
      try ConstantExpression(parsing: "1 000")
    }
    #expect(throws: ParseError.unreadable(text: "5", column: 5, expression: "2.5 5")) {
      try ConstantExpression(parsing: "2.5 5")
    }
  }

  @Test("NUL, emoji, combining marks, invalid UTF-8, CRLF")
  func oddCharacters() throws {
    #expect(throws: ParseError.unreadable(text: "\u{0}", column: 3, expression: "pi\u{0}")) {
      try ConstantExpression(parsing: "pi\u{0}")
    }
    #expect(throws: ParseError.unreadable(text: "🙂", column: 5, expression: "1 + 🙂")) {
      try ConstantExpression(parsing: "1 + 🙂")
    }
    #expect(throws: ParseError.unreadable(text: "e\u{301}", column: 1, expression: "e\u{301}")) {
      try ConstantExpression(parsing: "e\u{301}")
    }
    let invalid = String(decoding: [0x70, 0x69, 0xC3], as: UTF8.self)
    #expect(throws: ParseError.unreadable(text: "\u{FFFD}", column: 3, expression: invalid)) {
      try ConstantExpression(parsing: invalid)
    }
    #expect(try ConstantExpression(parsing: "1 +\r\n pi\r\n") == .add(1, .constant(.pi)))
    let error = ParseError.unreadable(text: ")", column: 4, expression: "pi\n)")
    #expect("\(error)" == #"cannot read ')' at column 4 of 'pi\n)'"#)
    #expect(
      "\(ParseError.unreadable(text: "\u{0}", column: 3, expression: "pi\u{0}"))"
        == #"cannot read '\u{0}' at column 3 of 'pi\u{0}'"#)
  }
}
