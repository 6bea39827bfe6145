import Identification
import Multiprecision
import Polynomials
import Recurrences
import Testing

@testable import MatrixFields

@Suite struct FieldToolsTests {
  @Test("a sub-field conserves, and walking it along e1 is walking the field along its first basis trajectory")
  func subField() throws {
    let zeta3 = KnownCMFs.zeta3()
    let sub = try zeta3.subField(
      basis: [Trajectory([1, 1]), Trajectory([1, 0])], start: Position([0, 0]), axes: ["u", "v"])
    #expect(sub.axes == ["u", "v"] && sub.rank == 2)
    try sub.checkConservation()
    // The walk along (1, 0) of the sub-field from (0, 0) is Apéry's (ζ(3) along (1, 1) from (0, 0)).
    #expect(
      try sub.pcf(Trajectory([1, 0]), start: Position([0, 0]))
        == zeta3.pcf(Trajectory([1, 1]), start: Position([0, 0])))
    // (1, 1) in the sub-field is (2, 1) in the field, from (1, 0) = 0 + 1·(1, 0).
    let here = try sub.trajectoryMatrix(Trajectory([1, 1]), start: Position([0, 1]))
    let there = try zeta3.trajectoryMatrix(Trajectory([2, 1]), start: Position([1, 0]))
    #expect(here == there)
    #expect(throws: CMFError.self) {
      try zeta3.subField(basis: [Trajectory([40, 40])], start: Position([0, 0]), axes: ["u"])
    }
  }

  @Test("the dual of the dual is the field; a coboundary moves the limit by the Möbius map of U at the start")
  func dualAndCoboundary() throws {
    let zeta3 = KnownCMFs.zeta3()
    let dual = try zeta3.dual()
    try dual.checkConservation()
    #expect(try dual.dual().matrices == zeta3.matrices)
    // U = [[1, 0], [x, 1]]: p' = p, q' = q − p·1 at x = 1, so L' = L/(1 − L) = (1 − ζ(3))/(2ζ(3) − 1).
    let u = try MultivariateMatrix(parsing: "[[1, 0], [x, 1]]", variables: zeta3.axes)
    let moved = try zeta3.coboundary(u)
    try moved.checkConservation()
    let limit = try moved.limit(Trajectory([1, 1]), start: Position([1, 1]), depth: 100)
    let z = BigFloat.zeta(3, .digits(400))
    let expected = (BigFloat(1, precision: .digits(400)) - z) / (BigFloat(2, precision: .digits(400)) * z - 1)
    #expect(limit.digits > 250)
    #expect(-(limit.value(.digits(400)) - expected).magnitude.log10Magnitude > Double(limit.digits))
  }

  @Test(
    "Meijer-G fields conserve; G^{3,2}_{2,3}(1): its dual along (−1,−1,1,1,1) from 0 gives γ (ramanujantools' test_gamma)"
  )
  func meijerG() throws {
    for (m, n, p, q, z) in [
      (1, 1, 2, 2, BigRational(1)), (1, 0, 1, 2, BigRational(-1)), (2, 1, 2, 2, BigRational(1, 2)),
    ] {
      let field = KnownCMFs.meijerG(m: m, n: n, p: p, q: q, z: z)
      #expect(throws: Never.self, "G(\(m),\(n),\(p),\(q),\(z))") { try field.checkConservation() }
    }
    let field = try KnownCMFs.named("meijerg:3,2,2,3,1").dual()
    #expect(field.rank == 3)
    let t = Trajectory([-1, -1, 1, 1, 1])
    let s = Position([0, 0, 0, 0, 0])
    let m = try field.trajectoryMatrix(t, start: s)
    let limits = try field.limits(of: m, t, start: s, depths: [200], numerator: [1, 1, 0], denominator: [1, 1, 1])
    let gamma = try ConstantExpression(parsing: "gamma").evaluate(.digits(200))
    #expect(limits[0].digits >= 90)
    #expect(-(limits[0].value(.digits(200)) - gamma).magnitude.log10Magnitude > Double(limits[0].digits))
    #expect(throws: FieldNameError.self) { try KnownCMFs.named("meijerg:1,1,1,1,-1") }  // rank 0
  }

  @Test("ascending a pFq walk keeps its constant: ζ(2) from ₃F₂(1) and from the ascended ₄F₃(1)")
  func ascend() throws {
    let t = Trajectory([1, 1, 1, 2, 2])
    let s = Position([3, 3, 3, 6, 6])
    let (field, at, ast) = KnownCMFs.ascend(
      p: 3, q: 2, z: 1, trajectory: t, start: s, x: BigRational(1), y: BigRational(2))
    #expect(field.name == "pfq:4,3,1" && at == Trajectory([1, 1, 1, 0, 2, 2, 0]))
    #expect(ast == Position([3, 3, 3, 1, 6, 6, 2]))
    let identifier = try Identifier(constants: [ConstantExpression(parsing: "zeta(2)")])
    for (f, tt, ss) in [(KnownCMFs.pFq(3, 2, z: 1), t, s), (field, at, ast)] {
      let limit = try f.limit(tt, start: ss, depth: 60)
      let x = ApproximateValue(limit.value(places: limit.digits + 10), places: limit.digits)
      #expect(try identifier.identify(x)?.form == .mobius, "\(f.name ?? "")")
    }
  }
}
