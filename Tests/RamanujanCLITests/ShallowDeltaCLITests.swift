import Testing

@testable import RamanujanCLI

@Suite struct ShallowDeltaCLITests {
  func eval(_ arguments: [String]) throws -> (lines: [String], failures: [String]) {
    var failures: [String] = []
    let lines = try EvalCommand.parse(arguments).evaluate(failures: &failures)
    return (lines, failures)
  }

  @Test("eval: δ against a given limit at depths 1 and 2, where nothing is certified yet")
  func shallowDelta() throws {
    let one = try eval(["--a", "2n+1", "--b", "n^2", "--depth", "1", "--limit", "4/pi"])
    #expect(one.failures.isEmpty)
    #expect(one.lines[0] == "PCF(2n + 1, n^2) at depth 1")
    #expect(one.lines[1].hasPrefix("  digits  0 certified decimal places (depth 1 is too shallow"))
    #expect(one.lines[2] == "  delta   1.559455 (against 4/pi; needs no certified place)")
    let two = try eval(["--a", "2n+1", "--b", "n^2", "--depth", "2", "--limit", "4/pi", "--format", "json"])
    #expect(two.lines[0].contains(#""status": "not_converging""#))
    #expect(two.lines[0].contains(#""delta": 0.56126"#))
    // Without a limit δ needs the walk's own deeper value, which depth 1 cannot certify.
    let blind = try eval(["--a", "2n+1", "--b", "n^2", "--depth", "1"])
    #expect(blind.lines == ["PCF(2n + 1, n^2) at depth 1"])
    #expect(blind.failures.count == 1 && blind.failures[0].contains("is not seen to converge at depth 1"))
    // δ undefined (q = 1) keeps the failure and says why.
    let golden = try eval(["--a", "1", "--b", "1", "--depth", "1", "--limit", "phi"])
    #expect(golden.lines[2].hasPrefix("  delta   – (the reduced denominator q is 1 at depth 1"))
    #expect(golden.failures.count == 1)
  }

  @Test("cmf walk --identify walks deeper until the digits suffice, up to --max-depth")
  func identifyDeeper() throws {
    var failure: String?
    let arguments = [
      "pfq:2,2,-1", "--trajectory", "1,1,0,-1", "--start", "1,1,-1,-1", "--depth", "100", "--identify", "euler_gamma",
      "--no-delta",
    ]
    let lines = try CMFWalkCommand.parse(arguments).lines(failure: &failure)
    #expect(failure == nil)
    #expect(lines[0] == "pfq:2,2,-1 along (1, 1, 0, -1) from (1, 1, -1, -1) at depth 400")
    #expect(lines.last?.hasPrefix("  identify  (-5*gamma+3)/(3*gamma-1) (mobius, ") == true)
    // Capped below the depth the digits need: no relation, and the walk says why.
    let capped = try CMFWalkCommand.parse(arguments + ["--max-depth", "200"]).lines(failure: &failure)
    // (An extrapolation line, when the walk is deep enough to try one, says why there is none.)
    #expect(
      capped.filter { !$0.hasPrefix("  extrap") } == ["pfq:2,2,-1 along (1, 1, 0, -1) from (1, 1, -1, -1) at depth 200"]
    )
    #expect(failure?.contains("is not seen to converge at depth 200") == true)
    #expect(
      (try? CMFWalkCommand.parse(["zeta3", "--trajectory", "1,1", "--start", "1,1", "--max-depth", "0"])) == nil)
  }
}
