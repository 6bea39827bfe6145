import TestSupport
import Testing

@testable import Search

/// The strict JSON reader of specs: values, escapes, numbers kept as text, every error placed.
@Suite struct SpecJSONTests {
  @Test("values, escapes and surrogate pairs read back exactly")
  func values() throws {
    let v = try _JSONParser.parse(
      #" {"s": "a\"b\\c\/d\b\f\n\r\t\u00e9\ud834\udd1e", "n": [-0, 12.5e-3, 1E+2], "t": true, "f": false, "z": null, "o": {}} "#
    )
    #expect(
      v
        == .object([
          _JSONMember(key: "s", value: .string("a\"b\\c/d\u{8}\u{c}\n\r\té𝄞")),
          _JSONMember(key: "n", value: .array([.number("-0"), .number("12.5e-3"), .number("1E+2")])),
          _JSONMember(key: "t", value: .bool(true)), _JSONMember(key: "f", value: .bool(false)),
          _JSONMember(key: "z", value: .null), _JSONMember(key: "o", value: .object([])),
        ]))
  }

  @Test(
    "integer readings of number literals",
    arguments: [
      ("0", _JSONValue.IntegerReading.integer(0)), ("-0", .integer(0)), ("9223372036854775807", .integer(Int.max)),
      ("-9223372036854775808", .integer(Int.min)), ("9223372036854775808", .outOfRange(positive: true)),
      ("-9223372036854775809", .outOfRange(positive: false)), ("1e18", .integer(1_000_000_000_000_000_000)),
      ("1e19", .outOfRange(positive: true)), ("120e-1", .integer(12)), ("1.25e2", .integer(125)),
      ("1.5", .notInteger), ("1e-1", .notInteger), ("0.0e999999999999", .integer(0)),
      ("5e1000000000", .outOfRange(positive: true)), ("-5e1000000000", .outOfRange(positive: false)),
      ("5e-1000000000", .notInteger), ("100000000000000000000e-2", .integer(1_000_000_000_000_000_000)),
    ])
  func integers(_ literal: String, _ reading: _JSONValue.IntegerReading) {
    #expect(_JSONValue.integer(literal: literal) == reading)
  }

  @Test(
    "malformed JSON is placed by line and column",
    arguments: [
      ("{\"a\": 1,}", "line 1, column 9: expected a key in double quotes"),
      ("{\"a\" 1}", "line 1, column 6: expected ':'"),
      ("{\"a\": 01}", "line 1, column 8: a number must not start with 0"),
      ("{\"a\": 1.}", "line 1, column 9: a number needs a digit after '.'"),
      ("{\"a\": -}", "line 1, column 8: a number needs a digit after '-'"),
      ("{\"a\": 1e}", "line 1, column 9: a number needs a digit in its exponent"),
      ("{\n  \"a\": tru}", "line 2, column 8: unexpected text, expected 'true'"),
      ("{\"a\": \"x\ty\"}", "line 1, column 9: control character byte 0x9 in a string (write it as an escape)"),
      ("{\"a\": \"\\x\"}", "line 1, column 9: invalid escape '\\'x'' in a string"),
      ("{\"a\": \"\\u12\"}", "line 1, column 10: a \\u escape needs four hexadecimal digits"),
      ("{\"a\": \"\\ud834\"}", "line 1, column 14: unpaired surrogate in a \\u escape"),
      ("{\"a\": \"\\udd1e\"}", "line 1, column 14: unpaired surrogate in a \\u escape"),
      ("{\"a\": \"x", "line 1, column 9: unterminated string"),
      ("{\"a\": 1} x", "line 1, column 10: unexpected text after the JSON value"),
      ("", "line 1, column 1: unexpected end of the text, expected a value"),
      ("[1 2]", "line 1, column 4: expected ',' or ']'"),
      ("{\"é\": @}", "line 1, column 7: unexpected '@', expected a value"),
    ])
  func errors(_ text: String, _ message: String) {
    #expect(throws: _JSONError(message: message)) { try _JSONParser.parse(text) }
  }

  @Test("a seeded stream of random bytes never traps the reader")
  func randomBytes() {
    var g = SeededGenerator(seed: 8)
    let alphabet = Array(#"{}[]":,-+.eE0123456789tfnul\ ab"#)
    for _ in 0..<2000 {
      let text = String((0..<Int(g.next() % 40)).map { _ in alphabet[Int(g.next() % UInt64(alphabet.count))] })
      _ = try? _JSONParser.parse(text)
    }
  }
}
