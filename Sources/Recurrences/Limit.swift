import Multiprecision

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The limit of a walk read at depth N: value, certified digits, convergence rate, δ and the
/// factorial-reduction measure.
///
/// Certified digits come from the differences of consecutive convergents
/// d(n) = |p(n)/q(n) − p(n−1)/q(n−1)| at checkpoint depths N/2^k (N/8 … N and below, read from the
/// same product tree at no extra cost). Digits are certified only when the error model's
/// assumptions are checked at every checkpoint of the window N/8 … N (see `Convergence`):
/// d decreasing with a local exponent that does not collapse (a collapse means the differences
/// tend to a floor: even and odd convergents with different limits), no floor by Aitken's
/// extrapolation of d, and a sign pattern that is the same at every checkpoint. Then, when the
/// differences alternate, |L − p(N)/q(N)| ≤ d(N); otherwise the tail Σ_{n>N} d(n) is bounded by the
/// larger of a geometric model (ratio fitted on the last window) and a polynomial model
/// d(n) ~ C·n^−k with k the smallest local exponent of the window (k > 1 needed). `digits` is the
/// number of decimal places k with error·2 ≤ 10^−k. A structural verdict (`divergence`, e.g. the
/// Stern–Stolz theorem for a PCF) overrides the numbers: such a walk is never converging.
public struct Limit: Sendable {
  /// What the walk says about its limit at this depth.
  public enum Status: Sendable, Equatable {
    /// Converging; `digits` are certified by the error estimate.
    case converging
    /// The fraction terminates at n (b(n) = 0): the limit is exactly `exactValue` (or infinite
    /// when `exactValue` is `nil`: q(n−1) = 0).
    case terminates(at: Int)
    /// q(N) or q(N−1) is zero.
    case zeroDenominator
    /// Differences are not shrinking as the error model needs (diverging, oscillating, even and
    /// odd convergents apart, stalled), the walk is too shallow to check the model, or not even
    /// the first decimal place is certified; `convergenceNote` says which.
    case notConverging
  }

  public let final: Convergents
  /// The convergents at earlier checkpoint depths, ascending (about N/2^k, k ≥ 1).
  public let checkpoints: [Convergents]
  /// For each of `checkpoints` and then `final`: whether the differences of convergents change
  /// sign there (x(n+1) − x(n) against x(n) − x(n−1)); `nil` when unknown.
  public let alternations: [Bool?]
  /// The exact value when the fraction terminates.
  public let exactValue: BigRational?
  /// The n with b(n) = 0 where the fraction terminates, with `exactValue`.
  public let terminationIndex: Int?
  /// Why the walk cannot converge, proven from its structure (not from the numbers), if so.
  public let divergence: String?
  /// The checked error model (computed once).
  public let convergence: Convergence

  /// A limit read from convergents at ascending checkpoint depths ending with `final`;
  /// `alternations` holds one entry per checkpoint and one for `final` (or is empty: unknown).
  public init(
    final: Convergents, checkpoints: [Convergents] = [], alternations: [Bool?] = [],
    exactValue: BigRational? = nil, terminationIndex: Int? = nil, divergence: String? = nil
  ) {
    self.final = final
    self.checkpoints = checkpoints
    self.alternations = alternations.count == checkpoints.count + 1 ? alternations : []
    self.exactValue = exactValue
    self.terminationIndex = terminationIndex
    self.divergence = divergence
    if exactValue != nil || terminationIndex != nil {
      convergence = .exact
    } else if let divergence {
      convergence = .diverging(divergence)
    } else {
      convergence = Convergence(checkpoints: checkpoints + [final], alternations: self.alternations)
    }
  }

  /// The checkpoint depths a walk to `depth` should read for `Limit`, ascending, N excluded:
  /// ⌊N/2^k⌋ ≥ 2 for k = 6…1 (spaced evenly in log n, and free in a product tree); every depth
  /// from 2 below N when N < 16, so that short walks still have a window to check.
  public static func checkpointDepths(_ depth: Int) -> [Int] {
    if depth < 16 { return depth > 2 ? Array(2..<depth) : [] }
    var out: [Int] = []
    for k in stride(from: 6, through: 1, by: -1) {
      let d = depth >> k
      if d >= 2 && d < depth && out.last != d { out.append(d) }
    }
    return out
  }

  /// The checkpoint nearest N/2, used for the rate and the factorial degree.
  public var earlier: Convergents? { checkpoints.last }

  /// Whether the differences alternate at every checkpoint of the model's window.
  public var alternating: Bool { convergence.alternating }

  /// Why the walk is not converging, when it is not; `nil` otherwise.
  public var convergenceNote: String? {
    if case .terminates = status { return nil }
    if final.hasZeroDenominator { return "q(N) or q(N−1) is zero at depth \(depth)" }
    switch convergence {
    case .exact, .converging:
      return digits > 0 ? nil : "not even the first decimal place is certified at depth \(depth)"
    case .diverging(let reason), .undecided(let reason): return reason
    }
  }

  public var depth: Int { final.depth }

  public var status: Status {
    if exactValue != nil || terminationIndex != nil { return .terminates(at: terminationIndex ?? depth + 1) }
    if final.hasZeroDenominator { return .zeroDenominator }
    // Nothing certified (error estimate ≥ 1/2) means the walk is not converging yet.
    return digits > 0 ? .converging : .notConverging
  }

  /// log10 of the estimated error |L − p(N)/q(N)|; `nil` when not converging or undefined.
  public var errorLog10: Double? {
    guard exactValue == nil, !final.hasZeroDenominator, case .converging(let e, _) = convergence else { return nil }
    return e
  }

  /// Certified decimal places: error·2 ≤ 10^−digits. 0 when not converging; `Int.max` when exact.
  public var digits: Int {
    if exactValue != nil { return .max }
    if terminationIndex != nil { return 0 }
    guard let e = errorLog10, e.isFinite else { return 0 }
    return max(0, Int((-(e + log10(2.0))).rounded(.down)))
  }

  /// Correct digits gained per term between the earlier depth and N; `nil` without an earlier depth.
  public var rate: Double? {
    guard exactValue == nil, let earlier, !earlier.hasZeroDenominator, !final.hasZeroDenominator,
      earlier.depth < depth
    else { return nil }
    let gain = earlier.log10Difference - final.log10Difference
    return gain.isFinite ? gain / Double(depth - earlier.depth) : nil
  }

  /// p(N)/q(N) (or the exact value) rounded to `precision`.
  /// Precondition: the status is not `.zeroDenominator`, nor a termination at an infinite value.
  public func value(_ precision: Precision) -> BigFloat {
    if let exactValue { return BigFloat(exactValue, precision: precision) }
    return final.value(precision)
  }

  /// ⌊log10 |L|⌋ of the value read here, at least 0 (also when p(N) = 0): the digits before the
  /// point, which a precision in significant digits must add to a number of decimal places.
  public var integerDigits: Int {
    let p = exactValue?.numerator ?? final.p
    let q = exactValue?.denominator ?? final.q
    guard !p.isZero, !q.isZero else { return 0 }
    return max(0, Int((p.log10Magnitude - q.log10Magnitude).rounded(.down)) + 1)
  }

  /// The value rounded to hold `places` decimal places (plus guard digits).
  public func value(places: Int) -> BigFloat { value(.digits(max(1, places) + integerDigits + 10)) }

  /// The value as decimal text holding only certified places, at most `maxPlaces` of them, truncated
  /// so that every printed digit is one the limit has (see `BigFloat.decimal(places:within:)`).
  /// An exact (terminating) value is certified to every place: `maxPlaces` of them, 100 when
  /// `nil`. Empty when nothing is certified.
  public func certifiedText(maxPlaces: Int? = nil) -> String {
    if status == .zeroDenominator || status == .notConverging { return "" }
    if terminationIndex != nil && exactValue == nil { return "" }  // terminates at an infinite value
    if let exactValue { return exactValue.decimal(places: maxPlaces ?? 100) }
    let places = min(digits, maxPlaces ?? digits)
    let shown = value(places: places)
    // |L − p/q| ≤ 10^−digits/2, plus the rounding of p/q to the working precision (with room to spare).
    let estimate = Precision.bits(64)
    let certified = BigFloat(0.500_000_1, precision: estimate) / BigFloat(BigInt(10).power(digits), precision: estimate)
    let ulp = BigFloat(BigInt(1).shifted(by: shown.precision.bits - 2), precision: estimate)
    let radius = certified + BigFloat(shown.magnitude, precision: estimate) / ulp
    return shown.decimal(places: places, within: radius)
  }
}

// MARK: - Factorial reduction

extension Limit {
  /// What gcd(p(N), q(N)) says about the fraction.
  public struct Reduction: Sendable, Equatable {
    /// log10 gcd(p(N), q(N)).
    public let log10GCD: Double
    /// log10 of the reduced denominator q(N)/gcd.
    public let log10ReducedDenominator: Double
    /// k in gcd ~ (N!)^k·c^N, from the gcds at N and at the earlier depth M (the c^N part cancels
    /// in log g(N) − (N/M)·log g(M)); `nil` without an earlier depth.
    public let factorialDegree: Double?
  }

  /// The gcd of the final convergents and, when an earlier depth exists, the factorial degree.
  /// - Complexity: one or two GMP gcds of the numerators and denominators (subquadratic).
  public func reduction() -> Reduction {
    let gN = BigInt.gcd(final.p, final.q)
    let log10Reduced = final.q.log10Magnitude - gN.log10Magnitude
    var degree: Double?
    if let earlier, earlier.depth >= 2, earlier.depth < depth {
      let gM = BigInt.gcd(earlier.p, earlier.q)
      let ratio = Double(depth) / Double(earlier.depth)
      let numerator = gN.log10Magnitude - ratio * gM.log10Magnitude
      let denominator = _log10Factorial(depth) - ratio * _log10Factorial(earlier.depth)
      if denominator != 0 { degree = numerator / denominator }
    }
    return Reduction(log10GCD: gN.log10Magnitude, log10ReducedDenominator: log10Reduced, factorialDegree: degree)
  }
}

/// log10 n! by lgamma.
func _log10Factorial(_ n: Int) -> Double { lgamma(Double(n) + 1) / log(10.0) }
