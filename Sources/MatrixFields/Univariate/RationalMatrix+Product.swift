import Dispatch
import Foundation
import Multiprecision
import Polynomials
import Recurrences

extension RationalMatrix {
  /// The product self·other, reduced: numerators multiplied (Kronecker substitution for large
  /// entries), denominators merged as factor lists, then every factor tested for cancellation.
  /// - Complexity: r³ products of the numerator entries plus one modular pass per factor.
  public func multiplied(by other: RationalMatrix, threads: Int = 1) -> RationalMatrix {
    precondition(size == other.size, "cannot multiply \(size)x\(size) by \(other.size)x\(other.size)")
    if isPolynomial && other.isPolynomial && numeratorEntries.allSatisfy({ $0.degree <= 0 })
      && other.numeratorEntries.allSatisfy({ $0.degree <= 0 })
    {
      // Constant matrices: nothing to cancel.
      return RationalMatrix(
        _normalized: _Kronecker._schoolbookProduct(numeratorEntries, other.numeratorEntries, size: size), size: size,
        constant: 1, factors: [])
    }
    let entries = _Kronecker.matrixProduct(numeratorEntries, other.numeratorEntries, size: size, threads: threads)
    var factors: [Polynomial: Int] = [:]
    for (f, e) in denominatorFactors { factors[f, default: 0] += e }
    for (f, e) in other.denominatorFactors { factors[f, default: 0] += e }
    return RationalMatrix(
      _reducing: entries, size: size, constant: denominatorConstant * other.denominatorConstant, factors: factors)
  }

  public static func * (lhs: RationalMatrix, rhs: RationalMatrix) -> RationalMatrix { lhs.multiplied(by: rhs) }

  /// M₀·M₁···M_{k−1} by a balanced product tree, reducing at every node so that entries stay
  /// near the size of the reduced result; subtrees run on up to `threads` cores.
  /// Precondition: at least one matrix, all of one size.
  /// - Complexity: O(M(B)·log k) for reduced entries of B coefficient bits in total, M the cost of
  ///   a GMP multiplication, plus the cancellation tests.
  public static func product(_ matrices: [RationalMatrix], threads: Int = 1) -> RationalMatrix {
    precondition(!matrices.isEmpty, "a product of no matrices")
    return _product(matrices[...], threads: max(1, threads))
  }

  /// M₀·M₁···M_{k−1} by the product tree of `product`, given up (`nil`) as soon as a node covering
  /// j of the k matrices holds more than `bitLimit`·j/k bits (`_bitSize`): entries grow at least
  /// linearly along a product, so the whole would exceed `bitLimit`. The second value is then the
  /// size extrapolated linearly from that node (a lower estimate of the whole).
  /// Precondition: at least one matrix, all of one size, `bitLimit` > 0.
  /// - Complexity: that of `product`, stopped after a part of the work proportional to the limit.
  static func _product(_ matrices: [RationalMatrix], threads: Int, bitLimit: Int) -> (RationalMatrix?, estimate: Int) {
    precondition(!matrices.isEmpty, "a product of no matrices")
    let guardrail = _SizeGuard(count: matrices.count, bitLimit: bitLimit)
    let m = _product(matrices[...], threads: max(1, threads), guardrail: guardrail)
    return (guardrail.exceeded == nil ? m : nil, guardrail.exceeded ?? 0)
  }

  static func _product(_ ms: ArraySlice<RationalMatrix>, threads: Int, guardrail: _SizeGuard? = nil) -> RationalMatrix {
    if let guardrail, guardrail.exceeded != nil { return ms.first! }
    let result: RationalMatrix
    switch ms.count {
    case 1: return ms.first!
    case 2: result = ms.first!.multiplied(by: ms.last!, threads: threads)
    default:
      let mid = ms.startIndex + ms.count / 2
      let parallel = threads > 1 && ms.count >= 8
      let (left, right) = _fork(
        parallel: parallel,
        { _product(ms[..<mid], threads: parallel ? threads / 2 : threads, guardrail: guardrail) },
        { _product(ms[mid...], threads: parallel ? threads - threads / 2 : threads, guardrail: guardrail) })
      if let guardrail, guardrail.exceeded != nil { return left }
      result = left.multiplied(by: right, threads: threads)
    }
    guardrail?.record(result._bitSize, covering: ms.count)
    return result
  }

  /// The bits of the numerator's coefficients and of the denominator: the size that products
  /// of trajectory matrices and walks grow with.
  var _bitSize: Int {
    var bits = denominatorConstant.bitWidth
    for p in numeratorEntries { for c in p.coefficients { bits += c.bitWidth + 1 } }
    for (f, _) in denominatorFactors { for c in f.coefficients { bits += c.bitWidth + 1 } }
    return bits
  }
}

/// The size limit of a product tree, shared by its branches (which may run on several threads).
final class _SizeGuard: @unchecked Sendable {
  private let lock = NSLock()
  private let count: Int
  private let bitLimit: Int
  private var _exceeded: Int?

  init(count: Int, bitLimit: Int) {
    self.count = count
    self.bitLimit = bitLimit
  }

  /// The linear extrapolation of the first node found too large, or `nil`.
  var exceeded: Int? {
    lock.lock()
    defer { lock.unlock() }
    return _exceeded
  }

  /// Notes a node of `bits` bits covering `covered` of the matrices.
  func record(_ bits: Int, covering covered: Int) {
    let share = Double(bitLimit) * Double(covered) / Double(count)
    guard Double(bits) > share else { return }
    let whole = Double(bits) * Double(count) / Double(covered)
    lock.lock()
    if _exceeded == nil { _exceeded = whole >= Double(Int.max) ? Int.max : Int(whole) }
    lock.unlock()
  }
}

/// Runs two closures, in parallel when asked, and returns both results.
func _fork<A: Sendable, B: Sendable>(parallel: Bool, _ left: @Sendable () -> A, _ right: @Sendable () -> B) -> (A, B) {
  guard parallel else { return (left(), right()) }
  let box = _ResultBox<(A?, B?)>(count: 2)
  DispatchQueue.concurrentPerform(iterations: 2) { i in
    if i == 0 { box.set(0, (left(), nil)) } else { box.set(1, (nil, right())) }
  }
  let out = box.take()
  return (out[0].0!, out[1].1!)
}
