import Dispatch
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

  static func _product(_ ms: ArraySlice<RationalMatrix>, threads: Int) -> RationalMatrix {
    switch ms.count {
    case 1: return ms.first!
    case 2: return ms.first!.multiplied(by: ms.last!, threads: threads)
    default:
      let mid = ms.startIndex + ms.count / 2
      let parallel = threads > 1 && ms.count >= 8
      let (left, right) = _fork(
        parallel: parallel,
        { _product(ms[..<mid], threads: parallel ? threads / 2 : threads) },
        { _product(ms[mid...], threads: parallel ? threads - threads / 2 : threads) })
      return left.multiplied(by: right, threads: threads)
    }
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
