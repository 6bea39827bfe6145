import Foundation
import Testing

@testable import Search
@testable import Store

@Suite struct SlowVerificationTests {
  /// Runs a spec given as JSON text into a fresh store and returns its hits by expression.
  static func hits(_ json: String) async throws -> [String: Hit] {
    let spec = try SearchSpec(json: json)
    let path = SearchRunTests.temporaryStore()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let space = SearchSpace(spec: spec, chunkSize: 64)
    let store = try SearchStore(path: path)
    let run = try store.run(for: spec, chunkSize: 64, chunkCount: space.chunkCount, programVersion: "test")
    try await SearchEngine(space: space).run(chunks: Array(0..<space.chunkCount), threads: 2) {
      try store.commit($0, run: run, shard: "0/1")
    }
    return Dictionary(try store.hits().map { ($0.hit.expression, $0.hit) }, uniquingKeysWith: { a, _ in a })
  }

  @Test("factorial reduction over a slice of zeta3-fr finds 1/ζ(3) and 2/(7ζ(3)−8) on extrapolated places")
  func zeta3() async throws {
    let found = try await Self.hits(
      """
      {"name": "zeta3-fr-slice", "mode": "factorial-reduction",
       "a": {"template": "x0*(n^3 + (n+1)^3) + x1*(2*n+1)"}, "b": {"template": "-x2^2*n^6"},
       "parameters": {"x0": [1, 2], "x1": [0, 3], "x2": [1, 2]}, "constants": ["zeta(3)"],
       "reduction_depth": 64, "reduction_threshold": 1.5, "verify_digits": 20, "verify_max_depth": 20000}
      """)
    for expression in ["1/zeta(3)", "2/(7*zeta(3)-8)"] {
      let hit = try #require(found[expression], "\(found.keys.sorted())")
      #expect(hit.digits >= 20)
      // Marked as extrapolated, with the method and both digit counts.
      #expect(hit.relation.contains("[extrapolated \(hit.digits) places, certified "), "\(hit.relation)")
      #expect(hit.relation.contains("Richardson"))
      // Stored apart: the flag, the method and both digit counts survive the store.
      #expect(hit.isExtrapolated && hit.extrapolation?.hasPrefix("Richardson in 1/n") == true)
      #expect((hit.certifiedDigits ?? .max) < hit.digits)
    }
  }

  @Test("the zeta5-fr analogue finds 1/ζ(5) = PCF(n⁵+(n+1)⁵, −n¹⁰)")
  func zeta5() async throws {
    let found = try await Self.hits(
      """
      {"name": "zeta5-fr-slice", "mode": "factorial-reduction",
       "a": {"template": "x0*(n^5 + (n+1)^5) + x1*(2*n+1)"}, "b": {"template": "-x2^2*n^10"},
       "parameters": {"x0": [1, 1], "x1": [-2, 2], "x2": [1, 1]}, "constants": ["zeta(5)"],
       "reduction_depth": 64, "reduction_threshold": 2.5, "verify_digits": 20, "verify_max_depth": 12000}
      """)
    let hit = try #require(found["1/zeta(5)"], "\(found.keys.sorted())")
    #expect(hit.a == "2n^5 + 5n^4 + 10n^3 + 10n^2 + 5n + 1" && hit.b == "-n^10")
    #expect(hit.relation.contains("extrapolated"))
  }
}
