import Foundation
import Testing

@testable import Ramanujan
@testable import RamanujanCLI

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct KillResumeTests {
  /// A space that takes a few seconds in a debug build: 13² × 13³ candidates, 186 chunks.
  static let spec = """
    {"name": "kill", "a": {"degree": 1, "range": [-6, 6]}, "b": {"degree": 2, "range": [-6, 6]}, "constants": ["pi"], "bound": 6}
    """

  @Test("a search killed with SIGKILL mid-way resumes to the same store as an uninterrupted run")
  func killNine() async throws {
    let stamp = UInt64.random(in: 0...UInt64.max)
    let specPath = "/tmp/ramanujan-kill-\(stamp).json"
    try write(Self.spec, to: specPath)
    // The `ramanujan` executable is built beside the test bundle.
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("ramanujan").path
    try #require(FileManager.default.isExecutableFile(atPath: binary), "no ramanujan executable at \(binary)")

    let killed = "/tmp/ramanujan-kill-\(stamp)-killed.db"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = ["search", specPath, "--store", killed, "--chunk-size", "2000", "--threads", "1"]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Kill once some chunks are committed, long before the end. The watcher runs on its own thread:
    // the test's cooperative pool may be busy with other tests, and a late kill would find the
    // search finished.
    let pid = process.processIdentifier
    let store = killed
    _ = await withCheckedContinuation { (done: CheckedContinuation<Int, Never>) in
      Thread {
        var chunks = 0
        for _ in 0..<1000 {
          usleep(10_000)
          if FileManager.default.fileExists(atPath: store), let db = try? SearchStore(readingFrom: store),
            let run = try? db.runs().first
          {
            chunks = (try? db.doneChunks(run).count) ?? 0
            if chunks >= 3 { break }
          }
        }
        kill(pid, SIGKILL)
        done.resume(returning: chunks)
      }.start()
    }
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    let space = SearchSpace(spec: try SearchSpec(json: Self.spec), chunkSize: 2000)
    let before = try SearchStore(readingFrom: killed)
    let partial = try before.doneChunks(try #require(try before.runs().first)).count
    #expect(partial >= 3 && partial < space.chunkCount, "killed after \(partial) of \(space.chunkCount) chunks")

    try await SearchCommand.parse([specPath, "--store", killed, "--chunk-size", "2000"]).run()
    let whole = "/tmp/ramanujan-kill-\(stamp)-whole.db"
    try await SearchCommand.parse([specPath, "--store", whole, "--chunk-size", "2000"]).run()
    let resumed = try SearchStore(readingFrom: killed)
    let reference = try SearchStore(readingFrom: whole)
    #expect(try resumed.hits() == (try reference.hits()))
    #expect(try resumed.hits(unverified: true) == (try reference.hits(unverified: true)))
    #expect(try resumed.statistics() == (try reference.statistics()))
    #expect(try resumed.statistics()["chunks"] == space.chunkCount)
    #expect(try reference.hits().contains { $0.hit.a == "2n + 1" && $0.hit.b == "n^2" && $0.hit.expression == "4/pi" })
  }
}
