import ContinuedFractions
import MatrixFields
import Multiprecision
import Polynomials
import Testing

@testable import Equivalence

@Suite struct CMFPlacementTests {
  func pcf(_ a: String, _ b: String) throws -> PCF { PCF(a: try Polynomial(parsing: a), b: try Polynomial(parsing: b)) }

  /// The half-integer starts of a 3-axis field: one class modulo ℤ³, 8 points.
  var halfStarts: [Position] {
    CMFPlacer.starts(dimension: 3, radius: 1, denominators: [2]).filter { !$0.coordinates.contains(where: \.isInteger) }
  }

  func placer(height: Int, starts: [Position]) -> CMFPlacer {
    CMFPlacer(relator: PCFRelator(), maxHeight: height, starts: starts, threads: 2)
  }

  func place(_ formula: PCF, on name: String, height: Int, starts: [Position]) throws -> CMFPlacement {
    let field = try KnownCMFs.named(name)
    return try placer(height: height, starts: starts).place(formula, on: field) {
      CMFPlacer.trajectoryPCF(field, $0)
    }
  }

  @Test("trajectories: primitive, both signs, counted by Möbius inversion; starts: the box in order")
  func enumeration() {
    for (d, h) in [(1, 3), (2, 1), (2, 4), (3, 3)] {
      let ts = CMFPlacer.trajectories(dimension: d, maxHeight: h)
      #expect(Double(ts.count) == CMFPlacer.trajectoryCount(dimension: d, maxHeight: h))
      #expect(Set(ts).count == ts.count)
      #expect(ts.allSatisfy { t in t.steps.reduce(0) { _gcd($0, $1) } == 1 && t.steps.map(abs).max()! <= h })
    }
    let ts = CMFPlacer.trajectories(dimension: 3, maxHeight: 3)
    #expect(ts.count == 290)
    // Height 1 and one axis first: the six unit steps, each sign.
    #expect(
      Set(ts.prefix(6).map(\.steps)) == [[1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1]])
    #expect(ts[6].steps.map(abs).reduce(0, +) == 2)
    let starts = CMFPlacer.starts(dimension: 3, radius: 1, denominators: [1, 2])
    #expect(starts.count == 125)
    #expect(starts[0] == Position([0, 0, 0]))
    #expect(starts.contains(Position(parsing: "-1/2,-1/2,1/2")!))
    #expect(CMFPlacer.startClasses(starts).count == 8)
    #expect(
      CMFPlacer.startClasses(starts).allSatisfy { $0.count == 27 || $0.count == 8 || $0.count == 12 || $0.count == 18 })
  }

  @Test("PCF(2, n^2) = 2/(4−π) is placed on pfq:2,1,1/2 along (0, 0, 1) from a half-integer start")
  func direct() throws {
    let formula = try pcf("2", "n^2")
    let r = try place(formula, on: "pfq:2,1,1/2", height: 1, starts: halfStarts)
    let place = try #require(r.place)
    #expect(r.proven)
    #expect(place.trajectory.steps == [0, 0, 1])
    // The relation is to the trajectory's own PCF, as cmf pcf gives it.
    let field = try KnownCMFs.named("pfq:2,1,1/2")
    #expect(CMFPlacer.trajectoryPCF(field, place) == .pcf(try #require(r.relation).second))
    #expect(try #require(r.relation).digits >= PCFRelator.minimumProofDigits)
  }

  @Test("a formula related to the field only through a fold-2 equivalence is placed (equivalences.tsv)")
  func foldTwo() throws {
    // 4/(4−π): the 2-fold of PCF(2, n^2), brought back to PCF form.
    let formula = try pcf("8n^2 + 16n + 9", "-16n^4 - 32n^3 - 20n^2 - 4n")
    let r = try place(formula, on: "pfq:2,1,1/2", height: 1, starts: halfStarts)
    #expect(r.proven)
    let gauge = try #require(r.relation?.gauge)
    #expect(gauge.folds.0 == 1 && gauge.folds.1 == 2)
  }

  @Test("Apéry's PCF lies on the zeta3 field along (1, 1) from (0, 0)")
  func apery() throws {
    let formula = try pcf("34n^3 + 51n^2 + 27n + 5", "-n^6")
    let r = try place(formula, on: "zeta3", height: 1, starts: [Position([0, 0])])
    #expect(r.proven)
    #expect(r.place?.trajectory.steps == [1, 1])
  }

  @Test("an e formula is not placed on pfq:2,1,1/2: proven false, no placement")
  func otherConstant() throws {
    // PCF(n + 1, n) = 1/(e − 2).
    let r = try place(try pcf("n + 1", "n"), on: "pfq:2,1,1/2", height: 1, starts: halfStarts)
    #expect(!r.proven)
    #expect(r.place == nil)
    #expect(r.reason?.hasPrefix("no trajectory of height ≤ 1 from the 8 starts") == true)
  }

  @Test("the Möbius fingerprint: related limits match, unrelated ones do not")
  func fingerprint() throws {
    let relator = PCFRelator()
    let (l1, l2, l3) = (
      relator.limitEstimate(try pcf("2n+1", "n^2")), relator.limitEstimate(try pcf("3*n", "-2n^2+3n")),
      relator.limitEstimate(try pcf("n+1", "n"))
    )
    #expect(CMFPlacer.mobiusMatch(l1, l2) == true)
    #expect(CMFPlacer.mobiusMatch(l1, l3) == false)
  }
}
