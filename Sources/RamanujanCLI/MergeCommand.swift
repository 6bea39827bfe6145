import ArgumentParser
import Ramanujan

/// `ramanujan merge --into STORE SHARD...`: gather stores of one spec (e.g. one per shard) into one.
struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Merge search stores of the same spec (e.g. one per shard) into one.",
    discussion: """
      Stores are SQLite files or postgres:// URLs, in either direction: per-task files into a shared \
      database, or a spec's run of a shared database into a file. A chunk already in the target is \
      kept as it is. A PostgreSQL store may hold several specs: --spec names the one to copy.
      """
  )

  @Option(name: .long, help: "The store to merge into (created when missing): a file or postgres:// URL.")
  var into: String

  @Option(name: .long, help: "The spec whose run to copy, when a source store holds several.")
  var spec: String?

  @Argument(help: "Stores to merge from (files or postgres:// URLs).")
  var stores: [String]

  func validate() throws {
    try SearchCommand.requireStorePath(into, option: "--into")
    for path in stores { try SearchCommand.requireStorePath(path, option: "a store to merge from") }
    if stores.contains(into) { throw ValidationError("--into '\(into)' is also a store to merge from") }
  }

  func run() throws { try SearchCommand.usingStore { try merge() } }

  func merge() throws {
    let specHash = try spec.map { try SearchCommand.loadSpec($0).hashText }
    // Every source checked before the target is created: a mistyped path leaves no empty store behind.
    for path in stores { try SearchCommand.requireReadable(path) }
    // ... and opened read-only: a file that is not a store (or of another schema) leaves none either.
    let sources = try stores.map { try SearchStore(readingFrom: $0) }
    let target = try SearchStore(path: into)
    for (path, source) in zip(stores, sources) {
      // Opened read-only by `merge(from:)`: sources are not written.
      let copied = try target.merge(from: path, specHash: specHash)
      print("\(source.path): \(copied) chunks merged")
    }
    let run = try specHash.flatMap { try target.run(hash: $0) }
    let stats = try target.statistics(run: run)
    print("\(target.path): \(stats["chunks"] ?? 0) chunks, \(stats["hits"] ?? 0) hits")
  }
}
