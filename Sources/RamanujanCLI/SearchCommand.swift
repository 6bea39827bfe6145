import ArgumentParser
import Ramanujan

/// `ramanujan search SPEC --store FILE`: run (or resume) a search space.
struct SearchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search a space of PCFs for formulas of constants.",
    discussion: """
      Runs or resumes the spec in the store: chunks already done are skipped, each chunk's hits and \
      its done mark are written in one transaction. Shards i/N (0 <= i < N) are disjoint and cover \
      the space; run N copies (e.g. a Slurm job array) with one store each, or one after another \
      on the same store. A store postgres://user@host[:port]/db is shared by any number of \
      processes on any number of machines (chunks are claimed; the password comes from \
      PGPASSWORD or ~/.pgpass): see docs/cluster.md.
      """
  )

  @Argument(help: "The search-space spec (JSON; see docs/search-spec.md).")
  var spec: String

  @Option(
    name: .long,
    help: "The store to write: an SQLite file (created when missing) or postgres://user@host[:port]/db.")
  var store: String

  @Option(name: .long, help: "Only shard i of N, written i/N with 0 <= i < N.")
  var shard: String = "0/1"

  @Option(name: .long, help: "Parallel chunks (default: all cores).")
  var threads: Int?

  @Option(name: .customLong("chunk-size"), help: "Candidates per chunk (the unit of resumption).")
  var chunkSize: Int = 8192

  @Option(name: .long, help: "Seed for any randomness (the search itself is deterministic).")
  var seed: UInt64 = 0

  @Option(name: .customLong("max-chunks"), help: "Stop after this many chunks (a partial run; resume later).")
  var maxChunks: Int?

  func validate() throws {
    try Self.requireStorePath(store, option: "--store")
    _ = try parsedShard()
    if let threads, !(1...1024).contains(threads) {
      throw ValidationError("--threads must be in 1...1024, got \(threads)")
    }
    if !(1...10_000_000).contains(chunkSize) {
      throw ValidationError("--chunk-size must be in 1...10000000, got \(chunkSize)")
    }
    if let maxChunks, maxChunks < 1 { throw ValidationError("--max-chunks must be at least 1, got \(maxChunks)") }
  }

  func parsedShard() throws -> (index: Int, count: Int) {
    let parts = shard.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (0..<n).contains(i) else {
      throw ValidationError("--shard must be i/N with 0 <= i < N, got '\(shard)'")
    }
    return (i, n)
  }

  /// A store that cannot be opened, is not a store, or holds another spec is a usage error (exit 64),
  /// not a mathematical "no": `StoreError` becomes `ValidationError`.
  /// A store that is a file must exist to be read; a URL is checked by connecting.
  static func requireReadable(_ store: String) throws {
    if !PostgresURL.isURL(store) && !isReadableFile(store) { throw ValidationError("cannot read store '\(store)'") }
  }

  static func usingStore<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as StoreError { throw ValidationError(error.message) }
  }

  /// Refuses a store path SQLite would not keep: '' and ':memory:' are databases deleted on exit;
  /// a `postgres://` URL must be well formed.
  static func requireStorePath(_ path: String, option: String) throws {
    if PostgresURL.isURL(path) {
      do throws(StoreError) { _ = try PostgresURL(path) } catch { throw ValidationError("\(option): \(error.message)") }
      return
    }
    if path.isEmpty {
      throw ValidationError(
        "\(option) must name a file, got '' (SQLite would write a temporary database deleted on exit)")
    }
    if path == ":memory:" {
      throw ValidationError("\(option) must name a file, got ':memory:' (SQLite's in-memory database, deleted on exit)")
    }
  }

  static func loadSpec(_ path: String) throws -> SearchSpec {
    let text = try readTextFile(path)
    do { return try SearchSpec(json: text) } catch { throw ValidationError("spec '\(path)': \(error)") }
  }

  func run() async throws {
    do { try await search() } catch let error as StoreError { throw ValidationError(error.message) }
  }

  func search() async throws {
    let spec = try Self.loadSpec(self.spec)
    let (index, count) = try parsedShard()
    let space = SearchSpace(spec: spec, chunkSize: chunkSize)
    let db = try SearchStore(path: store)
    let run = try db.run(
      for: spec, chunkSize: chunkSize, chunkCount: space.chunkCount,
      programVersion: RamanujanCommand.configuration.version)
    // Nothing here grows with the space: the shard's chunks are computed from their index and
    // the done marks are read from the store a window at a time.
    let remaining = space.chunkCount(shard: index, of: count) - (try db.doneCount(run, shard: index, of: count))
    let total = min(max(remaining, 0), maxChunks ?? Int.max)
    var pending = db.pendingChunks(run, in: space, shard: index, of: count)
    var handedOut = 0
    if spec.mode == .mitm && total > 0 {
      let rows = Double(spec.constants.count) * Double(MobiusTable.maximumRows(bound: spec.bound))
      writeError(
        "\(spec.name): building the MITM table (bound \(spec.bound), up to \(Progress.si(rows)) rows, peak memory "
          + "about \(Progress.bytes(SearchSpec.tableBytes(bound: spec.bound, constants: spec.constants.count))))\n")
    }
    let counter = CandidateCounter()
    let engine = SearchEngine(space: space, buildTable: total > 0, counter: counter)
    var progress = Progress(total: total, label: "\(spec.name) \(shard)")
    let heartbeat = progress.heartbeat(counter)
    defer { heartbeat.cancel() }
    var finished = 0
    var candidates = 0
    var hits = 0
    try await engine.run(
      next: {
        guard handedOut < total, let c = try pending.next() else { return nil }
        handedOut += 1
        return c
      }, threads: threads ?? availableCores
    ) { result in
      // A chunk another process committed meanwhile is not counted twice.
      let committed = try db.commit(result, run: run, shard: shard)
      finished += 1
      candidates += committed ? result.candidates : 0
      hits += committed ? result.hits.count : 0
      progress.update(done: finished, candidates: candidates, hits: hits)
    }
    progress.update(done: finished, candidates: candidates, hits: hits, force: true)
    let stats = try db.statistics(run: run)
    let filtered = stats.filter { $0.key.hasPrefix("filtered.") }.sorted { $0.key < $1.key }
      .map { "\($0.key.dropFirst(9)) \($0.value)" }.joined(separator: ", ")
    if let summary = try BlindDeltaStep.run(store: db, run: run, space: space) { print(summary) }
    print(
      "\(spec.name): \(stats["chunks"] ?? 0)/\(space.chunkCount) chunks done, \(stats["candidates"] ?? 0) candidates; filtered: \(filtered.isEmpty ? "none" : filtered); screened \(stats["screened"] ?? 0), converged \(stats["converged"] ?? 0), matched \(stats["matched"] ?? 0), unverified \(stats["unverified"] ?? 0), hits \(stats["hits"] ?? 0)"
    )
  }
}
