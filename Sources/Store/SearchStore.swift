import Foundation
import Search

/// Search results in one SQLite file or a shared PostgreSQL database: the run (spec, its hash,
/// program version, chunking), the chunks done with their statistics, and the verified hits.
///
/// `init(path:)` and `init(readingFrom:)` take a file path (SQLite) or a URL
/// `postgres://user@host[:port]/database[?sslmode=…]` (PostgreSQL; see `PostgresURL` for passwords).
/// Both backends have the same tables and guarantees; the schema is built by versioned steps
/// (`migrations`, in StoreMigrations.swift), applied in order when a store is opened for writing.
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
/// Version 2 adds `relations` and `placements` (SearchStore+Relations.swift); version 3 the extrapolation columns of hits;
/// version 4 the blind-δ tables `features`, `clusters`, `cluster_members`
/// (SearchStore+Features.swift).
///
/// A chunk's hits and its row in `chunks` are written in one transaction, so a killed run
/// (kill -9 included) resumes at the first chunk not done, with no hit lost and none duplicated.
/// Committing a chunk already done is a no-op, so two processes may share a store and a shard.
/// A file holds one spec: opening it for another spec is an error rather than a silent mix.
///
/// A PostgreSQL store holds any number of runs (one per spec hash), each apart from the others;
/// many processes on many machines share it. Before working on a chunk, a process claims it (a row
/// of `claims`, taken atomically by a conditional upsert, with a lease of `leaseSeconds`, renewed
/// while the process keeps claiming); a chunk done or claimed by a live process is skipped, and a
/// claim whose lease expired (its process died) is taken over. A chunk's hits, its done mark and
/// the release of its claim commit in one transaction. A lost connection is retried with backoff
/// (see `PostgresDatabase`).
///
/// Journal mode: WAL by default (readers do not block the writer). WAL needs shared memory, which
/// network filesystems (NFS, some Lustre and GPFS setups) may not provide: pass `.delete` or set
/// the environment variable `RAMANUJAN_SQLITE_JOURNAL=delete` (`wal` is the default) there.
///
/// `init(readingFrom:)` opens an existing store read-only, for listing and merging: it writes
/// nothing (no journal mode, no tables), so read-only files work and a foreign SQLite file is
/// refused rather than altered.
public final class SearchStore {
  /// The version of the schema this program writes: the last step of `migrations`.
  public static var schemaVersion: Int { migrations.last?.version ?? 0 }
  /// The tables of a store, each of which a store must hold.
  static var tables: [String] { tables(upTo: schemaVersion) }
  /// The environment variable choosing the journal mode when `init(path:journalMode:)` is given none.
  public static let journalVariable = "RAMANUJAN_SQLITE_JOURNAL"
  /// The environment variable giving `leaseSeconds`.
  public static let leaseVariable = "RAMANUJAN_LEASE_SECONDS"
  /// The default lease of a claimed chunk: 10 minutes.
  public static let defaultLeaseSeconds = 600.0
  let db: any StoreDatabase
  /// The file, or the URL without its password.
  public let path: String
  /// Seconds a chunk claimed in a PostgreSQL store stays claimed without news from its process;
  /// after that another process may take it over. Renewed for all of a process's claims each
  /// time a third of it has passed and the process claims another chunk, so it must exceed the
  /// time one chunk takes. From `RAMANUJAN_LEASE_SECONDS` (600 when unset).
  public var leaseSeconds: Double
  /// Who claims chunks: host, process id and a random tag.
  let owner: String
  /// When this process last renewed its claims.
  var renewedAt = Date()

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

  /// Opens (creating if needed) the store at `path` for writing: an SQLite file, or a PostgreSQL
  /// database given by a `postgres://` URL (its tables created when missing).
  /// - Parameter journalMode: WAL or DELETE; `nil` reads `RAMANUJAN_SQLITE_JOURNAL` (WAL when unset).
  ///   SQLite only.
  /// - Throws: `StoreError` naming the path when it cannot be opened or written, is an SQLite file
  ///   of something else, or has another schema version.
  public init(path: String, journalMode: JournalMode? = nil) throws(StoreError) {
    let environment = ProcessInfo.processInfo.environment
    owner = Self.newOwner()
    switch try StoreLocation(path) {
    case .postgres(let url):
      leaseSeconds = try Self.lease(environment)
      self.path = url.redacted
      db = try PostgresDatabase(url: url, readOnly: false)
    case .sqlite:
      leaseSeconds = Self.defaultLeaseSeconds
      let mode: JournalMode
      if let journalMode { mode = journalMode } else { mode = try JournalMode(environment: environment) }
      self.path = path
      let sqlite = try SQLiteDatabase(path: path)
      db = sqlite
      // Before anything is written: a foreign SQLite file, or one of a newer schema, is refused,
      // not given our tables.
      let existing = try sqlite.tableNames()
      if !existing.isEmpty {
        try Self.requireTables(existing, version: try Self.checkedVersion(sqlite, tables: existing), location: path)
      }
      try sqlite.query("PRAGMA journal_mode=\(mode.rawValue.uppercased())")
      try sqlite.execute("PRAGMA synchronous=NORMAL")
    }
    try Self.migrate(db)
  }

  /// Opens the existing store at `path` (a file or a `postgres://` URL) read-only: nothing is
  /// created or written.
  /// - Throws: `StoreError` naming the path when it cannot be opened, is not a store (an SQLite
  ///   file of something else, a database without the tables), or has another schema version.
  public init(readingFrom path: String) throws(StoreError) {
    leaseSeconds = Self.defaultLeaseSeconds
    owner = Self.newOwner()
    switch try StoreLocation(path) {
    case .postgres(let url):
      self.path = url.redacted
      db = try PostgresDatabase(url: url, readOnly: true)
    case .sqlite:
      self.path = path
      db = try SQLiteDatabase(path: path, readOnly: true)
    }
    let names = try db.tableNames()
    guard names.contains("runs") else {
      throw StoreError("store '\(self.path)' is not a ramanujan search store (no runs table)")
    }
    let version = try Self.checkedVersion(db, tables: names)
    try Self.requireTables(names, version: version, location: self.path)
    guard version == Self.schemaVersion else {
      throw StoreError(
        "store '\(self.path)' has schema version \(version), this program writes \(Self.schemaVersion): open it for writing once (e.g. `ramanujan merge --into` it) to upgrade it"
      )
    }
  }

  /// The lease `environment` asks for in `RAMANUJAN_LEASE_SECONDS`; 600 s when unset or empty.
  static func lease(_ environment: [String: String]) throws(StoreError) -> Double {
    let text = environment[leaseVariable] ?? ""
    if text.isEmpty { return defaultLeaseSeconds }
    guard let seconds = Double(text), seconds.isFinite, seconds >= 1 else {
      throw StoreError("\(leaseVariable) must be a number of seconds, at least 1, got '\(text)'")
    }
    return seconds
  }

  static func newOwner() -> String {
    // gethostname, not ProcessInfo.hostName, which may wait on a DNS lookup.
    var name = [CChar](repeating: 0, count: 256)
    let host =
      gethostname(&name, name.count - 1) == 0 ? name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) } : "?"
    return "\(host):\(getpid()):\(String(UInt32.random(in: 0...UInt32.max), radix: 16))"
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
    if db.backend == .postgres {
      return try sharedRun(for: spec, chunkSize: chunkSize, chunkCount: chunkCount, programVersion: programVersion)
    }
    return try db.transaction { () throws(StoreError) -> Run in
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

  /// The run of `spec` in a PostgreSQL store, created when missing (runs of other specs stay apart).
  func sharedRun(for spec: SearchSpec, chunkSize: Int, chunkCount: Int, programVersion: String) throws(StoreError)
    -> Run
  {
    try db.transaction { () throws(StoreError) -> Run in
      try db.query(
        """
        INSERT INTO runs(spec_name, spec_hash, spec, program_version, chunk_size, chunk_count)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (spec_hash) DO NOTHING
        """,
        [
          .text(spec.name), .text(spec.hashText), .text(spec.canonicalJSON), .text(programVersion),
          .integer(chunkSize), .integer(chunkCount),
        ])
      guard let run = try run(hash: spec.hashText) else {
        throw StoreError("store '\(path)': the run was not recorded")
      }
      guard run.chunkSize == chunkSize else {
        throw StoreError(
          "store '\(path)' was filled with --chunk-size \(run.chunkSize) for spec '\(spec.name)', not \(chunkSize): resume with the same chunk size"
        )
      }
      return run
    }
  }

  /// All runs, oldest first.
  public func runs() throws(StoreError) -> [Run] {
    try db.query("SELECT id, spec_name, spec_hash, chunk_size, chunk_count FROM runs ORDER BY id").map(Self.run)
  }

  /// The run of the spec with hash `hash`, if the store has one.
  public func run(hash: String) throws(StoreError) -> Run? {
    try db.query(
      "SELECT id, spec_name, spec_hash, chunk_size, chunk_count FROM runs WHERE spec_hash = ?", [.text(hash)]
    ).first.map(Self.run)
  }

  static func run(_ r: [StoreValue]) -> Run {
    Run(
      id: r[0].int ?? 0, specName: r[1].string ?? "", specHash: r[2].string ?? "", chunkSize: r[3].int ?? 0,
      chunkCount: r[4].int ?? 0)
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
  ///
  /// In a PostgreSQL store each chunk is claimed before it is handed out: a chunk claimed by
  /// another live process is put aside, and once the shard has been gone through, the chunks put
  /// aside are polled until each is done (by its holder) or its lease expires (its holder died)
  /// and it is claimed here. So the iteration ends only when every chunk of the shard is done or
  /// handed out.
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
    /// Chunks claimed by another process when they came up (PostgreSQL).
    var heldElsewhere: [Int] = []

    init(store: SearchStore, run: Run, chunks: StrideTo<Int>, count: Int) {
      self.store = store
      self.run = run
      self.chunks = chunks.makeIterator()
      self.count = count
    }

    /// The next chunk not done, or `nil` at the end of the shard.
    public mutating func next() throws(StoreError) -> Int? {
      let claiming = store.db.backend == .postgres
      while let c = chunks.next() {
        if c >= readUpTo {
          // The window [c, c + window·count) holds `window` chunks of the shard; the bound is
          // clamped so that it cannot overflow.
          let (span, o1) = Self.window.multipliedReportingOverflow(by: count)
          let (end, o2) = c.addingReportingOverflow(span)
          readUpTo = o1 || o2 ? Int.max : end
          done.removeAll(keepingCapacity: true)
          // At most `window` rows, read whole (so that a lost connection reads them again).
          let rows = try store.db.query(
            "SELECT chunk FROM chunks WHERE run_id = ? AND chunk >= ? AND chunk < ? AND chunk % ? = ?",
            [.integer(run.id), .integer(c), .integer(readUpTo), .integer(count), .integer(c % count)])
          for row in rows { if let k = row[0].int { done.insert(k) } }
        }
        if done.contains(c) { continue }
        guard claiming else { return c }
        switch try store.claim(c, run: run) {
        case .claimed: return c
        case .done: continue
        case .held: heldElsewhere.append(c)
        }
      }
      while !heldElsewhere.isEmpty {
        var stillHeld: [Int] = []
        for (i, c) in heldElsewhere.enumerated() {
          switch try store.claim(c, run: run) {
          case .claimed:
            heldElsewhere = stillHeld + heldElsewhere[(i + 1)...]
            return c
          case .done: continue
          case .held: stillHeld.append(c)
          }
        }
        heldElsewhere = stillHeld
        if !stillHeld.isEmpty { Thread.sleep(forTimeInterval: store.pollSeconds) }
      }
      return nil
    }
  }

  /// Seconds between two looks at chunks claimed elsewhere: a tenth of the lease, within 0.2…5 s.
  var pollSeconds: Double { min(max(leaseSeconds / 10, 0.2), 5) }

  /// What became of a chunk this process tried to claim.
  enum Claim: Equatable {
    /// Claimed here: this process works on it.
    case claimed
    /// Done already.
    case done
    /// Claimed by another process whose lease has not expired.
    case held
  }

  /// Claims `chunk` of `run` for this process (PostgreSQL): atomically, when it is not done and
  /// not claimed by another process with a lease still running. Renews this process's other
  /// claims when a third of the lease has passed.
  func claim(_ chunk: Int, run: Run) throws(StoreError) -> Claim {
    if Date().timeIntervalSince(renewedAt) > leaseSeconds / 3 {
      try db.query(
        "UPDATE claims SET expires_at = now() + ?::double precision * interval '1 second' WHERE owner = ?",
        [.real(leaseSeconds), .text(owner)])
      renewedAt = Date()
    }
    let claimed = try db.query(
      """
      INSERT INTO claims(run_id, chunk, owner, expires_at)
      SELECT ?::bigint, ?::bigint, ?::text, now() + ?::double precision * interval '1 second'
      WHERE NOT EXISTS (SELECT 1 FROM chunks WHERE run_id = ? AND chunk = ?)
      ON CONFLICT (run_id, chunk) DO UPDATE SET owner = EXCLUDED.owner, expires_at = EXCLUDED.expires_at
      WHERE claims.expires_at < now() OR claims.owner = EXCLUDED.owner
      RETURNING chunk
      """,
      [
        .integer(run.id), .integer(chunk), .text(owner), .real(leaseSeconds), .integer(run.id), .integer(chunk),
      ])
    if !claimed.isEmpty { return .claimed }
    let done = try db.query("SELECT 1 FROM chunks WHERE run_id = ? AND chunk = ?", [.integer(run.id), .integer(chunk)])
    return done.isEmpty ? .held : .done
  }

  /// Writes a chunk's hits and marks it done, in one transaction. A chunk already done (by another
  /// process on the same store and shard) is left as it is.
  /// - Returns: whether the chunk was written; `false` when it was already done.
  @discardableResult
  public func commit(_ result: SearchEngine.ChunkResult, run: Run, shard: String) throws(StoreError) -> Bool {
    if db.backend == .postgres { return try sharedCommit(result, run: run, shard: shard) }
    return try db.transaction { () throws(StoreError) -> Bool in
      let done = try db.query(
        "SELECT 1 FROM chunks WHERE run_id = ? AND chunk = ?", [.integer(run.id), .integer(result.chunk)])
      guard done.isEmpty else { return false }
      try insertHits(result, run: run)
      try db.query(
        """
        INSERT INTO chunks(run_id, chunk, shard, candidates, filtered, screened, converged, matched, unverified, hits)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """, Self.chunkRow(result, run: run, shard: shard))
      try writeFeatures(result, run: run)
      return true
    }
  }

  /// `commit` in a PostgreSQL store: the done mark first (a concurrent commit of the same chunk
  /// waits on it, then finds it done), the hits, and the release of the chunk's claim.
  func sharedCommit(_ result: SearchEngine.ChunkResult, run: Run, shard: String) throws(StoreError) -> Bool {
    try db.transaction { () throws(StoreError) -> Bool in
      let inserted = try db.query(
        """
        INSERT INTO chunks(run_id, chunk, shard, candidates, filtered, screened, converged, matched, unverified, hits)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, chunk) DO NOTHING RETURNING chunk
        """, Self.chunkRow(result, run: run, shard: shard))
      if !inserted.isEmpty {
        try insertHits(result, run: run)
        try writeFeatures(result, run: run)
      }
      try db.query("DELETE FROM claims WHERE run_id = ? AND chunk = ?", [.integer(run.id), .integer(result.chunk)])
      return !inserted.isEmpty
    }
  }

  func insertHits(_ result: SearchEngine.ChunkResult, run: Run) throws(StoreError) {
    for (table, list) in [("hits", result.hits), ("unverified", result.unverified)] {
      for h in list {
        try db.query(
          """
          INSERT INTO \(table)(run_id, candidate, a, b, canonical_key, constants, expression, relation, digits, depth,
                           delta, rate, factorial_degree, certified_digits, extrapolation)
                           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
          [
            .integer(run.id), .integer(h.index), .text(h.a), .text(h.b), .text(h.canonicalKey), .text(h.constants),
            .text(h.expression), .text(h.relation), .integer(h.digits), .integer(h.depth), Self.optional(h.delta),
            Self.optional(h.rate), Self.optional(h.factorialDegree), h.certifiedDigits.map { .integer($0) } ?? .null,
            h.extrapolation.map { .text($0) } ?? .null,
          ])
      }
    }
  }

  /// The `chunks` row of `result`: the filter counts as JSON {reason: count}, sorted by reason.
  static func chunkRow(_ result: SearchEngine.ChunkResult, run: Run, shard: String) -> [StoreValue] {
    let filtered = result.filtered.sorted { $0.key.rawValue < $1.key.rawValue }.map {
      "\"\($0.key.rawValue)\": \($0.value)"
    }
    return [
      .integer(run.id), .integer(result.chunk), .text(shard), .integer(result.candidates),
      .text("{" + filtered.joined(separator: ", ") + "}"), .integer(result.screened), .integer(result.converged),
      .integer(result.matched), .integer(result.unverified.count), .integer(result.hits.count),
    ]
  }

  /// Copies the chunks of another store of the same spec that are not done here (e.g. per-shard
  /// files of a Slurm array), with their hits and unverified matches, in one transaction. A chunk
  /// done in both keeps this store's row and hits, so the chunk counts and hits always agree.
  /// The other store is opened read-only and not written; it is read in pages of `mergePage`
  /// chunks inside one read transaction (one consistent snapshot), so memory does not grow with
  /// its size. Either store may be SQLite or PostgreSQL: shards go into a shared database, and a
  /// run of a shared database comes back into a file.
  /// - Parameter specHash: the run to copy when the other store (PostgreSQL) holds several; by
  ///   default its only run, or the run of this (SQLite) store's spec.
  /// - Returns: the number of chunks copied.
  /// - Throws: when the other store holds another spec or chunk size, or cannot be read.
  @discardableResult
  public func merge(from otherPath: String, specHash: String? = nil) throws(StoreError) -> Int {
    try merge(from: otherPath, specHash: specHash, page: Self.mergePage)
  }

  @discardableResult
  func merge(from otherPath: String, specHash: String? = nil, page pageSize: Int) throws(StoreError) -> Int {
    let other = try SearchStore(readingFrom: otherPath)
    let shared = db.backend == .postgres
    // An SQLite store holds one spec: the other store's run of that spec is the one to copy.
    var wanted = specHash
    if wanted == nil && !shared { wanted = try runs().first?.specHash }
    return try other.db.transaction(immediate: false) { () throws(StoreError) -> Int in
      let theirRuns = try other.db.query(
        "SELECT id, spec_name, spec_hash, spec, program_version, chunk_size, chunk_count FROM runs ORDER BY id")
      let theirs: [StoreValue]
      if theirRuns.isEmpty {
        return 0
      } else if theirRuns.count == 1 && specHash == nil {
        theirs = theirRuns[0]
      } else if let wanted {
        guard let run = theirRuns.first(where: { $0[2].string == wanted }) else {
          throw StoreError("store '\(other.path)' holds no run of the spec with hash \(wanted)")
        }
        theirs = run
      } else {
        let names = theirRuns.map { "'\($0[1].string ?? "")' (hash \($0[2].string ?? ""))" }
        throw StoreError(
          "store '\(other.path)' holds \(theirRuns.count) specs, \(names.joined(separator: ", ")): choose one with --spec"
        )
      }
      guard let theirID = theirs[0].int else { return 0 }
      let theirHash = theirs[2].string ?? ""
      let theirName = theirs[1].string ?? ""
      let theirChunkSize = theirs[5].int ?? 0
      return try db.transaction { () throws(StoreError) -> Int in
        if let mine = try shared ? run(hash: theirHash) : runs().first {
          guard mine.specHash == theirHash else {
            throw StoreError(
              "store '\(other.path)' holds spec '\(theirName)' (hash \(theirHash)), not '\(mine.specName)' (hash \(mine.specHash))"
            )
          }
          guard mine.chunkSize == theirChunkSize else {
            throw StoreError(
              "store '\(other.path)' was filled with --chunk-size \(theirChunkSize), this one with \(mine.chunkSize)")
          }
        } else {
          try db.query(
            """
            INSERT INTO runs(spec_name, spec_hash, spec, program_version, chunk_size, chunk_count)
            VALUES (?, ?, ?, ?, ?, ?)\(shared ? " ON CONFLICT (spec_hash) DO NOTHING" : "")
            """, Array(theirs[1...]))
        }
        guard let run = try shared ? run(hash: theirHash) : runs().first, run.chunkSize > 0 else {
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
          var new = Set<Int>()
          for row in page {
            guard let chunk = row[0].int, !mine.contains(chunk) else { continue }
            // In a shared store a task may commit the chunk meanwhile: then its row and hits stay.
            let inserted = try db.query(
              """
              INSERT INTO chunks(run_id, chunk, shard, candidates, filtered, screened, converged, matched, unverified,
                                 hits, done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\(shared ? " ON CONFLICT DO NOTHING RETURNING chunk" : "")
              """, [.integer(run.id)] + row)
            if !shared || !inserted.isEmpty { new.insert(chunk) }
          }
          guard !new.isEmpty else { continue }
          // Candidates of chunks first…last: [first·S, (last+1)·S), clamped against overflow.
          let (low, o1) = first.multipliedReportingOverflow(by: run.chunkSize)
          let (high, o2) = (last + 1).multipliedReportingOverflow(by: run.chunkSize)
          for table in ["hits", "unverified"] {
            try other.db.forEachRow(
              """
              SELECT candidate, a, b, canonical_key, constants, expression, relation, digits, depth, delta, rate,
                     factorial_degree, certified_digits, extrapolation FROM \(table)
              WHERE run_id = ? AND candidate >= ? AND candidate < ?
              ORDER BY candidate
              """, [.integer(theirID), .integer(o1 ? Int.max : low), .integer(o2 ? Int.max : high)]
            ) { row throws(StoreError) in
              guard let candidate = row[0].int, new.contains(candidate / run.chunkSize) else { return }
              try db.query(
                """
                INSERT \(shared ? "" : "OR REPLACE ")INTO \(table)(run_id, candidate, a, b, canonical_key, constants, expression, relation,
                                 digits, depth, delta, rate, factorial_degree, certified_digits, extrapolation)
                                 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\(shared ? " ON CONFLICT DO NOTHING" : "")
                """, [.integer(run.id)] + row)
            }
          }
          try copyFeatures(from: other, theirRun: theirID, run: run, chunks: new)
          copied += new.count
        }
        try mergeRelations(from: other)
        return copied
      }
    }
  }

  /// Chunk rows `merge(from:)` reads from the other store at a time.
  static let mergePage = 4096

  static func optional(_ x: Double?) -> StoreValue { x.flatMap { $0.isFinite ? .real($0) : nil } ?? .null }

  /// A stored hit with its run.
  public struct StoredHit: Sendable, Equatable {
    public let run: String
    public let hit: Hit
  }

  /// Hits ordered by canonical key (byte order, in both backends) then candidate — the same order
  /// at any thread count or shard split.
  /// - Parameter run: only this run's hits (a PostgreSQL store may hold several); all by default.
  public func hits(constant: String? = nil, minimumDigits: Int = 0, unverified: Bool = false, run: Run? = nil)
    throws(StoreError) -> [StoredHit]
  {
    var sql = """
      SELECT r.spec_name, h.a, h.b, h.candidate, h.canonical_key, h.constants, h.expression, h.relation, h.digits,
             h.depth, h.delta, h.rate, h.factorial_degree, h.certified_digits, h.extrapolation
      FROM \(unverified ? "unverified" : "hits") h JOIN runs r ON r.id = h.run_id WHERE h.digits >= ?
      """
    var parameters: [StoreValue] = [.integer(minimumDigits)]
    if let constant {
      sql += " AND (',' || h.constants || ',') LIKE ?"
      parameters.append(.text("%,\(constant),%"))
    }
    if let run {
      sql += " AND h.run_id = ?"
      parameters.append(.integer(run.id))
    }
    sql += " ORDER BY h.canonical_key\(db.backend == .postgres ? " COLLATE \"C\"" : ""), h.candidate, h.run_id"
    return try db.query(sql, parameters).map { r in
      StoredHit(
        run: r[0].string!,
        hit: Hit(
          a: r[1].string!, b: r[2].string!, index: r[3].int!, canonicalKey: r[4].string!, constants: r[5].string!,
          expression: r[6].string!, relation: r[7].string!, digits: r[8].int!, depth: r[9].int!, delta: r[10].double,
          rate: r[11].double, factorialDegree: r[12].double, certifiedDigits: r[13].int, extrapolation: r[14].string))
    }
  }

  /// Totals over the done chunks: candidates, each filter, screened, converged, matched, unverified, hits.
  /// The filter counts are summed row by row as they are read (constant memory).
  /// - Parameter run: only this run's chunks (a PostgreSQL store may hold several); all by default.
  public func statistics(run: Run? = nil) throws(StoreError) -> [String: Int] {
    let filter = run.map { " WHERE run_id = \($0.id)" } ?? ""
    // One snapshot; PostgreSQL reads it all again after a lost connection.
    return try db.transaction(immediate: false) { () throws(StoreError) -> [String: Int] in
      let rows = try db.query(
        "SELECT count(*), sum(candidates), sum(screened), sum(converged), sum(matched), sum(unverified), sum(hits) FROM chunks"
          + filter)
      let r = rows[0]
      var out = [
        "chunks": r[0].int ?? 0, "candidates": r[1].int ?? 0, "screened": r[2].int ?? 0, "converged": r[3].int ?? 0,
        "matched": r[4].int ?? 0, "unverified": r[5].int ?? 0, "hits": r[6].int ?? 0,
      ]
      try db.forEachRow("SELECT filtered FROM chunks" + filter, []) { row throws(StoreError) in
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
}
