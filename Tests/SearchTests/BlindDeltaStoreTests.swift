import Foundation
import Testing

@testable import Search
@testable import Store

/// The blind-δ tables (schema version 4) in both backends: blobs round-trip, a store of version 3
/// is upgraded when opened for writing, features and clusters copy between SQLite and PostgreSQL.
@Suite struct BlindDeltaStoreTests {
  /// Bytes covering every value, a NUL first (a C string would stop there), and the empty blob.
  static let bytes: [[UInt8]] = [[0, 255, 92, 120, 39] + (0...255).map { UInt8($0) }, []]

  static func roundTrip(_ db: any StoreDatabase, cast: String) throws {
    for b in Self.bytes {
      let row = try #require(try db.query("SELECT ?\(cast)", [.blob(b)]).first)
      #expect(row == [.blob(b)])
    }
  }

  @Test("SQLite: blobs bind and read back byte for byte, the empty one included")
  func sqliteBlob() throws {
    try Self.roundTrip(SQLiteDatabase(path: StoreTests.temporary()), cast: "")
  }

  @Test(
    "PostgreSQL: bytea binds and reads back byte for byte, the empty one included",
    .enabled(if: testPostgresURL != nil, "RAMANUJAN_TEST_POSTGRES_URL is not set"))
  func postgresBlob() throws {
    let db = try PostgresDatabase(url: PostgresURL(try PostgresStoreTests.freshURL()), readOnly: false)
    try Self.roundTrip(db, cast: "::bytea")
    #expect(PostgresDatabase.hex([0, 15, 160, 255]) == "\\x000fa0ff")
    // A server writing bytea in the older escape format is read too.
    try db.execute("SET bytea_output = 'escape'")
    try Self.roundTrip(db, cast: "::bytea")
  }

  /// Makes the store at `db` one of `version` (3, before the blind-δ step): the tables of later steps dropped, `version` recorded.
  static func downgrade(_ db: any StoreDatabase, to version: Int) throws {
    for step in SearchStore.migrations where step.version > version {
      for table in step.tables { try db.execute("DROP TABLE \(table)") }
    }
    try db.query("UPDATE meta SET value = '\(version)' WHERE key = 'schema_version'")
  }

  @Test(
    "SQLite: a store of version 3 gains the blind-δ tables when opened for writing; reading waits for that",
    arguments: [3])
  func sqliteUpgrade(from version: Int) throws {
    let path = StoreTests.temporary()
    let before = try StoreTests.store(path, chunks: StoreTests.results.prefix(6)).hits()
    #expect(!before.isEmpty)
    try Self.downgrade(SQLiteDatabase(path: path), to: version)
    #expect(throws: StoreError.self) { try SearchStore(readingFrom: path) }
    do {
      _ = try SearchStore(readingFrom: path)
    } catch {
      #expect(error.message.contains("has schema version \(version), this program writes \(SearchStore.schemaVersion)"))
      #expect(error.message.contains("open it for writing once"))
    }
    let upgraded = try SearchStore(path: path)
    #expect(try StoreMigrationTests.version(upgraded.db) == "\(SearchStore.schemaVersion)")
    #expect(try upgraded.db.tableNames().isSuperset(of: SearchStore.tables))
    let reader = try SearchStore(readingFrom: path)
    #expect(try reader.hits() == before)
    #expect(try reader.featureCount() == 0 && reader.clusters().isEmpty)
  }

  @Test(
    "PostgreSQL: a store of version 3 gains the blind-δ tables when opened for writing",
    .enabled(if: testPostgresURL != nil, "RAMANUJAN_TEST_POSTGRES_URL is not set"), arguments: [3])
  func postgresUpgrade(from version: Int) throws {
    let url = try PostgresStoreTests.freshURL()
    let before = try PostgresStoreTests.store(url, chunks: StoreTests.results.prefix(6)).hits()
    try Self.downgrade(PostgresDatabase(url: PostgresURL(url), readOnly: false), to: version)
    #expect(throws: StoreError.self) { try SearchStore(readingFrom: url) }
    let upgraded = try SearchStore(path: url)
    #expect(try StoreMigrationTests.version(upgraded.db) == "\(SearchStore.schemaVersion)")
    #expect(try upgraded.db.tableNames().isSuperset(of: SearchStore.tables))
    #expect(try SearchStore(readingFrom: url).hits() == before)
  }

  @Test(
    "PostgreSQL: a blind-δ run's features and clusters go SQLite → PostgreSQL → SQLite unchanged",
    .enabled(if: testPostgresURL != nil, "RAMANUJAN_TEST_POSTGRES_URL is not set"))
  func postgresFeatures() async throws {
    let spec = try BlindDeltaTests.spec()
    // Written straight into PostgreSQL (commit in its transaction) and merged from SQLite shards.
    let direct = try PostgresStoreTests.freshURL()
    _ = try await BlindDeltaTests.run(spec, chunkSize: 8, threads: 2, path: direct)
    let file = try await BlindDeltaTests.run(spec, chunkSize: 8, threads: 1)
    let shared = try PostgresStoreTests.freshURL()
    for i in 0..<2 {
      let part = try await BlindDeltaTests.run(spec, chunkSize: 8, threads: 2, shard: (i, 2))
      #expect(try SearchStore(path: shared).merge(from: part) > 0)
    }
    let back = StoreTests.temporary()
    #expect(try SearchStore(path: back).merge(from: shared) > 0)
    func rows(_ path: String) throws -> [FeatureRow] {
      var out: [FeatureRow] = []
      try SearchStore(readingFrom: path).forEachFeatureRow { out.append($0) }
      return out
    }
    let expected = try rows(file)
    #expect(!expected.isEmpty)
    #expect(try rows(direct) == expected)
    #expect(try rows(shared) == expected)
    #expect(try rows(back) == expected)
    #expect(try SearchStore(path: shared).isComplete())
    // The cluster step in PostgreSQL stores what it stores in SQLite.
    let (_, outcome) = try BlindDeltaTests.analyse(file, spec, chunkSize: 8)
    let (_, sharedOutcome) = try BlindDeltaTests.analyse(shared, spec, chunkSize: 8)
    #expect(sharedOutcome.clusters == outcome.clusters)
    let reader = try SearchStore(readingFrom: shared)
    #expect(try reader.clusters() == outcome.clusters)
    #expect(try reader.hits().map(\.hit) == SearchStore(readingFrom: file).hits().map(\.hit))
    #expect(try reader.clusterMembership().count == outcome.members.count)
  }
}
