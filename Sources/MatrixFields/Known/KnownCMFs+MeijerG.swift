import Foundation
import Multiprecision
import Polynomials

extension KnownCMFs {
  /// The Meijer-G field G^{m,n}_{p,q}(z) (axes a0 … a_{p−1}, b0 … b_{q−1}), from the differential
  /// equation of the Meijer G-function,
  ///
  ///     E(θ)G = [(−1)^(p−m−n)·z·Π_i (θ − a_i + 1) − Π_j (θ − b_j)] G = 0,   θ = z·d/dz,
  ///
  /// and its contiguous relations: with Θ the companion matrix of the monic E (ones below the
  /// diagonal, last column −c_k) acting on (G, θG, …), the b_j-step is M_{b_j} = σ_j·(Θ − b_j·I)
  /// (σ_j = 1 for j ≥ m, −1 otherwise), and the backward a_i-step is N_{a_i} = τ_i·(Θ − (a_i − 1)·I)
  /// (τ_i = −1 for i ≥ n, 1 otherwise), so M_{a_i}(x) = N_{a_i}(x + e_{a_i})⁻¹. The rank is
  /// max(p, q) (one less when p = q and (−1)^(p−m−n)·z = 1). Along (−1, −1, 1, 1, 1) from 0, the dual of G^{3,2}_{2,3}(1) gives Euler's γ.
  /// Cost: the forward a-steps are symbolic inverses of r×r matrices in p + q variables
  /// (`KnownCMFs.named` accepts p, q ≤ 4 with p + q ≤ 7: seconds). Precondition: 1 ≤ p, q ≤ 6, 0 ≤ n ≤ p, 0 ≤ m ≤ q, z ≠ 0, and E of degree ≥ 1.
  /// - SeeAlso: ramanujantools' `MeijerG` (same axes, signs and matrices);
  ///   https://en.wikipedia.org/wiki/Meijer_G-function (the differential equation).
  public static func meijerG(m: Int, n: Int, p: Int, q: Int, z: BigRational) -> CMF {
    precondition(
      (1...6).contains(p) && (1...6).contains(q) && (0...p).contains(n) && (0...q).contains(m),
      "Meijer G(\(m), \(n), \(p), \(q))")
    precondition(!z.isZero, "Meijer G needs z ≠ 0")
    let d = p + q
    let axes = (0..<p).map { "a\($0)" } + (0..<q).map { "b\($0)" }
    let variable = { (i: Int) in MultivariatePolynomial.variable(i, of: d) }
    let one = MultivariatePolynomial.one(variables: d)
    let zero = MultivariatePolynomial.zero(variables: d)
    // E as polynomials in θ with coefficients in the axes: zd·E = s·zn·Π(θ − a_i + 1) − zd·Π(θ − b_j).
    func times(_ c: [MultivariatePolynomial], _ root: MultivariatePolynomial) -> [MultivariatePolynomial] {
      // c·(θ − root)
      var out = [MultivariatePolynomial](repeating: zero, count: c.count + 1)
      for (k, ck) in c.enumerated() {
        out[k + 1] = out[k + 1] + ck
        out[k] = out[k] - ck * root
      }
      return out
    }
    var left: [MultivariatePolynomial] = [one]
    for i in 0..<p { left = times(left, variable(i) - one) }
    var right: [MultivariatePolynomial] = [one]
    for j in 0..<q { right = times(right, variable(p + j)) }
    let sign = BigInt((p - m - n) % 2 == 0 ? 1 : -1)
    let count = max(left.count, right.count)
    var e: [MultivariatePolynomial] = (0..<count).map { k in
      let l = k < left.count ? (sign * z.numerator) * left[k] : zero
      let r = k < right.count ? z.denominator * right[k] : zero
      return l - r
    }
    while e.count > 1, e.last!.isZero { e.removeLast() }
    precondition(e.count >= 2, "Meijer G(\(m), \(n), \(p), \(q), \(z)) has rank 0")
    let r = e.count - 1
    // The leading coefficient: ±zn, −zd or their difference; when that cancels (p = q, ±z = 1)
    // the degree drops and the new leading coefficient is a polynomial in the axes.
    let lead = MultivariateRationalFunction(e[r])
    func entry(_ p: MultivariatePolynomial) -> MultivariateRationalFunction { MultivariateRationalFunction(p) / lead }
    var theta = [[MultivariateRationalFunction]](
      repeating: Array(repeating: MultivariateRationalFunction(0, variables: d), count: r), count: r)
    for k in 0..<r {
      if k + 1 < r { theta[k + 1][k] = MultivariateRationalFunction(1, variables: d) }
      theta[k][r - 1] = -entry(e[k])
    }
    let thetaMatrix = MultivariateMatrix(theta)
    let identity = MultivariateMatrix.identity(r, variables: d)
    var matrices: [MultivariateMatrix] = []
    for i in 0..<p {
      let s = MultivariateRationalFunction(i >= n ? -1 : 1, variables: d)
      let backward = s * (thetaMatrix - MultivariateRationalFunction(variable(i) - one) * identity)
      // Forward step: the inverse of the backward step from x + e_{a_i}.
      matrices.append(backward.shifted(i, by: 1).inverse!)
    }
    for j in 0..<q {
      let s = MultivariateRationalFunction(j >= m ? 1 : -1, variables: d)
      matrices.append(s * (thetaMatrix - MultivariateRationalFunction(variable(p + j)) * identity))
    }
    // The exact conservation check of these inverses grows like that of pFq, with a larger base.
    let work = 25 * Double(r * r * r) * pow(6, Double(d))
    let fixed = matrices
    return CMF(
      name: "meijerg:\(m),\(n),\(p),\(q),\(z)", axes: axes, rank: r, forward: { fixed[$0] }, backward: nil,
      evaluator: nil, exactCheckWork: work >= Double(Int.max) ? Int.max : Int(work))
  }
}
