import Multiprecision

/// A polynomial being read: Σ terms[k]·nᵏ / denominator, sparse (no zero coefficient), with a
/// positive denominator that shares no factor with every numerator coefficient. Integer
/// arithmetic with one common denominator: a product is term pairs of multiply-adds, no gcd.
struct _ScaledPolynomial {
  var terms: [Int: BigInt]
  var denominator: BigInt

  init(terms: [Int: BigInt], denominator: BigInt = 1) {
    self.terms = terms
    self.denominator = denominator
  }

  init(constant c: BigInt) { self.init(terms: c.isZero ? [:] : [0: c]) }

  static var zero: Self { Self(terms: [:]) }

  var isZero: Bool { terms.isEmpty }
  var degree: Int { terms.keys.max() ?? -1 }

  var size: _ExpansionSize {
    _ExpansionSize(
      terms: terms.count, degree: degree, bits: terms.values.reduce(denominator.bitWidth) { max($0, $1.bitWidth) })
  }

  /// Divides numerators and denominator by their common factor.
  mutating func reduce() {
    guard denominator != 1 else { return }
    var g = denominator
    for c in terms.values {
      g = BigInt.gcd(g, c)
      if g == 1 { return }
    }
    terms = terms.mapValues { $0.dividedExactly(by: g) }
    denominator = denominator.dividedExactly(by: g)
  }

  mutating func negate() { terms = terms.mapValues { -$0 } }

  mutating func scale(by factor: BigInt) {
    if factor != 1 { terms = terms.mapValues { $0 * factor } }
  }

  /// self ± other.
  mutating func add(_ other: Self, subtracting: Bool) {
    var other = other
    if denominator != other.denominator {
      let common = BigInt.lcm(denominator, other.denominator)
      scale(by: common.dividedExactly(by: denominator))
      other.scale(by: common.dividedExactly(by: other.denominator))
      denominator = common
    }
    for (k, c) in other.terms {
      var sum = terms[k] ?? BigInt()
      if subtracting { sum -= c } else { sum += c }
      terms[k] = sum.isZero ? nil : sum
    }
    reduce()
  }

  static func * (lhs: Self, rhs: Self) -> Self {
    if lhs.isZero || rhs.isZero { return .zero }
    var out: [Int: BigInt] = [:]
    for (i, x) in lhs.terms {
      for (j, y) in rhs.terms { out[i + j, default: BigInt()].addProduct(x, y) }
    }
    var result = Self(terms: out.filter { !$0.value.isZero }, denominator: lhs.denominator * rhs.denominator)
    result.reduce()
    return result
  }

  /// self / c for a nonzero constant c = numerator/denominator.
  mutating func divide(numerator: BigInt, denominator d: BigInt) {
    scale(by: d)
    denominator *= numerator.magnitude
    if numerator.isNegative { negate() }
    reduce()
  }

  /// selfᵏ: a single term directly, otherwise by repeated squaring.
  func power(_ k: Int) -> Self {
    if k == 0 { return Self(constant: 1) }
    if isZero { return .zero }
    if terms.count == 1, let (e, c) = terms.first {
      return Self(terms: [e * k: c.power(k)], denominator: denominator.power(k))
    }
    var result: Self?
    var base = self
    var e = k
    while e > 0 {
      if e & 1 == 1 { result = result.map { $0 * base } ?? base }
      e >>= 1
      if e > 0 { base = base * base }
    }
    return result!
  }

  var rationalPolynomial: RationalPolynomial {
    var coefficients = [BigRational](repeating: .zero, count: degree + 1)
    for (k, c) in terms { coefficients[k] = BigRational(c, denominator) }
    return RationalPolynomial(coefficients: coefficients)
  }
}

/// Reads the grammar, loosest first: sum := product (('+'|'-') product)*;
/// product := unary (('*'|'/'|juxtaposition) unary)*; unary := ('+'|'-')* power;
/// power := atom (('^'|'**') integer)?; atom := integer | variable | '(' sum ')'.
///
/// One pass over the characters; recursion only through parentheses, at most
/// `_ExpressionLimits.maximumNesting` deep. Products and powers are estimated before they are
/// expanded: degree at most `maximumDegree`, coefficients and total work within `_ExpressionLimits`.
struct _PolynomialParser {
  /// The highest degree a polynomial read from text may have (so `n^10000` is the largest power of n).
  static let maximumDegree = 10_000
  static let maximumExponent = 10_000

  let text: String
  let variable: [Character]
  let chars: [Character]
  var position = 0
  var nesting = 0
  var work = 0.0

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
    return result.rationalPolynomial
  }

  func error(_ reason: String, at index: Int? = nil) -> PolynomialParseError {
    PolynomialParseError(input: text, column: (index ?? position) + 1, reason: reason)
  }

  func rest() -> String { String(chars[position...].prefix(12)) }

  mutating func skipSpaces() { while position < chars.count, chars[position].isWhitespace { position += 1 } }

  func peek() -> Character? { position < chars.count ? chars[position] : nil }

  /// Charges `cost` to the text's work budget, or refuses at `index`.
  mutating func spend(_ cost: Double, at index: Int) throws {
    work += cost
    guard work <= _ExpressionLimits.maximumWork else {
      throw error(
        "too large to expand: about \(_formatCount(work)) coefficient operations, above the limit of "
          + _formatCount(_ExpressionLimits.maximumWork), at: index)
    }
  }

  /// Checks the result of a product or power before it is built.
  mutating func admit(_ size: _ExpansionSize, cost: Double, at index: Int) throws {
    guard size.degree <= Self.maximumDegree else {
      throw error("the degree would be \(size.degree), above the limit of \(Self.maximumDegree)", at: index)
    }
    guard size.bits <= Double(_ExpressionLimits.maximumCoefficientBits) else {
      throw error(
        "coefficients would reach about \(_formatCount(size.bits)) bits, above the limit of "
          + "\(_ExpressionLimits.maximumCoefficientBits)", at: index)
    }
    try spend(cost, at: index)
  }

  static func termBound(_ degree: Int) -> Double { Double(degree + 1) }

  mutating func multiply(_ a: _ScaledPolynomial, _ b: _ScaledPolynomial, at index: Int) throws -> _ScaledPolynomial {
    if a.isZero || b.isZero { return .zero }
    let (size, cost) = _ExpansionSize.product(a.size, b.size, termBound: Self.termBound)
    try admit(size, cost: cost, at: index)
    return a * b
  }

  mutating func sum() throws -> _ScaledPolynomial {
    var result = try product()
    while true {
      skipSpaces()
      guard let c = peek(), c == "+" || c == "-" else { return result }
      let at = position
      position += 1
      let term = try product()
      let rescales = result.denominator != 1 || term.denominator != 1
      try spend(Double(term.terms.count + (rescales ? result.terms.count : 0)), at: at)
      result.add(term, subtracting: c == "-")
    }
  }

  /// Whether the character at `position` starts a number written right after another number
  /// (`2 3`, `1 000`): ambiguous, so refused rather than multiplied.
  func followsNumber() -> Bool {
    guard let c = peek(), c.isASCII, c.isNumber, position > 0, chars[position - 1].isWhitespace else { return false }
    var i = position - 1
    while i > 0, chars[i].isWhitespace { i -= 1 }
    return chars[i].isASCII && chars[i].isNumber
  }

  mutating func product() throws -> _ScaledPolynomial {
    var result = try unary()
    while true {
      skipSpaces()
      guard let c = peek() else { return result }
      let at = position
      if c == "*" && !(position + 1 < chars.count && chars[position + 1] == "*") {
        position += 1
        result = try multiply(result, try unary(), at: at)
      } else if c == "/" {
        position += 1
        skipSpaces()
        let start = position
        let divisor = try unary()
        guard divisor.degree == 0 else {
          throw error(divisor.isZero ? "division by zero" : "division by a non-constant polynomial", at: start)
        }
        try spend(Double(result.terms.count), at: at)
        result.divide(numerator: divisor.terms[0]!, denominator: divisor.denominator)
      } else if c.isNumber || c == "(" || c.isLetter {
        // Juxtaposition; a letter that is not the variable is reported by `atom()`.
        if followsNumber() { throw error("two numbers in a row: write '*' between them to multiply") }
        result = try multiply(result, try unary(), at: at)
      } else {
        return result
      }
    }
  }

  mutating func unary() throws -> _ScaledPolynomial {
    var negative = false
    skipSpaces()
    while let c = peek(), c == "-" || c == "+" {
      if c == "-" { negative.toggle() }
      position += 1
      skipSpaces()
    }
    var result = try power()
    if negative { result.negate() }
    return result
  }

  mutating func power() throws -> _ScaledPolynomial {
    let base = try atom()
    skipSpaces()
    let at = position
    if peek() == "^" {
      position += 1
    } else if peek() == "*", position + 1 < chars.count, chars[position + 1] == "*" {
      position += 2
    } else {
      return base
    }
    skipSpaces()
    let start = position
    while let c = peek(), c.isASCII, c.isNumber { position += 1 }
    guard position > start else {
      throw error(peek() == nil ? "missing exponent" : "exponent must be a non-negative integer, got '\(rest())'")
    }
    let digits = String(chars[start..<position])
    // Well formed but too large: name the limit, not the form.
    guard let exponent = Int(digits), exponent <= Self.maximumExponent else {
      throw error("exponent must be at most \(Self.maximumExponent), got '\(digits)'", at: start)
    }
    guard exponent > 1, !base.isZero else { return base.power(exponent) }
    let size = base.size
    let degree = size.degree * exponent
    guard degree <= Self.maximumDegree else {
      throw error("the degree would be \(degree), above the limit of \(Self.maximumDegree)", at: at)
    }
    if base.terms.count == 1 {
      let result = _ExpansionSize(terms: 1, degree: degree, bits: Int(size.bits) * exponent)
      try admit(result, cost: result.words, at: at)
      return base.power(exponent)
    }
    let (_, estimate) = _ExpansionSize.power(size, exponent, termBound: Self.termBound)
    if estimate > _ExpressionLimits.hopelessFactor * _ExpressionLimits.maximumWork { try spend(estimate, at: at) }
    // Repeated squaring, each product admitted from the sizes of its actual operands.
    var result: _ScaledPolynomial?
    var square = base
    var e = exponent
    while e > 0 {
      if e & 1 == 1 { result = try result.map { try multiply($0, square, at: at) } ?? square }
      e >>= 1
      if e > 0 { square = try multiply(square, square, at: at) }
    }
    return result!
  }

  func startsVariable() -> Bool {
    position + variable.count <= chars.count && chars[position..<position + variable.count].elementsEqual(variable)
  }

  mutating func atom() throws -> _ScaledPolynomial {
    skipSpaces()
    guard let c = peek() else { throw error("unexpected end, expected a number, '\(String(variable))' or '('") }
    if c.isASCII && c.isNumber {
      let start = position
      while let d = peek(), d.isASCII, d.isNumber { position += 1 }
      return _ScaledPolynomial(constant: BigInt(String(chars[start..<position]))!)
    }
    if !variable.isEmpty && startsVariable() {
      position += variable.count
      return _ScaledPolynomial(terms: [1: 1])
    }
    if c == "(" {
      guard nesting < _ExpressionLimits.maximumNesting else {
        throw error("parentheses nest deeper than \(_ExpressionLimits.maximumNesting)")
      }
      nesting += 1
      position += 1
      let inner = try sum()
      skipSpaces()
      guard peek() == ")" else { throw error(peek() == nil ? "missing ')'" : "expected ')' but found '\(rest())'") }
      position += 1
      nesting -= 1
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

/// A count for a message: an integer below a million, otherwise `3.2e9`.
package func _formatCount(_ x: Double) -> String {
  guard x.isFinite else { return "more than 1e308" }
  if x < 1e6 { return String(Int(x.rounded(.up))) }
  var exponent = 0
  var mantissa = x
  while mantissa >= 10 {
    mantissa /= 10
    exponent += 1
  }
  var tenths = Int((mantissa * 10).rounded())
  if tenths == 100 {
    tenths = 10
    exponent += 1
  }
  return tenths % 10 == 0 ? "\(tenths / 10)e\(exponent)" : "\(tenths / 10).\(tenths % 10)e\(exponent)"
}
