import Ramanujan

/// The step after a blind-δ search (`ramanujan search` runs it once every chunk is done): cluster
/// the stored features, label and identify the clusters, store them with the new hits.
enum BlindDeltaStep {
  /// Runs the step on a complete store; returns a one-line summary, or `nil` when the store's run
  /// is not complete (other shards still to come: the step runs when the last one finishes, or on
  /// the merged store).
  static func run(store db: SearchStore, run: SearchStore.Run, space: SearchSpace) throws -> String? {
    guard space.spec.mode == .blindDelta, try db.isComplete(run: run) else { return nil }
    var rows: [FeatureRow] = []
    try db.forEachFeatureRow(run: run) { rows.append($0) }
    var hits: [Int: Hit] = [:]
    for h in try db.hits(run: run) { hits[h.hit.index] = h.hit }
    writeError("\(space.spec.name): clustering \(rows.count) feature rows and identifying the clusters\n")
    let outcome = BlindDeltaClusters.analyse(rows: rows, hits: hits, space: space)
    try db.replaceClusters(outcome.clusters, members: outcome.members, hits: outcome.hits, run: run)
    let unidentified = outcome.clusters.filter { $0.label == "unidentified" }.count
    let rational = outcome.clusters.filter { $0.label == "rational" }.count
    return "\(space.spec.name): \(outcome.clusters.count) clusters (\(outcome.members.count) members; "
      + "\(rational) rational, \(unidentified) unidentified), \(outcome.hits.count) hits from cluster identification"
  }
}
