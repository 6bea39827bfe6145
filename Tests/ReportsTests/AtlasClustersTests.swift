import ContinuedFractions
import Foundation
import Polynomials
import Testing

@testable import Reports
@testable import Search
@testable import Store

/// `Atlas.read` fills the clusters section from a blind-δ store.
@Suite struct AtlasClustersTests {
  static let spec = """
    {"name": "blind-atlas", "mode": "blind-delta", "depth": 64, "verify_digits": 20,
     "a": {"coefficients": [[0, 3], [0, 2]]}, "b": {"coefficients": [[-1, 1], [-1, 1]]},
     "catalog": ["pi", "e", "e^2", "sqrt(2)", "phi", "log(2)"],
     "cluster_radius": [0.01, 0.01], "cluster_min_size": 2, "identify_representatives": 1}
    """

  /// A store holding the whole small space and its clusters.
  static func store() async throws -> (String, SearchSpace) {
    let path = "/tmp/ramanujan-atlas-clusters-\(UInt64.random(in: 0...UInt64.max)).db"
    let spec = try SearchSpec(json: Self.spec)
    let space = SearchSpace(spec: spec, chunkSize: 16)
    let store = try SearchStore(path: path)
    let run = try store.run(for: spec, chunkSize: 16, chunkCount: space.chunkCount, programVersion: "test")
    try await SearchEngine(space: space).run(chunks: space.chunks(shard: 0, of: 1), threads: 2) {
      try store.commit($0, run: run, shard: "0/1")
    }
    var rows: [FeatureRow] = []
    try store.forEachFeatureRow { rows.append($0) }
    var hits: [Int: Hit] = [:]
    for h in try store.hits() { hits[h.hit.index] = h.hit }
    let outcome = BlindDeltaClusters.analyse(rows: rows, hits: hits, space: space)
    try store.replaceClusters(outcome.clusters, members: outcome.members, hits: outcome.hits)
    return (path, space)
  }

  @Test("clusters of a blind-δ store: ids, sizes, labels and members' δ and rate from the stored features")
  func fromStore() async throws {
    let (path, space) = try await Self.store()
    let store = try SearchStore(readingFrom: path)
    let stored = try store.clusters()
    #expect(!stored.isEmpty)
    let atlas = try Atlas.read(store: store, maxFormulas: 0)
    let clusters = try #require(atlas.clusters)
    #expect(clusters.map(\.id) == stored.map { "\($0.id)" })
    #expect(clusters.map(\.size) == stored.map(\.size))
    var features: [Int: ConvergenceFeatures] = [:]
    try store.forEachFeatureRow { features[$0.index] = $0.features }
    let membership = try store.clusterMembership()
    for (c, s) in zip(clusters, stored) {
      // Small clusters are shown whole: each member's key, δ and rate as stored.
      #expect(c.members.count == s.size)
      let expected = membership.filter { $0.value == s.id }.keys.sorted().map { index -> String in
        let candidate = space.candidate(index)!
        return CanonicalForm.key(PCF(a: Polynomial(candidate.a), b: Polynomial(candidate.b)))
      }
      #expect(c.members.map(\.canonicalKey) == expected)
      for m in c.members { #expect(features.values.contains { $0.delta == m.delta && $0.rate == m.rate }) }
      #expect(c.identified == (s.label == "unidentified" ? nil : c.identified))
      if s.label != "unidentified" { #expect(c.identified?.hasPrefix(s.label) == true) }
    }
    #expect(clusters.contains { $0.identified?.hasPrefix("e") == true })
    // Sampled: every k-th member, k = ⌈size / points⌉.
    let sampled = try #require(try Atlas.clusters(store, runs: store.runSummaries(), points: 2))
    for (c, s) in zip(sampled, stored) {
      let stride = (s.size + 1) / 2
      #expect(c.size == s.size && c.members.count == (s.size + stride - 1) / stride)
    }
    // The site has the clusters page, with every cluster's row.
    let site = AtlasSite(atlas)
    let page = try #require(site.pages.first { $0.name == "clusters.html" }?.html)
    for c in clusters { #expect(page.contains("<td>\(c.size)</td>")) }
  }

  @Test("a store without blind-δ clusters has no clusters section")
  func none() throws {
    let path = "/tmp/ramanujan-atlas-clusters-\(UInt64.random(in: 0...UInt64.max)).db"
    _ = try SearchStore(path: path)
    #expect(try Atlas.read(store: SearchStore(readingFrom: path), maxFormulas: 0).clusters == nil)
  }
}
