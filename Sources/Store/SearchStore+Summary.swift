extension SearchStore {
  /// What a report says about a run: its spec, the program that ran it, and when its chunks were done.
  public struct RunSummary: Sendable, Equatable {
    public let run: Run
    /// The spec as canonical JSON text.
    public let spec: String
    public let programVersion: String
    /// When the run was created (SQLite's `datetime('now')`, UTC, `YYYY-MM-DD HH:MM:SS`).
    public let createdAt: String
    public let chunksDone: Int
    /// When the first and the last chunk were done (UTC), when any was.
    public let firstChunkAt: String?
    public let lastChunkAt: String?
    /// Seconds from the run's creation to its last chunk, at the one-second resolution of the
    /// store's clock; pauses between resumed sessions are included.
    public let seconds: Int?
    /// The shards (`i/N`) that wrote chunks, in order.
    public let shards: [String]

    public init(
      run: Run, spec: String, programVersion: String, createdAt: String, chunksDone: Int, firstChunkAt: String?,
      lastChunkAt: String?, seconds: Int?, shards: [String]
    ) {
      self.run = run
      self.spec = spec
      self.programVersion = programVersion
      self.createdAt = createdAt
      self.chunksDone = chunksDone
      self.firstChunkAt = firstChunkAt
      self.lastChunkAt = lastChunkAt
      self.seconds = seconds
      self.shards = shards
    }
  }

  /// The summary of every run, oldest first.
  public func runSummaries() throws(StoreError) -> [RunSummary] {
    var out: [RunSummary] = []
    for run in try runs() {
      let head = try db.query(
        "SELECT spec, program_version, created_at FROM runs WHERE id = ?", [.integer(run.id)]
      ).first
      let times = try db.query(
        """
        SELECT count(*), min(done_at), max(done_at), CAST(strftime('%s', max(done_at)) AS INTEGER)
             - CAST(strftime('%s', (SELECT created_at FROM runs WHERE id = ?)) AS INTEGER)
        FROM chunks WHERE run_id = ?
        """, [.integer(run.id), .integer(run.id)]
      ).first
      let shards = try db.query(
        "SELECT DISTINCT shard FROM chunks WHERE run_id = ? ORDER BY shard", [.integer(run.id)]
      ).compactMap { $0[0].string }
      out.append(
        RunSummary(
          run: run, spec: head?[0].string ?? "", programVersion: head?[1].string ?? "",
          createdAt: head?[2].string ?? "", chunksDone: times?[0].int ?? 0, firstChunkAt: times?[1].string,
          lastChunkAt: times?[2].string, seconds: times?[3].int, shards: shards))
    }
    return out
  }
}
