import Multiprecision

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Limit {
  /// The error model of a walk, checked on its checkpoints: whether digits can be certified, and
  /// the error bound when they can.
  ///
  /// The window is the checkpoints from N/8 to N (at least three of them). With
  /// D(n) = log10 d(n), d(n) = |x(n) − x(n−1)|, and k the local exponent
  /// (D(n₀) − D(n₁))/log10(n₁/n₀) of each consecutive pair, the model holds when
  /// - every k is positive (d decreasing) and no k falls below `collapseRatio` times the one
  ///   before it (a collapsing exponent means d tends to a floor);
  /// - the fit d(n) = g + C·n^−k through the last three checkpoints leaves a floor g below
  ///   `floorFraction`·d(N) (a floor means even and odd convergents tend apart, or a stall);
  /// - alternating (the sign of the differences changes at every checkpoint): |L − x(N)| ≤ d(N);
  ///   otherwise the smallest k exceeds 1 and the tail Σ_{n>N} d(n) is bounded by
  ///   max(d(N)·N/(k−1), d(N)·r/(1−r)), r the ratio per step on the last window. When the sign
  ///   pattern changes between checkpoints (complex subdominant roots), d(N) is replaced by the
  ///   envelope through every checkpoint with the least steep slope and exponent of the window.
  public enum Convergence: Sendable, Equatable {
    /// The value is exact (a terminating fraction).
    case exact
    /// The model holds: log10 of the error bound, and whether the alternating bound was used.
    case converging(errorLog10: Double, alternating: Bool)
    /// Proven not to converge (from the structure of the walk); the reason.
    case diverging(String)
    /// The numbers do not support the model at this depth; the reason.
    case undecided(String)

    /// A local exponent may fall to this fraction of the one before it, no lower.
    public static let collapseRatio = 0.6
    /// A floor g of the differences above this fraction of d(N) means they do not tend to 0.
    public static let floorFraction = 0.25

    /// Whether the alternating bound |L − x(N)| ≤ d(N) was used.
    public var alternating: Bool {
      if case .converging(_, let alternating) = self { return alternating }
      return false
    }

    /// Checks the model on `points` (ascending depths, the last one N) with the sign pattern of
    /// each (`alternations`, one per point, or empty when unknown).
    init(checkpoints points: [Convergents], alternations: [Bool?]) {
      guard let final = points.last else {
        self = .undecided("no convergents")
        return
      }
      let depth = final.depth
      let dN = final.log10Difference
      guard dN.isFinite else {
        self = .undecided(
          dN == -.infinity
            ? "the convergents at depths \(depth - 1) and \(depth) are equal: the walk is stalled"
            : "q(N) or q(N−1) is zero at depth \(depth)")
        return
      }
      var window: [(n: Int, d: Double, alternates: Bool?)] = []
      for (i, c) in points.enumerated() where c.depth >= 2 && c.depth >= depth >> 3 && !c.hasZeroDenominator {
        let d = c.log10Difference
        guard d.isFinite else { continue }
        window.append((c.depth, d, alternations.isEmpty ? nil : alternations[i]))
      }
      guard window.count >= 3, window.last?.n == depth else {
        self = .undecided(
          "depth \(depth) is too shallow to check the error model (3 checkpoints between N/8 and N are needed: depth ≥ 4)"
        )
        return
      }
      var exponents: [Double] = []
      for (x, y) in zip(window, window.dropFirst()) {
        let k = (x.d - y.d) / log10(Double(y.n) / Double(x.n))
        guard k > 0 else {
          self = .undecided(
            "the differences of convergents do not shrink between depths \(x.n) and \(y.n) (10^\(Self.short(x.d)) → 10^\(Self.short(y.d))): diverging or oscillating"
          )
          return
        }
        exponents.append(k)
      }
      for (i, (k0, k1)) in zip(exponents, exponents.dropFirst()).enumerated() where k1 < Self.collapseRatio * k0 {
        self = .undecided(
          "the decay of the differences collapses between depths \(window[i].n) and \(window[i + 2].n) (local exponent \(Self.short(k0)) → \(Self.short(k1))): they tend to a floor or oscillate"
        )
        return
      }
      let last3 = Array(window.suffix(3))
      if let floor = Self.floorFraction(last3.map { ($0.n, $0.d) }), floor > Self.floorFraction {
        self = .undecided(
          "the differences of convergents level off near \(Self.short(floor * 100))% of d(N) = 10^\(Self.short(dN)) between depths \(last3[0].n) and \(depth): even and odd convergents tend apart, or the walk stalls"
        )
        return
      }
      let alternating = window.allSatisfy { $0.alternates == true }
      if alternating {
        self = .converging(errorLog10: dN, alternating: true)
        return
      }
      let kMin = exponents.min()!
      guard kMin > 1.05 else {
        self = .undecided(
          "the differences shrink only like n^-\(Self.short(kMin)) and do not alternate: their tail cannot be bounded at depth \(depth)"
        )
        return
      }
      // A sign pattern that changes between checkpoints (complex subdominant roots, order ≥ 3)
      // lets d(N) dip below the envelope of the differences: take the envelope through every
      // checkpoint of the window with the least steep slope and exponent, not d(N) alone.
      let mixed = window.contains { $0.alternates == true }
      var slope = 0.0
      var envelope = dN
      if mixed {
        slope = -Double.infinity
        for (x, y) in zip(window, window.dropFirst()) { slope = max(slope, (y.d - x.d) / Double(y.n - x.n)) }
        for p in window {
          envelope = max(envelope, p.d + slope * Double(depth - p.n), p.d - kMin * log10(Double(depth) / Double(p.n)))
        }
      } else {
        let previous = window[window.count - 2]
        slope = (dN - previous.d) / Double(depth - previous.n)
      }
      let r = pow(10, slope)
      let geometric = r < 1 ? envelope + log10(r / (1 - r)) : Double.infinity
      let polynomial = envelope + log10(Double(depth) / (kMin - 1))
      self = .converging(errorLog10: max(envelope, geometric, polynomial), alternating: false)
    }

    /// The floor g of the fit d(n) = g + C·n^−k through three points (depth, log10 d), as a
    /// fraction of the last d; `nil` when the points decay too fast for a floor to matter.
    static func floorFraction(_ p: [(Int, Double)]) -> Double? {
      // d relative to the last one; a decay by 10^12 over the window leaves no visible floor.
      let v0 = p[0].1 - p[2].1
      let v1 = p[1].1 - p[2].1
      guard v0 < 12 else { return nil }
      let d0 = pow(10, v0)
      let d1 = pow(10, v1)
      let (n0, n1, n2) = (Double(p[0].0), Double(p[1].0), Double(p[2].0))
      let lhs = (d0 - d1) / (d1 - 1)
      guard d1 > 1, d0 > d1, lhs.isFinite else { return nil }
      // (n0^−k − n1^−k)/(n1^−k − n2^−k) increases from log(n1/n0)/log(n2/n1) (k → 0) to ∞.
      func ratio(_ k: Double) -> Double {
        let (a, b, c) = (pow(n0, -k), pow(n1, -k), pow(n2, -k))
        return (a - b) / (b - c)
      }
      if lhs <= log(n1 / n0) / log(n2 / n1) { return 1 }  // slower than any power: a floor
      var (lo, hi) = (1e-9, 1.0)
      while ratio(hi) < lhs && hi < 1e6 { hi *= 2 }
      for _ in 0..<100 {
        let mid = (lo + hi) / 2
        if ratio(mid) < lhs { lo = mid } else { hi = mid }
      }
      let k = (lo + hi) / 2
      let c = (d1 - 1) / (pow(n1, -k) - pow(n2, -k))
      return 1 - c * pow(n2, -k)
    }

    static func short(_ x: Double) -> String {
      let r = (x * 100).rounded() / 100
      return r == r.rounded() ? String(Int(r)) : String(r)
    }
  }
}

extension Limit {
  /// A limit read from general walks: for each checkpoint depth n (see `checkpointDepths`) and
  /// for N, the convergents at n−1 and at n, whose exact differences give the sign pattern.
  /// - Precondition: `pairs` ascending by depth, the last one at depth N.
  public init(consecutive pairs: [(previous: Convergents, current: Convergents)]) {
    let alternations: [Bool?] = pairs.map { pair in
      guard let s0 = pair.previous.differenceSign, let s1 = pair.current.differenceSign else { return nil }
      return s0 != 0 && s1 != 0 && s0 != s1
    }
    self.init(
      final: pairs.last!.current, checkpoints: pairs.dropLast().map(\.current), alternations: alternations)
  }
}
