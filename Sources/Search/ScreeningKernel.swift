import _RamanujanShims

/// Floating-point screening of eight PCFs at a time: the recurrence p(n) = a(n)p(n−1) + b(n)p(n−2)
/// (and q) over 8 lanes of doubles with fused multiply-add, a(n), b(n) updated by forward
/// differences, and power-of-two rescaling (exact in binary floating point) to stay in range.
///
/// `screen` runs the C kernel of `_RamanujanShims` (AVX2+FMA when the CPU has them, chosen at run
/// time: Swift has no per-function target attributes); `screenPortable` is the same algorithm in
/// Swift `SIMD8<Double>`, the reference the tests compare it with.
/// - Complexity: depth × (4 multiply-adds + deg a + deg b additions) per lane.
public enum ScreeningKernel {
  /// Steps between two rescalings of the state (both kernels: `n & 15 == 0`).
  public static let rescaleInterval = 16
  /// log2 of the largest growth of the state between two rescalings that stays inside the double
  /// range (2^1024) with a margin; `SearchSpec` refuses spaces that could exceed it.
  public static let maximumGrowthLog2 = 1000.0

  /// What screening says about one candidate.
  public struct Result: Sendable, Hashable {
    /// p(N)/q(N) in double precision (NaN when q(N) = 0 or the walk left the double range).
    public let value: Double
    /// |x(N) − x(N−1)|: the last step's change.
    public let lastChange: Double
    /// |x(N) − x(⌊N/2⌋)|: the change over the second half of the walk.
    public let halfChange: Double

    /// Whether the value looks converged to about `digits` significant digits.
    public func converged(digits: Int) -> Bool {
      guard value.isFinite, lastChange.isFinite, halfChange.isFinite else { return false }
      let scale = max(1, Swift.abs(value))
      let tolerance = scale * _pow10(-digits)
      return lastChange <= tolerance && halfChange <= tolerance * 1000
    }
  }

  /// Screens up to 8 candidates (coefficients lowest degree first, degree ≤ 15) to `depth`.
  /// Precondition: 1 ≤ count ≤ 8, depth ≥ 2.
  public static func screen(_ candidates: ArraySlice<Candidate>, depth: Int) -> [Result] {
    precondition((1...8).contains(candidates.count) && depth >= 2, "screen 1...8 candidates to depth ≥ 2")
    let degreeA = max(0, candidates.map { $0.a.count - 1 }.max()!)
    let degreeB = max(0, candidates.map { $0.b.count - 1 }.max()!)
    precondition(degreeA <= 15 && degreeB <= 15, "screening supports degrees up to 15")
    // Flat lane-minor tables, filled without intermediate arrays: this wrapper runs per 8 candidates.
    return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * 16 * 8 + 4 * 8) { buffer in
      let base = buffer.baseAddress!
      let diffA = base
      let diffB = base + 16 * 8
      let a0 = base + 32 * 8
      let value = a0 + 8
      let last = value + 8
      let half = last + 8
      buffer.initialize(repeating: 0)
      for (lane, c) in candidates.enumerated() {
        _fillDifferences(c.a, degree: degreeA, lane: lane, into: diffA)
        _fillDifferences(c.b, degree: degreeB, lane: lane, into: diffB)
        a0[lane] = Double(c.a.first ?? 0)
      }
      rmj_screen8(Int32(degreeA), Int32(degreeB), diffA, diffB, a0, Int32(depth), value, last, half)
      return (0..<candidates.count).map { Result(value: value[$0], lastChange: last[$0], halfChange: half[$0]) }
    }
  }

  /// The same screening in Swift SIMD8<Double> without fused multiply-add: the reference.
  public static func screenPortable(_ candidates: ArraySlice<Candidate>, depth: Int) -> [Result] {
    precondition((1...8).contains(candidates.count) && depth >= 2, "screen 1...8 candidates to depth ≥ 2")
    let lanes = Array(candidates)
    var a = _Differences(lanes.map(\.a))
    var b = _Differences(lanes.map(\.b))
    // p(0) = a(0), p(−1) = 1, q(0) = 1, q(−1) = 0.
    var p0 = SIMD8<Double>(repeating: 1)
    var p1 = a.value(at0: lanes.map(\.a))
    var q0 = SIMD8<Double>(repeating: 0)
    var q1 = SIMD8<Double>(repeating: 1)
    let half = depth / 2
    var halfValue = SIMD8<Double>(repeating: .nan)
    var n = 1
    while n <= depth {
      let an = a.current
      let bn = b.current
      let p2 = an * p1 + bn * p0
      let q2 = an * q1 + bn * q0
      p0 = p1
      p1 = p2
      q0 = q1
      q1 = q2
      a.advance()
      b.advance()
      if n & 15 == 0 { _rescale(&p0, &p1, &q0, &q1) }
      if n == half { halfValue = p1 / q1 }
      n += 1
    }
    let value = p1 / q1
    let previous = p0 / q0
    let last = (value - previous)
    let halfDelta = (value - halfValue)
    return (0..<lanes.count).map { i in
      Result(value: value[i], lastChange: Swift.abs(last[i]), halfChange: Swift.abs(halfDelta[i]))
    }
  }

  /// Scales each lane of the state by a power of two so its largest entry is near 1.
  @inline(__always)
  static func _rescale(
    _ p0: inout SIMD8<Double>, _ p1: inout SIMD8<Double>, _ q0: inout SIMD8<Double>, _ q1: inout SIMD8<Double>
  ) {
    let m = pointwiseMax(
      pointwiseMax(pointwiseMax(p0, -p0), pointwiseMax(p1, -p1)),
      pointwiseMax(pointwiseMax(q0, -q0), pointwiseMax(q1, -q1)))
    var scale = SIMD8<Double>(repeating: 1)
    for i in 0..<8 where m[i].isFinite && m[i] > 0 {
      scale[i] = Double(sign: .plus, exponent: -Int(m[i].exponent), significand: 1)
    }
    p0 *= scale
    p1 *= scale
    q0 *= scale
    q1 *= scale
  }
}

/// Forward differences of polynomials at n = 1, 2, …, one lane per candidate: after k calls to
/// `advance()`, `current` is the value at n = k + 1. Exact while values stay below 2^53.
struct _Differences {
  var table: [SIMD8<Double>]

  init(_ polynomials: [[Int]]) {
    let degree = max(0, polynomials.map { $0.count - 1 }.max() ?? 0)
    table = [SIMD8<Double>](repeating: .zero, count: degree + 1)
    for (lane, c) in polynomials.enumerated() {
      // Values at n = 1…degree+1, then the difference triangle's left edge.
      var values = (1...(degree + 1)).map { n in Double(_evaluate(c, n)) }
      for k in 0...degree {
        table[k][lane] = values[0]
        values = zip(values.dropFirst(), values).map { $0 - $1 }
      }
    }
  }

  var current: SIMD8<Double> { table[0] }

  /// a(0) per lane.
  func value(at0 polynomials: [[Int]]) -> SIMD8<Double> {
    var v = SIMD8<Double>(repeating: 0)
    for (lane, c) in polynomials.enumerated() { v[lane] = Double(c.first ?? 0) }
    return v
  }

  @inline(__always)
  mutating func advance() {
    for k in 0..<(table.count - 1) { table[k] += table[k + 1] }
  }
}

/// Writes the forward differences of c at n = 1 (orders 0…degree) into lane `lane` of a
/// lane-minor table: table[k·8 + lane].
@inline(__always)
func _fillDifferences(_ c: [Int], degree: Int, lane: Int, into table: UnsafeMutablePointer<Double>) {
  for k in 0...degree { table[k * 8 + lane] = _evaluate(c, k + 1) }
  // In place: after pass j, entries j…degree hold j-th differences at n = 1…degree−j+1.
  for j in 1...max(1, degree) where j <= degree {
    for k in stride(from: degree, through: j, by: -1) { table[k * 8 + lane] -= table[(k - 1) * 8 + lane] }
  }
}

/// c(n) in double (coefficients lowest degree first).
func _evaluate(_ c: [Int], _ n: Int) -> Double {
  var r = 0.0
  for x in c.reversed() { r = r * Double(n) + Double(x) }
  return r
}

func _pow10(_ k: Int) -> Double {
  var r = 1.0
  let base = k < 0 ? 0.1 : 10.0
  for _ in 0..<Swift.abs(k) { r *= base }
  return r
}
