/// A JSON value as a spec reads it (RFC 8259, strict): objects keep their keys in order and a key
/// given twice is an error, numbers keep their literal text so that an integer beyond 64 bits is
/// told apart from a fraction.
///
/// Foundation's `JSONSerialization` and `JSONDecoder` keep one of two equal keys silently and turn
/// `1e21` into a `Double`; a spec must not lose what its author wrote, so it is read with this.
enum _JSONValue: Sendable, Equatable {
  case object([_JSONMember])
  case array([_JSONValue])
  case string(String)
  /// The number's literal text, e.g. `-12`, `1.5e3`.
  case number(String)
  case bool(Bool)
  case null

  /// The members of an object as a dictionary (keys are unique: the parser refuses duplicates).
  var objectMembers: [String: _JSONValue]? {
    guard case .object(let members) = self else { return nil }
    return Dictionary(uniqueKeysWithValues: members.map { ($0.key, $0.value) })
  }

  /// What an integer reading of a value gives.
  enum IntegerReading: Equatable {
    case integer(Int)
    /// An integer whose magnitude leaves 64 bits (`positive` tells which end).
    case outOfRange(positive: Bool)
    /// Not a number, or a number with a fractional part.
    case notInteger
  }

  /// The integer a number literal denotes exactly (`12`, `-3`, `1e3`, `10.0`), whatever its size.
  var integer: IntegerReading {
    guard case .number(let literal) = self else { return .notInteger }
    return Self.integer(literal: literal)
  }

  static func integer(literal: String) -> IntegerReading {
    var text = Substring(literal)
    let negative = text.first == "-"
    if negative { text = text.dropFirst() }
    var exponentText: Substring = "0"
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
      exponentText = text[text.index(after: e)...]
      text = text[..<e]
    }
    var whole = text
    var fraction: Substring = ""
    if let dot = text.firstIndex(of: ".") {
      whole = text[..<dot]
      fraction = text[text.index(after: dot)...]
    }
    // digits × 10^exponent, with digits free of leading and trailing zeros.
    var digits = Array((whole + fraction).drop { $0 == "0" })
    if digits.isEmpty { return .integer(0) }
    var trailing = 0
    while digits.last == "0" {
      digits.removeLast()
      trailing += 1
    }
    let exponentNegative = exponentText.first == "-"
    let exponentDigits = exponentText.drop { $0 == "+" || $0 == "-" }.drop { $0 == "0" }
    // An exponent of more than 9 digits moves a nonzero mantissa far out of 64 bits either way.
    guard exponentDigits.count <= 9, let e = Int(exponentDigits.isEmpty ? "0" : exponentDigits) else {
      return exponentNegative ? .notInteger : .outOfRange(positive: !negative)
    }
    let exponent = (exponentNegative ? -e : e) - fraction.count + trailing
    if exponent < 0 { return .notInteger }
    if digits.count + exponent > 19 { return .outOfRange(positive: !negative) }
    let magnitude = String(digits) + String(repeating: "0", count: exponent)
    guard let value = Int((negative ? "-" : "") + magnitude) else { return .outOfRange(positive: !negative) }
    return .integer(value)
  }

  /// The value of a number as a `Double` (`nil` for a non-number or one beyond the double range).
  var double: Double? {
    guard case .number(let literal) = self, let d = Double(literal), d.isFinite else { return nil }
    return d
  }
}

/// One key and value of a JSON object.
struct _JSONMember: Sendable, Equatable {
  let key: String
  let value: _JSONValue
}

/// Why JSON text could not be read: the place (line and column, or the key path) and the reason.
struct _JSONError: Error, Sendable, Equatable, CustomStringConvertible {
  let message: String
  /// The path of a key given twice in one object (`a.degree`), when that is the error.
  var duplicateKey: String? = nil
  var description: String { message }
}

/// A strict recursive-descent JSON reader over UTF-8 bytes, with a nesting limit (a hostile file
/// of a million '[' must not overflow the stack).
struct _JSONParser {
  /// The deepest nesting of arrays and objects read.
  static let maximumDepth = 64

  let bytes: [UInt8]
  var position = 0
  var depth = 0
  /// Keys and indices from the root to the value being read, for messages: `a.range[1]`.
  var path: [String] = []

  init(_ text: String) {
    bytes = Array(text.utf8)
    // A byte-order mark some editors write is not part of the JSON text.
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
  }

  /// Reads one JSON value filling the whole text.
  static func parse(_ text: String) throws(_JSONError) -> _JSONValue {
    var parser = _JSONParser(text)
    parser.skipWhitespace()
    let value = try parser.value()
    parser.skipWhitespace()
    if parser.position < parser.bytes.count { throw parser.error("unexpected text after the JSON value") }
    return value
  }

  func error(_ reason: String) -> _JSONError {
    var line = 1
    var column = 1
    for b in bytes[..<min(position, bytes.count)] {
      if b == 0x0A {
        line += 1
        column = 1
      } else if b & 0xC0 != 0x80 {
        column += 1
      }
    }
    return _JSONError(message: "line \(line), column \(column): \(reason)")
  }

  var pathText: String {
    var text = ""
    for part in path {
      if part.hasPrefix("[") || text.isEmpty { text += part } else { text += "." + part }
    }
    return text
  }

  mutating func skipWhitespace() {
    while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
  }

  func describe(_ byte: UInt8) -> String {
    if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(String(byte, radix: 16))"
  }

  mutating func value() throws(_JSONError) -> _JSONValue {
    guard position < bytes.count else { throw error("unexpected end of the text, expected a value") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object()
    case UInt8(ascii: "["): return try array()
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    case let b: throw error("unexpected \(describe(b)), expected a value")
    }
  }

  mutating func literal(_ word: String, _ value: _JSONValue) throws(_JSONError) -> _JSONValue {
    guard bytes[position...].starts(with: word.utf8) else { throw error("unexpected text, expected '\(word)'") }
    position += word.utf8.count
    return value
  }

  mutating func enter() throws(_JSONError) {
    depth += 1
    if depth > Self.maximumDepth { throw error("nested deeper than \(Self.maximumDepth) levels") }
    position += 1
    skipWhitespace()
  }

  mutating func object() throws(_JSONError) -> _JSONValue {
    try enter()
    defer { depth -= 1 }
    var members: [_JSONMember] = []
    var seen = Set<String>()
    if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object([])
    }
    while true {
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw error("expected a key in double quotes")
      }
      let key = try string()
      guard seen.insert(key).inserted else {
        path.append(key)
        defer { path.removeLast() }
        throw _JSONError(message: "duplicate key '\(pathText)'", duplicateKey: pathText)
      }
      skipWhitespace()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected ':'") }
      position += 1
      skipWhitespace()
      path.append(key)
      let v = try value()
      path.removeLast()
      members.append(_JSONMember(key: key, value: v))
      skipWhitespace()
      guard position < bytes.count else { throw error("unexpected end of the text, expected ',' or '}'") }
      if bytes[position] == UInt8(ascii: "}") {
        position += 1
        return .object(members)
      }
      guard bytes[position] == UInt8(ascii: ",") else { throw error("expected ',' or '}'") }
      position += 1
      skipWhitespace()
    }
  }

  mutating func array() throws(_JSONError) -> _JSONValue {
    try enter()
    defer { depth -= 1 }
    var items: [_JSONValue] = []
    if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array([])
    }
    while true {
      path.append("[\(items.count)]")
      let v = try value()
      path.removeLast()
      items.append(v)
      skipWhitespace()
      guard position < bytes.count else { throw error("unexpected end of the text, expected ',' or ']'") }
      if bytes[position] == UInt8(ascii: "]") {
        position += 1
        return .array(items)
      }
      guard bytes[position] == UInt8(ascii: ",") else { throw error("expected ',' or ']'") }
      position += 1
      skipWhitespace()
    }
  }

  /// A string at `position` (on its opening quote), escapes decoded.
  mutating func string() throws(_JSONError) -> String {
    position += 1
    var out: [UInt8] = []
    while true {
      guard position < bytes.count else { throw error("unterminated string") }
      let b = bytes[position]
      if b == UInt8(ascii: "\"") {
        position += 1
        // The input is valid UTF-8 (it came from a String) and escapes add whole scalars.
        return String(decoding: out, as: UTF8.self)
      }
      if b < 0x20 { throw error("control character \(describe(b)) in a string (write it as an escape)") }
      if b != UInt8(ascii: "\\") {
        out.append(b)
        position += 1
        continue
      }
      position += 1
      guard position < bytes.count else { throw error("unterminated string") }
      let e = bytes[position]
      position += 1
      switch e {
      case UInt8(ascii: "\""): out.append(0x22)
      case UInt8(ascii: "\\"): out.append(0x5C)
      case UInt8(ascii: "/"): out.append(0x2F)
      case UInt8(ascii: "b"): out.append(0x08)
      case UInt8(ascii: "f"): out.append(0x0C)
      case UInt8(ascii: "n"): out.append(0x0A)
      case UInt8(ascii: "r"): out.append(0x0D)
      case UInt8(ascii: "t"): out.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar) {
          guard bytes[position...].starts(with: "\\u".utf8) else { throw error("unpaired surrogate in a \\u escape") }
          position += 2
          let low = try hex4()
          guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in a \\u escape") }
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
          throw error("unpaired surrogate in a \\u escape")
        }
        out.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
      default:
        position -= 1
        throw error("invalid escape '\\\(describe(e))' in a string")
      }
    }
  }

  mutating func hex4() throws(_JSONError) -> UInt32 {
    guard position + 4 <= bytes.count,
      let v = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16),
      bytes[position..<position + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
    else { throw error("a \\u escape needs four hexadecimal digits") }
    position += 4
    return v
  }

  /// A number literal: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  mutating func number() throws(_JSONError) -> _JSONValue {
    let start = position
    func isDigit(_ i: Int) -> Bool { i < bytes.count && (0x30...0x39).contains(bytes[i]) }
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard isDigit(position) else { throw error("a number needs a digit after '-'") }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
      if isDigit(position) { throw error("a number must not start with 0") }
    } else {
      while isDigit(position) { position += 1 }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard isDigit(position) else { throw error("a number needs a digit after '.'") }
      while isDigit(position) { position += 1 }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
        position += 1
      }
      guard isDigit(position) else { throw error("a number needs a digit in its exponent") }
      while isDigit(position) { position += 1 }
    }
    return .number(String(decoding: bytes[start..<position], as: UTF8.self))
  }
}
