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

  /// Random PCFs of every degree class (deg b − 2·deg a from −4 to 2) at shallow and moderate
  /// depths, where the window of checkpoints is dense: certified places agree with a walk 16
  /// times as deep.
  @Test("certified digits are correct at every depth class, shallow ones included", arguments: 0..<4)
  func allClasses(seed: Int) throws {
    var g = SeededGenerator(seed: UInt64(4000 + seed))
    var compared = 0
    for _ in 0..<50 {
      let da = Int.random(in: 0...2, using: &g)
      let db = max(0, 2 * da + Int.random(in: -4...2, using: &g))
      let a = Polynomial((0...da).map { _ in Int.random(in: -5...5, using: &g) })
      let b = Polynomial((0...db).map { _ in Int.random(in: -5...5, using: &g) })
      guard !a.isZero, !b.isZero else { continue }
      let depth = Bool.random(using: &g) ? Int.random(in: 4...20, using: &g) : Int.random(in: 21...300, using: &g)
      if checkHonest(PCF(a: a, b: b), depth: depth, factor: 16) { compared += 1 }
    }
    #expect(compared >= 10, "compared \(compared)")
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

@Suite struct ConvergenceTests {
  /// Random PCFs that cannot converge: deg b = 2·deg a with lead(a)² + 4·lead(b) < 0 (complex
  /// characteristic roots), or deg b ≥ 2·deg a + 3 (Stern–Stolz).
  static func divergentPCF(_ g: inout SeededGenerator) -> PCF {
    let da = Int.random(in: 0...2, using: &g)
    var a = (0...da).map { _ in Int.random(in: -6...6, using: &g) }
    if a[da] == 0 { a[da] = Int.random(in: 1...6, using: &g) }
    if Bool.random(using: &g) {
      let alpha = a[da]
      // 4·β < −α²: β ≤ −⌊α²/4⌋ − 1.
      let beta = -(alpha * alpha) / 4 - Int.random(in: 1...5, using: &g)
      let b = (0..<(2 * da)).map { _ in Int.random(in: -6...6, using: &g) } + [beta]
      return PCF(a: Polynomial(a), b: Polynomial(b))
    }
    let db = 2 * da + 3 + Int.random(in: 0...1, using: &g)
    var b = (0...db).map { _ in Int.random(in: -6...6, using: &g) }
    if b[db] == 0 { b[db] = 1 }
    return PCF(a: Polynomial(a), b: Polynomial(b))
  }

  @Test("the issue's divergent fractions are not converging at the depths reported")
  func reportedDivergent() throws {
    let cases: [(String, String, [Int])] = [
      ("-3n-4", "-3n^2+2n+4", [50, 100, 101, 200]),
      ("4n+4", "-5n^2+2n+5", [1627]),
      ("3", "n^3-n^2+4n-3", [1000]),
      ("-n-3", "-2n^2+3n+4", [1584, 1813, 1951]),
    ]
    for (a, b, depths) in cases {
      let pcf = PCF(a: try Polynomial(parsing: a), b: try Polynomial(parsing: b))
      #expect(pcf.divergence != nil, "\(pcf)")
      for depth in depths {
        for structural in [true, false] {
          let limit = pcf.limit(depth: depth, threads: 1, structural: structural)
          #expect(limit.status == .notConverging, "\(pcf) at \(depth) (structural \(structural))")
          #expect(limit.digits == 0 && limit.certifiedText().isEmpty)
        }
      }
    }
  }

  @Test("seeded random divergent PCFs are never converging, by structure and by the numbers alone", arguments: 0..<3)
  func randomDivergent(seed: Int) {
    var g = SeededGenerator(seed: UInt64(3000 + seed))
    for _ in 0..<25 {
      let pcf = Self.divergentPCF(&g)
      #expect(pcf.divergence != nil, "\(pcf)")
      for _ in 0..<6 {
        let depth = Int.random(in: 4...2500, using: &g)
        #expect(pcf.limit(depth: depth, threads: 1).status != .converging, "\(pcf) at \(depth)")
        let numeric = pcf.limit(depth: depth, threads: 1, structural: false)
        #expect(numeric.status != .converging, "\(pcf) at \(depth): \(numeric.digits) places from the numbers alone")
      }
    }
  }

  @Test("convergent PCFs are not called divergent by structure")
  func structureKeepsConvergent() throws {
    for (a, b) in [
      ("34n^3+51n^2+27n+5", "-n^6"), ("1", "n^2"), ("2n+1", "n^2"), ("n^3+(n+1)^3", "-n^6"), ("3n+1", "-2n^2"),
      ("1", "1"), ("2", "-1"), ("5", "n"), ("1", "-n"), ("n", "n^4"),
    ] {
      let pcf = PCF(a: try Polynomial(parsing: a), b: try Polynomial(parsing: b))
      #expect(pcf.divergence == nil, "\(pcf)")
    }
  }
}
