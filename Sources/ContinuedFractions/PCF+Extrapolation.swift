import Multiprecision
import Recurrences

extension PCF {
  /// The convergents p(n)/q(n) as a sequence for extrapolation (`ConvergentSequence`).
  public var convergentSequence: ConvergentSequence {
    ConvergentSequence(matrix: matrix, start: 1, initial: initialMatrix)
  }

  /// An extrapolated limit with at least `digits` places when the convergents up to `maxDepth`
  /// allow it (see `Extrapolation`); a fraction proven divergent (`divergence`) or terminating is
  /// never extrapolated. `check` sees each depth before it is walked.
  public func extrapolatedLimit(digits: Int, maxDepth: Int, threads: Int = availableCores) -> Result<
    Extrapolation, ExtrapolationFailure
  > {
    extrapolatedLimit(digits: digits, maxDepth: maxDepth, threads: threads, check: { _ in })
  }

  /// `extrapolatedLimit(digits:maxDepth:threads:)`, calling `check` with each depth before it is
  /// walked; what `check` throws ends the search.
  public func extrapolatedLimit(
    digits: Int, maxDepth: Int, threads: Int = availableCores, firstPassOnly: Bool = false,
    check: (Int) throws -> Void
  ) rethrows -> Result<Extrapolation, ExtrapolationFailure> {
    if let divergence { return .failure(ExtrapolationFailure("the fraction diverges: \(divergence)")) }
    if let stop = terminationIndex(upTo: maxDepth) {
      return .failure(ExtrapolationFailure("the fraction terminates at n = \(stop): its value is exact"))
    }
    return try convergentSequence.extrapolatedLimit(
      digits: digits, maxDepth: maxDepth, threads: threads, firstPassOnly: firstPassOnly, check: check)
  }
}
