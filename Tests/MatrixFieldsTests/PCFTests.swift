import Foundation
import Identification
import Multiprecision
import Polynomials
import Testing

@testable import ContinuedFractions
@testable import MatrixFields

@Suite struct PCFTests {
  @Test("the ζ(3) field along (1,1) from (0,0) gives exactly Apéry's PCF, = 6/ζ(3)")
  func apery() throws {
    let text = fixture("cmf-cases.md")
    #expect(text.contains("Apéry's PCF((2n+1)(17n^2+17n+5), -n^6) = 6/ζ(3)"))
    let pcf = try KnownCMFs.zeta3().pcf(Trajectory([1, 1]), start: Position([0, 0]))
    #expect(pcf == PCF(a: try polynomialInN("(2n+1)(17n^2+17n+5)"), b: try polynomialInN("-n^6")))
    #expect(pcf.description == "PCF(34n^3 + 51n^2 + 27n + 5, -n^6)")
    let limit = pcf.limit(depth: 300)
    let reference = try ConstantExpression(parsing: "6/zeta(3)").evaluate(.digits(950))
    let difference = (limit.value(.digits(950)) - reference).magnitude
    #expect(limit.digits >= 900)
    #expect(difference.log10Magnitude < -900)
  }

  @Test("deflated PCFs of trajectories equal ramanujantools'", arguments: PeerPCF.all)
  func againstPeer(_ case_: PeerPCF) throws {
    let field = try KnownCMFs.named(case_.field)
    let ours = try field.pcf(case_.trajectory, start: case_.start)
    let theirs = PCF(a: try polynomialInN(case_.a), b: try polynomialInN(case_.b))
    #expect(ours == theirs, "\(case_.id): \(ours)")
  }

  @Test("the recurrence of a rank-3 trajectory has order 3 and the walk's first column satisfies it")
  func rankThree() throws {
    let field = KnownCMFs.pFq(2, 2, z: -1)
    #expect(field.rank == 3)
    let m = try field.trajectoryMatrix(Trajectory([1, 1, 1, 1]), start: Position([1, 2, 3, 4]))
    let recurrence = m.recurrence()
    #expect(recurrence.order == 3)
    // v(k) = W(k)·e₀ for the walk W(k) = M(0)···M(k−1) satisfies Σᵢ cᵢ(n)·v(n + 3 − i) = 0.
    var walk = (0..<3).map { i in (0..<3).map { BigRational($0 == i ? 1 : 0) } }
    var v: [[BigRational]] = []
    for k in 0..<14 {
      v.append(walk.map { $0[0] })
      let step = m.evaluated(at: k)!
      walk = (0..<3).map { i in (0..<3).map { j in (0..<3).reduce(BigRational.zero) { $0 + walk[i][$1] * step[$1][j] } }
      }
    }
    for n in 0..<11 {
      for row in 0..<3 {
        let value = (0...3).reduce(BigRational.zero) { sum, i in
          sum + BigRational(recurrence.coefficients[i](n)) * v[n + 3 - i][row]
        }
        #expect(value == 0, "n = \(n), row \(row)")
      }
    }
  }

  @Test("a trajectory whose recurrence is not of order 2 has no PCF")
  func orderError() throws {
    let field = KnownCMFs.pFq(2, 2, z: -1)
    #expect(throws: CMFError.recurrenceOrder(3)) {
      try field.pcf(Trajectory([1, 1, 1, 1]), start: Position([1, 2, 3, 4]))
    }
    #expect(
      CMFError.recurrenceOrder(3).description
        == "the trajectory matrix gives a recurrence of order 3; a PCF needs order 2")
  }

  @Test("pFq(4,3,1) along (-1,-1,1,1,0,0,0) from integer starts: 3x3 steps, Apéry's PCF shifted by one (issue #8)")
  func pFqVanishingLeadingCoefficient() throws {
    // The leading coefficient of E vanishes on this line: the step matrices there have a pole,
    // and another axis order is taken; they were once 2x2 among 3x3 ones (a trap).
    let field = KnownCMFs.pFq(4, 3, z: 1)
    let t = Trajectory([-1, -1, 1, 1, 0, 0, 0])
    let m = try field.trajectoryMatrix(t, start: Position([0, 0, 1, 1, 1, 1, 1]))
    #expect(m.size == 3)
    // ramanujantools: PCF((2n+3)(17n²+51n+39), −(n+1)⁶), Apéry's PCF shifted by one.
    let pcf = try m.pcf()
    #expect(pcf == PCF(a: try polynomialInN("(2n+3)(17n^2+51n+39)"), b: try polynomialInN("-(n+1)^6")))
    // Its limit is the tail T of 6/ζ(3) = 5 − 1/T.
    let limit = pcf.limit(depth: 300)
    let reference = try ConstantExpression(parsing: "-1/(6/zeta(3)-5)").evaluate(.digits(950))
    #expect(limit.digits >= 900)
    #expect((limit.value(.digits(950)) - reference).magnitude.log10Magnitude < -900)
    // From (1,1,0,0,1,1,1) the trajectory gives Apéry's PCF itself; from (-1,-1,2,2,1,1,1) it walks.
    let apery = try field.pcf(t, start: Position([1, 1, 0, 0, 1, 1, 1]))
    #expect(apery == PCF(a: try polynomialInN("(2n+1)(17n^2+17n+5)"), b: try polynomialInN("-n^6")))
    let walk = try field.limit(t, start: Position([-1, -1, 2, 2, 1, 1, 1]), depth: 200)
    #expect(walk.status == .converging && walk.digits >= 250)
    // The fast step on that line agrees with substituting the matrices, pole included.
    let evaluate = try #require(field._evaluator)
    for a in 0..<field.dimension {
      for direction in [1, -1] {
        let line = _Line(
          start: [0, 0, 1, 1, 1, 1, 1].map { BigRational($0) }, offset: Array(repeating: 0, count: 7), slope: t.steps)
        let fast = evaluate(a, direction, line)
        let slow = try field.stepMatrix(axis: a, direction: direction)._onLine(line)
        #expect((fast == nil) == (slow == nil), "axis \(a) direction \(direction)")
        if let fast, let slow { #expect(fast == slow && fast.size == 3) }
      }
    }
  }

  @Test("the Krylov order read at a random point is the recurrence's order")
  func krylovOrder() throws {
    for (name, t, s) in [
      ("zeta3", [1, 1], [0, 0]), ("pfq:2,2,-1", [1, 1, 1, 1], [1, 2, 3, 4]),
      ("pfq:3,2,1", [1, 1, 1, 1, 1], [1, 1, 1, 2, 2]),
      ("3f2:-1", [1, 1, 1, 1, 1], [1, 2, 3, 4, 5]),
    ] {
      let m = try KnownCMFs.named(name).trajectoryMatrix(Trajectory(t), start: Position(s))
      #expect(m._krylovRankModular() == m.recurrence().order, "\(name)")
    }
  }
}
