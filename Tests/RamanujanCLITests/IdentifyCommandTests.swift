import Foundation
import Testing

@testable import RamanujanCLI

@Suite struct IdentifyCommandTests {
  /// Output lines of `ramanujan identify ARGS`.
  func run(_ arguments: [String]) throws -> [String] {
    try IdentifyCommand.parse(arguments).identify()
  }

  /// The message ArgumentParser prints for `ramanujan identify ARGS` when they are rejected.
  func rejection(_ arguments: [String]) -> String? {
    do {
      _ = try IdentifyCommand.parse(arguments)
      return nil
    } catch {
      return IdentifyCommand.message(for: error)
    }
  }

  /// The error `identify()` throws for arguments that parse.
  func failure(_ arguments: [String]) throws -> String? {
    let command = try IdentifyCommand.parse(arguments)
    do {
      _ = try command.identify()
      return nil
    } catch {
      return "\(error)"
    }
  }

  static let value = "4.99144423548424481209875767293"

  @Test("the brief's value against zeta(3): text")
  func valueText() throws {
    #expect(
      try run(["--value", Self.value, "--constants", "zeta(3)"]) == [
        "4.99144423548424481209875767293 = 6/zeta(3)",
        "  form       mobius",
        "  relation   x*zeta(3)-6 = 0",
        "  digits     29 significant digits match; the coefficients take 4 (ratio 7.25, at least 18 needed)",
        "  confirmed  no: a given value cannot be recomputed",
      ])
  }

  @Test("the brief's value: JSON, with both algorithms")
  func valueJSON() throws {
    let expected =
      #"{"value": "4.99144423548424481209875767293", "expression": "6/zeta(3)", "digits": 29, "form": "mobius", "relation": "x*zeta(3)-6 = 0", "coefficient_digits": 4, "ratio": 7.25, "confirmed_digits": null}"#
    #expect(try run(["--value", Self.value, "--constants", "zeta(3)", "--format", "json"]) == [expected])
    #expect(
      try run(["--value", Self.value, "--constants", "zeta(3)", "--format", "json", "--algorithm", "lll"]) == [expected]
    )
  }

  @Test("Apéry's PCF against five constants: evaluated deep enough, then confirmed at twice the digits")
  func pcf() throws {
    let arguments = ["--a", "34n^3+51n^2+27n+5", "--b", "-n^6", "--constants", "pi,e,zeta(3),G,log(2)"]
    let lines = try run(arguments)
    #expect(lines.count == 6)
    #expect(lines[0] == "PCF(34n^3 + 51n^2 + 27n + 5, -n^6) = 6/zeta(3)")
    #expect(lines[1] == "  form       mobius")
    #expect(lines[2] == "  relation   x*zeta(3)-6 = 0")
    #expect(lines[3].hasPrefix("  digits     "))
    #expect(lines[4].hasPrefix("  confirmed  yes, on the value recomputed to "))
    #expect(lines[5].hasPrefix("  depth      "))
    let json = try run(arguments + ["--format", "json"])
    #expect(json.count == 1)
    #expect(json[0].hasPrefix(#"{"a": "34n^3 + 51n^2 + 27n + 5", "b": "-n^6", "depth": "#))
    #expect(json[0].contains(#""expression": "6/zeta(3)", "digits": "#))
  }

  @Test("--digits sets the evaluation; the value is confirmed at twice that")
  func pcfDigits() throws {
    let lines = try run(["--a", "2n+1", "--b", "n^2", "--constants", "pi", "--digits", "40"])
    #expect(lines[0] == "PCF(2n + 1, n^2) = 4/pi")
    #expect(lines[2] == "  relation   x*pi-4 = 0")
  }

  @Test("no relation: what was searched, at how many digits")
  func noRelation() throws {
    let value = "1.234567890987654321234567890987654321234"
    #expect(
      try run(["--value", value]) == [
        "\(value): no relation",
        "  searched   rational; mobius in pi, e, zeta(3), G, log(2); algebraic up to degree 4; linear-fractional in all with |coefficients| ≤ 10000",
        "  digits     39",
      ])
    #expect(
      try run(["--value", value, "--format", "json", "--constants", "e"]) == [
        #"{"value": "1.234567890987654321234567890987654321234", "expression": null, "digits": 39, "form": null, "relation": null, "coefficient_digits": null, "ratio": null, "confirmed_digits": null}"#
      ])
  }

  @Test("text abbreviates a long value; JSON keeps it whole")
  func longValue() throws {
    let value =
      "0.69314718055994530941723212145817656807550013436025525412068000949339362196969471560586332699641868754200148102057068573368552023575813055703267075163507596193072757082837143519030703862389167347112335011536449795523912047517268157493206515552473413952588295045300709532636664265410423915781495204374"
    let lines = try run(["--value", value, "--constants", "log(2)"])
    #expect(lines[0] == "0.693147180559945309417232121458176568075500134360255254120… = log(2)")
    let json = try run(["--value", value, "--constants", "log(2)", "--format", "json"])
    #expect(json[0].hasPrefix(#"{"value": "\#(value)", "expression": "log(2)", "digits": 298, "#))
  }

  @Test("an algebraic number without radicals is reported by its polynomial")
  func polynomialOnly() throws {
    // 2cos(2π/7), a root of x³ + x² − 2x − 1.
    let value = "1.2469796037174670610500097680084796212645"
    let lines = try run(["--value", value])
    #expect(lines[0] == "\(value) is the root of x^3+x^2-2*x-1 near \(value)")
    #expect(lines[1] == "  form       algebraic of degree 3")
  }

  @Test("a terminating PCF is its exact rational")
  func terminating() throws {
    #expect(try run(["--a", "1", "--b", "2-n"]) == ["PCF(1, -n + 2) = 2 (exact: b(2) = 0 ends the fraction)"])
    #expect(
      try run(["--a", "1", "--b", "2-n", "--format", "json"]) == [
        #"{"a": "1", "b": "-n + 2", "expression": "2", "digits": null, "exact": true}"#
      ])
  }

  @Test("run-time refusals name the digits")
  func refusals() throws {
    #expect(
      try failure(["--a", "1", "--b", "n^2", "--constants", "log(2)", "--max-depth", "2000", "--no-extrapolation"])
        == "PCF(1, n^2) certifies only 2 significant digits at depth 2000 (--max-depth 2000), too few to identify anything: the shortest relation needs 14"
    )
    #expect(
      try failure(["--value", "3.14159"])
        == "the value has 5 correct digits, too few to identify anything: the shortest relation needs 14 (see the precision discipline); give more digits"
    )
    #expect(
      try failure(["--a", "1", "--b", "-1", "--max-depth", "1000"])
        == "PCF(1, -1) diverges: lead(a)² + 4·lead(b) = -3 < 0 with deg b = 2·deg a: the characteristic roots are complex conjugate, the convergents oscillate"
    )
    #expect(
      try failure(["--value", Self.value, "--constants", "pi,2*pi+1"])
        == "the constants are not independent: (2*pi+1)-2*pi-1 = 0 holds to 29 digits; remove one of them")
  }

  @Test("every validation message, word for word")
  func validation() {
    let known =
      "known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, "
      + "gauss, lemniscate, khinchin, glaisher"
    #expect(
      rejection(["--value", "1.5", "--constants", "pi", "--digits", "2000000"])
        == "--digits must be at most 100000, the most identification takes, got 2000000")
    #expect(
      rejection(["--a", "1", "--b", "n^2", "--digits", "100001"])
        == "--digits must be at most 100000, the most identification takes, got 100001")
    #expect(
      rejection(["--a", "1", "--b", "n^2", "--constants", "pi", "--max-depth", "20000000"])
        == "--max-depth must be at most 10000000, got 20000000")
    #expect(rejection([]) == "give --value, or --a and --b")
    #expect(rejection(["--value", "1.5", "--a", "1"]) == "give either --value or --a/--b, not both")
    #expect(rejection(["--a", "1"]) == "--b is missing (the partial numerators b(n))")
    #expect(rejection(["--b", "1"]) == "--a is missing (the partial denominators a(n))")
    #expect(
      rejection(["--value", ""])
        == "--value: the value is empty; give a decimal number such as 4.99144423548424481209875767293")
    #expect(rejection(["--value", "abc"]) == "--value: 'abc' is not a decimal number")
    #expect(rejection(["--value", "4.99", "--constants", "pi,foo"]) == "--constants: unknown constant 'foo'; \(known)")
    #expect(
      rejection(["--value", "4.99", "--constants", "zeta3"]) == "--constants: unknown constant 'zeta3'; \(known)")
    #expect(rejection(["--value", "4.99", "--constants", "pi,,e"]) == "--constants: constant 2 of 'pi,,e' is empty")
    #expect(
      rejection(["--value", "4.99", "--constants", "pi*"])
        == "--constants: cannot read the constant 'pi*': missing operand at column 4 of 'pi*'")
    #expect(rejection(["--value", "4.99", "--constants", "pi,pi"]) == "--constants: the constant pi is listed twice")
    #expect(rejection(["--value", "4.99", "--max-coefficient", "0"]) == "--max-coefficient must be at least 1, got 0")
    #expect(rejection(["--value", "4.99", "--degree", "0"]) == "--degree must be in 1...12, got 0")
    #expect(rejection(["--value", "4.99", "--degree", "13"]) == "--degree must be in 1...12, got 13")
    #expect(
      rejection(["--a", "1", "--b", "1", "--digits", "5"])
        == "--digits must be at least 14, the fewest that can identify anything, got 5")
    #expect(rejection(["--a", "1", "--b", "1", "--max-depth", "0"]) == "--max-depth must be at least 1, got 0")
    #expect(rejection(["--a", "1", "--b", "1", "--threads", "0"]) == "--threads must be in 1...1024, got 0")
    #expect(
      rejection(["--a", "34n^^3", "--b", "1"])
        == "--a: cannot read polynomial '34n^^3' at column 5: exponent must be a non-negative integer, got '^3'")
    #expect(
      rejection(["--value", "4.99", "--algorithm", "fft"])?.hasPrefix(
        "The value 'fft' is invalid for '--algorithm <algorithm>'") == true)
  }

  // MARK: Hostile values (issue #8)

  @Test(
    "a value near a multiple root is no root of (x-1)^k: no relation",
    arguments: [
      "1.000000000001234567890123456789012345678901234",
      "0.5000000000002718281828459045235360287471352662497757",
      "1.0000000000000000000000000000001577721810442023610823457130565572459346412870218",
    ])
  func multipleRootTraps(value: String) throws {
    let lines = try run(["--value", value])
    #expect(lines[0].hasSuffix(": no relation"), "\(lines)")
    #expect(try run(["--value", value, "--degree", "12", "--constants", "pi"])[0].hasSuffix(": no relation"))
  }

  @Test("values beyond 10^±1000000 or of more than 100000 digits are refused, naming the value")
  func outOfRangeValues() {
    let range = "is out of range: identification takes values between 1e-1000000 and 1e1000000 in magnitude"
    #expect(
      rejection(["--value", "1.23456789012345678901234567890e100000000"])
        == "--value: '1.23456789012345678901234567890e100000000' \(range)")
    #expect(
      rejection(["--value", "1.23456789012345678901234567890e-100000000"])
        == "--value: '1.23456789012345678901234567890e-100000000' \(range)")
    #expect(rejection(["--value", "1.23e-999999999"]) == "--value: '1.23e-999999999' \(range)")
    #expect(rejection(["--value", "-5e99999999999999999999999"]) == "--value: '-5e99999999999999999999999' \(range)")
    // The edge: 10^±1000000 itself is taken (and identified: a rational beyond the bound is none).
    #expect(rejection(["--value", "1.00000000000000000000e-1000000"]) == nil)
    let long = "1." + String(repeating: "4142135623", count: 10_001)
    #expect(
      rejection(["--value", long])
        == "--value: '1.4142135623414213562341421356…41421356234142135623 (100012 characters)' has 100011 significant digits; identification takes at most 100000"
    )
    #expect(rejection(["--value", "1.5e"]) == "--value: '1.5e' is not a decimal number")
    #expect(rejection(["--value", "0x1p3"]) == "--value: '0x1p3' is not a decimal number")
    #expect(rejection(["--value", "١.٥"]) == "--value: '١.٥' is not a decimal number")
  }

  @Test("a tiny value is not 0: -1.5e-500 with 30 digits is searched like any other")
  func tinyValue() throws {
    let value = "-1.50000000000000000000000000000e-500"
    let lines = try run(["--value", value])
    #expect(lines[0] == "\(value): no relation")
    #expect(lines[2] == "  digits     29")
  }

  @Test("one constant in two spellings is refused")
  func duplicateConstants() {
    let twice = "--constants: the constant pi is listed twice"
    #expect(rejection(["--value", "4.99", "--constants", "pi, pi"]) == twice)
    #expect(rejection(["--value", "4.99", "--constants", "pi,(pi)"]) == twice)
    #expect(
      rejection(["--value", "4.99", "--constants", "log(2),ln(2)"])
        == "--constants: the constant log(2) is listed twice")
    #expect(
      rejection(["--value", "4.99", "--constants", "pi,pi*1"])
        == "--constants: the constants pi and pi*1 are the same number (equal to 50 digits); list it once")
    #expect(
      rejection(["--value", "4.99", "--constants", "e,sqrt(2),exp(1)"])
        == "--constants: the constants e and exp(1) are the same number (equal to 50 digits); list it once")
    #expect(
      rejection(["--value", "4.99", "--constants", "pi,2"])
        == "--constants: the constant 2 is a rational number: rational values are found without it; remove it")
    #expect(
      rejection(["--value", "4.99", "--constants", "(1+2)/3^2"])
        == "--constants: the constant (1+2)/3^2 is a rational number: rational values are found without it; remove it")
    #expect(
      rejection(["--value", "4.99", "--constants", "pi, PI"])?.hasPrefix("--constants: unknown constant 'PI'") == true)
  }

  @Test("exit codes: 0 for an answer, 1 for no relation, 64 for a refused value")
  func exitCodes() throws {
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
      .appendingPathComponent("ramanujan").path
    try #require(FileManager.default.isExecutableFile(atPath: binary), "no ramanujan executable at \(binary)")
    func status(_ arguments: [String]) throws -> Int32 {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = ["identify"] + arguments
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      return process.terminationStatus
    }
    #expect(try status(["--value", Self.value, "--constants", "zeta(3)"]) == 0)
    #expect(try status(["--value", "1.000000000001234567890123456789012345678901234"]) == 1)
    #expect(try status(["--value", "1.23456789012345678901234567890e100000000"]) == 64)
    #expect(try status(["--value", "1.23e-999999999"]) == 64)
  }

  @Test("help: the abstract, word for word")
  func help() {
    #expect(
      IdentifyCommand.configuration.abstract
        == "Recognise a number or the limit of a PCF as a closed form in known constants.")
    let help = IdentifyCommand.helpMessage(columns: 200)
    #expect(help.contains("--max-coefficient <max-coefficient>"))
    #expect(help.contains("The largest |coefficient| of a relation. (default: 10000)"))
  }
}
