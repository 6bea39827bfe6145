import Multiprecision
import Polynomials
import Recurrences

extension PolynomialMatrix {
  /// The k-fold F(n) = M(k(n−1)+1)···M(kn): k steps of the walk taken as one, so that
  /// F(1)···F(N) = M(1)···M(kN) and the limit is unchanged.
  /// Precondition: k ≥ 1.
  /// - Complexity: k − 1 products of polynomial matrices of growing degree (k·deg M at the end).
  public func folded(_ k: Int) -> PolynomialMatrix {
    precondition(k >= 1, "fold \(k) must be ≥ 1")
    if k == 1 { return self }
    var product = substituted(scale: k, offset: 1 - k)
    for j in 2...k { product = product * substituted(scale: k, offset: j - k) }
    return product
  }

  /// M(s·n + t), entry by entry.
  public func substituted(scale s: Int, offset t: Int) -> PolynomialMatrix {
    PolynomialMatrix(size: size, entries: entries.map { $0.substituting(scale: s, offset: t) })
  }

  /// The matrix product in ℤ[n]. Precondition: equal sizes.
  public static func * (lhs: PolynomialMatrix, rhs: PolynomialMatrix) -> PolynomialMatrix {
    precondition(lhs.size == rhs.size, "matrix sizes \(lhs.size) and \(rhs.size) differ")
    let s = lhs.size
    var e = [Polynomial](repeating: .zero, count: s * s)
    for i in 0..<s {
      for j in 0..<s {
        var sum = Polynomial.zero
        for k in 0..<s where !lhs[i, k].isZero && !rhs[k, j].isZero { sum += lhs[i, k] * rhs[k, j] }
        e[i * s + j] = sum
      }
    }
    return PolynomialMatrix(size: s, entries: e)
  }

  /// The determinant in ℤ[n] (cofactor expansion; the gauge solver's matrices are 2×2 or 3×3).
  public var determinant: Polynomial {
    if size == 1 { return entries[0] }
    var sum = Polynomial.zero
    for j in 0..<size where !self[0, j].isZero {
      let minor = PolynomialMatrix(
        size: size - 1,
        entries: (1..<size).flatMap { i in (0..<size).filter { $0 != j }.map { self[i, $0] } })
      let term = self[0, j] * minor.determinant
      sum = j % 2 == 0 ? sum + term : sum - term
    }
    return sum
  }

  /// Whether every entry is the zero polynomial.
  public var isZero: Bool { entries.allSatisfy(\.isZero) }

  /// The maximal degree of the entries (−1 for the zero matrix).
  public var degree: Int { entries.map(\.degree).max() ?? -1 }
}
