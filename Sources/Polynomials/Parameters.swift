import Multiprecision

/// Symbolic integer parameters of a family of polynomials, e.g. `c` in `(2n+1)(c n^2 + c n + 5)`,
/// with the values each takes: `c=1..17`, `c=-2,0,3`. A family is the Cartesian product of its
/// parameters' values, in the order given (the last parameter varies fastest).
///
/// Substitution is exact: every occurrence of a parameter's name in a polynomial's text is
/// replaced by its value in parentheses before the text is parsed, so `2c`, `c n`, `c^2` and
/// `(n+c)(n-c)` mean what they say. A one-letter name replaces that letter everywhere (`cn` is
/// c·n); a longer name replaces whole words.
public struct Parameters: Sendable, Hashable {
  /// The parameters in order, each with its values.
  public let values: [(name: String, values: [BigInt])]

  /// The largest family: more members are refused (a family is walked member by member).
  public static let maxMembers = 100_000

  /// Reads `NAME=LO..HI` (inclusive) or `NAME=V1,V2,...` for each parameter.
  /// - Throws: `ParameterError` naming the text: a bad name (`n`, not a letter first, repeated),
  ///   a bad value or range (empty, LO > HI), or a family above `maxMembers`.
  public init(parsing specs: [String]) throws(ParameterError) {
    var out: [(String, [BigInt])] = []
    var members = 1
    for spec in specs {
      let parts = spec.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2 else { throw .syntax(spec, "expected NAME=LO..HI or NAME=V1,V2,...") }
      let name = String(parts[0]).trimmingSpaces
      guard let first = name.first, first.isLetter, first.isASCII,
        name.allSatisfy({ ($0.isLetter || $0.isNumber || $0 == "_") && $0.isASCII })
      else { throw .syntax(spec, "the name '\(name)' must be ASCII letters, digits and '_', starting with a letter") }
      guard name != "n" else { throw .syntax(spec, "'n' is the variable of the polynomials, not a parameter") }
      guard !out.contains(where: { $0.0 == name }) else {
        throw .syntax(spec, "the parameter '\(name)' is given twice")
      }
      let body = String(parts[1]).trimmingSpaces
      var values: [BigInt] = []
      let dots = Array(body).indices.first { i in
        i + 1 < body.count && Array(body)[i] == "." && Array(body)[i + 1] == "."
      }
      if let dots {
        let characters = Array(body)
        guard let low = Int(String(characters[..<dots]).trimmingSpaces),
          let high = Int(String(characters[(dots + 2)...]).trimmingSpaces)
        else { throw .syntax(spec, "the range '\(body)' must be two integers LO..HI") }
        guard low <= high else { throw .syntax(spec, "the range \(low)..\(high) is empty") }
        guard high - low < Self.maxMembers else { throw .tooMany(spec, limit: Self.maxMembers) }
        values = (low...high).map { BigInt($0) }
      } else {
        for item in body.split(separator: ",", omittingEmptySubsequences: false) {
          guard let v = BigInt(String(item).trimmingSpaces) else {
            throw .syntax(spec, "'\(item)' is not an integer value")
          }
          values.append(v)
        }
      }
      let (product, overflow) = members.multipliedReportingOverflow(by: values.count)
      guard !overflow, product <= Self.maxMembers else { throw .tooMany(spec, limit: Self.maxMembers) }
      members = product
      out.append((name, values))
    }
    self.values = out
  }

  public static func == (lhs: Parameters, rhs: Parameters) -> Bool {
    lhs.values.map(\.name) == rhs.values.map(\.name) && lhs.values.map(\.values) == rhs.values.map(\.values)
  }

  public func hash(into hasher: inout Hasher) {
    for (name, values) in values {
      hasher.combine(name)
      hasher.combine(values)
    }
  }

  public var isEmpty: Bool { values.isEmpty }

  /// Every member of the family: one assignment of a value to each parameter, in order.
  public var members: [[(name: String, value: BigInt)]] {
    var out: [[(name: String, value: BigInt)]] = [[]]
    for (name, values) in self.values {
      out = out.flatMap { prefix in values.map { prefix + [(name, $0)] } }
    }
    return out
  }

  /// `text` with each parameter replaced by its value in parentheses.
  public static func substitute(_ assignment: [(name: String, value: BigInt)], into text: String) -> String {
    var text = text
    for (name, value) in assignment {
      let replacement = "(\(value))"
      if name.count == 1 {
        text = text.replacingEvery(name.first!, with: replacement)
      } else {
        text = text.replacingWords(name, with: replacement)
      }
    }
    return text
  }

  /// "c=3, d=-1": the label of a member.
  public static func label(_ assignment: [(name: String, value: BigInt)]) -> String {
    assignment.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
  }
}

/// A parameter specification that cannot be read.
public enum ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
  case syntax(String, String)
  case tooMany(String, limit: Int)

  public var description: String {
    switch self {
    case .syntax(let spec, let why): return "parameter '\(_escapedControls(spec))': \(why)"
    case .tooMany(let spec, let limit):
      return "parameter '\(_escapedControls(spec))': the family has more than \(limit) members; walk it in slices"
    }
  }
}

extension String {
  var trimmingSpaces: String {
    var s = Substring(self)
    while s.first == " " { s.removeFirst() }
    while s.last == " " { s.removeLast() }
    return String(s)
  }

  func replacingEvery(_ c: Character, with replacement: String) -> String {
    var out = ""
    for x in self { if x == c { out += replacement } else { out.append(x) } }
    return out
  }

  func replacingWords(_ word: String, with replacement: String) -> String {
    let chars = Array(self)
    let target = Array(word)
    var out = ""
    var i = 0
    func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
    while i < chars.count {
      if i + target.count <= chars.count, Array(chars[i..<i + target.count]) == target,
        i == 0 || !isWord(chars[i - 1]), i + target.count == chars.count || !isWord(chars[i + target.count])
      {
        out += replacement
        i += target.count
      } else {
        out.append(chars[i])
        i += 1
      }
    }
    return out
  }
}

extension Substring {
  var trimmingSpaces: String { String(self).trimmingSpaces }
}
