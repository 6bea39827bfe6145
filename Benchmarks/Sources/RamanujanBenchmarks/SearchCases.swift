// Search benchmarks (issue 4): screening throughput and whole spaces end to end.
import Dispatch
import Foundation
import Ramanujan

#if canImport(Glibc)
  import Glibc
#endif

/// Screens `count` candidates of the pi space (deg a 1, deg b 2) at depth 1000 on `threads` tasks.
func screeningThroughput(count: Int, threads: Int) async -> Double {
  let spec = try! SearchSpec(
    json:
      #"{"name": "screen", "a": {"degree": 2, "range": [-13, 13]}, "b": {"degree": 3, "range": [-11, 11]}, "constants": ["pi"]}"#
  )
  let space = SearchSpace(spec: spec)
  let candidates = (0..<count).compactMap { space.candidate($0 * 7 % space.size) }
  let perTask = (candidates.count + threads - 1) / threads
  let t0 = DispatchTime.now().uptimeNanoseconds
  await withTaskGroup(of: Int.self) { group in
    for t in 0..<threads {
      let slice = candidates[min(t * perTask, candidates.count)..<min((t + 1) * perTask, candidates.count)]
      group.addTask {
        var converged = 0
        var i = slice.startIndex
        while i < slice.endIndex {
          let batch = slice[i..<min(i + 8, slice.endIndex)]
          converged += ScreeningKernel.screen(batch, depth: 1000).filter { $0.converged(digits: 10) }.count
          i += 8
        }
        return converged
      }
    }
    for await _ in group {}
  }
  let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
  return Double(candidates.count) / seconds
}

/// Runs a shipped spec into a fresh store; returns (seconds, hits, candidates).
func searchSpace(_ name: String, threads: Int) async throws -> (Double, Int, Int) {
  guard let text = try? String(contentsOfFile: "specs/\(name).json", encoding: .utf8) else {
    throw StoreError("cannot read specs/\(name).json (run from the repository root)")
  }
  let spec = try SearchSpec(json: text)
  let path = "/tmp/ramanujan-bench-\(name)-\(getpid()).db"
  for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) }
  defer { for suffix in ["", "-wal", "-shm"] { unlink(path + suffix) } }
  let t0 = DispatchTime.now().uptimeNanoseconds
  let space = SearchSpace(spec: spec)
  let store = try SearchStore(path: path)
  let run = try store.run(for: spec, chunkSize: space.chunkSize, chunkCount: space.chunkCount, programVersion: "bench")
  let engine = SearchEngine(space: space)
  var hits = 0
  try await engine.run(chunks: Array(0..<space.chunkCount), threads: threads) { result in
    try store.commit(result, run: run, shard: "0/1")
    hits += result.hits.count
  }
  return (Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9, hits, space.size)
}
