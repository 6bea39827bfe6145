import Multiprecision

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The limit of a walk read at depth N: value, certified digits, convergence rate, δ and the
/// factorial-reduction measure.
///
/// Certified digits come from the differences of consecutive convergents at N and at an earlier
/// depth M (about N/2). With d(n) = |p(n)/q(n) − p(n−1)/q(n−1)|, the error |L − p(N)/q(N)| is
/// bounded by the tail Σ_{n>N} d(n), estimated by the larger of a geometric model (ratio fitted
/// between M and N) and a polynomial model d(n) ~ C·n^−k (exponent fitted between M and N), and
/// never taken below d(N); when the differences alternate in sign (checked at both depths) the
/// error is bounded by d(N) itself. `digits` is the number of decimal places k with error·2 ≤ 10^−k, so the
/// value rounded to k places is within one unit of its last place. When d does not decrease at least
/// like n^−1 between M and N, the walk is reported as not converging.
public struct Limit: Sendable {
  /// What the walk says about its limit at this depth.
  public enum Status: Sendable, Equatable {
    /// Converging; `digits` are certified by the error estimate.
    case converging
    /// The fraction terminates at n (b(n) = 0): the limit is exactly `exactValue`.
    case terminates(at: Int)
    /// q(N) or q(N−1) is zero.
    case zeroDenominator
    /// Differences are not shrinking (diverging, oscillating, precision stopped growing), or not
    /// even the first decimal place is certified.
    case notConverging
  }

  public let final: Convergents
  /// The convergents at an earlier depth (about N/2), used for the rate and the error model.
  public let earlier: Convergents?
  /// The exact value when the fraction terminates.
  public let exactValue: BigRational?
  /// The n with b(n) = 0 where the fraction terminates, with `exactValue`.
  public let terminationIndex: Int?
  /// Whether the differences of convergents alternate in sign at the earlier and final depths:
  /// then L lies between consecutive convergents and |L − p(N)/q(N)| ≤ d(N).
  public let alternating: Bool

  /// A limit read from convergents; `exactValue` and `terminationIndex` for a terminating fraction.
  public init(
    final: Convergents, earlier: Convergents? = nil, alternating: Bool = false,
    exactValue: BigRational? = nil, terminationIndex: Int? = nil
  ) {
    self.final = final
    self.earlier = earlier
    self.alternating = alternating
    self.exactValue = exactValue
    self.terminationIndex = terminationIndex
  }

  public var depth: Int { final.depth }

  public var status: Status {
    if exactValue != nil { return .terminates(at: terminationIndex ?? depth + 1) }
    if final.hasZeroDenominator { return .zeroDenominator }
    // Nothing certified (error estimate ≥ 1/2) means the walk is not converging yet.
    return digits > 0 ? .converging : .notConverging
  }

  /// log10 of the estimated error |L − p(N)/q(N)|; `nil` when not converging or undefined.
  public var errorLog10: Double? {
    guard exactValue == nil, !final.hasZeroDenominator else { return nil }
    let dN = final.log10Difference
    if dN == -.infinity { return nil }  // equal convergents without termination: stalled
    guard let earlier, !earlier.hasZeroDenominator, earlier.depth >= 1, earlier.depth < depth else { return dN }
    let dM = earlier.log10Difference
    let ratio = Double(depth) / Double(earlier.depth)
    let k = (dM - dN) / log10(ratio)
    if alternating && k > 0.05 { return dN }
    guard k > 1.05 else { return nil }
    let slope = (dN - dM) / Double(depth - earlier.depth)
    let r = pow(10, slope)
    let geometric = r < 1 ? dN + log10(r / (1 - r)) : Double.infinity
    let polynomial = dN + log10(Double(depth) / (k - 1))
    return max(dN, geometric, polynomial)
  }

  /// Certified decimal places: error·2 ≤ 10^−digits. 0 when not converging; `Int.max` when exact.
  public var digits: Int {
    if exactValue != nil { return .max }
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
  /// Precondition: the status is not `.zeroDenominator`.
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
