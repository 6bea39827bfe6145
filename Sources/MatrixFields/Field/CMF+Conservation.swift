import Foundation
import Multiprecision
import Polynomials

/// How `CMF.checkConservation` established that a field conserves.
public enum ConservationCheck: Sendable, Equatable, CustomStringConvertible {
  /// Every pair's law checked as an identity of rational functions.
  case exact
  /// The law held at `points` random points per pair of axes, modulo random primes near 2⁶²,
  /// the exact check being estimated above its work limit: a field that does not conserve
  /// passes with probability below 2^−`errorExponent`.
  case randomPoints(points: Int, errorExponent: Int)

  public var description: String {
    switch self {
    case .exact: return "checked exactly"
    case .randomPoints(let points, let exponent):
      return
        "checked at \(points) random points per pair of axes modulo random 62-bit primes (a field that does not conserve passes with probability below 2^-\(exponent))"
    }
  }
}

extension CMF {
  /// The most work (in products of terms, `_exactConservationWork`) the exact check may take,
  /// about a second: pFq fields up to seven axes (₄F₃ at z = 1) are checked exactly.
  public static let exactConservationWorkLimit = 1_500_000

  /// Checks M_a(x)·M_b(x + e_a) = M_b(x)·M_a(x + e_b) for every pair of axes a < b: first at
  /// random points modulo random primes (a mismatch there proves that the law fails, because
  /// reducing modulo a prime where no denominator vanishes preserves identities), then exactly,
  /// as identities of rational functions, when the estimated work is at most `exactWorkLimit`.
  /// - Returns: how the law was established.
  /// - Throws: `CMFError.notConservative` naming the first pair and the first entry that differ.
  /// - Complexity: the random points cost O(d²·(r³ + evaluations)); the exact check d(d−1)/2
  ///   pairs of two r×r products of rational functions (`_exactConservationWork`).
  @discardableResult
  public func checkConservation(exactWorkLimit: Int = CMF.exactConservationWorkLimit) throws(CMFError)
    -> ConservationCheck
  {
    var generator = SystemRandomNumberGenerator()
    return try checkConservation(exactWorkLimit: exactWorkLimit, using: &generator)
  }

  /// `checkConservation(exactWorkLimit:)` with the points and primes drawn from `generator`.
  public func checkConservation<G: RandomNumberGenerator>(
    exactWorkLimit: Int = CMF.exactConservationWorkLimit, using generator: inout G
  )
    throws(CMFError) -> ConservationCheck
  {
    let modular = try _checkConservationModularly(using: &generator)
    if _exactConservationWork() <= exactWorkLimit {
      try _checkConservationExactly()
      return .exact
    }
    guard let modular else {
      // Every random point met a pole: nothing but the exact check can decide.
      throw .tooLarge(
        what: "the exact conservation check of \(_label)", estimate: _exactConservationWork(),
        limit: exactWorkLimit, unit: "term products",
        advice: "and the denominators vanish at every random point tried, so it cannot be checked modularly")
    }
    return modular
  }

  /// Whether every pair of axes conserves (`checkConservation()` did not throw).
  public var isConservative: Bool { (try? checkConservation()) != nil }

  /// The exact check, pair by pair.
  func _checkConservationExactly() throws(CMFError) {
    for a in 0..<dimension {
      for b in (a + 1)..<dimension {
        let (ma, mb) = (_forward.matrix(a), _forward.matrix(b))
        let left = ma * mb.shifted(a, by: 1)
        let right = mb * ma.shifted(b, by: 1)
        if let k = (0..<rank * rank).first(where: { left.entries[$0] != right.entries[$0] }) {
          throw .notConservative(first: axes[a], second: axes[b], row: k / rank + 1, column: k % rank + 1)
        }
      }
    }
  }

  /// The law at `pointsPerPrime` random points per pair modulo each of two random primes; `nil`
  /// when points kept meeting poles. The error bound: a failing entry, cleared of denominators,
  /// is a nonzero integer polynomial of degree ≤ D; a random prime p > 2⁶¹ divides all of its
  /// coefficients (of at most C bits) with probability ≤ C/2⁵⁵ (fewer than C/61 such primes among
  /// more than 2⁵⁵), and otherwise a random point is a root modulo p with probability ≤ D/2⁶¹
  /// (Schwartz–Zippel); two primes multiply the bounds.
  func _checkConservationModularly<G: RandomNumberGenerator>(using generator: inout G) throws(CMFError)
    -> ConservationCheck?
  {
    guard dimension >= 2 else { return .randomPoints(points: 0, errorExponent: 1000) }
    let pointsPerPrime = 3
    let primes = 2
    var exponent = Int.max
    for a in 0..<dimension {
      for b in (a + 1)..<dimension {
        var failures = 0
        var checked = 0
        while checked < pointsPerPrime * primes {
          let field = _PrimeField.random(using: &generator)
          var done = 0
          while done < pointsPerPrime {
            guard failures < 20 else { return nil }
            let x = (0..<dimension).map { _ in UInt64.random(in: 0..<field.modulus, using: &generator) }
            var xa = x
            xa[a] = field.add(xa[a], 1)
            var xb = x
            xb[b] = field.add(xb[b], 1)
            guard let ma = _modularMatrix(a, x, field), let mbShifted = _modularMatrix(b, xa, field),
              let mb = _modularMatrix(b, x, field), let maShifted = _modularMatrix(a, xb, field)
            else {
              failures += 1
              continue
            }
            let left = field.product(ma, mbShifted, size: rank)
            let right = field.product(mb, maShifted, size: rank)
            if let k = (0..<rank * rank).first(where: { left[$0] != right[$0] }) {
              throw .notConservative(first: axes[a], second: axes[b], row: k / rank + 1, column: k % rank + 1)
            }
            done += 1
            checked += 1
          }
        }
        let (degree, bits) = _conservationBounds(a, b)
        // Per prime: ε = C/2⁵⁵ + (D/2⁶¹)^k; two primes: ε².
        let log2Epsilon =
          max(
            log2(Double(max(1, bits))) - 55,
            Double(pointsPerPrime) * (log2(Double(max(1, degree))) - 61)) + 1
        exponent = min(exponent, Int((-Double(primes) * log2Epsilon).rounded(.down)))
      }
    }
    return .randomPoints(points: pointsPerPrime * primes, errorExponent: max(0, exponent))
  }

  /// M_a at a point modulo a prime; `nil` where a denominator vanishes.
  func _modularMatrix(_ a: Int, _ point: [UInt64], _ field: _PrimeField) -> [UInt64]? {
    if let modular = _modular { return modular.evaluate(a, point, field) }
    var out: [UInt64] = []
    out.reserveCapacity(rank * rank)
    for entry in _forward.matrix(a).entries {
      guard let v = field.evaluate(entry, at: point) else { return nil }
      out.append(v)
    }
    return out
  }

  /// Bounds on the degree D and the coefficient bits C of the law's entries for axes a, b,
  /// cleared of denominators (see `_checkConservationModularly`).
  func _conservationBounds(_ a: Int, _ b: Int) -> (degree: Int, bits: Int) {
    if let modular = _modular { return (4 * modular.degree, 4 * modular.degree * 64) }
    var degree = 0
    var bits = 0
    for m in [_forward.matrix(a), _forward.matrix(b)] {
      var numeratorDegree = 0
      var denominatorDegree = 0
      var coefficientBits = 0
      for entry in m.entries {
        numeratorDegree = max(numeratorDegree, entry.numerator.totalDegree)
        coefficientBits = max(coefficientBits, entry.numerator.terms.values.map(\.bitWidth).max() ?? 0)
        var own = 0
        for (f, e) in entry.denominatorFactors {
          own += f.totalDegree * e
          coefficientBits = max(coefficientBits, (f.terms.values.map(\.bitWidth).max() ?? 0) * e)
        }
        denominatorDegree += own
        coefficientBits = max(coefficientBits, entry.denominatorConstant.bitWidth)
      }
      // Each side is a product of one numerator and the other denominators, both shifted once
      // (a shift by one multiplies coefficients by at most 2^degree).
      degree += numeratorDegree + 2 * denominatorDegree
      bits += 2 * (coefficientBits + numeratorDegree + denominatorDegree + _bitLength(m.entries.count) + 8)
    }
    return (degree, bits + 64)
  }

  /// An estimate of the exact check's work: for each pair, the r³ products of entries on both
  /// sides (terms times terms, the shifted side counted with the terms a shift creates) plus the
  /// shifts themselves.
  func _exactConservationWork() -> Int {
    if let known = _exactCheckWork { return known }
    var total = 0.0
    for a in 0..<dimension {
      for b in (a + 1)..<dimension {
        let (ma, mb) = (_forward.matrix(a), _forward.matrix(b))
        let (ta, tb) = (ma._maxTerms(), mb._maxTerms())
        let (sa, sb) = (ma._shiftedTerms(b), mb._shiftedTerms(a))
        let r = Double(rank)
        total += r * r * r * (ta.max * sb.max + tb.max * sa.max) + sa.total + sb.total
        if total >= Double(Int.max) { return Int.max }
      }
    }
    return Int(total)
  }
}

extension MultivariateMatrix {
  /// The most terms of an entry (numerator and denominator factors), and their sum.
  func _maxTerms() -> (max: Double, total: Double) {
    var most = 0.0
    var total = 0.0
    for e in entries {
      let t = Double(e.numerator.terms.count + e.denominatorFactors.reduce(0) { $0 + $1.polynomial.terms.count })
      most = max(most, t)
      total += t
    }
    return (most, total)
  }

  /// The terms (bounded above) the entries have after a shift of variable i: a term with
  /// exponent e there becomes e + 1 terms, each with coefficients as long as the binomials.
  func _shiftedTerms(_ i: Int) -> (max: Double, total: Double) {
    var most = 0.0
    var total = 0.0
    for entry in entries {
      var t = 0.0
      for (m, c) in entry.numerator.terms {
        let e = Double(m.exponents[i])
        t += (e + 1) * (1 + (Double(c.bitWidth) + e) / 64)
      }
      for (f, _) in entry.denominatorFactors {
        for (m, c) in f.terms {
          let e = Double(m.exponents[i])
          t += (e + 1) * (1 + (Double(c.bitWidth) + e) / 64)
        }
      }
      most = max(most, t)
      total += t
    }
    return (most, total)
  }
}
