import Dispatch
import Multiprecision
import Polynomials
import Recurrences

/// Kronecker substitution: a polynomial with signed integer coefficients is packed into the one
/// integer P(2^s), with slots of s bits wide enough that every coefficient of the result fits in
/// (−2^(s−1), 2^(s−1)); products and exact quotients of polynomials then cost one GMP product or
/// exact division of integers (FFT for large operands).
/// - SeeAlso: D. Harvey, "Faster polynomial multiplication via multipoint Kronecker substitution",
///   J. Symbolic Comput. 44 (2009).
enum _Kronecker {
  /// Below this many coefficient-bit products (deg·bits of both factors) schoolbook is used.
  static let schoolbookWork = 1000
  /// Below this (deg q·deg f·bits) an exact division by a divisor with large coefficients is done
  /// by long division rather than by Kronecker substitution.
  static let schoolbookDivisionWork = 200_000
  /// Below this much work (r³·deg²·bits) a matrix product stays on one thread.
  static let parallelWork = 200_000_000

  /// Σ c[i]·2^(s·i), by halves (linear work per level).
  static func pack(_ c: ArraySlice<BigInt>, slotBits s: Int) -> BigInt {
    switch c.count {
    case 0: return BigInt()
    case 1: return c.first!
    default:
      let half = c.count / 2
      let mid = c.startIndex + half
      return pack(c[..<mid], slotBits: s) + pack(c[mid...], slotBits: s).shifted(by: s * half)
    }
  }

  /// The `count` signed coefficients of v = Σ c[i]·2^(s·i) with every c[i] in [−2^(s−1), 2^(s−1)).
  static func unpack(_ v: BigInt, slotBits s: Int, count: Int) -> [BigInt] {
    var out: [BigInt] = []
    out.reserveCapacity(count)
    _unpack(v, s, count, &out)
    return out
  }

  private static func _unpack(_ v: BigInt, _ s: Int, _ count: Int, _ out: inout [BigInt]) {
    if count == 1 {
      out.append(v)
      return
    }
    let half = count / 2
    let bits = s * half
    // v = low + 2^bits·high with low in [−2^(bits−1), 2^(bits−1)).
    var high = v.shifted(by: -bits)
    var low = v - high.shifted(by: bits)
    if low.bitWidth == bits && !(low.isNegative && low.magnitude == BigInt(1).shifted(by: bits - 1)) {
      if low.isNegative {
        low += BigInt(1).shifted(by: bits)
        high -= 1
      } else {
        low -= BigInt(1).shifted(by: bits)
        high += 1
      }
    }
    _unpack(low, s, half, &out)
    _unpack(high, s, count - half, &out)
  }

  static func maxBits(_ p: Polynomial) -> Int { p.coefficients.map(\.bitWidth).max() ?? 0 }

  /// a·b, by Kronecker substitution when large and schoolbook when small.
  static func multiply(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
    if a.isZero || b.isZero { return .zero }
    let (ba, bb) = (maxBits(a), maxBits(b))
    if (a.degree + 1) * (b.degree + 1) * max(1, min(ba, bb)) < schoolbookWork { return a * b }
    let s = ba + bb + _bitLength(min(a.degree, b.degree) + 1) + 2
    let product = pack(a.coefficients[...], slotBits: s) * pack(b.coefficients[...], slotBits: s)
    return Polynomial(coefficients: unpack(product, slotBits: s, count: a.degree + b.degree + 1))
  }

  /// a / f when f divides a exactly in ℤ[n]. The slot holds the quotient by Mignotte's bound
  /// ‖q‖∞ ≤ 2^deg(q)·‖a‖₂. Precondition: f ≠ 0 divides a.
  static func dividedExactly(_ a: Polynomial, by f: Polynomial) -> Polynomial {
    if a.isZero { return a }
    let qDegree = a.degree - f.degree
    precondition(qDegree >= 0, "exact division of \(a) by a polynomial of larger degree")
    if (qDegree + 1) * (f.degree + 1) * max(1, maxBits(a)) < schoolbookWork || f.degree == 0 {
      return a.dividedExactly(by: f)!
    }
    let s = maxBits(a) + _bitLength(a.degree + 1) + qDegree + 2
    let q = pack(a.coefficients[...], slotBits: s).dividedExactly(by: pack(f.coefficients[...], slotBits: s))
    return Polynomial(coefficients: unpack(q, slotBits: s, count: qDegree + 1))
  }

  /// The r×r matrix product of row-major polynomial entries: each of the r² inputs of either
  /// side is packed once, the r products of a dot product are summed packed, and each result is
  /// unpacked once. Rows of the result are spread over `threads`.
  static func matrixProduct(_ a: [Polynomial], _ b: [Polynomial], size r: Int, threads: Int) -> [Polynomial] {
    let degA = a.map(\.degree).max() ?? -1
    let degB = b.map(\.degree).max() ?? -1
    if degA < 0 || degB < 0 { return Array(repeating: .zero, count: r * r) }
    let bitsA = a.map(maxBits).max() ?? 0
    let bitsB = b.map(maxBits).max() ?? 0
    let work = (degA + 1) * (degB + 1) * max(1, min(bitsA, bitsB))
    if work < schoolbookWork {
      return _schoolbookProduct(a, b, size: r)
    }
    let s = bitsA + bitsB + _bitLength(min(degA, degB) + 1) + _bitLength(r) + 2
    let count = degA + degB + 1
    // Threads pay off only on products of some size.
    let threads = work * r * r * r < parallelWork ? 1 : threads
    let packedA = _parallelMap(a, threads: threads) { pack($0.coefficients[...], slotBits: s) }
    let packedB = _parallelMap(b, threads: threads) { pack($0.coefficients[...], slotBits: s) }
    return _parallelMap(Array(0..<r * r), threads: threads) { index in
      let (i, j) = (index / r, index % r)
      var sum = BigInt()
      for k in 0..<r where !packedA[i * r + k].isZero && !packedB[k * r + j].isZero {
        sum.addProduct(packedA[i * r + k], packedB[k * r + j])
      }
      return Polynomial(coefficients: unpack(sum, slotBits: s, count: count))
    }
  }

  static func _schoolbookProduct(_ a: [Polynomial], _ b: [Polynomial], size r: Int) -> [Polynomial] {
    var out: [Polynomial] = []
    out.reserveCapacity(r * r)
    for i in 0..<r {
      for j in 0..<r {
        var sum = Polynomial.zero
        for k in 0..<r where !a[i * r + k].isZero && !b[k * r + j].isZero { sum += a[i * r + k] * b[k * r + j] }
        out.append(sum)
      }
    }
    return out
  }
}

/// Bits of n ≥ 1 (⌊log2 n⌋ + 1); 0 for 0.
func _bitLength(_ n: Int) -> Int { n <= 0 ? 0 : Int.bitWidth - n.leadingZeroBitCount }

/// `transform` applied to every element, spread over `threads` threads (in order).
func _parallelMap<T: Sendable, U: Sendable>(_ items: [T], threads: Int, _ transform: @Sendable (T) -> U) -> [U] {
  if threads <= 1 || items.count <= 1 { return items.map(transform) }
  let box = _ResultBox<U>(count: items.count)
  let chunks = min(threads, items.count)
  DispatchQueue.concurrentPerform(iterations: chunks) { c in
    var i = c
    while i < items.count {
      box.set(i, transform(items[i]))
      i += chunks
    }
  }
  return box.take()
}

/// Slots written by exactly one thread each (disjoint indices of one buffer), read after the join.
final class _ResultBox<U>: @unchecked Sendable {
  let buffer: UnsafeMutableBufferPointer<U?>

  init(count: Int) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: nil)
  }

  func set(_ i: Int, _ value: U) { buffer[i] = value }

  func take() -> [U] { buffer.map { $0! } }

  deinit {
    buffer.deinitialize()
    buffer.deallocate()
  }
}
