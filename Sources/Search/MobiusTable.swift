import Identification
import Multiprecision

/// The MITM-RF table: the values (c0 + c1·x)/(d0 + d1·x) of each target constant x for integer
/// coefficients in [−R, R], sorted by a key of about `keyDigits` significant digits.
///
/// Entries are normalised (gcd of the four coefficients 1, first nonzero of (d1, d0) positive) and
/// degenerate forms (c0·d1 − c1·d0 = 0: a rational, not an expression of x) are left out.
///
/// Each row is 16 bytes: the key and the entry packed in 64 bits (constant, d1, d0, c1, c0, most
/// significant first, so that rows of one key keep the order they were generated in); the value is
/// recomputed from the entry when a key matches. `estimatedBytes(bound:constants:)` is the peak
/// memory of building the table, measured (scripts/measure-mitm-table.sh), not guessed.
/// - Complexity: (2R+1)⁴ evaluations and a sort per constant; lookups are binary searches.
/// - SeeAlso: Raayoni et al., "Generating conjectures on fundamental constants with the Ramanujan
///   Machine", Nature 590 (2021): the MITM-RF algorithm.
public struct MobiusTable: Sendable {
  /// One expression (c0 + c1·x)/(d0 + d1·x).
  public struct Entry: Sendable, Hashable {
    public let constant: Int
    public let c0: Int32
    public let c1: Int32
    public let d0: Int32
    public let d1: Int32
  }

  /// One row: the key and the packed entry.
  struct Row {
    var key: Int64
    var packed: UInt64
  }

  /// The largest coefficient bound the packing holds (12 bits per coefficient).
  public static let maximumBound = 2047
  /// The most constants the packing holds (16 bits).
  public static let maximumConstants = 65535

  /// The constants x of the table, as expressions (catalog constants, or `pi^2`, `exp(2)`, …).
  public let expressions: [ConstantExpression]
  public let bound: Int
  public let keyDigits: Int
  /// The constants' values in double precision, by index.
  let x: [Double]
  let rows: [Row]

  /// An upper bound of the rows of one constant: (R+1)(2R+1)³ coefficient tuples with d ≠ 0 normalised.
  public static func maximumRows(bound: Int) -> Int {
    let r = bound
    return (r + 1) * (2 * r + 1) * (2 * r + 1) * (2 * r + 1)
  }

  /// The peak memory in bytes of building the table: 16 bytes for each of the `maximumRows` rows
  /// reserved, plus the sort's scratch buffer (half of the rows again), plus 64 MB for the rest of
  /// the process. Measured on Linux (VmHWM, scripts/measure-mitm-table.sh): within this estimate for
  /// bounds 10 to 56.
  public static func estimatedBytes(bound: Int, constants: Int) -> Double {
    Double(constants) * Double(maximumRows(bound: bound)) * Double(MemoryLayout<Row>.stride) * 1.5 + 64e6
  }

  /// Builds the table for `constants` with coefficient bound `bound`.
  /// Precondition: 1 ≤ bound ≤ `maximumBound`, at most `maximumConstants` constants.
  public init(constants: [Constant], bound: Int, keyDigits: Int) {
    self.init(expressions: constants.map { ConstantExpression($0) }, bound: bound, keyDigits: keyDigits)
  }

  /// Builds the table for constants given as expressions (each must evaluate to a nonzero real).
  /// Precondition: 1 ≤ bound ≤ `maximumBound`, at most `maximumConstants` expressions, each evaluable.
  public init(expressions: [ConstantExpression], bound: Int, keyDigits: Int) {
    precondition(bound >= 1 && bound <= Self.maximumBound, "table bound \(bound) must be in 1...\(Self.maximumBound)")
    precondition(expressions.count <= Self.maximumConstants, "at most \(Self.maximumConstants) constants")
    self.expressions = expressions
    self.bound = bound
    self.keyDigits = keyDigits
    x = expressions.map { e in
      guard let v = try? e.evaluate(.bits(64)) else { preconditionFailure("table constant \(e) has no value") }
      return v.doubleValue
    }
    var rows: [Row] = []
    // Reserved once: growing by doubling would hold two copies at the moment it grows.
    rows.reserveCapacity(expressions.count * Self.maximumRows(bound: bound))
    let r = Int32(bound)
    for (k, x) in x.enumerated() {
      for d1 in 0...r {
        for d0 in -r...r where d1 > 0 || d0 > 0 {
          let denominator = Double(d0) + Double(d1) * x
          if denominator == 0 { continue }
          for c1 in -r...r {
            for c0 in -r...r {
              if Int(c0) * Int(d1) == Int(c1) * Int(d0) { continue }
              if _gcd(_gcd(Int(c0), Int(c1)), _gcd(Int(d0), Int(d1))) != 1 { continue }
              let v = (Double(c0) + Double(c1) * x) / denominator
              rows.append(Row(key: Self.key(v, digits: keyDigits), packed: Self.pack(k, c0, c1, d0, d1)))
            }
          }
        }
      }
    }
    rows.sort { $0.key < $1.key || ($0.key == $1.key && $0.packed < $1.packed) }
    self.rows = rows
  }

  public var count: Int { rows.count }

  static func pack(_ constant: Int, _ c0: Int32, _ c1: Int32, _ d0: Int32, _ d1: Int32) -> UInt64 {
    func field(_ c: Int32) -> UInt64 { UInt64(c + 2048) }
    return UInt64(constant) << 48 | field(d1) << 36 | field(d0) << 24 | field(c1) << 12 | field(c0)
  }

  static func unpack(_ p: UInt64) -> Entry {
    func field(_ shift: UInt64) -> Int32 { Int32((p >> shift) & 0xFFF) - 2048 }
    return Entry(constant: Int(p >> 48), c0: field(0), c1: field(12), d0: field(24), d1: field(36))
  }

  /// The value of an entry in double precision, computed as the table was built.
  func value(_ e: Entry) -> Double {
    let x = self.x[e.constant]
    return (Double(e.c0) + Double(e.c1) * x) / (Double(e.d0) + Double(e.d1) * x)
  }

  /// A key of about `digits` significant digits; values within a relative 10^−digits of each
  /// other get equal or adjacent keys.
  static func key(_ v: Double, digits: Int) -> Int64 {
    guard v.isFinite, v != 0 else { return 0 }
    let e = (Swift.abs(v)).exponent  // binary exponent: |v| in [2^e, 2^(e+1))
    let mantissa = Swift.abs(v) / Double(sign: .plus, exponent: e, significand: 1)  // in [1, 2)
    let quantum = _pow10(digits)
    let body = Int64(((mantissa - 1) * quantum).rounded(.down))
    let packed = (Int64(e) + 2048) * Int64(quantum * 2) + body
    return v < 0 ? -packed : packed
  }

  /// The entries whose value agrees with `v` to a relative 10^−(keyDigits−1), in key order.
  ///
  /// Keys grow with the value's magnitude, so the entries within the tolerance are those whose key
  /// lies between the keys of the interval's two ends: all of them are scanned. (Probing only the
  /// keys of v and v(1 ± 10^−keyDigits) missed an entry whose key lies between two probes, as it does
  /// where a key step is finer than the probes' spacing: mantissas near 2.)
  /// - Complexity: a binary search, then the rows of about 20 keys.
  public func matches(_ v: Double) -> [Entry] {
    guard v.isFinite, v != 0 else { return [] }
    var out: [Entry] = []
    let tolerance = Swift.abs(v) * _pow10(-(keyDigits - 1))
    let ends = [v - tolerance, v + tolerance].map { Self.key($0, digits: keyDigits) }
    let (first, last) = (ends.min()!, ends.max()!)
    var lo = 0
    var hi = rows.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if rows[mid].key < first { lo = mid + 1 } else { hi = mid }
    }
    var i = lo
    while i < rows.count && rows[i].key <= last {
      let entry = Self.unpack(rows[i].packed)
      if Swift.abs(value(entry) - v) <= tolerance { out.append(entry) }
      i += 1
    }
    return out
  }

  /// The expression of an entry, e.g. `(e+1)/(e-1)` or `6/zeta(3)`, as another tool can read it.
  public func expression(_ e: Entry) -> ConstantExpression {
    let numerator = Self.linear(Int(e.c1), Int(e.c0), expressions[e.constant])
    if e.d1 == 0 && e.d0 == 1 { return numerator }
    return numerator / Self.linear(Int(e.d1), Int(e.d0), expressions[e.constant])
  }

  /// c1·x + c0, written with its signs: `2*x-3`, `-(x+1)`, `5-x`.
  static func linear(_ c1: Int, _ c0: Int, _ x: ConstantExpression) -> ConstantExpression {
    func number(_ v: Int) -> ConstantExpression { ConstantExpression(integerLiteral: v) }
    guard c1 != 0 else { return number(c0) }
    let term = c1.magnitude == 1 ? x : number(Int(c1.magnitude)) * x
    switch (c1 > 0, c0) {
    case (_, 0): return c1 > 0 ? term : -term
    case (true, let c) where c > 0: return term + number(c)
    case (true, let c): return term - number(-c)
    case (false, let c) where c > 0: return number(c) - term
    case (false, let c): return -(term + number(-c))
    }
  }
}
