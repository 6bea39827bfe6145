import Identification
import Multiprecision

/// The MITM-RF table: the values (c0 + c1·x)/(d0 + d1·x) of each target constant x for integer
/// coefficients in [−R, R], sorted by a key of about `keyDigits` significant digits.
///
/// Entries are normalised (gcd of the four coefficients 1, first nonzero of (d1, d0) positive) and
/// degenerate forms (c0·d1 − c1·d0 = 0: a rational, not an expression of x) are left out.
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

  public let constants: [Constant]
  public let bound: Int
  public let keyDigits: Int
  let keys: [Int64]
  let entries: [Entry]
  let values: [Double]

  /// Builds the table for `constants` with coefficient bound `bound`.
  public init(constants: [Constant], bound: Int, keyDigits: Int) {
    precondition(bound >= 1 && bound <= 1000, "table bound \(bound) must be in 1...1000")
    self.constants = constants
    self.bound = bound
    self.keyDigits = keyDigits
    var rows: [(key: Int64, value: Double, entry: Entry)] = []
    let r = Int32(bound)
    for (k, constant) in constants.enumerated() {
      let x = constant.value(.bits(64)).doubleValue
      for d1 in 0...r {
        for d0 in -r...r where d1 > 0 || d0 > 0 {
          let denominator = Double(d0) + Double(d1) * x
          if denominator == 0 { continue }
          for c1 in -r...r {
            for c0 in -r...r {
              if Int(c0) * Int(d1) == Int(c1) * Int(d0) { continue }
              if _gcd(_gcd(Int(c0), Int(c1)), _gcd(Int(d0), Int(d1))) != 1 { continue }
              let v = (Double(c0) + Double(c1) * x) / denominator
              rows.append((Self.key(v, digits: keyDigits), v, Entry(constant: k, c0: c0, c1: c1, d0: d0, d1: d1)))
            }
          }
        }
      }
    }
    rows.sort { $0.key < $1.key || ($0.key == $1.key && $0.value < $1.value) }
    keys = rows.map(\.key)
    values = rows.map(\.value)
    entries = rows.map(\.entry)
  }

  public var count: Int { entries.count }

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

  /// The entries whose value agrees with `v` to a relative 10^−(digits−1).
  public func matches(_ v: Double) -> [Entry] {
    guard v.isFinite, v != 0 else { return [] }
    var out: [Entry] = []
    let tolerance = Swift.abs(v) * _pow10(-(keyDigits - 1))
    var seen = Set<Int64>()
    for probe in [v * (1 - _pow10(-keyDigits)), v, v * (1 + _pow10(-keyDigits))] {
      let k = Self.key(probe, digits: keyDigits)
      guard seen.insert(k).inserted else { continue }
      var lo = 0
      var hi = keys.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if keys[mid] < k { lo = mid + 1 } else { hi = mid }
      }
      var i = lo
      while i < keys.count && keys[i] == k {
        if Swift.abs(values[i] - v) <= tolerance { out.append(entries[i]) }
        i += 1
      }
    }
    return out
  }

  /// The expression of an entry, e.g. `(e+1)/(e-1)` or `6/zeta(3)`, as another tool can read it.
  public func expression(_ e: Entry) -> ConstantExpression {
    let numerator = Self.linear(Int(e.c1), Int(e.c0), constants[e.constant])
    if e.d1 == 0 && e.d0 == 1 { return numerator }
    return numerator / Self.linear(Int(e.d1), Int(e.d0), constants[e.constant])
  }

  /// c1·x + c0, written with its signs: `2*x-3`, `-(x+1)`, `5-x`.
  static func linear(_ c1: Int, _ c0: Int, _ constant: Constant) -> ConstantExpression {
    let x = ConstantExpression(constant)
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
