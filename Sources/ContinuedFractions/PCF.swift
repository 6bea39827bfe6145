import Multiprecision
import Polynomials
import Recurrences

/// A polynomial continued fraction a(0) + b(1)/(a(1) + b(2)/(a(2) + …)).
///
/// Convergents: p(−1) = 1, p(0) = a(0), q(−1) = 0, q(0) = 1,
/// p(n) = a(n)p(n−1) + b(n)p(n−2), the same for q. In matrix form
/// A·M(1)···M(N) = [[p(N−1), p(N)], [q(N−1), q(N)]] with A = [[1, a(0)], [0, 1]] and
/// M(n) = [[0, b(n)], [1, a(n)]] — the conventions of ramanujantools.
public struct PCF: Sendable, Hashable {
  /// The partial denominators a(n).
  public let a: Polynomial
  /// The partial numerators b(n).
  public let b: Polynomial

  public init(a: Polynomial, b: Polynomial) {
    self.a = a
    self.b = b
  }

  /// Parses both polynomials (`PCF(a: "34n^3+51n^2+27n+5", b: "-n^6")`).
  /// - Throws: `PolynomialParseError` naming the column and the text.
  public init(a: String, b: String) throws {
    self.init(a: try Polynomial(parsing: a), b: try Polynomial(parsing: b))
  }

  /// The step matrix M(n) = [[0, b(n)], [1, a(n)]].
  public var matrix: PolynomialMatrix { PolynomialMatrix([[.zero, b], [.one, a]]) }

  /// A = [[1, a(0)], [0, 1]].
  public var initialMatrix: IntegerMatrix { IntegerMatrix([[1, a(0)], [0, 1]]) }

  /// The recurrence u(n) = a(n)u(n−1) + b(n)u(n−2) as Σ cᵢ u(n−i) = 0 with c = (1, −a, −b).
  public var recurrence: LinearRecurrence { LinearRecurrence(coefficients: [.one, -a, -b]) }

  /// A·M(1)···M(depth) = [[p(N−1), p(N)], [q(N−1), q(N)]], exact, by product tree.
  public func walk(depth: Int, threads: Int = availableCores) -> IntegerMatrix {
    initialMatrix.multiplied(by: matrix.walk(start: 1, depth: depth, threads: threads))
  }

  /// The convergents p(n), q(n) for n = 0…depth by the naive recurrence (for tests and sequences).
  public func convergents(depth: Int) -> [(p: BigInt, q: BigInt)] {
    var (p0, p1, q0, q1): (BigInt, BigInt, BigInt, BigInt) = (1, a(0), 0, 1)
    var out = [(p: p1, q: q1)]
    if depth >= 1 {
      for n in 1...depth {
        let (an, bn) = (a(n), b(n))
        (p0, p1) = (p1, an * p1 + bn * p0)
        (q0, q1) = (q1, an * q1 + bn * q0)
        out.append((p1, q1))
      }
    }
    return out
  }

  /// The smallest n in 1...bound with b(n) = 0 (where the fraction terminates), if any.
  public func terminationIndex(upTo bound: Int) -> Int? { b.smallestPositiveIntegerRoot(upTo: bound) }

  /// The smallest n in 1...bound with a(n) = 0, if any (a degenerate but legal fraction).
  public func zeroOfA(upTo bound: Int) -> Int? { a.smallestPositiveIntegerRoot(upTo: bound) }
}

extension PCF: CustomStringConvertible {
  public var description: String { "PCF(\(a), \(b))" }
}
