import Multiprecision
import TestSupport
import Testing

@testable import Identification

/// PSLQ and LLL on known relations, planted relations, random vectors (no relation), bounds and precision.
@Suite struct IntegerRelationTests {
  static func values(_ texts: [String], _ precision: Precision) throws -> [BigFloat] {
    try texts.map { try ConstantExpression(parsing: $0).evaluate(precision) }
  }

  /// x with a relation m planted: n−1 random reals and x_n = −Σ mᵢxᵢ/m_n.
  static func planted(_ m: [BigInt], digits: Int, using g: inout SeededGenerator) -> [BigFloat] {
    let precision = Precision.digits(digits + 10)
    var x = (0..<(m.count - 1)).map { _ in BigFloat(g.real(digits: digits + 10), precision: precision) }
    var sum = BigFloat(precision: precision)
    for (mi, xi) in zip(m, x) { sum += BigFloat(mi, precision: precision) * xi }
    x.append(-sum / BigFloat(m.last!, precision: precision))
    return x
  }

  /// Random coefficients in -bound...bound with the last and one other non-zero.
  static func coefficients(_ n: Int, _ bound: Int, using g: inout SeededGenerator) -> [BigInt] {
    var m = (0..<n).map { _ in g.integer(bound) }
    if m[n - 1].isZero { m[n - 1] = BigInt(bound) }
    if m[0..<(n - 1)].allSatisfy(\.isZero) { m[0] = 1 }
    return m
  }

  @Test(arguments: [
    (["log(2)", "log(3)", "log(6)"], [1, 1, -1]),
    (["pi^2", "zeta(2)"], [1, -6]),
    (["1", "phi", "phi^2"], [1, 1, -1]),
    (
      ["1", "sqrt(2)+sqrt(3)", "(sqrt(2)+sqrt(3))^2", "(sqrt(2)+sqrt(3))^3", "(sqrt(2)+sqrt(3))^4"], [1, 0, -10, 0, 1]
    ),
    (["1", "zeta(3)", "6/zeta(3)", "6/zeta(3)*zeta(3)"], [6, 0, 0, -1]),
    (["e", "exp(2)", "e^2+e"], [1, 1, -1]),
    (["pi", "G", "log(2)", "pi*log(2)", "2*G-3*pi*log(2)+pi"], [1, 2, 0, -3, -1]),
  ])
  func knownRelations(texts: [String], expected: [Int]) throws {
    let p = Precision.digits(100)
    let x = try Self.values(texts, p)
    let relation = IntegerRelation(expected.map { BigInt($0) })
    for algorithm in IntegerRelationAlgorithm.allCases {
      #expect(
        IntegerRelation.find(x, maxCoefficient: 1000, algorithm: algorithm, precision: p) == relation, "\(algorithm)")
    }
    #expect(PSLQ.relation(x, maxCoefficient: 1000, precision: p) == relation)
    #expect(LLL.relation(x, maxCoefficient: 1000, precision: p) == relation)
  }

  /// PSLQ and LLL, staged and at full precision, all find the planted relation of random vectors.
  @Test func plantedRelationsCrossChecked() {
    var g = SeededGenerator(seed: 0x5EED_0003)
    for trial in 0..<48 {
      let n = 2 + trial % 7
      let m = Self.coefficients(n, 60, using: &g)
      let x = Self.planted(m, digits: 120, using: &g)
      let p = Precision.digits(120)
      let expected = IntegerRelation(m)
      let pslq = PSLQ.relation(x, maxCoefficient: 1000, precision: p)
      let lll = LLL.relation(x, maxCoefficient: 1000, precision: p)
      #expect(pslq == expected, "PSLQ, trial \(trial), n = \(n)")
      #expect(lll == expected, "LLL, trial \(trial), n = \(n)")
      for algorithm in IntegerRelationAlgorithm.allCases {
        #expect(IntegerRelation.find(x, maxCoefficient: 1000, algorithm: algorithm, precision: p) == expected)
      }
    }
  }

  /// At 1000 digits the staged search answers as the full-precision runs do.
  @Test func stagedEqualsFullPrecision() {
    var g = SeededGenerator(seed: 77)
    for n in [3, 6, 9] {
      let m = Self.coefficients(n, 999, using: &g)
      let x = Self.planted(m, digits: 1000, using: &g)
      let p = Precision.digits(1000)
      let expected = IntegerRelation(m)
      #expect(IntegerRelation.find(x, maxCoefficient: 1000, precision: p) == expected)
      #expect(PSLQ.relation(x, maxCoefficient: 1000, precision: p) == expected)
      #expect(IntegerRelation.find(x, maxCoefficient: 1000, algorithm: .lll, precision: p) == expected)
    }
  }

  @Test func randomVectorsHaveNoRelation() {
    var g = SeededGenerator(seed: 2024)
    for n in 2...9 {
      let x = (0..<n).map { _ in g.real(digits: 100) }
      let p = Precision.digits(100)
      for algorithm in IntegerRelationAlgorithm.allCases {
        #expect(IntegerRelation.find(x, maxCoefficient: 1000, algorithm: algorithm, precision: p) == nil, "n = \(n)")
      }
      #expect(PSLQ.relation(x, maxCoefficient: 1000, precision: p) == nil)
      #expect(LLL.relation(x, maxCoefficient: 1000, precision: p) == nil)
      // PSLQ proves it: no relation of norm below its bound, which exceeds √n·1000.
      guard case .none(let log2Bound) = PSLQ.search(x, maxCoefficient: 1000, precision: p) else {
        Issue.record("PSLQ did not bound the norm for n = \(n)")
        continue
      }
      #expect(log2Bound > _log2(1000 * Double(n).squareRoot()))
    }
  }

  @Test func boundIsRespected() {
    var g = SeededGenerator(seed: 9)
    let m: [BigInt] = [5000, -17, 3]
    let x = Self.planted(m, digits: 100, using: &g)
    let p = Precision.digits(100)
    for algorithm in IntegerRelationAlgorithm.allCases {
      #expect(IntegerRelation.find(x, maxCoefficient: 4999, algorithm: algorithm, precision: p) == nil)
      #expect(IntegerRelation.find(x, maxCoefficient: 5000, algorithm: algorithm, precision: p) == IntegerRelation(m))
    }
  }

  /// The problem the precision discipline answers: at 12 digits PSLQ "finds" a relation of four random
  /// numbers with coefficients near 10³, which holds to the 12 digits and fails at 100.
  @Test func lowPrecisionRelationsAreJunk() throws {
    var g = SeededGenerator(seed: 4)
    let x = (0..<4).map { _ in g.real(digits: 100) }
    let junk = try #require(PSLQ.relation(x, maxCoefficient: 10_000, precision: .digits(12)))
    #expect(junk.height > 10)
    #expect(junk.digits(on: x, precision: .digits(12)) >= 11)
    #expect(junk.digits(on: x, precision: .digits(100)) < 20)
    #expect(PSLQ.relation(x, maxCoefficient: 10_000, precision: .digits(100)) == nil)
  }

  @Test func relationNormalization() {
    let r = IntegerRelation([0, -4, 6, -10])
    #expect(r.coefficients == [0, 2, -3, 5])
    #expect(r.height == 5)
    #expect(r.coefficientDigits == 4)
    #expect(IntegerRelation([-120, 0, 7]).coefficientDigits == 5)
    #expect(r.description == "[0, 2, -3, 5]")
  }

  @Test func digitsARelationHoldsTo() throws {
    let p = Precision.digits(60)
    let x = try Self.values(["zeta(3)", "6/zeta(3)+10^(-30)", "1"], p)
    let relation = IntegerRelation([1, 0, 0])  // any: here the one of x₁·x₂ = 6 below
    #expect(relation.digits(on: x, precision: p) == 0)
    let product = x[0] * x[1]
    let near = IntegerRelation([1, -6])
    let digits = near.digits(on: [product, x[2]], precision: p)
    #expect(digits > 30.5 && digits < 31)  // 6 + ζ(3)·10^-30: 10^-30.7 relative to 6
    #expect(IntegerRelation([1, -1]).digits(on: [x[0], x[0]], precision: p) == Double(p.digits))
  }

  // MARK: LLL reduction

  /// The example of the LLL article on Wikipedia, δ = 3/4.
  @Test func reduceKnownBasis() {
    let basis: [[BigInt]] = [[1, 1, 1], [-1, 0, 2], [3, 5, 6]]
    #expect(LLL.reduce(basis, delta: (3, 4)) == [[0, 1, 0], [1, 0, 1], [-1, 0, 2]])
  }

  /// Reduced bases of random lattices are size-reduced, satisfy Lovász's condition (checked by an exact
  /// rational Gram–Schmidt) and span the same lattice (a unimodular change of basis).
  @Test func reducedBasesAreReduced() {
    var g = SeededGenerator(seed: 31)
    for trial in 0..<30 {
      let n = 2 + trial % 5
      var basis: [[BigInt]]
      repeat {
        basis = (0..<n).map { _ in (0..<n).map { _ in g.integer(1 << (4 + trial % 20)) } }
      } while Self.determinant(basis.map { $0.map { BigRational($0) } }).isZero
      let reduced = LLL.reduce(basis)
      let (mu, norms) = Self.gramSchmidt(reduced)
      for i in 0..<n {
        for j in 0..<i {
          #expect(mu[i][j] * 2 <= 1 && mu[i][j] * 2 >= -1, "size reduction, trial \(trial)")
        }
        if i >= 1 {
          let lovasz = (BigRational(BigInt(99), BigInt(100)) - mu[i][i - 1] * mu[i][i - 1]) * norms[i - 1]
          #expect(norms[i] >= lovasz, "Lovász, trial \(trial)")
        }
      }
      let change = Self.multiply(
        reduced.map { $0.map { BigRational($0) } }, Self.inverse(basis.map { $0.map { BigRational($0) } }))
      #expect(change.allSatisfy { $0.allSatisfy(\.isInteger) })
      let det = Self.determinant(change)
      #expect(det == 1 || det == -1)
    }
  }

  static func gramSchmidt(_ b: [[BigInt]]) -> (mu: [[BigRational]], norms: [BigRational]) {
    let rows = b.map { $0.map { BigRational($0) } }
    var star: [[BigRational]] = []
    var mu = [[BigRational]](repeating: [BigRational](repeating: 0, count: rows.count), count: rows.count)
    var norms: [BigRational] = []
    func dot(_ u: [BigRational], _ v: [BigRational]) -> BigRational {
      zip(u, v).reduce(BigRational.zero) { $0 + $1.0 * $1.1 }
    }
    for i in rows.indices {
      var v = rows[i]
      for j in 0..<i {
        mu[i][j] = dot(rows[i], star[j]) / norms[j]
        v = zip(v, star[j]).map { $0 - mu[i][j] * $1 }
      }
      star.append(v)
      norms.append(dot(v, v))
    }
    return (mu, norms)
  }

  static func determinant(_ m: [[BigRational]]) -> BigRational {
    var a = m
    var det = BigRational(1)
    for c in a.indices {
      guard let pivot = (c..<a.count).first(where: { !a[$0][c].isZero }) else { return 0 }
      if pivot != c { a.swapAt(pivot, c); det = -det }
      det *= a[c][c]
      for r in (c + 1)..<a.count where !a[r][c].isZero {
        let f = a[r][c] / a[c][c]
        a[r] = zip(a[r], a[c]).map { $0 - f * $1 }
      }
    }
    return det
  }

  static func inverse(_ m: [[BigRational]]) -> [[BigRational]] {
    let n = m.count
    var a = m.enumerated().map { i, row in row + (0..<n).map { BigRational($0 == i ? 1 : 0) } }
    for c in 0..<n {
      let pivot = (c..<n).first { !a[$0][c].isZero }!
      a.swapAt(pivot, c)
      let p = a[c][c]
      a[c] = a[c].map { $0 / p }
      for r in 0..<n where r != c && !a[r][c].isZero {
        let f = a[r][c]
        a[r] = zip(a[r], a[c]).map { $0 - f * $1 }
      }
    }
    return a.map { Array($0[n...]) }
  }

  static func multiply(_ x: [[BigRational]], _ y: [[BigRational]]) -> [[BigRational]] {
    x.map { row in (0..<y[0].count).map { j in zip(row, y).reduce(BigRational.zero) { $0 + $1.0 * $1.1[j] } } }
  }
}
