import Multiprecision

/// A value recognised as a closed form, with the relation behind it and the digits it rests on.
///
/// The relation is an integer relation among `basis`, the numbers searched (`x` is the value):
/// `Σ relation.coefficients[i] · basis[i] = 0`. `digits` is the number of significant digits to which
/// the value equals `expression` (or the relation holds), measured on the most precise value seen:
/// the recomputed one when there was a confirmation. See `PrecisionDiscipline` for why an answer
/// needs digits ≥ 2 × coefficientDigits + margin.
public struct Identification: Sendable {
  /// The shape of the closed form.
  public enum Form: Sendable, Hashable, CustomStringConvertible {
    /// x = p/q.
    case rational
    /// x = (a + b·c)/(d + e·c) in one constant c.
    case mobius
    /// x·(d₀ + Σ dᵢcᵢ) = a₀ + Σ aᵢcᵢ in several constants.
    case linearFractional
    /// x is a root of an integer polynomial of this degree (its minimal polynomial).
    case algebraic(degree: Int)

    /// `rational`, `mobius`, `linear-fractional`, `algebraic of degree d`.
    public var description: String {
      switch self {
      case .rational: "rational"
      case .mobius: "mobius"
      case .linearFractional: "linear-fractional"
      case .algebraic(let degree): "algebraic of degree \(degree)"
      }
    }
  }

  /// The shape of the closed form.
  public let form: Form
  /// The closed form, printable and parseable (`6/zeta(3)`); `nil` only for an algebraic number of
  /// degree ≥ 3 that has no expression in real radicals here (see `relationText`).
  public let expression: ConstantExpression?
  /// The names of the numbers searched, in the order of the relation: `1`, `zeta(3)`, `x`, `x*zeta(3)`.
  public let basis: [String]
  /// The integer relation among `basis`.
  public let relation: IntegerRelation
  /// Significant digits to which the value equals the closed form.
  public let digits: Int
  /// The digits the value was known to when the relation was found.
  public let foundDigits: Int
  /// The digits of the recomputed value it was confirmed on; `nil` when it could not be recomputed.
  public let confirmedDigits: Int?

  /// The total decimal digits of the relation's coefficients (zeros count one).
  public var coefficientDigits: Int { relation.coefficientDigits }

  /// digits / coefficientDigits: how many times over the digits pay for the relation.
  public var ratio: Double { Double(digits) / Double(coefficientDigits) }

  /// The relation written out from the last basis element to the first, signed so that the first
  /// term is positive: `x*zeta(3)-6 = 0`, `x^2-x-1 = 0`.
  public var relationText: String {
    let terms = zip(relation.coefficients, basis).reversed().filter { !$0.0.isZero }
    let flip = terms.first?.0.isNegative ?? false
    var text = ""
    for (coefficient, name) in terms {
      let m = flip ? -coefficient : coefficient
      let magnitude = m.magnitude
      let term = name == "1" ? magnitude.description : (magnitude == 1 ? name : "\(magnitude)*\(name)")
      if text.isEmpty {
        text = (m.isNegative ? "-" : "") + term
      } else {
        text += (m.isNegative ? "-" : "+") + term
      }
    }
    return text + " = 0"
  }

  /// Everything given.
  public init(
    form: Form, expression: ConstantExpression?, basis: [String], relation: IntegerRelation, digits: Int,
    foundDigits: Int, confirmedDigits: Int?
  ) {
    self.form = form
    self.expression = expression
    self.basis = basis
    self.relation = relation
    self.digits = digits
    self.foundDigits = foundDigits
    self.confirmedDigits = confirmedDigits
  }
}
