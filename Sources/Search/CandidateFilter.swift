/// Why a candidate is not worth walking. Each filter is counted in the run statistics.
public enum FilterReason: String, Sendable, CaseIterable, Hashable {
  /// a ≡ 0 or b ≡ 0: no continued fraction.
  case degenerate
  /// PCF(−a, b) = −PCF(a, b): the mirror with positive leading a is searched instead.
  case signSymmetry = "sign_symmetry"
  /// An integer c > 1 with c | a and c² | b: an inflation of a smaller candidate.
  case commonFactor = "common_factor"
  /// a(n) = 0 for some n ≥ 1.
  case aVanishes = "a_vanishes"
  /// b(n) = 0 for some n ≥ 1: the fraction terminates at a rational.
  case bVanishes = "b_vanishes"
  /// deg b = 2·deg a and 4·lead(b) < −lead(a)²: the convergents oscillate and do not converge.
  case divergent
  /// A coefficient overflowed machine arithmetic.
  case overflow
}

/// The cheap, exact filters applied before screening.
public struct CandidateFilter: Sendable {
  /// Whether the space contains the sign mirror of every a (plain a with symmetric ranges).
  let mirrorInSpace: @Sendable ([Int]) -> Bool

  public init(space: SearchSpace) {
    let spec = space.spec
    let plainA = spec.a.degree >= 0 && spec.a == .plain(degree: spec.a.degree, prefix: "a")
    let ranges = space.aIndices.map { spec.parameters[$0].range }
    mirrorInSpace = { a in plainA && zip(a, ranges).allSatisfy { $1.contains(-$0) } }
  }

  /// The first filter that removes the candidate, or `nil` to keep it.
  public func reason(_ c: Candidate) -> FilterReason? {
    let a = c.a
    let b = c.b
    guard a.contains(where: { $0 != 0 }), b.contains(where: { $0 != 0 }) else { return .degenerate }
    // −Int.min and |Int.min| leave 64 bits: such a candidate cannot be handled in machine arithmetic.
    if a.contains(Int.min) || b.contains(Int.min) { return .overflow }
    let leadA = a.last { $0 != 0 }!
    if leadA < 0 && mirrorInSpace(a) { return .signSymmetry }
    let contentA = a.reduce(0) { _gcd($0, $1) }
    let contentB = b.reduce(0) { _gcd($0, $1) }
    if _hasSquareDivisor(common: _gcd(contentA, contentB), contentA: contentA, contentB: contentB) {
      return .commonFactor
    }
    if _hasPositiveIntegerRoot(a) { return .aVanishes }
    if _hasPositiveIntegerRoot(b) { return .bVanishes }
    let degreeA = a.lastIndex { $0 != 0 }!
    let degreeB = b.lastIndex { $0 != 0 }!
    if degreeB == 2 * degreeA {
      let leadB = b[degreeB]
      let (square, o) = leadA.multipliedReportingOverflow(by: leadA)
      let (fourB, o4) = leadB.multipliedReportingOverflow(by: 4)
      // An overflowing 4·lead(b) < 0 lies below −Int.max ≤ −lead(a)².
      if !o && (o4 ? leadB < 0 : fourB < -square) { return .divergent }
    }
    return nil
  }
}

func _gcd(_ x: Int, _ y: Int) -> Int {
  var (a, b) = (x.magnitude, y.magnitude)
  while b != 0 { (a, b) = (b, a % b) }
  return Int(a)
}

/// Whether some c > 1 divides contentA with c² dividing contentB, where `common` = gcd(contentA,
/// contentB) ≥ 0. Trial division by primes up to `_trialDivisionLimit` finds every such c with a
/// small prime; for the part m of `common` left over, gcd(m, contentB/m) > 1 finds a prime p of m
/// with p·m | contentB, hence p² | contentB. A leftover with a square factor but no such p (possible
/// only above 10^8) is missed, which only keeps an inflated duplicate.
func _hasSquareDivisor(common: Int, contentA: Int, contentB: Int) -> Bool {
  var m = common
  var p = 2
  while p <= _trialDivisionLimit && p <= m / p {
    if m % p == 0 {
      if contentB % (p * p) == 0 { return true }
      while m % p == 0 { m /= p }
    }
    p += 1
  }
  return m > 1 && _gcd(m, contentB / m) > 1
}

/// The largest trial divisor of `_hasSquareDivisor` (keeps the test short for huge contents).
let _trialDivisionLimit = 10_000

/// Whether the polynomial (coefficients lowest first) vanishes at a positive integer. Roots are
/// bounded by Cauchy's bound 1 + max|cᵢ/c_d|, so the scan is short for small coefficients.
func _hasPositiveIntegerRoot(_ c: [Int]) -> Bool {
  guard let d = c.lastIndex(where: { $0 != 0 }), d >= 1 else { return false }
  let lead = c[d].magnitude
  let bound = 1 + (c[..<d].map { $0.magnitude }.max() ?? 0) / lead
  guard bound >= 1 else { return false }
  for n in 1...Int(min(bound, 1_000_000)) {
    var value = 0
    var overflow = false
    for k in stride(from: d, through: 0, by: -1) {
      let (m, o1) = value.multipliedReportingOverflow(by: n)
      let (s, o2) = m.addingReportingOverflow(c[k])
      if o1 || o2 { overflow = true; break }
      value = s
    }
    if !overflow && value == 0 { return true }
  }
  return false
}
