import Multiprecision

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A limit extrapolated from convergents whose error has an asymptotic expansion in powers of 1/n,
/// x(n) − L ~ n^−α·(c₀ + c₁/n + c₂/n² + …), possibly different on each residue class of n modulo a
/// period (alternating convergents: period 2). Always kept apart from the certified value of
/// `Limit`: these digits rest on the error model, checked by the agreement of independent
/// extrapolations, not on a proven bound.
///
/// Method (generalised Richardson / Lagrange–Zagier extrapolation): on nodes n_k = N + r + p·k
/// (k = 0…m, one residue class r of the period p), the combination L ≈ Σ w_k x(n_k) with
/// w_k ∝ (−1)^k·C(m, k)·n_k^(α+m−1), Σ w_k = 1, is exact for L + n^−α·(polynomial of degree m−1
/// in 1/n): it is the interpolation at t = 0 in t = 1/n with the basis t^α, t^(α+1), … (for α = 1,
/// Zagier's formula). α comes from the data: the local exponent of the differences,
/// e(n) = ln|Δ(n)/Δ(n+p)| / ln((n+p)/n) − 1, is α + O(1/n) and is itself extrapolated; an integer is
/// used when α is one to 10⁻⁶, else the estimate.
///
/// Honesty: three extrapolations on nodes at depths and orders scaled by 0.6, 0.8 and 1 are
/// computed; the differences between consecutive ones must shrink at least twofold (a model that
/// misses a term — log n, a wrong α, an oscillation of irrational frequency — leaves errors that
/// fall slowly with the depth and fails this), every residue class must agree, and the error
/// estimate is the last difference (or the rounding floor of the working precision), times
/// 10^`safetyMargin`.
public struct Extrapolation: Sendable {
  /// The extrapolated value (the deepest extrapolation, residue class 0).
  public let value: BigFloat
  /// log10 of the estimated error |L − value| (agreement of the extrapolations, with the margin).
  public let errorLog10: Double
  /// The exponent α of the error used (an integer when `alphaIsInteger`).
  public let alpha: Double
  public let alphaIsInteger: Bool
  /// The period of the convergents' error pattern (2: alternating); each residue class was
  /// extrapolated on its own.
  public let period: Int
  /// The first node depth and the order of each of the three extrapolations, ascending.
  public let stages: [Stage]
  /// The deepest convergent used.
  public let depth: Int
  /// The terms removed besides n^−(α+j): "power" (none), "log" (n^−(α+j)·(ln n)^i, resonant
  /// exponents), "multi-exponent" (n^−(kα+j), a real α).
  public let model: String

  public struct Stage: Sendable, Equatable {
    public let depth: Int
    public let order: Int
  }

  /// Orders of magnitude subtracted from the agreement of the extrapolations.
  public static let safetyMargin = 2.0

  /// Decimal places k with 2·error ≤ 10^−k.
  public var digits: Int { max(0, Int((-(errorLog10 + log10(2.0))).rounded(.down))) }

  /// The method's name, as JSON prints it.
  public var method: String { "richardson" }

  /// A one-line account: method, α, period, orders and depths.
  public var summary: String {
    let a = alphaIsInteger ? String(Int(alpha)) : _Richardson.short(alpha)
    let orders = stages.map { "\($0.order)" }.joined(separator: "/")
    let from = stages.map { "\($0.depth)" }.joined(separator: "/")
    let terms =
      switch model {
      case "log": " with log terms"
      case "multi-exponent": " with powers n^−kα"
      default: ""
      }
    return
      "Richardson in 1/n\(terms), α = \(a), period \(period); orders \(orders) from depths \(from) (convergents to \(depth))"
  }

  /// The value as decimal text holding only the extrapolated places (at most `maxPlaces`),
  /// truncated so that no printed digit lies outside the error estimate.
  public func text(maxPlaces: Int? = nil) -> String {
    let places = min(digits, maxPlaces ?? digits)
    guard places > 0 || digits > 0 else { return "" }
    let estimate = Precision.bits(64)
    let radius = BigFloat(10, precision: estimate).power(BigFloat(errorLog10, precision: estimate))
    return value.decimal(places: places, within: radius)
  }
}

/// Why no extrapolated value is given.
public struct ExtrapolationFailure: Error, Sendable, Equatable, CustomStringConvertible {
  public let reason: String
  public init(_ reason: String) { self.reason = reason }
  public var description: String { "cannot extrapolate: \(reason)" }
}

extension ConvergentSequence {
  /// The order of the general models (log terms, several exponents), whose weights cost O(m³).
  static let generalOrder = 72

  /// The largest number of places `extrapolatedLimit` is asked for.
  public static let maxExtrapolatedDigits = 20_000

  /// An extrapolated limit with at least `digits` places when the convergents up to `maxDepth` allow
  /// it (else the best reached, or the reason there is none). Depth and order grow from an
  /// estimate for `digits` until reached or `maxDepth` is used; the working precision follows
  /// from the digits and the amplification of the extrapolation weights.
  /// Precondition: 1 ≤ digits ≤ `maxExtrapolatedDigits`, maxDepth ≥ 1.
  /// - Complexity: per attempt, one product tree to depth ≈ 0.6N plus about (p+1)·m stepped
  ///   convergents and their divisions, with m ≈ digits/1.1 and N ≈ m.
  public func extrapolatedLimit(digits: Int, maxDepth: Int, threads: Int = availableCores) -> Result<
    Extrapolation, ExtrapolationFailure
  > {
    extrapolatedLimit(digits: digits, maxDepth: maxDepth, threads: threads, check: { _ in })
  }

  /// `extrapolatedLimit(digits:maxDepth:threads:)`, calling `check` with each depth before it is
  /// walked; what `check` throws ends the search. `firstPassOnly` stops where the orders stop buying
  /// places, before the deepening and the general models (which cost seconds at high orders): for
  /// a bounded look at many sequences, such as a search's.
  public func extrapolatedLimit(
    digits: Int, maxDepth: Int, threads: Int = availableCores, firstPassOnly: Bool = false,
    check: (Int) throws -> Void
  ) rethrows -> Result<Extrapolation, ExtrapolationFailure> {
    precondition(
      (1...Self.maxExtrapolatedDigits).contains(digits) && maxDepth >= 1,
      "digits \(digits) must be in 1...\(Self.maxExtrapolatedDigits) and maxDepth \(maxDepth) ≥ 1")
    var m = max(8, Int(Double(digits + 4) / 1.1) + 2)
    // The period first, from the signs of the differences near the first depth.
    let probe = max(1, min(m, maxDepth - 25))
    try check(probe + 25)
    let periods: [Int]
    switch detectPeriod(at: probe, precision: .digits(digits + 40), threads: threads) {
    case .success(let p): periods = p == 1 ? [1, 2] : [p]
    case .failure(let f): return .failure(f)
    }
    var best: Extrapolation?
    var failure = ExtrapolationFailure("the convergents up to depth \(maxDepth) are too few")
    // Order and depth grow together while each order buys digits (about one place per order
    // when the model holds); when it stops doing so (a term the model misses, such as a log term
    // far down the expansion), only the depth grows, fourfold, while that still gains places.
    var depth = m
    var deepening = false
    // When orders stop buying places, a model with more terms (log terms for an integer α,
    // powers n^−kα for a real one) at a moderate order (its weights cost O(m³)), deepening.
    var general = false
    while true {
      let p = periods.max()!
      var last = false
      if depth + p * (m + 1) > maxDepth {
        if deepening { depth = maxDepth - p * (m + 1) } else { m = (maxDepth - p) / (1 + p); depth = m }
        last = true
        if m < 8 || depth < m / 2 { break }
      }
      try check(depth + p * (m + 1))
      let before = best?.digits ?? 0
      var round: Extrapolation?
      for p in periods where depth + p * (m + 1) <= maxDepth {
        switch attempt(depth: depth, order: m, period: p, digits: digits, general: general, threads: threads) {
        case .success(let e):
          if round == nil || e.digits > round!.digits { round = e }
        case .failure(let f): failure = f
        }
        if let round, round.digits >= digits { break }
      }
      if let round, best == nil || round.digits > best!.digits { best = round }
      if let best, best.digits >= digits { break }
      if last { break }
      let got = round?.digits ?? 0
      if deepening {
        if got < before + 3 { break }  // deeper no longer helps
        depth *= 2
      } else if Double(got) >= 0.5 * Double(m) || m < 24 {
        let factor = min(2.5, max(1.3, Double(digits + 3) / Double(max(got, 1)) * 1.05))
        m = Int((Double(m) * factor).rounded(.up))
        depth = m
      } else {
        if firstPassOnly { break }
        deepening = true
        general = true
        m = min(m, Self.generalOrder)
        depth = max(depth, 2 * m)
      }
    }
    return best.map { .success($0) } ?? .failure(failure)
  }

  /// The smallest period ≤ 6 of the signs of x(n+1) − x(n) over 24 steps from `depth`.
  func detectPeriod(at depth: Int, precision: Precision, threads: Int) -> Result<Int, ExtrapolationFailure> {
    let values = self.values(in: [depth...depth + 24], precision: precision, threads: threads)
    var signs: [Int] = []
    for n in depth..<depth + 24 {
      guard let x0 = values[n], let x1 = values[n + 1] else {
        return .failure(ExtrapolationFailure("the convergent at depth \(n) or \(n + 1) is undefined (q = 0)"))
      }
      let s = (x1 - x0).signum
      guard s != 0 else {
        return .failure(
          ExtrapolationFailure("the convergents at depths \(n) and \(n + 1) agree to the working precision"))
      }
      signs.append(s)
    }
    for p in 1...6 where (0..<signs.count - p).allSatisfy({ signs[$0] == signs[$0 + p] }) { return .success(p) }
    return .failure(
      ExtrapolationFailure(
        "the signs of the differences of convergents show no period ≤ 6 at depth \(depth) (an oscillation the model cannot represent)"
      ))
  }

  /// Three extrapolations of period `period` at (depth, order) scaled by 0.6, 0.8 and 1.
  func attempt(depth: Int, order: Int, period p: Int, digits: Int, general: Bool = false, threads: Int)
    -> Result<Extrapolation, ExtrapolationFailure>
  {
    let stages = [0.6, 0.8, 1.0].map { s in
      Extrapolation.Stage(depth: max(1, Int(Double(depth) * s)), order: max(4, Int(Double(order) * s)))
    }
    let ranges = stages.map { $0.depth...($0.depth + p * $0.order + p - 1) }
    let deepest = ranges.map(\.upperBound).max()!
    // Working digits: the places asked for, the amplification of the deepest weights (α = 1 bound),
    // the digits the differences lose against the values, and guard digits.
    let top = stages.last!
    let amplification = _Richardson.log10Amplification(
      first: top.depth, step: p, order: top.order, exponent: top.order)
    let differenceLoss = 8 * log10(Double(deepest))
    // The general models' weights amplify more than the closed form's: about one more digit per order.
    let generalLoss = general ? Double(top.order) : 0
    var working = Precision.digits(digits + Int(amplification + differenceLoss + generalLoss) + 30)
    var values = self.values(in: ranges, precision: working, threads: threads)
    // The nodes N + r + p·k (k = 0…order) of residue class r in a stage, with their convergents.
    func residueClass(_ stage: Extrapolation.Stage, _ r: Int) -> Result<([Int], [BigFloat]), ExtrapolationFailure> {
      let nodes = (0...stage.order).map { stage.depth + r + p * $0 }
      let ys = nodes.compactMap { values[$0] }
      guard ys.count == nodes.count else {
        return .failure(ExtrapolationFailure("a convergent between depths \(nodes[0]) and \(nodes.last!) is undefined"))
      }
      return .success((nodes, ys))
    }
    var alphas: [_Richardson.Exponent] = []
    for pass in 0..<2 {
      alphas = []
      for r in 0..<p {
        let nodes: [Int]
        let ys: [BigFloat]
        switch residueClass(top, r) {
        case .success(let c): (nodes, ys) = c
        case .failure(let f): return .failure(f)
        }
        switch _Richardson.exponent(nodes: nodes, values: ys) {
        case .success(let a): alphas.append(a)
        case .failure(let f): return .failure(f)
        }
      }
      // A real exponent must be known to about as many digits as the value: the estimate loses
      // (α + 2)·log10 n digits against the values, so the second pass works with more.
      guard pass == 0, alphas.contains(where: { !$0.isInteger }) else { break }
      let extra = Int((alphas.map(\.double).max()! + 3) * log10(Double(deepest))) + digits
      working = working.adding(bits: Int(Double(extra) * Precision.bitsPerDigit))
      values = self.values(in: ranges, precision: working, threads: threads)
    }
    // Each stage and class; the rounding floor of each from the amplification of its weights.
    var results: [[(value: BigFloat, floor: Double)]] = []
    for stage in stages {
      var row: [(BigFloat, Double)] = []
      for r in 0..<p {
        let nodes: [Int]
        let ys: [BigFloat]
        switch residueClass(stage, r) {
        case .success(let c): (nodes, ys) = c
        case .failure(let f): return .failure(f)
        }
        let v: BigFloat
        let amp: Double
        if general {
          let model: _Richardson.Model = alphas[r].isInteger ? .logarithmic : .multiExponent
          let alphaValue: BigFloat? =
            if case .real(let a) = alphas[r] { a } else { nil }
          guard
            let solved = _Richardson.solve(
              nodes: nodes, values: ys,
              basis: _Richardson.basis(model, alpha: alphas[r].double, count: nodes.count - 1), alpha: alphaValue,
              precision: working)
          else {
            return .failure(ExtrapolationFailure("the \(model.name) model's system is singular at depth \(nodes[0])"))
          }
          (v, amp) = solved
        } else {
          (v, amp) = _Richardson.extrapolate(nodes: nodes, values: ys, exponent: alphas[r], precision: working)
        }
        let magnitude = ys.map(\.log10Magnitude).max()!
        row.append((v, amp + max(0, magnitude) - Double(working.digits) + 1))
      }
      results.append(row)
    }
    var error = -Double.infinity
    for r in 0..<p {
      let (a, b, c) = (results[0][r], results[1][r], results[2][r])
      let floor = max(a.floor, b.floor, c.floor) + 1
      let dAB = (a.value - b.value).magnitude.log10Magnitude
      let dBC = (b.value - c.value).magnitude.log10Magnitude
      var e: Double
      if dAB <= floor && dBC <= floor {
        e = floor
      } else if dBC <= dAB - log10(2.0) {
        e = max(dBC, floor)
      } else {
        return .failure(
          ExtrapolationFailure(
            "the extrapolations from depths \(stages[0].depth), \(stages[1].depth), \(stages[2].depth) do not converge (differences 10^\(Limit.Convergence.short(dAB)) then 10^\(Limit.Convergence.short(dBC))): the error is not n^−α times a power series in 1/n (log terms, or an oscillation)"
          ))
      }
      if r > 0 {
        let apart = (results[2][r].value - results[2][0].value).magnitude.log10Magnitude
        if apart > max(e, error) + 1 {
          return .failure(
            ExtrapolationFailure(
              "the residue classes modulo \(p) extrapolate to values 10^\(Limit.Convergence.short(apart)) apart"))
        }
        e = max(e, apart)
      }
      error = max(error, e)
    }
    let alpha = alphas[0]
    return .success(
      Extrapolation(
        value: results[2][0].value, errorLog10: error + Extrapolation.safetyMargin, alpha: alpha.double,
        alphaIsInteger: alpha.isInteger, period: p, stages: stages, depth: deepest,
        model: general ? (alpha.isInteger ? "log" : "multi-exponent") : "power"))
  }
}
