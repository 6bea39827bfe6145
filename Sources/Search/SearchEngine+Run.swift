extension SearchEngine {
  /// Processes `chunks` on up to `threads` concurrent tasks and hands each result to `commit`,
  /// one at a time on the calling task, as soon as it is ready (so a killed run loses at most the
  /// chunks in flight). Returns after every chunk is committed or `commit` throws.
  public func run(
    chunks: [Int], threads: Int, commit: (ChunkResult) throws -> Void
  ) async throws {
    precondition(threads >= 1, "threads \(threads) must be ≥ 1")
    try await withThrowingTaskGroup(of: ChunkResult.self) { group in
      var next = 0
      let engine = self
      func launch() {
        guard next < chunks.count else { return }
        let chunk = chunks[next]
        next += 1
        group.addTask { engine.process(chunk: chunk) }
      }
      for _ in 0..<min(threads, chunks.count) { launch() }
      while let result = try await group.next() {
        try commit(result)
        launch()
      }
    }
  }
}
