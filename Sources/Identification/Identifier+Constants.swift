extension Identifier {
  /// The constants of a comma-separated list such as `pi,e,zeta(3),G,log(2)` or
  /// `pi*log(2+sqrt(3)), 4^(1/3)`: each entry an expression of `ConstantExpression` (commas inside
  /// parentheses do not separate).
  ///
  /// Throws `IdentificationError.unknownConstant` for a name that is neither a catalog constant nor one
  /// of the functions `zeta`, `log`, `ln`, `sqrt`, `exp` (the message lists the known names),
  /// `.emptyConstant` for an empty entry, `.unreadableConstant` for an entry that does not parse.
  /// - Complexity: O(length of the list).
  public static func constants(parsing list: String) throws(IdentificationError) -> [ConstantExpression] {
    var entries: [String] = []
    var current = ""
    var depth = 0
    for c in list {
      if c == "," && depth == 0 {
        entries.append(current)
        current = ""
        continue
      }
      if c == "(" { depth += 1 }
      if c == ")" { depth -= 1 }
      current.append(c)
    }
    entries.append(current)
    var result: [ConstantExpression] = []
    for (position, entry) in entries.enumerated() {
      let text = String(entry._trimmed())
      guard !text.isEmpty else { throw .emptyConstant(position: position + 1, list: list) }
      if let unknown = _unknownName(in: text) { throw .unknownConstant(unknown) }
      do {
        result.append(try ConstantExpression(parsing: text))
      } catch {
        throw .unreadableConstant(text: text, message: error.description)
      }
    }
    return result
  }

  /// The first name in `text` that is neither a catalog constant nor (before a parenthesis) a function.
  static func _unknownName(in text: String) -> String? {
    let characters = Array(text)
    var i = 0
    while i < characters.count {
      let c = characters[i]
      if c.isASCII && c.isNumber {
        // A number: skip it whole, so the `e` of no exponent is ever read as a name here.
        while i < characters.count, characters[i].isASCII, characters[i].isNumber || characters[i] == "." { i += 1 }
        continue
      }
      guard c.isASCII && (c.isLetter || c == "_") else {
        i += 1
        continue
      }
      let start = i
      while i < characters.count, characters[i].isASCII,
        characters[i].isLetter || characters[i].isNumber || characters[i] == "_"
      {
        i += 1
      }
      let name = String(characters[start..<i])
      var next = i
      while next < characters.count, characters[next].isWhitespace { next += 1 }
      let isCall = next < characters.count && characters[next] == "("
      let known = isCall ? ["zeta", "log", "ln", "sqrt", "exp"].contains(name) : Constant._simpleNames[name] != nil
      if !known { return name }
    }
    return nil
  }
}
