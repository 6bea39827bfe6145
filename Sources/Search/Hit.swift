/// A verified formula found by a search: a PCF and the expression its limit equals.
public struct Hit: Sendable, Hashable {
  /// a(n), b(n) as enumerated (canonical text).
  public let a: String
  public let b: String
  /// The candidate's index in the space (its place in the deterministic order).
  public let index: Int
  /// Groups the guises of one formula: inflation by a constant, sign and shift of n
  /// (see `CanonicalForm`).
  public let canonicalKey: String
  /// The constants the expression uses, comma-separated.
  public let constants: String
  /// The limit as an expression another tool can evaluate, e.g. `6/zeta(3)`.
  public let expression: String
  /// How the hit was found and checked, e.g. `mitm (c0,c1,d0,d1)=(6,0,0,1)`.
  public let relation: String
  /// Decimal places where the exact walk and the expression agree (all certified).
  public let digits: Int
  /// The depth of the exact walk.
  public let depth: Int
  /// δ at that depth against the expression's value (nil when not computable).
  public let delta: Double?
  /// Digits per term.
  public let rate: Double?
  /// The factorial degree of gcd(p, q) at the verification depth.
  public let factorialDegree: Double?
  /// Places the exact walk certifies, when `digits` are extrapolated ones (`nil`: certified).
  public let certifiedDigits: Int?
  /// How `digits` were extrapolated (`Extrapolation.summary`), or `nil` when they are certified.
  public let extrapolation: String?

  /// Whether the digits are extrapolated (a slowly converging formula), not certified.
  public var isExtrapolated: Bool { extrapolation != nil }

  public init(
    a: String, b: String, index: Int, canonicalKey: String, constants: String, expression: String, relation: String,
    digits: Int, depth: Int, delta: Double?, rate: Double?, factorialDegree: Double?, certifiedDigits: Int? = nil,
    extrapolation: String? = nil
  ) {
    self.a = a
    self.b = b
    self.index = index
    self.canonicalKey = canonicalKey
    self.constants = constants
    self.expression = expression
    self.relation = relation
    self.digits = digits
    self.depth = depth
    self.delta = delta
    self.rate = rate
    self.factorialDegree = factorialDegree
    self.certifiedDigits = certifiedDigits
    self.extrapolation = extrapolation
  }
}
