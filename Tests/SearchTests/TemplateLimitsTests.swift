import Testing

@testable import Search

/// The limits of reading templates (issue #8): nesting, work and numbers side by side.
@Suite struct TemplateLimitsTests {
  func expectError(_ text: String, column: Int, reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(throws: TemplateError(input: text, column: column, reason: reason), sourceLocation: sourceLocation) {
      try PolynomialTemplate(parsing: text)
    }
  }

  @Test("20,000 nested parentheses are refused at the 201st; sign chains are read without recursion")
  func nesting() throws {
    let deep = String(repeating: "(", count: 20_000) + "x*n" + String(repeating: ")", count: 20_000)
    expectError(deep, column: 201, reason: "parentheses nest deeper than 200")
    let limit = String(repeating: "(", count: 200) + "x*n + y" + String(repeating: ")", count: 200)
    #expect(try PolynomialTemplate(parsing: limit).coefficients([3, 5]) == [5, 3])
    #expect(
      try PolynomialTemplate(parsing: String(repeating: "-", count: 20_001) + "x*n").coefficients([4]) == [0, -4])
    #expect(try PolynomialTemplate(parsing: String(repeating: "-", count: 20_000) + "x*n").coefficients([4]) == [0, 4])
    // The negation that overflows is reported at the sign that made the chain negative.
    expectError(
      String(repeating: "-", count: 20_001) + "(0 - 4611686018427387904 - 4611686018427387904)", column: 20_001,
      reason: "coefficient beyond 64 bits")
  }

  @Test("a spec with a deeply nested template names the key and the column")
  func specMessage() {
    let deep = String(repeating: "(", count: 20_000) + "x" + String(repeating: ")", count: 20_000)
    let json = #"{"name": "t", "a": {"template": "\#(deep)"}, "b": {"template": "1"}, "constants": ["e"]}"#
    #expect(
      throws: SpecError("'a.template': cannot read template '\(deep)' at column 201: parentheses nest deeper than 200")
    ) {
      try SearchSpec(json: json)
    }
  }

  @Test("a spec error stays on one line when a key holds a newline (found by fuzzing)")
  func specErrorOnOneLine() {
    let json = #"{"name": "t", "reducti\n_threshold": 1.5}"#
    do {
      _ = try SearchSpec(json: json)
      Issue.record("no error")
    } catch {
      #expect(error.message.hasPrefix("unknown key 'reducti\n_threshold'"))
      #expect(
        "\(error)".hasPrefix(#"unknown key 'reducti\n_threshold' (did you mean 'reduction_threshold'?); known keys: "#))
      #expect(!"\(error)".contains("\n"))
    }
  }

  @Test("a template holding tabs and newlines survives the canonical JSON (found by fuzzing)")
  func canonicalJSONEscapes() throws {
    let json =
      #"{"name": "t", "a": {"template": "x*n\t+\n1\r\u000b"}, "b": {"template": "1"}, "parameters": {"x": [1, 2]}, "constants": ["e"]}"#
    let spec = try SearchSpec(json: json)
    #expect(spec.a.text == "x*n\t+\n1\r\u{0B}")
    #expect(spec.canonicalJSON.hasPrefix(#"{"a":{"template":"x*n\t+\n1\r\u000b"},"#))
    let again = try SearchSpec(json: spec.canonicalJSON)
    #expect(again == spec && again.a.text == spec.a.text)
  }

  @Test("two numbers in a row are refused, names side by side multiply")
  func numbersInARow() throws {
    expectError("2 3", column: 3, reason: "two numbers in a row: write '*' between them to multiply")
    expectError("1 000*x", column: 3, reason: "two numbers in a row: write '*' between them to multiply")
    expectError("x^2 3", column: 5, reason: "two numbers in a row: write '*' between them to multiply")
    let t = try PolynomialTemplate(parsing: "x0 x1 n + 2 x2 + 2(n+1)")
    #expect(t.parameters == ["x0", "x1", "x2"])
    #expect(t.coefficients([2, 3, 5]) == [12, 8])
  }

  @Test("products are charged to a work budget before they are expanded")
  func work() {
    let names = (0..<26).map { "x\($0)" }.joined(separator: "+")
    expectError(
      "(\(names))^10", column: 96,
      reason: "too large to expand: about 2.9e6 term operations, above the limit of 2e6")
  }

  @Test("at most 100 distinct parameters")
  func parameters() throws {
    let hundred = (0..<100).map { "x\($0)" }.joined(separator: " + ")
    #expect(try PolynomialTemplate(parsing: hundred).parameters.count == 100)
    expectError(hundred + " + y", column: 591, reason: "more than 100 parameters")
  }

  @Test("odd characters give clean errors on one line")
  func oddCharacters() {
    expectError("x\u{0}", column: 2, reason: "unexpected '\u{0}'")
    expectError("x + 🙂", column: 5, reason: "unexpected '🙂'")
    #expect(
      "\(TemplateError(input: "x\n)", column: 3, reason: "unexpected ')'"))"
        == #"cannot read template 'x\n)' at column 3: unexpected ')'"#)
  }
}
