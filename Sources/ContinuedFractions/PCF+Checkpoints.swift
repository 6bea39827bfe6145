import Recurrences

extension PCF {
  /// The limit read at the last of `depths`, with the others as its checkpoints: one product tree
  /// through all of them, as `limit(depth:threads:)` does with its own checkpoints N/2^k. The
  /// checkpoints must hold at least three depths in [N/8, N] for digits to be certified (see
  /// `Limit.Convergence`). A fraction that terminates by the last depth is read as
  /// `limit(depth:threads:)` reads it.
  /// - Precondition: depths ascending, distinct, the first ≥ 2.
  /// - Complexity: one product tree to the last depth, plus one multiplication per checkpoint.
  public func limit(depths: [Int], threads: Int = availableCores) -> Limit {
    precondition(
      (depths.first ?? 0) >= 2 && zip(depths, depths.dropFirst()).allSatisfy { $0 < $1 },
      "checkpoint depths \(depths) must ascend from at least 2")
    let depth = depths.last!
    if terminationIndex(upTo: depth) != nil { return limit(depth: depth, threads: threads) }
    return limit(through: depths, threads: threads, structural: true)
  }
}
