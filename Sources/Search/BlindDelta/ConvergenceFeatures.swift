import ContinuedFractions
import Multiprecision
import Recurrences

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The blind-δ fingerprint of one converging PCF, measured at depth N against a walk to 2N.
///
/// With x(n) = p(n)/q(n), g(n) = gcd(p(n), q(n)) and L the limit read at depth 2N:
/// - `delta`: δ(N) with |L − p/q| = (q/g)^−(1+δ) for the reduced convergent at N
///   (`Limit.delta(against:)`);
/// - `rate`: digits per term, −log10|L − x(N)| / N;
/// - `denominatorNLogN`, `denominatorN`: the least-squares fit
///   log10(q(n)/g(n)) ≈ u·n·log10 n + v·n at the checkpoints n = N/16 … N;
/// - `errorNLogN`, `errorN`, `errorLog`: the fit −log10|L − x(n)| ≈ c·n·log10 n + d·n + b·log10 n
///   at the same checkpoints (the paper's model of the error);
/// - `factorialDegree`: k in g(N) ~ (N!)^k·c^N (`Limit.reduction()`).
///
/// For polynomial a, b the reduced denominators and the errors grow like n·log n and n to first
/// order (Perron–Kreuser asymptotics of the recurrence, reduced by a factorial gcd), so
/// δ(n) → (c·log n + d)/(u·log n + v) − 1: the four fitted coefficients determine δ's whole
/// trajectory in n, not only its value at N, which is why two PCFs of one family (equivalent
/// fractions, or one formula's shifts) share them while δ(N) alone can coincide by chance.
/// - SeeAlso: Elimelech et al., "Unsupervised discovery of formulas for mathematical constants",
///   NeurIPS 2024 (the blind-δ features; this is the same model at the product tree's checkpoints).
public struct ConvergenceFeatures: Sendable, Hashable {
  public var delta: Double
  public var rate: Double
  public var denominatorNLogN: Double
  public var denominatorN: Double
  public var errorNLogN: Double
  public var errorN: Double
  public var errorLog: Double
  public var factorialDegree: Double
  /// Certified decimal places of the limit at depth 2N.
  public var digits: Double
  /// The limit in double precision.
  public var value: Double

  /// The names of the features in storage order (also the names a spec's `cluster_features` uses).
  public static let names = [
    "delta", "rate", "denominator_nlogn", "denominator_n", "error_nlogn", "error_n", "error_log",
    "factorial_degree", "digits", "value",
  ]

  /// The features in `names` order.
  public var vector: [Double] {
    [
      delta, rate, denominatorNLogN, denominatorN, errorNLogN, errorN, errorLog, factorialDegree, digits, value,
    ]
  }

  /// Features from a vector in `names` order. Precondition: `vector.count == names.count`.
  public init(vector v: [Double]) {
    precondition(v.count == Self.names.count, "a feature vector has \(Self.names.count) entries, got \(v.count)")
    (delta, rate, denominatorNLogN, denominatorN) = (v[0], v[1], v[2], v[3])
    (errorNLogN, errorN, errorLog, factorialDegree, digits, value) = (v[4], v[5], v[6], v[7], v[8], v[9])
  }

  /// The value of the feature called `name` (one of `names`).
  public subscript(name: String) -> Double? {
    Self.names.firstIndex(of: name).map { vector[$0] }
  }
}

/// One measurement: the features, and the limit at 2N that later steps (identification) read.
public struct BlindMeasurement: Sendable {
  public let features: ConvergenceFeatures
  /// The limit read at depth 2N (the reference of δ when its places suffice).
  public let reference: Limit
  /// The extrapolated limit of a slowly converging fraction (the reference of δ then), else `nil`.
  public let extrapolation: Extrapolation?
}

extension ConvergenceFeatures {
  /// Measures a PCF: one product tree through the checkpoints N/8, N/4, N/2, N and a reference
  /// depth M; the gcds at the checkpoints; δ at N and the two fits. M is N + N/8 first (enough for
  /// a fraction gaining a digit every few terms), then 2N when that walk certifies too few places
  /// for the error at N (the reference must exceed it by 20 places).
  ///
  /// A slowly converging fraction (errors like n^−k) certifies few places even at 2N. When its
  /// places grow like a power law's (`BlindExtrapolation.isPolynomial`) and `extrapolation` is
  /// given, its limit is extrapolated within those bounds and, when that gives the places the
  /// error at N needs, the features are read against it (`BlindMeasurement.extrapolation`; the
  /// `digits` feature stays the certified count). Otherwise they are read against the convergent
  /// x(2N) itself, as the paper reads every PCF (δ at 1000 against the value at 2000): with
  /// |x(n) − L| ~ C·n^−k, |x(n) − x(2N)| differs from |x(n) − L| by a factor 1 − (n/2N)^k, which
  /// moves δ(N) by at most log10 2 / log10(q/g), below 10^−3 for q/g beyond 300 digits. `nil` when
  /// the walk does not converge at all.
  /// Precondition: depth ≥ 32.
  /// - Complexity: one walk to M (about 1.2 × the cost of a walk to N when M = 9N/8), four gcds
  ///   and four divisions at the error's precision; for a slow fraction, an extrapolation within
  ///   `extrapolation`'s bounds.
  public static func measure(_ pcf: PCF, depth n: Int, extrapolation: BlindExtrapolation? = nil) -> BlindMeasurement? {
    precondition(n >= 32, "blind-delta depth \(n) must be at least 32")
    let checkpoints = [n / 8, n / 4, n / 2, n]
    for m in [n + n / 8, 2 * n] {
      let deeper = reference(for: pcf, depths: checkpoints + [m])
      guard deeper.status == .converging, deeper.checkpoints.count == 4, deeper.checkpoints[3].depth == n else {
        return nil
      }
      let atN = deeper.checkpoints[3]
      let expected = -atN.log10Difference
      guard expected.isFinite else { return nil }
      let needed = Int(expected.rounded(.up)) + 20
      if deeper.digits < needed {
        if m < 2 * n { continue }
        if let extrapolation, BlindExtrapolation.isPolynomial(deeper), let e = extrapolation.limit(pcf),
          e.digits >= needed,
          let measured = features(deeper, depth: n, places: Swift.min(needed + 20, e.digits), extrapolated: e)
        {
          return measured
        }
        return features(deeper, depth: n, places: needed + 20, certified: false)
      }
      return features(deeper, depth: n, places: needed + 20, certified: true)
    }
    return nil
  }

  /// The features from a converging reference walk whose checkpoints are N/8, N/4, N/2, N, read
  /// against its value to `places` places (at most its certified ones when `certified`), or against
  /// its final convergent computed to `places` places when not.
  static func features(_ deeper: Limit, depth n: Int, places wanted: Int, certified: Bool) -> BlindMeasurement? {
    let places = certified ? Swift.min(wanted, deeper.digits) : wanted
    let reference =
      certified ? deeper.value(places: places) : deeper.final.value(.digits(places + deeper.integerDigits + 10))
    return features(deeper, reference: reference, places: places, extrapolation: nil)
  }

  /// The features read against an extrapolated limit, to `places` of its places.
  static func features(_ deeper: Limit, depth n: Int, places: Int, extrapolated e: Extrapolation) -> BlindMeasurement? {
    let reference = BigFloat(e.value, precision: .digits(places + deeper.integerDigits + 10))
    return features(deeper, reference: reference, places: places, extrapolation: e)
  }

  static func features(_ deeper: Limit, reference: BigFloat, places: Int, extrapolation: Extrapolation?)
    -> BlindMeasurement?
  {
    // (n, log10 q/g, −log10 |L − x(n)|, log10 g) at each checkpoint.
    var samples: [(n: Double, reduced: Double, error: Double, gcd: Double)] = []
    for c in deeper.checkpoints where !c.q.isZero {
      let g = BigInt.gcd(c.p, c.q).log10Magnitude
      let expected = -c.log10Difference
      guard expected.isFinite else { return nil }
      let working = Precision.digits(Swift.max(1, Int(expected)) + 30 + deeper.integerDigits)
      let difference = (BigFloat(reference, precision: working) - c.value(working)).magnitude
      guard !difference.isZero, -difference.log10Magnitude < Double(places - 5) else { return nil }
      samples.append((Double(c.depth), c.q.log10Magnitude - g, -difference.log10Magnitude, g))
    }
    guard samples.count == 4, samples[3].reduced > 0 else { return nil }
    let last = samples[3]
    let half = samples[2]
    let delta = last.error / last.reduced - 1
    // gcd ~ (N!)^k·c^N: the c^N part cancels in log g(N) − (N/M)·log g(M), M = N/2.
    let ratio = last.n / half.n
    let factorial = _log10Factorial(Int(last.n)) - ratio * _log10Factorial(Int(half.n))
    let degree = factorial != 0 ? (last.gcd - ratio * half.gcd) / factorial : 0
    let logs = samples.map { log10($0.n) }
    guard
      let u = _leastSquares(rows: zip(samples, logs).map { [$0.n * $1, $0.n] }, values: samples.map(\.reduced)),
      let c = _leastSquares(rows: zip(samples, logs).map { [$0.n * $1, $0.n, $1] }, values: samples.map(\.error))
    else { return nil }
    let features = ConvergenceFeatures(
      vector: [
        delta, last.error / last.n, u[0], u[1], c[0], c[1], c[2], degree, Double(deeper.digits),
        reference.doubleValue,
      ])
    guard features.vector.allSatisfy(\.isFinite) else { return nil }
    return BlindMeasurement(features: features, reference: deeper, extrapolation: extrapolation)
  }

  /// The exact walk through `depths` (checkpoints, then the reference depth); a slowly converging
  /// walk certifying too few places is extrapolated by `measure`.
  static func reference(for pcf: PCF, depths: [Int]) -> Limit {
    pcf.limit(depths: depths, threads: 1)
  }
}

/// log10 n! by lgamma.
func _log10Factorial(_ n: Int) -> Double { lgamma(Double(n) + 1) / log(10.0) }

/// The least-squares solution of rows·x ≈ values (normal equations, Gaussian elimination with
/// partial pivoting); `nil` when the system is singular.
func _leastSquares(rows: [[Double]], values: [Double]) -> [Double]? {
  guard let k = rows.first?.count, rows.count >= k else { return nil }
  // Columns are scaled to unit size first: n·log n and log n differ by orders of magnitude.
  var scale = [Double](repeating: 0, count: k)
  for r in rows { for j in 0..<k { scale[j] = max(scale[j], Swift.abs(r[j])) } }
  guard scale.allSatisfy({ $0 > 0 }) else { return nil }
  var m = [[Double]](repeating: [Double](repeating: 0, count: k + 1), count: k)
  for (r, y) in zip(rows, values) {
    for i in 0..<k {
      for j in 0..<k { m[i][j] += r[i] / scale[i] * r[j] / scale[j] }
      m[i][k] += r[i] / scale[i] * y
    }
  }
  for col in 0..<k {
    var pivot = col
    for i in col..<k where Swift.abs(m[i][col]) > Swift.abs(m[pivot][col]) { pivot = i }
    guard Swift.abs(m[pivot][col]) > 1e-12 else { return nil }
    m.swapAt(col, pivot)
    for i in 0..<k where i != col {
      let f = m[i][col] / m[col][col]
      for j in col...k { m[i][j] -= f * m[col][j] }
    }
  }
  return (0..<k).map { m[$0][k] / m[$0][$0] / scale[$0] }
}
