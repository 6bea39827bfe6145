import Testing

@testable import Ramanujan
@testable import RamanujanCLI

@Suite struct SearchCommandTests {
  static let eSpec = """
    {"name": "e", "a": {"degree": 1, "range": [-5, 5]}, "b": {"degree": 1, "range": [-5, 5]}, "constants": ["e"], "bound": 5}
    """

  func temporary(_ suffix: String) -> String { "/tmp/ramanujan-cli-\(UInt64.random(in: 0...UInt64.max))-\(suffix)" }

  func rejection<C: ParsableCommandWithMessage>(_ type: C.Type, _ arguments: [String]) -> String? {
    do {
      _ = try C.parseCommand(arguments)
      return nil
    } catch {
      return C.messageFor(error)
    }
  }

  @Test("shards searched into separate stores and merged equal one whole run; hits export as JSON")
  func shardsMerge() async throws {
    let spec = temporary("e.json")
    try write(Self.eSpec, to: spec)
    let whole = temporary("whole.db")
    var command = try SearchCommand.parse([spec, "--store", whole, "--chunk-size", "1000"])
    try await command.run()
    var parts: [String] = []
    for i in 0..<3 {
      let part = temporary("part\(i).db")
      command = try SearchCommand.parse([
        spec, "--store", part, "--chunk-size", "1000", "--shard", "\(i)/3", "--threads", "1",
      ])
      try await command.run()
      parts.append(part)
    }
    let merged = temporary("merged.db")
    try MergeCommand.parse(["--into", merged] + parts).run()
    let a = try HitsCommand.parse(["--store", whole, "--format", "tsv"]).lines().map {
      $0.split(separator: "\t").dropLast().joined(separator: "\t")
    }
    let b = try HitsCommand.parse(["--store", merged, "--format", "tsv"]).lines().map {
      $0.split(separator: "\t").dropLast().joined(separator: "\t")
    }
    #expect(a == b && a.count == 15)
    let json = try HitsCommand.parse(["--store", whole, "--format", "json", "--constant", "e", "--min-digits", "100"])
      .lines()
    #expect(json.count == 14)
    #expect(
      json.contains { $0.hasPrefix("{\"a\": \"n + 1\", \"b\": \"n + 1\", \"expression\": \"e-1\", \"digits\": ") })
  }

  @Test("bad search, hits, merge and slurm arguments are named")
  func validation() throws {
    let spec = temporary("e.json")
    try write(Self.eSpec, to: spec)
    #expect(
      rejection(SearchCommand.self, [spec, "--store", "x.db", "--shard", "3/3"])
        == "--shard must be i/N with 0 <= i < N, got '3/3'")
    #expect(
      rejection(SearchCommand.self, [spec, "--store", "x.db", "--threads", "0"])
        == "--threads must be in 1...1024, got 0")
    #expect(
      rejection(SearchCommand.self, [spec, "--store", "x.db", "--chunk-size", "0"])
        == "--chunk-size must be in 1...10000000, got 0")
    #expect(
      rejection(HitsCommand.self, ["--store", "x.db", "--constant", "zeta3"])
        == "--constant: unknown constant 'zeta3'; known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, "
        + "gauss, lemniscate, khinchin, glaisher"
    )
    #expect(
      rejection(HitsCommand.self, ["--store", "x.db", "--min-digits=-1"]) == "--min-digits must be at least 0, got -1")
    #expect(rejection(MergeCommand.self, ["--into", "a.db"]) == "Missing expected argument '<stores> ...'")
    #expect(rejection(MergeCommand.self, ["--into", "a.db", "a.db"]) == "--into 'a.db' is also a store to merge from")
    #expect(rejection(SlurmCommand.self, [spec, "--shards", "0"]) == "--shards must be in 1...100000, got 0")
    #expect(
      rejection(SlurmCommand.self, [spec, "--shards", "2", "--cpus-per-task", "0"])
        == "--cpus-per-task must be in 1...1024, got 0")
    #expect(
      rejection(SearchCommand.self, [spec, "--store", "x.db", "--max-chunks", "0"])
        == "--max-chunks must be at least 1, got 0")
    #expect(
      rejection(SlurmCommand.self, ["/nonexistent.json", "--shards", "2"]) == "'/nonexistent.json': no such file")
    let bad = temporary("bad.json")
    try write("{\"name\": \"x\", \"colour\": 1}", to: bad)
    #expect(
      rejection(SlurmCommand.self, [bad, "--shards", "2"])?.hasPrefix("spec '\(bad)': unknown key 'colour'") == true)
  }

  @Test("a store of another spec is refused, not mixed")
  func otherSpec() async throws {
    let spec = temporary("e.json")
    try write(Self.eSpec, to: spec)
    let store = temporary("mixed.db")
    try await SearchCommand.parse([spec, "--store", store]).run()
    let other = temporary("e2.json")
    try write(Self.eSpec.replacingOccurrences(of: "\"bound\": 5", with: "\"bound\": 6"), to: other)
    // A usage error (exit 64), naming the store and both specs.
    let spec2 = try SearchSpec(json: Self.eSpec.replacingOccurrences(of: "\"bound\": 5", with: "\"bound\": 6"))
    let run = try CLIRun.run(["search", other, "--store", store])
    #expect(run.status == 64)
    #expect(
      run.message
        == "store '\(store)' holds the run of spec 'e' (hash \(try SearchSpec(json: Self.eSpec).hashText)); spec 'e' has hash \(spec2.hashText): use another --store file"
    )
  }

  @Test("the Slurm script runs one shard per array task")
  func slurm() throws {
    let spec = temporary("e.json")
    try write(Self.eSpec, to: spec)
    let script = try SlurmCommand.parse([spec, "--shards", "8", "--stores", "run"]).script()
    #expect(script.contains("#SBATCH --array=0-7"))
    #expect(script.contains("ramanujan search '\(spec)' --shard \"$SLURM_ARRAY_TASK_ID/8\" --threads 2"))
    #expect(script.contains("--store \"run-$SLURM_ARRAY_TASK_ID.db\""))
  }
}

/// Parsing and error messages of any subcommand, for tests.
protocol ParsableCommandWithMessage {
  static func parseCommand(_ arguments: [String]) throws -> Any
  static func messageFor(_ error: Error) -> String
}

extension SearchCommand: ParsableCommandWithMessage {
  static func parseCommand(_ arguments: [String]) throws -> Any { try parse(arguments) }
  static func messageFor(_ error: Error) -> String { message(for: error) }
}
extension HitsCommand: ParsableCommandWithMessage {
  static func parseCommand(_ arguments: [String]) throws -> Any { try parse(arguments) }
  static func messageFor(_ error: Error) -> String { message(for: error) }
}
extension MergeCommand: ParsableCommandWithMessage {
  static func parseCommand(_ arguments: [String]) throws -> Any { try parse(arguments) }
  static func messageFor(_ error: Error) -> String { message(for: error) }
}
extension SlurmCommand: ParsableCommandWithMessage {
  static func parseCommand(_ arguments: [String]) throws -> Any { try parse(arguments) }
  static func messageFor(_ error: Error) -> String { message(for: error) }
}
