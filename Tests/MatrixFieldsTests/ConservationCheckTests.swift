import Foundation
import Multiprecision
import Polynomials
import TestSupport
import Testing

@testable import MatrixFields

@Suite struct ConservationCheckTests {
  /// The field of issue #8 that walked to 610 "certified" places: it does not conserve.
  static let notConservative = "x: [[1, y], [x, 2]]\ny: [[0, 1], [1, x+y]]\n"

  @Test("the non-conservative field of issue #8 is refused in either axis order, at random points and exactly")
  func issueField() throws {
    let field = try CMF(parsing: Self.notConservative)
    let swapped = try CMF(parsing: "y: [[0, 1], [1, x+y]]\nx: [[1, y], [x, 2]]\n")
    for f in [field, swapped] {
      var rng = SeededGenerator(seed: 1)
      #expect(throws: CMFError.self) { try f._checkConservationModularly(using: &rng) }
      #expect(throws: CMFError.self) { try f._checkConservationExactly() }
      #expect(!f.isConservative)
    }
    // Mx·My(x+1) and My·Mx(y+1) differ first at (1, 1): 1 + y·1 against 0·1 + 1·x.
    #expect(throws: CMFError.notConservative(first: "x", second: "y", row: 1, column: 1)) {
      var rng = SeededGenerator(seed: 2)
      try field.checkConservation(exactWorkLimit: 0, using: &rng)
    }
  }

  @Test("random points and the exact check agree on random 2x2 fields (seeded)")
  func modularAgreesWithExact() throws {
    var rng = SeededGenerator(seed: 8)
    var conservative = 0
    for _ in 0..<60 {
      // Half of them known fields with one entry perturbed (or not), half random matrices.
      let base = [KnownCMFs.e(), KnownCMFs.pi(), KnownCMFs.zeta3(), KnownCMFs.ln2()].randomElement(using: &rng)!
      var matrices = base.matrices
      if Bool.random(using: &rng) {
        let a = Int.random(in: 0..<2, using: &rng)
        let k = Int.random(in: 0..<4, using: &rng)
        var entries = matrices[a].entries
        let delta = Int.random(in: -1...1, using: &rng)
        let x = MultivariateRationalFunction(.variable(Int.random(in: 0..<2, using: &rng), of: 2))
        entries[k] = entries[k] + MultivariateRationalFunction(delta, variables: 2) * x
        matrices[a] = MultivariateMatrix(size: 2, variables: 2, entries: entries)
      }
      let field = try CMF(axes: ["x", "y"], matrices: matrices)
      var exact: CMFError?
      do { try field._checkConservationExactly() } catch { exact = error }
      var modular: CMFError?
      do { _ = try field._checkConservationModularly(using: &rng) } catch { modular = error }
      #expect(exact == modular, "\(field.text)")
      if exact == nil { conservative += 1 }
    }
    #expect(conservative > 10 && conservative < 55)
  }

  @Test("pFq checks: exact up to ₄F₃ at z = 1, at random points above, and fast up to ₁₂F₁₁")
  func pFqChecks() throws {
    var rng = SeededGenerator(seed: 5)
    // Within the exact limit (the exact check itself runs in the known-field tests).
    #expect(KnownCMFs.pFq(4, 3, z: 1)._exactConservationWork() <= CMF.exactConservationWorkLimit)
    #expect(KnownCMFs.pFq(3, 3, z: BigRational(1, 2))._exactConservationWork() <= CMF.exactConservationWorkLimit)
    for (p, q, z) in [
      (4, 3, BigRational(1)), (5, 4, BigRational(1)), (6, 5, BigRational(1)), (12, 11, BigRational(1)),
      (4, 4, BigRational(1, 2)), (3, 5, BigRational(-2)),
    ] {
      let field = KnownCMFs.pFq(p, q, z: z)
      let check = try field.checkConservation(exactWorkLimit: 0, using: &rng)
      guard case .randomPoints(let points, let exponent) = check else {
        Issue.record("pFq(\(p), \(q), \(z)): \(check)")
        continue
      }
      #expect(points == 6)
      #expect(exponent >= 64, "pFq(\(p), \(q), \(z)): 2^-\(exponent)")
    }
    // ₅F₄ and above are past the exact limit: the default check answers at random points.
    let big = try KnownCMFs.pFq(5, 4, z: 1).checkConservation(using: &rng)
    #expect(big != .exact)
    #expect(try KnownCMFs.zeta3().checkConservation(using: &rng) == .exact)
  }

  @Test("the pFq field at a point modulo a prime equals its matrices there (seeded)")
  func pFqModularEvaluator() throws {
    var rng = SeededGenerator(seed: 11)
    for (p, q, z) in [
      (2, 1, BigRational(-1)), (3, 2, BigRational(1)), (2, 2, BigRational(1, 2)), (1, 3, BigRational(-3)),
      (4, 3, BigRational(1)),
    ] {
      let field = KnownCMFs.pFq(p, q, z: z)
      let modular = try #require(field._modular)
      let prime = _PrimeField.random(using: &rng)
      for a in 0..<field.dimension {
        let point = (0..<field.dimension).map { _ in UInt64.random(in: 0..<prime.modulus, using: &rng) }
        let fast = try #require(modular.evaluate(a, point, prime))
        let slow = field.matrix(axis: a).entries.map { prime.evaluate($0, at: point)! }
        #expect(fast == slow, "pFq(\(p), \(q), \(z)) axis \(field.axes[a])")
      }
    }
  }

  @Test("the error bound and the method are stated")
  func descriptions() throws {
    #expect(ConservationCheck.exact.description == "checked exactly")
    #expect(
      ConservationCheck.randomPoints(points: 6, errorExponent: 90).description
        == "checked at 6 random points per pair of axes modulo random 62-bit primes (a field that does not conserve passes with probability below 2^-90)"
    )
    // One axis: nothing to check, exactly.
    let one = try CMF(parsing: "x: [[1, 1], [1, 0]]")
    #expect(try one.checkConservation() == .exact)
  }

  @Test("Miller–Rabin: primes, composites and Carmichael numbers up to 2^64")
  func primes() {
    for p: UInt64 in [2, 3, 5, 61, 2_305_843_009_213_693_951, 18_446_744_073_709_551_557] {
      #expect(_isPrime(p), "\(p)")
    }
    for n: UInt64 in [0, 1, 4, 561, 41041, 3_215_031_751, 2_305_843_009_213_693_953, 18_446_744_073_709_551_615] {
      #expect(!_isPrime(n), "\(n)")
    }
    var rng = SeededGenerator(seed: 3)
    let field = _PrimeField.random(using: &rng)
    #expect(_isPrime(field.modulus) && field.modulus >= 1 << 61 && field.modulus < 1 << 62)
    for _ in 0..<50 {
      let a = UInt64.random(in: 1..<field.modulus, using: &rng)
      #expect(field.mul(a, field.inverse(a)) == 1)
    }
  }
}
