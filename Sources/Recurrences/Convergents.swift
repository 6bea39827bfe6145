import Multiprecision

/// Two consecutive convergents p(N)/q(N) and p(N−1)/q(N−1) read off a walk W:
/// p, q are the last column of rows 0 and 1, p(N−1), q(N−1) the column before it.
public struct Convergents: Sendable, Hashable {
  public let depth: Int
  public let p: BigInt
  public let q: BigInt
  public let previousP: BigInt
  public let previousQ: BigInt
  /// log10 |p(N)q(N−1) − p(N−1)q(N)|; −infinity when the convergents are equal.
  public let log10Minor: Double

  /// Reads the convergents at `depth` from a walk matrix with at least 2 rows and columns.
  /// - Parameter log10Minor: log10 of the 2×2 minor when known without multiplying (for a PCF,
  ///   |p(N)q(N−1) − p(N−1)q(N)| = |b(1)···b(N)|); computed exactly when `nil`.
  public init(depth: Int, matrix w: IntegerMatrix, log10Minor: Double? = nil) {
    precondition(w.rows >= 2 && w.columns >= 2, "convergents need a walk of size ≥ 2, got \(w.rows)x\(w.columns)")
    let last = w.columns - 1
    self.depth = depth
    p = w[0, last]
    q = w[1, last]
    previousP = w[0, last - 1]
    previousQ = w[1, last - 1]
    self.log10Minor = log10Minor ?? (p * previousQ - previousP * q).log10Magnitude
  }

  /// Whether q(N) or q(N−1) is zero, so that a convergent is undefined.
  public var hasZeroDenominator: Bool { q.isZero || previousQ.isZero }

  /// log10 |p(N)/q(N) − p(N−1)/q(N−1)| = log10|minor| − log10|q(N)| − log10|q(N−1)|.
  public var log10Difference: Double { log10Minor - q.log10Magnitude - previousQ.log10Magnitude }

  /// The sign of p(N)/q(N) − p(N−1)/q(N−1) (−1, 0 or 1), from the exact entries; `nil` when a
  /// denominator is zero.
  /// - Complexity: two multiplications of the entries.
  public var differenceSign: Int? {
    guard !hasZeroDenominator else { return nil }
    return (p * previousQ - previousP * q).signum * q.signum * previousQ.signum
  }

  /// p(N)/q(N) rounded to `precision`. Precondition: q(N) ≠ 0.
  public func value(_ precision: Precision) -> BigFloat {
    precondition(!q.isZero, "q(\(depth)) = 0: the convergent is undefined")
    let working = precision.adding(bits: 32)
    return BigFloat(BigFloat(p, precision: working) / BigFloat(q, precision: working), precision: precision)
  }
}
