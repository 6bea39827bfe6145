import ContinuedFractions
import Foundation
import Identification
import Multiprecision
import Polynomials
import Testing

@testable import Search
@testable import Store

@Suite struct SearchRunTests {
  static func spec(_ name: String) throws -> SearchSpec {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: "json"))
    return try SearchSpec(json: try String(contentsOf: url, encoding: .utf8))
  }

  static func temporaryStore() -> String {
    "/tmp/ramanujan-search-test-\(UInt64.random(in: 0...UInt64.max)).db"
  }

  /// Runs `chunks` of the space into the store at `path`.
  static func run(
    _ spec: SearchSpec, path: String, chunkSize: Int, chunks: [Int]? = nil, threads: Int = 2, shard: String = "0/1"
  ) async throws {
    let space = SearchSpace(spec: spec, chunkSize: chunkSize)
    let store = try SearchStore(path: path)
    let run = try store.run(for: spec, chunkSize: chunkSize, chunkCount: space.chunkCount, programVersion: "test")
    let done = try store.doneChunks(run)
    let todo = (chunks ?? Array(0..<space.chunkCount)).filter { !done.contains($0) }
    try await SearchEngine(space: space).run(chunks: todo, threads: threads) {
      try store.commit($0, run: run, shard: shard)
    }
  }

  static func hits(_ path: String) throws -> [Hit] { try SearchStore(path: path).hits().map(\.hit) }

  @Test("the e space finds the e formulas of the validation table")
  func eSpace() async throws {
    let path = Self.temporaryStore()
    try await Self.run(try Self.spec("e"), path: path, chunkSize: 4096)
    let hits = try Self.hits(path)
    func find(_ a: String, _ b: String) -> Hit? { hits.first { $0.a == a && $0.b == b } }
    // euler_e, e_inverse, e_plain of shared/validation/pcf-formulas.tsv.
    #expect(find("n + 1", "n + 1")?.expression == "e-1")
    #expect(find("n", "n")?.expression == "1/(e-1)")
    #expect(find("n + 3", "-n")?.expression == "e")
    for h in hits {
      #expect(h.digits >= 100)
      // Checked numerically, not by string: the limit agrees with the expression.
      let pcf = try PCF(a: h.a, b: h.b)
      let value = pcf.limit(digits: 60).value(.digits(80))
      let expected = try ConstantExpression(parsing: h.expression).evaluate(.digits(80))
      #expect((value - expected).magnitude.log10Magnitude < -59, "\(h.a), \(h.b) = \(h.expression)")
    }
    let stats = try SearchStore(path: path).statistics()
    #expect(stats["candidates"] == 14641 && stats["hits"] == hits.count)
    #expect(stats["filtered.sign_symmetry"]! > 0 && stats["filtered.b_vanishes"]! > 0)
  }

  @Test("the ζ(3) space holds Apéry's PCF")
  func zeta3Space() async throws {
    let path = Self.temporaryStore()
    try await Self.run(try Self.spec("zeta3"), path: path, chunkSize: 512)
    let hits = try Self.hits(path)
    let apery = try #require(hits.first { $0.a == "34n^3 + 51n^2 + 27n + 5" && $0.b == "-n^6" })
    #expect(apery.expression == "6/zeta(3)")
    #expect(apery.digits >= 100)
    // δ is stored at the verification depth: recompute it independently there.
    let limit = try PCF(a: apery.a, b: apery.b).limit(depth: apery.depth)
    let reference = try ConstantExpression(parsing: "6/zeta(3)").evaluate(.digits(limit.digits + 60))
    #expect(abs((apery.delta ?? 0) - (try limit.delta(reference: reference))) < 1e-9)
    // Slowly converging matches are verified on extrapolated places, marked as such with the
    // places their walk certified.
    let zetaMinusOne = try #require(hits.first { $0.a == "2n^3 + 3n^2 + 11n + 5" && $0.b == "-n^6" })
    #expect(zetaMinusOne.expression == "1/(zeta(3)-1)")
    #expect(zetaMinusOne.relation.contains("[extrapolated \(zetaMinusOne.digits) places, certified "))
    let certified = try PCF(a: zetaMinusOne.a, b: zetaMinusOne.b).limit(depth: zetaMinusOne.depth).digits
    #expect(certified < zetaMinusOne.digits)
  }

  @Test("factorial reduction finds ζ(3) formulas without a table, from few certified digits")
  func factorialReduction() async throws {
    let path = Self.temporaryStore()
    try await Self.run(try Self.spec("zeta3-fr"), path: path, chunkSize: 4096)
    let hits = try Self.hits(path)
    let slow = try #require(hits.first { $0.a == "2n^3 + 3n^2 + 11n + 5" && $0.b == "-n^6" })
    #expect(slow.expression == "1/(zeta(3)-1)")
    #expect(slow.relation.hasPrefix("fr x*zeta(3)-x-1 = 0"))
    #expect((slow.factorialDegree ?? 0) > 2.5)
    #expect(hits.contains { $0.a == "6n^3 + 9n^2 + 5n + 1" && $0.expression == "8/(7*zeta(3))" })
    for h in hits { #expect(h.constants == "zeta(3)" && h.digits >= 20) }
  }

  @Test("sharded, unsharded, one thread or two: identical stores")
  func shardsAndThreads() async throws {
    let spec = try Self.spec("e")
    let whole = Self.temporaryStore()
    try await Self.run(spec, path: whole, chunkSize: 1000, threads: 2)
    let sharded = Self.temporaryStore()
    let space = SearchSpace(spec: spec, chunkSize: 1000)
    for i in 0..<3 {
      try await Self.run(
        spec, path: sharded, chunkSize: 1000, chunks: Array(space.chunks(shard: i, of: 3)), threads: 1, shard: "\(i)/3")
    }
    #expect(try Self.hits(whole) == (try Self.hits(sharded)))
    #expect(try Self.hits(whole).count > 10)
  }

  @Test("a run stopped mid-way and resumed equals an uninterrupted one")
  func resume() async throws {
    let spec = try Self.spec("e")
    let full = Self.temporaryStore()
    try await Self.run(spec, path: full, chunkSize: 700)
    let resumed = Self.temporaryStore()
    try await Self.run(spec, path: resumed, chunkSize: 700, chunks: [0, 3, 7, 8])
    try await Self.run(spec, path: resumed, chunkSize: 700)
    #expect(try Self.hits(full) == (try Self.hits(resumed)))
    #expect(try SearchStore(path: resumed).statistics() == (try SearchStore(path: full).statistics()))
  }

  @Test("a store is not mixed with another spec, nor another chunk size")
  func storeGuards() throws {
    let path = Self.temporaryStore()
    let store = try SearchStore(path: path)
    let e = try Self.spec("e")
    let run = try store.run(for: e, chunkSize: 100, chunkCount: 147, programVersion: "test")
    #expect(run.specName == "e")
    let zeta3 = try Self.spec("zeta3")
    #expect(
      throws: StoreError(
        "store '\(path)' holds the run of spec 'e' (hash \(e.hashText)); spec 'zeta3' has hash \(zeta3.hashText): use another --store file"
      )
    ) {
      try store.run(for: zeta3, chunkSize: 100, chunkCount: 3, programVersion: "test")
    }
    #expect(
      throws: StoreError("store '\(path)' was filled with --chunk-size 100, not 200: resume with the same chunk size")
    ) {
      try store.run(for: e, chunkSize: 200, chunkCount: 74, programVersion: "test")
    }
  }

  @Test("an unwritable store path is a clear error")
  func unwritable() {
    #expect(throws: StoreError("cannot open store '/nonexistent-dir/x.db': unable to open database file")) {
      try SearchStore(path: "/nonexistent-dir/x.db")
    }
  }

  @Test("canonical keys group inflation, sign and shift")
  func canonicalKeys() throws {
    let pcf = try PCF(a: "2n+1", b: "n^2")
    let key = CanonicalForm.key(pcf)
    #expect(CanonicalForm.key(pcf.inflated(by: Polynomial([3]))) == key)
    #expect(CanonicalForm.key(PCF(a: -pcf.a, b: pcf.b)) == key)
    #expect(CanonicalForm.key(PCF(a: pcf.a.shifted(by: 2), b: pcf.b.shifted(by: 2))) == key)
    #expect(CanonicalForm.key(try PCF(a: "2n+1", b: "n^2+1")) != key)
  }

  @Test("the MITM table holds Möbius forms and finds Brouncker's 4/π")
  func table() throws {
    let table = MobiusTable(constants: [.pi], bound: 4, keyDigits: 10)
    let matches = table.matches(4 / Double.pi)
    #expect(matches.map { table.expression($0).description }.contains("4/pi"))
    #expect(table.matches(0.123456789).isEmpty)
    // Möbius forms with |coefficients| ≤ 4, gcd 1, normalised sign, non-degenerate.
    #expect(table.count > 1000 && table.count < 9 * 9 * 9 * 9 / 2)
  }
}
