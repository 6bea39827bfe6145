import ContinuedFractions
import Polynomials
import Search
import Store

extension Atlas {
  /// Members of a cluster plotted at most: a cluster of the whole blind-δ space holds hundreds of
  /// thousands, so every k-th member (by candidate index) is taken, k = ⌈size / this⌉.
  public static let clusterPoints = 200

  /// The blind-δ clusters of every run of `store` that has them, with a sample of each cluster's
  /// members (their canonical keys, δ and rate, from the stored features); `nil` when no run has
  /// clusters; at most `points` members of each are sampled. Cluster ids are the store's, prefixed by the spec's name when several runs have them.
  /// - Complexity: one pass over the stored features of each run with clusters; memory of the
  ///   membership table (one entry per clustered candidate) and of the samples.
  static func clusters(_ store: SearchStore, runs: [SearchStore.RunSummary], points: Int = clusterPoints)
    throws(StoreError) -> [Cluster]?
  {
    var found: [(SearchStore.RunSummary, [SearchStore.StoredCluster])] = []
    for summary in runs {
      let stored = try store.clusters(run: summary.run)
      if !stored.isEmpty { found.append((summary, stored)) }
    }
    guard !found.isEmpty else { return nil }
    var out: [Cluster] = []
    for (summary, stored) in found {
      let space = (try? SearchSpec(json: summary.spec)).map { SearchSpace(spec: $0, chunkSize: summary.run.chunkSize) }
      let membership = try store.clusterMembership(run: summary.run)
      var strides: [Int: Int] = [:]
      for c in stored { strides[c.id] = Swift.max(1, (c.size + points - 1) / Swift.max(1, points)) }
      var seen: [Int: Int] = [:]
      var members: [Int: [(canonicalKey: String, delta: Double, rate: Double)]] = [:]
      try store.forEachFeatureRow(run: summary.run) { row throws(StoreError) in
        guard let k = membership[row.index], let stride = strides[k] else { return }
        let ordinal = seen[k, default: 0]
        seen[k] = ordinal + 1
        guard ordinal % stride == 0 else { return }
        let key =
          space?.candidate(row.index).map { CanonicalForm.key(PCF(a: Polynomial($0.a), b: Polynomial($0.b))) }
          ?? "candidate \(row.index)"
        members[k, default: []].append((key, row.features.delta, row.features.rate))
      }
      for c in stored {
        let identified: String? =
          switch c.label {
          case "unidentified": nil
          case "rational": "rational"
          default: "\(c.label)\(c.identified > 0 ? " (\(c.identified) identified)" : "")"
          }
        out.append(
          Cluster(
            id: found.count > 1 ? "\(summary.run.specName) \(c.id)" : "\(c.id)", size: c.size,
            members: members[c.id] ?? [], identified: identified))
      }
    }
    return out
  }
}
