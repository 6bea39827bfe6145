import Foundation
import Testing

@testable import Ramanujan
@testable import RamanujanCLI

@Suite struct ReportCommandTests {
  func temporary(_ suffix: String) -> String { "/tmp/ramanujan-cli-\(UInt64.random(in: 0...UInt64.max))-\(suffix)" }

  func rejection<C: ParsableCommandWithMessage>(_ type: C.Type, _ arguments: [String]) -> String? {
    do {
      _ = try C.parseCommand(arguments)
      return nil
    } catch {
      return C.messageFor(error)
    }
  }

  func read(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

  @Test("report: a searched store becomes index.html and one page per formula, linked from the index")
  func reportOfAStore() async throws {
    let spec = temporary("e.json")
    try write(SearchCommandTests.eSpec, to: spec)
    let store = temporary("e.db")
    var search = try SearchCommand.parse([spec, "--store", store, "--threads", "1"])
    try await search.run()
    let out = temporary("site")
    let command = try ReportCommand.parse([
      "--store", store, "--out", out, "--max-depth", "200", "--points", "6", "--threads", "1",
    ])
    let pages = try command.write(progress: false)
    let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
    #expect(files.count == pages && files.contains("index.html"))
    let index = try read(out + "/index.html")
    // 14 hits, 7 formulas (canonical keys): every page but the index is linked from it.
    #expect(files.count == 8)
    for f in files where f != "index.html" { #expect(index.contains("href=\"\(f)\""), "\(f)") }
    #expect(index.contains("aria-label=\"e/(e-1)\"") && index.contains("aria-label=\"1/(2*e-5)\""))
    #expect(index.contains("<h2>Counts per stage and filter</h2>") && index.contains("14\u{2009}641"))
    let page = try read(out + "/" + files.first { $0.hasPrefix("hit-") }!)
    #expect(page.contains("<svg") && page.contains("<math") && page.contains("agrees with all"))
    #expect(!page.contains("<script"))
  }

  @Test("report: bad arguments and stores are named")
  func reportErrors() throws {
    #expect(
      rejection(ReportCommand.self, ["--store", "x.db", "--out", "d", "--points", "1"])
        == "--points must be in 2...200, got 1")
    #expect(
      rejection(ReportCommand.self, ["--store", "x.db", "--out", "d", "--max-depth", "7"])
        == "--max-depth must be in 8...100000, got 7")
    #expect(rejection(ReportCommand.self, ["--store", "x.db", "--out", ""]) == "--out must name a directory, got ''")
    #expect(
      rejection(ReportCommand.self, ["--store", "", "--out", "d"])
        == "--store must name a file, got '' (SQLite would write a temporary database deleted on exit)")
    #expect(
      rejection(ReportCommand.self, ["--store", "x.db", "--out", "d", "--target-digits", "5"])
        == "--target-digits must be in 10...100000, got 5")
    #expect(
      rejection(ReportCommand.self, ["--store", "x.db", "--out", "d", "--threads", "0"])
        == "--threads must be in 1...1024, got 0")
    let missing = temporary("missing.db")
    #expect(throws: (any Error).self) {
      try ReportCommand.parse(["--store", missing, "--out", "d"]).write(progress: false)
    }
    do { try ReportCommand.parse(["--store", missing, "--out", "d"]).write(progress: false) } catch {
      #expect(ReportCommand.message(for: error) == "cannot read store '\(missing)'")
    }
    let notStore = temporary("text.db")
    try write("hello", to: notStore)
    do {
      try ReportCommand.parse(["--store", notStore, "--out", temporary("d")]).write(progress: false)
      Issue.record("a text file was read as a store")
    } catch {
      #expect(ReportCommand.message(for: error).contains(notStore))
    }
  }

  @Test("report: an --out that is a file is refused, naming it")
  func outIsAFile() async throws {
    let spec = temporary("e.json")
    try write(SearchCommandTests.eSpec, to: spec)
    let store = temporary("e.db")
    var search = try SearchCommand.parse([spec, "--store", store, "--threads", "1", "--max-chunks", "1"])
    try await search.run()
    let file = temporary("file")
    try write("x", to: file)
    do {
      try ReportCommand.parse(["--store", store, "--out", file, "--max-formulas", "0"]).write(progress: false)
      Issue.record("a file was used as the output directory")
    } catch {
      #expect(ReportCommand.message(for: error) == "--out '\(file)' exists and is not a directory")
    }
  }

  @Test("eval --plot writes an SVG of places and δ against depth; without a usable reference it says why")
  func evalPlot() throws {
    let path = temporary("apery.svg")
    var failures: [String] = []
    _ = try EvalCommand.parse(["--a", "34n^3+51n^2+27n+5", "--b", "-n^6", "--depth", "100", "--plot", path]).evaluate(
      failures: &failures)
    #expect(failures.isEmpty)
    let svg = try read(path)
    #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.contains("Decimal places against depth") && svg.contains("δ against depth"))
    #expect(svg.contains("correct (vs the walk at depth 200)"))
    let slow = temporary("ln2.svg")
    _ = try EvalCommand.parse(["--a", "1", "--b", "n^2", "--depth", "500", "--plot", slow]).evaluate(
      failures: &failures)
    #expect(
      failures == [
        "--plot not written: no reference for the plot: the walk at depth 1000 certifies fewer than 10 places; give the limit (--limit) or a greater depth"
      ])
    failures = []
    _ = try EvalCommand.parse(["--a", "1", "--b", "n^2", "--depth", "500", "--limit", "1/log(2)", "--plot", slow])
      .evaluate(failures: &failures)
    #expect(failures.isEmpty)
    #expect(try read(slow).contains("Error against depth (log–log)"))
    #expect(
      rejection(EvalCommand.self, ["--file", "t.tsv", "--plot", "x.svg"])
        == "--plot draws one PCF: give --a and --b, not --file")
    #expect(
      rejection(EvalCommand.self, ["--a", "1", "--b", "1", "--plot", "/tmp"])
        == "--plot '/tmp' is a directory, not a file")
    #expect(rejection(EvalCommand.self, ["--a", "1", "--b", "1", "--plot", ""]) == "--plot must name a file, got ''")
  }

  @Test("cmf walk --plot writes an SVG of the walk")
  func cmfPlot() throws {
    let path = temporary("cmf.svg")
    var failure: String?
    _ = try CMFWalkCommand.parse(["zeta3", "--trajectory", "1,1", "--start", "1,1", "--depth", "60", "--plot", path])
      .lines(failure: &failure)
    #expect(failure == nil)
    let svg = try read(path)
    #expect(svg.contains("zeta3 along (1, 1) from (1, 1)") && svg.contains("δ(n)"))
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "1,1", "--start", "1,1", "--plot", ""])
        == "--plot must name a file, got ''")
  }
}

extension ReportCommand: ParsableCommandWithMessage {
  static func parseCommand(_ arguments: [String]) throws -> Any { try parse(arguments) }
  static func messageFor(_ error: Error) -> String { message(for: error) }
}
extension EvalCommand: ParsableCommandWithMessage {
  static func parseCommand(_ arguments: [String]) throws -> Any { try parse(arguments) }
  static func messageFor(_ error: Error) -> String { message(for: error) }
}
extension CMFWalkCommand: ParsableCommandWithMessage {
  static func parseCommand(_ arguments: [String]) throws -> Any { try parse(arguments) }
  static func messageFor(_ error: Error) -> String { message(for: error) }
}
