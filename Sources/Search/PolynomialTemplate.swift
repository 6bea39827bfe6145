import Foundation
import Polynomials

/// A polynomial in n whose coefficients are integer polynomials in named integer parameters,
/// e.g. `(x0*n + x1)*(x2*n*(n+1) + x3)`: the shape of a(n) or b(n) in a search space.
///
/// Parsed once; `coefficients(_:)` then gives the coefficients of n⁰, n¹, … for one assignment
/// of the parameters in machine arithmetic (checked for overflow).
public struct PolynomialTemplate: Sendable, Hashable, CustomStringConvertible {
  /// The text it was read from.
  public let text: String
  /// Parameter names in order of first appearance.
  public let parameters: [String]
  /// For each power of n (lowest first): terms (coefficient, exponent of each parameter).
  let terms: [[(coefficient: Int, exponents: [Int])]]

  public static func == (lhs: PolynomialTemplate, rhs: PolynomialTemplate) -> Bool { lhs.text == rhs.text }
  public func hash(into hasher: inout Hasher) { hasher.combine(text) }
  public var description: String { text }

  /// The degree in n (−1 for the zero template).
  public var degree: Int { terms.count - 1 }

  /// Reads a template over `n` and parameters (identifiers other than `n`); + - * ^ ** and
  /// juxtaposition, integer literals, parentheses.
  /// - Throws: `TemplateError` naming the column and the text.
  public init(parsing text: String) throws(TemplateError) {
    var parser = _TemplateParser(text: text)
    let sparse = try parser.parse()
    self.text = text
    parameters = parser.names
    let degree = sparse.keys.map { $0[0] }.max() ?? -1
    var terms = [[(coefficient: Int, exponents: [Int])]](repeating: [], count: degree + 1)
    for (monomial, c) in sparse.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) where c != 0 {
      let exponents = (0..<parser.names.count).map { $0 + 1 < monomial.count ? monomial[$0 + 1] : 0 }
      terms[monomial[0]].append((c, exponents))
    }
    while let last = terms.last, last.isEmpty { terms.removeLast() }
    self.terms = terms
  }

  /// The plain polynomial c0 + c1·n + … + c_d·n^d with parameters named `prefix0`…`prefix{d}`.
  /// Precondition: degree ≥ 0.
  public static func plain(degree: Int, prefix: String) -> PolynomialTemplate {
    precondition(degree >= 0, "a plain polynomial has a degree ≥ 0, got \(degree)")
    let text = (0...degree).map { k in k == 0 ? "\(prefix)0" : (k == 1 ? "\(prefix)1*n" : "\(prefix)\(k)*n^\(k)") }
      .joined(separator: " + ")
    return try! PolynomialTemplate(parsing: text)
  }

  /// The coefficients of n⁰…n^d for parameter `values` (in `parameters` order); `nil` on overflow.
  public func coefficients(_ values: [Int]) -> [Int]? {
    var out = [Int](repeating: 0, count: terms.count)
    for k in 0..<terms.count {
      var sum = 0
      for term in terms[k] {
        var product = term.coefficient
        for (j, e) in term.exponents.enumerated() where e > 0 {
          for _ in 0..<e {
            let (p, o) = product.multipliedReportingOverflow(by: values[j])
            if o { return nil }
            product = p
          }
        }
        let (s, o) = sum.addingReportingOverflow(product)
        if o { return nil }
        sum = s
      }
      out[k] = sum
    }
    return out
  }

  /// log10 of an upper bound of |coefficient of n^k| (k = 0…degree) over all parameter values with
  /// log10 |value j| ≤ `log10Magnitudes[j]` (−∞ for a parameter that is always 0). In logarithms,
  /// so that no bound overflows: a term x^40·y^40 with |x|, |y| ≤ 10^9 is 10^720.
  public func coefficientLog10Bounds(_ log10Magnitudes: [Double]) -> [Double] {
    terms.map { row in
      _log10Sum(
        row.map { term in
          var l = log10(Double(term.coefficient.magnitude))
          for (j, e) in term.exponents.enumerated() where e > 0 { l += Double(e) * log10Magnitudes[j] }
          return l
        })
    }
  }

  /// The polynomial for one assignment.
  public func polynomial(_ values: [Int]) -> Polynomial? { coefficients(values).map { Polynomial($0) } }
}

/// log10(Σ 10^xᵢ) without overflow (−∞ for no terms or all −∞).
func _log10Sum(_ xs: [Double]) -> Double {
  guard let top = xs.max(), top > -.infinity else { return -.infinity }
  return top + log10(xs.reduce(0) { $0 + _exp10($1 - top) })
}

/// 10^x.
func _exp10(_ x: Double) -> Double { x == -.infinity ? 0 : exp(x * M_LN10) }

/// Why a template could not be read.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
  public let input: String
  public let column: Int
  public let reason: String
  public var description: String {
    _ExpressionLimits.escaped("cannot read template '\(input)' at column \(column): \(reason)")
  }
}

/// Sparse multivariate polynomial over symbols [n, parameters…]: exponent vector → coefficient.
typealias _Sparse = [[Int]: Int]

/// An exponent vector without trailing zeros (but at least the exponent of n).
func _normalized(_ k: [Int]) -> [Int] {
  var k = k
  while k.count > 1, k.last == 0 { k.removeLast() }
  return k
}

/// Reads a template in one pass: sum := product (('+'|'-') product)*;
/// product := unary (('*'|juxtaposition) unary)*; unary := ('+'|'-')* power;
/// power := atom (('^'|'**') integer)?; atom := integer | name | '(' sum ')'.
/// Recursion only through parentheses, at most `_ExpressionLimits.maximumNesting` deep; every
/// product is charged to a work budget before it is expanded.
struct _TemplateParser {
  let text: String
  let chars: [Character]
  var position = 0
  var names: [String] = []
  var nesting = 0
  var work = 0.0

  init(text: String) {
    self.text = text
    chars = Array(text)
  }

  func error(_ reason: String, at index: Int? = nil) -> TemplateError {
    TemplateError(input: text, column: (index ?? position) + 1, reason: reason)
  }

  mutating func parse() throws(TemplateError) -> _Sparse {
    skip()
    guard position < chars.count else { throw error("empty template") }
    let result = try sum()
    skip()
    if position < chars.count { throw error("unexpected '\(String(chars[position...].prefix(12)))'") }
    return result
  }

  mutating func skip() { while position < chars.count, chars[position].isWhitespace { position += 1 } }
  func peek() -> Character? { position < chars.count ? chars[position] : nil }

  /// The largest power of n or of a parameter a product may reach.
  static let maximumExponent = 64
  /// The most distinct parameters a template may name.
  static let maximumParameters = 100
  /// The most work (term pairs, weighted by the length of their exponent vectors) reading one
  /// template may take: far above any search space, well below a second.
  static let maximumWork = 2_000_000.0

  /// Charges `cost` to the work budget, or refuses at `at`.
  mutating func spend(_ cost: Double, at: Int) throws(TemplateError) {
    work += cost
    guard work <= Self.maximumWork else {
      throw error(
        "too large to expand: about \(_formatCount(work)) term operations, above the limit of "
          + _formatCount(Self.maximumWork), at: at)
    }
  }

  /// x + sign·y in place, or an error at the operator (index `at`) if a coefficient leaves 64 bits.
  mutating func add(_ x: inout _Sparse, _ y: _Sparse, sign: Int = 1, at: Int) throws(TemplateError) {
    try spend(Double(y.count), at: at)
    for (k, v) in y {
      let key = _normalized(k)
      let (term, o1) = v.multipliedReportingOverflow(by: sign)
      let (s, o2) = x[key, default: 0].addingReportingOverflow(term)
      if o1 || o2 { throw error("coefficient beyond 64 bits", at: at) }
      x[key] = s == 0 ? nil : s
    }
  }

  /// x·y, or an error at the operator (index `at`) if a coefficient leaves 64 bits or a power of n
  /// or of a parameter exceeds `maximumExponent`.
  mutating func multiply(_ x: _Sparse, _ y: _Sparse, at: Int) throws(TemplateError) -> _Sparse {
    try spend(Double(x.count) * Double(y.count) * Double(1 + (names.count + 1) / 8), at: at)
    var r: _Sparse = [:]
    for (kx, vx) in x {
      for (ky, vy) in y {
        let n = max(kx.count, ky.count)
        let k = (0..<n).map { (($0 < kx.count) ? kx[$0] : 0) + (($0 < ky.count) ? ky[$0] : 0) }
        if let i = k.firstIndex(where: { $0 > Self.maximumExponent }) {
          throw error("power of '\(i == 0 ? "n" : names[i - 1])' beyond \(Self.maximumExponent)", at: at)
        }
        let key = _normalized(k)
        let (p, o1) = vx.multipliedReportingOverflow(by: vy)
        let (s, o2) = r[key, default: 0].addingReportingOverflow(p)
        if o1 || o2 { throw error("coefficient beyond 64 bits", at: at) }
        r[key] = s
      }
    }
    return r.filter { $0.value != 0 }
  }

  mutating func sum() throws(TemplateError) -> _Sparse {
    var result = try product()
    while true {
      skip()
      guard let c = peek(), c == "+" || c == "-" else { return result }
      let at = position
      position += 1
      let operand = try product()
      try add(&result, operand, sign: c == "+" ? 1 : -1, at: at)
    }
  }

  /// Whether a number starts at `position` right after another number and spaces (`2 3`,
  /// `1 000`): ambiguous, so refused rather than multiplied.
  func followsNumber() -> Bool {
    guard let c = peek(), c.isASCII, c.isNumber, position > 0, chars[position - 1].isWhitespace else { return false }
    var i = position - 1
    while i > 0, chars[i].isWhitespace { i -= 1 }
    return chars[i].isASCII && chars[i].isNumber
  }

  mutating func product() throws(TemplateError) -> _Sparse {
    var result = try unary()
    while true {
      skip()
      guard let c = peek() else { return result }
      let at = position
      if c == "*" && !(position + 1 < chars.count && chars[position + 1] == "*") {
        position += 1
        let operand = try unary()
        result = try multiply(result, operand, at: at)
      } else if c.isNumber || c == "(" || c.isLetter || c == "_" {
        if followsNumber() { throw error("two numbers in a row: write '*' between them to multiply") }
        let operand = try unary()
        result = try multiply(result, operand, at: at)
      } else {
        return result
      }
    }
  }

  mutating func unary() throws(TemplateError) -> _Sparse {
    skip()
    var negative = false
    var at = position
    while let c = peek(), c == "-" || c == "+" {
      if c == "-" {
        if !negative { at = position }
        negative.toggle()
      }
      position += 1
      skip()
    }
    let operand = try power()
    guard negative else { return operand }
    var result: _Sparse = [:]
    try add(&result, operand, sign: -1, at: at)
    return result
  }

  mutating func power() throws(TemplateError) -> _Sparse {
    let base = try atom()
    skip()
    var isPower = false
    let at = position
    if peek() == "^" {
      position += 1
      isPower = true
    } else if peek() == "*", position + 1 < chars.count, chars[position + 1] == "*" {
      position += 2
      isPower = true
    }
    guard isPower else { return base }
    skip()
    let start = position
    while let c = peek(), c.isASCII, c.isNumber { position += 1 }
    guard position > start, let e = Int(String(chars[start..<position])), e <= 64 else {
      position = start
      throw error("exponent must be an integer in 0...64")
    }
    var result: _Sparse = [[0]: 1]
    for _ in 0..<e { result = try multiply(result, base, at: at) }
    return result
  }

  mutating func atom() throws(TemplateError) -> _Sparse {
    skip()
    guard let c = peek() else { throw error("unexpected end, expected a number, a name or '('") }
    if c.isASCII && c.isNumber {
      let start = position
      while let d = peek(), d.isASCII, d.isNumber { position += 1 }
      guard let v = Int(String(chars[start..<position])) else { throw error("number too large") }
      return v == 0 ? [:] : [[0]: v]
    }
    if c.isLetter || c == "_" {
      let start = position
      while let d = peek(), d.isLetter || d.isNumber || d == "_" { position += 1 }
      let name = String(chars[start..<position])
      if name == "n" { return [[1]: 1] }
      let index: Int
      if let i = names.firstIndex(of: name) {
        index = i
      } else {
        guard names.count < Self.maximumParameters else {
          throw error("more than \(Self.maximumParameters) parameters", at: start)
        }
        names.append(name)
        index = names.count - 1
      }
      var monomial = [Int](repeating: 0, count: index + 2)
      monomial[index + 1] = 1
      return [monomial: 1]
    }
    if c == "(" {
      guard nesting < _ExpressionLimits.maximumNesting else {
        throw error("parentheses nest deeper than \(_ExpressionLimits.maximumNesting)")
      }
      nesting += 1
      position += 1
      let inner = try sum()
      skip()
      guard peek() == ")" else { throw error("missing ')'") }
      position += 1
      nesting -= 1
      return inner
    }
    throw error("unexpected '\(c)'")
  }
}
