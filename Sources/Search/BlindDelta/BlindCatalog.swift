import Identification

/// The constants blind-δ identifies limits against when a spec names none: the constants of the
/// paper's anchors and the families a PCF of low degree is known to reach.
///
/// Each entry is one constant of a Möbius form (c0 + c1·x)/(d0 + d1·x); entries that are Möbius
/// transforms of one another are left out (ζ(2) = π²/6 is `pi^2`, φ is `sqrt(5)`, ln 4 is 2·ln 2).
public enum BlindCatalog {
  /// π, π², e, e², √2, √3, √5 (as φ), √6, √7, ln 2, ln 3, ln 5, ζ(3), ζ(5), Catalan's G, γ, Gompertz δ,
  /// Gauss' constant, the lemniscate constant ϖ, π·√2, π·√3, π/ln 2, e^π, Khinchin, Glaisher–Kinkelin.
  public static let standard: [ConstantExpression] = {
    let texts = [
      "pi", "pi^2", "e", "e^2", "sqrt(2)", "sqrt(3)", "phi", "sqrt(6)", "sqrt(7)", "log(2)", "log(3)", "log(5)",
      "zeta(3)", "zeta(5)", "G", "gamma", "delta_Gompertz", "gauss", "lemniscate", "pi*sqrt(2)", "pi*sqrt(3)",
      "pi/log(2)", "exp(pi)", "khinchin", "glaisher",
    ]
    return texts.map { text in
      guard let e = try? ConstantExpression(parsing: text) else { preconditionFailure("catalog entry \(text)") }
      return e
    }
  }()
}
