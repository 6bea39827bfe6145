import Multiprecision

extension ConstantExpression {
  /// Parses an expression such as `6/zeta(3)`, `1/(e-1)`, `(4^(1/3)+1)/(4^(1/3)-1)`, `pi*log(2+sqrt(3))`.
  ///
  /// Grammar, loosest first: `+ -` (left), `* /` (left), unary `-` and `+`, `^` (right; `-x^2` is
  /// -(x²) and `2^-1` is 1/2), then numbers (`12`, `0.25`), constant names (`pi`, `e`, `G`, `phi`, `gamma`,
  /// `delta_Gompertz` and the aliases `catalan`, `euler_gamma`, `gompertz`), calls `zeta(k)` (k an exact
  /// integer ≥ 2, such as `3` or `2+1`), `log(x)` (alias `ln`), `sqrt(x)`, `exp(x)`, and parentheses.
  /// Spaces between tokens are ignored; there is no implicit multiplication (`2 3` is an error).
  ///
  /// The tree is at most `maximumDepth` (200) levels deep: parentheses, signs, powers and each operator
  /// of a chain such as `1+1+…` add a level, so that evaluating, printing and comparing it never
  /// exhausts the stack.
  ///
  /// Throws `ParseError` naming the column (1-based) and the text that could not be read.
  /// - Complexity: O(n) in the length of the text.
  public init(parsing text: String) throws(ParseError) {
    var parser = _Parser(text)
    self = try parser.parseAll()
  }

  /// Text that is not an expression, with where it went wrong.
  public enum ParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is empty or only spaces.
    case empty
    /// `text` at `column` (1-based) cannot be read there.
    case unreadable(text: String, column: Int, expression: String)
    /// The expression ends, or a token stands, where `expected` was needed.
    case missing(expected: String, column: Int, expression: String)
    /// `zeta` of an argument that is not an integer k ≥ 2.
    case invalidArgument(call: String, requirement: String, column: Int, expression: String)
    /// The tree would be deeper than `limit` levels at `column`.
    case tooDeep(limit: Int, column: Int, expression: String)
    /// The exact rational value would need about `bits` bits (more than `limit`) at `column`.
    case tooLarge(bits: Double, limit: Int, column: Int, expression: String)

    /// One line: control characters in the expression are shown as escapes such as `\n`.
    public var description: String { _escapedControls(text) }

    var text: String {
      switch self {
      case .empty:
        return "empty expression"
      case .unreadable(let text, let column, let expression):
        return "cannot read '\(text)' at column \(column) of '\(expression)'"
      case .missing(let expected, let column, let expression):
        return "missing \(expected) at column \(column) of '\(expression)'"
      case .invalidArgument(let call, let requirement, let column, let expression):
        return "cannot use \(call) at column \(column) of '\(expression)': \(requirement)"
      case .tooDeep(let limit, let column, let expression):
        return "nested deeper than \(limit) levels at column \(column) of '\(expression)' (parentheses, signs, "
          + "powers and each operator of a chain add a level)"
      case .tooLarge(let bits, let limit, let column, let expression):
        return "the exact value at column \(column) of '\(expression)' would need about \(_bitCount(bits)) bits, "
          + "above the limit of \(limit)"
      }
    }
  }
}

extension ConstantExpression {
  /// The deepest tree `init(parsing:)` builds.
  public static let maximumDepth = 200
}

/// A count of bits for a message: an integer below a million, otherwise `1.2e8`.
func _bitCount(_ x: Double) -> String {
  guard x.isFinite else { return "more than 1e308" }
  if x < 1e6 { return String(Int(x)) }
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

/// Recursive descent over the characters of the text; columns count characters from 1.
struct _Parser {
  enum Token: Equatable {
    case number(BigRational, String)
    case name(String)
    case symbol(Character)
    case end
  }

  let source: String
  let characters: [Character]
  var position = 0
  /// The current token, starting at `tokenStart`.
  var token: Token = .end
  var tokenStart = 0
  /// Open parentheses, calls and exponents around the current token.
  var nesting = 0

  init(_ source: String) {
    self.source = source
    self.characters = Array(source)
  }

  typealias ParseError = ConstantExpression.ParseError

  mutating func parseAll() throws(ParseError) -> ConstantExpression {
    try advance()
    if token == .end { throw .empty }
    let expression = try parseSum()
    guard token == .end else { throw unreadable() }
    return expression.expression
  }

  // MARK: Grammar

  /// The deepest tree the parser builds.
  static let maximumDepth = ConstantExpression.maximumDepth

  /// An expression with the depth of its tree (a leaf is 1).
  /// `exactBits` bounds the bits of numerator and denominator of the exact value that
  /// `rationalValue` would compute; `nil` when it computes none (a constant, a function, a large power).
  typealias Node = (expression: ConstantExpression, depth: Int, exactBits: Double?)

  /// The most bits the exact value of an expression may need (as `rationalValue` allows one power).
  static let maximumExactBits = Double(1 << 22)

  /// A leaf.
  func leaf(_ expression: ConstantExpression) -> Node {
    if case .number(let r) = expression {
      return (expression, 1, Double(r.numerator.bitWidth + r.denominator.bitWidth))
    }
    return (expression, 1, nil)
  }

  /// `expression` over `children`, or `.tooDeep` / `.tooLarge` at the column of `at`.
  func node(_ expression: ConstantExpression, _ children: Node..., at: Int) throws(ParseError) -> Node {
    let depth = (children.map(\.depth).max() ?? 0) + 1
    guard depth <= Self.maximumDepth else {
      throw .tooDeep(limit: Self.maximumDepth, column: at + 1, expression: source)
    }
    var bits: Double?
    let exact = children.compactMap(\.exactBits)
    if exact.count == children.count {
      switch expression {
      case .negate: bits = exact[0]
      case .add, .subtract: bits = exact[0] + exact[1] + 1
      case .multiply, .divide: bits = exact[0] + exact[1]
      case .power(_, let exponent):
        // `rationalValue` computes a power only for an integer exponent k, |k| ≤ 4096, and a result
        // of at most 2^22 bits; the estimate of the base being an upper bound, a power may need up
        // to that much. An exponent too large to evaluate here counts as the largest k.
        let value = _smallValue(exponent)
        if let value, !value.isInteger || Int(exactly: value.numerator).map({ Swift.abs($0) > 4096 }) ?? true {
          bits = nil
        } else {
          let k = value.flatMap { Int(exactly: $0.numerator) }.map { Swift.abs($0) } ?? 4096
          bits = min(exact[0] * Double(k), Self.maximumExactBits)
        }
      default: bits = nil
      }
    }
    if let bits, bits > Self.maximumExactBits {
      throw .tooLarge(bits: bits, limit: Int(Self.maximumExactBits), column: at + 1, expression: source)
    }
    return (expression, depth, bits)
  }

  mutating func parseSum() throws(ParseError) -> Node {
    var result = try parseProduct()
    while case .symbol(let c) = token, c == "+" || c == "-" {
      let at = tokenStart
      try advance()
      let rhs = try parseProduct()
      let e: ConstantExpression =
        c == "+" ? .add(result.expression, rhs.expression) : .subtract(result.expression, rhs.expression)
      result = try node(e, result, rhs, at: at)
    }
    return result
  }

  mutating func parseProduct() throws(ParseError) -> Node {
    var result = try parseUnary()
    while case .symbol(let c) = token, c == "*" || c == "/" {
      let at = tokenStart
      try advance()
      let rhs = try parseUnary()
      let e: ConstantExpression =
        c == "*" ? .multiply(result.expression, rhs.expression) : .divide(result.expression, rhs.expression)
      result = try node(e, result, rhs, at: at)
    }
    return result
  }

  mutating func parseUnary() throws(ParseError) -> Node {
    // Signs are counted before recursing: a chain of them is refused at its limit, not on the stack.
    var signs: [(negative: Bool, at: Int)] = []
    while case .symbol(let c) = token, c == "-" || c == "+" {
      guard signs.count < Self.maximumDepth else {
        throw .tooDeep(limit: Self.maximumDepth, column: tokenStart + 1, expression: source)
      }
      signs.append((c == "-", tokenStart))
      try advance()
    }
    var result = try parsePower()
    for sign in signs.reversed() where sign.negative {
      result = try node(.negate(result.expression), result, at: sign.at)
    }
    return result
  }

  mutating func parsePower() throws(ParseError) -> Node {
    let base = try parsePrimary()
    guard token == .symbol("^") else { return base }
    let at = tokenStart
    try enter(at: at)
    try advance()
    let exponent = try parseUnary()
    nesting -= 1
    return try node(.power(base.expression, exponent.expression), base, exponent, at: at)
  }

  /// One more level of recursion (a parenthesis, an exponent, a call), or `.tooDeep` at `at`.
  mutating func enter(at: Int) throws(ParseError) {
    guard nesting < Self.maximumDepth else {
      throw .tooDeep(limit: Self.maximumDepth, column: at + 1, expression: source)
    }
    nesting += 1
  }

  mutating func parsePrimary() throws(ParseError) -> Node {
    switch token {
    case .number(let value, _):
      try advance()
      return leaf(.number(value))
    case .symbol("("):
      try enter(at: tokenStart)
      try advance()
      let inner = try parseSum()
      try expect(")")
      nesting -= 1
      return inner
    case .name(let name):
      if let constant = Constant._simpleNames[name] {
        try advance()
        return leaf(.constant(constant))
      }
      if name == "exp" || Constant.Function(name: name) != nil {
        return try parseCall(name)
      }
      throw unreadable()
    case .end:
      throw missing("operand")
    default:
      throw unreadable()
    }
  }

  /// `zeta(k)`, `log(x)`, `sqrt(x)`, `exp(x)`, the current token being the name.
  mutating func parseCall(_ name: String) throws(ParseError) -> Node {
    let column = tokenStart + 1
    try enter(at: tokenStart)
    try advance()
    try expect("(")
    let argumentStart = tokenStart
    let inner = try parseSum()
    let argument = inner.expression
    let argumentText = String(characters[argumentStart..<tokenStart])._trimmed()
    try expect(")")
    nesting -= 1
    if name == "exp" { return try node(.function(.exp, argument), inner, at: column - 1) }
    let family = Constant.Function(name: name)!
    // log and sqrt of an integer literal in the catalog make the constant itself; zeta needs an integer.
    let k: Int?
    if family == .zeta {
      k = _smallValue(argument).flatMap { $0.isInteger ? Int(exactly: $0.numerator) : nil }
    } else if case .number(let r) = argument, r.isInteger {
      k = Int(exactly: r.numerator)
    } else {
      k = nil
    }
    if let k, family.accepts(k) { return leaf(.constant(family.constant(k))) }
    switch family {
    case .zeta:
      throw .invalidArgument(
        call: "zeta(\(argumentText))", requirement: family.requirement, column: column, expression: source)
    case .log: return try node(.function(.log, argument), inner, at: column - 1)
    case .sqrt: return try node(.function(.sqrt, argument), inner, at: column - 1)
    }
  }

  /// The exact value of an argument of `zeta` when it is a small rational (numerator and denominator
  /// below 2^256 at every step), else `nil`: k of zeta(k) is a small integer, so no huge power or
  /// product is ever computed here.
  func _smallValue(_ x: ConstantExpression) -> BigRational? {
    func small(_ r: BigRational) -> BigRational? {
      r.numerator.bitWidth <= 256 && r.denominator.bitWidth <= 256 ? r : nil
    }
    switch x {
    case .number(let r): return small(r)
    case .constant, .function: return nil
    case .negate(let a): return _smallValue(a).map { -$0 }
    case .add(let a, let b): return _smallValue(a).flatMap { u in _smallValue(b).flatMap { small(u + $0) } }
    case .subtract(let a, let b): return _smallValue(a).flatMap { u in _smallValue(b).flatMap { small(u - $0) } }
    case .multiply(let a, let b): return _smallValue(a).flatMap { u in _smallValue(b).flatMap { small(u * $0) } }
    case .divide(let a, let b):
      guard let u = _smallValue(a), let v = _smallValue(b), !v.isZero else { return nil }
      return small(u / v)
    case .power(let a, let b):
      guard let u = _smallValue(a), let v = _smallValue(b), v.isInteger, let k = Int(exactly: v.numerator),
        Swift.abs(k) <= 256, (u.numerator.bitWidth + u.denominator.bitWidth) * Swift.abs(k) <= 1024,
        k >= 0 || !u.isZero
      else { return nil }
      let p = u.numerator.power(Swift.abs(k))
      let q = u.denominator.power(Swift.abs(k))
      return small(k >= 0 ? BigRational(p, q) : BigRational(q, p))
    }
  }

  mutating func expect(_ symbol: Character) throws(ParseError) {
    guard token == .symbol(symbol) else { throw missing("'\(symbol)'") }
    try advance()
  }

  func unreadable() -> ParseError {
    let text: String
    switch token {
    case .number(_, let literal): text = literal
    case .name(let name): text = name
    case .symbol(let c): text = String(c)
    case .end: return missing("operand")
    }
    return .unreadable(text: text, column: tokenStart + 1, expression: source)
  }

  /// `expected` is needed here: missing at the end of the text, otherwise the token found is unreadable.
  func missing(_ expected: String) -> ParseError {
    guard token == .end else { return unreadable() }
    return .missing(expected: expected, column: tokenStart + 1, expression: source)
  }

  // MARK: Tokens

  /// Reads the next token into `token`.
  mutating func advance() throws(ParseError) {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
    tokenStart = position
    guard position < characters.count else {
      token = .end
      return
    }
    let c = characters[position]
    if c.isASCII && c.isNumber {
      token = try readNumber()
    } else if c.isASCII && (c.isLetter || c == "_") {
      while position < characters.count,
        characters[position].isASCII
          && (characters[position].isLetter || characters[position].isNumber
            || characters[position] == "_")
      {
        position += 1
      }
      token = .name(String(characters[tokenStart..<position]))
    } else {
      position += 1
      token = .symbol(c)
    }
  }

  /// `digits` or `digits.digits`.
  mutating func readNumber() throws(ParseError) -> Token {
    func digits() -> Int {
      let start = position
      while position < characters.count, characters[position].isASCII, characters[position].isNumber {
        position += 1
      }
      return position - start
    }
    _ = digits()
    if position < characters.count, characters[position] == "." {
      position += 1
      if digits() == 0 {
        throw .unreadable(
          text: String(characters[tokenStart..<position]), column: tokenStart + 1, expression: source)
      }
    }
    let literal = String(characters[tokenStart..<position])
    return .number(BigRational(literal)!, literal)
  }
}
