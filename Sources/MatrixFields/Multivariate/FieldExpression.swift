import Multiprecision
import Polynomials

/// Why an expression of a matrix field could not be read: the text, the column (from 1) and the
/// reason.
public struct ExpressionParseError: Error, Sendable, Equatable, CustomStringConvertible {
  public let input: String
  public let column: Int
  public let reason: String

  public init(input: String, column: Int, reason: String) {
    self.input = input
    self.column = column
    self.reason = reason
  }

  public var description: String { "cannot read '\(input)' at column \(column): \(reason)" }
}

extension MultivariateRationalFunction {
  /// Reads a rational function in the named variables from what users type:
  /// `x^3 + (x+1)^3 + 2y(y-1)(2x+1)`, `-(y+1)/(x(x+y))`, `2*x0**2/3`. Juxtaposition multiplies,
  /// `^` and `**` take non-negative integer exponents, a name is the longest variable name that
  /// matches. A denominator written as a product keeps its factors.
  /// - Throws: `ExpressionParseError` naming the column, for unknown names, division by zero and
  ///   malformed text.
  public init(parsing text: String, variables: [String]) throws {
    var parser = _ExpressionParser(text: text, variables: variables)
    self = try parser.parse()
  }
}

/// A parsed value, with its factorization when it was written as a product of powers.
struct _Parsed {
  var value: MultivariateRationalFunction
  /// constant · Π fᵢ^kᵢ (kᵢ may be negative) when the text was a product; `nil` for sums.
  var product: (constant: BigRational, factors: [(MultivariatePolynomial, Int)])?
}

/// Recursive descent: sum := product (('+'|'-') product)*;
/// product := unary (('*'|'/'|juxtaposition) unary)*; unary := ('+'|'-') unary | power;
/// power := atom (('^'|'**') integer)?; atom := integer | name | '(' sum ')'.
struct _ExpressionParser {
  let text: String
  let names: [[Character]]
  let chars: [Character]
  var position = 0

  init(text: String, variables: [String]) {
    self.text = text
    self.names = variables.map(Array.init)
    self.chars = Array(text)
  }

  var d: Int { names.count }

  mutating func parse() throws -> MultivariateRationalFunction {
    skipSpaces()
    guard position < chars.count else { throw error("empty expression") }
    let result = try sum()
    skipSpaces()
    if position < chars.count { throw error("unexpected '\(String(chars[position...].prefix(12)))'") }
    return result.value
  }

  func error(_ reason: String) -> ExpressionParseError {
    ExpressionParseError(input: text, column: position + 1, reason: reason)
  }

  mutating func skipSpaces() { while position < chars.count, chars[position].isWhitespace { position += 1 } }

  func peek() -> Character? { position < chars.count ? chars[position] : nil }

  mutating func sum() throws -> _Parsed {
    var result = try product()
    while true {
      skipSpaces()
      guard let c = peek(), c == "+" || c == "-" else { return result }
      position += 1
      let term = try product()
      result = _Parsed(value: c == "+" ? result.value + term.value : result.value - term.value, product: nil)
    }
  }

  mutating func product() throws -> _Parsed {
    var result = try unary()
    while true {
      skipSpaces()
      guard let c = peek() else { return result }
      if c == "*" && !(position + 1 < chars.count && chars[position + 1] == "*") {
        position += 1
        result = multiply(result, try unary())
      } else if c == "/" {
        position += 1
        skipSpaces()
        let start = position
        let divisor = try unary()
        guard !divisor.value.isZero else {
          position = start
          throw error("division by zero")
        }
        result = multiply(result, inverse(divisor))
      } else if c.isNumber || c == "(" || c.isLetter {
        result = multiply(result, try unary())
      } else {
        return result
      }
    }
  }

  func multiply(_ a: _Parsed, _ b: _Parsed) -> _Parsed {
    var product: (constant: BigRational, factors: [(MultivariatePolynomial, Int)])?
    if let p = a.product, let q = b.product { product = (p.constant * q.constant, p.factors + q.factors) }
    return _Parsed(value: a.value * b.value, product: product)
  }

  /// 1/x, keeping the written factors of x as separate denominator factors.
  func inverse(_ x: _Parsed) -> _Parsed {
    guard let (constant, factors) = x.product else {
      return _Parsed(value: x.value.reciprocal, product: nil)
    }
    var top = MultivariatePolynomial(constant: constant.denominator, variables: d)
    var below: [(polynomial: MultivariatePolynomial, exponent: Int)] = []
    for (f, k) in factors {
      if k > 0 { below.append((f, k)) } else if k < 0 { top *= f.power(-k) }
    }
    let value = MultivariateRationalFunction(numerator: top, constant: constant.numerator, factors: below)
    return _Parsed(value: value, product: (BigRational(1) / constant, factors.map { ($0.0, -$0.1) }))
  }

  mutating func unary() throws -> _Parsed {
    skipSpaces()
    if let c = peek(), c == "-" || c == "+" {
      position += 1
      let operand = try unary()
      if c == "+" { return operand }
      return _Parsed(value: -operand.value, product: operand.product.map { (-$0.constant, $0.factors) })
    }
    return try power()
  }

  mutating func power() throws -> _Parsed {
    let base = try atom()
    skipSpaces()
    if peek() == "^" {
      position += 1
    } else if peek() == "*", position + 1 < chars.count, chars[position + 1] == "*" {
      position += 2
    } else {
      return base
    }
    skipSpaces()
    let start = position
    while position < chars.count, chars[position].isNumber { position += 1 }
    guard position > start, let k = Int(String(chars[start..<position])), k <= 10_000 else {
      position = start
      throw error("expected a non-negative integer exponent")
    }
    var product: (constant: BigRational, factors: [(MultivariatePolynomial, Int)])?
    if let p = base.product {
      var c = BigRational(1)
      for _ in 0..<k { c = c * p.constant }
      product = (c, p.factors.map { ($0.0, $0.1 * k) })
    }
    return _Parsed(value: base.value.power(k), product: product)
  }

  mutating func atom() throws -> _Parsed {
    skipSpaces()
    guard let c = peek() else { throw error("expected a number, a variable or '('") }
    if c.isNumber {
      let start = position
      while position < chars.count, chars[position].isNumber { position += 1 }
      let value = BigInt(String(chars[start..<position]))!
      return _Parsed(
        value: MultivariateRationalFunction(MultivariatePolynomial(constant: value, variables: d)),
        product: (BigRational(value), []))
    }
    if c == "(" {
      position += 1
      let inner = try sum()
      skipSpaces()
      guard peek() == ")" else { throw error("expected ')'") }
      position += 1
      // A parenthesized sum is one factor of any product around it.
      if inner.product == nil, !inner.value.isZero, inner.value.isPolynomial {
        return _Parsed(value: inner.value, product: (1, [(inner.value.numerator, 1)]))
      }
      return inner
    }
    if c.isLetter {
      // The longest variable name that matches here.
      var best: Int?
      for (i, name) in names.enumerated()
      where position + name.count <= chars.count && Array(chars[position..<position + name.count]) == name {
        if best == nil || name.count > names[best!].count { best = i }
      }
      guard let i = best else {
        var end = position
        while end < chars.count, chars[end].isLetter || chars[end].isNumber || chars[end] == "_" { end += 1 }
        let symbol = String(chars[position..<end])
        let known = names.map { String($0) }.joined(separator: ", ")
        throw error("unknown symbol '\(symbol)' (the variables are \(known))")
      }
      position += names[i].count
      let x = MultivariatePolynomial.variable(i, of: d)
      return _Parsed(value: MultivariateRationalFunction(x), product: (1, [(x, 1)]))
    }
    throw error("unexpected '\(c)'")
  }
}
