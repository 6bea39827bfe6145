import Multiprecision
import Polynomials
import Recurrences

/// A gauge (coboundary) certificate between two walks: folds k₁, k₂, a matrix U(n) of integer
/// polynomials and a rational function m(n) = r(n)/s(n) with
///
///     F₁(n)·U(n+1) = m(n)·U(n)·F₂(n),
///
/// F_i the k_i-fold of M_i (see `PolynomialMatrix.folded(_:)`). Telescoped, it gives
/// F₁(1)···F₁(N)·U(N+1) = (∏ m)·U(1)·F₂(1)···F₂(N): the walks are one object up to the change
/// of basis U, and their limits are related by the Möbius map of U at the start.
public struct Gauge: Sendable, Hashable {
  /// The folds k₁, k₂ of the first and second walk.
  public let folds: (Int, Int)
  /// U(n), primitive (its entries have no common polynomial or integer factor), nonsingular.
  public let matrix: PolynomialMatrix
  /// The numerator r(n) of m(n).
  public let multiplierNumerator: Polynomial
  /// The denominator s(n) of m(n), with a positive leading coefficient and gcd(r, s) = 1.
  public let multiplierDenominator: Polynomial

  public static func == (lhs: Gauge, rhs: Gauge) -> Bool {
    lhs.folds == rhs.folds && lhs.matrix == rhs.matrix && lhs.multiplierNumerator == rhs.multiplierNumerator
      && lhs.multiplierDenominator == rhs.multiplierDenominator
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(folds.0)
    hasher.combine(folds.1)
    hasher.combine(matrix)
  }

  /// The certificate for U between the already folded steps F₁, F₂ when the identity holds exactly
  /// in ℚ(n); `nil` otherwise (also when U is singular or zero).
  /// - Complexity: two products of polynomial matrices and one polynomial gcd.
  public static func certify(
    _ u: PolynomialMatrix, between f1: PolynomialMatrix, and f2: PolynomialMatrix, folds: (Int, Int)
  ) -> Gauge? {
    guard u.size == f1.size, u.size == f2.size, !u.determinant.isZero else { return nil }
    let lhs = f1 * u.shifted(by: 1)
    let rhs = u * f2
    guard let e = rhs.entries.firstIndex(where: { !$0.isZero }), !lhs.entries[e].isZero else { return nil }
    let g = Polynomial.gcd(lhs.entries[e], rhs.entries[e])
    guard var r = lhs.entries[e].dividedExactly(by: g), var s = rhs.entries[e].dividedExactly(by: g) else {
      return nil
    }
    let common = BigInt.gcd(r.content, s.content)
    if common > 1 {
      r = Polynomial(coefficients: r.coefficients.map { $0.dividedExactly(by: common) })
      s = Polynomial(coefficients: s.coefficients.map { $0.dividedExactly(by: common) })
    }
    if s.leadingCoefficient.isNegative { (r, s) = (-r, -s) }
    // s·F₁(n)U(n+1) = r·U(n)F₂(n) entry by entry, as polynomials.
    for (x, y) in zip(lhs.entries, rhs.entries) where s * x != r * y { return nil }
    return Gauge(folds: folds, matrix: u, multiplierNumerator: r, multiplierDenominator: s)
  }

  /// Whether F₁(n)·U(n+1) = m(n)·U(n)·F₂(n) holds exactly for these folded steps.
  public func holds(between f1: PolynomialMatrix, and f2: PolynomialMatrix) -> Bool {
    guard f1.size == matrix.size, f2.size == matrix.size, !matrix.determinant.isZero else { return false }
    let lhs = f1 * matrix.shifted(by: 1)
    let rhs = matrix * f2
    return zip(lhs.entries, rhs.entries).allSatisfy {
      multiplierDenominator * $0.0 == multiplierNumerator * $0.1
    }
  }

  /// m(n) as text: `r` or `(r)/(s)`.
  public var multiplierText: String {
    if multiplierDenominator == .one { return multiplierNumerator.description }
    return "(\(multiplierNumerator))/(\(multiplierDenominator))"
  }
}
