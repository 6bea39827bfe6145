import Multiprecision

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Generalised Richardson extrapolation to n → ∞ on nodes in 1/n (see `Extrapolation`).
enum _Richardson {
  /// The exponent α of x(n) − L ~ n^−α·(c₀ + c₁/n + …).
  enum Exponent: Sendable {
    case integer(Int)
    case real(BigFloat)

    var isInteger: Bool { if case .integer = self { true } else { false } }
    var double: Double {
      switch self {
      case .integer(let a): Double(a)
      case .real(let a): a.doubleValue
      }
    }
  }

  /// L ≈ Σ w_k·y_k with w_k ∝ (−1)^k·C(m, k)·n_k^(α+m−1), Σ w_k = 1: exact for
  /// y(n) = L + n^−α·(polynomial of degree m − 1 in 1/n) on any distinct nodes in arithmetic
  /// progression (m = nodes.count − 1). Also returns log10 of Σ|w_k|, the factor by which the
  /// rounding of the values grows.
  /// Precondition: nodes ascending in arithmetic progression, positive; values.count = nodes.count ≥ 2.
  static func extrapolate(nodes: [Int], values: [BigFloat], exponent: Exponent, precision: Precision)
    -> (value: BigFloat, log10Amplification: Double)
  {
    let m = nodes.count - 1
    let working = precision.adding(bits: 64)
    var binomial = BigFloat(1, precision: working)
    var numerator = BigFloat(0, precision: working)
    var total = BigFloat(0, precision: working)
    var absolute = BigFloat(0, precision: working)
    for k in 0...m {
      let n = BigFloat(nodes[k], precision: working)
      var w: BigFloat
      switch exponent {
      case .integer(let a): w = binomial * n.power(a + m - 1)
      case .real(let a): w = binomial * n.power(BigFloat(a, precision: working) + (m - 1))
      }
      absolute += w
      if k % 2 == 1 { w = -w }
      total += w
      numerator += w * BigFloat(values[k], precision: working)
      if k < m { binomial = binomial * (m - k) / (k + 1) }
    }
    let value = BigFloat(numerator / total, precision: precision)
    return (value, absolute.log10Magnitude - total.log10Magnitude)
  }

  /// log10 Σ|w_k| for nodes first + step·k (k = 0…order) and the integer exponent α + m − 1 = e,
  /// by |Σ_k (−1)^k C(m,k) n_k^e| = step^m·e!/(e−m)!·ξ^(e−m) for some ξ in the nodes' range (the
  /// m-th difference of x^e), taken at the smallest ξ (an upper bound of the amplification).
  static func log10Amplification(first: Int, step: Int, order m: Int, exponent e: Int) -> Double {
    var terms: [Double] = []
    for k in 0...m {
      let n = Double(first + step * k)
      terms.append(lgamma(Double(m) + 1) - lgamma(Double(k) + 1) - lgamma(Double(m - k) + 1) + Double(e) * log(n))
    }
    let top = terms.max()!
    let sum = top + log(terms.reduce(0) { $0 + exp($1 - top) })
    let total =
      Double(m) * log(Double(step)) + lgamma(Double(e) + 1) - lgamma(Double(e - m) + 1)
      + Double(e - m) * log(Double(first))
    return (sum - total) / log(10.0)
  }

  /// α from the local exponents of the differences Δ_k = y_{k+1} − y_k:
  /// e_k = ln|Δ_k/Δ_{k+1}| / ln(n_{k+1}/n_k) − 1 = α + O(1/n_k), extrapolated as a series in 1/n at
  /// full order and, for comparison, at half order on the deeper half. An integer when both agree
  /// with it to 10⁻⁶, a real number when they agree to 10⁻⁴, else a failure.
  static func exponent(nodes: [Int], values: [BigFloat]) -> Result<Exponent, ExtrapolationFailure> {
    // An integer α shows on the deepest 48 nodes already (to far better than 10⁻⁶); a real one
    // is then estimated on all of them, to as many digits as they allow.
    if values.count > 48 {
      let first = exponentEstimate(nodes: Array(nodes.suffix(48)), values: Array(values.suffix(48)))
      if case .success(.integer) = first { return first }
    }
    return exponentEstimate(nodes: nodes, values: values)
  }

  static func exponentEstimate(nodes: [Int], values: [BigFloat]) -> Result<Exponent, ExtrapolationFailure> {
    let count = values.count
    guard count >= 6 else {
      return .failure(ExtrapolationFailure("too few convergents to estimate the error's exponent"))
    }
    let precision = values[0].precision
    var differences: [BigFloat] = []
    for k in 0..<count - 1 { differences.append(values[k + 1] - values[k]) }
    let sign = differences[0].signum
    guard sign != 0, differences.allSatisfy({ $0.signum == sign }) else {
      return .failure(
        ExtrapolationFailure(
          "the convergents at depths \(nodes[0]) … \(nodes.last!) (step \(nodes[1] - nodes[0])) are not monotone"))
    }
    var local: [BigFloat] = []
    for k in 0..<differences.count - 1 {
      let ratio = (differences[k] / differences[k + 1]).log()
      let span = (BigFloat(nodes[k + 1], precision: precision) / BigFloat(nodes[k], precision: precision)).log()
      local.append(ratio / span - 1)
    }
    let points = Array(nodes.prefix(local.count))
    let full = extrapolate(nodes: points, values: local, exponent: .integer(1), precision: precision).value
    let half = local.count / 2
    let upper = extrapolate(
      nodes: Array(points.suffix(half + 1)), values: Array(local.suffix(half + 1)), exponent: .integer(1),
      precision: precision
    ).value
    let estimate = full.doubleValue
    let spread = (full - upper).magnitude.doubleValue
    let nearest = estimate.rounded()
    if nearest >= 1, abs(estimate - nearest) < 1e-6, spread < 1e-6 { return .success(.integer(Int(nearest))) }
    guard spread < 1e-4 else {
      return .failure(
        ExtrapolationFailure(
          "the error's exponent is not stable near depth \(nodes[0]) (α ≈ \(short(estimate)) at order \(local.count - 1), \(short(upper.doubleValue)) at order \(half)): log terms or no power law"
        ))
    }
    guard estimate > 0.05 else {
      return .failure(
        ExtrapolationFailure("the error's exponent α ≈ \(short(estimate)) is not positive: not converging"))
    }
    return .success(.real(full))
  }

  /// x rounded to 6 decimals, trailing zeros dropped.
  static func short(_ x: Double) -> String {
    guard x.isFinite, abs(x) < 1e12 else { return "\(x)" }
    let r = (x * 1e6).rounded() / 1e6
    if r == r.rounded() { return String(Int(r)) }
    var s = String(Int((abs(r) * 1e6).rounded()) % 1_000_000)
    s = String(repeating: "0", count: 6 - s.count) + s
    while s.hasSuffix("0") { s.removeLast() }
    return (r < 0 ? "-" : "") + String(Int(abs(r))) + "." + s
  }
}
