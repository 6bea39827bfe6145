import Multiprecision
import Polynomials

/// A square matrix of rational functions over ℚ in d variables: an axis matrix of a field.
public struct MultivariateMatrix: Sendable, Equatable {
  public let size: Int
  public let variableCount: Int
  /// Entries in row-major order.
  public let entries: [MultivariateRationalFunction]

  /// The matrix from its entries, row-major. Precondition: size² entries in `variables` variables.
  public init(size: Int, variables: Int, entries: [MultivariateRationalFunction]) {
    precondition(
      size >= 1 && entries.count == size * size,
      "a \(size)x\(size) matrix needs \(size * size) entries, got \(entries.count)")
    precondition(entries.allSatisfy { $0.variableCount == variables }, "matrix entries in different variable counts")
    self.size = size
    self.variableCount = variables
    self.entries = entries
  }

  /// A matrix from its rows. Precondition: square, at least 1×1.
  public init(_ rows: [[MultivariateRationalFunction]]) {
    precondition(!rows.isEmpty && rows.allSatisfy { $0.count == rows.count }, "a matrix must be square and not empty")
    self.init(size: rows.count, variables: rows[0][0].variableCount, entries: rows.flatMap { $0 })
  }

  /// A matrix of polynomials.
  public init(_ rows: [[MultivariatePolynomial]]) {
    self.init(rows.map { $0.map { MultivariateRationalFunction($0) } })
  }

  /// Reads each entry with `MultivariateRationalFunction(parsing:variables:)`.
  /// - Throws: `ExpressionParseError` for the first entry that cannot be read.
  public init(parsing rows: [[String]], variables: [String]) throws {
    self.init(try rows.map { try $0.map { try MultivariateRationalFunction(parsing: $0, variables: variables) } })
  }

  /// Reads `[[a, b], [c, d]]`: rows in brackets, entries separated by commas, each entry read
  /// by `MultivariateRationalFunction(parsing:variables:)`.
  /// - Throws: `ExpressionParseError` for malformed brackets, a row of another length than the
  ///   number of rows, or an entry that cannot be read (its column counted in `text`).
  public init(parsing text: String, variables: [String]) throws {
    var work = 0.0
    try self.init(parsing: text, variables: variables, work: &work)
  }

  /// Reads as `init(parsing:variables:)`, the entries sharing the expansion budget `work`.
  init(parsing text: String, variables: [String], work: inout Double) throws {
    let rows = try _splitMatrix(text)
    let count = rows.count
    var entries: [MultivariateRationalFunction] = []
    for row in rows {
      guard row.count == count else {
        throw ExpressionParseError(
          input: text, column: row.first?.offset ?? 1,
          reason: "a \(count)x\(count) matrix needs \(count) entries in every row, got \(row.count)")
      }
      for (entry, offset) in row {
        do {
          entries.append(try MultivariateRationalFunction(parsing: entry, variables: variables, work: &work))
        } catch let error as ExpressionParseError {
          throw ExpressionParseError(input: text, column: offset + error.column - 1, reason: error.reason)
        }
      }
    }
    self.init(size: count, variables: variables.count, entries: entries)
  }

  /// The r×r identity in `variables` variables.
  public static func identity(_ r: Int, variables: Int) -> MultivariateMatrix {
    MultivariateMatrix(
      size: r, variables: variables,
      entries: (0..<r * r).map { MultivariateRationalFunction($0 / r == $0 % r ? 1 : 0, variables: variables) })
  }

  public subscript(row: Int, column: Int) -> MultivariateRationalFunction { entries[row * size + column] }
}

// MARK: - Arithmetic

extension MultivariateMatrix {
  /// The matrix product. Precondition: same size and variables.
  /// - Complexity: r³ products of entries.
  public static func * (lhs: MultivariateMatrix, rhs: MultivariateMatrix) -> MultivariateMatrix {
    precondition(lhs.size == rhs.size, "cannot multiply \(lhs.size)x\(lhs.size) by \(rhs.size)x\(rhs.size)")
    let r = lhs.size
    let zero = MultivariateRationalFunction(0, variables: lhs.variableCount)
    var out: [MultivariateRationalFunction] = []
    out.reserveCapacity(r * r)
    for i in 0..<r {
      for j in 0..<r {
        var sum = zero
        for k in 0..<r where !lhs.entries[i * r + k].isZero && !rhs.entries[k * r + j].isZero {
          sum += lhs.entries[i * r + k] * rhs.entries[k * r + j]
        }
        out.append(sum)
      }
    }
    return MultivariateMatrix(size: r, variables: lhs.variableCount, entries: out)
  }

  public static func + (lhs: MultivariateMatrix, rhs: MultivariateMatrix) -> MultivariateMatrix {
    MultivariateMatrix(size: lhs.size, variables: lhs.variableCount, entries: zip(lhs.entries, rhs.entries).map(+))
  }

  public static func - (lhs: MultivariateMatrix, rhs: MultivariateMatrix) -> MultivariateMatrix {
    MultivariateMatrix(size: lhs.size, variables: lhs.variableCount, entries: zip(lhs.entries, rhs.entries).map(-))
  }

  /// λ·M for a rational function λ.
  public static func * (lhs: MultivariateRationalFunction, rhs: MultivariateMatrix) -> MultivariateMatrix {
    MultivariateMatrix(size: rhs.size, variables: rhs.variableCount, entries: rhs.entries.map { lhs * $0 })
  }

  public var transpose: MultivariateMatrix {
    MultivariateMatrix(
      size: size, variables: variableCount, entries: (0..<size * size).map { entries[($0 % size) * size + $0 / size] })
  }

  public var isZero: Bool { entries.allSatisfy(\.isZero) }
}

// MARK: - Substitution

extension MultivariateMatrix {
  /// M(…, x_i + k, …).
  public func shifted(_ i: Int, by k: Int) -> MultivariateMatrix {
    MultivariateMatrix(size: size, variables: variableCount, entries: entries.map { $0.shifted(i, by: k) })
  }

  /// M(x + offsets).
  public func shifted(by offsets: [Int]) -> MultivariateMatrix {
    MultivariateMatrix(size: size, variables: variableCount, entries: entries.map { $0.shifted(by: offsets) })
  }

  /// Each variable replaced by a polynomial (all in the same number of variables).
  public func substituting(_ values: [MultivariatePolynomial]) -> MultivariateMatrix {
    MultivariateMatrix(
      size: size, variables: values.first?.variableCount ?? 0, entries: entries.map { $0.substituting(values) })
  }

  /// The value at a rational point; `nil` where an entry's denominator vanishes.
  public func evaluated(at values: [BigRational]) -> [[BigRational]]? {
    var out: [[BigRational]] = []
    for i in 0..<size {
      var row: [BigRational] = []
      for j in 0..<size {
        guard let v = self[i, j].evaluated(at: values) else { return nil }
        row.append(v)
      }
      out.append(row)
    }
    return out
  }
}

// MARK: - Common denominator, determinant, inverse

extension MultivariateMatrix {
  /// M = P / D with P a polynomial matrix and D = c·Π fᵢ^eᵢ the least common denominator of the
  /// entries' (factored) denominators.
  public var commonDenominator:
    (
      numerator: [MultivariatePolynomial], constant: BigInt,
      factors: [(polynomial: MultivariatePolynomial, exponent: Int)]
    )
  {
    var constant = BigInt(1)
    var exponents: [MultivariatePolynomial: Int] = [:]
    for entry in entries where !entry.isZero {
      constant = BigInt.lcm(constant, entry.denominatorConstant)
      for (f, e) in entry.denominatorFactors { exponents[f] = max(exponents[f] ?? 0, e) }
    }
    let numerator = entries.map { entry -> MultivariatePolynomial in
      if entry.isZero { return entry.numerator }
      var p = constant.dividedExactly(by: entry.denominatorConstant) * entry.numerator
      var own: [MultivariatePolynomial: Int] = [:]
      for (f, e) in entry.denominatorFactors { own[f] = e }
      for (f, e) in exponents where e > (own[f] ?? 0) { p *= f.power(e - (own[f] ?? 0)) }
      return p
    }
    return (numerator, constant, exponents.map { ($0.key, $0.value) })
  }

  /// det M, by fraction-free elimination on the common-denominator numerator.
  public var determinant: MultivariateRationalFunction {
    let (p, c, factors) = commonDenominator
    let d = variableCount
    let (det, _) = _bareiss(p, size: size, one: .one(variables: d), zero: .zero(variables: d))
    return MultivariateRationalFunction(
      numerator: det, constant: c.power(size), factors: factors.map { ($0.polynomial, $0.exponent * size) })
  }

  /// M⁻¹ = D·adj(P)/det(P) for M = P/D, fraction-free; `nil` when det M = 0.
  /// - Complexity: O(r³) polynomial operations on minors (Bareiss).
  public var inverse: MultivariateMatrix? {
    let (p, c, factors) = commonDenominator
    let d = variableCount
    let (det, adjugate) = _bareiss(p, size: size, one: .one(variables: d), zero: .zero(variables: d))
    guard let adjugate, !det.isZero else { return nil }
    var scale = MultivariatePolynomial(constant: c, variables: d)
    for (f, e) in factors { scale *= f.power(e) }
    let detPart = det.content
    let detPrimitive = det.dividedExactly(byInteger: detPart)
    return MultivariateMatrix(
      size: size, variables: d,
      entries: adjugate.map {
        MultivariateRationalFunction(numerator: scale * $0, constant: detPart, factors: [(detPrimitive, 1)])
      })
  }
}

/// The entries of `[[a, b], [c, d]]` by row, each with the column (from 1) where it starts.
func _splitMatrix(_ text: String) throws -> [[(text: String, offset: Int)]] {
  let chars = Array(text)
  func fail(_ i: Int, _ reason: String) -> ExpressionParseError {
    ExpressionParseError(input: text, column: i + 1, reason: reason)
  }
  var i = 0
  func skip() { while i < chars.count, chars[i].isWhitespace { i += 1 } }
  skip()
  guard i < chars.count, chars[i] == "[" else { throw fail(i, "a matrix starts with '[['") }
  i += 1
  var rows: [[(text: String, offset: Int)]] = []
  while true {
    skip()
    guard i < chars.count, chars[i] == "[" else { throw fail(i, "expected '[' to start a row") }
    i += 1
    var row: [(text: String, offset: Int)] = []
    var start = i
    var depth = 0
    while true {
      guard i < chars.count else { throw fail(i, "a row is not closed with ']'") }
      let c = chars[i]
      if c == "(" { depth += 1 }
      if c == ")" { depth -= 1 }
      if depth == 0 && (c == "," || c == "]") {
        let entry = String(chars[start..<i])
        guard !entry.allSatisfy(\.isWhitespace) else { throw fail(i, "an empty entry") }
        row.append((entry, start + 1))
        i += 1
        if c == "]" { break }
        start = i
        continue
      }
      i += 1
    }
    rows.append(row)
    skip()
    guard i < chars.count else { throw fail(i, "the matrix is not closed with ']'") }
    if chars[i] == "," {
      i += 1
      continue
    }
    guard chars[i] == "]" else { throw fail(i, "expected ',' or ']' after a row") }
    i += 1
    skip()
    guard i == chars.count else { throw fail(i, "unexpected text after the matrix") }
    return rows
  }
}
