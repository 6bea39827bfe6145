/// A working precision for real numbers, held in bits; built from decimal digits or bits.
///
/// `Precision.digits(d)` has ⌈d·log2(10)⌉ bits: enough to hold d significant decimal digits.
@frozen
public struct Precision: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Bits of mantissa (≥ 2, MPFR's minimum... up to MPFR's maximum).
  public let bits: Int

  /// Log2(10), for converting digits to bits.
  public static let bitsPerDigit = 3.321_928_094_887_362_3

  /// A precision of `bits` bits. Precondition: bits ≥ 2.
  public static func bits(_ bits: Int) -> Precision {
    precondition(bits >= 2, "precision of \(bits) bits is below 2")
    return Precision(bits: bits)
  }

  /// A precision holding `digits` significant decimal digits. Precondition: digits ≥ 1.
  public static func digits(_ digits: Int) -> Precision {
    precondition(digits >= 1, "precision of \(digits) digits is below 1")
    return Precision(bits: max(2, Int((Double(digits) * bitsPerDigit).rounded(.up))))
  }

  /// The decimal digits this precision holds, ⌊bits·log10(2)⌋.
  public var digits: Int { Int(Double(bits) / Precision.bitsPerDigit) }

  /// This precision plus `bits` guard bits.
  public func adding(bits extra: Int) -> Precision { .bits(bits + extra) }

  public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.bits < rhs.bits }
  public var description: String { "\(bits) bits (\(digits) digits)" }
}
