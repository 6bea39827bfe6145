import ArgumentParser
import Ramanujan

/// `ramanujan slurm SPEC --shards N`: print a Slurm job-array script that runs the shards.
struct SlurmCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "slurm",
    abstract: "Print a Slurm job-array script running a search as N shards.",
    discussion: """
      Each array task runs `ramanujan search SPEC --shard $SLURM_ARRAY_TASK_ID/N` into its own \
      store PREFIX-i.db and logs to PREFIX-i.log; afterwards `ramanujan merge --into PREFIX-all.db` \
      gathers them. A killed task resumes when resubmitted. Every path is quoted for the shell, so \
      spaces, quotes and $ arrive intact.
      """
  )

  @Argument(help: "The search-space spec.")
  var spec: String

  @Option(name: .long, help: "Number of shards (array tasks).")
  var shards: Int

  @Option(name: .customLong("stores"), help: "Store file prefix; task i writes PREFIX-i.db.")
  var storePrefix: String = "shard"

  @Option(name: .customLong("cpus-per-task"), help: "Cores per task.")
  var cpus: Int = 2

  @Option(name: .long, help: "Wall-time limit per task (Slurm syntax: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S).")
  var time: String = "04:00:00"

  @Option(name: .customLong("binary"), help: "Path of the ramanujan executable on the cluster.")
  var binary: String = "ramanujan"

  func validate() throws {
    if !(1...100_000).contains(shards) { throw ValidationError("--shards must be in 1...100000, got \(shards)") }
    if !(1...1024).contains(cpus) { throw ValidationError("--cpus-per-task must be in 1...1024, got \(cpus)") }
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

  func run() throws { print(script()) }

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
    let plainPrefix = Self.isPlain(storePrefix) && !storePrefix.contains("%") && !storePrefix.hasPrefix("-")
    var lines = [
      "#!/bin/bash",
      "#SBATCH --job-name=ramanujan-search",
      "#SBATCH --array=0-\(shards - 1)",
      "#SBATCH --cpus-per-task=\(cpus)",
      "#SBATCH --time=\(time)",
    ]
    // sbatch reads #SBATCH lines with rules of its own (and % is its pattern character): a prefix
    // that is not plain is logged by the script itself instead.
    if plainPrefix { lines.append("#SBATCH --output=\(storePrefix)-%a.log") }
    lines += [
      "# Generated by `ramanujan slurm \(spec) --shards \(shards)`. Resubmitting resumes unfinished shards.",
      "set -euo pipefail",
    ]
    if !plainPrefix { lines.append("exec >>\(storeWord("-$SLURM_ARRAY_TASK_ID.log")) 2>&1") }
    lines += [
      "\(binaryWord) search \(spec) --shard \"$SLURM_ARRAY_TASK_ID/\(shards)\" --threads \(cpus) \\",
      "  --store \(storeWord("-$SLURM_ARRAY_TASK_ID.db"))",
      "# When all tasks are done: \(binaryWord) merge --into \(storeWord("-all.db")) \(storeWord("-", glob: "[0-9]*.db"))",
    ]
    return lines.joined(separator: "\n")
  }
}
