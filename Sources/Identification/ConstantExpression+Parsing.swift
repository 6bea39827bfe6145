import Multiprecision

extension ConstantExpression {
  /// Parses an expression such as `6/zeta(3)`, `1/(e-1)`, `(4^(1/3)+1)/(4^(1/3)-1)`, `pi*log(2+sqrt(3))`.
  ///
  /// Grammar, loosest first: `+ -` (left), `* /` (left), unary `-` and `+`, `^` (right; `-x^2` is
  /// -(x²) and `2^-1` is 1/2), then numbers (`12`, `0.25`), constant names (`pi`, `e`, `G`, `phi`, `gamma`,
  /// `delta_Gompertz` and the aliases `catalan`, `euler_gamma`, `gompertz`), calls `zeta(k)` (k an exact
  /// integer ≥ 2, such as `3` or `2+1`), `log(x)` (alias `ln`), `sqrt(x)`, `exp(x)`, and parentheses.
  /// Spaces between tokens are ignored; there is no implicit multiplication.
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

    public var description: String {
      switch self {
      case .empty:
        return "empty expression"
      case .unreadable(let text, let column, let expression):
        return "cannot read '\(text)' at column \(column) of '\(expression)'"
      case .missing(let expected, let column, let expression):
        return "missing \(expected) at column \(column) of '\(expression)'"
      case .invalidArgument(let call, let requirement, let column, let expression):
        return "cannot use \(call) at column \(column) of '\(expression)': \(requirement)"
      }
    }
  }
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
    return expression
  }

  // MARK: Grammar

  mutating func parseSum() throws(ParseError) -> ConstantExpression {
    var result = try parseProduct()
    while case .symbol(let c) = token, c == "+" || c == "-" {
      try advance()
      let rhs = try parseProduct()
      result = c == "+" ? .add(result, rhs) : .subtract(result, rhs)
    }
    return result
  }

  mutating func parseProduct() throws(ParseError) -> ConstantExpression {
    var result = try parseUnary()
    while case .symbol(let c) = token, c == "*" || c == "/" {
      try advance()
      let rhs = try parseUnary()
      result = c == "*" ? .multiply(result, rhs) : .divide(result, rhs)
    }
    return result
  }

  mutating func parseUnary() throws(ParseError) -> ConstantExpression {
    if case .symbol(let c) = token, c == "-" || c == "+" {
      try advance()
      let operand = try parseUnary()
      return c == "-" ? .negate(operand) : operand
    }
    return try parsePower()
  }

  mutating func parsePower() throws(ParseError) -> ConstantExpression {
    let base = try parsePrimary()
    guard token == .symbol("^") else { return base }
    try advance()
    return .power(base, try parseUnary())
  }

  mutating func parsePrimary() throws(ParseError) -> ConstantExpression {
    switch token {
    case .number(let value, _):
      try advance()
      return .number(value)
    case .symbol("("):
      try advance()
      let inner = try parseSum()
      try expect(")")
      return inner
    case .name(let name):
      if let constant = Constant._simpleNames[name] {
        try advance()
        return .constant(constant)
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
  mutating func parseCall(_ name: String) throws(ParseError) -> ConstantExpression {
    let column = tokenStart + 1
    try advance()
    try expect("(")
    let argumentStart = tokenStart
    let argument = try parseSum()
    let argumentText = String(characters[argumentStart..<tokenStart])._trimmed()
    try expect(")")
    if name == "exp" { return .function(.exp, argument) }
    let family = Constant.Function(name: name)!
    // log and sqrt of an integer literal in the catalog make the constant itself; zeta needs an integer.
    let k: Int?
    if family == .zeta {
      k = argument.rationalValue.flatMap { $0.isInteger ? Int(exactly: $0.numerator) : nil }
    } else if case .number(let r) = argument, r.isInteger {
      k = Int(exactly: r.numerator)
    } else {
      k = nil
    }
    if let k, family.accepts(k) { return .constant(family.constant(k)) }
    switch family {
    case .zeta:
      throw .invalidArgument(
        call: "zeta(\(argumentText))", requirement: family.requirement, column: column, expression: source)
    case .log: return .function(.log, argument)
    case .sqrt: return .function(.sqrt, argument)
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
