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
/// bounded by Cauchy's bound 1 + max|cᵢ/c_d|: the integers up to `_rootScanLimit` are tried one by
/// one, exactly; beyond it, the real roots are isolated in floating point (`_approximateRoots`) and
/// the integers next to each are tried exactly. (A scan to 10^6 per candidate took 73 s for one chunk
/// of a(n) = n + a0 with a0 near −10^9, and missed the root at −a0.) An integer root is never
/// reported falsely; one the floating-point isolation misses only keeps a candidate.
func _hasPositiveIntegerRoot(_ c: [Int]) -> Bool {
  guard let d = c.lastIndex(where: { $0 != 0 }), d >= 1 else { return false }
  let lead = c[d].magnitude
  let bound = 1 + (c[..<d].map { $0.magnitude }.max() ?? 0) / lead
  guard bound >= 1 else { return false }
  for n in 1...Int(min(bound, UInt(_rootScanLimit))) where _isRoot(c, n) { return true }
  guard bound > UInt(_rootScanLimit) else { return false }
  let lo = Double(_rootScanLimit)
  let hi = Double(bound) + 1
  for x in _approximateRoots(c[...d].map(Double.init), lo, hi) {
    let center = x.rounded()
    guard center.isFinite, center < 9.2e18 else { continue }
    for n in Swift.max(_rootScanLimit + 1, Int(center) - 2)...Swift.max(_rootScanLimit + 1, Int(center) + 2)
    where _isRoot(c, n) {
      return true
    }
  }
  return false
}

/// The integers up to which `_hasPositiveIntegerRoot` tries every n.
let _rootScanLimit = 1000

/// Whether c(n) = 0 exactly (an evaluation leaving 64 bits is not a root: |c(n)| is then large).
func _isRoot(_ c: [Int], _ n: Int) -> Bool {
  var value = 0
  for k in stride(from: c.count - 1, through: 0, by: -1) {
    let (m, o1) = value.multipliedReportingOverflow(by: n)
    let (s, o2) = m.addingReportingOverflow(c[k])
    if o1 || o2 { return false }
    value = s
  }
  return value == 0
}

/// Approximations of the real roots of c (lowest degree first) in [lo, hi], and of its critical
/// points there (where a double root sits): the roots of c′ split [lo, hi] into pieces where c is
/// monotone, and each piece whose ends differ in sign is bisected.
/// - Complexity: O(d³) evaluations for degree d, with 64 bisection steps per piece.
func _approximateRoots(_ c: [Double], _ lo: Double, _ hi: Double) -> [Double] {
  var c = c
  while let last = c.last, last == 0 { c.removeLast() }
  let d = c.count - 1
  guard d >= 1 else { return [] }
  if d == 1 {
    let r = -c[0] / c[1]
    return r >= lo && r <= hi ? [r] : []
  }
  let critical = _approximateRoots((1...d).map { Double($0) * c[$0] }, lo, hi)
  func value(_ x: Double) -> Double { c.reversed().reduce(0) { $0 * x + $1 } }
  var out = critical
  let points = [lo] + critical.sorted() + [hi]
  for (a0, b0) in zip(points, points.dropFirst()) where a0 < b0 {
    var (a, b) = (a0, b0)
    let fa = value(a)
    let fb = value(b)
    if fa == 0 || fb == 0 || fa.sign == fb.sign || !fa.isFinite || !fb.isFinite {
      if fa == 0 { out.append(a) }
      if fb == 0 { out.append(b) }
      continue
    }
    for _ in 0..<64 {
      let m = a + (b - a) / 2
      guard m > a && m < b else { break }
      if value(m).sign == fa.sign { a = m } else { b = m }
    }
    out.append(a)
  }
  return out
}
