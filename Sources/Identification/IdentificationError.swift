import Multiprecision

/// Input that identification cannot work with; "no relation" is not an error but `nil`.
public enum IdentificationError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The value's text is empty.
  case emptyValue
  /// The value's text is not a decimal number.
  case notANumber(String)
  /// The value's decimal exponent is beyond ±`limit`.
  case exponentOutOfRange(String, limit: Int)
  /// The value's text has more significant digits than `limit`.
  case tooManyDigits(String, digits: Int, limit: Int)
  /// The value is 0 to all its digits.
  case zeroValue
  /// The value has `digits` correct digits, fewer than the `needed` that the shortest answer needs.
  case precisionTooLow(digits: Int, needed: Int)
  /// A constant's name is not in the catalog.
  case unknownConstant(String)
  /// A constant of the list could not be read; `message` says where.
  case unreadableConstant(text: String, message: String)
  /// Entry `position` (1-based) of the constant list `list` is empty.
  case emptyConstant(position: Int, list: String)
  /// The same constant appears twice in the list.
  case duplicateConstant(String)
  /// Two constants of the list, spelled differently, are the same number.
  case equalConstants(String, String)
  /// A constant of the list is a rational number.
  case rationalConstant(String)
  /// A constant could not be evaluated; `message` says why.
  case constantNotEvaluable(text: String, message: String)
  /// The constants satisfy `relation` (to `digits` digits), so they are no basis.
  case dependentConstants(relation: String, digits: Int)
  /// The largest coefficient allowed is below 1.
  case invalidBound(String)
  /// The algebraic degree asked for is outside 1...maxDegree.
  case invalidDegree(Int, maxDegree: Int)

  public var description: String {
    switch self {
    case .emptyValue:
      return "the value is empty; give a decimal number such as 4.99144423548424481209875767293"
    case .notANumber(let text):
      return "'\(text)' is not a decimal number"
    case .exponentOutOfRange(let text, let limit):
      return "'\(text)' is out of range: identification takes values between 1e-\(limit) and 1e\(limit) in magnitude"
    case .tooManyDigits(let text, let digits, let limit):
      return "'\(text)' has \(digits) significant digits; identification takes at most \(limit)"
    case .zeroValue:
      return "the value is 0 to all its digits: there is nothing to identify"
    case .precisionTooLow(let digits, let needed):
      return "the value has \(digits) correct digits, too few to identify anything: the shortest relation "
        + "needs \(needed) (see the precision discipline); give more digits"
    case .unknownConstant(let name):
      return ConstantError.unknown(name).description
    case .unreadableConstant(let text, let message):
      return "cannot read the constant '\(_escapedControls(text))': \(message)"
    case .emptyConstant(let position, let list):
      return "constant \(position) of '\(_escapedControls(list))' is empty"
    case .duplicateConstant(let name):
      return "the constant \(name) is listed twice"
    case .equalConstants(let first, let second):
      return "the constants \(first) and \(second) are the same number (equal to 50 digits); list it once"
    case .rationalConstant(let text):
      return "the constant \(text) is a rational number: rational values are found without it; remove it"
    case .constantNotEvaluable(let text, let message):
      return "cannot evaluate the constant '\(text)': \(message)"
    case .dependentConstants(let relation, let digits):
      return "the constants are not independent: \(relation) holds to \(digits) digits; remove one of them"
    case .invalidBound(let text):
      return "the largest coefficient must be at least 1, got \(text)"
    case .invalidDegree(let degree, let maxDegree):
      return "the algebraic degree must be in 1...\(maxDegree), got \(degree)"
    }
  }
}
