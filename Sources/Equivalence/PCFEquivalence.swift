import ContinuedFractions
import Identification
import Multiprecision
import Polynomials
import Recurrences

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The outcome of relating two PCFs: a gauge certificate between their folds (when found), the
/// Möbius relation L₁ = (p·L₂ + q)/(r·L₂ + s) it gives, and how far that relation was checked on
/// the limits.
///
/// `proven` holds only when the gauge identity holds exactly in ℚ(n) and the limits agree with the
/// Möbius map at every digit both walks certify; otherwise `reason` says what is missing.
public struct PCFEquivalence: Sendable {
  public let first: PCF
  public let second: PCF
  /// The certificate, exact, when one was found within the bounds.
  public let gauge: Gauge?
  /// L₁ = mobius(L₂), from T = A₁·U(1)·A₂⁻¹ (A = [[1, a(0)], [0, 1]]).
  public let mobius: MobiusMap?
  /// Decimal places to which L₁ = mobius(L₂) was checked on the certified limits (0 when not).
  public let digits: Int
  /// Why the pair is not proven equivalent; `nil` when it is.
  public let reason: String?
  /// A remark that does not withdraw the proof (e.g. fewer checked digits than asked, slow walks).
  public let note: String?

  /// The gauge identity holds exactly and the limits agree with its Möbius map.
  public var proven: Bool { gauge != nil && mobius != nil && reason == nil }
}

/// Why two PCFs cannot be related at all (bad input, not a mathematical "no").
public enum RelateError: Error, Sendable, Equatable, CustomStringConvertible {
  /// b(n) = 0 at a positive integer: the fraction terminates at a rational value.
  case terminates(which: Int, pcf: String, at: Int)
  /// The folded steps would exceed the solver's size limits.
  case tooLarge(String)

  public var description: String {
    switch self {
    case .terminates(let which, let pcf, let at):
      return
        "PCF \(which) \(pcf) terminates at n = \(at) (b(\(at)) = 0): its limit is rational, there is no walk to relate"
    case .tooLarge(let what): return what
    }
  }
}

/// Relates two PCFs: tries folds (k₁, k₂), solves for a gauge, derives and checks the Möbius
/// relation of the limits.
public struct PCFRelator: Sendable {
  public let solver: GaugeSolver
  /// Folds k₁, k₂ ∈ 1…maxFold are tried (coprime pairs; a common factor folds both alike).
  public let maxFold: Int
  /// Decimal places asked for the numerical check of the Möbius relation.
  public let digits: Int
  /// The deepest walk used for the limits (slow fractions stop there with fewer digits).
  public let maxDepth: Int

  /// The largest fold accepted.
  public static let foldLimit = 8
  /// Folded step degrees above this are refused before any work (the system grows with them).
  public static let foldedDegreeLimit = 160

  /// Precondition: 1 ≤ maxFold ≤ `foldLimit`, digits ≥ 1, maxDepth ≥ 16.
  public init(maxDegree: Int = 16, maxFold: Int = 4, digits: Int = 50, maxDepth: Int = 1 << 13) {
    precondition(maxFold >= 1 && maxFold <= Self.foldLimit, "maxFold \(maxFold) must be in 1...\(Self.foldLimit)")
    precondition(digits >= 1 && maxDepth >= 16, "digits \(digits) ≥ 1 and maxDepth \(maxDepth) ≥ 16 needed")
    solver = GaugeSolver(maxDegree: maxDegree)
    self.maxFold = maxFold
    self.digits = digits
    self.maxDepth = maxDepth
  }

  /// The fold pairs to try, most plausible first: with digits-per-step rates ρ₁, ρ₂ (when both
  /// walks converge exponentially) the folds should match k₁ρ₁ ≈ k₂ρ₂; otherwise by k₁ + k₂.
  public func foldPairs(rates: (Double?, Double?)) -> [(Int, Int)] {
    var pairs: [(Int, Int)] = []
    for k1 in 1...maxFold {
      for k2 in 1...maxFold where _gcd(k1, k2) == 1 { pairs.append((k1, k2)) }
    }
    func mismatch(_ k: (Int, Int)) -> Double {
      guard let r1 = rates.0, let r2 = rates.1, r1 > 0.05, r2 > 0.05 else { return 0 }
      let (x, y) = (Double(k.0) * r1, Double(k.1) * r2)
      return abs(log(x / y))
    }
    return pairs.sorted { x, y in
      let (mx, my) = (mismatch(x), mismatch(y))
      if abs(mx - my) > 0.2 { return mx < my }
      return x.0 + x.1 != y.0 + y.1 ? x.0 + x.1 < y.0 + y.1 : x.0 < y.0
    }
  }

  /// Relates PCF₁ and PCF₂: L₁ = (p·L₂ + q)/(r·L₂ + s) when proven.
  /// - Throws: `RelateError` when a fraction terminates or the folded steps are too large.
  /// - Complexity: per fold pair, the solver's ladder (see `GaugeSolver.solve`); two limits to
  ///   `digits` places (at most `maxDepth` steps each).
  public func relate(_ pcf1: PCF, _ pcf2: PCF) throws(RelateError) -> PCFEquivalence {
    for (i, pcf) in [pcf1, pcf2].enumerated() {
      if let stop = pcf.terminationIndex(upTo: Int.max) {
        throw .terminates(which: i + 1, pcf: pcf.description, at: stop)
      }
      let degree = max(pcf.a.degree, pcf.b.degree)
      if degree * maxFold > Self.foldedDegreeLimit {
        throw .tooLarge(
          "PCF \(i + 1) \(pcf) has degree \(degree): folds up to \(maxFold) exceed the folded degree limit \(Self.foldedDegreeLimit)"
        )
      }
    }
    let wanted = max(digits, Self.fingerprintDigits) + 5
    let limit1 = pcf1.limit(digits: wanted, maxDepth: maxDepth, threads: 1)
    let limit2 = pcf2.limit(digits: wanted, maxDepth: maxDepth, threads: 1)
    if let different = Self.differentLimits(limit1, limit2) {
      return PCFEquivalence(
        first: pcf1, second: pcf2, gauge: nil, mobius: nil, digits: 0, reason: different, note: nil)
    }
    var candidates: [Gauge] = []
    for (k1, k2) in foldPairs(rates: (limit1.rate, limit2.rate)) {
      let f1 = pcf1.matrix.folded(k1)
      let f2 = pcf2.matrix.folded(k2)
      candidates = solver.pencil(f1, f2, folds: (k1, k2))
      if !candidates.isEmpty { break }
    }
    guard !candidates.isEmpty else {
      return PCFEquivalence(
        first: pcf1, second: pcf2, gauge: nil, mobius: nil, digits: 0,
        reason:
          "no gauge U(n) of degree ≤ \(solver.maxDegree) with folds ≤ \(maxFold)\(Self.limitsRemark(limit1, limit2))",
        note: nil)
    }
    // Several independent gauges (a pencil): the member whose Möbius map the limits follow.
    if candidates.count >= 2,
      let combined = Self.pencilMember(
        candidates[0], candidates[1], pcf1, pcf2, limit1, limit2,
        f1: pcf1.matrix.folded(candidates[0].folds.0), f2: pcf2.matrix.folded(candidates[0].folds.1))
    {
      candidates.insert(combined, at: 0)
    }
    var best: PCFEquivalence?
    for gauge in candidates {
      let mobius = MobiusMap(matrix: Self.startMap(gauge.matrix.evaluated(at: 1), pcf1, pcf2))
      let (checked, mismatch) = Self.check(mobius, limit1, limit2)
      var note: String?
      if mismatch == nil && checked < digits {
        note =
          "the Möbius relation is checked to \(checked) places only (asked \(digits)): the walks certify \(Self.places(limit1)) and \(Self.places(limit2)) places by depth \(maxDepth); extrapolated limits would check more"
      }
      let result = PCFEquivalence(
        first: pcf1, second: pcf2, gauge: gauge, mobius: mobius, digits: checked, reason: mismatch, note: note)
      if mismatch == nil { return result }
      if best == nil { best = result }
    }
    return best!
  }

  /// T = A₁·U(1)·A₂⁻¹ (A = [[1, a(0)], [0, 1]]): the map with L₁ = T(L₂), as [[p, q], [r, s]].
  static func startMap(_ u1: IntegerMatrix, _ pcf1: PCF, _ pcf2: PCF) -> [BigInt] {
    let (a1, a2) = (pcf1.a(0), pcf2.a(0))
    let t11 = u1[0, 0] + a1 * u1[1, 0]
    let t12 = u1[0, 1] + a1 * u1[1, 1]
    let t21 = u1[1, 0]
    let t22 = u1[1, 1]
    return [t11, t12 - a2 * t11, t21, t22 - a2 * t21]
  }

  /// In a pencil U_a + λ·U_b of gauges (same multiplier), the member whose start map sends L₂ to
  /// L₁: λ solved from the limits, recognized as the simplest fraction within their accuracy, and
  /// the combination certified exactly; `nil` when any step fails.
  static func pencilMember(
    _ ga: Gauge, _ gb: Gauge, _ pcf1: PCF, _ pcf2: PCF, _ l1: Limit, _ l2: Limit,
    f1: PolynomialMatrix, f2: PolynomialMatrix
  ) -> Gauge? {
    guard ga.folds == gb.folds, l1.status == .converging, l2.status == .converging,
      min(l1.digits, l2.digits) >= 2
    else { return nil }
    let precision = Precision.digits(max(l1.digits, l2.digits) + 40)
    let (x1, x2) = (l1.value(precision), l2.value(precision))
    func residual(_ t: [BigInt]) -> BigFloat {
      let b = t.map { BigFloat($0, precision: precision) }
      return x1 * (b[2] * x2 + b[3]) - (b[0] * x2 + b[1])
    }
    let ra = residual(startMap(ga.matrix.evaluated(at: 1), pcf1, pcf2))
    let rb = residual(startMap(gb.matrix.evaluated(at: 1), pcf1, pcf2))
    guard !rb.isZero else { return nil }
    let lambda = -ra / rb
    // λ is known to about min(digits) − log10|λ| places: take the simplest fraction there.
    let places = Double(min(l1.digits, l2.digits)) - max(0, lambda.log10Magnitude) - 1
    guard places >= 1, let (p, q) = _simplestFraction(lambda, tolerance: places) else { return nil }
    let u = PolynomialMatrix(
      size: 2,
      entries: zip(ga.matrix.entries, gb.matrix.entries).map {
        Polynomial(constant: q) * $0.0 + Polynomial(constant: p) * $0.1
      })
    let g = u.entries.reduce(Polynomial.zero) { Polynomial.gcd($0, $1) }
    guard !g.isZero else { return nil }
    let primitive = PolynomialMatrix(size: 2, entries: u.entries.map { $0.dividedExactly(by: g)! })
    return Gauge.certify(primitive, between: f1, and: f2, folds: ga.folds)
  }

  /// Places of the limits used to rule out a Möbius relation before any gauge search.
  public static let fingerprintDigits = 100

  /// When both limits certify ≥ 40 places and no integer relation c₀ + c₁L₁ + c₂L₂ + c₃L₁L₂ = 0
  /// with |cᵢ| ≤ 10^h exists (h about a quarter of the places, PSLQ's proven bound), the reason;
  /// a gauge would give one (its start map), so searching is pointless unless U(1) is huge.
  static func differentLimits(_ l1: Limit, _ l2: Limit) -> String? {
    guard l1.status == .converging, l2.status == .converging else { return nil }
    let d = min(l1.digits, l2.digits)
    guard d >= 40 else { return nil }
    let places = d - 5
    let height = places / 4 - 3
    let precision = Precision.digits(places + max(l1.integerDigits, l2.integerDigits))
    let (x1, x2) = (l1.value(precision), l2.value(precision))
    guard !x1.isZero, !x2.isZero else { return nil }
    let x = [BigFloat(1, precision: precision), x1, x2, x1 * x2]
    if IntegerRelation.find(x, maxCoefficient: BigInt(10).power(height), precision: .digits(places - 2)) != nil {
      return nil
    }
    return
      "different limits: no relation L1 = (p·L2 + q)/(r·L2 + s) with integers up to 10^\(height) at \(places) places (L1 = \(l1.certifiedText(maxPlaces: 20))…, L2 = \(l2.certifiedText(maxPlaces: 20))…)"
  }

  static func places(_ l: Limit) -> String { l.exactValue != nil ? "all" : "\(l.digits)" }

  static func limitsRemark(_ l1: Limit, _ l2: Limit) -> String {
    guard l1.digits >= 10, l2.digits >= 10, l1.exactValue == nil, l2.exactValue == nil else { return "" }
    return " (limits \(l1.certifiedText(maxPlaces: 20))… and \(l2.certifiedText(maxPlaces: 20))…)"
  }

  /// The places to which L₁ = T(L₂) holds within the certified errors, and a reason when the
  /// limits contradict it.
  static func check(_ t: MobiusMap, _ l1: Limit, _ l2: Limit) -> (Int, String?) {
    guard l1.status == .converging, l2.status == .converging else {
      let which = l1.status == .converging ? 2 : 1
      let l = which == 1 ? l1 : l2
      return (
        0,
        "the limit of PCF \(which) is not certified (\(l.convergenceNote ?? "status \(l.status)")): the Möbius relation cannot be checked"
      )
    }
    let working = Precision.digits(max(l1.digits, l2.digits) + l1.integerDigits + l2.integerDigits + 40)
    let x1 = l1.value(working)
    let x2 = l2.value(working)
    guard let image = t(x2) else { return (0, "the Möbius map has its pole at L2") }
    // Errors: 10^−d₁ on L₁; |T′(L₂)|·10^−d₂ on T(L₂) (first order, with a factor 2 to spare).
    let e1 = -Double(l1.digits)
    let e2 = -Double(l2.digits) + t.log10Derivative(at: x2) + log10(2.0)
    let bound = max(e1, e2) + log10(2.0)
    let difference = (x1 - image).magnitude
    let observed = difference.isZero ? -Double.infinity : difference.log10Magnitude
    if observed > bound + 1 {
      return (
        0,
        "the limits do not satisfy the Möbius map of U(1): L1 − T(L2) ≈ 10^\(Int(observed.rounded())) while the walks certify 10^\(Int(bound.rounded()))"
      )
    }
    return (max(0, Int((-bound).rounded(.down))), nil)
  }
}

/// The continued-fraction convergent p/q of x with the smallest q within 10^−places of x.
func _simplestFraction(_ x: BigFloat, tolerance places: Double) -> (BigInt, BigInt)? {
  let precision = x.precision
  var (p0, q0, p1, q1) = (BigInt(0), BigInt(1), BigInt(1), BigInt(0))
  var y = x
  for _ in 0..<60 {
    let floor = y.roundedToInteger()
    var a = floor
    if BigFloat(a, precision: precision) > y { a -= 1 }
    (p0, p1) = (p1, a * p1 + p0)
    (q0, q1) = (q1, a * q1 + q0)
    let approx = BigFloat(p1, precision: precision) / BigFloat(q1, precision: precision)
    let error = (x - approx).magnitude
    if error.isZero || error.log10Magnitude < -places { return (p1, q1) }
    let frac = y - BigFloat(a, precision: precision)
    if frac.isZero { return nil }
    y = 1 / frac
  }
  return nil
}

func _gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? abs(a) : _gcd(b, a % b) }
