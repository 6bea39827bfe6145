import Foundation
import Multiprecision
import Polynomials
import Testing

@testable import MatrixFields

@Suite struct TrajectoryMatrixTests {
  @Test("trajectory matrices equal ramanujantools' exactly", arguments: PeerTrajectoryMatrix.all)
  func againstPeer(_ case_: PeerTrajectoryMatrix) throws {
    let field = try KnownCMFs.named(case_.field)
    let ours = try field.trajectoryMatrix(case_.trajectory, start: case_.start)
    let theirs = try matrixInN(case_.matrix)
    #expect(ours == theirs, "\(case_.id): \(ours)")
  }

  @Test("the trajectory matrices listed in cmf-cases.md")
  func casesFile() throws {
    let text = fixture("cmf-cases.md")
    let listed: [(String, CMF, [Int], [Int])] = [
      (
        "[[-n^3(n+1)^3, -n^3(2n+1)(3n^2+3n+1)], [6n^3(n+1)^3, n^3(35n^3+54n^2+30n+6)]]", KnownCMFs.zeta3(), [1, 1],
        [0, 0]
      ),
      ("[[2(n+1)^2, -(n+1)(4n+5)], [-(n+1)(4n+3), 10n^2+20n+9]]", KnownCMFs.pi(), [1, 1], [1, 0]),
      ("[[n+1, -(2n+3)(n+1)], [-2n-2, (n+1)(4n+5)]]", KnownCMFs.e(), [1, 1], [0, 0]),
    ]
    for (matrix, field, t, s) in listed {
      #expect(text.contains(matrix), "cmf-cases.md lists \(matrix)")
      let m = try field.trajectoryMatrix(Trajectory(t), start: Position(s))
      #expect(m == (try matrixInN(matrix)))
      #expect(m.isPolynomial)
    }
  }

  @Test("a zero trajectory gives the identity; a trajectory's path order does not matter")
  func identityAndOrder() throws {
    let field = KnownCMFs.zeta3()
    #expect(try field.trajectoryMatrix(Trajectory([0, 0]), start: Position([3, 4])) == .identity(2))
    // (1, 1) via x then y, computed by hand from the axis matrices, equals the trajectory matrix.
    let s = Position([2, 5])
    let m = try field.trajectoryMatrix(Trajectory([1, 1]), start: s)
    for k in 0..<4 {
      let p = s.advanced(by: Trajectory([1, 1]), steps: k)
      let viaX = try field.pathProduct(from: p, steps: [(0, 1), (1, 1)])!
      let viaY = try field.pathProduct(from: p, steps: [(1, 1), (0, 1)])!
      #expect(viaX == viaY)
      #expect(m.evaluated(at: k)! == viaX)
    }
  }

  @Test("Brown–Zudilin's ₈F₇ trajectory matrix equals ramanujantools' at n = 19 (projectively)")
  func brownZudilin() throws {
    // 329 axis steps in 15 variables; the field is built once.
    let field = KnownCMFs.pFq(8, 7, z: 1)
    let start = Position([5, 2, 2, 2, 2, 2, 2, 2] + [4, 4, 4, 4, 4, 4, 4])
    let trajectory = Trajectory([42, 17, 16, 15, 14, 13, 12, 11] + [24, 25, 26, 27, 28, 29, 30])
    let m = try field.trajectoryMatrix(trajectory, start: start, threads: 2)
    #expect(m.size == 7)
    let rows = fixture("brown-zudilin-n19.txt").split(separator: "\n").filter { !$0.hasPrefix("#") }
    let theirs = rows.map { $0.split(separator: " ").map { BigRational($0)! } }
    let ours = m.evaluated(at: 19)!
    // Equal up to one scalar: ours[i][j]·theirs[0][0] = theirs[i][j]·ours[0][0].
    for i in 0..<7 {
      for j in 0..<7 { #expect(ours[i][j] * theirs[0][0] == theirs[i][j] * ours[0][0]) }
    }
    #expect(ours == theirs)
  }
}
