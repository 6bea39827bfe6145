import Multiprecision
import Polynomials
import Recurrences
import TestSupport
import Testing

@testable import ContinuedFractions

@Suite struct InflationTests {
  let apery = try! PCF(a: "34n^3+51n^2+27n+5", b: "-n^6")

  @Test("inflate then deflate is the identity; the limit scales by c(0)")
  func roundTrip() throws {
    let c = try Polynomial(parsing: "2n+3")
    let inflated = apery.inflated(by: c)
    #expect(inflated.deflated(by: c) == apery)
    let l = apery.limit(depth: 200).value(.digits(300))
    let li = inflated.limit(depth: 200).value(.digits(300))
    #expect(((li - l * 3).magnitude).log10Magnitude < -250)
  }

  @Test("deflation by a non-factor is nil")
  func notDivisible() throws {
    #expect(apery.deflated(by: try Polynomial(parsing: "n+1")) == nil)
    #expect(apery.deflated(by: Polynomial([2])) == nil)
  }

  @Test("deflatedAll removes random inflations", arguments: 0..<12)
  func deflateAllRandom(seed: Int) throws {
    var g = SeededGenerator(seed: UInt64(seed + 1))
    // Random inflation: a constant, linear factors and sometimes an irreducible quadratic.
    var c = Polynomial([Int.random(in: 1...6, using: &g)])
    for _ in 0..<Int.random(in: 0...3, using: &g) {
      c = c * Polynomial([Int.random(in: -4...4, using: &g), Int.random(in: 1...3, using: &g)])
    }
    if Bool.random(using: &g) { c = c * (try Polynomial(parsing: "n^2+n+1")) }
    let inflated = apery.inflated(by: c)
    let (pcf, factor) = inflated.deflatedAll()
    #expect(pcf.inflated(by: factor) == inflated)
    #expect(pcf == apery, "inflated by \(c): got \(pcf) with factor \(factor)")
  }

  @Test("a fully deflated PCF stays as it is")
  func alreadyDeflated() throws {
    for (a, b) in [("34n^3+51n^2+27n+5", "-n^6"), ("2n+1", "n^2"), ("3n^2+3n+1", "-2n^4"), ("3", "1")] {
      let pcf = try PCF(a: a, b: b)
      let (d, factor) = pcf.deflatedAll()
      #expect(d == pcf && factor == .one, "\(pcf) → \(d)")
    }
  }

  @Test("integer and polynomial content: c | a and c(n)c(n−1) | b")
  func content() throws {
    let base = try PCF(a: "n+5", b: "n^2")
    let pcf = base.inflated(by: try Polynomial(parsing: "6n+12"))
    #expect(pcf == (try PCF(a: "6(n+2)(n+5)", b: "36(n+2)(n+1)n^2")))
    let (d, factor) = pcf.deflatedAll()
    let expected = try Polynomial(parsing: "6n+12")
    #expect(d == base && factor == expected)
    // The Catalan PCF of MathOverflow 447099 carries content 4: 4 | a, 16 | b.
    let catalan = try PCF(a: "12n^2+12n+4", b: "-32n^4").deflatedAll()
    let reduced = try PCF(a: "3n^2+3n+1", b: "-2n^4")
    #expect(catalan.pcf == reduced && catalan.factor == Polynomial([4]))
  }
}
