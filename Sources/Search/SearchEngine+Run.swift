extension SearchEngine {
  /// Processes the chunks `next` hands out (until it returns `nil`) on up to `threads` concurrent
  /// tasks and hands each result to `commit`, one at a time on the calling task, as soon as it is
  /// ready (so a killed run loses at most the chunks in flight). `next` is called on the calling
  /// task, a chunk at a time, so the list of chunks is never materialised. Returns after every
  /// chunk is committed, or when `next` or `commit` throws.
  public func run(
    next: () throws -> Int?, threads: Int, commit: (ChunkResult) throws -> Void
  ) async throws {
    precondition(threads >= 1, "threads \(threads) must be ≥ 1")
    try await withThrowingTaskGroup(of: ChunkResult.self) { group in
      let engine = self
      var running = 0
      func launch() throws {
        guard let chunk = try next() else { return }
        running += 1
        group.addTask { engine.process(chunk: chunk) }
      }
      for _ in 0..<threads {
        try launch()
        if running == 0 { break }
      }
      while let result = try await group.next() {
        running -= 1
        try commit(result)
        try launch()
      }
    }
  }

  /// Processes `chunks` as `run(next:threads:commit:)` does.
  public func run(
    chunks: some Sequence<Int>, threads: Int, commit: (ChunkResult) throws -> Void
  ) async throws {
    var iterator = chunks.makeIterator()
    try await run(next: { iterator.next() }, threads: threads, commit: commit)
  }
}
