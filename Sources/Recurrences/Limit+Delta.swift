import Multiprecision

extension Limit {
  /// The irrationality-measure estimate δ at depth N: |L − p/q| = q^−(1+δ), with p/q the
  /// gcd-reduced convergent p(N)/q(N), so δ = −log|L − p/q| / log q − 1.
  ///
  /// - Parameters:
  ///   - reference: the limit L, as precise as the comparison needs.
  ///   - referenceDigits: how many decimal places of `reference` are correct (default: the places
  ///     its precision holds — its significant digits less those before the point — for a value
  ///     computed to that precision).
  /// δ is defined wherever q(N) ≠ 0 and p/q ≠ L, also at depths too shallow to certify a digit
  /// (depth 1 and 2 of a δ sequence): L is given, so nothing of the walk needs certifying.
  /// - Throws: `LimitError.referenceTooImprecise` when L has fewer correct places than
  ///   |L − p/q| needs (rather than returning a number that only measures the reference);
  ///   `zeroDenominator` when q(N) = 0; `terminates` for an exact value; `notConverging` when
  ///   the walk is proven divergent (L is then not its limit) or the reduced q is 1.
  /// - Complexity: one gcd of p(N), q(N) and one division at about the achieved precision.
  public func delta(reference: BigFloat, referenceDigits: Int? = nil) throws(LimitError) -> Double {
    try delta(reference: reference, referenceDigits: referenceDigits, reduction: nil)
  }

  /// δ with the reference taken from a deeper walk of the same object: its certified digits
  /// must exceed those the comparison needs, or this throws `referenceTooImprecise`.
  /// `reduction` reuses an already computed gcd of this limit.
  public func delta(against deeper: Limit, reduction: Reduction? = nil) throws(LimitError) -> Double {
    try deeper.requireConverging()
    let places = deeper.digits
    return try delta(reference: deeper.value(places: places + 10), referenceDigits: places, reduction: reduction)
  }

  /// Throws the status as an error unless the walk is converging.
  public func requireConverging() throws(LimitError) {
    switch status {
    case .converging: return
    case .notConverging: throw .notConverging(depth: depth)
    case .zeroDenominator: throw .zeroDenominator(depth: depth)
    case .terminates(let at): throw .terminates(at: at, value: exactValue?.description ?? "")
    }
  }

  /// Throws unless δ against a given reference is defined at this depth: q(N) ≠ 0, the value is
  /// not an exact termination, and the walk is not proven divergent. Certification is not needed.
  public func requireDeltaDefined() throws(LimitError) {
    if case .terminates(let at) = status { throw .terminates(at: at, value: exactValue?.description ?? "") }
    if final.q.isZero || (divergence != nil && status == .zeroDenominator) { throw .zeroDenominator(depth: depth) }
    if divergence != nil { throw .notConverging(depth: depth) }
  }

  /// δ reusing an already computed `Reduction` (gcd) of this limit.
  public func delta(reference: BigFloat, referenceDigits: Int?, reduction: Reduction?) throws(LimitError) -> Double {
    try requireDeltaDefined()
    // Correct decimal places of the reference: its significant digits less those before the point.
    let available =
      referenceDigits ?? (reference.precision.digits - max(0, Int(reference.log10Magnitude.rounded(.down)) + 1))
    let magnitude = max(integerDigits, Int(reference.log10Magnitude.rounded(.up)) + 1, 0)
    // |L − p/q| is at most the error estimate, typically a little below it: resolve it with margin.
    // Without a certified estimate (a shallow walk), |L − p/q| is about 1/q² or larger.
    let uncertified = Int((2 * final.q.log10Magnitude).rounded(.up))
    let expected = Int(-(errorLog10 ?? -Double(uncertified))) + Int((rate ?? 0).rounded(.up)) + 30
    let working = Precision.digits(max(expected, available) + magnitude + 20)
    let x = final.value(working)
    let difference = (BigFloat(reference, precision: working) - x).magnitude
    let differenceDigits = difference.isZero ? Int.max : Int((-difference.log10Magnitude).rounded(.up))
    guard differenceDigits <= available - 5 else {
      // The difference is at the reference's noise level: the real one lies beyond both it and
      // the error estimate of this walk.
      let needed = max(differenceDigits == .max ? available : differenceDigits, Int(-(errorLog10 ?? 0))) + 10
      throw .referenceTooImprecise(depth: depth, needed: needed, available: available)
    }
    let log10Reduced = (reduction ?? self.reduction()).log10ReducedDenominator
    guard log10Reduced > 0 else { throw .reducedDenominatorOne(depth: depth) }
    return -difference.log10Magnitude / log10Reduced - 1
  }
}
