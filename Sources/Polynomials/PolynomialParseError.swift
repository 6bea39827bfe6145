/// Why a polynomial could not be read from text; the message names the column and the text, on one
/// line (control characters in the text are shown as escapes such as `\n`).
public struct PolynomialParseError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The whole input.
  public let input: String
  /// 1-based column of the first character that could not be read.
  public let column: Int
  /// What went wrong there.
  public let reason: String

  public var description: String {
    _ExpressionLimits.escaped("cannot read polynomial '\(input)' at column \(column): \(reason)")
  }
}
