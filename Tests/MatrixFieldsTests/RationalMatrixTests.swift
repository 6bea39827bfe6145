import Foundation
import Multiprecision
import Polynomials
import Recurrences
import TestSupport
import Testing

@testable import MatrixFields

/// A random polynomial in n of degree ≤ d with coefficients of about `bits` bits.
func randomPolynomial(degree d: Int, bits: Int, using rng: inout SeededGenerator) -> Polynomial {
  Polynomial(
    coefficients: (0...d).map { _ in
      var x = BigInt(Int.random(in: -(1 << 20)...(1 << 20), using: &rng))
      for _ in 0..<(bits / 20) { x = x.shifted(by: 20) + BigInt(Int.random(in: 0..<(1 << 20), using: &rng)) }
      return x
    })
}

@Suite struct RationalMatrixTests {
  @Test(
    "Kronecker packing round-trips signed coefficients; products and exact quotients agree with schoolbook (seeded)")
  func kronecker() throws {
    var rng = SeededGenerator(seed: 21)
    for _ in 0..<60 {
      let a = randomPolynomial(
        degree: Int.random(in: 0...40, using: &rng), bits: Int.random(in: 1...300, using: &rng), using: &rng)
      let b = randomPolynomial(
        degree: Int.random(in: 0...40, using: &rng), bits: Int.random(in: 1...300, using: &rng), using: &rng)
      let s = _Kronecker.maxBits(a) + 2
      #expect(
        _Kronecker.unpack(_Kronecker.pack(a.coefficients[...], slotBits: s), slotBits: s, count: a.degree + 1)
          == a.coefficients)
      let product = _Kronecker.multiply(a, b)
      #expect(product == a * b)
      if !b.isZero {
        #expect(_polynomialQuotient(product, b) == a)
        #expect(_polynomialQuotient(product + .one, b) == nil || b.degree == 0 && b.leadingCoefficient.magnitude == 1)
        #expect(_schoolbookQuotient(product, b) == a)
      }
    }
  }

  @Test("the product tree equals the left-to-right product and is reduced (seeded)")
  func productTree() throws {
    var rng = SeededGenerator(seed: 22)
    let field = KnownCMFs.zeta3()
    for _ in 0..<10 {
      let s = Position([Int.random(in: 1...4, using: &rng), Int.random(in: 1...4, using: &rng)])
      let matrices = try (0..<Int.random(in: 1...12, using: &rng)).map { _ -> RationalMatrix in
        let a = Int.random(in: 0..<2, using: &rng)
        let line = _Line(
          start: s.coordinates, offset: [Int.random(in: 0...3, using: &rng), Int.random(in: 0...3, using: &rng)],
          slope: [1, 2])
        return try #require(field.matrices[a]._onLine(line))
      }
      let tree = RationalMatrix.product(matrices, threads: 2)
      let naive = matrices.dropFirst().reduce(matrices[0]) { $0.multiplied(by: $1) }
      #expect(tree == naive)
      // Reduced: no denominator factor divides every numerator entry.
      for (f, _) in tree.denominatorFactors {
        #expect(!tree.numeratorEntries.allSatisfy { $0.isZero || $0.dividedExactly(by: f) != nil })
      }
    }
  }

  @Test("walks of a rational matrix: numerator walk over the product of denominators")
  func walk() throws {
    let m = try KnownCMFs.zeta3().trajectoryMatrix(Trajectory([2, -1]), start: Position([3, 0]))
    let (w, d) = m.walk(start: 0, depth: 6, threads: 1)
    var exact = (0..<2).map { i in (0..<2).map { BigRational($0 == i ? 1 : 0) } }
    for k in 0..<6 {
      let step = try #require(m.evaluated(at: k))
      exact = (0..<2).map { i in (0..<2).map { j in exact[i][0] * step[0][j] + exact[i][1] * step[1][j] } }
    }
    for i in 0..<2 { for j in 0..<2 { #expect(BigRational(w[i, j], d) == exact[i][j]) } }
  }

  @Test("singular points: zeros of the denominator and of det N in a range")
  func singular() throws {
    // M(n) = [[n − 3, 0], [0, 1]] / (n − 5): det vanishes at 3, the denominator at 5.
    let m = RationalMatrix(
      numerator: [Polynomial([-3, 1]), .zero, .zero, .one], size: 2, constant: 1, factors: [(Polynomial([-5, 1]), 1)])
    #expect(m.firstSingularPoint(in: 0..<10)! == (3, false))
    #expect(m.firstSingularPoint(in: 4..<10)! == (5, true))
    #expect(m.firstSingularPoint(in: 6..<10) == nil)
  }

  @Test("projective equality: equal up to a scalar rational function")
  func projective() throws {
    let m = try KnownCMFs.zeta3().trajectoryMatrix(Trajectory([1, 1]), start: Position([1, 1]))
    let scaled = RationalMatrix(
      numerator: m.numeratorEntries.map { Polynomial([3, 2]) * $0 }, size: 2, constant: 5,
      factors: [(Polynomial([1, 7]), 2)])
    #expect(m.isProjectivelyEqual(to: scaled))
    #expect(!(m == scaled))
    #expect(!m.isProjectivelyEqual(to: .identity(2)))
  }

  @Test("description prints reduced entries")
  func text() throws {
    let m = try KnownCMFs.zeta3().trajectoryMatrix(Trajectory([1, 0]), start: Position([1, 1]))
    #expect(m.description == "[[0, -n^3 - 3n^2 - 3n - 1], [n^3 + 6n^2 + 12n + 8, 2n^3 + 9n^2 + 15n + 9]]")
    let r = try KnownCMFs.pFq(2, 1, z: BigRational(-1)).trajectoryMatrix(
      Trajectory([1, 0, 0]), start: Position([1, 2, 3]))
    #expect(r.description == "[[1, -1], [1/(n + 1), (n - 3)/(2n + 2)]]")
  }
}
