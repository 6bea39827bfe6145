import Multiprecision
import Polynomials

/// The convergents x(n) = W(n)[0, r−1] / W(n)[1, r−1] of a walk W(n) = I·M(start)···M(start+n−1)
/// (I an initial matrix, the identity when absent): a PCF (I = [[1, a(0)], [0, 1]], M from 1), a
/// linear recurrence's companion walk, or the numerator walk of a CMF trajectory (its scalar
/// denominator cancels in the ratio).
public struct ConvergentSequence: Sendable {
  public let matrix: PolynomialMatrix
  public let start: Int
  public let initial: IntegerMatrix?

  /// Precondition: matrix size ≥ 2; `initial`, when given, has as many columns as the matrix has rows.
  public init(matrix: PolynomialMatrix, start: Int, initial: IntegerMatrix? = nil) {
    precondition(matrix.size >= 2, "convergents need a matrix of size ≥ 2")
    self.matrix = matrix
    self.start = start
    self.initial = initial
  }

  /// x(n) rounded to `precision` for every n in `ranges` (depths ≥ 1), keyed by n; n with
  /// W(n)[1, r−1] = 0 (undefined convergent) is absent.
  ///
  /// One product tree reaches the first depth of each run (runs are the ranges merged where they
  /// touch); inside a run the walk is stepped one matrix at a time, keeping only the current walk,
  /// so memory is the size of one walk plus the values.
  /// - Complexity: one product tree to the deepest run start, plus one multiplication by a
  ///   small-entry matrix per depth inside the runs and one division per value.
  public func values(in ranges: [ClosedRange<Int>], precision: Precision, threads: Int = availableCores)
    -> [Int: BigFloat]
  {
    let runs = Self.merged(ranges.filter { $0.lowerBound >= 1 })
    guard !runs.isEmpty else { return [:] }
    let starts = runs.map(\.lowerBound)
    let walks = matrix.walk(start: start, depths: starts, threads: threads)
    let last = matrix.size - 1
    var out: [Int: BigFloat] = [:]
    let working = precision.adding(bits: 32)
    for (run, walk) in zip(runs, walks) {
      var w = initial.map { $0.multiplied(by: walk) } ?? walk
      var n = run.lowerBound
      while true {
        let (p, q) = (w[0, last], w[1, last])
        if !q.isZero {
          out[n] = BigFloat(BigFloat(p, precision: working) / BigFloat(q, precision: working), precision: precision)
        }
        if n == run.upperBound { break }
        // W(n+1) = W(n)·M(start + n).
        w = w.multiplied(by: matrix.evaluated(at: start + n))
        n += 1
      }
    }
    return out
  }

  /// The ranges sorted and merged where they overlap or touch.
  static func merged(_ ranges: [ClosedRange<Int>]) -> [ClosedRange<Int>] {
    var out: [ClosedRange<Int>] = []
    for r in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = out.last, r.lowerBound <= last.upperBound + 1 {
        out[out.count - 1] = last.lowerBound...max(last.upperBound, r.upperBound)
      } else {
        out.append(r)
      }
    }
    return out
  }
}
