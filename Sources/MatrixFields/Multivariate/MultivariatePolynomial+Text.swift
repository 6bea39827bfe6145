import Multiprecision
import Polynomials

extension MultivariatePolynomial {
  /// Canonical text in the given variable names, highest total degree first (then lexicographic):
  /// `x^3 + 2x^2y - 2xy^2 + y^3`. Names of one letter are juxtaposed, longer names (`x0`) joined
  /// by `*`. Parsing the text with the same names gives the polynomial back.
  public func description(variables names: [String]) -> String {
    precondition(names.count == variableCount, "\(names.count) names for \(variableCount) variables")
    if isZero { return "0" }
    let join = names.allSatisfy { $0.count == 1 } ? "" : "*"
    let ordered = terms.sorted {
      $0.key.degree != $1.key.degree ? $0.key.degree > $1.key.degree : $0.key > $1.key
    }
    var out = ""
    for (m, c) in ordered {
      if out.isEmpty {
        if c.isNegative { out += "-" }
      } else {
        out += c.isNegative ? " - " : " + "
      }
      let magnitude = c.magnitude
      let powers = m.exponents.enumerated().filter { $0.element > 0 }.map { i, e in
        e == 1 ? names[i] : "\(names[i])^\(e)"
      }
      if powers.isEmpty {
        out += magnitude.description
      } else {
        if magnitude != 1 { out += magnitude.description + join }
        out += powers.joined(separator: join)
      }
    }
    return out
  }

  /// Whether the text of this polynomial is a single term (no `+` or `-` between terms).
  var _isSingleTerm: Bool { terms.count <= 1 }
}

extension MultivariateRationalFunction {
  /// Canonical text: the numerator, over the denominator as a product of factor powers:
  /// `(x + 1)/(2y(x - y)^2)`. Parsing it with the same names gives the function back.
  public func description(variables names: [String]) -> String {
    let top = numerator.description(variables: names)
    if isPolynomial { return top }
    let join = names.allSatisfy { $0.count == 1 } ? "" : "*"
    var parts: [String] = []
    if denominatorConstant != 1 { parts.append(denominatorConstant.description) }
    for (f, e) in denominatorFactors {
      let text = f.description(variables: names)
      let isVariable = f.terms.count == 1 && f.leadingCoefficient == 1 && f.totalDegree == 1
      let base = isVariable ? text : "(\(text))"
      parts.append(e == 1 ? base : "\(base)^\(e)")
    }
    let bottom = parts.joined(separator: join)
    let numeratorText = numerator._isSingleTerm ? top : "(\(top))"
    // Division takes one factor (`x/2y` is (x/2)·y), so a product below needs parentheses.
    return "\(numeratorText)/\(parts.count > 1 ? "(\(bottom))" : bottom)"
  }
}
