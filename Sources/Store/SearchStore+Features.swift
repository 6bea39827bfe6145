import Search

/// The blind-δ tables of a store: the features of every converging candidate, one compact record
/// block per chunk (written with the chunk's done mark, in its transaction), and the clusters
/// computed from them after the search.
///
/// Tables (created with the others; a store without them reads as holding no features):
/// - `features(run_id, chunk, layout, count, data BLOB, PRIMARY KEY(run_id, chunk))`: `data` holds
///   `count` records of 8·(1 + F) bytes, little-endian: the candidate index (Int64), then the F
///   features (IEEE binary64) in the order `layout` names, comma-separated
///   (`ConvergenceFeatures.names`); about 88 bytes per converging candidate.
/// - `clusters(run_id, cluster, size, delta_min, delta_max, rate_min, rate_max, label,
///   representative, a, b, identified, PRIMARY KEY(run_id, cluster))`: one row per cluster,
///   numbered 1, 2, … by the smallest candidate index of its members; `label` is the
///   identified constants (`pi`, `log(2),pi`), `rational`, or `unidentified`; `representative` the
///   member with the most certified digits (then the smallest index), its a and b; `identified`
///   the members that are hits.
/// - `cluster_members(run_id, candidate, cluster, PRIMARY KEY(run_id, candidate))`.
extension SearchStore {
  /// Version 4: `features`, `clusters`, `cluster_members` (a store of an earlier version gains
  /// them when opened for writing).
  static let blindDeltaMigration = StoreMigration(
    version: 4, tables: ["features", "clusters", "cluster_members"],
    sqlite: blindDeltaTablesSQLite, postgres: blindDeltaTablesPostgres)

  /// Schema version 4 in SQLite.
  static let blindDeltaTablesSQLite = """
    CREATE TABLE IF NOT EXISTS features(
      run_id INTEGER NOT NULL REFERENCES runs(id), chunk INTEGER NOT NULL, layout TEXT NOT NULL,
      count INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY(run_id, chunk));
    CREATE TABLE IF NOT EXISTS clusters(
      run_id INTEGER NOT NULL REFERENCES runs(id), cluster INTEGER NOT NULL, size INTEGER NOT NULL,
      delta_min REAL NOT NULL, delta_max REAL NOT NULL, rate_min REAL NOT NULL, rate_max REAL NOT NULL,
      label TEXT NOT NULL, representative INTEGER NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL,
      identified INTEGER NOT NULL, PRIMARY KEY(run_id, cluster));
    CREATE TABLE IF NOT EXISTS cluster_members(
      run_id INTEGER NOT NULL REFERENCES runs(id), candidate INTEGER NOT NULL, cluster INTEGER NOT NULL,
      PRIMARY KEY(run_id, candidate));
    """

  /// Schema version 4 in PostgreSQL: the same tables, `data` a BYTEA.
  static let blindDeltaTablesPostgres = """
    CREATE TABLE IF NOT EXISTS features(
      run_id BIGINT NOT NULL REFERENCES runs(id), chunk BIGINT NOT NULL, layout TEXT NOT NULL,
      count BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY(run_id, chunk));
    CREATE TABLE IF NOT EXISTS clusters(
      run_id BIGINT NOT NULL REFERENCES runs(id), cluster BIGINT NOT NULL, size BIGINT NOT NULL,
      delta_min DOUBLE PRECISION NOT NULL, delta_max DOUBLE PRECISION NOT NULL, rate_min DOUBLE PRECISION NOT NULL,
      rate_max DOUBLE PRECISION NOT NULL, label TEXT NOT NULL, representative BIGINT NOT NULL, a TEXT NOT NULL,
      b TEXT NOT NULL, identified BIGINT NOT NULL, PRIMARY KEY(run_id, cluster));
    CREATE TABLE IF NOT EXISTS cluster_members(
      run_id BIGINT NOT NULL REFERENCES runs(id), candidate BIGINT NOT NULL, cluster BIGINT NOT NULL,
      PRIMARY KEY(run_id, candidate));
    """

  static let featureLayout = ConvergenceFeatures.names.joined(separator: ",")

  /// The run the blind-δ functions read: `run`, or else the store's only run (`nil` when it has none).
  /// - Throws: `StoreError` when `run` is `nil` and the store (PostgreSQL) holds several runs.
  func blindRun(_ run: Run?) throws(StoreError) -> Run? {
    if let run { return run }
    let all = try runs()
    guard all.count <= 1 else {
      throw StoreError("store '\(path)' holds \(all.count) runs: choose the blind-delta one with --spec")
    }
    return all.first
  }

  /// Writes the features of a chunk (nothing when it has none). Called inside `commit`'s transaction.
  func writeFeatures(_ result: SearchEngine.ChunkResult, run: Run) throws(StoreError) {
    guard !result.features.isEmpty else { return }
    var data: [UInt8] = []
    data.reserveCapacity(result.features.count * 8 * (1 + ConvergenceFeatures.names.count))
    func append(_ bits: UInt64) { for k in 0..<8 { data.append(UInt8(truncatingIfNeeded: bits >> (8 * k))) } }
    for row in result.features {
      append(UInt64(bitPattern: Int64(row.index)))
      for x in row.features.vector { append(x.bitPattern) }
    }
    try db.query(
      "INSERT INTO features(run_id, chunk, layout, count, data) VALUES (?, ?, ?, ?, ?)",
      [
        .integer(run.id), .integer(result.chunk), .text(Self.featureLayout), .integer(result.features.count),
        .blob(data),
      ])
  }

  /// Copies the feature blocks of `chunks` from another store, SQLite or PostgreSQL (inside
  /// `merge`'s transactions).
  func copyFeatures(from other: SearchStore, theirRun: Int, run: Run, chunks: Set<Int>) throws(StoreError) {
    guard let first = chunks.min(), let last = chunks.max() else { return }
    let shared = db.backend == .postgres
    try other.db.forEachRow(
      "SELECT chunk, layout, count, data FROM features WHERE run_id = ? AND chunk >= ? AND chunk <= ? ORDER BY chunk",
      [.integer(theirRun), .integer(first), .integer(last)]
    ) { row throws(StoreError) in
      guard let chunk = row[0].int, chunks.contains(chunk) else { return }
      try db.query(
        """
        INSERT \(shared ? "" : "OR REPLACE ")INTO features(run_id, chunk, layout, count, data)
        VALUES (?, ?, ?, ?, ?)\(shared ? " ON CONFLICT DO NOTHING" : "")
        """, [.integer(run.id)] + row)
    }
  }

  /// Every stored feature row of the run (by default the store's only run), in candidate order
  /// (chunks ascending, rows ascending within a chunk), handed to `body` one at a time: the blocks
  /// are read one by one.
  /// - Throws: `StoreError` for a block of another layout or a damaged block.
  public func forEachFeatureRow(run: Run? = nil, _ body: (FeatureRow) throws(StoreError) -> Void) throws(StoreError) {
    guard let run = try blindRun(run) else { return }
    let width = ConvergenceFeatures.names.count
    try db.forEachRow(
      "SELECT chunk, layout, count, data FROM features WHERE run_id = ? ORDER BY chunk", [.integer(run.id)]
    ) { row throws(StoreError) in
      let chunk = row[0].int ?? -1
      guard row[1].string == Self.featureLayout else {
        throw StoreError(
          "store '\(path)': features of chunk \(chunk) have layout '\(row[1].string ?? "?")', not '\(Self.featureLayout)'"
        )
      }
      let count = row[2].int ?? -1
      guard let data = row[3].bytes, count >= 0, data.count == count * 8 * (1 + width) else {
        throw StoreError("store '\(path)': the features of chunk \(chunk) are damaged")
      }
      var offset = 0
      func next() -> UInt64 {
        var v: UInt64 = 0
        for k in 0..<8 { v |= UInt64(data[offset + k]) << (8 * k) }
        offset += 8
        return v
      }
      for _ in 0..<count {
        let index = Int(Int64(bitPattern: next()))
        let vector = (0..<width).map { _ in Double(bitPattern: next()) }
        try body(FeatureRow(index: index, features: ConvergenceFeatures(vector: vector)))
      }
    }
  }

  /// The number of stored feature rows of the run (by default the store's only run).
  public func featureCount(run: Run? = nil) throws(StoreError) -> Int {
    guard let run = try blindRun(run) else { return 0 }
    return try db.query("SELECT coalesce(sum(count), 0) FROM features WHERE run_id = ?", [.integer(run.id)])
      .first?.first?.int ?? 0
  }

  /// Whether every chunk of the run (by default the store's only run) is done.
  public func isComplete(run: Run? = nil) throws(StoreError) -> Bool {
    guard let run = try blindRun(run) else { return false }
    let done = try db.query("SELECT count(*) FROM chunks WHERE run_id = ?", [.integer(run.id)]).first?.first?.int ?? 0
    return done == run.chunkCount
  }

  /// A stored cluster.
  public typealias StoredCluster = BlindCluster

  /// Replaces the clusters of the run (by default the store's only run), their members and the
  /// hits the cluster identification found, in one transaction (hits of candidates already hits
  /// are kept as they are).
  public func replaceClusters(
    _ clusters: [StoredCluster], members: [(candidate: Int, cluster: Int)], hits: [Hit], run: Run? = nil
  ) throws(StoreError) {
    guard let run = try blindRun(run) else { throw StoreError("store '\(path)' holds no run") }
    let shared = db.backend == .postgres
    try db.transaction { () throws(StoreError) in
      try db.query("DELETE FROM clusters WHERE run_id = ?", [.integer(run.id)])
      try db.query("DELETE FROM cluster_members WHERE run_id = ?", [.integer(run.id)])
      for c in clusters {
        try db.query(
          """
          INSERT INTO clusters(run_id, cluster, size, delta_min, delta_max, rate_min, rate_max, label, representative,
                               a, b, identified) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          """,
          [
            .integer(run.id), .integer(c.id), .integer(c.size), .real(c.delta.lowerBound), .real(c.delta.upperBound),
            .real(c.rate.lowerBound), .real(c.rate.upperBound), .text(c.label), .integer(c.representative),
            .text(c.a), .text(c.b), .integer(c.identified),
          ])
      }
      for m in members {
        try db.query(
          "INSERT INTO cluster_members(run_id, candidate, cluster) VALUES (?, ?, ?)",
          [.integer(run.id), .integer(m.candidate), .integer(m.cluster)])
      }
      for h in hits {
        try db.query(
          """
          INSERT \(shared ? "" : "OR IGNORE ")INTO hits(run_id, candidate, a, b, canonical_key, constants, expression,
                                     relation, digits, depth, delta, rate, factorial_degree, certified_digits,
                                     extrapolation)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)\(shared ? " ON CONFLICT DO NOTHING" : "")
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

  /// The clusters of the run (by default the store's only run), by id.
  public func clusters(run: Run? = nil) throws(StoreError) -> [StoredCluster] {
    guard let run = try blindRun(run) else { return [] }
    return try db.query(
      """
      SELECT cluster, size, delta_min, delta_max, rate_min, rate_max, label, representative, a, b, identified
      FROM clusters WHERE run_id = ? ORDER BY cluster
      """, [.integer(run.id)]
    ).map { r throws(StoreError) in
      guard let id = r[0].int, let size = r[1].int, let d0 = r[2].double, let d1 = r[3].double,
        let r0 = r[4].double, let r1 = r[5].double, let label = r[6].string, let representative = r[7].int,
        let a = r[8].string, let b = r[9].string, let identified = r[10].int
      else { throw StoreError("store '\(path)': a row of clusters is damaged") }
      return StoredCluster(
        id: id, size: size, delta: d0...max(d0, d1), rate: r0...max(r0, r1), label: label,
        representative: representative, a: a, b: b, identified: identified)
    }
  }

  /// The cluster of each clustered candidate of the run (by default the store's only run; none
  /// when the store holds several runs and `run` is `nil`).
  public func clusterMembership(run: Run? = nil) throws(StoreError) -> [Int: Int] {
    let only = run == nil ? try runs() : []
    guard let run = run ?? (only.count == 1 ? only[0] : nil) else { return [:] }
    var out: [Int: Int] = [:]
    try db.forEachRow("SELECT candidate, cluster FROM cluster_members WHERE run_id = ?", [.integer(run.id)]) {
      row throws(StoreError) in
      if let c = row[0].int, let k = row[1].int { out[c] = k }
    }
    return out
  }
}
