extension Limit {
  /// Whether an extrapolated limit can add to this one: not exact, not proven divergent, fewer
  /// than `wanted` places certified.
  public func mayExtrapolate(wanted: Int) -> Bool {
    exactValue == nil && terminationIndex == nil && divergence == nil && digits < wanted
  }

  /// Whether the places grow like n (geometric convergence: the places at the checkpoint N/2 are
  /// at most 60% of those at N, with more than 3 at N) rather than like log n (a power law, where
  /// extrapolation is the way to more places); `nil` without an earlier checkpoint or with a
  /// vanishing denominator.
  public var placesGrowLinearly: Bool? {
    guard let earlier, !earlier.hasZeroDenominator, !final.hasZeroDenominator else { return nil }
    let now = -final.log10Difference
    return now > 3 && -earlier.log10Difference < 0.6 * now
  }
}
