import ContinuedFractions
import Identification
import Multiprecision
import Recurrences

/// Identification of factorial-reduction candidates, no table: the limit, read to the places its
/// walk certifies, goes to the identification layer (rational and Möbius forms in each target
/// constant, PSLQ under the precision discipline), and an answer is confirmed on a deeper walk.
/// Limits that are rational (no constant in the expression) are not formulas of the constants.
enum FactorialReductionIdentifier {
  /// The expression and a relation text for a PCF's limit, or `nil` when the certified digits
  /// support none (too few digits, no relation within the bound, or refuted on confirmation).
  static func identify(_ pcf: PCF, spec: SearchSpec) -> (ConstantExpression, String)? {
    let read = VerifiedLimit(pcf, digits: spec.verifyDigits, maxDepth: spec.verifyMaxDepth)
    guard read.usable else { return nil }
    guard
      let identifier = try? Identifier(
        constants: spec.constants.map { ConstantExpression($0) }, maxCoefficient: BigInt(spec.bound).power(4),
        algebraicDegree: 1),
      let found = try? identifier.identify(
        read.approximate,
        recompute: { digits in
          let deeper = VerifiedLimit(pcf, digits: digits, maxDepth: 4 * spec.verifyMaxDepth)
          return deeper.usable ? deeper.approximate : nil
        }),
      let expression = found.expression, !expression.constants.isEmpty
    else { return nil }
    let confirmed = found.confirmedDigits.map { ", confirmed at \($0) digits" } ?? ", unconfirmed"
    return (expression, "fr \(found.relationText) (\(found.digits) digits, ratio \(found.ratio)\(confirmed))")
  }
}
