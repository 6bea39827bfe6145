import Multiprecision
import Polynomials

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PolynomialMatrix {
  /// An upper estimate of log2 of the largest entry of the walk M(start)···M(start+depth−1):
  /// Σₙ log2 ‖M(n)‖∞ (the row-sum norm is submultiplicative), each entry bounded by
  /// max_i(log2|cᵢ| + i·log2 n) + log2(terms). Summed exactly up to 65,536 steps, beyond that
  /// by the trapezoid rule on 65,536 evenly spaced steps (the summand is smooth in n).
  /// Used to refuse or announce walks whose entries would not fit in memory.
  /// - Complexity: O(min(depth, 65536)·size²·degree) floating-point operations.
  public func estimatedLog2Entries(start: Int, depth: Int) -> Double {
    let bounds = entries.map(_Log2Bound.init)
    return _sumOverSteps(start: start, depth: depth) { n in
      var norm = -Double.infinity
      for row in 0..<size {
        var rowBound = -Double.infinity
        for column in 0..<size { rowBound = Swift.max(rowBound, bounds[row * size + column](n)) }
        norm = Swift.max(norm, rowBound + log2(Double(size)))
      }
      return norm
    }
  }

  /// An estimate of the peak memory in bytes of a walk to `depth` with its checkpoints: the
  /// result, the two halves of the top product and GMP's scratch space, about 8 entries'
  /// worth per matrix entry.
  public func estimatedWalkBytes(start: Int, depth: Int) -> Double {
    Self.estimatedWalkBytes(size: size, log2Entries: estimatedLog2Entries(start: start, depth: depth))
  }

  /// The peak memory of a walk of `size`×`size` matrices whose entries have `log2Entries` bits.
  public static func estimatedWalkBytes(size: Int, log2Entries: Double) -> Double {
    8 * Double(size * size) * log2Entries / 8
  }
}

/// An upper bound of log2 |p(n)| for a polynomial p: max_i(log2|cᵢ| + i·log2 n) + log2(terms);
/// −∞ for the zero polynomial.
public struct _Log2Bound: Sendable {
  let logs: [(Int, Double)]
  let terms: Double

  public init(_ p: Polynomial) {
    logs = p.coefficients.enumerated().compactMap { $0.element.isZero ? nil : ($0.offset, $0.element.log2Magnitude) }
    terms = log2(Double(Swift.max(logs.count, 1)))
  }

  public func callAsFunction(_ n: Int) -> Double {
    let x = log2(Double(Swift.max(Swift.abs(n), 1)))
    var bound = -Double.infinity
    for (i, l) in logs { bound = Swift.max(bound, l + Double(i) * x) }
    return bound + terms
  }
}

/// Σ_{n=start}^{start+depth−1} max(f(n), 0): exact up to 65,536 steps, beyond that by the
/// trapezoid rule on 65,536 evenly spaced steps (for smooth f).
public func _sumOverSteps(start: Int, depth: Int, _ f: (Int) -> Double) -> Double {
  guard depth > 0 else { return 0 }
  func g(_ n: Int) -> Double { Swift.max(f(n), 0) }
  let samples = 65_536
  if depth <= samples { return (start..<start + depth).reduce(0) { $0 + g($1) } }
  var total = 0.0
  let step = Double(depth - 1) / Double(samples - 1)
  var previous = g(start)
  for k in 1..<samples {
    let value = g(start + Int((Double(k) * step).rounded()))
    total += (previous + value) / 2 * step
    previous = value
  }
  return total + (g(start) + g(start + depth - 1)) / 2
}
