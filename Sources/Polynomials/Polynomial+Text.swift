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
