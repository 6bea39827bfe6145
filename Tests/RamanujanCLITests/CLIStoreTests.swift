import Foundation
import Testing

@testable import Ramanujan
@testable import RamanujanCLI
@testable import Store

/// The store errors of `hits` and `merge`, word for word.
@Suite struct CLIStoreTests {
  func temporary(_ suffix: String) -> String { "/tmp/ramanujan-cli-\(UInt64.random(in: 0...UInt64.max))-\(suffix)" }

  /// The message `command` fails with, as the command line prints it.
  func failure<C: ParsableCommandWithMessage>(_ type: C.Type, _ body: () throws -> Void) -> String? {
    do {
      try body()
      return nil
    } catch {
      return C.messageFor(error)
    }
  }

  @Test("hits and merge name a store they cannot read, and merge creates no target then")
  func unreadable() throws {
    let missing = temporary("missing.db")
    #expect(
      failure(HitsCommand.self) { _ = try HitsCommand.parse(["--store", missing]).lines() }
        == "cannot read store '\(missing)'")
    let into = temporary("into.db")
    #expect(
      failure(MergeCommand.self) { try MergeCommand.parse(["--into", into, missing]).run() }
        == "cannot read store '\(missing)'")
    #expect(!FileManager.default.fileExists(atPath: into))
  }

  @Test("hits and merge refuse a file that is not a store, and leave it as it was")
  func notAStore() throws {
    let foreign = temporary("foreign.db")
    try SQLiteDatabase(path: foreign).execute("CREATE TABLE t(x)")
    let message = "store '\(foreign)' is not a ramanujan search store (no runs table)"
    #expect(failure(HitsCommand.self) { _ = try HitsCommand.parse(["--store", foreign]).lines() } == message)
    #expect(
      failure(MergeCommand.self) { try MergeCommand.parse(["--into", temporary("into.db"), foreign]).run() }
        == message)
    let tables = try SQLiteDatabase(path: foreign, readOnly: true)
      .query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0[0].string }
    #expect(tables == ["t"])
  }
}
