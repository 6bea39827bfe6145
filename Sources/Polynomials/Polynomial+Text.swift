import Multiprecision

extension Polynomial: CustomStringConvertible {
  /// Canonical text, highest degree first: `34n^3 + 51n^2 + 27n + 5`, `-n^6`, `0`.
  /// Parsing it gives the same polynomial back.
  public var description: String { description(variable: "n") }

  /// Canonical text in the given variable name.
  public func description(variable: String) -> String {
    _formatTerms(coefficients.map { ($0.signum, $0.magnitude == 1, $0.magnitude.description) }, variable: variable)
  }

  /// Reads a polynomial in `variable` from what users type: `34n^3+51n^2+27n+5`, `-n^6`,
  /// `-(2n-1)(n+1)`, `(2n+1)(17n^2+17n+5)`, `2*n**2 - 3`. Juxtaposition multiplies; `^` and `**`
  /// take non-negative integer exponents.
  /// - Throws: `PolynomialParseError` naming the column, also when a coefficient is not an integer.
  public init(parsing text: String, variable: String = "n") throws {
    let rational = try RationalPolynomial(parsing: text, variable: variable)
    guard let p = rational.integerPolynomial else {
      throw PolynomialParseError(
        input: text, column: 1, reason: "coefficients must be integers, got \(rational)")
    }
    self = p
  }
}

extension RationalPolynomial {
  /// Reads a polynomial with rational coefficients (`n/2 + 1/3`); division only by constants.
  /// - Throws: `PolynomialParseError` naming the column and the text it could not read.
  public init(parsing text: String, variable: String = "n") throws {
    var parser = _PolynomialParser(text: text, variable: variable)
    self = try parser.parse()
  }
}

/// Joins signed terms, highest degree first. Each term: (sign, magnitude is one, magnitude text).
func _formatTerms(_ terms: [(sign: Int, isOne: Bool, magnitude: String)], variable: String) -> String {
  var out = ""
  for k in stride(from: terms.count - 1, through: 0, by: -1) where terms[k].sign != 0 {
    let t = terms[k]
    if out.isEmpty {
      if t.sign < 0 { out += "-" }
    } else {
      out += t.sign < 0 ? " - " : " + "
    }
    let power = k == 0 ? "" : (k == 1 ? variable : "\(variable)^\(k)")
    if k == 0 || !t.isOne {
      let coefficient = t.magnitude.contains("/") && k > 0 ? "(\(t.magnitude))" : t.magnitude
      out += coefficient
    }
    out += power
  }
  return out.isEmpty ? "0" : out
}

/// Recursive descent over: sum := product (('+'|'-') product)*;
/// product := unary (('*'|'/'|juxtaposition) unary)*; unary := ('+'|'-') unary | power;
/// power := atom (('^'|'**') integer)?; atom := integer | variable | '(' sum ')'.
struct _PolynomialParser {
  let text: String
  let variable: [Character]
  let chars: [Character]
  var position = 0

  init(text: String, variable: String) {
    self.text = text
    self.variable = Array(variable)
    self.chars = Array(text)
  }

  mutating func parse() throws -> RationalPolynomial {
    skipSpaces()
    guard position < chars.count else { throw error("empty polynomial") }
    let result = try sum()
    skipSpaces()
    if position < chars.count { throw error("unexpected '\(rest())'") }
    return result
  }

  func error(_ reason: String) -> PolynomialParseError {
    PolynomialParseError(input: text, column: position + 1, reason: reason)
  }

  func rest() -> String { String(chars[position...].prefix(12)) }

  mutating func skipSpaces() { while position < chars.count, chars[position].isWhitespace { position += 1 } }

  func peek() -> Character? { position < chars.count ? chars[position] : nil }

  mutating func sum() throws -> RationalPolynomial {
    var result = try product()
    while true {
      skipSpaces()
      guard let c = peek(), c == "+" || c == "-" else { return result }
      position += 1
      let term = try product()
      result = c == "+" ? result + term : result - term
    }
  }

  mutating func product() throws -> RationalPolynomial {
    var result = try unary()
    while true {
      skipSpaces()
      guard let c = peek() else { return result }
      if c == "*" && !(position + 1 < chars.count && chars[position + 1] == "*") {
        position += 1
        result = result * (try unary())
      } else if c == "/" {
        position += 1
        skipSpaces()
        let start = position
        let divisor = try unary()
        guard divisor.degree == 0 else {
          position = start
          throw error(divisor.degree < 0 ? "division by zero" : "division by a non-constant polynomial")
        }
        let inverse = BigRational(1) / divisor[0]
        result = result * RationalPolynomial(coefficients: [inverse])
      } else if c.isNumber || c == "(" || c.isLetter {
        // Juxtaposition; a letter that is not the variable is reported by `atom()`.
        result = result * (try unary())
      } else {
        return result
      }
    }
  }

  mutating func unary() throws -> RationalPolynomial {
    skipSpaces()
    if let c = peek(), c == "-" || c == "+" {
      position += 1
      let operand = try unary()
      return c == "-" ? -operand : operand
    }
    return try power()
  }

  mutating func power() throws -> RationalPolynomial {
    let base = try atom()
    skipSpaces()
    var isPower = false
    if peek() == "^" {
      position += 1
      isPower = true
    } else if peek() == "*", position + 1 < chars.count, chars[position + 1] == "*" {
      position += 2
      isPower = true
    }
    guard isPower else { return base }
    skipSpaces()
    let start = position
    while let c = peek(), c.isASCII, c.isNumber { position += 1 }
    guard position > start else {
      throw error(peek() == nil ? "missing exponent" : "exponent must be a non-negative integer, got '\(rest())'")
    }
    let digits = String(chars[start..<position])
    // Well formed but too large: name the limit, not the form.
    guard let exponent = Int(digits), exponent <= 10_000 else {
      position = start
      throw error("exponent must be at most 10000, got '\(digits)'")
    }
    var result = RationalPolynomial(coefficients: [1])
    for _ in 0..<exponent { result = result * base }
    return result
  }

  func startsVariable() -> Bool {
    position + variable.count <= chars.count && Array(chars[position..<position + variable.count]) == variable
  }

  mutating func atom() throws -> RationalPolynomial {
    skipSpaces()
    guard let c = peek() else { throw error("unexpected end, expected a number, '\(String(variable))' or '('") }
    if c.isASCII && c.isNumber {
      let start = position
      while let d = peek(), d.isASCII, d.isNumber { position += 1 }
      return RationalPolynomial(coefficients: [BigRational(BigInt(String(chars[start..<position]))!)])
    }
    if startsVariable() {
      position += variable.count
      return RationalPolynomial(coefficients: [.zero, 1])
    }
    if c == "(" {
      position += 1
      let inner = try sum()
      skipSpaces()
      guard peek() == ")" else { throw error(peek() == nil ? "missing ')'" : "expected ')' but found '\(rest())'") }
      position += 1
      return inner
    }
    if c.isLetter {
      var end = position
      while end < chars.count, chars[end].isLetter || chars[end].isNumber || chars[end] == "_" { end += 1 }
      throw error("unknown symbol '\(String(chars[position..<end]))' (the variable is '\(String(variable))')")
    }
    throw error("unexpected '\(rest())'")
  }
}
