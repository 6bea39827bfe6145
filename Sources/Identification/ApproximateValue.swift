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

  /// Parses a decimal number (`4.99144423548424481209875767293`, `-1.5e-3`) and takes it to be rounded
  /// or truncated in its last digit: one significant digit fewer than it has is certain
  /// (`3.14159` has 6 significant digits, so 5 are certain). Leading zeros are not significant.
  ///
  /// Throws `IdentificationError.emptyValue` for empty text, `.notANumber` for text that is not a
  /// decimal number.
  public init(decimal text: String) throws(IdentificationError) {
    let trimmed = text._trimmed()
    guard !trimmed.isEmpty else { throw .emptyValue }
    let mantissa = trimmed.prefix { $0 != "e" && $0 != "E" }
    let significant = mantissa.filter(\.isNumber).drop { $0 == "0" }.count
    guard let value = BigFloat(trimmed, precision: .digits(Swift.max(significant, 1) + 20)), value.isFinite else {
      throw .notANumber(String(trimmed))
    }
    self.init(value, digits: Swift.max(0, significant - 1))
  }
}
