import Multiprecision

/// A rows×columns matrix of GMP integers, row-major; the exact result of walks.
public struct IntegerMatrix: Sendable, Hashable {
  public let rows: Int
  public let columns: Int
  /// Entries in row-major order.
  public internal(set) var entries: [BigInt]

  public init(rows: Int, columns: Int, entries: [BigInt]) {
    precondition(
      rows >= 1 && columns >= 1 && entries.count == rows * columns,
      "matrix shape \(rows)x\(columns) does not match \(entries.count) entries")
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
    if rows == 2 && columns == 2 && other.columns == 2
      && min(maxBitWidth, other.maxBitWidth) >= WalkCutoffs.winogradBits
    {
      return _productWinograd(other)
    }
    return IntegerMatrix(rows: rows, columns: other.columns, entries: _productRows(0..<rows, other))
  }

  /// 2×2 product with 7 multiplications and 15 additions (Strassen–Winograd).
  /// - SeeAlso: S. Winograd, "On multiplication of 2×2 matrices", Linear Algebra Appl. 4 (1971).
  func _productWinograd(_ other: IntegerMatrix) -> IntegerMatrix {
    let (a11, a12, a21, a22) = (entries[0], entries[1], entries[2], entries[3])
    let (b11, b12, b21, b22) = (other.entries[0], other.entries[1], other.entries[2], other.entries[3])
    let s1 = a21 + a22
    let s2 = s1 - a11
    let s3 = a11 - a21
    let s4 = a12 - s2
    let t1 = b12 - b11
    let t2 = b22 - t1
    let t3 = b22 - b12
    let t4 = t2 - b21
    let m1 = a11 * b11
    let m2 = a12 * b21
    let m3 = s4 * b22
    let m4 = a22 * t4
    let m5 = s1 * t1
    let m6 = s2 * t2
    let m7 = s3 * t3
    let u2 = m1 + m6
    let u3 = u2 + m7
    let u4 = u2 + m5
    return IntegerMatrix(rows: 2, columns: 2, entries: [m1 + m2, u4 + m3, u3 - m4, u3 + m5])
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
    "["
      + (0..<rows).map { i in "[" + (0..<columns).map { self[i, $0].description }.joined(separator: ", ") + "]" }
      .joined(separator: ", ") + "]"
  }
}
