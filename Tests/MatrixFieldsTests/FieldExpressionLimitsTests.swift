import Multiprecision
import Polynomials
import Testing

@testable import MatrixFields

/// The limits of reading field expressions (issue #8): nesting, degree, coefficient size and work
/// are refused with the column before any deep recursion or large expansion.
@Suite struct FieldExpressionLimitsTests {
  let xy = ["x", "y"]

  func expectError(_ text: String, column: Int, reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(
      throws: ExpressionParseError(input: text, column: column, reason: reason), sourceLocation: sourceLocation
    ) { try MultivariateRationalFunction(parsing: text, variables: xy) }
  }

  @Test("20,000 nested parentheses are refused at the 201st, also in a field file; signs need no recursion")
  func nesting() throws {
    let deep = String(repeating: "(", count: 20_000) + "x" + String(repeating: ")", count: 20_000)
    expectError(deep, column: 201, reason: "parentheses nest deeper than 200")
    #expect(
      throws: FieldTextError(
        line: 2, reason: "cannot read '[[1, \(deep)], [0, 1]]' at column 206: parentheses nest deeper than 200")
    ) {
      try CMF(parsing: "x: [[1, 0], [0, 1]]\ny: [[1, \(deep)], [0, 1]]")
    }
    let limit = String(repeating: "(", count: 200) + "x+y" + String(repeating: ")", count: 200)
    #expect(
      try MultivariateRationalFunction(parsing: limit, variables: xy)
        == MultivariateRationalFunction(parsing: "x+y", variables: xy))
    let signs = try MultivariateRationalFunction(parsing: String(repeating: "-", count: 20_001) + "x/y", variables: xy)
    #expect(signs == (try MultivariateRationalFunction(parsing: "-x/y", variables: xy)))
  }

  @Test("a field file has at most 64 axes")
  func axes() throws {
    let lines = (0..<65).map { "a\($0): [[1]]" }
    #expect(throws: FieldTextError(line: 65, reason: "a field has at most 64 axes")) {
      try CMF(parsing: lines.joined(separator: "\n"))
    }
    #expect(try CMF(parsing: lines.dropLast().joined(separator: "\n")).axes.count == 64)
  }

  @Test("(x+y)^1000 is refused by degree before it is expanded, in ffbar too; (x+y)^100 is exact")
  func degree() throws {
    expectError("(x+y)^1000", column: 6, reason: "the degree would be 1000, above the limit of 100")
    expectError("x^60 y^41", column: 6, reason: "the degree would be 101, above the limit of 100")
    expectError("1/(x^60 (y+1)^41)", column: 9, reason: "the degree would be 101, above the limit of 100")
    expectError(
      String(repeating: "x", count: 60_000), column: 101, reason: "the degree would be 101, above the limit of 100")
    #expect(throws: FieldNameError.self) { try KnownCMFs.named("ffbar:(x+y)^1000,x-y") }
    let message = catchError { try KnownCMFs.named("ffbar:(x+y)^1000,x-y") }
    #expect(message.contains("cannot read '(x+y)^1000' at column 6: the degree would be 1000, above the limit of 100"))
    // A dense f of degree 100 is read, but checking the f/f̄ conditions on it would be slow: refused.
    #expect(
      throws: FieldNameError(
        name: "ffbar:(x+y+1)^100,x-y",
        reason: "ffbar:F,FBAR: a polynomial of 5151 terms and degree 100 would take about 5.2e7 operations to "
          + "check, above the limit of 2e6")
    ) { try KnownCMFs.named("ffbar:(x+y+1)^100,x-y") }
    #expect("\(FieldNameError(name: "a\nb", reason: "r"))" == #"unknown field 'a\nb': r"#)
    let p = try MultivariateRationalFunction(parsing: "(x+y)^100", variables: xy).numerator
    func binomial(_ n: Int, _ k: Int) -> BigInt {
      BigInt.factorial(n).dividedExactly(by: BigInt.factorial(k) * BigInt.factorial(n - k))
    }
    #expect(p.terms.count == 101)
    #expect(p.terms[Monomial([50, 50])] == binomial(100, 50))
    #expect(p.evaluated(at: [BigInt(1), BigInt(1)]) == BigInt(2).power(100))
  }

  @Test("coefficient size and total work are estimated before expanding")
  func size() {
    expectError(
      "(2^10000)^200", column: 10, reason: "coefficients would reach about 2e6 bits, above the limit of 1048576")
    #expect(throws: ExpressionParseError.self) {
      try MultivariateRationalFunction(parsing: "(x0+x1+x2+x3+1)^90", variables: ["x0", "x1", "x2", "x3"])
    }
    let error = catchError {
      try MultivariateRationalFunction(parsing: "(x0+x1+x2+x3+1)^90", variables: ["x0", "x1", "x2", "x3"])
    }
    #expect(error.hasSuffix("above the limit of 3e7"), "\(error)")
  }

  @Test("the entries of one matrix share one work budget")
  func sharedBudget() throws {
    let entry = "(x+y+1)^20"
    var work = 0.0
    let alone = try MultivariateRationalFunction(parsing: entry, variables: xy, work: &work)
    #expect(alone.numerator.terms.count == 231)
    // A matrix read after nearly the whole budget was spent elsewhere (other lines of the file).
    work = _ExpressionLimits.maximumWork - 2 * work
    let matrix = "[[\(entry), \(entry)], [\(entry), \(entry)]]"
    #expect(throws: ExpressionParseError.self) { try MultivariateMatrix(parsing: matrix, variables: xy, work: &work) }
    do {
      var spent = _ExpressionLimits.maximumWork - 1
      _ = try MultivariateMatrix(parsing: matrix, variables: xy, work: &spent)
    } catch let error as ExpressionParseError {
      #expect(error.column == 5, "\(error)")
      #expect(error.reason.hasPrefix("too large to expand: about 3e7 coefficient operations"), "\(error)")
    }
  }

  @Test("two numbers in a row are refused; other juxtapositions multiply")
  func numbersInARow() throws {
    expectError("2 3", column: 3, reason: "two numbers in a row: write '*' between them to multiply")
    expectError("1 000 x", column: 3, reason: "two numbers in a row: write '*' between them to multiply")
    expectError("x^2 3", column: 5, reason: "two numbers in a row: write '*' between them to multiply")
    #expect(
      try MultivariateRationalFunction(parsing: "2 x (x+1)(y+2) 3", variables: xy)
        == MultivariateRationalFunction(parsing: "6*x*(x+1)*(y+2)", variables: xy))
  }

  @Test("written factors of a divisor are merged, so long chains stay cheap and exact")
  func factorChains() throws {
    let chain = "x" + String(repeating: "/x*x", count: 5000)
    #expect(
      try MultivariateRationalFunction(parsing: chain, variables: xy)
        == MultivariateRationalFunction(parsing: "x", variables: xy))
    let constants = String(repeating: "(1+1)", count: 100)
    #expect(
      try MultivariateRationalFunction(parsing: "1/(\(constants))", variables: xy).denominatorConstant
        == BigInt(2).power(100))
  }

  @Test("NUL, emoji, non-ASCII digits, combining marks: clean one-line errors")
  func oddCharacters() {
    expectError("x\u{0}", column: 2, reason: "unexpected '\u{0}'")
    expectError("x + 🙂", column: 5, reason: "unexpected '🙂'")
    expectError("x + ٣", column: 5, reason: "unexpected '٣'")
    expectError("x٣", column: 2, reason: "unexpected '٣'")
    expectError("x^٣", column: 3, reason: "expected a non-negative integer exponent")
    expectError("x\u{301}", column: 1, reason: "unknown symbol 'x\u{301}' (the variables are x, y)")
    #expect(
      "\(ExpressionParseError(input: "x\n)", column: 3, reason: "unexpected ')'"))"
        == #"cannot read 'x\n)' at column 3: unexpected ')'"#)
  }

  func catchError(_ body: () throws -> Any) -> String {
    do {
      _ = try body()
      return ""
    } catch { return "\(error)" }
  }
}
