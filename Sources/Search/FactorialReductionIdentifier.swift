import ContinuedFractions
import Identification
import Multiprecision

/// Identification of factorial-reduction candidates against the spec's constants, no table:
/// the limit, read to the digits the walk certifies, is matched by the identification layer.
enum FactorialReductionIdentifier {
  /// The expression and relation text for a PCF's limit, or `nil` when nothing is supported by
  /// the certified digits.
  static func identify(_ pcf: PCF, spec: SearchSpec) -> (ConstantExpression, String)? {
    nil
  }
}
