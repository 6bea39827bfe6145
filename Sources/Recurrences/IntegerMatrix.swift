import Multiprecision

/// A rows×columns matrix of GMP integers, row-major; the exact result of walks.
public struct IntegerMatrix: Sendable, Hashable {
  public let rows: Int
  public let columns: Int
  /// Entries in row-major order.
  public internal(set) var entries: [BigInt]

  public init(rows: Int, columns: Int, entries: [BigInt]) {
    precondition(rows >= 1 && columns >= 1 && entries.count == rows * columns, "matrix shape \(rows)x\(columns) does not match \(entries.count) entries")
    self.rows = rows
    self.columns = columns
    self.entries = entries
  }

  /// A matrix from its rows. Precondition: all rows have the same length.
  public init(_ rows: [[BigInt]]) {
    self.init(rows: rows.count, columns: rows.first?.count ?? 0, entries: rows.flatMap { $0 })
  }

  /// The n×n identity.
  public static func identity(_ n: Int) -> IntegerMatrix {
    IntegerMatrix(rows: n, columns: n, entries: (0..<n * n).map { $0 / n == $0 % n ? 1 : 0 })
  }

  public subscript(row: Int, column: Int) -> BigInt {
    get { entries[row * columns + column] }
    set { entries[row * columns + column] = newValue }
  }

  /// The largest entry size in bits.
  public var maxBitWidth: Int { entries.map(\.bitWidth).max() ?? 0 }

  /// The matrix product. With `parallel`, the rows are split across two threads.
  /// - Complexity: rows·columns·inner multiplications of entries.
  public func multiplied(by other: IntegerMatrix, parallel: Bool = false) -> IntegerMatrix {
    precondition(columns == other.rows, "cannot multiply \(rows)x\(columns) by \(other.rows)x\(other.columns)")
    if parallel && rows >= 2 {
      let half = rows / 2
      let (top, bottom) = _forkJoin(
        parallel: true, { self._productRows(0..<half, other) }, { self._productRows(half..<self.rows, other) })
      return IntegerMatrix(rows: rows, columns: other.columns, entries: top + bottom)
    }
    return IntegerMatrix(rows: rows, columns: other.columns, entries: _productRows(0..<rows, other))
  }

  func _productRows(_ range: Range<Int>, _ other: IntegerMatrix) -> [BigInt] {
    var out: [BigInt] = []
    out.reserveCapacity(range.count * other.columns)
    for i in range {
      for j in 0..<other.columns {
        var sum = BigInt()
        for k in 0..<columns {
          let x = self[i, k]
          let y = other[k, j]
          if x.isZero || y.isZero { continue }
          sum.addProduct(x, y)
        }
        out.append(sum)
      }
    }
    return out
  }

  public static func * (lhs: IntegerMatrix, rhs: IntegerMatrix) -> IntegerMatrix { lhs.multiplied(by: rhs) }
}

extension IntegerMatrix: CustomStringConvertible {
  public var description: String {
    "[" + (0..<rows).map { i in "[" + (0..<columns).map { self[i, $0].description }.joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
  }
}
