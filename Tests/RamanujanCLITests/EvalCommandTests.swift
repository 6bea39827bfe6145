import Testing

@testable import RamanujanCLI

@Suite struct EvalCommandTests {
  /// Output lines and failure messages of `ramanujan eval ARGS`.
  func run(_ arguments: [String]) throws -> (lines: [String], failures: [String]) {
    let command = try EvalCommand.parse(arguments)
    var failures: [String] = []
    let lines = try command.evaluate(failures: &failures)
    return (lines, failures)
  }

  /// The message ArgumentParser prints for `ramanujan eval ARGS` when they are rejected.
  func rejection(_ arguments: [String]) -> String? {
    do {
      _ = try EvalCommand.parse(arguments)
      return nil
    } catch {
      return EvalCommand.message(for: error)
    }
  }

  @Test("Apéry's PCF at depth 2000: value, digits, rate, δ and gcd growth")
  func apery() throws {
    let (lines, failures) = try run(["--a", "34n^3+51n^2+27n+5", "--b", "-n^6", "--depth", "2000"])
    #expect(failures.isEmpty)
    #expect(lines[0] == "PCF(34n^3 + 51n^2 + 27n + 5, -n^6) at depth 2000")
    #expect(lines[1].hasPrefix("  value   4.991444235484244812098757672929184406502338386402368475678021…"))
    #expect(lines[2] == "  digits  6122 certified decimal places")
    #expect(lines[3] == "  rate    3.0622 digits/term")
    #expect(lines[4] == "  delta   0.08663")
    #expect(lines[5] == "  gcd     log10 gcd(p, q) = 14636.0; gcd ~ (N!)^k·c^N with k = 3.000")
  }

  @Test("JSON holds the keys scripts read, and only certified digits")
  func json() throws {
    let (lines, _) = try run([
      "--a", "34n^3+51n^2+27n+5", "--b", "-n^6", "--depth", "30", "--format", "json", "--limit", "6/zeta(3)",
    ])
    #expect(lines.count == 1)
    let line = lines[0]
    for key in [
      "\"a\": \"34n^3 + 51n^2 + 27n + 5\"", "\"b\": \"-n^6\"", "\"depth\": 30", "\"digits\": 90", "\"rate\": ",
      "\"delta\": ", "\"limit\": \"6/zeta(3)\"",
    ] {
      #expect(line.contains(key), "\(key) in \(line)")
    }
    // 90 places of 6/ζ(3) = 4.99144…928194013939…, rounded.
    #expect(
      line.contains(
        "\"value\": \"4.991444235484244812098757672929184406502338386402368475678021997186747275034087932928194014\""))
    #expect(line.contains("\"agreement\": 9"))
  }

  @Test("--to-digits picks a depth that certifies the digits")
  func toDigits() throws {
    let (lines, failures) = try run([
      "--a", "2n+1", "--b", "n^2", "--to-digits", "50", "--no-delta", "--format", "json",
    ])
    #expect(failures.isEmpty)
    let digits = try #require(lines[0].split(separator: ",").first { $0.contains("\"digits\"") })
    let n = try #require(Int(digits.split(separator: ":")[1].trimmingCharacters(in: " ")))
    #expect(n >= 50)
  }

  @Test("unreachable digits are reported with what was achieved, and no uncertified digit is shown")
  func unreachable() throws {
    let (lines, failures) = try run([
      "--a", "1", "--b", "n^2", "--to-digits", "30", "--max-depth", "1000", "--no-delta", "--no-extrapolation",
    ])
    #expect(failures == ["PCF(1, n^2) certifies only 2 of the 30 places asked for, at depth 1000 (--max-depth 1000)"])
    #expect(lines[1] == "  value   1.44")
  }

  @Test("a divergent fraction and a zero denominator are errors naming the PCF")
  func degenerate() throws {
    let divergent = try run(["--a", "1", "--b", "-n^2", "--depth", "100"])
    #expect(
      divergent.failures == [
        "PCF(1, -n^2) is not seen to converge at depth 100: the decay of the differences collapses between depths 25 and 100 (local exponent 1.16 → 0.11): they tend to a floor or oscillate"
      ])
    let zero = try run(["--a", "0", "--b", "1", "--depth", "50"])
    #expect(
      zero.failures == ["PCF(0, 1): q(N) = 0 at depth 50, so the convergent is undefined there; try another depth"])
    let terminating = try run(["--a", "n", "--b", "2-n", "--depth", "50"])
    #expect(terminating.failures.isEmpty)
    #expect(terminating.lines[0] == "PCF(n, -n + 2) terminates at n = 2")
    #expect(terminating.lines[1] == "  value   1 (exact: b(2) = 0 ends the fraction)")
    let exact = try run(["--a", "3", "--b", "(n-4)(n+1)", "--depth", "50", "--format", "json", "--show-digits", "5"])
    // 3 + (-6)/(3 + (-6)/(3 + (-4)/3)) = 13.
    #expect(
      exact.lines[0].contains("\"value\": \"13.00000\", \"digits\": 5, \"exact_value\": \"13\""), "\(exact.lines[0])")
  }

  @Test("terminating fractions in JSON and against a limit: every place is certified, 100 shown by default")
  func exactValues() throws {
    let json = try run(["--a", "n+1", "--b", "2-n", "--format", "json"])
    #expect(json.failures.isEmpty)
    // 1 + 1/2 = 3/2: terminates at n = 2.
    #expect(json.lines[0].contains("\"value\": \"1.5" + String(repeating: "0", count: 99) + "\", \"digits\": 100"))
    let checked = try run(["--a", "n+1", "--b", "2-n", "--limit", "3/2", "--format", "json"])
    #expect(checked.failures.isEmpty)
    #expect(checked.lines[0].contains("\"agreement\": 100"))
  }

  @Test("a limit that disagrees with the walk is an error, and no δ is computed against it")
  func wrongLimit() throws {
    let (lines, failures) = try run(["--a", "34n^3+51n^2+27n+5", "--b", "-n^6", "--depth", "50", "--limit", "pi"])
    #expect(
      failures == [
        "the limit pi disagrees with the certified value of PCF(34n^3 + 51n^2 + 27n + 5, -n^6) at decimal place 1"
      ])
    #expect(lines.contains("  delta   – (not computed: the given limit disagrees)"))
    #expect(lines.contains("  limit   agrees with pi to 0 places"))
  }

  @Test("a table is evaluated row by row; a bad row is reported and the others still run")
  func table() throws {
    let path = "/tmp/ramanujan-eval-test-\(UInt32.random(in: 0...UInt32.max)).tsv"
    let text =
      "# test table\nid\ta(n)\tb(n)\tlimit\nbrouncker\t2n+1\tn^2\t4/pi\nbroken\t2n+\t1\t\napery\t34n^3+51n^2+27n+5\t-n^6\t6/zeta(3)\n"
    try write(text, to: path)
    let (lines, failures) = try run(["--file", path, "--depth", "100", "--format", "json", "--no-delta"])
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("{\"id\": \"brouncker\""))
    #expect(lines[1].hasPrefix("{\"id\": \"apery\""))
    #expect(
      failures == [
        "\(path):4: row 'broken': cannot read polynomial '2n+' at column 4: unexpected end, expected a number, 'n' or '('"
      ])
  }

  @Test("table errors name the file, the line and what is wrong")
  func tableErrors() throws {
    let base = "/tmp/ramanujan-eval-table-\(UInt32.random(in: 0...UInt32.max))"
    do {
      _ = try run(["--file", base + "-missing.tsv"])
      Issue.record("a missing table must be an error")
    } catch {
      #expect("\(error)" == "'\(base)-missing.tsv': no such file")
    }
    try write("# only comments\n\n", to: base + "-empty.tsv")
    #expect(
      throws: PCFTable.RowError(
        path: base + "-empty.tsv", line: 1, message: "no header line with columns a(n) and b(n)")
    ) {
      try PCFTable(path: base + "-empty.tsv")
    }
    try write("id\tp\tq\n", to: base + "-header.tsv")
    #expect(
      throws: PCFTable.RowError(
        path: base + "-header.tsv", line: 1, message: "the header must name columns 'a(n)' and 'b(n)'; it has id, p, q")
    ) { try PCFTable(path: base + "-header.tsv") }
    try write("id\ta(n)\tb(n)\nhalf\t2n+1\t\n", to: base + "-row.tsv")
    let (lines, failures) = try run(["--file", base + "-row.tsv"])
    #expect(lines.isEmpty && failures == ["\(base)-row.tsv:2: row 'half' has no a(n) or b(n)"])
    #expect(
      rejection(["--a", "1", "--b", "1", "--file", base + "-row.tsv"]) == "give either --a/--b or --file, not both")
  }

  @Test("bad arguments are rejected with a message naming them")
  func validation() {
    #expect(rejection(["--a", "1", "--b", "1", "--depth", "0"]) == "--depth must be at least 1, got 0")
    #expect(
      rejection(["--a", "1", "--b", "1", "--depth", "20000000"]) == "--depth must be at most 10000000, got 20000000")
    #expect(
      rejection(["--a", "1", "--b", "1", "--to-digits", "5", "--max-depth", "20000000"])
        == "--max-depth must be at most 10000000, got 20000000")
    #expect(rejection(["--a", "1", "--b", "1", "--to-digits=-3"]) == "--to-digits must be at least 1, got -3")
    #expect(
      rejection(["--a", "1", "--b", "1", "--to-digits", "1000000000"])
        == "--to-digits must be at most 100000000, got 1000000000")
    #expect(
      rejection(["--a", "1", "--b", "1", "--depth", "5", "--to-digits", "5"]) == "give --depth or --to-digits, not both"
    )
    #expect(rejection(["--a", "1"]) == "--b is missing (the partial numerators b(n))")
    #expect(rejection([]) == "give --a and --b, or --file")
    #expect(
      rejection(["--a", "34n^^3", "--b", "1"])
        == "--a: cannot read polynomial '34n^^3' at column 5: exponent must be a non-negative integer, got '^3'")
    #expect(
      rejection(["--a", "1", "--b", "3x"])
        == "--b: cannot read polynomial '3x' at column 2: unknown symbol 'x' (the variable is 'n')")
    #expect(rejection(["--a", "1", "--b", "1", "--threads", "0"]) == "--threads must be in 1...1024, got 0")
    #expect(
      rejection(["--a", "1", "--b", "1", "--limit", "zeta3"]) == "--limit: cannot read 'zeta3' at column 1 of 'zeta3'")
    #expect(
      rejection(["--a", "1", "--b", "1", "--format", "xml"])?.hasPrefix(
        "The value 'xml' is invalid for '--format <format>'") == true)
  }

  @Test("the help abstract")
  func help() {
    #expect(EvalCommand.configuration.abstract == "Evaluate polynomial continued fractions exactly.")
    #expect(
      RamanujanCommand.configuration.abstract == "Evaluate, identify and search for formulas of mathematical constants."
    )
  }
}

func write(_ text: String, to path: String) throws {
  guard let f = fopen(path, "w") else { throw CLITestError.cannotWrite(path) }
  fputs(text, f)
  fclose(f)
}

enum CLITestError: Error { case cannotWrite(String) }

#if canImport(Glibc)
  import Glibc
#endif

extension Substring {
  func trimmingCharacters(in set: Character) -> String { String(self.drop { $0 == set }) }
}
