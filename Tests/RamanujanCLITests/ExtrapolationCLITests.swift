import Testing

@testable import RamanujanCLI

@Suite struct ExtrapolationCLITests {
  func eval(_ arguments: [String]) throws -> (lines: [String], failures: [String]) {
    let command = try EvalCommand.parse(arguments)
    var failures: [String] = []
    let lines = try command.evaluate(failures: &failures)
    return (lines, failures)
  }

  @Test("eval --to-digits 300 reads 1/ζ(3) from its slow PCF by extrapolation; JSON keys apart from the certified ones")
  func zeta3JSON() throws {
    let (lines, failures) = try eval([
      "--a", "n^3+(n+1)^3", "--b", "-n^6", "--to-digits", "300", "--max-depth", "20000", "--format", "json",
      "--no-delta",
    ])
    #expect(failures.isEmpty, "\(failures)")
    let line = try #require(lines.first)
    #expect(line.contains("\"extrapolated_value\": \"0.8319073725807074686831262788215307344170563977337280792796"))
    #expect(
      line.contains(
        "\"extrapolation\": {\"method\": \"richardson\", \"alpha\": 2.0, \"alpha_integer\": true, \"period\": 1"))
    // The certified digits stay the walk's own: few.
    #expect(
      line.contains("\"digits\": 1,") || line.contains("\"digits\": 2,") || line.contains("\"digits\": 3,")
        || line.contains("\"digits\": 4,") || line.contains("\"digits\": 5,") || line.contains("\"digits\": 6,"),
      "\(line)")
    let digits = try #require(line.split(separator: "\"extrapolated_digits\": ").last?.prefix { $0.isNumber })
    #expect(Int(digits)! >= 300)
  }

  @Test("eval shows the extrapolation apart (text), and --no-extrapolation turns it off")
  func textAndOff() throws {
    let (lines, failures) = try eval(["--a", "1", "--b", "n^2", "--depth", "1000", "--no-delta"])
    #expect(failures.isEmpty)
    #expect(
      lines.contains { $0.hasPrefix("  extrap  1.442695040888963407359924681001892137426645954152985934135449…") })
    #expect(lines.contains { $0.contains("extrapolated places (not certified): Richardson in 1/n, α = 1, period 2") })
    let (off, offFailures) = try eval(["--a", "1", "--b", "n^2", "--depth", "1000", "--no-delta", "--no-extrapolation"])
    #expect(offFailures.isEmpty)
    #expect(!off.contains { $0.contains("extrap") })
    let json = try eval([
      "--a", "1", "--b", "n^2", "--depth", "1000", "--no-delta", "--no-extrapolation", "--format", "json",
    ])
    #expect(
      json.lines[0].contains("\"extrapolated_value\": null, \"extrapolated_digits\": null, \"extrapolation\": null"))
  }

  @Test("a fast PCF has no extrapolation (null); --to-digits beyond reach names both counts")
  func notApplicableAndShort() throws {
    let fast = try eval(["--a", "2n+1", "--b", "n^2", "--format", "json", "--no-delta"])
    #expect(fast.lines[0].contains("\"extrapolation\": null"))
    let short = try eval([
      "--a", "4n^3+6n^2+12n+5", "--b", "-4n^6", "--to-digits", "200", "--max-depth", "3000", "--no-delta",
    ])
    #expect(short.failures.count == 1)
    #expect(short.failures.first?.contains("extrapolates") == true, "\(short.failures)")
  }

  @Test("eval refuses to extrapolate a walk with a leading log term: a reason, no number")
  func logTermRefused() throws {
    let (lines, _) = try eval(["--a", "2n+1", "--b", "-n^2", "--depth", "4000", "--no-delta"])
    #expect(lines.contains { $0.hasPrefix("  extrap  – (cannot extrapolate:") }, "\(lines)")
  }

  @Test("identify reads 2/(7ζ(3)−8) from its slow PCF by extrapolation")
  func identifySlow() throws {
    let command = try IdentifyCommand.parse([
      "--a", "4n^3+6n^2+12n+5", "--b", "-4n^6", "--constants", "zeta(3)", "--max-depth", "20000",
    ])
    let lines = try command.identify()
    #expect(lines.first == "PCF(4n^3 + 6n^2 + 12n + 5, -4n^6) = 2/(7*zeta(3)-8)", "\(lines)")
    #expect(lines.contains { $0.contains("extrapolated places (not certified)") })
  }

  @Test("cmf walk extrapolates the slow ζ(3) trajectory (1, 0)")
  func cmfWalk() throws {
    let command = try CMFWalkCommand.parse([
      "zeta3", "--trajectory", "1,0", "--start", "1,1", "--depth", "1000", "--no-delta",
    ])
    var failure: String?
    let lines = try command.lines(failure: &failure)
    #expect(failure == nil)
    #expect(lines.contains { $0.hasPrefix("  extrap  -0.1680926274192925313168737211784692655829") }, "\(lines)")
  }
}
