/// The rule by which identification accepts a relation: it must hold to many more digits than it takes
/// to write down.
///
/// With n numbers known to D digits there are always integer relations among them with coefficients
/// of about D/(n−1) digits each — about D digits in all — that hold to all D digits by accident. This
/// is why PSLQ at low precision returns "relations" with coefficients near 10⁴ for any input. A
/// relation is therefore evidence only when the digits it holds to exceed the digits of its
/// coefficients by a wide factor. Identification accepts a relation only when
///
///     digits matched ≥ ratio × coefficient digits + margin      (by default 2 × c + 10)
///
/// where
/// - *digits matched* is the number of significant digits to which the value equals the closed form
///   (or the relation holds), never more than the digits the value is known to;
/// - *coefficient digits* is the total number of decimal digits of the relation's coefficients in the
///   basis searched, a zero counting as one digit, so a larger basis (more forms, more constants)
///   demands more digits: 6/ζ(3) found as x·ζ(3) − 6 = 0 in the basis (1, ζ(3), x, x·ζ(3)) has
///   coefficients (−6, 0, 0, 1), 4 digits, and needs 18 digits.
///
/// Further, a relation must hold to all the digits the value has, less `slack`, and when the value can
/// be recomputed, it is recomputed to `confirmationFactor` times as many digits and the closed form must
/// hold there as well (to those digits less `slack`); otherwise it is refuted. Every answer reports its
/// digits matched and the ratio digits matched / coefficient digits.
///
/// The ratio 2 is the "return on investment ≥ 2" rule of the later Ramanujan Machine research code;
/// the margin pays for the number of bases and forms tried (10 digits: 10¹⁰ tries).
/// - SeeAlso: D. H. Bailey, "Integer relation detection", Computing in Science & Engineering 2(1) (2000),
///   24–28, on the digits a relation of n coefficients of d digits needs (about n·d) and on confirming
///   a relation at a higher precision.
public struct PrecisionDiscipline: Sendable, Hashable {
  /// Digits matched per coefficient digit required (≥ 1).
  public var ratio: Int
  /// Digits required on top of ratio × coefficient digits (≥ 0).
  public var margin: Int
  /// Digits a relation may fall short of the digits the value is known to (≥ 0).
  public var slack: Int
  /// How many times more digits the recomputed value has for the confirmation (≥ 1).
  public var confirmationFactor: Int

  /// The discipline with the given parameters; the defaults are the rule above.
  /// Precondition: ratio ≥ 1, margin ≥ 0, slack ≥ 0, confirmationFactor ≥ 1.
  public init(ratio: Int = 2, margin: Int = 10, slack: Int = 2, confirmationFactor: Int = 2) {
    precondition(
      ratio >= 1 && margin >= 0 && slack >= 0 && confirmationFactor >= 1,
      "precision discipline ratio \(ratio), margin \(margin), slack \(slack), factor \(confirmationFactor)")
    self.ratio = ratio
    self.margin = margin
    self.slack = slack
    self.confirmationFactor = confirmationFactor
  }

  /// ratio × coefficientDigits + margin.
  public func requiredDigits(coefficientDigits: Int) -> Int { ratio * coefficientDigits + margin }

  /// Whether a relation with `coefficientDigits` holding to `digits` may be accepted.
  public func accepts(digits: Int, coefficientDigits: Int) -> Bool {
    digits >= requiredDigits(coefficientDigits: coefficientDigits)
  }

  /// The digits the shortest possible answer needs — a relation of two one-digit coefficients, such as
  /// x − 1 = 0: below it nothing can be identified.
  public var minimumDigits: Int { requiredDigits(coefficientDigits: 2) }

  /// The largest number of decimal digits a single coefficient may have in an acceptable relation of
  /// `count` coefficients at `digits`: the others take at least one digit each.
  public func largestCoefficientDigits(count: Int, digits: Int) -> Int {
    (digits - margin) / ratio - (count - 1)
  }
}
