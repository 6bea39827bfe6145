import ContinuedFractions
import Identification
import Multiprecision
import Recurrences

/// Extrapolated limits for the slowly converging candidates of a blind-δ search.
///
/// A fraction whose error falls like a power of n (PCF(1, n²) = 1/ln 2: about one place per
/// decade of depth) certifies a few places even at depth 2N, too few to read δ against its limit
/// or to identify it. Such a candidate — and only such: its places at 2N grow by less than a third
/// over those at N, as a power law's do (k·log10 2 more), where a geometric or factorial
/// convergence doubles them — gets a Richardson extrapolation of its convergents
/// (`PCF.extrapolatedLimit`), with bounded cost: at most `digits` places, convergents to at most
/// `maxDepth`, at most `depthBudget` convergents walked in all, and only the first pass of the
/// extrapolation (`firstPassOnly`: order and depth growing together), which settles a power law
/// with an integer or a stable exponent in hundredths of a second. The later passes (only the
/// depth growing; models with log terms or several exponents, whose weights cost O(m³)) take
/// seconds per candidate and are left to `ramanujan eval`. The bounds count the depths the
/// extrapolation asks for, not time, so the verdict is the same at any thread count or load.
///
/// The places are extrapolated, not certified: hits read from them say so in their relation
/// (`[extrapolated P places, certified C: method]`, as `VerifiedLimit` writes), and the
/// `digits` feature stays the certified count.
public struct BlindExtrapolation: Sendable, Equatable {
  /// Places asked for.
  public let digits: Int
  /// The deepest convergent used.
  public let maxDepth: Int
  /// The sum of the depths the extrapolation may walk before it gives up.
  public let depthBudget: Int

  /// The largest number of places asked for, whatever `verify_digits` is.
  public static let maxDigits = 200

  public init(digits: Int, maxDepth: Int, depthBudget: Int) {
    self.digits = Swift.max(1, Swift.min(digits, Self.maxDigits))
    self.maxDepth = Swift.max(1, maxDepth)
    self.depthBudget = Swift.max(1, depthBudget)
  }

  /// The extrapolation of a blind-δ search at depth N: 2 × `verify_digits` places (the verification
  /// compares them all), from convergents up to 2N (the depth the reference walk reached), at most
  /// 8N convergents walked in all.
  public init(verifyDigits: Int, depth n: Int) {
    self.init(digits: 2 * verifyDigits, maxDepth: 2 * n, depthBudget: 8 * n)
  }

  /// Whether a converging walk's places grow like a power law's: the places at its final depth M
  /// exceed those at its last checkpoint (M/2) by less than a third of them. `false` for a walk
  /// with an exact value, a termination or a divergence.
  public static func isPolynomial(_ walk: Limit) -> Bool {
    guard walk.exactValue == nil, walk.terminationIndex == nil, walk.divergence == nil,
      let earlier = walk.earlier, !earlier.hasZeroDenominator, !walk.final.hasZeroDenominator
    else { return false }
    let now = -walk.final.log10Difference
    let before = -earlier.log10Difference
    guard now.isFinite, before.isFinite, now > 0 else { return false }
    return before >= 0.75 * now
  }

  private struct OverBudget: Error {}

  /// The extrapolated limit of `pcf`, or `nil` when there is none within the bounds.
  public func limit(_ pcf: PCF) -> Extrapolation? {
    var walked = 0
    let budget = depthBudget
    let result = try? pcf.extrapolatedLimit(digits: digits, maxDepth: maxDepth, threads: 1, firstPassOnly: true) {
      depth in
      walked += depth
      if walked > budget { throw OverBudget() }
    }
    guard case .success(let e) = result, e.digits >= 1 else { return nil }
    return e
  }

  /// The note a hit read from extrapolated places carries in its relation.
  public static func note(_ e: Extrapolation, certified: Int) -> String {
    "extrapolated \(e.digits) places, certified \(certified): \(e.summary)"
  }
}
