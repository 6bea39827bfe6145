import ArgumentParser
import Foundation
import Testing

@testable import RamanujanCLI

@Suite struct FilesTests {
  static func temporary(_ name: String) -> String {
    "/tmp/ramanujan-files-\(UInt32.random(in: 0...UInt32.max))-\(name)"
  }

  /// Runs the built `ramanujan` executable with `input` on standard input.
  static func runBinary(_ arguments: [String], input: String = "") throws -> (status: Int32, out: String, err: String) {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("ramanujan").path
    try #require(FileManager.default.isExecutableFile(atPath: binary), "no ramanujan executable at \(binary)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
  }

  @Test("line ends: CRLF, lone CR and a byte-order mark read as LF text")
  func lineEnds() {
    #expect(normalizedLineEnds("a\r\nb\rc\nd") == "a\nb\nc\nd")
    #expect(normalizedLineEnds("\u{FEFF}x\r\n\r\n") == "x\n\n")
    #expect(normalizedLineEnds("no ends") == "no ends")
  }

  @Test("unreadable inputs name the path and the reason")
  func reasons() throws {
    func message(_ path: String) -> String? {
      do {
        _ = try readTextFile(path)
        return nil
      } catch { return "\(error)" }
    }
    #expect(message("/nonexistent/x.tsv") == "'/nonexistent/x.tsv': no such file")
    #expect(message("/tmp") == "'/tmp': is a directory, not a file")
    #expect(message("") == "the file name is empty")
    let bad = Self.temporary("bad.tsv")
    try Data([0x61, 0x09, 0x62, 0x0A, 0xFF, 0xFE]).write(to: URL(fileURLWithPath: bad))
    #expect(message(bad) == "'\(bad)': not UTF-8 text (invalid byte at offset 4)")
  }

  @Test("a CRLF table evaluates like the LF one")
  func crlfTable() throws {
    let lf = "id\ta(n)\tb(n)\nwallis\t2n+1\tn^2\nlog2\t1\tn^2\n"
    let paths = [Self.temporary("lf.tsv"), Self.temporary("crlf.tsv")]
    try lf.write(toFile: paths[0], atomically: true, encoding: .utf8)
    try lf.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: paths[1], atomically: true, encoding: .utf8)
    var outputs: [[String]] = []
    for path in paths {
      var failures: [String] = []
      let command = try EvalCommand.parse(["--file", path, "--depth", "200", "--no-delta"])
      outputs.append(try command.evaluate(failures: &failures))
      #expect(failures.isEmpty)
    }
    #expect(outputs[0] == outputs[1])
    #expect(outputs[0].first == "wallis: PCF(2n + 1, n^2) at depth 200")
  }

  @Test("'-' reads standard input; exit codes are 0, 1 and 64, never a signal")
  func standardInputAndExitCodes() throws {
    let table = "a(n)\tb(n)\r\n2n+1\tn^2\r\n"
    let piped = try Self.runBinary(
      ["eval", "--file", "-", "--depth", "50", "--no-delta", "--format", "json"], input: table)
    #expect(piped.status == 0, "\(piped.err)")
    #expect(piped.out.hasPrefix(#"{"id": "line 2", "a": "2n + 1", "b": "n^2", "depth": 50, "status": "converging""#))
    let divergent = try Self.runBinary(["eval", "--a", "3", "--b", "n^3-n^2+4n-3", "--depth", "1000"])
    #expect(divergent.status == 1)
    #expect(divergent.err.contains("diverges: deg b − 2·deg a = 3 ≥ 3"))
    let usage = try Self.runBinary(["eval", "--file", "/tmp", "--depth", "10"])
    #expect(usage.status == 64)
    #expect(usage.err.hasPrefix("Error: '/tmp': is a directory, not a file"))
    // b(3) = 0 ends the fraction with q(2) = 0: an infinite value, not a trap or "try another depth".
    let infinite = try Self.runBinary(["eval", "--a", "1", "--b", "n-3"])
    #expect(infinite.status == 0, "\(infinite.err)")
    #expect(infinite.out.contains("value   infinite (exact: b(3) = 0 ends the fraction with q(2) = 0)"))
  }

  @Test("a walk that cannot fit in memory is refused before it starts")
  func memoryRefusal() throws {
    let huge = "1" + String(repeating: "0", count: 1000) + "n+1"
    let refused = try Self.runBinary(["eval", "--a", huge, "--b", "n^2", "--depth", "10000000"])
    #expect(refused.status == 64)
    #expect(refused.err.contains("to depth 20000000 needs about"))
    #expect(refused.err.contains("GB are available; choose a smaller depth"))
  }
}
