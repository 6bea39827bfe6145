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
    let walks = matrix.walk(start: 1, depths: depths, threads: threads).map { initialMatrix.multiplied(by: $0) }
    let minors = log10ProductOfB(checkpoints: depths)
    let convergents = zip(depths, zip(walks, minors)).map {
      Convergents(depth: $0.0, matrix: $0.1.0, log10Minor: $0.1.1)
    }
    return Limit(
      final: convergents.last!, checkpoints: Array(convergents.dropLast()),
      alternations: convergents.map { alternates(after: $0) }, divergence: divergence)
  }
}
