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

  /// One line: control characters in the text are shown as escapes such as `\n`.
  public var description: String { _ExpressionLimits.escaped("cannot read '\(input)' at column \(column): \(reason)") }
}

extension MultivariateRationalFunction {
  /// Reads a rational function in the named variables from what users type:
  /// `x^3 + (x+1)^3 + 2y(y-1)(2x+1)`, `-(y+1)/(x(x+y))`, `2*x0**2/3`. Juxtaposition multiplies
  /// (but two numbers in a row, `2 3`, are refused), `^` and `**` take non-negative integer
  /// exponents, a name is the longest variable name that matches. A denominator written as a
  /// product keeps its factors.
  ///
  /// Limits, checked before anything is expanded: parentheses nest at most 200 deep; numerator and
  /// denominator have total degree at most `maximumDegree` (100); coefficients at most 2^20 bits;
  /// the expansion of products and powers at most about 3·10^7 coefficient operations (a second;
  /// shared by all entries of a matrix or field file read as text).
  /// - Throws: `ExpressionParseError` naming the column, for unknown names, division by zero,
  ///   malformed text and text over a limit.
  /// - Complexity: linear in the text, plus the expansions the limits admit.
  public init(parsing text: String, variables: [String]) throws {
    var work = 0.0
    try self.init(parsing: text, variables: variables, work: &work)
  }

  /// Reads as `init(parsing:variables:)`, charging the expansion work to `work`: the entries of
  /// one matrix or one field file share one budget.
  init(parsing text: String, variables: [String], work: inout Double) throws {
    var parser = _ExpressionParser(text: text, variables: variables)
    parser.work = work
    defer { work = parser.work }
    self = try parser.parse()
  }

  /// The highest total degree of a numerator or denominator read from text.
  public static let maximumDegree = 100
}

/// A parsed value, with its factorization when it was written as a product of powers.
struct _Parsed {
  var value: MultivariateRationalFunction
  /// constant · Π fᵢ^kᵢ (kᵢ may be negative, the fᵢ distinct) when the text was a product; `nil`
  /// for sums.
  var product: (constant: BigRational, factors: [(MultivariatePolynomial, Int)])?
}

/// Recursive descent in one pass: sum := product (('+'|'-') product)*;
/// product := unary (('*'|'/'|juxtaposition) unary)*; unary := ('+'|'-')* power;
/// power := atom (('^'|'**') integer)?; atom := integer | name | '(' sum ')'.
/// Recursion only through parentheses, at most `_ExpressionLimits.maximumNesting` deep; every
/// product, sum of fractions and power is estimated (degree, terms, bits, cost) before it is built.
struct _ExpressionParser {
  let text: String
  let names: [[Character]]
  let chars: [Character]
  var position = 0
  var nesting = 0
  var work = 0.0

  init(text: String, variables: [String]) {
    self.text = text
    self.names = variables.map(Array.init)
    self.chars = Array(text)
  }

  var d: Int { names.count }
  /// A term pair of a multivariate product costs about four of a univariate one (a monomial is an
  /// array of exponents, hashed into a dictionary), as measured on `(x+y+1)^50`.
  static let pairWeight = 4.0
  static var maximumDegree: Int { MultivariateRationalFunction.maximumDegree }

  mutating func parse() throws -> MultivariateRationalFunction {
    skipSpaces()
    guard position < chars.count else { throw error("empty expression") }
    let result = try sum()
    skipSpaces()
    if position < chars.count { throw error("unexpected '\(String(chars[position...].prefix(12)))'") }
    return result.value
  }

  func error(_ reason: String, at index: Int? = nil) -> ExpressionParseError {
    ExpressionParseError(input: text, column: (index ?? position) + 1, reason: reason)
  }

  mutating func skipSpaces() { while position < chars.count, chars[position].isWhitespace { position += 1 } }

  func peek() -> Character? { position < chars.count ? chars[position] : nil }

  // MARK: Estimates

  /// The number of monomials of total degree at most `degree` in d variables: C(degree + d, d).
  func termBound(_ degree: Int) -> Double {
    var count = 1.0
    for i in 0..<d { count = count * Double(degree + i + 1) / Double(i + 1) }
    return count
  }

  func size(_ p: MultivariatePolynomial) -> _ExpansionSize {
    _ExpansionSize(terms: p.terms.count, degree: p.totalDegree, bits: p.terms.values.map(\.bitWidth).max() ?? 0)
  }

  /// The size of the expanded denominator c·Π fᵢ^eᵢ and the cost of expanding it.
  func denominatorSize(_ r: MultivariateRationalFunction) -> (size: _ExpansionSize, cost: Double) {
    var total = _ExpansionSize(terms: 1, degree: 0, bits: r.denominatorConstant.bitWidth)
    var cost = 0.0
    for (f, e) in r.denominatorFactors {
      let (power, c1) = _ExpansionSize.power(size(f), e, termBound: termBound)
      let (product, c2) = _ExpansionSize.product(total, power, termBound: termBound)
      total = product
      cost += c1 + c2
    }
    return (total, cost)
  }

  /// Refuses at `index` a numerator or denominator above the degree or coefficient limit, or work
  /// beyond the budget; otherwise charges `cost`.
  mutating func admit(_ sizes: [_ExpansionSize], cost: Double, at index: Int) throws {
    for s in sizes {
      guard s.degree <= Self.maximumDegree else {
        throw error("the degree would be \(s.degree), above the limit of \(Self.maximumDegree)", at: index)
      }
      guard s.bits <= Double(_ExpressionLimits.maximumCoefficientBits) else {
        throw error(
          "coefficients would reach about \(_formatCount(s.bits)) bits, above the limit of "
            + "\(_ExpressionLimits.maximumCoefficientBits)", at: index)
      }
    }
    work += cost * Self.pairWeight
    guard work <= _ExpressionLimits.maximumWork else {
      throw error(
        "too large to expand: about \(_formatCount(work)) coefficient operations, above the limit of "
          + _formatCount(_ExpressionLimits.maximumWork), at: index)
    }
  }

  /// The cost of bringing numerator / denominator of these sizes to normal form: a trial
  /// division of the numerator by the denominator's factors.
  func normalFormCost(_ numerator: _ExpansionSize, _ denominator: _ExpansionSize) -> Double {
    denominator.degree <= 0
      ? numerator.terms : _ExpansionSize.product(numerator, denominator, termBound: termBound).cost
  }

  // MARK: Grammar

  mutating func sum() throws -> _Parsed {
    var result = try product()
    while true {
      skipSpaces()
      guard let c = peek(), c == "+" || c == "-" else { return result }
      let at = position
      position += 1
      let term = try product()
      try admitSum(result.value, term.value, at: at)
      result = _Parsed(value: c == "+" ? result.value + term.value : result.value - term.value, product: nil)
    }
  }

  /// Checks a + b before it is built: cross products with the other denominator, then normal form.
  mutating func admitSum(_ a: MultivariateRationalFunction, _ b: MultivariateRationalFunction, at: Int) throws {
    if a.isPolynomial && b.isPolynomial {
      try admit([], cost: Double(min(a.numerator.terms.count, b.numerator.terms.count)), at: at)
      return
    }
    let (da, ca) = denominatorSize(a)
    let (db, cb) = denominatorSize(b)
    let (left, c1) = _ExpansionSize.product(size(a.numerator), db, termBound: termBound)
    let (right, c2) = _ExpansionSize.product(size(b.numerator), da, termBound: termBound)
    let (denominator, c3) = _ExpansionSize.product(da, db, termBound: termBound)
    var numerator = left.terms >= right.terms ? left : right
    numerator.degree = max(left.degree, right.degree)
    numerator.bits = max(left.bits, right.bits) + 1
    numerator.terms = min(left.terms + right.terms, termBound(numerator.degree))
    let cost = ca + cb + c1 + c2 + c3 + normalFormCost(numerator, denominator)
    try admit([numerator, denominator], cost: cost, at: at)
  }

  /// Whether a number starts at `position` right after another number and spaces (`2 3`,
  /// `1 000`): ambiguous, so refused rather than multiplied.
  func followsNumber() -> Bool {
    guard let c = peek(), c.isASCII, c.isNumber, position > 0, chars[position - 1].isWhitespace else { return false }
    var i = position - 1
    while i > 0, chars[i].isWhitespace { i -= 1 }
    return chars[i].isASCII && chars[i].isNumber
  }

  mutating func product() throws -> _Parsed {
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
        guard !divisor.value.isZero else { throw error("division by zero", at: start) }
        result = try multiply(result, try inverse(divisor, at: at), at: at)
      } else if c.isNumber || c == "(" || c.isLetter {
        if followsNumber() { throw error("two numbers in a row: write '*' between them to multiply") }
        result = try multiply(result, try unary(), at: at)
      } else {
        return result
      }
    }
  }

  mutating func multiply(_ a: _Parsed, _ b: _Parsed, at: Int) throws -> _Parsed {
    let x = a.value
    let y = b.value
    if !x.isZero && !y.isZero {
      let (numerator, c1) = _ExpansionSize.product(size(x.numerator), size(y.numerator), termBound: termBound)
      var sizes = [numerator]
      var cost = c1
      if !x.isPolynomial || !y.isPolynomial {
        let (dx, cx) = denominatorSize(x)
        let (dy, cy) = denominatorSize(y)
        let (denominator, c2) = _ExpansionSize.product(dx, dy, termBound: termBound)
        sizes.append(denominator)
        cost += cx + cy + c2 + normalFormCost(numerator, denominator)
      }
      try admit(sizes, cost: cost, at: at)
    }
    var product: (constant: BigRational, factors: [(MultivariatePolynomial, Int)])?
    if let p = a.product, let q = b.product {
      // Merge equal factors so the list stays as short as the distinct factors written.
      var factors = p.factors
      for (f, k) in q.factors {
        if let i = factors.firstIndex(where: { $0.0 == f }) {
          factors[i].1 += k
        } else {
          factors.append((f, k))
        }
      }
      product = (p.constant * q.constant, factors.filter { $0.1 != 0 })
    }
    return _Parsed(value: x * y, product: product)
  }

  /// 1/x, keeping the written factors of x as separate denominator factors.
  mutating func inverse(_ x: _Parsed, at: Int) throws -> _Parsed {
    // The denominator of x becomes a numerator: expanded.
    let (size, cost) = denominatorSize(x.value)
    try admit([size], cost: cost, at: at)
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
    var negative = false
    while let c = peek(), c == "-" || c == "+" {
      if c == "-" { negative.toggle() }
      position += 1
      skipSpaces()
    }
    let operand = try power()
    guard negative else { return operand }
    return _Parsed(value: -operand.value, product: operand.product.map { (-$0.constant, $0.factors) })
  }

  static let maximumExponent = 10_000

  mutating func power() throws -> _Parsed {
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
    while position < chars.count, chars[position].isASCII, chars[position].isNumber { position += 1 }
    guard position > start, let k = Int(String(chars[start..<position])), k <= Self.maximumExponent else {
      position = start
      throw error("expected a non-negative integer exponent")
    }
    guard k > 1 && !base.value.isZero else {
      let product = base.product.map { p in k == 0 ? (BigRational(1), []) : p }
      return _Parsed(value: base.value.power(k), product: product)
    }
    // Degrees and the constants' sizes are exact; check them before anything is computed.
    let value = base.value
    let numeratorSize = size(value.numerator)
    let (denominator, _) = denominatorSize(value)
    var sizes = [
      _ExpansionSize(terms: 1, degree: numeratorSize.degree * k, bits: 0),
      _ExpansionSize(terms: 1, degree: denominator.degree * k, bits: value.denominatorConstant.bitWidth * k),
    ]
    if let p = base.product {
      let bits = max(p.constant.numerator.bitWidth, p.constant.denominator.bitWidth) * k
      sizes.append(_ExpansionSize(terms: 1, degree: 0, bits: bits))
    }
    let (_, estimate) = _ExpansionSize.power(numeratorSize, k, termBound: termBound)
    let hopeless = estimate * Self.pairWeight > _ExpressionLimits.hopelessFactor * _ExpressionLimits.maximumWork
    try admit(sizes, cost: hopeless ? estimate : 0, at: at)
    // The numerator by repeated squaring, each product admitted from the sizes of its operands.
    var numerator: MultivariatePolynomial?
    var square = value.numerator
    var e = k
    while e > 0 {
      if e & 1 == 1 { numerator = try numerator.map { try multiplyPolynomials($0, square, at: at) } ?? square }
      e >>= 1
      if e > 0 { square = try multiplyPolynomials(square, square, at: at) }
    }
    let power = MultivariateRationalFunction(
      normalizedNumerator: numerator!, constant: value.denominatorConstant.power(k),
      factors: value.denominatorFactors.map { ($0.polynomial, $0.exponent * k) })
    var product: (constant: BigRational, factors: [(MultivariatePolynomial, Int)])?
    if let p = base.product {
      let c = BigRational(p.constant.numerator.power(k), p.constant.denominator.power(k))
      product = (c, p.factors.map { ($0.0, $0.1 * k) })
    }
    return _Parsed(value: power, product: product)
  }

  /// a·b for polynomials, admitted from the sizes of a and b.
  mutating func multiplyPolynomials(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial, at: Int) throws
    -> MultivariatePolynomial
  {
    let (product, cost) = _ExpansionSize.product(size(a), size(b), termBound: termBound)
    try admit([product], cost: cost, at: at)
    return a * b
  }

  mutating func atom() throws -> _Parsed {
    skipSpaces()
    guard let c = peek() else { throw error("expected a number, a variable or '('") }
    if c.isASCII && c.isNumber {
      let start = position
      while position < chars.count, chars[position].isASCII, chars[position].isNumber { position += 1 }
      let value = BigInt(String(chars[start..<position]))!
      return _Parsed(
        value: MultivariateRationalFunction(MultivariatePolynomial(constant: value, variables: d)),
        product: (BigRational(value), []))
    }
    if c == "(" {
      guard nesting < _ExpressionLimits.maximumNesting else {
        throw error("parentheses nest deeper than \(_ExpressionLimits.maximumNesting)")
      }
      nesting += 1
      position += 1
      let inner = try sum()
      skipSpaces()
      guard peek() == ")" else { throw error("expected ')'") }
      position += 1
      nesting -= 1
      // A parenthesized sum is one factor of any product around it (a constant joins the constant).
      if inner.product == nil, !inner.value.isZero, inner.value.isPolynomial {
        if let constant = inner.value.numerator.constantValue {
          return _Parsed(value: inner.value, product: (BigRational(constant), []))
        }
        return _Parsed(value: inner.value, product: (1, [(inner.value.numerator, 1)]))
      }
      return inner
    }
    if c.isLetter {
      // The longest variable name that matches here.
      var best: Int?
      for (i, name) in names.enumerated()
      where !name.isEmpty && position + name.count <= chars.count
        && chars[position..<position + name.count].elementsEqual(name)
      {
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
