import Foundation
import Multiprecision
import Polynomials
import Recurrences
import TestSupport
import Testing

@testable import ContinuedFractions

/// A long honesty sweep, run by hand: RAMANUJAN_SWEEP=N swift test --filter ExtrapolationSweep.
/// Random PCFs of several degree classes (parabolic pairs of degree 1–3, and others); for each
/// that extrapolates at a shallow budget, the places claimed are compared with a much deeper
/// extrapolation (or walk). Prints the worst case; fails on any overclaim.
@Suite struct ExtrapolationSweep {
  @Test func sweep() throws {
    guard let count = ProcessInfo.processInfo.environment["RAMANUJAN_SWEEP"].flatMap(Int.init) else { return }
    var g = SeededGenerator(seed: UInt64(ProcessInfo.processInfo.environment["RAMANUJAN_SEED"].flatMap(Int.init) ?? 7))
    var (tried, compared, over) = (0, 0, 0)
    for _ in 0..<count {
      // Families that converge like a power of n (and some that do not): parabolic degree 1
      // (α = √((s−1)² + 4u) when real), the ζ(3)- and ζ(2)-like families, alternating ones.
      let pcf: PCF
      switch Int.random(in: 0..<4, using: &g) {
      case 0:
        let s = Int.random(in: -3...6, using: &g)
        let u = Int.random(in: -3...12, using: &g)
        let t = Bool.random(using: &g) ? 1 - s : Int.random(in: -4...4, using: &g)
        pcf = try PCF(a: "2n+(\(s))", b: "-n^2+(\(t))n+(\(u))")
      case 1:
        let k = Int.random(in: -6...40, using: &g)
        let x = Int.random(in: 1...2, using: &g)
        pcf = try PCF(a: "\(x)(n^3+(n+1)^3)+(\(k))(2n+1)", b: "-\(x * x)n^6")
      case 2:
        let k = Int.random(in: -2...20, using: &g)
        pcf = try PCF(a: "2n^2+2n+1+(\(k))", b: "-n^4")
      default:
        let c = Int.random(in: 1...4, using: &g)
        let t = Int.random(in: -2...4, using: &g)
        let u = Int.random(in: 0...6, using: &g)
        pcf = try PCF(a: "\(c)", b: "n^2+(\(t))n+(\(u))")
      }
      tried += 1
      guard case .success(let shallow) = pcf.extrapolatedLimit(digits: 30, maxDepth: 3000, threads: 1) else { continue }
      let reference: BigFloat
      var refDigits: Int
      let walk = pcf.limit(depth: 40_000, threads: 2)
      if walk.digits > shallow.digits + 10 {
        reference = walk.value(.digits(walk.digits + 20))
        refDigits = walk.digits
      } else if case .success(let deep) = pcf.extrapolatedLimit(digits: 80, maxDepth: 40_000, threads: 2),
        deep.digits > shallow.digits + 10
      {
        reference = deep.value
        refDigits = deep.digits
      } else {
        continue
      }
      compared += 1
      let error = (shallow.value - reference).magnitude
      let correct = error.isZero ? Double(refDigits) : -error.log10Magnitude
      if correct < Double(shallow.digits) {
        over += 1
        print("OVERCLAIM \(pcf): \(shallow.digits) claimed, \(correct) correct (\(shallow.summary))")
      }
    }
    print("sweep: \(tried) PCFs, \(compared) compared, \(over) overclaims")
    #expect(over == 0)
  }
}
