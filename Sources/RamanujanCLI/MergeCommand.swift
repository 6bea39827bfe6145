import ArgumentParser
import Ramanujan

/// `ramanujan merge --into FILE SHARD...`: gather per-shard stores into one.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge search stores of the same spec (e.g. one per shard) into one."
  )

  @Option(name: .long, help: "The store to merge into (created when missing).")
  var into: String

  @Argument(help: "Stores to merge from.")
  var stores: [String]

  func validate() throws {
    try SearchCommand.requireStorePath(into, option: "--into")
    for path in stores { try SearchCommand.requireStorePath(path, option: "a store to merge from") }
    if stores.contains(into) { throw ValidationError("--into '\(into)' is also a store to merge from") }
  }

  func run() throws { try SearchCommand.usingStore { try merge() } }

  func merge() throws {
    // Every source checked before the target is created: a mistyped path leaves no empty store behind.
    if let missing = stores.first(where: { !isReadableFile($0) }) {
      throw ValidationError("cannot read store '\(missing)'")
    }
    // ... and opened read-only: a file that is not a store (or of another schema) leaves none either.
    for path in stores { _ = try SearchStore(readingFrom: path) }
    let target = try SearchStore(path: into)
    for path in stores {
      // Opened read-only by `merge(from:)`: sources are not written.
      let copied = try target.merge(from: path)
      print("\(path): \(copied) chunks merged")
    }
    let stats = try target.statistics()
    print("\(into): \(stats["chunks"] ?? 0) chunks, \(stats["hits"] ?? 0) hits")
  }
}
