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
      let d = Int.random(in: 1...3, using: &g)
      let lead = Int.random(in: 1...3, using: &g)
      var a = (0..<d).map { _ in Int.random(in: -4...6, using: &g) }
      a.append(2 * lead)
      var b = (0..<(2 * d)).map { _ in Int.random(in: -6...6, using: &g) }
      b.append(Bool.random(using: &g) ? -lead * lead : Int.random(in: -3...3, using: &g))
      if b.last == 0 { b[b.count - 1] = 1 }
      let pcf = PCF(a: Polynomial(coefficients: a.map { BigInt($0) }), b: Polynomial(coefficients: b.map { BigInt($0) }))
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
