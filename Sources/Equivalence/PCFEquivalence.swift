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
/// Möbius map to at least `PCFRelator.requiredDigits` places beyond those spent fitting it (a
/// member of a pencil of gauges is chosen from the limits); otherwise `reason` says what is
/// missing. The limits are the certified walks, or their extrapolations when the walks certify
/// fewer places (`kind` says which).
public struct PCFEquivalence: Sendable {
  public let first: PCF
  public let second: PCF
  /// The certificate, exact, when one was found within the bounds.
  public let gauge: Gauge?
  /// L₁ = mobius(L₂), from T = A₁·U(1)·A₂⁻¹ (A = [[1, a(0)], [0, 1]]).
  public let mobius: MobiusMap?
  /// Decimal places to which L₁ = mobius(L₂) was checked on the limits (0 when not).
  public let digits: Int
  /// Whether those places rest on certified limits only, or on an extrapolated one.
  public let kind: LimitKind
  /// Places of the check spent choosing the pencil member (0 for a single gauge): the evidence
  /// is `digits − fittedDigits`.
  public let fittedDigits: Int
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

  /// A proof needs the Möbius relation checked to this many places at least (more when asked).
  public static let minimumProofDigits = 20

  /// Places of evidence a proof needs: `digits`, at least `minimumProofDigits`.
  public var requiredDigits: Int { max(digits, Self.minimumProofDigits) }

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

  /// Fingerprint of convergence speeds: whether walks of rates ρ₁, ρ₂ (digits per step; `nil` or
  /// below 0.05: slow) can be gauge-related within the folds, k₁ρ₁ ≈ k₂ρ₂ to 30% for some
  /// k ≤ maxFold; a slow walk only with a slow one. A gauge with polynomial U keeps the rate of the
  /// folded walks, so a pair failing this is not searched.
  public func compatibleRates(_ r1: Double?, _ r2: Double?) -> Bool {
    let slow1 = (r1 ?? 0) < 0.05
    let slow2 = (r2 ?? 0) < 0.05
    if slow1 || slow2 {
      // Near the threshold the measured rate is rough: only clearly fast vs clearly slow is refused.
      return slow1 == slow2 || max(r1 ?? 0, r2 ?? 0) < 0.2
    }
    for k1 in 1...maxFold {
      for k2 in 1...maxFold where abs(log(Double(k1) * r1! / (Double(k2) * r2!))) < 0.3 { return true }
    }
    return false
  }

  /// Relates PCF₁ and PCF₂: L₁ = (p·L₂ + q)/(r·L₂ + s) when proven.
  /// - Throws: `RelateError` when a fraction terminates or the folded steps are too large.
  /// - Complexity: per fold pair, the solver's ladder (see `GaugeSolver.solve`); two limits to
  ///   `digits` places (at most `maxDepth` steps each).
  public func relate(_ pcf1: PCF, _ pcf2: PCF) throws(RelateError) -> PCFEquivalence {
    try validate(pcf1, which: 1)
    try validate(pcf2, which: 2)
    return relate(pcf1, pcf2, limits: (limitEstimate(pcf1), limitEstimate(pcf2)))
  }

  /// Refuses a PCF the relator cannot take: a terminating one, or one whose folds exceed the
  /// folded degree limit. `which` numbers it in the message.
  public func validate(_ pcf: PCF, which: Int) throws(RelateError) {
    if let stop = pcf.terminationIndex(upTo: Int.max) {
      throw .terminates(which: which, pcf: pcf.description, at: stop)
    }
    let degree = max(pcf.a.degree, pcf.b.degree)
    if degree * maxFold > Self.foldedDegreeLimit {
      throw .tooLarge(
        "PCF \(which) \(pcf) has degree \(degree): folds up to \(maxFold) exceed the folded degree limit \(Self.foldedDegreeLimit)"
      )
    }
  }

  /// The limit read as `relate` reads it (to `max(digits, fingerprintDigits) + 5` places, certified
  /// or extrapolated): read once to relate one PCF with many.
  public func limitEstimate(_ pcf: PCF) -> LimitEstimate {
    LimitEstimate(pcf, digits: max(digits, Self.fingerprintDigits) + 5, maxDepth: maxDepth)
  }

  /// `relate(_:_:)` with the limits already read by `limitEstimate(_:)` (e.g. shared by many pairs).
  /// Precondition: both PCFs pass `validate(_:which:)`.
  public func relate(_ pcf1: PCF, _ pcf2: PCF, limits: (LimitEstimate, LimitEstimate)) -> PCFEquivalence {
    let (limit1, limit2) = limits
    let kind: LimitKind = limit1.kind == .extrapolated || limit2.kind == .extrapolated ? .extrapolated : .certified
    if let different = Self.differentLimits(limit1, limit2) {
      return PCFEquivalence(
        first: pcf1, second: pcf2, gauge: nil, mobius: nil, digits: 0, kind: kind, fittedDigits: 0, reason: different,
        note: nil)
    }
    var candidates: [Gauge] = []
    for (k1, k2) in foldPairs(rates: (limit1.limit.rate, limit2.limit.rate)) {
      let f1 = pcf1.matrix.folded(k1)
      let f2 = pcf2.matrix.folded(k2)
      candidates = solver.pencil(f1, f2, folds: (k1, k2))
      if !candidates.isEmpty { break }
    }
    guard !candidates.isEmpty else {
      return PCFEquivalence(
        first: pcf1, second: pcf2, gauge: nil, mobius: nil, digits: 0, kind: kind, fittedDigits: 0,
        reason:
          "no gauge U(n) of degree ≤ \(solver.maxDegree) with folds ≤ \(maxFold)\(Self.limitsRemark(limit1, limit2))",
        note: nil)
    }
    // Several independent gauges (a pencil): the member whose Möbius map the limits follow.
    var fitted: [Gauge: Int] = [:]
    if candidates.count >= 2,
      let (combined, spent) = Self.pencilMember(
        candidates[0], candidates[1], pcf1, pcf2, limit1, limit2,
        f1: pcf1.matrix.folded(candidates[0].folds.0), f2: pcf2.matrix.folded(candidates[0].folds.1))
    {
      candidates.insert(combined, at: 0)
      fitted[combined] = spent
    }
    var agreeing: PCFEquivalence?
    var best: PCFEquivalence?
    for gauge in candidates {
      let mobius = MobiusMap(matrix: Self.startMap(gauge.matrix.evaluated(at: 1), pcf1, pcf2))
      let (checked, mismatch) = Self.check(mobius, limit1, limit2)
      let spent = fitted[gauge] ?? 0
      var reason = mismatch
      var note: String?
      let sources = "the limits hold \(limit1.placesText) and \(limit2.placesText) places by depth \(maxDepth)"
      if mismatch == nil && checked - spent < requiredDigits {
        let fit = spent > 0 ? ", \(spent) of them spent choosing the gauge in its pencil" : ""
        reason =
          "the Möbius relation is checked to \(checked) places only\(fit) (a proof needs \(requiredDigits)\(spent > 0 ? " beyond those" : "")): \(sources)"
          + Self.extrapolationRemark(limit1, limit2)
      } else if mismatch == nil && checked < digits {
        note = "the Möbius relation is checked to \(checked) places (asked \(digits)): \(sources)"
      }
      let result = PCFEquivalence(
        first: pcf1, second: pcf2, gauge: gauge, mobius: mobius, digits: checked, kind: kind,
        fittedDigits: spent, reason: reason, note: note)
      if result.proven { return result }
      if mismatch == nil && agreeing == nil { agreeing = result }
      if best == nil { best = result }
    }
    return agreeing ?? best!
  }

  static func extrapolationRemark(_ l1: LimitEstimate, _ l2: LimitEstimate) -> String {
    let notes = [l1, l2].enumerated().compactMap { i, l in l.extrapolationNote.map { "PCF \(i + 1): \($0)" } }
    return notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))"
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
  /// Also returns the places spent on λ = p/q: about 2·log10 max(|p|, |q|) + 1, the places a
  /// random number agrees with its continued-fraction convergent of that size.
  static func pencilMember(
    _ ga: Gauge, _ gb: Gauge, _ pcf1: PCF, _ pcf2: PCF, _ l1: LimitEstimate, _ l2: LimitEstimate,
    f1: PolynomialMatrix, f2: PolynomialMatrix
  ) -> (Gauge, Int)? {
    guard ga.folds == gb.folds, l1.usable, l2.usable,
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
    guard let gauge = Gauge.certify(primitive, between: f1, and: f2, folds: ga.folds) else { return nil }
    let height = max(p.magnitude.log10Magnitude, q.magnitude.log10Magnitude)
    return (gauge, Int((2 * max(0, height)).rounded(.up)) + 1)
  }

  /// Places of the limits used to rule out a Möbius relation before any gauge search.
  public static let fingerprintDigits = 100

  /// When both limits certify ≥ 40 places and no integer relation c₀ + c₁L₁ + c₂L₂ + c₃L₁L₂ = 0
  /// with |cᵢ| ≤ 10^h exists (h about a quarter of the places, PSLQ's proven bound), the reason;
  /// a gauge would give one (its start map), so searching is pointless unless U(1) is huge.
  static func differentLimits(_ l1: LimitEstimate, _ l2: LimitEstimate) -> String? {
    guard l1.usable, l2.usable else { return nil }
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
    let extrapolated = l1.kind == .extrapolated || l2.kind == .extrapolated ? ", extrapolated" : ""
    return
      "different limits: no relation L1 = (p·L2 + q)/(r·L2 + s) with integers up to 10^\(height) at \(places) places\(extrapolated) (L1 = \(l1.text(maxPlaces: 20))…, L2 = \(l2.text(maxPlaces: 20))…)"
  }

  static func limitsRemark(_ l1: LimitEstimate, _ l2: LimitEstimate) -> String {
    guard l1.digits >= 10, l2.digits >= 10, l1.limit.exactValue == nil, l2.limit.exactValue == nil else { return "" }
    return " (limits \(l1.text(maxPlaces: 20))… and \(l2.text(maxPlaces: 20))…)"
  }

  /// The places to which L₁ = T(L₂) holds within the certified errors, and a reason when the
  /// limits contradict it.
  static func check(_ t: MobiusMap, _ l1: LimitEstimate, _ l2: LimitEstimate) -> (Int, String?) {
    guard l1.usable, l2.usable else {
      let which = l1.usable ? 2 : 1
      let l = (which == 1 ? l1 : l2).limit
      return (
        0,
        "the limit of PCF \(which) is neither certified nor extrapolated (\(l.convergenceNote ?? "status \(l.status)")): the Möbius relation cannot be checked"
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
