import Foundation
import Testing

@testable import Ramanujan
@testable import RamanujanCLI

/// `slurm --store URL`: one shared PostgreSQL store, its password never in the script.
extension SlurmCommandTests {
  @Test("with a PostgreSQL URL every task writes the shared store; the password stays out of the script")
  func sharedStore() throws {
    let dir = try hostileDirectory()
    let spec = dir + "/spec 'e'.json"
    try write(SearchCommandTests.eSpec, to: spec)
    let binary = dir + "/bin/ramanujan"
    try stub(at: binary)
    let url = "postgres://alice:s3cr%40t'x@db.example.org:5433/atlas?sslmode=require&password=other"
    let command = try SlurmCommand.parse([
      spec, "--shards", "4", "--store", url, "--binary", binary, "--partition", "short", "--chunk-size", "8",
      "--cpus-per-task", "3",
    ])
    try command.validate()
    let text = command.script()
    #expect(!text.contains("s3cr") && !text.contains("other"))
    #expect(text.contains("#SBATCH --partition=short"))
    #expect(text.contains("#SBATCH --output=ramanujan-search-%A_%a.log"))
    #expect(!text.contains("merge"))
    let file = dir + "/job.sh"
    try write(text, to: file)
    #expect(try CLIRun.run(["-n", file], program: "/bin/bash").status == 0)
    let run = try CLIRun.run([file], program: "/bin/bash", directory: dir, environment: ["SLURM_ARRAY_TASK_ID": "2"])
    #expect(run.status == 0, "\(run.error)")
    #expect(
      Self.arguments(run.output) == [
        "search", spec, "--shard", "2/4", "--threads", "3", "--chunk-size", "8", "--store",
        "postgres://alice@db.example.org:5433/atlas?sslmode=require",
      ])
    // The command line tells where the password comes from instead.
    let printed = try CLIRun.run(["slurm", spec, "--shards", "2", "--store", url])
    #expect(printed.status == 0)
    #expect(!printed.output.contains("s3cr"))
    #expect(printed.error.contains("the password of --store is left out of the script"))
  }

  @Test(
    "a malformed URL, partition or chunk size is refused",
    arguments: [
      (
        ["SPEC", "--shards", "2", "--partition", "a b"],
        #"--partition must be a Slurm partition name (letters, digits, _ - . ,), got "a b""#
      ),
      (
        ["SPEC", "--shards", "2", "--partition", ""],
        #"--partition must be a Slurm partition name (letters, digits, _ - . ,), got """#
      ),
      (["SPEC", "--shards", "2", "--chunk-size", "0"], "--chunk-size must be in 1...10000000, got 0"),
      (
        ["SPEC", "--shards", "2", "--store", "postgres://u:pw d@h/db"],
        "--store: store URL 'postgres://u@h/db' holds a space or control character (percent-encode it: a space is %20)"
      ),
    ])
  func sharedRefusals(_ arguments: [String], _ message: String) throws {
    let spec = "/tmp/ramanujan-slurm-\(UInt64.random(in: 0...UInt64.max)).json"
    try write(SearchCommandTests.eSpec, to: spec)
    let run = try CLIRun.run(["slurm"] + arguments.map { $0 == "SPEC" ? spec : $0 })
    #expect(run.status == 64)
    #expect(run.message == message)
    #expect(run.output.isEmpty)
  }
}

/// `hits --spec`, `merge --spec` and URLs given to search, hits and merge (without a server).
@Suite struct SharedStoreCLITests {
  func temporary(_ suffix: String) -> String { "/tmp/ramanujan-cli-\(UInt64.random(in: 0...UInt64.max))-\(suffix)" }

  @Test("hits --spec lists one run's hits and names a spec the store does not hold; merge --spec picks the run")
  func specOption() async throws {
    let spec = temporary("e.json")
    try write(SearchCommandTests.eSpec, to: spec)
    let other = temporary("e6.json")
    try write(SearchCommandTests.eSpec.replacingOccurrences(of: "\"bound\": 5", with: "\"bound\": 6"), to: other)
    let store = temporary("e.db")
    try await SearchCommand.parse([spec, "--store", store, "--chunk-size", "1000"]).run()
    let all = try HitsCommand.parse(["--store", store, "--format", "tsv"]).lines()
    #expect(all.count == 15)
    #expect(try HitsCommand.parse(["--store", store, "--format", "tsv", "--spec", spec]).lines() == all)
    let hash = try SearchSpec(json: try String(contentsOfFile: other, encoding: .utf8)).hashText
    let run = try CLIRun.run(["hits", "--store", store, "--spec", other])
    #expect(run.status == 64)
    #expect(run.message == "store '\(store)' holds no run of spec 'e' (hash \(hash))")
    // merge --spec copies that spec's run; another spec's is refused by name.
    let into = temporary("into.db")
    let merged = try CLIRun.run(["merge", "--into", into, "--spec", spec, store])
    #expect(merged.status == 0, "\(merged.error)")
    #expect(merged.output.hasSuffix("\(into): 15 chunks, 14 hits\n"))
    let wrong = try CLIRun.run(["merge", "--into", temporary("x.db"), "--spec", other, store])
    #expect(wrong.status == 64)
    #expect(wrong.message == "store '\(store)' holds no run of the spec with hash \(hash)")
  }

  @Test(
    "a malformed or unreachable URL is one line and exit 64, for search, hits and merge; nothing is created",
    arguments: [
      (
        ["search", "SPEC", "--store", "postgres://u@h/d b"],
        "--store: store URL 'postgres://u@h/d?b' holds a space or control character (percent-encode it: a space is %20)"
      ),
      (
        ["hits", "--store", "postgresql://u:secret@127.0.0.1:1/db"],
        "cannot open store 'postgresql://u@127.0.0.1:1/db': connection to server at \"127.0.0.1\", port 1 failed: Connection refused; Is the server running on that host and accepting TCP/IP connections?"
      ),
      (
        ["merge", "--into", "INTO", "postgres://u:secret@127.0.0.1:1/db"],
        "cannot open store 'postgres://u@127.0.0.1:1/db': connection to server at \"127.0.0.1\", port 1 failed: Connection refused; Is the server running on that host and accepting TCP/IP connections?"
      ),
      (
        ["search", "SPEC", "--store", "postgres://u:secret@127.0.0.1:1/db"],
        "cannot open store 'postgres://u@127.0.0.1:1/db': connection to server at \"127.0.0.1\", port 1 failed: Connection refused; Is the server running on that host and accepting TCP/IP connections?"
      ),
    ])
  func badURLs(_ arguments: [String], _ message: String) throws {
    let spec = temporary("e.json")
    try write(SearchCommandTests.eSpec, to: spec)
    let into = temporary("into.db")
    let run = try CLIRun.run(arguments.map { $0 == "SPEC" ? spec : $0 == "INTO" ? into : $0 })
    #expect(run.status == 64)
    #expect(run.message == message)
    #expect(run.output.isEmpty)
    #expect(!run.error.contains("secret"))
    #expect(!FileManager.default.fileExists(atPath: into))
  }
}
