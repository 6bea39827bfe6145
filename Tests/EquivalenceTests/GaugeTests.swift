import ContinuedFractions
import Multiprecision
import Polynomials
import Recurrences
import TestSupport
import Testing

@testable import Equivalence

@Suite struct GaugeTests {
  @Test("the k-fold is the product M(k(n-1)+1)···M(kn), and its walk is the walk to kN")
  func fold() {
    let m = PCF(a: Polynomial([1, 2]), b: Polynomial([0, 0, 1])).matrix
    let f = m.folded(3)
    #expect(f.evaluated(at: 2) == m.evaluated(at: 4) * m.evaluated(at: 5) * m.evaluated(at: 6))
    #expect(f.walk(start: 1, depth: 5) == m.walk(start: 1, depth: 15))
    #expect(m.folded(1) == m)
  }

  @Test("certify accepts exact identities only: a changed coefficient or a singular U is rejected")
  func certify() throws {
    let m1 = PCF(a: Polynomial([2]), b: Polynomial([0, 0, 1])).matrix
    let m2 = PCF(a: Polynomial([1]), b: Polynomial([0, 1, 1])).matrix
    let u = PolynomialMatrix([
      [Polynomial([0, 1]), Polynomial([0, 0, -1])], [Polynomial([-1]), Polynomial([-1, 1])],
    ])
    let gauge = try #require(Gauge.certify(u, between: m1, and: m2, folds: (1, 1)))
    #expect(gauge.multiplierText == "1")
    #expect(gauge.holds(between: m1, and: m2))
    let wrong = PolynomialMatrix([
      [Polynomial([0, 1]), Polynomial([0, 0, -1])], [Polynomial([-1]), Polynomial([0, 1])],
    ])
    #expect(Gauge.certify(wrong, between: m1, and: m2, folds: (1, 1)) == nil)
    let singular = PolynomialMatrix([[Polynomial([0, 1]), Polynomial([0, 1])], [Polynomial([1]), Polynomial([1])]])
    #expect(Gauge.certify(singular, between: m1, and: m2, folds: (1, 1)) == nil)
  }

  @Test("the solver finds a random constant gauge between conjugate walks, exactly")
  func conjugates() throws {
    var g = SeededGenerator(seed: 3)
    for _ in 0..<3 {
      // M2(n) = V⁻¹·M1(n)·V for a constant V: the gauge is V up to scale, m = 1.
      let m1 = PCF(a: Polynomial([Int.random(in: 1...5, using: &g), 1]), b: Polynomial([1, 0, 2])).matrix
      let v = PolynomialMatrix([
        [Polynomial([1]), Polynomial([Int.random(in: -3...3, using: &g)])], [.zero, Polynomial([1])],
      ])
      let vInverse = PolynomialMatrix([[Polynomial([1]), -v[0, 1]], [.zero, Polynomial([1])]])
      let m2 = vInverse * m1 * v
      let gauge = try #require(GaugeSolver(maxDegree: 4).solve(m1, m2))
      #expect(gauge.matrix == v)
      #expect(gauge.multiplierText == "1")
    }
  }

  @Test("no gauge between walks of different limits, at any fold up to 2")
  func none() {
    let m1 = PCF(a: Polynomial([1, 1]), b: Polynomial([1, 1])).matrix
    let m2 = PCF(a: Polynomial([1, 2]), b: Polynomial([0, 0, 1])).matrix
    #expect(GaugeSolver(maxDegree: 4).solve(m1, m2) == nil)
    #expect(GaugeSolver(maxDegree: 4).solve(m1.folded(2), m2) == nil)
  }

  @Test("Möbius maps are primitive with r > 0 (or s > 0), and map limits")
  func mobius() {
    let t = MobiusMap(-4, 2, -6, 8)
    #expect(t == MobiusMap(2, -1, 3, -4))
    #expect(t.description == "(2·L2 + -1)/(3·L2 + -4)")
    let x = BigFloat(5, precision: .digits(30))
    #expect(t(x)!.decimal(places: 10) == "0.8181818182")
  }

  @Test("rational reconstruction recovers fractions from their residues")
  func reconstruction() {
    var crt = _RationalReconstruction()
    let values: [BigRational] = [BigRational(BigInt(-355), BigInt(113)), BigRational(BigInt(123_456_789)), .zero]
    for f in _Modulus.primes(count: 3) {
      crt.add(values.map { f.mul(f.residue($0.numerator), f.inverse(f.residue($0.denominator))) }, modulus: f)
    }
    #expect(crt.rationals() == values)
  }
}
