import ArgumentParser
import Ramanujan

/// `ramanujan cmf list`: the known fields and what their walks give.
struct CMFListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the known conservative matrix fields.")

  @Option(name: .long, help: "Output format: text or json (one object per line).")
  var format: OutputFormat = .text

  func run() throws {
    for line in lines() { print(line) }
  }

  func lines() -> [String] {
    let width = KnownCMFs.catalog.map(\.name.count).max() ?? 0
    return KnownCMFs.catalog.map { entry in
      if format == .json {
        var o = JSONLine()
        o.add("name", entry.name)
        o.add("summary", entry.summary)
        return o.text
      }
      return entry.name + String(repeating: " ", count: width - entry.name.count + 2) + entry.summary
    }
  }
}
