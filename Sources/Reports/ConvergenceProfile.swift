import Foundation
import Multiprecision
import Recurrences

/// How a walk converges, measured at several depths from exact walks: certified digits (the
/// `Limit` error model), correct digits −log10|L − p(n)/q(n)| against a reference value L, and
/// δ(n) with |L − p/q| = q^−(1+δ), p/q reduced — the data behind the convergence plots.
///
/// A point whose error |L − p/q| is below what the reference resolves (fewer than 5 of its
/// correct places to spare) has no correct digits and no δ: the reference would be measured,
/// not the walk.
public struct ConvergenceProfile: Sendable {
  /// One depth.
  public struct Point: Sendable, Equatable {
    public let depth: Int
    /// Decimal places the `Limit` at this depth certifies (0 when it certifies none).
    public let certifiedDigits: Int
    /// −log10 |L − p(n)/q(n)|; `nil` beyond the reference's resolution or when q(n) = 0.
    public let correctDigits: Double?
    /// δ(n); `nil` when the error is not resolved or the reduced denominator is 1.
    public let delta: Double?
  }

  public let points: [Point]
  /// What L is: an expression (`6/zeta(3)`) or "the walk at depth 4000".
  public let referenceLabel: String
  /// The decimal places of L that are correct.
  public let referenceDigits: Int

  /// The profile of `limits` (one per depth, ascending) against `reference`, of which
  /// `referenceDigits` decimal places are correct.
  /// - Complexity: per depth, one gcd of p(n), q(n) and one division at about `referenceDigits`.
  public init(limits: [Limit], reference: BigFloat, referenceDigits: Int, referenceLabel: String) {
    self.referenceLabel = referenceLabel
    self.referenceDigits = referenceDigits
    var points: [Point] = []
    for limit in limits where limit.exactValue == nil && limit.terminationIndex == nil {
      let c = limit.final
      var correct: Double?
      var delta: Double?
      if !c.q.isZero {
        // First at about the precision the error at this depth needs, then, when the difference
        // is at that precision's noise level, at the reference's full precision.
        let guess = max(Double(limit.digits), c.log10Difference.isFinite ? -c.log10Difference : 0)
        var places = min(referenceDigits, Int(guess * 1.2) + 60)
        while true {
          let working = Precision.digits(places + limit.integerDigits + 20)
          let difference = (BigFloat(reference, precision: working) - c.value(working)).magnitude
          let digits = difference.isZero ? Double.infinity : -difference.log10Magnitude
          if digits > Double(places - 5) && places < referenceDigits {
            places = referenceDigits
            continue
          }
          if digits <= Double(referenceDigits - 5) {
            correct = digits
            let reduced = limit.reduction().log10ReducedDenominator
            if reduced > 0 { delta = digits / reduced - 1 }
          }
          break
        }
      }
      points.append(
        Point(
          depth: limit.depth, certifiedDigits: limit.status == .converging ? limit.digits : 0, correctDigits: correct,
          delta: delta))
    }
    self.points = points
  }

  /// `count` depths up to `maxDepth`, ascending and distinct: evenly spaced, or evenly spaced in
  /// log n (from 4) for slowly converging walks, whose error is drawn on log–log axes.
  public static func depths(upTo maxDepth: Int, count: Int, logarithmic: Bool) -> [Int] {
    precondition(maxDepth >= 1 && count >= 1, "maxDepth \(maxDepth) and count \(count) must be ≥ 1")
    var out: [Int] = []
    if logarithmic {
      let lo = Foundation.log(Double(min(4, maxDepth)))
      let hi = Foundation.log(Double(maxDepth))
      for i in 0..<count {
        let f = count == 1 ? 1 : Double(i) / Double(count - 1)
        out.append(Int(Foundation.exp(lo + f * (hi - lo)).rounded()))
      }
    } else {
      for i in 1...count { out.append(max(1, Int((Double(maxDepth) * Double(i) / Double(count)).rounded()))) }
    }
    out = out.map { min(max($0, 1), maxDepth) }
    var seen = Set<Int>()
    return out.filter { seen.insert($0).inserted }.sorted()
  }

  /// The local exponent α of |L − x(n)| ~ n^−α between the last two points with a correct-digit
  /// value: a measurement, not a bound; `nil` without two such points.
  public var localExponent: (alpha: Double, from: Int, to: Int)? {
    let resolved = points.filter { $0.correctDigits != nil }
    guard resolved.count >= 2 else { return nil }
    let (p, q) = (resolved[resolved.count - 2], resolved[resolved.count - 1])
    guard q.depth > p.depth else { return nil }
    let alpha = (q.correctDigits! - p.correctDigits!) / Foundation.log10(Double(q.depth) / Double(p.depth))
    return (alpha, p.depth, q.depth)
  }

  /// The rate (correct places per term) on the second half of the depths over the rate on the
  /// quarter before it, N/4 → N/2 against N/2 → N: about 1 for geometric convergence, above
  /// (e.g. 1.1–1.2) when the rate grows, as with factorial convergence (places ~ n log n);
  /// `nil` without resolved points there.
  public var rateGrowth: Double? {
    let resolved = points.filter { $0.correctDigits != nil }
    guard let last = resolved.last, last.depth >= 8 else { return nil }
    func nearest(_ d: Int) -> Point? { resolved.min { abs($0.depth - d) < abs($1.depth - d) } }
    guard let q = nearest(last.depth / 4), let h = nearest(last.depth / 2), q.depth < h.depth, h.depth < last.depth
    else { return nil }
    let r1 = (h.correctDigits! - q.correctDigits!) / Double(h.depth - q.depth)
    let r2 = (last.correctDigits! - h.correctDigits!) / Double(last.depth - h.depth)
    return r1 > 0 ? r2 / r1 : nil
  }

  /// Correct digits per term between the last two resolved points.
  public var rate: Double? {
    let resolved = points.filter { $0.correctDigits != nil }
    guard resolved.count >= 2 else { return nil }
    let (p, q) = (resolved[resolved.count - 2], resolved[resolved.count - 1])
    return (q.correctDigits! - p.correctDigits!) / Double(q.depth - p.depth)
  }
}

extension ConvergenceProfile {
  /// Correct and certified digits against depth (linear axes).
  public func digitsPlot(title: String) -> Plot {
    Plot(
      title: title,
      description:
        "Decimal places against the depth n of the walk: correct places −log10|L − p(n)/q(n)| with L = \(referenceLabel), and places certified by the error model.",
      x: .init("depth n"), y: .init("decimal places"),
      series: [
        // Certified first, so that the correct places (usually a few more) are drawn on top.
        .init(
          "certified", points: points.map { (Double($0.depth), Double($0.certifiedDigits)) },
          style: .init(marker: .square, dash: .dashed, colour: 1)),
        .init(
          "correct (vs \(referenceLabel))",
          points: points.compactMap { p in p.correctDigits.map { (Double(p.depth), $0) } },
          style: .init(marker: .circle, dash: .solid, colour: 0)),
      ])
  }

  /// |L − p(n)/q(n)| against depth on log–log axes: a power law n^−α is a straight line.
  public func errorPlot(title: String) -> Plot {
    var description =
      "The error |L − p(n)/q(n)| with L = \(referenceLabel) against the depth n, both on log scales: convergence like n^−α is a straight line of slope −α."
    if let e = localExponent {
      description += " Local exponent between n = \(e.from) and n = \(e.to): α ≈ \(Plot.short(e.alpha))."
    }
    return Plot(
      title: title, description: description, x: .init("depth n", scale: .log10),
      y: .init("|L − p(n)/q(n)|", scale: .log10),
      series: [
        .init(
          "error (vs \(referenceLabel))",
          points: points.compactMap { p in p.correctDigits.map { (Double(p.depth), Foundation.pow(10, -$0)) } },
          style: .init(marker: .circle, dash: .solid, colour: 0))
      ])
  }

  /// δ(n) against depth, with the line δ = 0 (above it, the approximations would prove irrationality).
  /// `logDepth` draws the depth on a log scale (for log-spaced depths).
  public func deltaPlot(title: String, logDepth: Bool = false) -> Plot {
    Plot(
      title: title,
      description:
        "The irrationality-measure estimate δ(n), |L − p/q| = q^−(1+δ) with p/q = p(n)/q(n) reduced and L = \(referenceLabel), against the depth n.",
      x: .init("depth n", scale: logDepth ? .log10 : .linear), y: .init("δ"),
      series: [
        .init(
          "δ(n)", points: points.compactMap { p in p.delta.map { (Double(p.depth), $0) } },
          style: .init(marker: .triangle, dash: .solid, colour: 2))
      ], rules: [.init(y: 0, label: "δ = 0")])
  }
}
