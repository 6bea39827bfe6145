import Foundation
import Synchronization
import Testing

@testable import Search
@testable import Store

/// The URL of a PostgreSQL database the tests may fill (its password in PGPASSWORD or ~/.pgpass),
/// from RAMANUJAN_TEST_POSTGRES_URL; scripts/test-cluster.sh starts a server and sets it. Without
/// it the suite is skipped.
let testPostgresURL: String? = {
  let url = ProcessInfo.processInfo.environment["RAMANUJAN_TEST_POSTGRES_URL"] ?? ""
  return url.isEmpty ? nil : url
}()

/// The PostgreSQL store against a real server: each test in a schema of its own.
@Suite(.enabled(if: testPostgresURL != nil, "RAMANUJAN_TEST_POSTGRES_URL is not set"))
struct PostgresStoreTests {
  static let results = StoreTests.results
  static let chunkSize = StoreTests.chunkSize

  /// A new, empty schema of the test database, as a store URL whose connections use it.
  static func freshURL() throws -> String {
    let base = try #require(testPostgresURL)
    let schema = "t\(UInt64.random(in: 0...UInt64.max))"
    let admin = try PostgresDatabase(url: PostgresURL(base), readOnly: false)
    try admin.execute("CREATE SCHEMA \(schema)")
    return base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
  }

  static func store(_ url: String, chunks: some Sequence<SearchEngine.ChunkResult>) throws -> SearchStore {
    let store = try SearchStore(path: url)
    let run = try store.run(
      for: try StoreTests.spec(), chunkSize: chunkSize, chunkCount: results.count, programVersion: "test")
    for r in chunks { try store.commit(r, run: run, shard: "0/1") }
    return store
  }

  @Test("a PostgreSQL store holds what an SQLite store holds: hits in the same order, the same statistics")
  func sameAsSQLite() throws {
    let url = try Self.freshURL()
    let shared = try Self.store(url, chunks: Self.results)
    let file = try StoreTests.store(StoreTests.temporary(), chunks: Self.results)
    #expect(try shared.hits() == file.hits())
    #expect(try shared.hits(unverified: true) == file.hits(unverified: true))
    #expect(try shared.hits(constant: "e", minimumDigits: 200) == file.hits(constant: "e", minimumDigits: 200))
    #expect(try shared.statistics() == file.statistics())
    #expect(try shared.hits().count == Self.results.map(\.hits.count).reduce(0, +))
    // Reading it opens a read-only session.
    let reader = try SearchStore(readingFrom: url)
    #expect(try reader.hits() == file.hits())
    #expect(throws: StoreError.self) { try reader.db.execute("CREATE TABLE z(x int)") }
    #expect(shared.path == (try PostgresURL(url).redacted))
  }

  @Test("committing a chunk twice, from two connections, writes it once")
  func idempotentCommit() throws {
    let url = try Self.freshURL()
    let result = try #require(Self.results.first { !$0.hits.isEmpty })
    let first = try Self.store(url, chunks: [])
    let second = try SearchStore(path: url)
    let run = try #require(try first.runs().first)
    #expect(try first.commit(result, run: run, shard: "0/2"))
    #expect(try !second.commit(result, run: run, shard: "0/2"))
    #expect(try second.statistics()["chunks"] == 1)
    #expect(try second.hits().count == result.hits.count)
  }

  @Test("a chunk claimed by a live process is held; when its lease expires another process takes it over")
  func claims() throws {
    let url = try Self.freshURL()
    let a = try Self.store(url, chunks: [])
    let b = try SearchStore(path: url)
    a.leaseSeconds = 1
    b.leaseSeconds = 1
    let run = try #require(try a.runs().first)
    #expect(try a.claim(3, run: run) == .claimed)
    #expect(try b.claim(3, run: run) == .held)
    #expect(try a.claim(3, run: run) == .claimed)  // its own claim, renewed
    // `a` dies (it claims nothing more): after the lease, `b` takes the chunk.
    Thread.sleep(forTimeInterval: 1.3)
    #expect(try b.claim(3, run: run) == .claimed)
    #expect(try a.claim(3, run: run) == .held)
    #expect(try b.commit(Self.results[3], run: run, shard: "0/1"))
    #expect(try a.claim(3, run: run) == .done)
    // The late commit of the first owner changes nothing.
    #expect(try !a.commit(Self.results[3], run: run, shard: "0/1"))
    #expect(try a.db.query("SELECT count(*) FROM claims").first?.first?.int == 0)
  }

  @Test("a shard's iteration skips a chunk claimed by a dead process, then takes it over when its lease expires")
  func takeover() throws {
    let url = try Self.freshURL()
    let spec = try StoreTests.spec()
    let space = SearchSpace(spec: spec, chunkSize: Self.chunkSize)
    let dead = try Self.store(url, chunks: [])
    dead.leaseSeconds = 1
    let run = try #require(try dead.runs().first)
    #expect(try dead.claim(2, run: run) == .claimed)
    let start = Date()
    let live = try SearchStore(path: url)
    live.leaseSeconds = 1
    var pending = live.pendingChunks(run, in: space, shard: 0, of: 1)
    var order: [Int] = []
    while let c = try pending.next() {
      order.append(c)
      #expect(try live.commit(Self.results[c], run: run, shard: "0/1"))
    }
    // Every other chunk first, then chunk 2 once the dead process's lease ran out.
    #expect(order == Array(0..<space.chunkCount).filter { $0 != 2 } + [2])
    #expect(Date().timeIntervalSince(start) >= 0.9)
    #expect(try live.statistics() == (try StoreTests.store(StoreTests.temporary(), chunks: Self.results).statistics()))
  }

  @Test("processes sharing a shard hand out every chunk once between them")
  func sharedShard() throws {
    let url = try Self.freshURL()
    let spec = try StoreTests.spec()
    let space = SearchSpace(spec: spec, chunkSize: Self.chunkSize)
    _ = try Self.store(url, chunks: [])
    let handed = Mutex<[Int]>([])
    let committed = Mutex<Int>(0)
    let failures = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 3) { _ in
      do throws(StoreError) {
        let store = try SearchStore(path: url)
        store.leaseSeconds = 5  // looks again at chunks held by the others every 0.5 s
        let run = try store.run(for: spec, chunkSize: Self.chunkSize, chunkCount: space.chunkCount, programVersion: "t")
        var pending = store.pendingChunks(run, in: space, shard: 0, of: 1)
        while let c = try pending.next() {
          handed.withLock { $0.append(c) }
          if try store.commit(Self.results[c], run: run, shard: "0/1") { committed.withLock { $0 += 1 } }
        }
      } catch {
        failures.withLock { $0.append(error.message) }
      }
    }
    #expect(failures.withLock { $0 } == [])
    #expect(committed.withLock { $0 } == space.chunkCount)
    let reader = try SearchStore(readingFrom: url)
    #expect(try reader.statistics()["chunks"] == space.chunkCount)
    #expect(Set(handed.withLock { $0 }) == Set(0..<space.chunkCount))
  }

  @Test("two specs in one database stay apart; an SQLite store still refuses a second spec")
  func twoSpecs() throws {
    let url = try Self.freshURL()
    let e5 = try StoreTests.spec()
    let e6 = try StoreTests.spec(bound: 6)
    let store = try SearchStore(path: url)
    let r5 = try store.run(for: e5, chunkSize: Self.chunkSize, chunkCount: Self.results.count, programVersion: "t")
    let r6 = try store.run(for: e6, chunkSize: 500, chunkCount: 30, programVersion: "t")
    let runCount = try store.runs().count
    #expect(r5.id != r6.id && runCount == 2)
    for r in Self.results { try store.commit(r, run: r5, shard: "0/1") }
    #expect(try store.hits(run: r6).isEmpty && store.statistics(run: r6)["chunks"] == 0)
    #expect(try store.hits(run: r5).count == Self.results.map(\.hits.count).reduce(0, +))
    #expect(try store.doneChunks(r6).isEmpty && store.doneChunks(r5).count == Self.results.count)
    // The same spec with another chunk size is refused.
    #expect(
      throws: StoreError(
        "store '\(store.path)' was filled with --chunk-size 500 for spec 'e', not 1000: resume with the same chunk size"
      )
    ) {
      try store.run(for: e6, chunkSize: 1000, chunkCount: 15, programVersion: "t")
    }
  }

  @Test("merge copies SQLite shards into PostgreSQL and a run back into a file, same spec only")
  func mergeBothWays() throws {
    let url = try Self.freshURL()
    let half = Self.results.count / 2
    let shardA = try StoreTests.store(StoreTests.temporary(), chunks: Self.results[..<half])
    let shardB = try StoreTests.store(StoreTests.temporary(), chunks: Self.results[(half - 1)...])
    let shared = try SearchStore(path: url)
    #expect(try shared.merge(from: shardA.path) == half)
    #expect(try shared.merge(from: shardB.path) == Self.results.count - half)
    #expect(try shared.merge(from: shardB.path) == 0)
    let whole = try StoreTests.store(StoreTests.temporary(), chunks: Self.results)
    #expect(try shared.hits() == whole.hits())
    #expect(try shared.statistics() == whole.statistics())
    // Back into a file.
    let back = try SearchStore(path: StoreTests.temporary())
    #expect(try back.merge(from: url) == Self.results.count)
    #expect(try back.hits() == whole.hits() && back.statistics() == whole.statistics())
    // A second spec in the shared store: a file target takes the run of its own spec; a new file
    // needs the spec named.
    let other = try StoreTests.spec(bound: 6)
    _ = try shared.run(for: other, chunkSize: Self.chunkSize, chunkCount: 1, programVersion: "t")
    #expect(try back.merge(from: url) == 0)
    let fresh = try SearchStore(path: StoreTests.temporary())
    #expect(throws: StoreError.self) { try fresh.merge(from: url) }
    #expect(try fresh.runs().isEmpty)
    #expect(try fresh.merge(from: url, specHash: try StoreTests.spec().hashText) == Self.results.count)
    // A file of another spec cannot go into a file-run of this one.
    let foreign = try SearchStore(path: StoreTests.temporary())
    _ = try foreign.run(for: other, chunkSize: Self.chunkSize, chunkCount: 1, programVersion: "t")
    #expect(throws: StoreError.self) { try back.merge(from: foreign.path) }
    // Into the shared store, a run of a different chunk size is refused.
    let sized = try SearchStore(path: StoreTests.temporary())
    _ = try sized.run(for: try StoreTests.spec(), chunkSize: 500, chunkCount: 30, programVersion: "t")
    #expect(
      throws: StoreError("store '\(sized.path)' was filled with --chunk-size 500, this one with \(Self.chunkSize)")
    ) { try shared.merge(from: sized.path) }
  }

  @Test("schema: a new database is migrated once; a newer version or a foreign runs table is refused")
  func migrations() throws {
    let url = try Self.freshURL()
    let stores = Mutex<[String]>([])
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      do throws(StoreError) { _ = try SearchStore(path: url) } catch { stores.withLock { $0.append(error.message) } }
    }
    #expect(stores.withLock { $0 } == [])
    let store = try SearchStore(path: url)
    #expect(
      try store.db.query("SELECT value FROM meta WHERE key = 'schema_version'").first?.first?.string
        == "\(SearchStore.schemaVersion)")
    try store.db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    let message = "store '\(store.path)' has schema version 99, this program writes \(SearchStore.schemaVersion)"
    #expect(throws: StoreError(message)) { try SearchStore(path: url) }
    #expect(throws: StoreError(message)) { try SearchStore(readingFrom: url) }

    let foreign = try Self.freshURL()
    let db = try PostgresDatabase(url: PostgresURL(foreign), readOnly: false)
    try db.execute("CREATE TABLE runs(x int)")
    #expect(throws: StoreError("store '\(db.location)' is not a ramanujan search store (no meta table)")) {
      try SearchStore(path: foreign)
    }
    #expect(try db.tableNames() == ["runs"])
    let empty = try Self.freshURL()
    #expect(
      throws: StoreError("store '\(try PostgresURL(empty).redacted)' is not a ramanujan search store (no runs table)")
    ) {
      try SearchStore(readingFrom: empty)
    }
  }

  @Test("a lost connection is re-opened and the transaction run again")
  func reconnects() throws {
    let url = try Self.freshURL()
    let store = try Self.store(url, chunks: Self.results.prefix(2))
    let run = try #require(try store.runs().first)
    let pid = try #require(try store.db.query("SELECT pg_backend_pid()").first?.first?.int)
    let admin = try PostgresDatabase(url: PostgresURL(url), readOnly: false)
    try admin.query("SELECT pg_terminate_backend(?::int)", [.integer(pid)])
    #expect(try store.commit(Self.results[2], run: run, shard: "0/1"))
    #expect(try store.db.query("SELECT pg_backend_pid()").first?.first?.int != pid)
    #expect(try store.statistics()["chunks"] == 3)
  }

  @Test("a wrong password or an unreachable server is one line naming the URL without its password")
  func connectionErrors() throws {
    let base = try #require(testPostgresURL)
    let parsed = try PostgresURL(base)
    // The password given in the URL overrides PGPASSWORD.
    let wrong = base.replacingOccurrences(of: "@", with: ":not-the-password@", range: base.range(of: "@"))
    do {
      _ = try SearchStore(path: wrong)
      Issue.record("a wrong password was accepted")
    } catch {
      #expect(error.message.hasPrefix("cannot open store '\(parsed.redacted)': "))
      #expect(error.message.contains("password authentication failed"))
      #expect(!error.message.contains("not-the-password") && !error.message.contains("\n"))
    }
    do {
      _ = try SearchStore(path: "postgres://nobody@127.0.0.1:1/none")
      Issue.record("a closed port was accepted")
    } catch {
      #expect(error.message.hasPrefix("cannot open store 'postgres://nobody@127.0.0.1:1/none': "))
      #expect(!error.message.contains("\n"))
    }
  }
}

/// URLs: which text is one, and what is shown of it (never the password).
@Suite struct PostgresURLTests {
  @Test(
    "the password is taken out of what is shown",
    arguments: [
      ("postgres://u:secret@h:5432/db", "postgres://u@h:5432/db", true),
      ("postgresql://u@h/db?sslmode=require", "postgresql://u@h/db?sslmode=require", false),
      ("postgres://u@h/db?password=secret&sslmode=disable", "postgres://u@h/db?sslmode=disable", true),
      ("postgres://u:p%40ss@h1:5432,h2:5433/db?password=x", "postgres://u@h1:5432,h2:5433/db", true),
      ("POSTGRES://u:@[::1]/db", "POSTGRES://u@[::1]/db", true),
      ("postgres:///db", "postgres:///db", false),
    ])
  func redaction(_ text: String, _ shown: String, _ hasPassword: Bool) throws {
    let url = try PostgresURL(text)
    #expect(url.redacted == shown)
    #expect(url.hasPassword == hasPassword)
    #expect(url.connectionString == text)
    #expect(try StoreLocation(text) == .postgres(url))
  }

  @Test("the lease and the retry time come from the environment; a bad value is named")
  func environment() throws {
    #expect(try SearchStore.lease([:]) == 600 && SearchStore.lease(["RAMANUJAN_LEASE_SECONDS": "5"]) == 5)
    #expect(throws: StoreError("RAMANUJAN_LEASE_SECONDS must be a number of seconds, at least 1, got '0.5'")) {
      try SearchStore.lease(["RAMANUJAN_LEASE_SECONDS": "0.5"])
    }
    #expect(throws: StoreError("RAMANUJAN_LEASE_SECONDS must be a number of seconds, at least 1, got 'ten'")) {
      try SearchStore.lease(["RAMANUJAN_LEASE_SECONDS": "ten"])
    }
    #expect(try PostgresDatabase.retrySeconds([:]) == 300)
    #expect(try PostgresDatabase.retrySeconds(["RAMANUJAN_PG_RETRY_SECONDS": "0"]) == 0)
    #expect(throws: StoreError("RAMANUJAN_PG_RETRY_SECONDS must be a number of seconds, got '-1'")) {
      try PostgresDatabase.retrySeconds(["RAMANUJAN_PG_RETRY_SECONDS": "-1"])
    }
    #expect(throws: StoreError("RAMANUJAN_PG_RETRY_SECONDS must be a number of seconds, got 'inf'")) {
      try PostgresDatabase.retrySeconds(["RAMANUJAN_PG_RETRY_SECONDS": "inf"])
    }
  }

  @Test("paths stay SQLite files; spaces and control characters are refused without echoing the password")
  func locations() throws {
    #expect(try StoreLocation("e.db") == .sqlite(path: "e.db"))
    #expect(try StoreLocation("postgres.db") == .sqlite(path: "postgres.db"))
    #expect(try StoreLocation("./postgres://x") == .sqlite(path: "./postgres://x"))
    #expect(
      throws: StoreError(
        "store URL 'postgres://u@h/d?b' holds a space or control character (percent-encode it: a space is %20)")
    ) {
      try PostgresURL("postgres://u:pass word@h/d b")
    }
    #expect(
      PostgresDatabase.numbered("SELECT ?, '?', \"a?\", ? FROM t WHERE x = ?")
        == "SELECT $1, '?', \"a?\", $2 FROM t WHERE x = $3")
    #expect(PostgresDatabase.oneLine("a\n\tb  \n\nc\n") == "a; b; c")
  }
}
