import ContinuedFractions
import Identification
import Search
import Testing

@testable import Reports

@Suite struct ConvergenceProfileTests {
  @Test("depths: evenly spaced, or evenly in log n from 4")
  func depths() {
    #expect(ConvergenceProfile.depths(upTo: 100, count: 4, logarithmic: false) == [25, 50, 75, 100])
    #expect(ConvergenceProfile.depths(upTo: 1000, count: 4, logarithmic: true) == [4, 25, 159, 1000])
    #expect(ConvergenceProfile.depths(upTo: 3, count: 10, logarithmic: false) == [1, 2, 3])
    #expect(ConvergenceProfile.depths(upTo: 5, count: 10, logarithmic: true) == [4, 5])
  }

  @Test("Apéry's PCF against 6/zeta(3): about 3.06 places per term, certified ≤ correct, δ near 0.08–0.1")
  func apery() throws {
    let pcf = try PCF(a: "34n^3+51n^2+27n+5", b: "-n^6")
    let m = try ConvergenceProfile.measure(depth: 300, points: 12, reference: ConstantExpression(parsing: "6/zeta(3)"))
    {
      $0.map { pcf.limit(depth: $0, threads: 1) }
    }
    #expect(!m.slow)
    #expect(m.profile.points.map(\.depth) == [25, 50, 75, 100, 125, 150, 175, 200, 225, 250, 275, 300])
    for p in m.profile.points {
      let correct = try #require(p.correctDigits)
      // The certified places are a lower bound of the correct ones: error·2 ≤ 10^−certified.
      #expect(Double(p.certifiedDigits) <= correct)
      // 2·log10(1+√2)^2 = 3.0622 places per term, plus a slowly varying offset.
      #expect(abs(correct - 3.0622 * Double(p.depth)) < 0.05 * Double(p.depth) + 5)
    }
    let rate = try #require(m.profile.rate)
    #expect(abs(rate - 3.0622) < 0.01)
    let delta = try #require(m.profile.points.last?.delta)
    #expect(delta > 0.08 && delta < 0.11)
  }

  @Test("geometric against faster than geometric: the rate's growth tells Apéry's PCF from an e formula")
  func rateGrowth() throws {
    let apery = try PCF(a: "34n^3+51n^2+27n+5", b: "-n^6")
    let a = try ConvergenceProfile.measure(depth: 256, points: 16, reference: ConstantExpression(parsing: "6/zeta(3)"))
    {
      $0.map { apery.limit(depth: $0, threads: 1) }
    }
    let g = try #require(a.profile.rateGrowth)
    #expect(abs(g - 1) < 0.02)
    // PCF(4n − 2, 1) = −(e+3)/(e+1) (found by the e search) converges factorially: places ~ n log n.
    let e = try PCF(a: "4n-2", b: "1")
    let f = try ConvergenceProfile.measure(
      depth: 256, points: 16, reference: ConstantExpression(parsing: "-(e+3)/(e+1)")
    ) {
      $0.map { e.limit(depth: $0, threads: 1) }
    }
    let h = try #require(f.profile.rateGrowth)
    #expect(h > AtlasSite.fasterThanGeometric && h < 1.3)
  }

  @Test("PCF(1, n^2) = 1/ln 2 is slow: log-spaced depths, error ~ n^-1")
  func slow() throws {
    let pcf = try PCF(a: "1", b: "n^2")
    let m = try ConvergenceProfile.measure(depth: 1000, points: 10, reference: ConstantExpression(parsing: "1/log(2)"))
    {
      $0.map { pcf.limit(depth: $0, threads: 1) }
    }
    #expect(m.slow)
    #expect(m.profile.points.first?.depth == 4)
    let e = try #require(m.profile.localExponent)
    #expect(abs(e.alpha - 1) < 0.02)
    // Without a limit the walk at depth 2000 certifies too few places to be a reference.
    #expect(throws: ReportError.self) {
      try ConvergenceProfile.measure(depth: 1000, points: 10, reference: nil) { $0.map { pcf.limit(depth: $0) } }
    }
    let plot = m.profile.errorPlot(title: "e")
    #expect(plot.x.scale == .log10 && plot.y.scale == .log10)
    #expect(plot.description.contains("α ≈ "))
  }

  @Test("against a deeper walk the correct places stop where the reference's certified places do")
  func deeperWalk() throws {
    let pcf = try PCF(a: "2n+1", b: "n^2")  // 4/π
    let m = try ConvergenceProfile.measure(depth: 200, points: 8, reference: nil) { $0.map { pcf.limit(depth: $0) } }
    #expect(m.profile.referenceLabel == "the walk at depth 400")
    for p in m.profile.points {
      if let c = p.correctDigits { #expect(c <= Double(m.profile.referenceDigits - 5)) }
    }
    #expect(m.profile.points.allSatisfy { $0.correctDigits != nil })
  }

  @Test("a wrong expression is caught: it disagrees with the certified places")
  func wrongExpression() throws {
    // 8/(7ζ(3)) is this PCF's limit; claim 6/ζ(3) instead.
    let hit = Hit(
      a: "6n^3 + 9n^2 + 5n + 1", b: "-n^6", index: 1, canonicalKey: "k", constants: "zeta(3)", expression: "6/zeta(3)",
      relation: "test", digits: 103, depth: 68, delta: nil, rate: nil, factorialDegree: nil)
    var options = FormulaStudy.Options()
    options.maxDepth = 100
    options.points = 4
    let s = try FormulaStudy(hit: hit, options: options)
    #expect(s.agreement == .disagrees(atPlace: 1))
    let right = Hit(
      a: hit.a, b: hit.b, index: 1, canonicalKey: "k", constants: "zeta(3)", expression: "8/(7*zeta(3))",
      relation: "test", digits: 103, depth: 68, delta: nil, rate: nil, factorialDegree: nil)
    let t = try FormulaStudy(hit: right, options: options)
    #expect(t.agreement == .agrees(t.limit.digits) && t.limit.digits > 100)
    let bad = Hit(
      a: "n^", b: "1", index: 7, canonicalKey: "k", constants: "", expression: "1", relation: "", digits: 0, depth: 1,
      delta: nil, rate: nil, factorialDegree: nil)
    #expect(throws: ReportError.self) { try FormulaStudy(hit: bad) }
  }

  @Test("the report depth follows the hit's rate, bounded by maxDepth and the entry size")
  func reportDepth() throws {
    let pcf = try PCF(a: "34n^3+51n^2+27n+5", b: "-n^6")
    let hit = Hit(
      a: "", b: "", index: 0, canonicalKey: "", constants: "", expression: "", relation: "", digits: 194, depth: 64,
      delta: nil, rate: nil, factorialDegree: nil)
    var options = FormulaStudy.Options()
    #expect(FormulaStudy.depth(for: hit, pcf: pcf, options: options) == 330)
    options.maxDepth = 100
    #expect(FormulaStudy.depth(for: hit, pcf: pcf, options: options) == 100)
    options.maxDepth = 2000
    options.maxLog2Entries = 2000
    #expect(pcf.estimatedLog2Entries(depth: FormulaStudy.depth(for: hit, pcf: pcf, options: options)) <= 2000)
  }
}
