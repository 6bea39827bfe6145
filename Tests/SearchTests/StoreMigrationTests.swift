import Foundation
import Testing

@testable import Search
@testable import Store

/// Versioned migrations: a later step (here a table of edges, as a later issue would add) upgrades
/// an existing store in place, once, keeping its results.
@Suite struct StoreMigrationTests {
  static let edges = StoreMigration(
    version: SearchStore.schemaVersion + 1, tables: ["edges"],
    sqlite: "CREATE TABLE IF NOT EXISTS edges(run_id INTEGER NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL);",
    postgres: "CREATE TABLE IF NOT EXISTS edges(run_id BIGINT NOT NULL, a BIGINT NOT NULL, b BIGINT NOT NULL);")
  static let steps = SearchStore.migrations + [edges]

  static func version(_ db: any StoreDatabase) throws -> String? {
    try db.query("SELECT value FROM meta WHERE key = 'schema_version'").first?.first?.string
  }

  /// Upgrades the store `db` (of the current version, holding some chunks) with the extra step.
  static func upgrade(_ db: any StoreDatabase, reopen: () throws -> SearchStore) throws {
    let before = try reopen().hits()
    #expect(!before.isEmpty)
    try SearchStore.migrate(db, steps: steps)
    #expect(try version(db) == "\(edges.version)")
    #expect(try db.tableNames().isSuperset(of: ["meta", "runs", "chunks", "hits", "unverified", "edges"]))
    try db.query("INSERT INTO edges(run_id, a, b) VALUES (1, 2, 3)")
    // Applied once: again, nothing changes.
    try SearchStore.migrate(db, steps: steps)
    #expect(try db.query("SELECT count(*) FROM edges").first?.first?.int == 1)
    // A store without a table its version promises is refused.
    #expect(throws: StoreError("store '\(db.location)' is not a ramanujan search store (no edges table)")) {
      try SearchStore.requireTables(
        try db.tableNames().subtracting(["edges"]), version: edges.version, location: db.location, steps: steps)
    }
    // This program (one version behind) refuses the upgraded store rather than misread it.
    let message =
      "store '\(db.location)' has schema version \(edges.version), this program writes \(SearchStore.schemaVersion)"
    #expect(throws: StoreError(message)) { try reopen() }
  }

  @Test("SQLite: a new step upgrades a store in place, once; the program before it refuses the result")
  func sqlite() throws {
    let path = StoreTests.temporary()
    _ = try StoreTests.store(path, chunks: StoreTests.results.prefix(6))
    try Self.upgrade(SQLiteDatabase(path: path)) { try SearchStore(path: path) }
  }

  @Test(
    "PostgreSQL: a new step upgrades a store in place, once; the program before it refuses the result",
    .enabled(if: testPostgresURL != nil, "RAMANUJAN_TEST_POSTGRES_URL is not set"))
  func postgres() throws {
    let url = try PostgresStoreTests.freshURL()
    _ = try PostgresStoreTests.store(url, chunks: StoreTests.results.prefix(6))
    try Self.upgrade(PostgresDatabase(url: PostgresURL(url), readOnly: false)) { try SearchStore(path: url) }
  }

  @Test("the schema steps are numbered 1, 2, … in order, and each names the tables it adds")
  func numbering() {
    #expect(SearchStore.migrations.map(\.version) == Array(1...SearchStore.schemaVersion))
    #expect(Set(SearchStore.tables).count == SearchStore.tables.count)
    #expect(SearchStore.tables.starts(with: ["meta", "runs", "chunks", "hits", "unverified"]))
  }
}
