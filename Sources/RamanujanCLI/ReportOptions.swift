import ArgumentParser
import Ramanujan

/// Options shared by the commands that walk and report limits (`eval`, `cmf walk`).
struct ReportOptions: ParsableArguments {
  @Flag(name: .customLong("no-delta"), help: "Skip delta (without a known limit it walks twice as deep).")
  var noDelta = false

  @Option(name: .customLong("show-digits"), help: "Show at most this many decimal places (text default 60, json all).")
  var showDigits: Int?

  @Option(name: .long, help: "Threads for the walk (default: all cores).")
  var threads: Int?

  @Option(name: .long, help: "Output format: text or json (one object per line).")
  var format: OutputFormat = .text

  func validate() throws {
    if let showDigits, showDigits < 0 { throw ValidationError("--show-digits must be at least 0, got \(showDigits)") }
    if let threads, !(1...1024).contains(threads) {
      throw ValidationError("--threads must be in 1...1024, got \(threads)")
    }
  }

  /// The cores a walk may use.
  var cores: Int { threads ?? availableCores }

  /// The decimal places to show: `--show-digits`, else 60 in text and all in JSON (`nil`).
  var shownDigits: Int? { showDigits ?? (format == .text ? 60 : nil) }
}
