import Foundation
import Search

/// Search results in one SQLite file: the run (spec, its hash, program version, chunking), the
/// chunks done with their statistics, and the verified hits.
///
/// Schema (version 1):
/// - `runs(id, spec_name, spec_hash UNIQUE, spec, program_version, chunk_size, chunk_count, created_at)`
/// - `chunks(run_id, chunk, shard, candidates, filtered, screened, converged, matched, unverified,
///   hits, done_at, PRIMARY KEY(run_id, chunk))` — `filtered` is JSON {reason: count}
/// - `hits(run_id, candidate, a, b, canonical_key, constants, expression, relation, digits, depth,
///   delta, rate, factorial_degree, PRIMARY KEY(run_id, candidate))`
/// - `unverified`: the same columns, for matches that agree to every certified place but whose
///   walk certified fewer than `verify_digits` places (slowly converging candidates)
///
/// A chunk's hits and its row in `chunks` are written in one transaction, so a killed run
/// (kill -9 included) resumes at the first chunk not done, with no hit lost and none duplicated.
/// Committing a chunk already done is a no-op, so two processes may share a store and a shard.
/// A file holds one spec: opening it for another spec is an error rather than a silent mix.
///
/// Journal mode: WAL by default (readers do not block the writer). WAL needs shared memory, which
/// network filesystems (NFS, some Lustre and GPFS setups) may not provide: pass `.delete` or set
/// the environment variable `RAMANUJAN_SQLITE_JOURNAL=delete` (`wal` is the default) there.
///
/// `init(readingFrom:)` opens an existing store read-only, for listing and merging: it writes
/// nothing (no journal mode, no tables), so read-only files work and a foreign SQLite file is
/// refused rather than altered.
public final class SearchStore {
  public static let schemaVersion = 1
  /// The tables of a store, each of which a store must hold.
  static let tables = ["meta", "runs", "chunks", "hits", "unverified"]
  /// The environment variable choosing the journal mode when `init(path:journalMode:)` is given none.
  public static let journalVariable = "RAMANUJAN_SQLITE_JOURNAL"
  let db: SQLiteDatabase
  public let path: String

  /// SQLite's journal mode for a store opened for writing.
  public enum JournalMode: String, Sendable, CaseIterable {
    /// Write-ahead log: the default.
    case wal
    /// Rollback journal, for filesystems without the shared memory WAL needs.
    case delete

    /// The mode `environment` asks for in `RAMANUJAN_SQLITE_JOURNAL` (any case); WAL when unset or empty.
    /// - Throws: `StoreError` naming the variable when its value is neither `wal` nor `delete`.
    public init(environment: [String: String]) throws(StoreError) {
      let value = environment[SearchStore.journalVariable] ?? ""
      if value.isEmpty {
        self = .wal
        return
      }
      guard let mode = JournalMode(rawValue: value.lowercased()) else {
        throw StoreError("\(SearchStore.journalVariable) must be 'wal' or 'delete', got '\(value)'")
      }
      self = mode
    }
  }

  /// Opens (creating if needed) the store at `path` for writing.
  /// - Parameter journalMode: WAL or DELETE; `nil` reads `RAMANUJAN_SQLITE_JOURNAL` (WAL when unset).
  /// - Throws: `StoreError` naming the path when it cannot be opened or written, is an SQLite file
  ///   of something else, or has another schema version.
  public init(path: String, journalMode: JournalMode? = nil) throws(StoreError) {
    let mode: JournalMode
    if let journalMode {
      mode = journalMode
    } else {
      mode = try JournalMode(environment: ProcessInfo.processInfo.environment)
    }
    self.path = path
    db = try SQLiteDatabase(path: path)
    // Before anything is written: a foreign SQLite file is refused, not given our tables.
    let existing = try Self.tableNames(db)
    if !existing.isEmpty { try Self.requireTables(existing, path: path) }
    try db.query("PRAGMA journal_mode=\(mode.rawValue.uppercased())")
    try db.execute("PRAGMA synchronous=NORMAL")
    try db.transaction { () throws(StoreError) in
      try db.execute(
        """
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
        INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', '1');
        """)
      try db.execute(Self.blindDeltaTablesSQL)
    }
    try checkVersion()
  }

  /// Opens the existing store at `path` read-only: nothing is created or written.
  /// - Throws: `StoreError` naming the path when it cannot be opened, is not a store (an SQLite
  ///   file of something else), or has another schema version.
  public init(readingFrom path: String) throws(StoreError) {
    self.path = path
    db = try SQLiteDatabase(path: path, readOnly: true)
    try Self.requireTables(try Self.tableNames(db), path: path)
    try checkVersion()
  }

  static func tableNames(_ db: SQLiteDatabase) throws(StoreError) -> Set<String> {
    Set(try db.query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0[0].string })
  }

  static func requireTables(_ names: Set<String>, path: String) throws(StoreError) {
    let missing = tables.filter { !names.contains($0) }
    guard missing.isEmpty else {
      // Without `runs` it is another file altogether; name that one table rather than all five.
      let named = missing.contains("runs") ? ["runs"] : missing
      throw StoreError(
        "store '\(path)' is not a ramanujan search store (no \(named.joined(separator: ", ")) table\(named.count == 1 ? "" : "s"))"
      )
    }
  }

  func checkVersion() throws(StoreError) {
    let version = try db.query("SELECT value FROM meta WHERE key = 'schema_version'").first?.first?.string
    guard version == "\(Self.schemaVersion)" else {
      throw StoreError(
        "store '\(path)' has schema version \(version ?? "?"), this program writes \(Self.schemaVersion)")
    }
  }

  /// A run recorded in the store.
  public struct Run: Sendable, Equatable {
    public let id: Int
    public let specName: String
    public let specHash: String
    public let chunkSize: Int
    public let chunkCount: Int
  }

  /// The run of `spec`, created if the store is empty. Read and creation are one transaction, so
  /// processes starting on one store at once agree on a single run.
  /// - Throws: when the store holds another spec, or the same spec with another chunk size.
  public func run(for spec: SearchSpec, chunkSize: Int, chunkCount: Int, programVersion: String) throws(StoreError)
    -> Run
  {
    try db.transaction { () throws(StoreError) -> Run in
      let existing = try runs()
      if let other = existing.first(where: { $0.specHash != spec.hashText }) {
        throw StoreError(
          "store '\(path)' holds the run of spec '\(other.specName)' (hash \(other.specHash)); spec '\(spec.name)' has hash \(spec.hashText): use another --store file"
        )
      }
      if let run = existing.first {
        guard run.chunkSize == chunkSize else {
          throw StoreError(
            "store '\(path)' was filled with --chunk-size \(run.chunkSize), not \(chunkSize): resume with the same chunk size"
          )
        }
        return run
      }
      try db.query(
        """
        INSERT OR IGNORE INTO runs(spec_name, spec_hash, spec, program_version, chunk_size, chunk_count)
        VALUES (?, ?, ?, ?, ?, ?)
        """,
        [
          .text(spec.name), .text(spec.hashText), .text(spec.canonicalJSON), .text(programVersion),
          .integer(chunkSize), .integer(chunkCount),
        ])
      guard let run = try runs().first else { throw StoreError("store '\(path)': the run was not recorded") }
      return run
    }
  }

  /// All runs, oldest first.
  public func runs() throws(StoreError) -> [Run] {
    try db.query("SELECT id, spec_name, spec_hash, chunk_size, chunk_count FROM runs ORDER BY id").map { r in
      Run(id: r[0].int!, specName: r[1].string!, specHash: r[2].string!, chunkSize: r[3].int!, chunkCount: r[4].int!)
    }
  }

  /// The chunks of `run` already done, all at once: for small stores and tests (a run resumes
  /// through `pendingChunks`, which reads them a window at a time).
  public func doneChunks(_ run: Run) throws(StoreError) -> Set<Int> {
    Set(try db.query("SELECT chunk FROM chunks WHERE run_id = ?", [.integer(run.id)]).compactMap { $0[0].int })
  }

  /// The number of chunks of shard `index` of `count` done (chunk mod count = index).
  public func doneCount(_ run: Run, shard index: Int, of count: Int) throws(StoreError) -> Int {
    try db.query(
      "SELECT count(*) FROM chunks WHERE run_id = ? AND chunk % ? = ?",
      [.integer(run.id), .integer(count), .integer(index)]
    ).first?.first?.int ?? 0
  }

  /// The chunks of `space`'s shard `index` of `count` not done in `run`, in increasing order.
  /// Neither the shard's chunks nor the done ones are held in memory: the done marks are read a
  /// window of `PendingChunks.window` shard chunks at a time, as the iteration reaches them.
  public func pendingChunks(_ run: Run, in space: SearchSpace, shard index: Int, of count: Int) -> PendingChunks {
    PendingChunks(store: self, run: run, chunks: space.chunks(shard: index, of: count), count: count)
  }

  /// The chunks of a shard not done, read lazily (see `pendingChunks(_:in:shard:of:)`).
  /// A chunk another process commits after its window was read is still handed out; committing it
  /// again is a no-op (`commit` returns `false`).
  public struct PendingChunks {
    /// Shard chunks whose done marks one query reads.
    public static let window = 4096
    let store: SearchStore
    let run: Run
    var chunks: StrideTo<Int>.Iterator
    let count: Int
    var done: Set<Int> = []
    /// The chunks below this one have had their done marks read.
    var readUpTo = Int.min

    init(store: SearchStore, run: Run, chunks: StrideTo<Int>, count: Int) {
      self.store = store
      self.run = run
      self.chunks = chunks.makeIterator()
      self.count = count
    }

    /// The next chunk not done, or `nil` at the end of the shard.
    public mutating func next() throws(StoreError) -> Int? {
      while let c = chunks.next() {
        if c >= readUpTo {
          // The window [c, c + window·count) holds `window` chunks of the shard; the bound is
          // clamped so that it cannot overflow.
          let (span, o1) = Self.window.multipliedReportingOverflow(by: count)
          let (end, o2) = c.addingReportingOverflow(span)
          readUpTo = o1 || o2 ? Int.max : end
          done.removeAll(keepingCapacity: true)
          try store.db.forEachRow(
            "SELECT chunk FROM chunks WHERE run_id = ? AND chunk >= ? AND chunk < ? AND chunk % ? = ?",
            [.integer(run.id), .integer(c), .integer(readUpTo), .integer(count), .integer(c % count)]
          ) { row throws(StoreError) in if let k = row[0].int { done.insert(k) } }
        }
        if !done.contains(c) { return c }
      }
      return nil
    }
  }

  /// Writes a chunk's hits and marks it done, in one transaction. A chunk already done (by another
  /// process on the same store and shard) is left as it is.
  /// - Returns: whether the chunk was written; `false` when it was already done.
  @discardableResult
  public func commit(_ result: SearchEngine.ChunkResult, run: Run, shard: String) throws(StoreError) -> Bool {
    try db.transaction { () throws(StoreError) -> Bool in
      let done = try db.query(
        "SELECT 1 FROM chunks WHERE run_id = ? AND chunk = ?", [.integer(run.id), .integer(result.chunk)])
      guard done.isEmpty else { return false }
      for (table, list) in [("hits", result.hits), ("unverified", result.unverified)] {
        for h in list {
          try db.query(
            """
            INSERT INTO \(table)(run_id, candidate, a, b, canonical_key, constants, expression, relation, digits, depth,
                             delta, rate, factorial_degree) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
              .integer(run.id), .integer(h.index), .text(h.a), .text(h.b), .text(h.canonicalKey), .text(h.constants),
              .text(h.expression), .text(h.relation), .integer(h.digits), .integer(h.depth), Self.optional(h.delta),
              Self.optional(h.rate), Self.optional(h.factorialDegree),
            ])
        }
      }
      let filtered = result.filtered.sorted { $0.key.rawValue < $1.key.rawValue }.map {
        "\"\($0.key.rawValue)\": \($0.value)"
      }
      try db.query(
        """
        INSERT INTO chunks(run_id, chunk, shard, candidates, filtered, screened, converged, matched, unverified, hits)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .integer(run.id), .integer(result.chunk), .text(shard), .integer(result.candidates),
          .text("{" + filtered.joined(separator: ", ") + "}"), .integer(result.screened), .integer(result.converged),
          .integer(result.matched), .integer(result.unverified.count), .integer(result.hits.count),
        ])
      try writeFeatures(result, run: run)
      return true
    }
  }

  /// Copies the chunks of another store of the same spec that are not done here (e.g. per-shard
  /// files of a Slurm array), with their hits and unverified matches, in one transaction. A chunk
  /// done in both keeps this store's row and hits, so the chunk counts and hits always agree.
  /// The other store is opened read-only and not written; it is read in pages of `mergePage`
  /// chunks inside one read transaction (one consistent snapshot), so memory does not grow with
  /// its size.
  /// - Returns: the number of chunks copied.
  /// - Throws: when the other store holds another spec or chunk size, or cannot be read.
  @discardableResult
  public func merge(from otherPath: String) throws(StoreError) -> Int {
    try merge(from: otherPath, page: Self.mergePage)
  }

  @discardableResult
  func merge(from otherPath: String, page pageSize: Int) throws(StoreError) -> Int {
    let other = try SearchStore(readingFrom: otherPath)
    return try other.db.transaction(immediate: false) { () throws(StoreError) -> Int in
      let theirs = try other.db.query(
        """
        SELECT id, spec_name, spec_hash, spec, program_version, chunk_size, chunk_count FROM runs ORDER BY id LIMIT 1
        """
      ).first
      guard let theirs, let theirID = theirs[0].int else { return 0 }
      let theirHash = theirs[2].string ?? ""
      let theirName = theirs[1].string ?? ""
      let theirChunkSize = theirs[5].int ?? 0
      return try db.transaction { () throws(StoreError) -> Int in
        if let mine = try runs().first {
          guard mine.specHash == theirHash else {
            throw StoreError(
              "store '\(otherPath)' holds spec '\(theirName)' (hash \(theirHash)), not '\(mine.specName)' (hash \(mine.specHash))"
            )
          }
          guard mine.chunkSize == theirChunkSize else {
            throw StoreError(
              "store '\(otherPath)' was filled with --chunk-size \(theirChunkSize), this one with \(mine.chunkSize)")
          }
        } else {
          try db.query(
            """
            INSERT INTO runs(spec_name, spec_hash, spec, program_version, chunk_size, chunk_count)
            VALUES (?, ?, ?, ?, ?, ?)
            """, Array(theirs[1...]))
        }
        guard let run = try runs().first, run.chunkSize > 0 else {
          throw StoreError("store '\(path)': the run was not recorded")
        }
        var copied = 0
        var after = -1
        while true {
          let page = try other.db.query(
            """
            SELECT chunk, shard, candidates, filtered, screened, converged, matched, unverified, hits, done_at
            FROM chunks WHERE run_id = ? AND chunk > ? ORDER BY chunk LIMIT ?
            """, [.integer(theirID), .integer(after), .integer(pageSize)])
          guard let first = page.first?[0].int, let last = page.last?[0].int else { break }
          after = last
          var mine = Set<Int>()
          try db.forEachRow(
            "SELECT chunk FROM chunks WHERE run_id = ? AND chunk >= ? AND chunk <= ?",
            [.integer(run.id), .integer(first), .integer(last)]
          ) { row throws(StoreError) in if let k = row[0].int { mine.insert(k) } }
          let new = Set(page.compactMap { $0[0].int }.filter { !mine.contains($0) })
          guard !new.isEmpty else { continue }
          // Candidates of chunks first…last: [first·S, (last+1)·S), clamped against overflow.
          let (low, o1) = first.multipliedReportingOverflow(by: run.chunkSize)
          let (high, o2) = (last + 1).multipliedReportingOverflow(by: run.chunkSize)
          for table in ["hits", "unverified"] {
            try other.db.forEachRow(
              """
              SELECT candidate, a, b, canonical_key, constants, expression, relation, digits, depth, delta, rate,
                     factorial_degree FROM \(table) WHERE run_id = ? AND candidate >= ? AND candidate < ?
              ORDER BY candidate
              """, [.integer(theirID), .integer(o1 ? Int.max : low), .integer(o2 ? Int.max : high)]
            ) { row throws(StoreError) in
              guard let candidate = row[0].int, new.contains(candidate / run.chunkSize) else { return }
              try db.query(
                """
                INSERT OR REPLACE INTO \(table)(run_id, candidate, a, b, canonical_key, constants, expression, relation,
                                 digits, depth, delta, rate, factorial_degree) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.integer(run.id)] + row)
            }
          }
          for row in page {
            guard let chunk = row[0].int, new.contains(chunk) else { continue }
            try db.query(
              """
              INSERT INTO chunks(run_id, chunk, shard, candidates, filtered, screened, converged, matched, unverified,
                                 hits, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """, [.integer(run.id)] + row)
          }
          try copyFeatures(from: other, theirRun: theirID, run: run, chunks: new)
          copied += new.count
        }
        return copied
      }
    }
  }

  /// Chunk rows `merge(from:)` reads from the other store at a time.
  static let mergePage = 4096

  static func optional(_ x: Double?) -> SQLiteDatabase.Value { x.flatMap { $0.isFinite ? .real($0) : nil } ?? .null }

  /// A stored hit with its run.
  public struct StoredHit: Sendable, Equatable {
    public let run: String
    public let hit: Hit
  }

  /// Hits ordered by canonical key then candidate — the same order at any thread count or shard split.
  public func hits(constant: String? = nil, minimumDigits: Int = 0, unverified: Bool = false) throws(StoreError)
    -> [StoredHit]
  {
    var sql = """
      SELECT r.spec_name, h.a, h.b, h.candidate, h.canonical_key, h.constants, h.expression, h.relation, h.digits,
             h.depth, h.delta, h.rate, h.factorial_degree
      FROM \(unverified ? "unverified" : "hits") h JOIN runs r ON r.id = h.run_id WHERE h.digits >= ?
      """
    var parameters: [SQLiteDatabase.Value] = [.integer(minimumDigits)]
    if let constant {
      sql += " AND (',' || h.constants || ',') LIKE ?"
      parameters.append(.text("%,\(constant),%"))
    }
    sql += " ORDER BY h.canonical_key, h.candidate"
    return try db.query(sql, parameters).map { r in
      StoredHit(
        run: r[0].string!,
        hit: Hit(
          a: r[1].string!, b: r[2].string!, index: r[3].int!, canonicalKey: r[4].string!, constants: r[5].string!,
          expression: r[6].string!, relation: r[7].string!, digits: r[8].int!, depth: r[9].int!, delta: r[10].double,
          rate: r[11].double, factorialDegree: r[12].double))
    }
  }

  /// Totals over the done chunks: candidates, each filter, screened, converged, matched, unverified, hits.
  /// The filter counts are summed row by row as they are read (constant memory).
  public func statistics() throws(StoreError) -> [String: Int] {
    let rows = try db.query(
      "SELECT count(*), sum(candidates), sum(screened), sum(converged), sum(matched), sum(unverified), sum(hits) FROM chunks"
    )
    let r = rows[0]
    var out = [
      "chunks": r[0].int ?? 0, "candidates": r[1].int ?? 0, "screened": r[2].int ?? 0, "converged": r[3].int ?? 0,
      "matched": r[4].int ?? 0, "unverified": r[5].int ?? 0, "hits": r[6].int ?? 0,
    ]
    try db.forEachRow("SELECT filtered FROM chunks") { row throws(StoreError) in
      for part in (row[0].string ?? "").dropFirst().dropLast().split(separator: ",") {
        let kv = part.split(separator: ":")
        guard kv.count == 2, let v = Int(kv[1].filter(\.isNumber)) else { continue }
        let key = "filtered." + kv[0].filter { $0 != "\"" && $0 != " " }
        out[key, default: 0] += v
      }
    }
    return out
  }
}
