/// One step of the store's schema: the statements taking a store from `version - 1` to `version`,
/// in each backend's dialect.
///
/// Adding a table (or a column, or an index) is one new step at the end of
/// `SearchStore.migrations`, with the next version number, its SQL for SQLite and for PostgreSQL,
/// and the tables it adds. Opening a store for writing applies the steps it lacks, in order, in
/// one transaction together with the new version number (PostgreSQL under an advisory lock, so
/// that tasks starting at once migrate once); opening it for reading requires the latest version.
struct StoreMigration: Sendable {
  let version: Int
  /// Tables this step adds, which every store of this version or later must hold.
  let tables: [String]
  let sqlite: String
  let postgres: String

  func sql(_ backend: StoreBackend) -> String { backend == .sqlite ? sqlite : postgres }
}

extension SearchStore {
  /// The schema, step by step; `schemaVersion` is the last step's version.
  ///
  /// Version 1: `meta` (key, value: holds `schema_version`), `runs`, `chunks`, `hits`,
  /// `unverified`; PostgreSQL also has `claims` (a chunk being worked on: its owner and the time
  /// its lease expires). Time stamps are UTC text `YYYY-MM-DD HH:MM:SS` in both backends, so that
  /// rows copy between them unchanged.
  ///
  /// Version 2: `relations`, `placements` (SearchStore+Relations.swift).
  /// Version 3: `certified_digits`, `extrapolation` of hits (below).
  /// Version 4: the blind-δ tables `features`, `clusters`, `cluster_members`
  /// (SearchStore+Features.swift).
  static let migrations: [StoreMigration] = [
    StoreMigration(
      version: 1, tables: ["meta", "runs", "chunks", "hits", "unverified"],
      sqlite: """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runs(
          id INTEGER PRIMARY KEY, spec_name TEXT NOT NULL, spec_hash TEXT NOT NULL UNIQUE, spec TEXT NOT NULL,
          program_version TEXT NOT NULL, chunk_size INTEGER NOT NULL, chunk_count INTEGER NOT NULL,
          created_at TEXT NOT NULL DEFAULT (datetime('now')));
        CREATE TABLE IF NOT EXISTS chunks(
          run_id INTEGER NOT NULL REFERENCES runs(id), chunk INTEGER NOT NULL, shard TEXT NOT NULL,
          candidates INTEGER NOT NULL, filtered TEXT NOT NULL, screened INTEGER NOT NULL, converged INTEGER NOT NULL,
          matched INTEGER NOT NULL, unverified INTEGER NOT NULL, hits INTEGER NOT NULL,
          done_at TEXT NOT NULL DEFAULT (datetime('now')), PRIMARY KEY(run_id, chunk));
        CREATE TABLE IF NOT EXISTS hits(
          run_id INTEGER NOT NULL REFERENCES runs(id), candidate INTEGER NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
          canonical_key TEXT NOT NULL, constants TEXT NOT NULL, expression TEXT NOT NULL, relation TEXT NOT NULL,
          digits INTEGER NOT NULL, depth INTEGER NOT NULL, delta REAL, rate REAL, factorial_degree REAL,
          PRIMARY KEY(run_id, candidate));
        CREATE INDEX IF NOT EXISTS hits_by_key ON hits(canonical_key);
        CREATE TABLE IF NOT EXISTS unverified(
          run_id INTEGER NOT NULL REFERENCES runs(id), candidate INTEGER NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
          canonical_key TEXT NOT NULL, constants TEXT NOT NULL, expression TEXT NOT NULL, relation TEXT NOT NULL,
          digits INTEGER NOT NULL, depth INTEGER NOT NULL, delta REAL, rate REAL, factorial_degree REAL,
          PRIMARY KEY(run_id, candidate));
        """,
      postgres: """
        CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS runs(
          id BIGSERIAL PRIMARY KEY, spec_name TEXT NOT NULL, spec_hash TEXT NOT NULL UNIQUE, spec TEXT NOT NULL,
          program_version TEXT NOT NULL, chunk_size BIGINT NOT NULL, chunk_count BIGINT NOT NULL,
          created_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'));
        CREATE TABLE IF NOT EXISTS chunks(
          run_id BIGINT NOT NULL REFERENCES runs(id), chunk BIGINT NOT NULL, shard TEXT NOT NULL,
          candidates BIGINT NOT NULL, filtered TEXT NOT NULL, screened BIGINT NOT NULL, converged BIGINT NOT NULL,
          matched BIGINT NOT NULL, unverified BIGINT NOT NULL, hits BIGINT NOT NULL,
          done_at TEXT NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'),
          PRIMARY KEY(run_id, chunk));
        CREATE TABLE IF NOT EXISTS hits(
          run_id BIGINT NOT NULL REFERENCES runs(id), candidate BIGINT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
          canonical_key TEXT NOT NULL, constants TEXT NOT NULL, expression TEXT NOT NULL, relation TEXT NOT NULL,
          digits BIGINT NOT NULL, depth BIGINT NOT NULL, delta DOUBLE PRECISION, rate DOUBLE PRECISION,
          factorial_degree DOUBLE PRECISION, PRIMARY KEY(run_id, candidate));
        CREATE INDEX IF NOT EXISTS hits_by_key ON hits(canonical_key);
        CREATE TABLE IF NOT EXISTS unverified(
          run_id BIGINT NOT NULL REFERENCES runs(id), candidate BIGINT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
          canonical_key TEXT NOT NULL, constants TEXT NOT NULL, expression TEXT NOT NULL, relation TEXT NOT NULL,
          digits BIGINT NOT NULL, depth BIGINT NOT NULL, delta DOUBLE PRECISION, rate DOUBLE PRECISION,
          factorial_degree DOUBLE PRECISION, PRIMARY KEY(run_id, candidate));
        CREATE TABLE IF NOT EXISTS claims(
          run_id BIGINT NOT NULL REFERENCES runs(id), chunk BIGINT NOT NULL, owner TEXT NOT NULL,
          expires_at TIMESTAMPTZ NOT NULL, PRIMARY KEY(run_id, chunk));
        """),
    relationsMigration,
    extrapolationMigration,
    blindDeltaMigration,
  ]

  /// The tables a store of `version` holds.
  static func tables(upTo version: Int) -> [String] {
    migrations.filter { $0.version <= version }.flatMap(\.tables)
  }

  /// The schema version `db` records, 0 for a database without a `meta` table (a new store).
  static func recordedVersion(_ db: any StoreDatabase, tables: Set<String>) throws(StoreError) -> Int? {
    guard tables.contains("meta") else { return 0 }
    let text = try db.query("SELECT value FROM meta WHERE key = 'schema_version'").first?.first?.string
    return text.flatMap { Int($0) }
  }

  /// Brings `db` to `schemaVersion`, applying the missing steps in order, in one transaction.
  /// - Throws: `StoreError` when `db` holds tables that are not a store's, a newer schema, or lacks
  ///   a table its version should have.
  static func migrate(_ db: any StoreDatabase, steps: [StoreMigration] = migrations) throws(StoreError) {
    let latest = steps.last?.version ?? 0
    try db.transaction { () throws(StoreError) in
      if db.backend == .postgres {
        // Tasks of one array start at once: one of them migrates, the others wait and find it done.
        try db.query("SELECT pg_advisory_xact_lock(7212023)")
      }
      let names = try db.tableNames()
      let version = try checkedVersion(db, tables: names, latest: latest)
      try requireTables(names, version: version, location: db.location, steps: steps)
      for step in steps where step.version > version {
        try db.execute(step.sql(db.backend))
        try db.query(
          db.backend == .sqlite
            ? "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)"
            : "INSERT INTO meta(key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
          [.text("\(step.version)")])
      }
    }
  }

  /// The version `db` records, refusing a database that is not a store or is of a newer schema.
  static func checkedVersion(_ db: any StoreDatabase, tables names: Set<String>, latest: Int = schemaVersion)
    throws(StoreError) -> Int
  {
    // A database of other tables is refused if it has a `runs` that is not ours; PostgreSQL
    // databases commonly hold other tables, which are left alone. An SQLite file must be ours.
    if db.backend == .sqlite && !names.isEmpty && !names.contains("runs")
      || names.contains("runs") != names.contains("meta")
    {
      throw StoreError(
        "store '\(db.location)' is not a ramanujan search store (no \(names.contains("runs") ? "meta" : "runs") table)")
    }
    guard let version = try recordedVersion(db, tables: names), version >= 0 else {
      throw StoreError("store '\(db.location)' is not a ramanujan search store (no schema version)")
    }
    guard version <= latest else {
      throw StoreError("store '\(db.location)' has schema version \(version), this program writes \(latest)")
    }
    return version
  }

  static func requireTables(
    _ names: Set<String>, version: Int, location: String, steps: [StoreMigration] = migrations
  ) throws(StoreError) {
    let missing = steps.filter { $0.version <= version }.flatMap(\.tables).filter { !names.contains($0) }
    guard missing.isEmpty else {
      // Without `runs` it is another file altogether; name that one table rather than all of them.
      let named = missing.contains("runs") ? ["runs"] : missing
      throw StoreError(
        "store '\(location)' is not a ramanujan search store (no \(named.joined(separator: ", ")) table\(named.count == 1 ? "" : "s"))"
      )
    }
  }
}

extension SearchStore {
  /// Version 3: hits and unverified matches verified on extrapolated places (slowly converging
  /// formulas) say so — `extrapolation` (the method: `Extrapolation.summary`; NULL for certified
  /// digits) and `certified_digits` (the places the exact walk certifies beside them).
  static let extrapolationMigration = StoreMigration(
    version: 3, tables: [],
    sqlite: """
      ALTER TABLE hits ADD COLUMN certified_digits INTEGER;
      ALTER TABLE hits ADD COLUMN extrapolation TEXT;
      ALTER TABLE unverified ADD COLUMN certified_digits INTEGER;
      ALTER TABLE unverified ADD COLUMN extrapolation TEXT;
      """,
    postgres: """
      ALTER TABLE hits ADD COLUMN IF NOT EXISTS certified_digits BIGINT;
      ALTER TABLE hits ADD COLUMN IF NOT EXISTS extrapolation TEXT;
      ALTER TABLE unverified ADD COLUMN IF NOT EXISTS certified_digits BIGINT;
      ALTER TABLE unverified ADD COLUMN IF NOT EXISTS extrapolation TEXT;
      """)
}
