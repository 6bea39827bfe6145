import Foundation
import Multiprecision
import Polynomials
import Testing

@testable import MatrixFields

/// Inputs of issue #8 that ran out of memory or time: each is refused before the work, with a
/// message naming the input, the estimate and the limit.
@Suite struct CostLimitTests {
  func message(_ body: () throws -> Void) -> String {
    do {
      try body()
      return ""
    } catch { return "\(error)" }
  }

  @Test("a trajectory of more than 100000 unit steps is refused before its steps are listed")
  func longTrajectory() throws {
    let zeta3 = KnownCMFs.zeta3()
    #expect(
      message { _ = try zeta3.limit(Trajectory([1_000_000_000_000, 1]), start: Position([1, 1]), depth: 10) }
        == "trajectory (1000000000000, 1) is estimated at 1000000000001 unit steps per trajectory step (the sum of |t_i|), above the limit of 100000 unit steps per trajectory step (the sum of |t_i|); its trajectory matrix would be a product of that many step matrices; use a shorter trajectory"
    )
    for t in [[Int.max, 1], [Int.min, 1], [Int.max, Int.max], [1_000_000, 1_000_000]] {
      #expect(throws: CMFError.self, "\(t)") {
        _ = try zeta3.trajectoryMatrix(Trajectory(t), start: Position([1, 1]))
      }
    }
    #expect(Trajectory([Int.min, 1]).length == Int.max)
    #expect(Trajectory([Int.max, Int.max]).length == Int.max)
    #expect(Trajectory([-3, 4]).length == 7)
  }

  @Test("a trajectory matrix growing past its bit limit is given up early with the estimate")
  func trajectoryMatrixLimit() throws {
    let zeta3 = KnownCMFs.zeta3()
    let allowed = try zeta3.trajectoryMatrix(Trajectory([50, 1]), start: Position([1, 1]), bitLimit: 1 << 20)
    #expect(allowed._bitSize < 1 << 20)
    let error = try #require(
      throws: CMFError.self,
      performing: { try zeta3.trajectoryMatrix(Trajectory([3000, 1]), start: Position([1, 1]), bitLimit: 1 << 20) })
    guard case .tooLarge(let what, let estimate, let limit, let unit, _) = error else {
      Issue.record("\(error)")
      return
    }
    #expect(what == "the trajectory matrix of zeta3 along (3000, 1) from (1, 1)")
    #expect(estimate > limit && limit == 1 << 20 && unit == "bits")
    // The default limit admits Brown–Zudilin's trajectory (a quarter of it, see the benchmarks).
    #expect(CMF.trajectoryMatrixBitLimit == 1 << 27)
  }

  @Test("a walk estimated above the work limit is refused with the depth that fits")
  func walkLimit() throws {
    let zeta3 = KnownCMFs.zeta3()
    let text = message { _ = try zeta3.limit(Trajectory([1, 1]), start: Position([1, 1]), depth: 10_000_000) }
    #expect(text.hasPrefix("the walk of zeta3 along (1, 1) from (1, 1) to depth 10000000 is estimated at "))
    #expect(text.contains("bits of work, above the limit of 300000000 bits of work; walk to depth "))
    // The depth it names fits, one more does not.
    let m = try zeta3.trajectoryMatrix(Trajectory([1, 1]), start: Position([1, 1]))
    let depth = try #require(Int(text.components(separatedBy: "walk to depth ")[1].split(separator: " ")[0]))
    #expect(m.estimatedWalkWork(depth: depth) <= CMF.walkWorkLimit)
    #expect(m.estimatedWalkWork(depth: depth + 1) > CMF.walkWorkLimit)
    // The estimate grows with the depth and the trajectory.
    #expect(m.estimatedWalkWork(depth: 2000) < m.estimatedWalkWork(depth: 4000))
    let longer = try zeta3.trajectoryMatrix(Trajectory([50, 50]), start: Position([1, 1]))
    #expect(m.estimatedWalkWork(depth: 2000) < longer.estimatedWalkWork(depth: 2000))
    #expect(throws: CMFError.overflow(what: "twice the depth \(Int.max)")) {
      _ = try zeta3.delta(Trajectory([1, 1]), start: Position([1, 1]), depth: Int.max)
    }
  }

  @Test("a PCF whose deflation is estimated above its limit is refused before the recurrence")
  func pcfLimit() throws {
    let zeta3 = KnownCMFs.zeta3()
    let text = message { _ = try zeta3.pcf(Trajectory([100, 100]), start: Position([1, 1])) }
    #expect(text.hasPrefix("the PCF of a trajectory matrix of degree 600 with "))
    #expect(
      text.hasSuffix("above the limit of 200000000 units of work (degree³ × bits of a(n)); use a shorter trajectory"))
    // Moderate trajectories still give their PCF: (5, 5) deflates to degree 27.
    let pcf = try zeta3.pcf(Trajectory([5, 5]), start: Position([1, 1]))
    #expect(pcf.a.degree == 27 && pcf.b.degree == 54)
  }

  @Test("huge starts: positions are exact (no Int overflow), the walk names the singular point")
  func hugeStarts() throws {
    let s = Position([BigRational(Int.max), BigRational(1)])
    let far = s.advanced(by: Trajectory([Int.max, -1]), steps: Int.max)
    #expect(far.coordinates[0] == BigRational(Int.max) + BigRational(Int.max) * BigRational(Int.max))
    #expect(far.coordinates[1] == BigRational(1) - BigRational(Int.max))
    // ζ(3) along (1, 1) from (2⁶³ − 1, 1) converges (to −1 + O(1/x³)).
    let limit = try KnownCMFs.zeta3().limit(Trajectory([1, 1]), start: s, depth: 10)
    #expect(limit.status == .converging)
  }

  @Test("a step matrix of another size than the rank is an error, not a trap")
  func stepSize() throws {
    let e = KnownCMFs.e()
    let broken = CMF(
      name: "broken", axes: e.axes, rank: 2, forward: { e.matrices[$0] }, backward: nil,
      evaluator: { _, _, _ in RationalMatrix.identity(3) })
    #expect(
      message { _ = try broken.trajectoryMatrix(Trajectory([1, 1]), start: Position([0, 0])) }
        == "a step along x gives a 3x3 matrix but the field has rank 2")
  }
}
