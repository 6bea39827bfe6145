import Ramanujan

#if canImport(Glibc)
  import Glibc
#endif

extension PCFReport {
  /// The rate and δ predicted from the coefficients alone (`Asymptotics`), δ with the gcd growth
  /// measured at this depth: one text line, or `nil` when nothing is predicted.
  var predictionLine: String? {
    guard let (rate, delta) = prediction else { return nil }
    let d = delta.map { ", delta \(Self.format($0, 5)) (with the measured gcd)" } ?? ""
    return "  predict rate \(Self.format(rate, 4)) digits/term\(d) (Poincaré polynomial, without walking)"
  }

  /// Predicted digits per term at this depth and δ from the measured gcd(p, q) ~ (N!)^k·10^(cN).
  var prediction: (rate: Double, delta: Double?)? {
    let asymptotics = pcf.recurrence.asymptotics
    guard let rate = asymptotics.rate(depth: limit.depth) else { return nil }
    var delta: Double?
    if let reduction, let k = reduction.factorialDegree, limit.depth >= 2 {
      let n = limit.depth
      let logFactorial = (1...n).reduce(0.0) { $0 + log10(Double($1)) }
      let c = (reduction.log10GCD - k * logFactorial) / Double(n)
      delta = asymptotics.predictedDelta(gcdLog10PerTerm: c, factorialDegree: k, depth: n)
    } else {
      delta = asymptotics.predictedDelta(gcdLog10PerTerm: 0, factorialDegree: 0, depth: limit.depth)
    }
    return (rate, delta)
  }
}
