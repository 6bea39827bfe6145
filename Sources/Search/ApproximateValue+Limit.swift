import Identification
import Recurrences

extension ApproximateValue {
  /// The value of a converging limit, known to the decimal places its walk certifies (turned
  /// into significant digits by `init(_:places:)`).
  public init(certified limit: Limit) {
    self.init(limit.value(places: limit.digits + 10), places: limit.digits)
  }
}
