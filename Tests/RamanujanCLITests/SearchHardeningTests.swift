import Foundation
import Testing

@testable import Ramanujan
@testable import RamanujanCLI

/// The `ramanujan` executable built beside the test bundle, run as a user runs it.
struct CLIRun {
  let status: Int32
  let output: String
  let error: String

  static var binary: String {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ramanujan")
      .path
  }

  /// Runs `program` (the `ramanujan` executable by default) with `arguments`.
  static func run(
    _ arguments: [String], program: String = binary, directory: String? = nil, environment: [String: String]? = nil
  ) throws -> CLIRun {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if let environment { process.environment = environment }
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes to the end before waiting: a full pipe would block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CLIRun(
      status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self),
      error: String(decoding: errData, as: UTF8.self))
  }

  /// The one-line message after "Error: " on standard error.
  var message: String? {
    error.split(separator: "\n").first { $0.hasPrefix("Error: ") }.map { String($0.dropFirst(7)) }
  }
}

/// The inputs of issue #8 for search, hits and merge, run through the executable: exit codes,
/// messages, and no file written on refusal.
@Suite struct SearchHardeningTests {
  func temporary(_ suffix: String) -> String { "/tmp/ramanujan-cli-\(UInt64.random(in: 0...UInt64.max))-\(suffix)" }

  func spec(_ json: String) throws -> String {
    let path = temporary("spec.json")
    try write(json, to: path)
    return path
  }

  @Test(
    "zero templates exit 64 with the key named (they trapped: Range requires lowerBound <= upperBound)",
    arguments: [
      (
        #"{"name":"z","a":{"template":"0"},"b":{"degree":1,"range":[1,2]},"constants":["e"],"bound":3}"#,
        "'a.template' '0' is identically zero; a ≡ 0 gives no continued fraction"
      ),
      (
        #"{"name":"z","a":{"template":"x0*n+1"},"b":{"template":"x0-x0"},"parameters":{"x0":[1,3]},"constants":["e"],"bound":3}"#,
        "'b.template' 'x0-x0' is identically zero; b ≡ 0 ends every PCF at a(0)"
      ),
    ])
  func zeroTemplates(_ json: String, _ message: String) throws {
    let path = try spec(json)
    let store = temporary("zero.db")
    let run = try CLIRun.run(["search", path, "--store", store])
    #expect(run.status == 64)
    #expect(run.message == "spec '\(path)': \(message)")
    #expect(!FileManager.default.fileExists(atPath: store))
  }

  @Test(
    "out-of-range numbers, duplicate keys and duplicate constants exit 64 naming the key",
    arguments: [
      (
        #"{"name":"b","a":{"degree":1,"range":[1,2]},"b":{"degree":1,"range":[1,2]},"constants":["e"],"bound":1000000000000000000000}"#,
        "'bound' is out of range (max 200), got 1000000000000000000000"
      ),
      (
        #"{"name":"x","name":"y","a":{"degree":1,"range":[1,2]},"b":{"degree":1,"range":[1,2]},"constants":["e"]}"#,
        "duplicate key 'name': each key may be given once"
      ),
      (
        #"{"name":"x","a":{"degree":1,"range":[1,2]},"b":{"degree":1,"range":[1,2]},"constants":["pi","pi"]}"#,
        "'constants[1]' 'pi' is 'pi' again (as 'constants[0]'); name each constant once"
      ),
      (
        #"{"name":"x","a":{"degree":13,"range":[1,2]},"b":{"degree":1,"range":[1,2]},"constants":["e"]}"#,
        "'screen_depth' 1000 is too deep for the degrees and ranges of a and b: the double-precision screening walk could overflow between its rescalings; use 'screen_depth' at most 26, or smaller degrees or ranges"
      ),
      (
        #"{"name":"x","a":{"degree":16,"range":[1,2]},"b":{"degree":1,"range":[1,2]},"constants":["e"]}"#,
        "'a.degree' must be an integer in 0...15"
      ),
      (
        #"{"name":"x","a":{"degree":1,"range":[1,2]},"b":{"degree":1,"range":[1,2]},"contants":["e"]}"#,
        "unknown key 'contants' (did you mean 'constants'?); known keys: a, b, bound, catalog, cluster_features, "
          + "cluster_min_size, cluster_radius, constants, depth, identify_representatives, key_digits, mode, name, "
          + "parameters, reduction_depth, reduction_threshold, screen_depth, verify_digits, verify_max_depth"
      ),
    ])
  func specErrors(_ json: String, _ message: String) throws {
    let path = try spec(json)
    let run = try CLIRun.run(["search", path, "--store", temporary("x.db")])
    #expect(run.status == 64)
    #expect(run.message == "spec '\(path)': \(message)")
  }

  @Test("degree 13 is searched when the screening depth fits it")
  func degreeThirteen() throws {
    let path = try spec(
      #"{"name":"d13","a":{"degree":13,"range":[1,1]},"b":{"degree":0,"range":[1,1]},"constants":["e"],"bound":2,"screen_depth":24,"verify_digits":18}"#
    )
    let run = try CLIRun.run(["search", path, "--store", temporary("d13.db")])
    #expect(run.status == 0, "\(run.error)")
    #expect(run.output.hasPrefix("d13: 1/1 chunks done, 1 candidates; filtered: none; screened 1, converged 1,"))
  }

  @Test("the 10^15-candidate space starts at once, a chunk at a time, and resumes where it stopped")
  func giantSpace() throws {
    let path = try spec(
      #"{"name":"giant15","a":{"degree":4,"range":[-499,499]},"b":{"degree":0,"range":[-1,-1]},"constants":["zeta(3)"],"bound":5}"#
    )
    let store = temporary("giant.db")
    for expected in [[0], [0, 1], [0, 1, 7], [0, 1, 2, 7]] {
      let shard = expected.count == 3 ? "7/10" : "0/1"
      let run = try CLIRun.run([
        "search", path, "--store", store, "--max-chunks", "1", "--chunk-size", "64", "--shard", shard, "--threads", "1",
      ])
      #expect(run.status == 0, "\(run.error)")
      #expect(run.error.contains("giant15 \(shard) 1/1 chunks, 64 candidates"))
      let db = try SearchStore(readingFrom: store)
      #expect(try db.doneChunks(try #require(try db.runs().first)).sorted() == expected)
      #expect(
        run.output.hasPrefix("giant15: \(expected.count)/15547031093829 chunks done, \(64 * expected.count) candidates")
      )
    }
  }

  @Test("empty and in-memory store paths exit 64 and write nothing (SQLite made them temporary databases)")
  func emptyStorePaths() throws {
    let path = try spec(SearchCommandTests.eSpec)
    let cases: [([String], String)] = [
      (
        ["search", path, "--store", ""],
        "--store must name a file, got '' (SQLite would write a temporary database deleted on exit)"
      ),
      (
        ["search", path, "--store", ":memory:"],
        "--store must name a file, got ':memory:' (SQLite's in-memory database, deleted on exit)"
      ),
      (
        ["hits", "--store", ""],
        "--store must name a file, got '' (SQLite would write a temporary database deleted on exit)"
      ),
      (
        ["merge", "--into", "", "a.db"],
        "--into must name a file, got '' (SQLite would write a temporary database deleted on exit)"
      ),
      (
        ["merge", "--into", temporary("into.db"), ""],
        "a store to merge from must name a file, got '' (SQLite would write a temporary database deleted on exit)"
      ),
      (
        ["merge", "--into", temporary("into.db"), ":memory:"],
        "a store to merge from must name a file, got ':memory:' (SQLite's in-memory database, deleted on exit)"
      ),
    ]
    for (arguments, message) in cases {
      let run = try CLIRun.run(arguments)
      #expect(run.status == 64, "\(arguments)")
      #expect(run.message == message, "\(arguments)")
    }
  }

  @Test("a store that cannot be opened or is not a store is a usage error (exit 64), not a mathematical no")
  func storeErrorsExit64() throws {
    let path = try spec(SearchCommandTests.eSpec)
    let directory = temporary("dir")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let search = try CLIRun.run(["search", path, "--store", directory])
    #expect(search.status == 64)
    #expect(search.message == "cannot open store '\(directory)': unable to open database file")
    let foreign = temporary("foreign.db")
    try write("not a database at all, just text", to: foreign)
    let into = temporary("into.db")
    for arguments in [["hits", "--store", foreign], ["merge", "--into", into, foreign]] {
      let run = try CLIRun.run(arguments)
      #expect(run.status == 64, "\(arguments)")
      #expect(run.message == "store '\(foreign)': file is not a database", "\(arguments)")
    }
    // Every source is opened before the target is created.
    #expect(!FileManager.default.fileExists(atPath: into))
  }

  @Test("a store path starting with file: is a file of that name, not an SQLite URI")
  func fileColonPath() throws {
    let directory = temporary("dir")
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let path = try spec(SearchCommandTests.eSpec)
    let run = try CLIRun.run(
      ["search", path, "--store", "file:e.db?mode=memory", "--max-chunks", "1", "--chunk-size", "100"],
      directory: directory)
    #expect(run.status == 0, "\(run.error)")
    #expect(FileManager.default.fileExists(atPath: directory + "/file:e.db?mode=memory"))
  }

  @Test(
    "bad shards, chunk sizes and thread counts exit 64 naming the option",
    arguments: [
      (["--shard", "0/0"], "--shard must be i/N with 0 <= i < N, got '0/0'"),
      (["--shard", "3/2"], "--shard must be i/N with 0 <= i < N, got '3/2'"),
      (["--shard=-1/2"], "--shard must be i/N with 0 <= i < N, got '-1/2'"),
      (["--shard", "1/2/3"], "--shard must be i/N with 0 <= i < N, got '1/2/3'"),
      (["--shard", "a/b"], "--shard must be i/N with 0 <= i < N, got 'a/b'"),
      (["--shard", "1/"], "--shard must be i/N with 0 <= i < N, got '1/'"),
      (["--shard", "/2"], "--shard must be i/N with 0 <= i < N, got '/2'"),
      (["--shard", ""], "--shard must be i/N with 0 <= i < N, got ''"),
      (["--shard", "0/99999999999999999999"], "--shard must be i/N with 0 <= i < N, got '0/99999999999999999999'"),
      (["--chunk-size", "0"], "--chunk-size must be in 1...10000000, got 0"),
      (["--chunk-size", "10000001"], "--chunk-size must be in 1...10000000, got 10000001"),
      (["--threads", "0"], "--threads must be in 1...1024, got 0"),
      (["--max-chunks=-3"], "--max-chunks must be at least 1, got -3"),
    ])
  func badOptions(_ options: [String], _ message: String) throws {
    let path = try spec(SearchCommandTests.eSpec)
    let run = try CLIRun.run(["search", path, "--store", temporary("x.db")] + options)
    #expect(run.status == 64)
    #expect(run.message == message)
  }

  @Test("a shard with no chunks of its own (N above the chunk count) does nothing, exit 0")
  func emptyShard() throws {
    let path = try spec(SearchCommandTests.eSpec)
    let run = try CLIRun.run(["search", path, "--store", temporary("x.db"), "--shard", "20/30", "--chunk-size", "1000"])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("e: 0/15 chunks done, 0 candidates"))
    #expect(!run.error.contains("building the MITM table"))
  }
}
