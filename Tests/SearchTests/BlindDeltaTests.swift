import ContinuedFractions
import Foundation
import Identification
import Multiprecision
import Polynomials
import TestSupport
import Testing

@testable import Search
@testable import Store

@Suite struct BlindDeltaTests {
  /// a(n) = a0 + a1·n, b(n) = b0 + b1·n over small ranges: 108 candidates holding e, e − 1,
  /// 1/(e − 1), (e²+1)/(e²−1), φ and 1 + √2 (shared/validation/pcf-formulas.tsv).
  static let smallSpace = """
    {"name": "blind-small", "mode": "blind-delta", "depth": 64, "verify_digits": 20,
     "a": {"coefficients": [[0, 3], [0, 2]]}, "b": {"coefficients": [[-1, 1], [-1, 1]]},
     "catalog": ["pi", "e", "e^2", "sqrt(2)", "phi", "log(2)"],
     "cluster_radius": [0.01, 0.01], "cluster_min_size": 2, "identify_representatives": 1}
    """

  static func spec(_ text: String = smallSpace) throws -> SearchSpec { try SearchSpec(json: text) }

  /// Runs the whole space (or the chunks of one shard) into a new store; returns its path.
  static func run(
    _ spec: SearchSpec, chunkSize: Int, threads: Int, shard: (Int, Int) = (0, 1), path: String? = nil
  ) async throws -> String {
    let path = path ?? SearchRunTests.temporaryStore()
    let space = SearchSpace(spec: spec, chunkSize: chunkSize)
    let store = try SearchStore(path: path)
    let run = try store.run(for: spec, chunkSize: chunkSize, chunkCount: space.chunkCount, programVersion: "test")
    try await SearchEngine(space: space).run(chunks: space.chunks(shard: shard.0, of: shard.1), threads: threads) {
      try store.commit($0, run: run, shard: "\(shard.0)/\(shard.1)")
    }
    return path
  }

  /// The feature rows of a store and the outcome of the cluster step on them.
  static func analyse(_ path: String, _ spec: SearchSpec, chunkSize: Int) throws -> (
    [FeatureRow], BlindDeltaClusters.Outcome
  ) {
    let store = try SearchStore(path: path)
    var rows: [FeatureRow] = []
    try store.forEachFeatureRow { rows.append($0) }
    var hits: [Int: Hit] = [:]
    for h in try store.hits() { hits[h.hit.index] = h.hit }
    let outcome = BlindDeltaClusters.analyse(
      rows: rows, hits: hits, space: SearchSpace(spec: spec, chunkSize: chunkSize))
    try store.replaceClusters(outcome.clusters, members: outcome.members, hits: outcome.hits)
    return (rows, outcome)
  }

  @Test("a small space finds its known formulas end to end, each limit equal to its expression")
  func smallSpaceEndToEnd() async throws {
    let spec = try Self.spec()
    let path = try await Self.run(spec, chunkSize: 16, threads: 2)
    let (rows, outcome) = try Self.analyse(path, spec, chunkSize: 16)
    let store = try SearchStore(path: path)
    let hits = try store.hits().map(\.hit)
    func find(_ a: String, _ b: String) -> Hit? { hits.first { $0.a == a && $0.b == b } }
    #expect(find("n + 3", "-n")?.expression == "e")
    #expect(find("n + 1", "n + 1")?.expression == "e-1")
    #expect(find("n", "n")?.expression == "1/(e-1)")
    #expect(find("2n + 1", "1")?.expression != nil)
    #expect(find("1", "1")?.expression != nil)
    #expect(find("2", "1")?.expression != nil)
    #expect(!hits.isEmpty && rows.count >= hits.count)
    for h in hits {
      // Checked numerically at more digits than the search compared: never a wrong expression.
      let pcf = try PCF(a: h.a, b: h.b)
      let value = pcf.limit(digits: 80, maxDepth: 100_000).value(.digits(100))
      let expected = try ConstantExpression(parsing: h.expression).evaluate(.digits(100))
      #expect((value - expected).magnitude.log10Magnitude < -79, "\(h.a), \(h.b) = \(h.expression)")
      #expect(h.delta != nil && h.digits >= 20)
    }
    // Every candidate with features converges and has finite features; every hit has features.
    let indices = Set(rows.map(\.index))
    for h in hits { #expect(indices.contains(h.index)) }
    #expect(try store.featureCount() == rows.count)
    // Clusters are numbered by smallest member, hold at least cluster_min_size members, and the
    // stored ones read back equal.
    #expect(try store.clusters() == outcome.clusters)
    for (i, c) in outcome.clusters.enumerated() {
      #expect(c.id == i + 1 && c.size >= 2)
      #expect(outcome.members.filter { $0.cluster == c.id }.count == c.size)
    }
  }

  @Test("clusters identify members the table cannot express, against the catalog entries of their constants")
  func clusterIdentification() async throws {
    // Bound 1: the table holds (e²+1)/(e²−1) = PCF(2n + 1, 1) but not (e²−1)/2 = PCF(2n + 3, 1), its
    // tail; both fall in one cluster, whose constant e brings the entries e and e^2 to PSLQ.
    let text = Self.smallSpace.replacingOccurrences(of: #""depth": 64,"#, with: #""depth": 64, "bound": 1,"#)
    let spec = try Self.spec(text)
    let path = try await Self.run(spec, chunkSize: 16, threads: 2)
    let (_, outcome) = try Self.analyse(path, spec, chunkSize: 16)
    let found = try #require(outcome.hits.first { $0.a == "2n + 3" && $0.b == "1" })
    #expect(found.expression == "(e^2-1)/2" && found.relation.hasPrefix("blind-delta cluster: "))
    let cluster = try #require(outcome.members.first { $0.candidate == found.index }?.cluster)
    #expect(outcome.clusters[cluster - 1].label == "e")
    #expect(outcome.clusters.contains { $0.label == "rational" })
    let stored = try SearchStore(path: path).hits().map(\.hit)
    #expect(stored.contains(found))
    for h in stored {
      let value = try PCF(a: h.a, b: h.b).limit(digits: 80, maxDepth: 100_000).value(.digits(100))
      let expected = try ConstantExpression(parsing: h.expression).evaluate(.digits(100))
      #expect((value - expected).magnitude.log10Magnitude < -79, "\(h.a), \(h.b) = \(h.expression)")
    }
  }

  @Test("features and clusters are identical at any thread count and shard split")
  func deterministic() async throws {
    let spec = try Self.spec()
    let one = try await Self.run(spec, chunkSize: 8, threads: 1)
    let (rowsOne, outcomeOne) = try Self.analyse(one, spec, chunkSize: 8)
    // Three shards into three stores, merged; four threads.
    let merged = SearchRunTests.temporaryStore()
    for i in 0..<3 {
      let part = try await Self.run(spec, chunkSize: 8, threads: 4, shard: (i, 3))
      _ = try SearchStore(path: merged).merge(from: part)
    }
    #expect(try SearchStore(path: merged).isComplete())
    let (rowsMerged, outcomeMerged) = try Self.analyse(merged, spec, chunkSize: 8)
    #expect(rowsOne == rowsMerged)
    #expect(outcomeOne.clusters == outcomeMerged.clusters)
    #expect(outcomeOne.members.map(\.candidate) == outcomeMerged.members.map(\.candidate))
    #expect(outcomeOne.members.map(\.cluster) == outcomeMerged.members.map(\.cluster))
    #expect(outcomeOne.hits == outcomeMerged.hits)
  }

  @Test("features of a fast PCF: δ against the deeper walk, fits of the paper's model")
  func features() throws {
    // e = PCF(n + 3, −n): q(n) grows like n!, the gcd is trivial, δ(N) near −1 + ... (finite).
    let pcf = try PCF(a: "n + 3", b: "-n")
    let measured = try #require(ConvergenceFeatures.measure(pcf, depth: 128))
    let f = measured.features
    #expect(Swift.abs(f.value - 2.718281828459045) < 1e-15)
    // δ recomputed from its definition with the known limit.
    let limit = pcf.limit(depth: 128, threads: 1)
    let delta = try limit.delta(reference: Constant.e.value(.digits(600)))
    #expect(Swift.abs(f.delta - delta) < 1e-9)
    #expect(f.rate > 0 && f.digits > 200)
    #expect(ConvergenceFeatures(vector: f.vector) == f)
    #expect(f["delta"] == f.delta && f["nonsense"] == nil)
    // 1/ln 2 = PCF(1, n^2) converges like a power of n: few places are certified even at 2N, so the
    // features are read against x(2N) (the paper's reading), and δ stays within 10^−2 of δ against 1/ln 2.
    let slowPCF = try PCF(a: "1", b: "n^2")
    let slow = try #require(ConvergenceFeatures.measure(slowPCF, depth: 128)).features
    let inverseLog2 = 1 / Constant.log(2).value(.digits(300))
    let trueDelta = try slowPCF.limit(depth: 128, threads: 1).delta(reference: inverseLog2, referenceDigits: 295)
    #expect(slow.digits < 10, "\(slow.digits)")
    #expect(Swift.abs(slow.delta - trueDelta) < 1e-2, "\(slow.delta) vs \(trueDelta)")
    // With extrapolation, the features are read against the extrapolated 1/ln 2: δ as against 1/ln 2.
    let bounds = BlindExtrapolation(verifyDigits: 50, depth: 256)
    let extrapolated = try #require(ConvergenceFeatures.measure(slowPCF, depth: 256, extrapolation: bounds))
    let e = try #require(extrapolated.extrapolation)
    #expect(e.digits >= 50 && e.depth <= 512)
    #expect((BigFloat(e.value, precision: .digits(60)) - inverseLog2).magnitude.log10Magnitude < -50)
    let trueDelta256 = try slowPCF.limit(depth: 256, threads: 1).delta(reference: inverseLog2, referenceDigits: 295)
    #expect(Swift.abs(extrapolated.features.delta - trueDelta256) < 1e-9, "\(extrapolated.features.delta)")
    #expect(extrapolated.features.digits < 10)
    // Geometric convergence is never extrapolated, even with bounds given.
    let fast = try #require(ConvergenceFeatures.measure(pcf, depth: 128, extrapolation: bounds))
    #expect(fast.extrapolation == nil && fast.features == f)
    // A divergent fraction has no features.
    #expect(ConvergenceFeatures.measure(try PCF(a: "1", b: "-1"), depth: 64) == nil)
  }

  @Test("slowly converging PCFs are identified from extrapolated limits, marked so, and every such hit holds")
  func slowHits() async throws {
    // a ∈ {1, 2}, b = c1·n + c2·n² (c1 ∈ 0…2, c2 ∈ 1…4): power-law convergence for many; among
    // them 1/ln 2 = PCF(1, n²), 2/(π − 2) = PCF(1, n² + n) (catalog lookup) and 2/(4 − π) = PCF(2, n²)
    // (identified in its cluster).
    let spec = try Self.spec(
      """
      {"name": "blind-slow", "mode": "blind-delta", "depth": 256, "verify_digits": 30, "bound": 2,
       "a": {"coefficients": [[1, 2]]}, "b": {"coefficients": [[0, 0], [0, 2], [1, 4]]},
       "catalog": ["pi", "log(2)", "e"], "cluster_radius": [0.01, 0.01], "cluster_min_size": 2}
      """)
    let path = try await Self.run(spec, chunkSize: 8, threads: 2)
    _ = try Self.analyse(path, spec, chunkSize: 8)
    let hits = try SearchStore(path: path).hits().map(\.hit)
    func find(_ a: String, _ b: String) -> Hit? { hits.first { $0.a == a && $0.b == b } }
    let ln2 = try #require(find("1", "n^2"))
    #expect(ln2.expression == "1/log(2)" && ln2.relation.contains("[extrapolated ") && ln2.digits >= 30)
    #expect(find("1", "n^2 + n")?.expression == "2/(pi-2)")
    let cluster = try #require(find("2", "n^2"))
    #expect(cluster.expression == "-2/(pi-4)" && cluster.relation.hasPrefix("blind-delta cluster: "))
    for h in hits {
      // Checked against an independent extrapolation, deeper and to more places than the search's.
      let pcf = try PCF(a: h.a, b: h.b)
      let check = try #require(try? pcf.extrapolatedLimit(digits: 300, maxDepth: 8000, threads: 1).get())
      let expected = try ConstantExpression(parsing: h.expression).evaluate(.digits(320))
      #expect(check.digits > 2 * h.digits, "\(h.a), \(h.b)")
      #expect(
        (BigFloat(check.value, precision: .digits(320)) - expected).magnitude.log10Magnitude < -Double(check.digits),
        "\(h.a), \(h.b) = \(h.expression)")
      #expect(h.relation.contains("[extrapolated "), "\(h.relation)")
    }
  }

  @Test("least squares recovers exact coefficients")
  func leastSquares() throws {
    let ns = [125.0, 250, 500, 1000]
    let rows = ns.map { [$0 * log10($0), $0, log10($0)] }
    let values = ns.map { 2 * $0 * log10($0) - 0.5 * $0 + 3 * log10($0) }
    let x = try #require(_leastSquares(rows: rows, values: values))
    #expect(Swift.abs(x[0] - 2) < 1e-9 && Swift.abs(x[1] + 0.5) < 1e-9 && Swift.abs(x[2] - 3) < 1e-9)
    #expect(_leastSquares(rows: [[1, 2], [2, 4]], values: [1, 2]) == nil)
  }
}

@Suite struct DensityClusteringTests {
  typealias P = DensityClustering.Point

  @Test("two dense groups and a noise point; labels by smallest index")
  func groups() {
    var points: [P] = []
    for k in 0..<6 { points.append(P(index: 10 + k, x: 5 + 0.001 * Double(k), y: 1)) }
    for k in 0..<5 { points.append(P(index: k, x: 0.002 * Double(k), y: 0)) }
    points.append(P(index: 100, x: 50, y: 50))
    let labels = DensityClustering.cluster(points, radius: (0.01, 0.01), minSize: 5)
    #expect(labels == [2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 0])
  }

  @Test("a chain of core points is one cluster; a border point joins the nearest core's cluster")
  func chainAndBorder() {
    // Points every 0.5 along x with radius 1: each interior point has 5 neighbours (itself included).
    var points = (0..<20).map { P(index: $0, x: 0.5 * Double($0), y: 0) }
    points.append(P(index: 99, x: 9.4, y: 0.9))  // near core point 17 (x = 8.5) and border points: a border point
    let labels = DensityClustering.cluster(points, radius: (1, 1), minSize: 5)
    #expect(Set(labels) == [1])
    // Too few neighbours anywhere: all noise.
    #expect(DensityClustering.cluster(points, radius: (0.1, 0.1), minSize: 2).allSatisfy { $0 == 0 })
  }

  @Test("the labels do not depend on the order of the points (seeded shuffles)")
  func orderFree() {
    var generator = SeededGenerator(seed: 12)
    var points: [P] = []
    for k in 0..<400 {
      let centre = Double(k % 4) * 3
      points.append(
        P(
          index: k * 7 % 401, x: centre + Double.random(in: 0...1, using: &generator),
          y: Double.random(in: 0...1, using: &generator)))
    }
    let reference = DensityClustering.cluster(points, radius: (0.2, 0.2), minSize: 5)
    let byIndex = Dictionary(uniqueKeysWithValues: zip(points.map(\.index), reference))
    for _ in 0..<3 {
      let shuffled = points.shuffled(using: &generator)
      let labels = DensityClustering.cluster(shuffled, radius: (0.2, 0.2), minSize: 5)
      #expect(zip(shuffled, labels).allSatisfy { byIndex[$0.index] == $1 })
    }
    #expect(Set(reference).count >= 4)
  }
}
