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
  /// `-(2n-1)(n+1)`, `(2n+1)(17n^2+17n+5)`, `2*n**2 - 3`. Juxtaposition multiplies (`2n`, `2 n`,
  /// `(n+1)(n+2)`), but two numbers side by side (`2 3`, `1 000`) are an error; `^` and `**` take
  /// non-negative integer exponents.
  ///
  /// Limits, checked before anything is expanded: parentheses nest at most 200 deep; exponents and
  /// the degree are at most 10000 (`n^10000` is built directly); coefficients reach at most 2^20
  /// bits; expanding products and powers takes at most about 3·10^7 coefficient operations (about a
  /// second: `(n+1)^1000` is read, `(n+1)^10000` refused).
  /// - Throws: `PolynomialParseError` naming the column, also when a coefficient is not an integer.
  /// - Complexity: one pass over the text, plus the expansions the limits admit.
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
  /// Reads a polynomial with rational coefficients (`n/2 + 1/3`); division only by constants. The
  /// grammar and limits are those of `Polynomial(parsing:variable:)`.
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
