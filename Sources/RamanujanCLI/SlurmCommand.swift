import ArgumentParser
import Ramanujan

/// `ramanujan slurm SPEC --shards N`: print a Slurm job-array script that runs the shards.
struct SlurmCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "slurm",
    abstract: "Print a Slurm job-array script running a search as N shards.",
    discussion: """
      Each array task runs `ramanujan search SPEC --shard $SLURM_ARRAY_TASK_ID/N`. With --store \
      postgres://user@host/db all tasks write that shared database (the password is never written \
      into the script: the tasks read PGPASSWORD, which sbatch passes on, or ~/.pgpass). With \
      --store PREFIX each task writes its own SQLite file PREFIX-i.db and logs to PREFIX-i.log; \
      afterwards `ramanujan merge --into PREFIX-all.db` gathers them. Resubmitting the script \
      resumes: chunks done are skipped. Every path is quoted for the shell, so spaces, quotes and \
      $ arrive intact.
      """
  )

  @Argument(help: "The search-space spec.")
  var spec: String

  @Option(name: .long, help: "Number of shards (array tasks).")
  var shards: Int

  @Option(
    name: [.customLong("store"), .customLong("stores")],
    help: "A postgres:// URL all tasks share, or a file prefix: task i writes PREFIX-i.db.")
  var storePrefix: String = "shard"

  @Option(name: .long, help: "Slurm partition to run in (default: the cluster's default).")
  var partition: String?

  @Option(name: .customLong("chunk-size"), help: "Candidates per chunk, passed to search (default: search's).")
  var chunkSize: Int?

  @Option(name: .customLong("cpus-per-task"), help: "Cores per task.")
  var cpus: Int = 2

  @Option(name: .long, help: "Wall-time limit per task (Slurm syntax: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S).")
  var time: String = "04:00:00"

  @Option(name: .customLong("binary"), help: "Path of the ramanujan executable on the cluster.")
  var binary: String = "ramanujan"

  func validate() throws {
    if !(1...100_000).contains(shards) { throw ValidationError("--shards must be in 1...100000, got \(shards)") }
    if !(1...1024).contains(cpus) { throw ValidationError("--cpus-per-task must be in 1...1024, got \(cpus)") }
    if let chunkSize, !(1...10_000_000).contains(chunkSize) {
      throw ValidationError("--chunk-size must be in 1...10000000, got \(chunkSize)")
    }
    if let partition,
      partition.isEmpty || !partition.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "_-.,".contains($0)) })
    {
      throw ValidationError(
        "--partition must be a Slurm partition name (letters, digits, _ - . ,), got \(partition.debugDescription)")
    }
    if PostgresURL.isURL(storePrefix) {
      do throws(StoreError) { _ = try PostgresURL(storePrefix) } catch {
        throw ValidationError("--store: \(error.message)")
      }
    }
    for (name, value) in [("the spec path", spec), ("--stores", storePrefix), ("--binary", binary)] {
      if value.isEmpty { throw ValidationError("\(name) must not be empty") }
      if let c = value.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
        throw ValidationError(
          "\(name) must not contain control characters (found U+\(String(c.value, radix: 16, uppercase: true)))")
      }
    }
    if spec == "-" {
      throw ValidationError("the spec must be a file the array tasks can read, not '-' (standard input)")
    }
    if !Self.isSlurmTime(time) {
      throw ValidationError(
        "--time must be Slurm time (M, M:S, H:M:S, D-H, D-H:M, D-H:M:S, or UNLIMITED), got \(time.debugDescription)")
    }
    _ = try SearchCommand.loadSpec(spec)
  }

  func run() throws {
    if let url = sharedStore, url.hasPassword {
      writeError(
        "the password of --store is left out of the script: the tasks read PGPASSWORD (sbatch passes the environment on) or ~/.pgpass\n"
      )
    }
    print(script())
  }

  /// The shared PostgreSQL store, when --store is a URL.
  var sharedStore: PostgresURL? { PostgresURL.isURL(storePrefix) ? try? PostgresURL(storePrefix) : nil }

  /// Whether `text` is one of Slurm's time formats: minutes, minutes:seconds, hours:minutes:seconds,
  /// days-hours, days-hours:minutes, days-hours:minutes:seconds (fields of digits), or UNLIMITED.
  static func isSlurmTime(_ text: String) -> Bool {
    if ["UNLIMITED", "INFINITE"].contains(text.uppercased()) { return true }
    let dayParts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard dayParts.count <= 2 else { return false }
    let clock = dayParts.last!.split(separator: ":", omittingEmptySubsequences: false)
    let fields = (dayParts.count == 2 ? [dayParts[0]] : []) + clock
    return clock.count <= 3
      && fields.allSatisfy { !$0.isEmpty && $0.count <= 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } }
  }

  /// Characters no shell treats specially (no glob, expansion, quote or separator).
  static let plainCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./,:=@%+-")

  static func isPlain(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy { plainCharacters.contains($0) }
  }

  /// `text` as one shell word: in single quotes, each `'` written `'\''`.
  static func shellQuoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
  }

  /// A path that a command reads as a path, not as an option.
  static func notAnOption(_ path: String) -> String { path.hasPrefix("-") ? "./" + path : path }

  /// The executable as a shell word: as it is when plain, a leading `~/` staying the cluster
  /// user's home.
  var binaryWord: String {
    if Self.isPlain(binary) { return binary }
    if binary.hasPrefix("~/") { return "\"$HOME\"/" + Self.shellQuoted(String(binary.dropFirst(2))) }
    return Self.shellQuoted(binary)
  }

  /// The store prefix followed by `suffix` (which may hold `$SLURM_ARRAY_TASK_ID` and a glob) as
  /// one shell word.
  func storeWord(_ suffix: String, glob: String = "") -> String {
    let prefix = Self.notAnOption(storePrefix)
    if Self.isPlain(prefix) && !prefix.contains("%") { return "\"\(prefix)\(suffix)\"\(glob)" }
    return Self.shellQuoted(prefix) + "\"\(suffix)\"\(glob)"
  }

  func script() -> String {
    let spec = Self.shellQuoted(Self.notAnOption(self.spec))
    let shared = sharedStore
    let plainPrefix = Self.isPlain(storePrefix) && !storePrefix.contains("%") && !storePrefix.hasPrefix("-")
    var lines = [
      "#!/bin/bash",
      "#SBATCH --job-name=ramanujan-search",
      "#SBATCH --array=0-\(shards - 1)",
      "#SBATCH --cpus-per-task=\(cpus)",
      "#SBATCH --time=\(time)",
    ]
    if let partition { lines.append("#SBATCH --partition=\(partition)") }
    // sbatch reads #SBATCH lines with rules of its own (and % is its pattern character): a prefix
    // that is not plain is logged by the script itself instead.
    if shared != nil {
      lines.append("#SBATCH --output=ramanujan-search-%A_%a.log")
    } else if plainPrefix {
      lines.append("#SBATCH --output=\(storePrefix)-%a.log")
    }
    lines += [
      "# Generated by `ramanujan slurm \(spec) --shards \(shards)`. Resubmitting resumes unfinished shards.",
      "set -euo pipefail",
    ]
    if shared == nil && !plainPrefix { lines.append("exec >>\(storeWord("-$SLURM_ARRAY_TASK_ID.log")) 2>&1") }
    let chunking = chunkSize.map { " --chunk-size \($0)" } ?? ""
    lines.append(
      "\(binaryWord) search \(spec) --shard \"$SLURM_ARRAY_TASK_ID/\(shards)\" --threads \(cpus)\(chunking) \\")
    if let shared {
      // The URL without its password: the tasks read PGPASSWORD or ~/.pgpass.
      lines.append("  --store \(Self.shellQuoted(shared.redacted))")
    } else {
      lines += [
        "  --store \(storeWord("-$SLURM_ARRAY_TASK_ID.db"))",
        "# When all tasks are done: \(binaryWord) merge --into \(storeWord("-all.db")) \(storeWord("-", glob: "[0-9]*.db"))",
      ]
    }
    return lines.joined(separator: "\n")
  }
}
