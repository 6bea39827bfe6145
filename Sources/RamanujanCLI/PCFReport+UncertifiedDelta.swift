import Ramanujan

extension PCFReport {
  /// δ of a walk that certifies no place (too shallow, or not seen to converge) against a given
  /// limit L: |L − p/q| = q^−(1+δ) needs only q(N) ≠ 0 and p/q ≠ L, so δ sequences can start at
  /// depth 1. Without a reference δ would need the walk's own deeper value, which is not
  /// certified here: undefined.
  static func uncertifiedDelta(_ limit: Limit, reference: ConstantExpression?, computeDelta: Bool) -> (
    reduction: Limit.Reduction?, delta: Double?, note: String?
  ) {
    if reference != nil && !computeDelta { return (nil, nil, "not computed (--no-delta)") }
    guard let reference, limit.status == .notConverging || limit.status == .zeroDenominator else {
      return (nil, nil, "undefined: the limit is not read from converging convergents")
    }
    do {
      try limit.requireDeltaDefined()
      // |L − p/q| is resolved with about 2·log10 q places (more when p/q is much closer).
      let places = Int((2 * limit.final.q.log10Magnitude).rounded(.up)) + 60
      let value = try reference.evaluate(.digits(places + limit.integerDigits))
      let reduction = limit.reduction()
      return (reduction, try limit.delta(reference: value, referenceDigits: nil, reduction: reduction), nil)
    } catch {
      return (nil, nil, "\(error)")
    }
  }
}

extension PCFReport {
  /// Whether δ was asked for (not `--no-delta`), judged from its note.
  var computedDeltaAsked: Bool { deltaNote != "not computed (--no-delta)" }
}
