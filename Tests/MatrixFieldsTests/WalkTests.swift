import Foundation
import Identification
import Multiprecision
import Polynomials
import Recurrences
import TestSupport
import Testing

@testable import MatrixFields

@Suite struct FieldWalkTests {
  /// The limits of cmf-cases.md: field, trajectory, start, the limit as written there and as a
  /// catalog expression, the depth and the decimal places the walk must certify there.
  static let limits:
    [(field: String, t: [Int], s: [Int], written: String, expression: String, depth: Int, places: Int)] = [
      ("e", [1, 1], [0, 0], "1/(1-e)", "1/(1-e)", 60, 120),
      ("pi", [1, 1], [1, 0], "(2-π)/2", "(2-pi)/2", 200, 110),
      ("zeta3", [1, 1], [1, 1], "(1-ζ(3))/ζ(3)", "(1-zeta(3))/zeta(3)", 200, 590),
      ("ln2", [1, 1], [1, 1], "-1 + 1/ln 2", "-1 + 1/log(2)", 200, 110),
    ]

  @Test("walks tend to the limits in cmf-cases.md, to the certified places", arguments: 0..<4)
  func cmfCasesLimits(_ index: Int) throws {
    let c = Self.limits[index]
    #expect(fixture("cmf-cases.md").contains(c.written))
    let field = try KnownCMFs.named(c.field)
    let limit = try field.limit(Trajectory(c.t), start: Position(c.s), depth: c.depth)
    #expect(limit.status == .converging)
    #expect(limit.digits >= c.places, "\(c.field): \(limit.digits) places")
    let reference = try ConstantExpression(parsing: c.expression).evaluate(.digits(limit.digits + 40))
    let difference = (limit.value(.digits(limit.digits + 40)) - reference).magnitude
    // Every certified place is right: the error is at most half a unit of the last one.
    #expect(difference.isZero || difference.log10Magnitude <= -Double(limit.digits) - log10(2.0) + 1e-9)
  }

  @Test("δ of the ζ(3) walk at depth 100 is ramanujantools' 0.1132600455")
  func delta() throws {
    let d = try KnownCMFs.zeta3().delta(Trajectory([1, 1]), start: Position([1, 1]), depth: 100)
    #expect(abs(d - 0.11326004551778387) < 1e-9, "\(d)")
    let reference = try ConstantExpression(parsing: "(1-zeta(3))/zeta(3)").evaluate(.digits(700))
    let withReference = try KnownCMFs.zeta3().delta(
      Trajectory([1, 1]), start: Position([1, 1]), depth: 100, reference: reference)
    #expect(abs(withReference - d) < 1e-9)
  }

  @Test("₃F₂ at z = 1 along (1,1,1,2,2) from (2,2,2,4,4) tends to a Möbius transform of ζ(2)")
  func zeta2() throws {
    // ramanujantools' test_ascend_zeta2.
    let limit = try KnownCMFs.pFq(3, 2, z: 1).limit(
      Trajectory([1, 1, 1, 2, 2]), start: Position([2, 2, 2, 4, 4]), depth: 200)
    #expect(limit.digits >= 100)
    let identifier = try Identifier(constants: [try ConstantExpression(parsing: "zeta(2)")])
    let magnitude = max(0, Int(limit.final.p.log10Magnitude - limit.final.q.log10Magnitude) + 2)
    let x = ApproximateValue(limit.value(.digits(limit.digits + magnitude + 20)), places: limit.digits)
    let found = try #require(try identifier.identify(x))
    #expect(found.expression?.constants == [.zeta(2)])
    #expect(found.digits >= 100)
  }

  @Test("the walk limit is W[0,last]/W[1,last] of the exact walk")
  func limitIsRatio() throws {
    let field = KnownCMFs.zeta3()
    let (w, scale) = try field.walk(Trajectory([1, 1]), start: Position([1, 1]), depth: 40)
    #expect(!scale.isZero)
    let limit = try field.limit(Trajectory([1, 1]), start: Position([1, 1]), depth: 40)
    #expect(limit.final.p == w[0, 1] && limit.final.q == w[1, 1])
  }

  @Test("a walk of k + l steps is the walk of k times the walk of l from s + k·t (seeded)")
  func walkSplits() throws {
    var rng = SeededGenerator(seed: 5)
    let fields = [KnownCMFs.e(), KnownCMFs.pi(), KnownCMFs.zeta3(), KnownCMFs.ln2(), KnownCMFs.hypergeometric2F1()]
    var checked = 0
    for _ in 0..<30 {
      let field = fields[Int.random(in: 0..<fields.count, using: &rng)]
      let t = Trajectory((0..<field.dimension).map { _ in Int.random(in: 0...2, using: &rng) })
      guard !t.isZero else { continue }
      let s = Position((0..<field.dimension).map { _ in Int.random(in: 1...4, using: &rng) })
      let (k, l) = (Int.random(in: 0...6, using: &rng), Int.random(in: 0...6, using: &rng))
      let walks: [(numerator: IntegerMatrix, denominator: BigInt)]
      do {
        walks = [
          try field.walk(t, start: s, depth: k + l, threads: 1), try field.walk(t, start: s, depth: k, threads: 1),
          try field.walk(t, start: s.advanced(by: t, steps: k), depth: l, threads: 1),
        ]
      } catch {
        // Singular points on the way are reported, not walked through; skip those draws.
        if case .singularPoint = error { continue }
        throw error
      }
      // whole/d = (first/d1)·(second/d2).
      let product = walks[1].numerator * walks[2].numerator
      for (x, y) in zip(walks[0].numerator.entries, product.entries) {
        #expect(x * walks[1].denominator * walks[2].denominator == y * walks[0].denominator)
      }
      checked += 1
    }
    #expect(checked >= 20)
  }

  @Test("conservation: every lattice path between two points gives one product (seeded)")
  func pathIndependence() throws {
    var rng = SeededGenerator(seed: 11)
    let fields = [
      KnownCMFs.e(), KnownCMFs.pi(), KnownCMFs.zeta3(), KnownCMFs.ln2(), KnownCMFs.hypergeometric2F1(),
      KnownCMFs.pFq(2, 1, z: BigRational(-1)), KnownCMFs.hypergeometric3F2(z: BigRational(-1)),
    ]
    var checked = 0
    for _ in 0..<40 {
      let field = fields[Int.random(in: 0..<fields.count, using: &rng)]
      let start = Position((0..<field.dimension).map { _ in Int.random(in: 3...6, using: &rng) })
      let displacement = (0..<field.dimension).map { _ in Int.random(in: -1...2, using: &rng) }
      var moves: [(axis: Int, direction: Int)] = []
      for (a, k) in displacement.enumerated() {
        moves += Array(repeating: (a, k.signum()), count: abs(k))
      }
      let other = moves.shuffled(using: &rng)
      guard let p = try field.pathProduct(from: start, steps: moves),
        let q = try field.pathProduct(from: start, steps: other)
      else { continue }
      #expect(p == q, "\(field.name ?? "") from \(start) by \(displacement)")
      checked += 1
    }
    #expect(checked >= 30)
  }

  @Test("a walk through a singular point names the point")
  func singularPoints() throws {
    // ζ(3) from (0, 0): M(0) = 0 (det 0); along (2, −1) from (1, 1) the denominator n⁶ vanishes at 0.
    #expect(throws: CMFError.singularPoint(position: "(x = 0, y = 0)", step: 0, undefined: false)) {
      try KnownCMFs.zeta3().limit(Trajectory([1, 1]), start: Position([0, 0]), depth: 10)
    }
    #expect(throws: CMFError.singularPoint(position: "(x = 1, y = 1)", step: 0, undefined: true)) {
      try KnownCMFs.zeta3().walk(Trajectory([2, -1]), start: Position([1, 1]), depth: 10)
    }
    // Starting further along avoids it.
    _ = try KnownCMFs.zeta3().walk(Trajectory([2, -1]), start: Position([3, 0]), depth: 10)
    #expect(
      CMFError.singularPoint(position: "(x = 0, y = 0)", step: 0, undefined: false).description
        == "the walk meets a singular point at (x = 0, y = 0), step n = 0: the trajectory matrix is singular there (determinant 0)"
    )
    #expect(
      CMFError.singularPoint(position: "(x = 1, y = 1)", step: 0, undefined: true).description
        == "the walk meets a singular point at (x = 1, y = 1), step n = 0: the trajectory matrix is undefined there (its denominator vanishes)"
    )
    // A singular point deep in the walk: pi from (1, −5) along (1, 1).
    let field = KnownCMFs.pi()
    let m = try field.trajectoryMatrix(Trajectory([1, 1]), start: Position([1, -5]))
    if let (n, _) = m.firstSingularPoint(in: 0..<50) {
      #expect(throws: CMFError.self) { try field.walk(Trajectory([1, 1]), start: Position([1, -5]), depth: 50) }
      #expect(m.evaluated(at: n) == nil || _determinant(m.evaluated(at: n)!) == 0)
    }
  }
}

/// det of a 2×2 rational matrix.
func _determinant(_ m: [[BigRational]]) -> BigRational { m[0][0] * m[1][1] - m[0][1] * m[1][0] }
