import Testing

@testable import RamanujanCLI

@Suite struct RelateCommandTests {
  func output(_ arguments: [String]) throws -> (lines: [String], failure: String?) {
    try RelateCommand.parse(arguments).output()
  }

  func rejection(_ arguments: [String]) -> String? {
    do {
      _ = try RelateCommand.parse(arguments)
      return nil
    } catch {
      return RelateCommand.message(for: error)
    }
  }

  @Test("relate --format json: the keys of the issue, a proven pair with its certificate")
  func json() throws {
    let (lines, failure) = try output([
      "--a1", "2", "--b1", "n^2", "--a2", "1", "--b2", "n^2+n", "--format", "json",
    ])
    #expect(failure == nil)
    let line = try #require(lines.first)
    #expect(
      line.hasPrefix(
        #"{"a1": "2", "b1": "n^2", "a2": "1", "b2": "n^2 + n", "proven": true, "fold": [1, 1], "U": [["n", "-n^2"], ["-1", "n - 1"]], "multiplier": "1", "mobius": [["1", "0"], ["1", "-1"]], "digits": "#
      ))
    #expect(line.contains(#""seconds": "#))
    #expect(line.contains(#""note": "the Möbius relation is checked to "#))
  }

  @Test("relate text: fold, U, multiplier and the Möbius relation")
  func text() throws {
    let (lines, failure) = try output([
      "--a1", "48n^3-36n^2+6n", "--b1", "-64n^6+288n^5-404n^4+132n^3+63n^2", "--a2", "2n+1", "--b2", "n^2",
    ])
    #expect(failure == nil)
    #expect(lines[0] == "PCF(48n^3 - 36n^2 + 6n, -64n^6 + 288n^5 - 404n^4 + 132n^3 + 63n^2) ~ PCF(2n + 1, n^2): proven")
    #expect(lines[1] == "  fold        1, 2")
    #expect(lines[3] == "  multiplier  (4n + 1)/(2)")
    #expect(lines[5] == "  mobius      L1 = (3·L2 + 0)/(2·L2 + 2)")
  }

  @Test("relate: limits of different constants end not proven (exit 1) with the reason")
  func notProven() throws {
    let (lines, failure) = try output([
      "--a1", "n+1", "--b1", "n+1", "--a2", "2n+1", "--b2", "n^2", "--format", "json",
    ])
    #expect(lines[0].contains(#""proven": false, "fold": null, "U": null, "multiplier": null, "mobius": null"#))
    #expect(failure?.hasPrefix("not proven: different limits: no relation L1 = (p·L2 + q)/(r·L2 + s)") == true)
  }

  @Test("relate: usage errors name the option")
  func usage() throws {
    #expect(
      rejection(["--a1", "x", "--b1", "1", "--a2", "1", "--b2", "1"])
        == "--a1: cannot read polynomial 'x' at column 1: unknown symbol 'x' (the variable is 'n')")
    #expect(
      rejection(["--a1", "1", "--b1", "1", "--a2", "1", "--b2", "1", "--max-degree", "41"])
        == "--max-degree must be in 0...40, got 41")
    #expect(
      rejection(["--a1", "1", "--b1", "1", "--a2", "1", "--b2", "1", "--max-fold", "0"])
        == "--max-fold must be in 1...8, got 0")
    #expect(
      rejection(["--a1", "1", "--b1", "1", "--a2", "1", "--b2", "1", "--digits", "0"])
        == "--digits must be in 1...10000, got 0")
    #expect(rejection(["--a1", "1", "--b1", "1", "--a2", "1"]) == "Missing expected argument '--b2 <b2>'")
    #expect(throws: (any Error).self) {
      try output(["--a1", "n+1", "--b1", "n-3", "--a2", "1", "--b2", "1"])
    }
  }
}
