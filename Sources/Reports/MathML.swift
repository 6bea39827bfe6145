import ContinuedFractions
import Identification
import Multiprecision
import Polynomials

/// Formulas as MathML (presentation markup), for the pages of a report: polynomials in n,
/// constant expressions (`6/zeta(3)` as a fraction over ζ(3)), and PCFs written as continued
/// fractions. Every number and name is a text node, escaped when written.
public enum MathML {
  /// A `<math>` element; `display` block or inline; `label` is read by screen readers.
  /// `displayStyle` keeps fractions of inline formulas at full size (in tables).
  public static func math(_ content: [Markup], block: Bool = false, label: String? = nil, displayStyle: Bool = false)
    -> Markup
  {
    var attributes = [("xmlns", "http://www.w3.org/1998/Math/MathML")]
    if block { attributes.append(("display", "block")) }
    if displayStyle && !block { attributes.append(("displaystyle", "true")) }
    if let label { attributes.append(("aria-label", label)) }
    return .node("math", attributes, [row(content)])
  }

  static func row(_ content: [Markup]) -> Markup { content.count == 1 ? content[0] : .node("mrow", [], content) }
  static func mi(_ s: String) -> Markup { .node("mi", text: s) }
  static func mn(_ s: String) -> Markup { .node("mn", text: s) }
  static func mo(_ s: String) -> Markup {
    // Parentheses keep their size (a(0), ζ(3)) instead of stretching around a tall neighbour.
    s == "(" || s == ")" ? .node("mo", [("stretchy", "false")], text: s) : .node("mo", text: s)
  }
  static func fraction(_ numerator: Markup, _ denominator: Markup) -> Markup {
    .node("mfrac", [], [numerator, denominator])
  }

  /// A fraction whose parts keep the display size: the levels of a continued fraction do not shrink.
  static func displayFraction(_ numerator: Markup, _ denominator: Markup) -> Markup {
    .node(
      "mfrac", [],
      [
        .node("mrow", [("displaystyle", "true")], [numerator]),
        .node("mrow", [("displaystyle", "true")], [denominator]),
      ])
  }
  static func power(_ base: Markup, _ exponent: Markup) -> Markup { .node("msup", [], [base, exponent]) }
  /// A medium space between two formulas of one line.
  static let mspace = Markup.node("mspace", [("width", "1em")])
  static func parenthesized(_ m: Markup) -> Markup { row([mo("("), m, mo(")")]) }

  /// An integer, with a true minus sign.
  public static func integer(_ k: BigInt) -> Markup {
    k.signum < 0 ? row([mo("−"), mn((-k).description)]) : mn(k.description)
  }

  /// An integer inside a fraction: the minus sign kept in the same `<mn>`, so that it reads as one number.
  static func signedNumber(_ k: BigInt) -> Markup { mn(k.signum < 0 ? "−" + (-k).description : k.description) }

  /// `p` in the variable `variable`, highest power first: 34n³ + 51n² + 27n + 5, −n⁶.
  public static func polynomial(_ p: Polynomial, variable: String = "n") -> Markup {
    guard !p.isZero else { return mn("0") }
    var parts: [Markup] = []
    for k in stride(from: p.degree, through: 0, by: -1) {
      let c = p[k]
      if c.isZero { continue }
      let negative = c.signum < 0
      if parts.isEmpty {
        if negative { parts.append(mo("−")) }
      } else {
        parts.append(mo(negative ? "−" : "+"))
      }
      let magnitude = negative ? -c : c
      var term: [Markup] = []
      if magnitude != 1 || k == 0 { term.append(mn(magnitude.description)) }
      if k > 0 && magnitude != 1 { term.append(mo("\u{2062}")) }  // invisible times
      if k == 1 { term.append(mi(variable)) }
      if k > 1 { term.append(power(mi(variable), mn(String(k)))) }
      parts.append(row(term))
    }
    return row(parts)
  }

  /// A catalog constant: π, e, ζ(3), G, ln 2, √2, φ, γ, δ_G, G_Gauss, ϖ, K₀, A.
  public static func constant(_ c: Constant) -> Markup {
    switch c.kind {
    case .pi: return mi("π")
    case .e: return mi("e")
    case .zeta(let k): return row([mi("ζ"), mo("("), mn(String(k)), mo(")")])
    case .catalan: return mi("G")
    case .log(let k): return row([mi("ln"), mo("\u{2061}"), mn(String(k))])
    case .sqrt(let k): return .node("msqrt", [], [mn(String(k))])
    case .goldenRatio: return mi("φ")
    case .eulerGamma: return mi("γ")
    case .gompertz: return .node("msub", [], [mi("δ"), mi("G")])
    // Gauss' constant beside Catalan's G: a subscript tells them apart.
    case .gauss: return .node("msub", [], [mi("G"), mi("Gauss")])
    case .lemniscate: return mi("ϖ")
    case .khinchin: return .node("msub", [], [mi("K"), mn("0")])
    case .glaisher: return mi("A")
    }
  }

  /// A constant expression; divisions are written as fractions.
  public static func expression(_ e: ConstantExpression) -> Markup { _expression(e).markup }

  /// Binding strength of the written form: 1 sum, 2 product, 3 negation, 4 power, 5 atom (a
  /// fraction, written as a block, is an atom).
  static func _expression(_ e: ConstantExpression) -> (markup: Markup, level: Int, leadsWithNumber: Bool) {
    func operand(_ x: ConstantExpression, atLeast level: Int) -> Markup {
      let (m, own, _) = _expression(x)
      return own < level ? parenthesized(m) : m
    }
    switch e {
    case .number(let r):
      if r.isInteger { return (integer(r.numerator), r.signum < 0 ? 3 : 5, true) }
      let f = fraction(mn(r.numerator.magnitude.description), mn(r.denominator.description))
      return r.signum < 0 ? (row([mo("−"), f]), 3, false) : (f, 5, true)
    case .constant(let c): return (constant(c), 5, false)
    case .negate(let x): return (row([mo("−"), operand(x, atLeast: 3)]), 3, false)
    case .add(let x, let y):
      return (row([operand(x, atLeast: 1), mo("+"), operand(y, atLeast: 2)]), 1, _expression(x).leadsWithNumber)
    case .subtract(let x, let y):
      return (row([operand(x, atLeast: 1), mo("−"), operand(y, atLeast: 2)]), 1, _expression(x).leadsWithNumber)
    case .multiply(let x, let y):
      // 7ζ(3) with an invisible times; 2·3 and x·2 with a visible dot.
      let visible = _expression(y).leadsWithNumber
      return (
        row([operand(x, atLeast: 2), mo(visible ? "·" : "\u{2062}"), operand(y, atLeast: 3)]), 2,
        _expression(x).leadsWithNumber
      )
    case .divide(let x, let y): return (fraction(expression(x), expression(y)), 5, true)
    case .power(let x, let y): return (power(operand(x, atLeast: 5), expression(y)), 4, _expression(x).leadsWithNumber)
    case .function(let f, let x):
      switch f {
      case .sqrt: return (.node("msqrt", [], [expression(x)]), 5, false)
      case .exp: return (power(mi("e"), expression(x)), 4, false)
      case .log: return (row([mi("ln"), mo("\u{2061}"), parenthesized(expression(x))]), 5, false)
      }
    }
  }

  /// The PCF as a continued fraction with its first `terms` partial quotients as numbers,
  /// a(0) + b(1)/(a(1) + b(2)/(a(2) + ⋱)), followed by the general form a(0) + K b(n)/a(n).
  public static func continuedFraction(_ pcf: PCF, terms: Int = 3) -> Markup {
    // Innermost first: a(terms) + ⋱.
    var inner = row([signedNumber(pcf.a(terms)), mo("+"), mo("⋱")])
    for k in stride(from: terms - 1, through: 0, by: -1) {
      inner = row([signedNumber(pcf.a(k)), mo("+"), displayFraction(signedNumber(pcf.b(k + 1)), inner)])
    }
    return inner
  }

  /// a(0) + K_{n=1}^{∞} b(n)/a(n), Gauss's notation for the continued fraction.
  public static func gaussNotation() -> Markup {
    let k = Markup.node(
      "munderover", [],
      [.node("mi", [("mathvariant", "normal")], text: "K"), row([mi("n"), mo("="), mn("1")]), mi("∞")])
    return row([
      mi("a"), mo("("), mn("0"), mo(")"), mo("+"), k,
      fraction(row([mi("b"), mo("("), mi("n"), mo(")")]), row([mi("a"), mo("("), mi("n"), mo(")")])),
    ])
  }
}
