import Multiprecision
import Polynomials

extension PCF {
  /// Inflation by c(n): a → c(n)·a(n), b → c(n)·c(n−1)·b(n).
  ///
  /// The convergents become p̃(N) = c(0)···c(N)·p(N) and q̃(N) = c(1)···c(N)·q(N), so the limit
  /// is multiplied by c(0) (the equivalence transformation of continued fractions).
  public func inflated(by c: Polynomial) -> PCF {
    PCF(a: c * a, b: c * c.shifted(by: -1) * b)
  }

  /// The inverse of `inflated(by:)`: `nil` unless c(n) divides a(n) and c(n)·c(n−1) divides b(n)
  /// in ℤ[n]. The limit is divided by c(0). Precondition: c is not zero.
  public func deflated(by c: Polynomial) -> PCF? {
    precondition(!c.isZero, "deflation by the zero polynomial")
    guard let newA = a.dividedExactly(by: c), let newB = b.dividedExactly(by: c * c.shifted(by: -1)) else { return nil }
    return PCF(a: newA, b: newB)
  }

  /// Removes the maximal polynomial content: the result `pcf` and the factor `c` (positive
  /// leading coefficient) with `pcf.inflated(by: c) == self`.
  ///
  /// Candidates for c: the prime factors of the common integer content, the rational linear
  /// factors of a (rational root theorem), and the remaining factor of a together with its gcds
  /// with b(n) and b(n+1); each is divided out while it divides. Irreducible factors of degree ≥ 2
  /// are found when they appear whole in one of those gcds, which covers the inflations met in
  /// practice (products of linear and irreducible quadratic factors).
  public func deflatedAll() -> (pcf: PCF, factor: Polynomial) {
    var current = self
    var factor = Polynomial.one
    var changed = true
    while changed {
      changed = false
      for c in current._deflationCandidates() {
        while let smaller = current.deflated(by: c) {
          current = smaller
          factor = factor * c
          changed = true
        }
      }
    }
    return (current, factor)
  }

  func _deflationCandidates() -> [Polynomial] {
    guard !a.isZero, !b.isZero else { return [] }
    var candidates: [Polynomial] = []
    // Integer content: primes p with p | cont(a), p² | cont(b).
    let common = BigInt.gcd(a.content, b.content)
    candidates += _primeFactors(common).map { Polynomial(constant: $0) }
    // Polynomial content.
    let linear = a.rationalLinearFactors()
    var unique: [Polynomial] = []
    for f in linear where !unique.contains(f) { unique.append(f) }
    candidates += unique
    var rest = a.primitivePart
    for f in linear { rest = rest.dividedExactly(by: f) ?? rest }
    if rest.degree >= 1 {
      candidates.append(rest)
      for other in [b, b.shifted(by: 1)] {
        let g = Polynomial.gcd(rest, other).primitivePart
        if g.degree >= 1 && !candidates.contains(g) { candidates.append(g) }
      }
    }
    return candidates
  }
}

/// Prime factors of |n| (without multiplicity) by trial division to 10⁶; a cofactor left above
/// that is returned as it is (it is tried whole).
func _primeFactors(_ n: BigInt) -> [BigInt] {
  var m = n.magnitude
  var out: [BigInt] = []
  var p = 2
  while p <= 1_000_000 && BigInt(p * p) <= m {
    let bp = BigInt(p)
    if m.isDivisible(by: bp) {
      out.append(bp)
      while m.isDivisible(by: bp) { m = m.dividedExactly(by: bp) }
    }
    p += p == 2 ? 1 : 2
  }
  if m > 1 { out.append(m) }
  return out
}
