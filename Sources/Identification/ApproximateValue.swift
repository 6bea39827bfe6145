import Multiprecision

/// A real number known to a number of significant digits: |value − true value| ≤ 10^−digits·|value|.
///
/// What identification works on: the digits bound what any relation can claim.
public struct ApproximateValue: Sendable {
  /// The value, rounded to a precision at least as fine as `digits`.
  public let value: BigFloat
  /// Correct significant digits (relative accuracy 10^−digits).
  public let digits: Int

  /// `value`, known to `digits` significant digits. Precondition: digits ≥ 0, value finite.
  public init(_ value: BigFloat, digits: Int) {
    precondition(digits >= 0, "negative digits \(digits)")
    precondition(value.isFinite, "value \(value) is not finite")
    self.value = value
    self.digits = digits
  }

  /// `value` known to `places` decimal places (absolute error ≤ 10^−places), as `Limit.digits` certifies:
  /// ⌊places + log10|value|⌋ significant digits (0 for a zero value).
  public init(_ value: BigFloat, places: Int) {
    let relative = value.isZero ? 0 : Int((Double(places) + value.log10Magnitude).rounded(.down))
    self.init(value, digits: Swift.max(0, relative))
  }

  /// The largest |decimal exponent| a value may have, 10^±1000000: identification works on the value's
  /// powers and products with constants, and no closed form within any bound it searches comes near.
  public static let exponentLimit = 1_000_000
  /// The most significant digits a decimal text may have: identification at this many digits takes
  /// seconds; beyond it, minutes to hours.
  public static let digitLimit = 100_000

  /// Parses a decimal number (`4.99144423548424481209875767293`, `-1.5e-3`) and takes it to be rounded
  /// or truncated in its last digit: one significant digit fewer than it has is certain
  /// (`3.14159` has 6 significant digits, so 5 are certain). Leading zeros are not significant.
  ///
  /// Throws `IdentificationError.emptyValue` for empty text, `.notANumber` for text that is not a
  /// decimal number ([+-]digits[.digits][e[+-]digits]), `.exponentOutOfRange` for a value beyond
  /// 10^±`exponentLimit`, `.tooManyDigits` for more than `digitLimit` significant digits.
  /// - Complexity: linear in the length of the text.
  public init(decimal text: String) throws(IdentificationError) {
    let trimmed = text._trimmed()
    guard !trimmed.isEmpty else { throw .emptyValue }
    guard let parts = _DecimalText(trimmed) else { throw .notANumber(_abbreviated(trimmed)) }
    guard parts.significantDigits <= Self.digitLimit else {
      throw .tooManyDigits(_abbreviated(trimmed), digits: parts.significantDigits, limit: Self.digitLimit)
    }
    if parts.significantDigits > 0 {
      guard let exponent = parts.adjustedExponent, Swift.abs(exponent) <= Self.exponentLimit else {
        throw .exponentOutOfRange(_abbreviated(trimmed), limit: Self.exponentLimit)
      }
    }
    let precision = Precision.digits(Swift.max(parts.significantDigits, 1) + 20)
    guard let value = BigFloat(trimmed, precision: precision), value.isFinite,
      value.isZero == (parts.significantDigits == 0)
    else { throw .notANumber(_abbreviated(trimmed)) }
    self.init(value, digits: Swift.max(0, parts.significantDigits - 1))
  }
}

/// The parts of a decimal number [+-]digits[.digits][(e|E)[+-]digits] (digits on at least one side of
/// the point); `nil` for any other text.
struct _DecimalText {
  /// Mantissa digits after the leading zeros.
  let significantDigits: Int
  /// The exponent of the first significant digit (⌊log10 |x|⌋ up to rounding); `nil` when it does
  /// not fit an Int. 0 for a zero value.
  let adjustedExponent: Int?

  init?(_ text: Substring) {
    let bytes = Array(text.utf8)
    var i = 0
    if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    var integerDigits = 0
    var fractionDigits = 0
    var firstNonZero: Int?  // index among the mantissa digits
    var count = 0
    while i < bytes.count, isDigit(bytes[i]) {
      if bytes[i] != UInt8(ascii: "0") && firstNonZero == nil { firstNonZero = count }
      count += 1
      integerDigits += 1
      i += 1
    }
    if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
      i += 1
      while i < bytes.count, isDigit(bytes[i]) {
        if bytes[i] != UInt8(ascii: "0") && firstNonZero == nil { firstNonZero = count }
        count += 1
        fractionDigits += 1
        i += 1
      }
    }
    guard count > 0 else { return nil }
    var exponent: Int? = 0
    if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
      i += 1
      var negative = false
      if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
        negative = bytes[i] == UInt8(ascii: "-")
        i += 1
      }
      let start = i
      while i < bytes.count, isDigit(bytes[i]) { i += 1 }
      guard i > start else { return nil }
      let digits = bytes[start..<i].drop { $0 == UInt8(ascii: "0") }
      // More than 18 digits is beyond any limit (and beyond Int).
      exponent =
        digits.count > 18 ? nil : (digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } * (negative ? -1 : 1))
    }
    guard i == bytes.count else { return nil }
    significantDigits = firstNonZero.map { count - $0 } ?? 0
    if let first = firstNonZero, let exponent {
      adjustedExponent = exponent + (integerDigits - 1 - first)
    } else {
      adjustedExponent = firstNonZero == nil ? 0 : nil
    }
  }
}

/// Text as error messages quote it: up to 60 characters whole, longer text as its first 30 and last 20
/// characters (where an exponent is) with its length said.
func _abbreviated(_ text: some StringProtocol) -> String {
  text.count <= 60 ? String(text) : "\(text.prefix(30))…\(text.suffix(20)) (\(text.count) characters)"
}
