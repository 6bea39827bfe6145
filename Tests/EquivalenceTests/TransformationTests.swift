import ContinuedFractions
import MatrixFields
import Multiprecision
import Polynomials
import TestSupport
import Testing

@testable import Equivalence

@Suite struct TransformationTests {
  /// A PCF that converges geometrically: a = αn + β, b = γn² + δn + ε with positive coefficients
  /// (no zero of b at n ≥ 1, deg b = 2·deg a with α² + 4γ > 0).
  static func randomPCF(_ g: inout SeededGenerator) -> PCF {
    let a = Polynomial([Int.random(in: 1...9, using: &g), Int.random(in: 1...5, using: &g)])
    let b = Polynomial([
      Int.random(in: 1...9, using: &g), Int.random(in: 0...9, using: &g), Int.random(in: 1...4, using: &g),
    ])
    return PCF(a: a, b: b)
  }

  func expectProven(_ p1: PCF, _ p2: PCF, _ what: String) throws {
    let result = try PCFRelator(maxDegree: 6).relate(p1, p2)
    #expect(result.proven, "\(what): \(p1) ~ \(p2): \(result.reason ?? "")")
    guard let gauge = result.gauge else { return }
    #expect(gauge.holds(between: p1.matrix.folded(gauge.folds.0), and: p2.matrix.folded(gauge.folds.1)))
    #expect(result.digits >= 50, "\(what): \(result.digits) places")
  }

  @Test("inflations, shifts and sign changes of seeded random PCFs are proven equivalent")
  func transformations() throws {
    var g = SeededGenerator(seed: 10)
    for _ in 0..<3 {
      let pcf = Self.randomPCF(&g)
      let c = Polynomial([Int.random(in: 1...3, using: &g), 1])
      try expectProven(pcf, pcf.inflated(by: c), "inflation by \(c)")
      try expectProven(pcf, PCF(a: pcf.a.shifted(by: 1), b: pcf.b.shifted(by: 1)), "shift by 1")
      try expectProven(pcf, PCF(a: -pcf.a, b: pcf.b), "sign change of a")
    }
  }

  @Test("sign change: U constant, m = -1, L1 = -L2")
  func signChange() throws {
    let pcf = PCF(a: Polynomial([1, 2]), b: Polynomial([0, 0, 1]))  // PCF(2n+1, n^2) = 4/π
    let result = try PCFRelator().relate(pcf, PCF(a: -pcf.a, b: pcf.b))
    #expect(result.proven)
    #expect(result.gauge?.matrix.degree == 0)
    #expect(result.gauge?.multiplierText == "-1")
    #expect(result.mobius == MobiusMap(-1, 0, 0, 1))
  }

  @Test("Apéry's PCF and the ζ(3) field along (1,1) from (1,1) are one walk")
  func aperyOnTheField() throws {
    let apery = PCF(a: Polynomial([5, 27, 51, 34]), b: Polynomial([0, 0, 0, 0, 0, 0, -1]))
    let trajectory = try KnownCMFs.zeta3().pcf(Trajectory([1, 1]), start: Position([1, 1]))
    #expect(trajectory != apery)
    let result = try PCFRelator().relate(apery, trajectory)
    #expect(result.proven, "\(trajectory): \(result.reason ?? "")")
    #expect(result.digits >= 50)
  }

  @Test(
    "limits of different constants end not proven",
    arguments: [
      ("n+1", "n+1", "2n+1", "n^2"),  // e − 1 against 4/π
      ("11n^2+11n+3", "n^4", "2n+1", "n^2"),  // 5/ζ(2) against 4/π
      ("34n^3+51n^2+27n+5", "-n^6", "11n^2+11n+3", "n^4"),  // 6/ζ(3) against 5/ζ(2)
    ])
  func differentConstants(_ pair: (String, String, String, String)) throws {
    let p1 = try PCF(a: pair.0, b: pair.1)
    let p2 = try PCF(a: pair.2, b: pair.3)
    let result = try PCFRelator().relate(p1, p2)
    #expect(!result.proven)
    #expect(result.gauge == nil)
    #expect(result.reason?.hasPrefix("different limits: no relation") == true)
  }

  @Test("a slow pair with a gauge whose Möbius map the limits contradict is not proven")
  func contradictedMobius() throws {
    let pair = LiteraturePair.all[1]
    let result = try PCFRelator().relate(pair.first, pair.second)
    if let gauge = result.gauge, !result.proven {
      // The gauge itself is exact; only the relation of the limits failed.
      #expect(
        gauge.holds(between: pair.first.matrix.folded(gauge.folds.0), and: pair.second.matrix.folded(gauge.folds.1)))
      #expect(result.reason?.contains("do not satisfy the Möbius map") == true)
    }
  }

  @Test("a terminating PCF is refused with the index where b vanishes")
  func terminating() throws {
    let p = PCF(a: Polynomial([1, 1]), b: Polynomial([-3, 1]))
    #expect(throws: RelateError.terminates(which: 2, pcf: "PCF(n + 1, n - 3)", at: 3)) {
      try PCFRelator().relate(PCF(a: Polynomial([1, 2]), b: Polynomial([0, 0, 1])), p)
    }
    #expect(
      RelateError.terminates(which: 2, pcf: "PCF(n + 1, n - 3)", at: 3).description
        == "PCF 2 PCF(n + 1, n - 3) terminates at n = 3 (b(3) = 0): its limit is rational, there is no walk to relate")
  }

  @Test("folded steps past the degree limit are refused before any work")
  func tooLarge() throws {
    let big = PCF(a: Polynomial(coefficients: Array(repeating: BigInt(1), count: 42)), b: Polynomial([1]))
    #expect(throws: RelateError.self) { try PCFRelator().relate(big, big) }
  }
}
