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

extension _Richardson {
  /// An error model beyond n^−α·(power series): the basis functions n^−γ·(ln n)^i the
  /// extrapolation removes, besides the constant L.
  enum Model: Sendable, Equatable {
    /// n^−(α+j) (the closed-form weights of `extrapolate`).
    case power
    /// n^−(α+j)·(ln n)^i for i ≤ j/α: the expansion when the two exponents of the recurrence
    /// differ by the integer α (resonance: a log term enters α orders down, its square 2α down, …).
    case logarithmic
    /// n^−(kα+j) for k ≥ 1 (a real α: powers of the ratio of the two solutions), with
    /// n^−(α+j)·ln n and (ln n)² for the first orders, which absorb the error of α's estimate.
    case multiExponent

    var name: String {
      switch self {
      case .power: "power"
      case .logarithmic: "log"
      case .multiExponent: "multi-exponent"
      }
    }
  }

  /// The first `count` basis terms (γ, i) of `model` for exponent `alpha`, ascending in γ.
  static func basis(_ model: Model, alpha: Double, count: Int) -> [(gamma: Double, log: Int)] {
    var out: [(Double, Int)] = []
    switch model {
    case .power:
      out = (0..<count).map { (alpha + Double($0), 0) }
    case .logarithmic:
      let a = max(1, Int(alpha.rounded()))
      var j = 0
      while out.count < count {
        for i in 0...(j / a) where out.count < count { out.append((alpha + Double(j), i)) }
        j += 1
      }
    case .multiExponent:
      var terms: [(Double, Int)] = []
      for k in 1...8 {
        for j in 0..<count { terms.append((Double(k) * alpha + Double(j), 0)) }
      }
      for j in 0..<min(count, 6) {
        terms.append((alpha + Double(j), 1))
        if j < 3 { terms.append((alpha + Double(j), 2)) }
      }
      terms.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
      // Near-equal exponents (k·α + j close to k'·α + j') would make the system singular.
      for t in terms where out.count < count {
        if let last = out.last, last.1 == t.1, abs(last.0 - t.0) < 1e-6 { continue }
        if out.contains(where: { $0.1 == t.1 && abs($0.0 - t.0) < 1e-6 }) { continue }
        out.append(t)
      }
    }
    return out
  }

  /// L from y(n_k) = L + Σ_c a_c·φ_c(n_k), φ_c(n) = s^−γ_c·(ln s)^i_c with s = n/n₀, on
  /// nodes.count = basis.count + 1 nodes: the weights w solve Σ_k w_k = 1, Σ_k w_k φ_c(n_k) = 0
  /// (Gaussian elimination with partial pivoting at `precision` plus guard bits). Returns L and
  /// log10 Σ|w_k|.
  /// - Complexity: O(m³) multiplications at the working precision, m = nodes.count.
  static func solve(
    nodes: [Int], values: [BigFloat], basis: [(gamma: Double, log: Int)], alpha: BigFloat?, precision: Precision
  ) -> (value: BigFloat, log10Amplification: Double)? {
    let size = nodes.count
    guard basis.count == size - 1 else { return nil }
    let working = precision.adding(bits: 64 + 4 * size)
    let origin = BigFloat(nodes[0], precision: working)
    let logs = nodes.map { (BigFloat($0, precision: working) / origin).log() }
    // The exact α (as a number of the working precision) replaces its double in k·α + j.
    func gamma(_ g: Double) -> BigFloat {
      guard let alpha else { return BigFloat(g, precision: working) }
      let a = alpha.doubleValue
      let k = (g / a).rounded(.down)
      for kk in stride(from: max(1, Int(k) - 1), through: Int(k) + 1, by: 1) {
        let j = g - Double(kk) * a
        if abs(j - j.rounded()) < 1e-9 { return BigFloat(alpha, precision: working) * kk + Int(j.rounded()) }
      }
      return BigFloat(g, precision: working)
    }
    // B[c][k] = φ_c(n_k), row 0 all ones: B·w = e₀.
    var b: [[BigFloat]] = [Array(repeating: BigFloat(1, precision: working), count: size)]
    for term in basis {
      let g = gamma(term.gamma)
      b.append(
        logs.map { l in
          var v = (-(g * l)).exp()
          for _ in 0..<term.log { v = v * l }
          return v
        })
    }
    var rhs = [BigFloat(1, precision: working)] + Array(repeating: BigFloat(0, precision: working), count: size - 1)
    for col in 0..<size {
      var pivot = col
      for r in col + 1..<size where b[r][col].magnitude > b[pivot][col].magnitude { pivot = r }
      guard !b[pivot][col].isZero else { return nil }
      if pivot != col {
        b.swapAt(pivot, col)
        rhs.swapAt(pivot, col)
      }
      for r in col + 1..<size where !b[r][col].isZero {
        let f = b[r][col] / b[col][col]
        for k in col..<size { b[r][k] = b[r][k] - f * b[col][k] }
        rhs[r] = rhs[r] - f * rhs[col]
      }
    }
    var w = Array(repeating: BigFloat(0, precision: working), count: size)
    for r in stride(from: size - 1, through: 0, by: -1) {
      var s = rhs[r]
      for k in r + 1..<size { s = s - b[r][k] * w[k] }
      w[r] = s / b[r][r]
    }
    var value = BigFloat(0, precision: working)
    var absolute = BigFloat(0, precision: working)
    for k in 0..<size {
      value += w[k] * BigFloat(values[k], precision: working)
      absolute += w[k].magnitude
    }
    return (BigFloat(value, precision: precision), absolute.log10Magnitude)
  }
}
