import Multiprecision
import Polynomials

/// A linear recurrence of order r with polynomial coefficients, Σ_{i=0..r} cᵢ(n)·u(n−i) = 0.
///
/// Its walk is the product of the integer-scaled companion matrices (see
/// `PolynomialMatrix.companion`); row k of the walk holds the solution whose initial values are
/// the k-th unit vector, scaled by Π c₀. A PCF is the order-2 case c = (1, −a, −b).
public struct LinearRecurrence: Sendable, Hashable {
  /// c₀, …, c_r.
  public let coefficients: [Polynomial]

  /// The recurrence Σ cᵢ(n)·u(n−i) = 0. Precondition: order ≥ 1 and c₀ ≠ 0.
  public init(coefficients: [Polynomial]) {
    precondition(coefficients.count >= 2 && !coefficients[0].isZero, "a recurrence needs order ≥ 1 and c₀ ≠ 0")
    self.coefficients = coefficients
  }

  public var order: Int { coefficients.count - 1 }

  /// The integer-scaled companion matrix M(n).
  public var companionMatrix: PolynomialMatrix { .companion(coefficients) }

  /// The walk M(start)···M(start+depth−1).
  public func walk(start: Int, depth: Int, threads: Int = availableCores) -> IntegerMatrix {
    companionMatrix.walk(start: start, depth: depth, threads: threads)
  }

  /// The limit of the ratio of the first two rows' last entries after `depth` steps from `start`,
  /// with the checkpoints of `Limit.checkpointDepths` (walks at n−1 and n for each) for the
  /// error model. Precondition: order ≥ 2, depth ≥ 1.
  public func limit(depth: Int, start: Int = 1, threads: Int = availableCores) -> Limit {
    precondition(order >= 2, "a limit needs a recurrence of order ≥ 2")
    precondition(depth >= 1, "depth \(depth) must be ≥ 1")
    let ends = Limit.checkpointDepths(depth) + [depth]
    let depths = Array(Set(ends.flatMap { [max(0, $0 - 1), $0] })).sorted()
    let walks = companionMatrix.walk(start: start, depths: depths, threads: threads)
    let byDepth = Dictionary(uniqueKeysWithValues: zip(depths, walks))
    return Limit(
      consecutive: ends.map { n in
        (Convergents(depth: n - 1, matrix: byDepth[max(0, n - 1)]!), Convergents(depth: n, matrix: byDepth[n]!))
      })
  }
}
