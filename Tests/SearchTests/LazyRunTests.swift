import Foundation
import TestSupport
import Testing

@testable import Search
@testable import Store

/// Spaces far too large to list: chunks computed from their index, done marks read a window at a
/// time, stores merged page by page.
@Suite struct LazyRunTests {
  /// The 10^15-candidate space of issue #8: it sat building a list of 10^11 chunks.
  static let giant15 = """
    {"name":"giant15","a":{"degree":4,"range":[-499,499]},"b":{"degree":0,"range":[-1,-1]},"constants":["zeta(3)"],"bound":5}
    """

  @Test("a 10^15-candidate space: chunk and candidate arithmetic at its far end, no list built")
  func giantSpace() throws {
    let spec = try SearchSpec(json: Self.giant15)
    let space = SearchSpace(spec: spec)
    #expect(space.size == 999 * 999 * 999 * 999 * 999)
    #expect(space.chunkCount == 121_461_180_421)
    #expect(Array(space.chunks(shard: 0, of: 1).prefix(3)) == [0, 1, 2])
    #expect(Array(space.chunks(shard: 5, of: 1_000_000_000).prefix(2)) == [5, 1_000_000_005])
    #expect(space.chunkCount(shard: 0, of: 1) == space.chunkCount)
    #expect(space.chunkCount(shard: 5, of: 1_000_000_000) == 122)
    #expect(space.chunkCount(shard: 121_461_180_421, of: 200_000_000_000) == 0)
    let last = space.range(ofChunk: space.chunkCount - 1)
    #expect(last.upperBound == space.size && last.count == space.size - (space.chunkCount - 1) * 8192)
    #expect(space.values(space.size - 1) == [499, 499, 499, 499, 499, -1])
    #expect(space.candidate(space.size - 1)?.a == [499, 499, 499, 499, 499])
    // One chunk as large as the space: ⌈size / chunkSize⌉ without overflow of size + chunkSize − 1.
    let whole = SearchSpace(spec: spec, chunkSize: Int.max)
    #expect(whole.chunkCount == 1 && whole.range(ofChunk: 0) == 0..<space.size)
  }

  @Test("shard chunk counts agree with the chunks listed (seeded sizes and splits)")
  func shardCounts() throws {
    let spec = try SearchSpec(
      json:
        #"{"name": "t", "a": {"degree": 1, "range": [-3, 3]}, "b": {"degree": 2, "range": [-2, 2]}, "constants": ["pi"]}"#
    )
    var g = SeededGenerator(seed: 15)
    for _ in 0..<200 {
      let space = SearchSpace(spec: spec, chunkSize: Int(g.next() % 300) + 1)
      let count = Int(g.next() % 40) + 1
      let index = Int(g.next() % UInt64(count))
      let listed = Array(space.chunks(shard: index, of: count))
      #expect(space.chunkCount(shard: index, of: count) == listed.count)
      #expect(listed.allSatisfy { $0 % count == index && $0 < space.chunkCount })
      #expect(listed.reduce(0) { $0 + space.range(ofChunk: $1).count } <= space.size)
    }
  }

  @Test("pending chunks skip the done ones across window boundaries, in any shard")
  func pendingChunks() throws {
    let spec = try SearchSpec(json: Self.giant15)
    let space = SearchSpace(spec: spec)
    let store = try SearchStore(path: "/tmp/ramanujan-lazy-\(UInt64.random(in: 0...UInt64.max)).db")
    let run = try store.run(for: spec, chunkSize: 8192, chunkCount: space.chunkCount, programVersion: "test")
    let window = SearchStore.PendingChunks.window
    let done = [0, 1, 3, window - 1, window, window + 1, 2 * window + 8, 1_000_000_005]
    for c in done { try store.commit(SearchEngine.ChunkResult(chunk: c), run: run, shard: "test") }
    for (index, count) in [(0, 1), (1, 3), (5, 1_000_000_000), (0, 2)] {
      var pending = store.pendingChunks(run, in: space, shard: index, of: count)
      var got: [Int] = []
      while got.count < 3 * window + 10, let c = try pending.next() { got.append(c) }
      let expected = Array(space.chunks(shard: index, of: count).lazy.filter { !done.contains($0) }.prefix(got.count))
      #expect(got == expected, "shard \(index)/\(count)")
      #expect(
        got.count
          == min(3 * window + 10, space.chunkCount(shard: index, of: count) - done.filter { $0 % count == index }.count)
      )
      #expect(
        try store.doneCount(run, shard: index, of: count) == done.filter { $0 % count == index }.count)
    }
  }

  @Test("a run takes its chunks from the pending stream: two partial runs of a huge space continue each other")
  func partialRuns() async throws {
    let spec = try SearchSpec(json: Self.giant15)
    let space = SearchSpace(spec: spec, chunkSize: 16)
    let store = try SearchStore(path: "/tmp/ramanujan-lazy-\(UInt64.random(in: 0...UInt64.max)).db")
    let run = try store.run(for: spec, chunkSize: 16, chunkCount: space.chunkCount, programVersion: "test")
    let engine = SearchEngine(space: space)
    for expected in [[0, 1, 2], [3, 4, 5]] {
      var pending = store.pendingChunks(run, in: space, shard: 0, of: 1)
      var taken = 0
      var committed: [Int] = []
      try await engine.run(
        next: {
          guard taken < 3 else { return nil }
          taken += 1
          return try pending.next()
        }, threads: 2
      ) {
        try store.commit($0, run: run, shard: "0/1")
        committed.append($0.chunk)
      }
      #expect(committed.sorted() == expected)
    }
    #expect(try store.statistics()["candidates"] == 6 * 16)
  }

  @Test("the candidate counter counts every candidate of every chunk, across threads")
  func counter() async throws {
    let spec = try SearchSpec(json: Self.giant15)
    let space = SearchSpace(spec: spec, chunkSize: 100)
    let counter = CandidateCounter()
    let engine = SearchEngine(space: space, counter: counter)
    var candidates = 0
    try await engine.run(chunks: [0, 1, 2, 5, 9], threads: 2) { candidates += $0.candidates }
    #expect(candidates == 500 && counter.count == 500)
  }

  @Test("merging page by page gives the store an uninterrupted run gives")
  func pagedMerge() throws {
    let all = StoreTests.results
    var shards: [String] = []
    for i in 0..<3 {
      let path = StoreTests.temporary()
      _ = try StoreTests.store(path, chunks: all.filter { $0.chunk % 3 == i })
      shards.append(path)
    }
    let whole = try StoreTests.store(StoreTests.temporary(), chunks: all)
    for page in [1, 2, 7, 4096] {
      let merged = try SearchStore(path: StoreTests.temporary())
      for path in shards { try merged.merge(from: path, page: page) }
      #expect(try merged.statistics() == (try whole.statistics()), "page \(page)")
      #expect(try merged.hits() == (try whole.hits()), "page \(page)")
      #expect(try merged.hits(unverified: true) == (try whole.hits(unverified: true)), "page \(page)")
      #expect(try merged.merge(from: shards[0], page: page) == 0)
    }
  }
}
