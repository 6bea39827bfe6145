import Multiprecision
import Polynomials
import Recurrences
import TestSupport
import Testing

@testable import ContinuedFractions

@Suite struct HonestyTests {
  /// Compares the places certified at `depth` with a walk `factor` times as deep, when that walk
  /// certifies more; returns whether a comparison was made.
  func checkHonest(_ pcf: PCF, depth: Int, factor: Int) -> Bool {
    let shallow = pcf.limit(depth: depth, threads: 1)
    let deep = pcf.limit(depth: factor * depth, threads: 1)
    guard shallow.status == .converging, shallow.digits >= 1, deep.status == .converging,
      deep.digits > shallow.digits
    else { return false }
    let places = shallow.digits
    let difference = (shallow.value(places: places + 10) - deep.value(places: places + 10)).magnitude
    // Within one unit of the last certified place (the promise of `digits`).
    #expect(
      difference.isZero || difference.log10Magnitude <= Double(-places) + 1e-9,
      "\(pcf) at depth \(depth): \(places) places certified, off by 10^\(difference.log10Magnitude)")
    return true
  }

  /// The heart of the error model: on random PCFs, every place certified at depth N is correct
  /// according to a walk four times as deep (when that walk certifies more).
  @Test("certified digits are correct on seeded random PCFs", arguments: 0..<4)
  func randomPCFs(seed: Int) throws {
    var g = SeededGenerator(seed: UInt64(1000 + seed))
    var compared = 0
    for _ in 0..<60 {
      let a = Polynomial((0...Int.random(in: 0...2, using: &g)).map { _ in Int.random(in: -6...6, using: &g) })
      let b = Polynomial((0...Int.random(in: 0...4, using: &g)).map { _ in Int.random(in: -6...6, using: &g) })
      guard !a.isZero, !b.isZero else { continue }
      let pcf = PCF(a: a, b: b)
      if checkHonest(pcf, depth: Int.random(in: 20...150, using: &g), factor: 4) { compared += 1 }
    }
    #expect(compared >= 10)
  }

  /// The same on the boundary 4·lead(b) = −lead(a)², where convergence is only polynomial and
  /// the tail, not the last difference, bounds the error.
  @Test("certified digits are correct where convergence is polynomial", arguments: 0..<3)
  func slowPCFs(seed: Int) throws {
    var g = SeededGenerator(seed: UInt64(2000 + seed))
    var compared = 0
    for _ in 0..<40 {
      let alpha = 2 * Int.random(in: 1...3, using: &g)
      let a = Polynomial([Int.random(in: 1...6, using: &g), alpha])
      let b = Polynomial([Int.random(in: -4...4, using: &g), Int.random(in: -4...4, using: &g), -(alpha * alpha) / 4])
      let pcf = PCF(a: a, b: b)
      if checkHonest(pcf, depth: Int.random(in: 100...400, using: &g), factor: 16) { compared += 1 }
    }
    #expect(compared >= 5, "compared \(compared)")
  }
}
