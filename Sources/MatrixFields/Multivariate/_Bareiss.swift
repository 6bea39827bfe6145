import Multiprecision
import Polynomials

/// A commutative ring without zero divisors whose exact quotients can be taken: what fraction-free
/// elimination needs.
protocol _ExactRing {
  var isZero: Bool { get }
  static func + (lhs: Self, rhs: Self) -> Self
  static func - (lhs: Self, rhs: Self) -> Self
  static func * (lhs: Self, rhs: Self) -> Self
  /// self / divisor, known to be exact.
  func _exactQuotient(_ divisor: Self) -> Self
}

extension Polynomial: _ExactRing {
  func _exactQuotient(_ divisor: Polynomial) -> Polynomial {
    guard let q = _polynomialQuotient(self, divisor) else {
      preconditionFailure("fraction-free elimination met an inexact quotient \(self) / \(divisor)")
    }
    return q
  }
}

extension MultivariatePolynomial: _ExactRing {
  func _exactQuotient(_ divisor: MultivariatePolynomial) -> MultivariatePolynomial {
    guard let q = dividedExactly(by: divisor) else {
      preconditionFailure("fraction-free elimination met an inexact quotient")
    }
    return q
  }
}

/// The determinant and the adjugate of the r×r matrix `a` (row-major) by Bareiss' fraction-free
/// elimination on [a | I] and back substitution; the adjugate is `nil` when the determinant is 0.
///
/// Every division is exact (Sylvester's identity), so entries stay polynomials of the size of
/// minors.
/// - Complexity: O(r³) ring operations on minors of growing size.
/// - SeeAlso: E. Bareiss, "Sylvester's identity and multistep integer-preserving Gaussian
///   elimination", Math. Comp. 22 (1968).
func _bareiss<T: _ExactRing>(_ a: [T], size r: Int, one: T, zero: T) -> (determinant: T, adjugate: [T]?) {
  var m = (0..<r).map { i in (0..<r).map { a[i * r + $0] } + (0..<r).map { $0 == i ? one : zero } }
  var previous = one
  var negate = false
  for k in 0..<r {
    guard let p = (k..<r).first(where: { !m[$0][k].isZero }) else { return (zero, nil) }
    if p != k {
      m.swapAt(p, k)
      negate.toggle()
    }
    for i in (k + 1)..<r {
      for j in (k + 1)..<(2 * r) {
        let value = m[k][k] * m[i][j] - m[i][k] * m[k][j]
        m[i][j] = value.isZero ? zero : value._exactQuotient(previous)
      }
      m[i][k] = zero
    }
    previous = m[k][k]
  }
  // m[r−1][r−1] = det(P·a) for the row permutation P. Solve U·Y = det(P·a)·B: Y = det(P·a)·a⁻¹.
  let det = m[r - 1][r - 1]
  var y = [[T]](repeating: [T](repeating: zero, count: r), count: r)
  for j in 0..<r {
    for i in stride(from: r - 1, through: 0, by: -1) {
      var s = det * m[i][r + j]
      for k in (i + 1)..<r where !m[i][k].isZero && !y[k][j].isZero { s = s - m[i][k] * y[k][j] }
      y[i][j] = s.isZero ? zero : s._exactQuotient(m[i][i])
    }
  }
  let adjugate = y.flatMap { $0 }
  return negate ? (zero - det, adjugate.map { zero - $0 }) : (det, adjugate)
}
