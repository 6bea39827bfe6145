import Testing

@testable import RamanujanCLI

/// The inputs of issue #8 that reached the parsers from the command line: each is refused with a
/// one-line usage error (exit code 64) naming the option and the column, or read exactly.
@Suite struct ParserLimitsCLITests {
  func evalRejection(_ arguments: [String]) -> String? {
    do {
      _ = try EvalCommand.parse(arguments)
      return nil
    } catch {
      return EvalCommand.message(for: error)
    }
  }

  @Test("eval --a: two numbers in a row, deep nesting, degree beyond the limit")
  func evalPolynomials() {
    #expect(
      evalRejection(["--a", "2 3", "--b", "1"])
        == "--a: cannot read polynomial '2 3' at column 3: two numbers in a row: write '*' between them to multiply")
    #expect(
      evalRejection(["--a", "1 000", "--b", "1"])
        == "--a: cannot read polynomial '1 000' at column 3: two numbers in a row: write '*' between them to multiply")
    let deep = String(repeating: "(", count: 20_000) + "n" + String(repeating: ")", count: 20_000)
    #expect(
      evalRejection(["--a", deep, "--b", "1"])
        == "--a: cannot read polynomial '\(deep)' at column 201: parentheses nest deeper than 200")
    let juxtaposed = String(repeating: "n", count: 60_000)
    #expect(
      evalRejection(["--a", "1", "--b", juxtaposed])
        == "--b: cannot read polynomial '\(juxtaposed)' at column 10001: the degree would be 10001, above the limit of 10000"
    )
    #expect(
      evalRejection(["--a", "((n^100)^100)^100", "--b", "1"])
        == "--a: cannot read polynomial '((n^100)^100)^100' at column 14: the degree would be 1000000, above the limit of 10000"
    )
  }

  @Test("eval --a 'n^10000', the stated exponent limit, is read and walked")
  func largestPower() throws {
    let command = try EvalCommand.parse(["--a", "n^10000", "--b", "1", "--depth", "8", "--format", "json"])
    var failures: [String] = []
    let lines = try command.evaluate(failures: &failures)
    #expect(failures.isEmpty)
    #expect(lines.count == 1 && lines[0].contains(#""a": "n^10000""#))
  }

  @Test("eval --limit: deep nesting and sign chains of constant expressions")
  func evalLimit() {
    let signs = String(repeating: "-", count: 20_000) + "pi"
    #expect(
      evalRejection(["--a", "1", "--b", "1", "--limit=\(signs)"])
        == "--limit: nested deeper than 200 levels at column 201 of '\(signs)' (parentheses, signs, powers and each "
        + "operator of a chain add a level)")
    #expect(
      evalRejection(["--a", "1", "--b", "1", "--limit", "2 3"]) == "--limit: cannot read '3' at column 3 of '2 3'")
  }

  @Test("identify --constants: a deeply nested constant is refused with the column")
  func identifyConstants() {
    let deep = String(repeating: "(", count: 20_000) + "pi" + String(repeating: ")", count: 20_000)
    do {
      _ = try IdentifyCommand.parse(["--value", "1.5", "--constants", "e,\(deep)"]).identify()
      Issue.record("no error")
    } catch {
      let message = IdentifyCommand.message(for: error)
      #expect(message.hasPrefix("--constants: "), "\(message.prefix(80))")
      #expect(message.contains("nested deeper than 200 levels at column 201"), "\(message.prefix(80))")
    }
  }

  @Test("cmf check 'ffbar:(x+y)^1000,x-y' is refused by the parser, quickly")
  func ffbar() throws {
    var failure: String?
    let message: String
    do {
      _ = try CMFCheckCommand.parse(["ffbar:(x+y)^1000,x-y"]).lines(failure: &failure)
      message = failure ?? ""
    } catch {
      message = CMFCheckCommand.message(for: error)
    }
    #expect(message.contains("cannot read '(x+y)^1000' at column 6: the degree would be 1000, above the limit of 100"))
  }
}
