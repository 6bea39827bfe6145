import Multiprecision
import Polynomials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The leading asymptotics of the solutions of a polynomial recurrence Σ cᵢ(n)·u(n−i) = 0, read
/// from its coefficients alone (the first level of the Birkhoff–Trjitzinsky normal form):
/// u(n) ~ (n!)^μ·λ^n·(lower-order factors).
///
/// With u(n)/u(n−1) ≈ λ·n^μ, term i is about ℓᵢ·n^(dᵢ − μ·i)·λ^−i (dᵢ = deg cᵢ, ℓᵢ its leading
/// coefficient): the largest exponent must be reached at least twice, so the μ are the slopes of
/// the upper Newton polygon of the points (i, dᵢ), and for each edge from i₀ to i₁ the λ are the
/// roots of its characteristic (Poincaré) polynomial Σ_{i on the edge} ℓᵢ·λ^(i₁−i). Each edge
/// gives i₁ − i₀ solutions (Perron–Kreuser theorem; the roots of one edge must have distinct
/// moduli for the ratio of solutions to converge at the predicted rate).
/// - SeeAlso: G. D. Birkhoff, W. J. Trjitzinsky, "Analytic theory of singular difference
///   equations", Acta Math. 60 (1933); J. Wimp, D. Zeilberger, "Resurrecting the asymptotics of
///   linear recurrences", J. Math. Anal. Appl. 111 (1985).
public struct Asymptotics: Sendable, Equatable {
  /// One solution's leading growth (n!)^μ·λ^n.
  public struct Growth: Sendable, Equatable, CustomStringConvertible {
    /// The factorial power μ (a Newton-polygon slope, rational).
    public let mu: Double
    /// λ, real and imaginary parts.
    public let real: Double
    public let imaginary: Double
    /// The characteristic polynomial of its edge, leading coefficient last (integer coefficients).
    public let characteristic: [Double]

    public var modulus: Double { (real * real + imaginary * imaginary).squareRoot() }

    public var description: String {
      let lambda =
        Swift.abs(imaginary) < 1e-6 * Swift.max(1, modulus)
        ? _format(real) : "\(_format(real)) \(imaginary < 0 ? "-" : "+") \(_format(Swift.abs(imaginary)))i"
      let power = mu == 0 ? "" : "(n!)^\(_format(mu))·"
      return "\(power)(\(lambda))^n  (|lambda| = \(_format(modulus)))"
    }
  }

  /// All r growths, dominant first (larger μ, then larger |λ|).
  public let growths: [Growth]

  /// Digits per term at which the ratio of two generic solutions converges at depth N:
  /// (μ₁ − μ₂)·log10 N + log10(|λ₁|/|λ₂|) from the two dominant growths; `nil` when they tie
  /// (equal μ and |λ|: no convergence predicted at this level) or the order is 1.
  public func rate(depth: Int) -> Double? {
    guard growths.count >= 2 else { return nil }
    let (g1, g2) = (growths[0], growths[1])
    let exponential = log10(g1.modulus / g2.modulus)
    let factorial = (g1.mu - g2.mu) * log10(Double(Swift.max(depth, 1)))
    let total = exponential + factorial
    // Roots of equal modulus come out of the iteration equal to about 1e-7 (double roots).
    guard total.isFinite, total > 1e-6 else { return nil }
    return total
  }

  /// Text for the predicted rate.
  public var rateDescription: String {
    guard growths.count >= 2 else { return "order 1: a single solution" }
    let (g1, g2) = (growths[0], growths[1])
    if g1.mu > g2.mu + 1e-12 {
      return
        "superexponential: \(_format(g1.mu - g2.mu))·log10 n + \(_format(log10(g1.modulus / g2.modulus))) digits/term"
    }
    guard let r = rate(depth: 1) else {
      return
        "no convergence predicted at this level: the two dominant solutions grow alike (|lambda| = \(_format(g1.modulus)))"
    }
    return "\(_format(r)) digits/term (log10 |lambda1/lambda2|)"
  }

  /// δ predicted at depth N when gcd(p, q) ~ (N!)^k·10^(c·N): with |L − p/q| ~ |g₂/g₁|^N and the
  /// reduced q ~ g₁^N/gcd, δ = N·(rate) / (log10 q_reduced) − 1. `nil` without a predicted rate or
  /// when the reduced q does not grow.
  public func predictedDelta(gcdLog10PerTerm c: Double, factorialDegree k: Double, depth: Int = 1000) -> Double? {
    guard growths.count >= 2, let rate = rate(depth: depth) else { return nil }
    let n = Double(Swift.max(depth, 1))
    let logFactorial = lgamma(n + 1) / log(10.0)
    let error =
      growths[0].mu > growths[1].mu + 1e-12
      ? (growths[0].mu - growths[1].mu) * logFactorial + n * log10(growths[0].modulus / growths[1].modulus)
      : n * rate
    let reduced = n * (log10(growths[0].modulus) - c) + (growths[0].mu - k) * logFactorial
    guard reduced > 0 else { return nil }
    return error / reduced - 1
  }
}

extension LinearRecurrence {
  /// The leading asymptotics of the solutions (see `Asymptotics`).
  /// - Complexity: O(r²) for the Newton polygon, O(r²) per root-finding iteration.
  public var asymptotics: Asymptotics {
    var points: [(i: Int, d: Int, l: Double)] = []
    for (i, c) in coefficients.enumerated() where !c.isZero {
      points.append((i, c.degree, Double(c.leadingCoefficient)))
    }
    // Upper convex hull from the first to the last point.
    var hull: [(i: Int, d: Int, l: Double)] = []
    for p in points {
      while hull.count >= 2 {
        let a = hull[hull.count - 2]
        let b = hull[hull.count - 1]
        // b lies on or below the segment a–p: drop it (keep only strict vertices).
        let left: Int = (b.i - a.i) * (p.d - a.d)
        let right: Int = (b.d - a.d) * (p.i - a.i)
        if left - right >= 0 { hull.removeLast() } else { break }
      }
      hull.append(p)
    }
    var growths: [Asymptotics.Growth] = []
    for k in 0..<(hull.count - 1) {
      let (i0, d0) = (hull[k].i, hull[k].d)
      let (i1, d1) = (hull[k + 1].i, hull[k + 1].d)
      let mu = Double(d1 - d0) / Double(i1 - i0)
      // Σ over points on this edge of ℓᵢ·λ^(i₁−i): coefficient of λ^(i₁−i).
      var poly = [Double](repeating: 0, count: i1 - i0 + 1)
      for p in points where p.i >= i0 && p.i <= i1 {
        let onEdge: Bool = (p.d - d0) * (i1 - i0) == (d1 - d0) * (p.i - i0)
        if onEdge { poly[i1 - p.i] = p.l }
      }
      for (re, im) in _roots(poly) {
        growths.append(Asymptotics.Growth(mu: mu, real: re, imaginary: im, characteristic: poly))
      }
    }
    growths.sort { ($0.mu, $0.modulus) > ($1.mu, $1.modulus) }
    return Asymptotics(growths: growths)
  }
}

/// The complex roots of Σ pₖ·x^k (p last nonzero) by the Durand–Kerner iteration, zero roots
/// (from p₀ = 0) included.
func _roots(_ p: [Double]) -> [(Double, Double)] {
  var p = p
  while let last = p.last, last == 0 { p.removeLast() }
  var zeros = 0
  while p.count > 1, p[0] == 0 {
    p.removeFirst()
    zeros += 1
  }
  let degree = p.count - 1
  guard degree >= 1 else { return Array(repeating: (0, 0), count: zeros) }
  let lead = p[degree]
  let monic = p.map { $0 / lead }
  // Start on a circle of the Cauchy radius, at non-symmetric angles.
  let radius = 1 + (monic.dropLast().map(Swift.abs).max() ?? 0)
  var z: [(Double, Double)] = (0..<degree).map { k in
    let t = 2 * Double.pi * Double(k) / Double(degree) + 0.4
    return (radius * cos(t), radius * sin(t))
  }
  func eval(_ x: (Double, Double)) -> (Double, Double) {
    var r = (1.0, 0.0)
    for c in monic.dropLast().reversed() {
      r = (r.0 * x.0 - r.1 * x.1 + c, r.0 * x.1 + r.1 * x.0)
    }
    // monic: x^d + ...: Horner from the leading 1.
    return r
  }
  for _ in 0..<500 {
    var moved = 0.0
    for k in 0..<degree {
      var denominator = (1.0, 0.0)
      for j in 0..<degree where j != k {
        let d = (z[k].0 - z[j].0, z[k].1 - z[j].1)
        denominator = (denominator.0 * d.0 - denominator.1 * d.1, denominator.0 * d.1 + denominator.1 * d.0)
      }
      let f = eval(z[k])
      let norm = denominator.0 * denominator.0 + denominator.1 * denominator.1
      guard norm > 0 else { continue }
      let step = (
        (f.0 * denominator.0 + f.1 * denominator.1) / norm, (f.1 * denominator.0 - f.0 * denominator.1) / norm
      )
      z[k] = (z[k].0 - step.0, z[k].1 - step.1)
      moved = Swift.max(moved, Swift.abs(step.0) + Swift.abs(step.1))
    }
    if moved < 1e-15 * radius { break }
  }
  return z + Array(repeating: (0, 0), count: zeros)
}

/// Six significant decimals, trailing zeros removed.
func _format(_ x: Double) -> String {
  guard x.isFinite else { return "\(x)" }
  if x == x.rounded() && Swift.abs(x) < 1e15 { return "\(Int(x))" }
  let scale = 1e6
  let r = (x * scale).rounded() / scale
  return "\(r)"
}
