import Testing

@testable import Ramanujan
@testable import RamanujanCLI

@Suite struct BlindDeltaCommandTests {
  /// a(n) = a0 + a1·n, b(n) = b0 + b1·n: e = PCF(n + 3, −n), e − 1 = PCF(n + 1, n + 1), φ = PCF(1, 1), ….
  static let spec = """
    {"name": "blind-cli", "mode": "blind-delta", "depth": 64, "verify_digits": 20,
     "a": {"coefficients": [[0, 3], [0, 2]]}, "b": {"coefficients": [[-1, 1], [-1, 1]]},
     "catalog": ["e", "e^2", "sqrt(2)", "phi"], "cluster_radius": [0.01, 0.01], "cluster_min_size": 2,
     "identify_representatives": 1}
    """

  func temporary(_ suffix: String) -> String { "/tmp/ramanujan-cli-\(UInt64.random(in: 0...UInt64.max))-\(suffix)" }

  @Test("search clusters a complete blind-delta store; hits --clusters lists them as text, TSV and JSON")
  func clusters() async throws {
    let spec = temporary("blind.json")
    try write(Self.spec, to: spec)
    let store = temporary("blind.db")
    // Two shards one after another on one store: the cluster step runs when the run is complete.
    try await SearchCommand.parse([spec, "--store", store, "--chunk-size", "16", "--shard", "0/2"]).run()
    #expect(try HitsCommand.parse(["--store", store, "--clusters"]).lines().isEmpty)
    try await SearchCommand.parse([spec, "--store", store, "--chunk-size", "16", "--shard", "1/2"]).run()
    let text = try HitsCommand.parse(["--store", store, "--clusters"]).lines()
    #expect(!text.isEmpty)
    #expect(text.allSatisfy { $0.hasPrefix("cluster ") && $0.contains(" PCFs, delta ") && $0.contains("e.g. PCF(") })
    let json = try HitsCommand.parse(["--store", store, "--clusters", "--format", "json"]).lines()
    #expect(json.count == text.count && json[0].hasPrefix("{\"cluster\": 1, \"size\": "))
    let tsv = try HitsCommand.parse(["--store", store, "--clusters", "--format", "tsv"]).lines()
    #expect(
      tsv[0] == "cluster\tsize\tdelta_min\tdelta_max\trate_min\trate_max\tlabel\tidentified\trepresentative\ta\tb")
    #expect(tsv.count == text.count + 1)
    let hits = try HitsCommand.parse(["--store", store]).lines()
    #expect(hits.contains { $0.hasPrefix("PCF(n + 3, -n) = e  [") })
    // Clustered hits name their cluster.
    #expect(hits.contains { $0.contains(", cluster ") && $0.hasSuffix("]") })
  }

  @Test("--clusters with a hit filter is a usage error naming the options")
  func rejection() throws {
    let combined = try CLIRun.run(["hits", "--store", "/nonexistent.db", "--clusters", "--unique"])
    #expect(combined.status == 64)
    #expect(
      combined.message
        == "--clusters lists clusters: it cannot be combined with --unverified, --unique, --constant or --min-digits")
  }
}
