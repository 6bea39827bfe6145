import Testing

// `@testable` for the error's memberwise initializer: thrown errors are compared whole.
@testable import Polynomials

/// Every way reading a polynomial can fail, message word for word.
@Suite struct PolynomialParseErrorTests {
  @Test(arguments: [
    ("", 1, "empty polynomial"),
    ("   ", 4, "empty polynomial"),
    ("x + 1", 1, "unknown symbol 'x' (the variable is 'n')"),
    ("3n^2 + 2m", 9, "unknown symbol 'm' (the variable is 'n')"),
    ("2x", 2, "unknown symbol 'x' (the variable is 'n')"),
    ("sin(n)", 1, "unknown symbol 'sin' (the variable is 'n')"),
    ("n + abc_1 + 2", 5, "unknown symbol 'abc_1' (the variable is 'n')"),
    ("é", 1, "unknown symbol 'é' (the variable is 'n')"),
    ("(n+1", 5, "missing ')'"),
    ("((n+1)", 7, "missing ')'"),
    ("(n+1]", 5, "expected ')' but found ']'"),
    ("n^", 3, "missing exponent"),
    ("n**", 4, "missing exponent"),
    ("n^ ", 4, "missing exponent"),
    ("n^-1", 3, "exponent must be a non-negative integer, got '-1'"),
    ("n^x", 3, "exponent must be a non-negative integer, got 'x'"),
    ("34n^^3", 5, "exponent must be a non-negative integer, got '^3'"),
    ("n^10001", 3, "exponent must be at most 10000, got '10001'"),
    ("n^99999999999999999999", 3, "exponent must be at most 10000, got '99999999999999999999'"),
    ("n^1.5", 4, "unexpected '.5'"),
    ("n^2^3", 4, "unexpected '^3'"),
    ("n/(n+1)", 3, "division by a non-constant polynomial"),
    ("n / n", 5, "division by a non-constant polynomial"),
    ("n/0", 3, "division by zero"),
    ("n/(1-1)", 3, "division by zero"),
    ("n + 1)", 6, "unexpected ')'"),
    ("n)abcdefghijklmnop", 2, "unexpected ')abcdefghijk'"),
    ("()", 2, "unexpected ')'"),
    ("n_1", 2, "unexpected '_1'"),
    ("n²", 2, "unexpected '²'"),
    ("n +", 4, "unexpected end, expected a number, 'n' or '('"),
    ("-", 2, "unexpected end, expected a number, 'n' or '('"),
    ("2*", 3, "unexpected end, expected a number, 'n' or '('"),
    ("n + * 2", 5, "unexpected '* 2'"),
    ("n/2", 1, "coefficients must be integers, got (1/2)n"),
    ("n/2 + 1/3", 1, "coefficients must be integers, got (1/2)n + 1/3"),
    ("(n^2 - 1)/4", 1, "coefficients must be integers, got (1/4)n^2 - 1/4"),
    ("-n^3/6 + n", 1, "coefficients must be integers, got -(1/6)n^3 + n"),
  ])
  func integerPolynomialErrors(text: String, column: Int, reason: String) {
    #expect(throws: PolynomialParseError(input: text, column: column, reason: reason)) {
      try Polynomial(parsing: text)
    }
    #expect {
      try Polynomial(parsing: text)
    } throws: { error in
      "\(error)" == "cannot read polynomial '\(text)' at column \(column): \(reason)"
    }
  }

  @Test func theMessageNamesTheVariable() {
    #expect(throws: PolynomialParseError(input: "n + 1", column: 1, reason: "unknown symbol 'n' (the variable is 'x')"))
    {
      try Polynomial(parsing: "n + 1", variable: "x")
    }
    #expect(
      throws: PolynomialParseError(input: "x +", column: 4, reason: "unexpected end, expected a number, 'x' or '('")
    ) {
      try Polynomial(parsing: "x +", variable: "x")
    }
  }

  @Test func rationalPolynomialsShareTheMessages() {
    #expect(throws: PolynomialParseError(input: "n/(n-1)", column: 3, reason: "division by a non-constant polynomial"))
    {
      try RationalPolynomial(parsing: "n/(n-1)")
    }
    #expect(throws: PolynomialParseError(input: "1/0", column: 3, reason: "division by zero")) {
      try RationalPolynomial(parsing: "1/0")
    }
    #expect(throws: PolynomialParseError(input: "", column: 1, reason: "empty polynomial")) {
      try RationalPolynomial(parsing: "")
    }
  }

  @Test func errorDescription() {
    let error = PolynomialParseError(input: "n^", column: 3, reason: "missing exponent")
    #expect(error.description == "cannot read polynomial 'n^' at column 3: missing exponent")
  }
}
