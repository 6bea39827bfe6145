import Multiprecision
import Polynomials
import TestSupport

extension SeededGenerator {

  /// A coefficient: mostly small, some zero, ±1, or tens of digits long.
  mutating func coefficient() -> BigInt {
    switch Int.random(in: 0..<10, using: &self) {
    case 0, 1: return 0
    case 2: return Bool.random(using: &self) ? 1 : -1
    case 3: return BigInt(Int.random(in: -1_000_000_000...1_000_000_000, using: &self)) * BigInt(10).power(20) + 7
    default: return BigInt(Int.random(in: -60...60, using: &self))
    }
  }

  /// A random polynomial of degree at most `maxDegree` (possibly zero).
  mutating func polynomial(maxDegree: Int) -> Polynomial {
    let count = Int.random(in: 0...maxDegree + 1, using: &self)
    return Polynomial(coefficients: (0..<count).map { _ in coefficient() })
  }

  /// A random polynomial of degree exactly `degree`.
  mutating func polynomial(degree: Int) -> Polynomial {
    var c = (0..<degree).map { _ in coefficient() }
    var lead = BigInt(0)
    while lead.isZero { lead = coefficient() }
    c.append(lead)
    return Polynomial(coefficients: c)
  }

  /// A random polynomial with small coefficients (|c| ≤ `bound`), degree exactly `degree`.
  mutating func smallPolynomial(degree: Int, bound: Int = 9) -> Polynomial {
    var c = (0..<degree).map { _ in Int.random(in: -bound...bound, using: &self) }
    var lead = 0
    while lead == 0 { lead = Int.random(in: -bound...bound, using: &self) }
    c.append(lead)
    return Polynomial(c)
  }
}
