import Foundation
import Testing

@testable import Ramanujan
@testable import RamanujanCLI

/// The Slurm script is checked by bash itself: `bash -n` parses it, and its command lines run with
/// a stub `ramanujan` that writes the arguments it receives, so that paths with spaces, quotes,
/// `$` and backticks must arrive intact.
@Suite struct SlurmCommandTests {
  /// A fresh directory whose name holds every character a shell treats specially.
  func hostileDirectory() throws -> String {
    let path = "/tmp/ramanujan-slurm-\(UInt64.random(in: 0...UInt64.max))/it's a \"dir\" $HOME `date` (x) & y;*"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A stub executable at `path` that writes its arguments, each followed by a NUL, to stdout.
  func stub(at path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try write("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done\n", to: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
  }

  static func arguments(_ text: String) -> [String] {
    text.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
  }

  func script(_ arguments: [String]) throws -> String {
    let command = try SlurmCommand.parse(arguments)
    try command.validate()
    return command.script()
  }

  @Test("bash parses the script, and each task's command gets its arguments intact (hostile paths)")
  func hostilePaths() throws {
    let dir = try hostileDirectory()
    let spec = dir + "/spec 'e'.json"
    try write(SearchCommandTests.eSpec, to: spec)
    let binary = dir + "/my bin/ramanujan $1"
    try stub(at: binary)
    let prefix = dir + "/out 'x' $y `z`"
    let text = try script([spec, "--shards", "8", "--stores", prefix, "--binary", binary])
    let file = dir + "/job.sh"
    try write(text, to: file)
    #expect(try CLIRun.run(["-n", file], program: "/bin/bash").status == 0)

    // Task 3 of the array: the script logs to PREFIX-3.log itself (sbatch cannot be given that name).
    let run = try CLIRun.run([file], program: "/bin/bash", directory: dir, environment: ["SLURM_ARRAY_TASK_ID": "3"])
    #expect(run.status == 0, "\(run.error)")
    let log = try String(contentsOfFile: prefix + "-3.log", encoding: .utf8)
    #expect(
      Self.arguments(log) == ["search", spec, "--shard", "3/8", "--threads", "2", "--store", prefix + "-3.db"])
    #expect(!text.contains("#SBATCH --output"))

    // The merge line of the comment, once the shards' stores exist.
    for name in ["-0.db", "-1.db", "-12.db", "-all.db"] { try write("", to: prefix + name) }
    let merge = try #require(text.split(separator: "\n").first { $0.hasPrefix("# When all tasks are done: ") })
      .dropFirst("# When all tasks are done: ".count)
    let merged = try CLIRun.run(["-c", String(merge)], program: "/bin/bash", directory: dir)
    #expect(merged.status == 0, "\(merged.error)")
    #expect(
      Self.arguments(merged.output)
        == ["merge", "--into", prefix + "-all.db", prefix + "-0.db", prefix + "-1.db", prefix + "-12.db"])
  }

  @Test("plain names keep the short script: #SBATCH --output, a spec path that looks like an option, ~/ as home")
  func plainNames() throws {
    let dir = try hostileDirectory()
    try write(SearchCommandTests.eSpec, to: dir + "/e.json")
    try stub(at: dir + "/home/bin/ramanujan")
    var command = try SlurmCommand.parse([
      dir + "/e.json", "--shards", "2", "--stores", "run", "--binary", "~/bin/ramanujan",
    ])
    // Relative to the job's directory; a leading '-' would read as an option.
    command.spec = "-e.json"
    let text = command.script()
    #expect(text.contains("#SBATCH --output=run-%a.log"))
    #expect(text.contains("\"$HOME\"/'bin/ramanujan' search './-e.json' --shard \"$SLURM_ARRAY_TASK_ID/2\""))
    let file = dir + "/job.sh"
    try write(text, to: file)
    let run = try CLIRun.run(
      [file], program: "/bin/bash", directory: dir, environment: ["SLURM_ARRAY_TASK_ID": "1", "HOME": dir + "/home"])
    #expect(run.status == 0, "\(run.error)")
    #expect(
      Self.arguments(run.output) == ["search", "./-e.json", "--shard", "1/2", "--threads", "2", "--store", "run-1.db"])
    // Outside a Slurm array the script stops before running anything.
    let outside = try CLIRun.run([file], program: "/bin/bash", directory: dir, environment: ["HOME": dir + "/home"])
    #expect(outside.status != 0 && outside.output.isEmpty)
  }

  @Test(
    "empty values, control characters, standard input and malformed times are refused",
    arguments: [
      (["SPEC", "--shards", "2", "--stores", ""], "--stores must not be empty"),
      (["SPEC", "--shards", "2", "--binary", ""], "--binary must not be empty"),
      (["", "--shards", "2"], "the spec path must not be empty"),
      (
        ["SPEC", "--shards", "2", "--stores", "a\nrm -rf x"], "--stores must not contain control characters (found U+A)"
      ),
      (["SPEC", "--shards", "2", "--binary", "r\tx"], "--binary must not contain control characters (found U+9)"),
      (["-", "--shards", "2"], "the spec must be a file the array tasks can read, not '-' (standard input)"),
      (
        ["SPEC", "--shards", "2", "--time", "1:00\nrm -rf x"],
        #"--time must be Slurm time (M, M:S, H:M:S, D-H, D-H:M, D-H:M:S, or UNLIMITED), got "1:00\nrm -rf x""#
      ),
      (
        ["SPEC", "--shards", "2", "--time", "1:2:3:4"],
        #"--time must be Slurm time (M, M:S, H:M:S, D-H, D-H:M, D-H:M:S, or UNLIMITED), got "1:2:3:4""#
      ),
    ])
  func refusals(_ arguments: [String], _ message: String) throws {
    let spec = "/tmp/ramanujan-slurm-\(UInt64.random(in: 0...UInt64.max)).json"
    try write(SearchCommandTests.eSpec, to: spec)
    let run = try CLIRun.run(["slurm"] + arguments.map { $0 == "SPEC" ? spec : $0 })
    #expect(run.status == 64)
    #expect(run.message == message)
    #expect(run.output.isEmpty)
  }

  @Test(
    "Slurm's time formats",
    arguments: [
      ("30", true), ("30:00", true), ("4:00:00", true), ("2-0", true), ("2-12:00", true), ("2-12:00:00", true),
      ("UNLIMITED", true), ("infinite", true), ("", false), ("1:2:3:4", false), ("a", false), ("1--2", false),
      ("-5", false), ("1-", false), ("1:", false), ("1 :2", false), ("１", false), ("9999999999", false),
    ])
  func times(_ text: String, _ valid: Bool) {
    #expect(SlurmCommand.isSlurmTime(text) == valid)
  }
}
