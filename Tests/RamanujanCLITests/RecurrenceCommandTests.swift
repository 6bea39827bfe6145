import Testing

@testable import RamanujanCLI

@Suite struct RecurrenceCommandTests {
  let gamma = "-(n-1)(n+2), 2n^3+7n^2+n-8, -(n+1)^2(n^2+3n-2), n^3(n+1)"

  func rejection<C: ParsableCommandForTests>(_ command: C.Type, _ arguments: [String]) -> String? {
    do {
      _ = try C.parse(arguments)
      return nil
    } catch {
      return C.message(for: error)
    }
  }

  @Test("recurrence solve: Fibonacci, and a family over a parameter")
  func solve() throws {
    #expect(
      try RecurrenceSolveCommand.parse(["--relation", "-1, 1, 1", "--initial", "1,1", "--start", "33", "--terms", "5"])
        .lines() == ["2, 3, 5, 8, 13"])
    #expect(
      try RecurrenceSolveCommand.parse([
        "--relation", "-1, c, 1", "--initial", "0,1", "--terms", "3", "--param", "c=1..2",
      ])
      .lines() == ["c=1: 1, 2, 3", "c=2: 2, 5, 12"])
    #expect(
      rejection(RecurrenceSolveCommand.self, ["--relation", "-1, 1, 1", "--initial", "1"])
        == "--initial: 1 values given for a recurrence of order 2: give 2")
    #expect(
      rejection(RecurrenceSolveCommand.self, ["--relation", "0, 1"]) == "--relation: c0 must not be zero")
    #expect(
      rejection(RecurrenceSolveCommand.self, ["--relation", "n, -n^3, 1", "--initial", "1,1", "--terms", "100000"])?
        .hasPrefix("--terms 100000: the values would take about 4.7e+11 bits in all, above 1e9") == true)
    #expect(
      rejection(RecurrenceSolveCommand.self, ["--relation", "-1, c", "--initial", "1", "--param", "c=3..1"])
        == "--param: parameter 'c=3..1': the range 3..1 is empty")
    #expect(
      rejection(RecurrenceSolveCommand.self, ["--relation", "-1, x", "--initial", "1"])?.hasPrefix(
        "--relation coefficient c1: ") == true)
  }

  @Test("recurrence limit: γ from the initial values of ramanujantools' test, found and checked")
  func limit() throws {
    var failures: [String] = []
    let lines = try RecurrenceLimitCommand.parse([
      "--relation", gamma, "--start", "2", "--depth", "1000", "--find-initial", "euler_gamma",
    ]).lines(failures: &failures)
    #expect(failures.isEmpty)
    #expect(lines.last?.hasPrefix("  initial   (3, 12, 59)·u / (6, 21, 102)·u → euler_gamma (agrees to ") == true)
    let given = try RecurrenceLimitCommand.parse([
      "--relation", gamma, "--start", "2", "--depth", "1000", "--numerator", "3,12,59", "--denominator", "6,21,102",
      "--identify", "euler_gamma",
    ]).lines(failures: &failures)
    #expect(given[2].hasPrefix("  value     0.5772156649015328606065120900824024310421"))
    #expect(given.last == "  identify  gamma (mobius, 52 digits)")
    // A PCF is walked from its convergents p, q: Apéry's 6/ζ(3).
    let apery = try RecurrenceLimitCommand.parse(["--a", "34n^3+51n^2+27n+5", "--b", "-n^6", "--depth", "100"])
      .lines(failures: &failures)
    #expect(apery[2].hasPrefix("  value     4.99144423548424481209875767292918440650233838640"))
    // c0 vanishing on the walk is named.
    _ = try RecurrenceLimitCommand.parse(["--relation", gamma, "--start", "0", "--depth", "10"]).lines(
      failures: &failures)
    #expect(failures == ["recurrence [\(Self.normal)]: c0(1) = 0 on the walk from n = 0: start after n = 1"])
    #expect(
      rejection(RecurrenceLimitCommand.self, ["--relation", "-1, n"])
        == "a limit of ratios needs a recurrence of order at least 2, got order 1")
  }

  static let normal = "-n^2 - n + 2, 2n^3 + 7n^2 + n - 8, -n^4 - 5n^3 - 5n^2 + n + 2, n^4 + n^3"

  @Test("recurrence transform: fold/unfold, inflate/deflate of a PCF, deflate-all, compose")
  func transform() throws {
    var failures: [String] = []
    let folded = try RecurrenceTransformCommand.parse([
      "--relation", "-1, n, (n-3)(n+7)(n-11)", "--fold", "(n-1)(n+2)",
    ]).lines(failures: &failures)
    #expect(folded == ["[-1, -n^2 + 2, 2n^3 - 7n^2 - 68n + 233, n^5 - 9n^4 - 60n^3 + 260n^2 + 384n - 576]"])
    let unfolded = try RecurrenceTransformCommand.parse([
      "--relation", "-1, -n^2 + 2, 2n^3 - 7n^2 - 68n + 233, n^5 - 9n^4 - 60n^3 + 260n^2 + 384n - 576", "--unfold",
      "auto",
    ]).lines(failures: &failures)
    #expect(unfolded == ["[-1, n, n^3 - 7n^2 - 65n + 231] = PCF(n, n^3 - 7n^2 - 65n + 231) (multiplier n^2 + n - 2)"])
    let inflated = try RecurrenceTransformCommand.parse(["--a", "n+4", "--b", "n^2", "--inflate", "3"]).lines(
      failures: &failures)
    #expect(inflated == ["[-1, 3n + 12, 9n^2] = PCF(3n + 12, 9n^2)"])
    let all = try RecurrenceTransformCommand.parse(["--a", "(n+1)(n+4)", "--b", "n^2 (n+1) n", "--deflate-all"]).lines(
      failures: &failures)
    #expect(all == ["PCF(n + 4, n^2) (deflated by n + 1)"])
    let composed = try RecurrenceTransformCommand.parse(["--relation", "-1, 1, 1", "--compose", "1, n"]).lines(
      failures: &failures)
    #expect(composed == ["[-1, -n + 1, n + 1, n]"])  // R(n) + n·R(n−1)
    #expect(failures.isEmpty)
    _ = try RecurrenceTransformCommand.parse(["--a", "n", "--b", "n", "--deflate", "n+1"]).lines(failures: &failures)
    #expect(failures == ["[-1, n, n] is not an inflation by n + 1"])
    #expect(
      rejection(RecurrenceTransformCommand.self, ["--a", "n", "--b", "n"])
        == "give exactly one of --fold, --unfold, --compose, --inflate, --deflate, --deflate-all")
  }

  @Test("recurrence asymptotics and eval's prediction beside the measured rate and δ")
  func asymptotics() throws {
    let lines = try RecurrenceAsymptoticsCommand.parse(["--a", "34n^3+51n^2+27n+5", "--b", "-n^6"]).lines()
    #expect(lines[1] == "  solution  (n!)^3·(33.970563)^n  (|lambda| = 33.970563)")
    #expect(lines[3] == "  rate      3.062205 digits/term (log10 |lambda1/lambda2|)")
    var failures: [String] = []
    let eval = try EvalCommand.parse(["--a", "34n^3+51n^2+27n+5", "--b", "-n^6", "--depth", "2000"]).evaluate(
      failures: &failures)
    #expect(
      eval[6]
        == "  predict rate 3.0622 digits/term, delta 0.08729 (with the measured gcd) (Poincaré polynomial, without walking)"
    )
  }

  @Test("eval --param walks a family in one call, substituted exactly")
  func evalFamily() throws {
    var failures: [String] = []
    let lines = try EvalCommand.parse([
      "--a", "(2n+1)(c n^2 + c n + 5)", "--b", "-n^6", "--param", "c=16..18", "--depth", "100", "--no-delta",
    ]).evaluate(failures: &failures)
    #expect(lines.filter { $0.hasPrefix("c=") }.count == 3)
    #expect(lines.contains("c=17: PCF(34n^3 + 51n^2 + 27n + 5, -n^6) at depth 100"))
    #expect(
      (try? EvalCommand.parse(["--a", "c n", "--b", "1", "--param", "n=1..2"])) == nil)
  }
}

extension RecurrenceSolveCommand: ParsableCommandForTests {}
extension RecurrenceLimitCommand: ParsableCommandForTests {}
extension RecurrenceTransformCommand: ParsableCommandForTests {}
