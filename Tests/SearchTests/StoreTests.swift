import Foundation
import Synchronization
import Testing

@testable import Search
@testable import Store

@Suite struct StoreTests {
  static let eJSON = """
    {"name": "e", "a": {"degree": 1, "range": [-5, 5]}, "b": {"degree": 1, "range": [-5, 5]}, "constants": ["e"], "bound": 5}
    """
  static let chunkSize = 1000

  static func spec(bound: Int = 5) throws -> SearchSpec {
    try SearchSpec(json: eJSON.replacingOccurrences(of: "\"bound\": 5", with: "\"bound\": \(bound)"))
  }

  static func temporary(_ suffix: String = "db") -> String {
    "/tmp/ramanujan-store-test-\(UInt64.random(in: 0...UInt64.max)).\(suffix)"
  }

  /// Every chunk of the e space, computed once for all tests.
  static let results: [SearchEngine.ChunkResult] = {
    let space = SearchSpace(spec: try! spec(), chunkSize: chunkSize)
    let engine = SearchEngine(space: space)
    return (0..<space.chunkCount).map { engine.process(chunk: $0) }
  }()

  /// A store at `path` holding the e run and the given chunks.
  static func store(
    _ path: String, chunks: some Sequence<SearchEngine.ChunkResult>, journalMode: SearchStore.JournalMode = .wal
  ) throws -> SearchStore {
    let store = try SearchStore(path: path, journalMode: journalMode)
    let run = try store.run(
      for: try spec(), chunkSize: chunkSize, chunkCount: results.count, programVersion: "test")
    for r in chunks { try store.commit(r, run: run, shard: "0/1") }
    return store
  }

  static func journalMode(_ path: String) throws -> String? {
    try SQLiteDatabase(path: path, readOnly: true).query("PRAGMA journal_mode").first?.first?.string
  }

  static func tables(_ path: String) throws -> [String] {
    try SQLiteDatabase(path: path, readOnly: true)
      .query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").compactMap { $0[0].string }
  }

  @Test("committing a chunk already done, from this connection or another, changes nothing")
  func idempotentCommit() throws {
    let result = try #require(Self.results.first { !$0.hits.isEmpty })
    let path = Self.temporary()
    let first = try Self.store(path, chunks: [])
    let run = try first.run(for: try Self.spec(), chunkSize: Self.chunkSize, chunkCount: 15, programVersion: "test")
    #expect(try first.commit(result, run: run, shard: "0/2"))
    #expect(try !first.commit(result, run: run, shard: "0/2"))
    // A second process on the same store and shard.
    let second = try SearchStore(path: path)
    #expect(try !second.commit(result, run: run, shard: "0/2"))
    let stats = try second.statistics()
    #expect(stats["chunks"] == 1 && stats["hits"] == result.hits.count)
    #expect(try second.hits().count == result.hits.count)
  }

  @Test("processes starting on one new store at once record a single run")
  func concurrentRun() throws {
    let path = Self.temporary()
    let spec = try Self.spec()
    let outcomes = Mutex<[Result<Int, StoreError>]>([])
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      let outcome = Result { () throws(StoreError) -> Int in
        try SearchStore(path: path).run(for: spec, chunkSize: 1000, chunkCount: 15, programVersion: "test").id
      }
      outcomes.withLock { $0.append(outcome) }
    }
    let ids = try outcomes.withLock { list in try list.map { try $0.get() } }
    #expect(ids.count == 8 && Set(ids).count == 1)
    #expect(try SearchStore(path: path).runs().count == 1)
  }

  @Test("stores overlapping on chunks merge into consistent counts")
  func mergeOverlap() throws {
    let all = Self.results
    let withHits = try #require(all.firstIndex { !$0.hits.isEmpty })
    // The target did chunk `withHits` with another outcome (no hits); the source did it in full.
    var other = all[withHits]
    other.hits = []
    other.unverified = []
    let target = Self.temporary()
    let source = Self.temporary()
    _ = try Self.store(target, chunks: all[..<withHits] + [other])
    _ = try Self.store(source, chunks: all[withHits...])
    let store = try SearchStore(path: target)
    #expect(try store.merge(from: source) == all.count - withHits - 1)
    let stats = try store.statistics()
    #expect(stats["chunks"] == all.count)
    #expect(stats["hits"] == (try store.hits().count))
    #expect(stats["unverified"] == (try store.hits(unverified: true).count))
    #expect(stats["hits"] == all.map(\.hits.count).reduce(0, +) - all[withHits].hits.count)
    // Merging again copies nothing.
    #expect(try store.merge(from: source) == 0)
    #expect(try store.statistics() == stats)
    // Into an empty store: the union of both, each chunk once.
    let fresh = try SearchStore(path: Self.temporary())
    #expect(try fresh.merge(from: target) == all.count)
    #expect(try fresh.merge(from: source) == 0)
    #expect(try fresh.statistics() == stats)
    #expect(try fresh.hits() == (try store.hits()))
  }

  @Test("merge refuses a store of another spec or chunk size")
  func mergeGuards() throws {
    let e = try Self.spec()
    let target = Self.temporary()
    let store = try Self.store(target, chunks: [])
    let otherSpec = try Self.spec(bound: 6)
    let specPath = Self.temporary()
    _ = try SearchStore(path: specPath).run(for: otherSpec, chunkSize: 1000, chunkCount: 1, programVersion: "test")
    #expect(
      throws: StoreError(
        "store '\(specPath)' holds spec 'e' (hash \(otherSpec.hashText)), not 'e' (hash \(e.hashText))")
    ) {
      try store.merge(from: specPath)
    }
    let sizePath = Self.temporary()
    _ = try SearchStore(path: sizePath).run(for: e, chunkSize: 500, chunkCount: 30, programVersion: "test")
    #expect(throws: StoreError("store '\(sizePath)' was filled with --chunk-size 500, this one with 1000")) {
      try store.merge(from: sizePath)
    }
    #expect(try store.statistics()["chunks"] == 0 && store.runs().count == 1)
  }

  @Test("a store of another schema version is refused, for writing and for reading")
  func schemaVersion() throws {
    let path = Self.temporary()
    let newer = SearchStore.schemaVersion + 1
    try SearchStore(path: path).db.execute("UPDATE meta SET value = '\(newer)' WHERE key = 'schema_version'")
    let message = "store '\(path)' has schema version \(newer), this program writes \(SearchStore.schemaVersion)"
    #expect(throws: StoreError(message)) { try SearchStore(path: path) }
    #expect(throws: StoreError(message)) { try SearchStore(readingFrom: path) }
  }

  @Test("a file that is not a store is refused and left as it was")
  func notAStore() throws {
    let foreign = Self.temporary("sqlite")
    try SQLiteDatabase(path: foreign).execute("CREATE TABLE t(x)")
    let message = "store '\(foreign)' is not a ramanujan search store (no runs table)"
    #expect(throws: StoreError(message)) { try SearchStore(readingFrom: foreign) }
    #expect(throws: StoreError(message)) { try SearchStore(path: foreign) }
    #expect(throws: StoreError(message)) { try SearchStore(path: Self.temporary()).merge(from: foreign) }
    #expect(try Self.tables(foreign) == ["t"])
    #expect(try Self.journalMode(foreign) == "delete")

    let partial = Self.temporary()
    try SearchStore(path: partial).db.execute("DROP TABLE unverified")
    #expect(throws: StoreError("store '\(partial)' is not a ramanujan search store (no unverified table)")) {
      try SearchStore(readingFrom: partial)
    }

    let empty = Self.temporary()
    try Data().write(to: URL(fileURLWithPath: empty))
    #expect(throws: StoreError("store '\(empty)' is not a ramanujan search store (no runs table)")) {
      try SearchStore(readingFrom: empty)
    }
    let text = Self.temporary("txt")
    try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: text))
    #expect(throws: StoreError("store '\(text)': file is not a database")) { try SearchStore(readingFrom: text) }
    #expect(throws: StoreError("cannot open store '/nonexistent-dir/x.db': unable to open database file")) {
      try SearchStore(readingFrom: "/nonexistent-dir/x.db")
    }
    #expect(!FileManager.default.fileExists(atPath: "/nonexistent-dir/x.db"))
  }

  @Test("reading a store writes nothing: its journal mode stays and the connection is read-only")
  func readOnly() throws {
    let path = Self.temporary()
    let chunks = Self.results.prefix(4)
    _ = try Self.store(path, chunks: chunks, journalMode: .delete)
    #expect(try Self.journalMode(path) == "delete")
    let reader = try SearchStore(readingFrom: path)
    #expect(try reader.hits().count == chunks.map(\.hits.count).reduce(0, +))
    #expect(try reader.statistics()["chunks"] == 4)
    #expect(throws: StoreError("store '\(path)': attempt to write a readonly database")) {
      try reader.db.execute("CREATE TABLE z(x)")
    }
    // A merge source is read the same way.
    #expect(try SearchStore(path: Self.temporary()).merge(from: path) == 4)
    #expect(try Self.journalMode(path) == "delete")
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    // Opening for writing with the default mode switches to WAL.
    _ = try SearchStore(path: path, journalMode: .wal)
    #expect(try Self.journalMode(path) == "wal")
  }

  @Test("the journal mode comes from RAMANUJAN_SQLITE_JOURNAL, WAL when unset")
  func journalEnvironment() throws {
    #expect(try SearchStore.JournalMode(environment: [:]) == .wal)
    #expect(try SearchStore.JournalMode(environment: ["RAMANUJAN_SQLITE_JOURNAL": ""]) == .wal)
    #expect(try SearchStore.JournalMode(environment: ["RAMANUJAN_SQLITE_JOURNAL": "wal"]) == .wal)
    #expect(try SearchStore.JournalMode(environment: ["RAMANUJAN_SQLITE_JOURNAL": "DELETE"]) == .delete)
    #expect(throws: StoreError("RAMANUJAN_SQLITE_JOURNAL must be 'wal' or 'delete', got 'off'")) {
      try SearchStore.JournalMode(environment: ["RAMANUJAN_SQLITE_JOURNAL": "off"])
    }
  }
}
