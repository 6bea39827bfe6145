import Multiprecision
import Polynomials
import Recurrences
import Testing

@testable import ContinuedFractions

@Suite struct KnownFormulasTests {
  @Test("the fixture holds the formulas of shared/validation")
  func fixture() { #expect(KnownFormula.all.count == 13) }

  @Test("every known PCF reaches its listed value, and its certified digits are correct", arguments: KnownFormula.all)
  func reachesValue(_ f: KnownFormula) throws {
    let pcf = try PCF(a: f.a, b: f.b)
    let limit = pcf.limit(digits: 100, maxDepth: 4000, threads: 2)
    let certified = limit.digits
    let error = (limit.value(.digits(300)) - f.reference).magnitude
    let correct = error.isZero ? 1000 : -error.log10Magnitude
    // Honest: every certified place is correct (compared as far as the listed value goes).
    #expect(
      correct >= Double(min(certified, f.referencePlaces - 1)), "\(f.id): \(certified) certified, \(correct) correct")
    if f.id == "euler_ln2_slow" {
      // Polynomial convergence: about 1/N, so a few places at depth 4000 and not more are claimed.
      #expect(limit.depth == 4000)
      #expect((2...4).contains(certified), "\(certified)")
    } else {
      #expect(certified >= 100, "\(f.id) certifies \(certified) at depth \(limit.depth)")
      #expect(correct >= 99)
      // The printed value is the reference truncated to the places shown (every digit one it has).
      let text = limit.certifiedText(maxPlaces: 90)
      #expect(text == f.reference.decimal(places: 90, truncate: true), "\(f.id)")
    }
  }

  @Test("δ of Apéry's PCF at depth 2000 lies in (0.08, 0.09), with or without the known limit")
  func aperyDelta() throws {
    let pcf = try PCF(a: "34n^3+51n^2+27n+5", b: "-n^6")
    let limit = pcf.limit(depth: 2000)
    let reference = BigFloat(6, precision: .digits(7000)) / BigFloat.zeta(3, .digits(7000))
    let delta = try limit.delta(reference: reference)
    #expect(delta > 0.08 && delta < 0.09, "\(delta)")
    let blind = try pcf.delta(depth: 2000)
    #expect(abs(blind - delta) < 1e-9)
    // Factorial reduction: gcd(p, q) ~ (N!)^3.
    let k = try #require(limit.reduction().factorialDegree)
    #expect(abs(k - 3) < 0.01)
  }

  @Test("the δ sequence ends at the δ of the limit")
  func deltaSequence() throws {
    let pcf = try PCF(a: "34n^3+51n^2+27n+5", b: "-n^6")
    let reference = BigFloat(6, precision: .digits(800)) / BigFloat.zeta(3, .digits(800))
    let sequence = pcf.deltaSequence(depth: 200, reference: reference)
    let last = try #require(sequence.last ?? nil)
    #expect(abs(last - (try pcf.limit(depth: 200).delta(reference: reference))) < 1e-9)
    #expect(sequence.count == 200)
  }

  @Test("--to-digits style search reaches the digits at close to the smallest depth")
  func depthChoice() throws {
    let pcf = try PCF(a: "34n^3+51n^2+27n+5", b: "-n^6")
    let limit = pcf.limit(digits: 1000)
    #expect(limit.digits >= 1000)
    #expect(limit.depth <= 1000 / 3 + 15)
  }
}
