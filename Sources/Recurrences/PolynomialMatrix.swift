import Multiprecision
import Polynomials

/// A square matrix whose entries are integer polynomials in n: the step M(n) of a walk.
public struct PolynomialMatrix: Sendable, Hashable {
  public let size: Int
  /// Entries in row-major order.
  public let entries: [Polynomial]

  public init(size: Int, entries: [Polynomial]) {
    precondition(
      size >= 1 && entries.count == size * size,
      "a \(size)x\(size) matrix needs \(size * size) entries, got \(entries.count)")
    self.size = size
    self.entries = entries
  }

  /// A matrix from its rows. Precondition: square.
  public init(_ rows: [[Polynomial]]) {
    precondition(rows.allSatisfy { $0.count == rows.count }, "polynomial matrix must be square")
    self.init(size: rows.count, entries: rows.flatMap { $0 })
  }

  public subscript(row: Int, column: Int) -> Polynomial { entries[row * size + column] }

  /// M(n) with exact integer entries.
  public func evaluated(at n: Int) -> IntegerMatrix {
    IntegerMatrix(rows: size, columns: size, entries: entries.map { $0(n) })
  }

  /// The matrix M(n + k).
  public func shifted(by k: Int) -> PolynomialMatrix {
    PolynomialMatrix(size: size, entries: entries.map { $0.shifted(by: k) })
  }

  /// The companion matrix of Σ_{i=0..r} cᵢ(n)·u(n−i) = 0, scaled by c₀(n) to stay integral:
  /// it maps the row of values (u(n−r), …, u(n−1)) to (u(n−r+1), …, u(n)) times c₀(n), i.e.
  /// ones (c₀) on the subdiagonal and last column (−c_r, …, −c₁).
  /// Precondition: r ≥ 1 and c₀ is not zero.
  public static func companion(_ c: [Polynomial]) -> PolynomialMatrix {
    precondition(c.count >= 2 && !c[0].isZero, "a recurrence needs order ≥ 1 and c₀ ≠ 0")
    let r = c.count - 1
    var e = [Polynomial](repeating: .zero, count: r * r)
    for i in 1..<max(r, 1) where r > 1 { e[i * r + (i - 1)] = c[0] }
    for i in 0..<r { e[i * r + (r - 1)] = -c[r - i] }
    return PolynomialMatrix(size: r, entries: e)
  }
}

extension PolynomialMatrix: CustomStringConvertible {
  public var description: String {
    "["
      + (0..<size).map { i in "[" + (0..<size).map { self[i, $0].description }.joined(separator: ", ") + "]" }.joined(
        separator: ", ") + "]"
  }
}
