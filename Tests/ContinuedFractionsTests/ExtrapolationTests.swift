import Foundation
import Identification
import Multiprecision
import Polynomials
import Recurrences
import TestSupport
import Testing

@testable import ContinuedFractions

/// One row of Fixtures/slow-pcfs.tsv (copied from shared/validation): slowly converging PCFs.
struct SlowFormula: Sendable, CustomStringConvertible {
  let id: String
  let a: String
  let b: String
  let value: String
  var description: String { id }

  static let all: [SlowFormula] = {
    let url = Bundle.module.url(forResource: "Fixtures/slow-pcfs", withExtension: "tsv")!
    let text = try! String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("id\t") }.map { line in
      let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return SlowFormula(id: c[0], a: c[1], b: c[2], value: c[4])
    }
  }()

  var referencePlaces: Int {
    value.count - (value.firstIndex(of: ".").map { value.distance(from: value.startIndex, to: $0) } ?? 0) - 1
  }
}

/// Correct decimal places of `x` against `reference` (known to `places` places).
func correctPlaces(_ x: BigFloat, _ reference: BigFloat) -> Double {
  let error = (x - reference).magnitude
  return error.isZero ? 10_000 : -error.log10Magnitude
}

@Suite struct ExtrapolationTests {
  @Test("every slow PCF of the fixture extrapolates to ≥ 100 places, each of them correct", arguments: SlowFormula.all)
  func slowFixture(_ f: SlowFormula) throws {
    let pcf = try PCF(a: f.a, b: f.b)
    let e = try pcf.extrapolatedLimit(digits: 110, maxDepth: 20_000, threads: 2).get()
    #expect(e.digits >= 100, "\(f.id): \(e.summary)")
    let correct = correctPlaces(e.value, BigFloat(f.value, precision: .digits(200))!)
    #expect(correct >= Double(min(e.digits, f.referencePlaces - 2)), "\(f.id): \(e.digits) claimed, \(correct) correct")
    // The walk alone certifies a handful of places at the deepest convergent used.
    #expect(pcf.limit(depth: e.depth).digits < e.digits - 50)
  }

  @Test(
    "1/ζ(3), 1/ζ(2), 1/ζ(5), 1 + 4/π and 1/ln 2 to 300 extrapolated places, none of them wrong",
    arguments: [
      ("n^3+(n+1)^3", "-n^6", "1/zeta(3)"), ("2n^2+2n+1", "-n^4", "1/zeta(2)"),
      ("n^5+(n+1)^5", "-n^10", "1/zeta(5)"), ("2", "(2n-1)^2", "1+4/pi"), ("1", "n^2", "1/log(2)"),
    ])
  func namedConstants(_ c: (String, String, String)) throws {
    let pcf = try PCF(a: c.0, b: c.1)
    let e = try pcf.extrapolatedLimit(digits: 300, maxDepth: 20_000, threads: 2).get()
    let reference = try ConstantExpression(parsing: c.2).evaluate(.digits(500))
    #expect(e.digits >= 300)
    #expect(correctPlaces(e.value, reference) >= Double(e.digits), "\(c.2): \(e.summary)")
    // The printed text holds only digits of the limit.
    let text = e.text(maxPlaces: 250)
    #expect(text == reference.decimal(places: 250, truncate: true))
  }

  @Test("the alternating fractions are extrapolated class by class (period 2), the ζ(3) one with α = 2")
  func periodAndExponent() throws {
    let ln2 = try PCF(a: "1", b: "n^2").extrapolatedLimit(digits: 40, maxDepth: 5000, threads: 1).get()
    #expect(ln2.period == 2 && ln2.alphaIsInteger && ln2.alpha == 1)
    let zeta3 = try PCF(a: "n^3+(n+1)^3", b: "-n^6").extrapolatedLimit(digits: 40, maxDepth: 5000, threads: 1).get()
    #expect(zeta3.period == 1 && zeta3.alpha == 2)
  }

  @Test("the ζ(3) family a = n³+(n+1)³+2c(c+1)(2n+1), b = −n⁶ meets 1/(ζ(3) − Σ_{k≤c} k⁻³) (seeded c)")
  func zeta3Family() throws {
    var g = SeededGenerator(seed: 0x5EED_0009)
    for _ in 0..<4 {
      let c = Int.random(in: 0...6, using: &g)
      let d = Int.random(in: 30...90, using: &g)
      let k = 2 * c * (c + 1)
      let pcf = try PCF(a: "n^3+(n+1)^3+\(k)(2n+1)", b: "-n^6")
      let e = try pcf.extrapolatedLimit(digits: d, maxDepth: 20_000, threads: 1).get()
      let precision = Precision.digits(d + 60)
      var tail = BigFloat.zeta(3, precision)
      for j in stride(from: 1, through: c, by: 1) { tail = tail - BigFloat(1, precision: precision) / (j * j * j) }
      let limit = BigFloat(1, precision: precision) / tail
      #expect(e.digits >= d, "c = \(c)")
      #expect(correctPlaces(e.value, limit) >= Double(e.digits), "c = \(c): \(e.summary)")
    }
  }

  @Test("seeded random parabolic PCFs (4·lead(b) = −lead(a)²): extrapolated places never exceed the correct ones")
  func randomParabolic() throws {
    var g = SeededGenerator(seed: 0x5EED_1009)
    var extrapolated = 0
    for _ in 0..<7 {
      // a = 2n + s, b = −n² + (1 − s)n + u: power-law convergence n^−√((s−1)² + 4u) when positive;
      // b = −n² + t·n + u otherwise (sub-exponential or log terms).
      let s = Int.random(in: 1...6, using: &g)
      let u = Int.random(in: -2...8, using: &g)
      let t = Bool.random(using: &g) ? 1 - s : Int.random(in: -3...3, using: &g)
      let pcf = try PCF(a: "2n+\(s)", b: "-n^2+(\(t))n+(\(u))")
      guard case .success(let shallow) = pcf.extrapolatedLimit(digits: 25, maxDepth: 1500, threads: 1) else { continue }
      guard case .success(let deep) = pcf.extrapolatedLimit(digits: 60, maxDepth: 8000, threads: 1),
        deep.digits >= shallow.digits + 5
      else { continue }
      extrapolated += 1
      #expect(
        correctPlaces(shallow.value, deep.value) >= Double(shallow.digits),
        "\(pcf): \(shallow.digits) claimed (\(shallow.summary)) vs \(deep.digits) (\(deep.summary))")
    }
    #expect(extrapolated >= 2)
  }

  @Test("a leading log term (PCF(2n+1, −n²), error ~ 1/log n) and a complex-exponent oscillation give no number")
  func refusals() throws {
    for (a, b) in [("2n+1", "-n^2"), ("2n+1", "-n^2-1")] {
      let r = try PCF(a: a, b: b).extrapolatedLimit(digits: 30, maxDepth: 8000, threads: 1)
      guard case .failure(let f) = r else {
        Issue.record("\(a), \(b) extrapolated: \(try r.get().summary)")
        continue
      }
      #expect(f.description.hasPrefix("cannot extrapolate:"))
    }
    // Proven divergent and terminating fractions are never extrapolated.
    #expect(throws: ExtrapolationFailure.self) {
      try PCF(a: "0", b: "n").extrapolatedLimit(digits: 10, maxDepth: 100).get()
    }
    #expect(throws: ExtrapolationFailure.self) {
      try PCF(a: "n", b: "3-n").extrapolatedLimit(digits: 10, maxDepth: 100).get()
    }
  }

  @Test("a log term far down the expansion (2/(7ζ(3)−8), n⁻⁸·log n): the log model reaches 60 places, all correct")
  func distantLogTerm() throws {
    let pcf = try PCF(a: "4n^3+6n^2+12n+5", b: "-4n^6")
    let e = try pcf.extrapolatedLimit(digits: 60, maxDepth: 4000, threads: 2).get()
    let reference = try ConstantExpression(parsing: "2/(7*zeta(3)-8)").evaluate(.digits(200))
    #expect(e.digits >= 60 && e.model == "log", "\(e.summary)")
    #expect(correctPlaces(e.value, reference) >= Double(e.digits), "\(e.summary)")
  }

  @Test("a real exponent: PCF(2n+1, u − n²) = √u converges like n^−2√u; seeded non-square u, every place correct")
  func realExponent() throws {
    var g = SeededGenerator(seed: 0x5EED_2009)
    let candidates = [2, 3, 5, 6, 7, 8, 10, 11]
    for _ in 0..<2 {
      let u = candidates[Int.random(in: 0..<candidates.count, using: &g)]
      let pcf = try PCF(a: "2n+1", b: "\(u)-n^2")
      let e = try pcf.extrapolatedLimit(digits: 30, maxDepth: 20_000, threads: 2).get()
      #expect(!e.alphaIsInteger && abs(e.alpha - 2 * Double(u).squareRoot()) < 1e-9, "\(e.summary)")
      #expect(e.digits >= 30, "u = \(u): \(e.summary)")
      let root = BigFloat(u, precision: .digits(100)).squareRoot()
      #expect(correctPlaces(e.value, root) >= Double(e.digits), "u = \(u): \(e.summary)")
    }
  }
}

/// The π formulas of Fixtures/equivalences.tsv (copied from shared/validation: pairs from the
/// literature study "From Euler to AI"), one entry per distinct PCF with its limit.
struct LiteratureFormula: Sendable, CustomStringConvertible {
  let a: String
  let b: String
  let limit: String
  var description: String { "PCF(\(a), \(b))" }

  static let all: [LiteratureFormula] = {
    let url = Bundle.module.url(forResource: "Fixtures/equivalences", withExtension: "tsv")!
    let text = try! String(contentsOf: url, encoding: .utf8)
    var seen: Set<String> = []
    var out: [LiteratureFormula] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("a1\t") {
      let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      for (a, b, l) in [(c[0], c[1], c[2]), (c[3], c[4], c[5])] where seen.insert(a + "|" + b).inserted {
        out.append(LiteratureFormula(a: a, b: b, limit: l))
      }
    }
    return out
  }()
}

@Suite struct LiteratureSlowFormulasTests {
  @Test(
    "every π formula of the literature pairs reaches 50 places within depth 20000, all correct",
    arguments: LiteratureFormula.all)
  func fiftyPlaces(_ f: LiteratureFormula) throws {
    let pcf = try PCF(a: f.a, b: f.b)
    let reference = try ConstantExpression(parsing: f.limit).evaluate(.digits(150))
    let walk = pcf.limit(depth: 256, threads: 2)
    if walk.digits >= 50 {
      #expect(correctPlaces(walk.value(.digits(140)), reference) >= Double(min(walk.digits, 120)))
      return
    }
    let e = try pcf.extrapolatedLimit(digits: 50, maxDepth: 20_000, threads: 2).get()
    #expect(e.digits >= 50, "\(f): \(e.summary)")
    #expect(correctPlaces(e.value, reference) >= Double(e.digits), "\(f): \(e.summary)")
  }
}
