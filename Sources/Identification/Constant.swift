import Multiprecision

/// A constant of the catalog: π, e, ζ(k), Catalan's G, ln k, √k, φ, Euler's γ, the Gompertz constant δ,
/// Gauss' constant, the lemniscate constant ϖ, Khinchin's K₀ and the Glaisher–Kinkelin A.
///
/// Values are built only through the validated factories (`zeta(_:)`, `log(_:)`, `sqrt(_:)`, the static
/// members) or parsed from a name with `init(name:)`; `kind` tells them apart for a `switch`.
/// Names are the ones the CLI writes: `pi`, `e`, `zeta(3)`, `G`, `log(2)`, `sqrt(2)`, `phi`, `gamma`,
/// `delta_Gompertz`.
public struct Constant: Sendable, Hashable {
  /// What a constant is; the integer argument of `zeta`, `log` and `sqrt` is always in range.
  public enum Kind: Sendable, Hashable {
    /// π.
    case pi
    /// e = exp(1).
    case e
    /// ζ(k) = Σ_{n≥1} n^-k, for k ≥ 2.
    case zeta(Int)
    /// Catalan's G = Σ_{n≥0} (-1)^n/(2n+1)².
    case catalan
    /// ln k, for k ≥ 2.
    case log(Int)
    /// √k, for k ≥ 2 not a square.
    case sqrt(Int)
    /// The golden ratio φ = (1+√5)/2.
    case goldenRatio
    /// Euler–Mascheroni γ = lim (H_n - ln n).
    case eulerGamma
    /// Gompertz δ = ∫₀^∞ e^-x/(1+x) dx = e·E1(1).
    case gompertz
    /// Gauss' constant G = 1/agm(1, √2).
    case gauss
    /// The lemniscate constant ϖ = π·G = π/agm(1, √2) = Γ(1/4)²/(2√(2π)).
    case lemniscate
    /// Khinchin's constant K₀ = Π_{k≥1} (1 + 1/(k(k+2)))^{log2 k}.
    case khinchin
    /// The Glaisher–Kinkelin constant A, ln A = 1/12 − ζ′(−1).
    case glaisher
  }

  /// Which constant this is.
  public let kind: Kind

  init(_ kind: Kind) { self.kind = kind }

  /// π.
  public static let pi = Constant(.pi)
  /// e.
  public static let e = Constant(.e)
  /// Catalan's constant G.
  public static let catalan = Constant(.catalan)
  /// The golden ratio φ = (1+√5)/2.
  public static let goldenRatio = Constant(.goldenRatio)
  /// Euler–Mascheroni γ.
  public static let eulerGamma = Constant(.eulerGamma)
  /// The Gompertz constant δ = ∫₀^∞ e^-x/(1+x) dx.
  public static let gompertz = Constant(.gompertz)
  /// Gauss' constant 1/agm(1, √2).
  public static let gauss = Constant(.gauss)
  /// The lemniscate constant ϖ = π/agm(1, √2).
  public static let lemniscate = Constant(.lemniscate)
  /// Khinchin's constant K₀.
  public static let khinchin = Constant(.khinchin)
  /// The Glaisher–Kinkelin constant A.
  public static let glaisher = Constant(.glaisher)

  /// ζ(k). Precondition: k ≥ 2.
  public static func zeta(_ k: Int) -> Constant {
    precondition(k >= 2, "zeta(\(k)): \(Function.zeta.requirement)")
    return Constant(.zeta(k))
  }

  /// ln k. Precondition: k ≥ 2.
  public static func log(_ k: Int) -> Constant {
    precondition(k >= 2, "log(\(k)): \(Function.log.requirement)")
    return Constant(.log(k))
  }

  /// √k. Precondition: k ≥ 2 and not a square.
  public static func sqrt(_ k: Int) -> Constant {
    precondition(Function.sqrt.accepts(k), "sqrt(\(k)): \(Function.sqrt.requirement)")
    return Constant(.sqrt(k))
  }
}

// MARK: - Names

extension Constant {
  /// The families of the catalog that take an integer argument, with the names that call them.
  enum Function: String, CaseIterable {
    case zeta, log, sqrt

    /// The sentence that says which arguments are in the catalog.
    var requirement: String {
      switch self {
      case .zeta: "zeta(k) needs an integer k ≥ 2"
      case .log: "log(k) needs an integer k ≥ 2"
      case .sqrt: "sqrt(k) needs an integer k ≥ 2 that is not a square"
      }
    }

    func accepts(_ k: Int) -> Bool {
      switch self {
      case .zeta, .log: return k >= 2
      case .sqrt:
        guard k >= 2 else { return false }
        let root = Int(exactly: BigInt(k).squareRoot())!
        return root * root != k
      }
    }

    func constant(_ k: Int) -> Constant {
      switch self {
      case .zeta: .zeta(k)
      case .log: .log(k)
      case .sqrt: .sqrt(k)
      }
    }

    /// `zeta`, `log` (alias `ln`), `sqrt`.
    init?(name: some StringProtocol) {
      switch name {
      case "zeta": self = .zeta
      case "log", "ln": self = .log
      case "sqrt": self = .sqrt
      default: return nil
      }
    }
  }

  /// The constants without argument by name, aliases included.
  static let _simpleNames: [String: Constant] = [
    "pi": .pi, "e": .e, "G": .catalan, "catalan": .catalan, "phi": .goldenRatio, "gamma": .eulerGamma,
    "euler_gamma": .eulerGamma, "delta_Gompertz": .gompertz, "gompertz": .gompertz, "gauss": .gauss,
    "lemniscate": .lemniscate, "varpi": .lemniscate, "khinchin": .khinchin, "glaisher": .glaisher,
  ]

  /// The list of names that error messages show.
  static let _knownNames =
    "pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, gauss, lemniscate, khinchin, glaisher"

  /// The constant of a name as the CLI writes it (`pi`, `zeta(3)`, `log(2)`, `G`, `delta_Gompertz`),
  /// or an alias (`catalan`, `ln(2)`, `euler_gamma`, `gompertz`); spaces around the name are ignored.
  ///
  /// Throws `ConstantError.unknown` for a name not in the catalog, and `ConstantError.outOfRange` for
  /// `zeta`, `log` or `sqrt` of an argument the catalog does not hold (`zeta(1)`, `sqrt(4)`, `log(x)`).
  public init(name: String) throws(ConstantError) {
    let text = name._trimmed()
    if let constant = Constant._simpleNames[String(text)] {
      self = constant
      return
    }
    guard let open = text.firstIndex(of: "("), text.last == ")", let function = Function(name: text[..<open])
    else { throw .unknown(String(text)) }
    let argument = text[text.index(after: open)..<text.index(before: text.endIndex)]
      ._trimmed()
    guard let k = Int(argument), function.accepts(k) else {
      throw .outOfRange(function: function.rawValue, argument: String(argument))
    }
    self = function.constant(k)
  }

  /// The canonical name: `pi`, `e`, `zeta(3)`, `G`, `log(2)`, `sqrt(2)`, `phi`, `gamma`, `delta_Gompertz`.
  public var name: String {
    switch kind {
    case .pi: "pi"
    case .e: "e"
    case .zeta(let k): "zeta(\(k))"
    case .catalan: "G"
    case .log(let k): "log(\(k))"
    case .sqrt(let k): "sqrt(\(k))"
    case .goldenRatio: "phi"
    case .eulerGamma: "gamma"
    case .gompertz: "delta_Gompertz"
    case .gauss: "gauss"
    case .lemniscate: "lemniscate"
    case .khinchin: "khinchin"
    case .glaisher: "glaisher"
    }
  }
}

extension Constant: CustomStringConvertible {
  /// The canonical name.
  public var description: String { name }
}

extension Constant: Comparable {
  /// The catalog's order (pi, e, zeta(k), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, gauss, lemniscate,
  /// khinchin, glaisher), then by k:
  /// a canonical order for listing sets of constants.
  public static func < (lhs: Constant, rhs: Constant) -> Bool { lhs._sortKey < rhs._sortKey }

  var _sortKey: (Int, Int) {
    switch kind {
    case .pi: (0, 0)
    case .e: (1, 0)
    case .zeta(let k): (2, k)
    case .catalan: (3, 0)
    case .log(let k): (4, k)
    case .sqrt(let k): (5, k)
    case .goldenRatio: (6, 0)
    case .eulerGamma: (7, 0)
    case .gompertz: (8, 0)
    case .gauss: (9, 0)
    case .lemniscate: (10, 0)
    case .khinchin: (11, 0)
    case .glaisher: (12, 0)
    }
  }
}

/// A name that is not a constant of the catalog.
public enum ConstantError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The name is not in the catalog.
  case unknown(String)
  /// `zeta`, `log` or `sqrt` of an argument the catalog does not hold.
  case outOfRange(function: String, argument: String)

  public var description: String {
    switch self {
    case .unknown(let name):
      return "unknown constant '\(name)'; known: \(Constant._knownNames)"
    case .outOfRange(let function, let argument):
      let requirement = Constant.Function(rawValue: function)?.requirement ?? ""
      return "\(function)(\(argument)) is not in the catalog: \(requirement)"
    }
  }
}

extension StringProtocol {
  /// The text without white space at either end.
  func _trimmed() -> Substring {
    let s = Substring(self)
    guard let first = s.firstIndex(where: { !$0.isWhitespace }), let last = s.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return s[first...last]
  }
}
