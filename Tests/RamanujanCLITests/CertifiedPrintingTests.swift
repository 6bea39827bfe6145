import Foundation
import Testing

@testable import RamanujanCLI

/// Printed values never show a digit the value does not have (issue #8): 0.99…991 is not "1.000…" at
/// 60 places, and −10⁻¹⁰⁰ keeps its sign.
@Suite struct CertifiedPrintingTests {
  /// The JSON `value` of `ramanujan eval ARGS --format json --show-digits 60`.
  func value(_ arguments: [String]) throws -> String {
    var failures: [String] = []
    let lines = try EvalCommand.parse(arguments + ["--format", "json", "--show-digits", "60"]).evaluate(
      failures: &failures)
    #expect(failures.isEmpty)
    let line = try #require(lines.first)
    let start = try #require(line.range(of: #""value": ""#)).upperBound
    return String(line[start...].prefix { $0 != "\"" })
  }

  @Test("PCF(((10^70-1)n+1, n-2) = 1 - 10^-70 prints as 0.99...9 at 60 places, not 1.00...0")
  func justBelowOne() throws {
    let a = String(repeating: "9", count: 70) + "n+1"
    #expect(try value(["--a", a, "--b", "n-2"]) == "0." + String(repeating: "9", count: 60))
    // 2 − 10⁻⁷⁰ and its negative: a(0) = 2 or −2.
    #expect(try value(["--a", a + "+1", "--b", "n-2"]) == "1." + String(repeating: "9", count: 60))
    #expect(try value(["--a", a.replacingOccurrences(of: "n+1", with: "n-1"), "--b", "2-n"]).hasPrefix("-0.999"))
  }

  @Test("PCF(10^100 n, n-2) = -10^-100 keeps its sign at 60 places")
  func tinyNegative() throws {
    let a = "1" + String(repeating: "0", count: 100) + "n"
    #expect(try value(["--a", a, "--b", "n-2"]) == "-0." + String(repeating: "0", count: 60))
    #expect(try value(["--a", a, "--b", "2-n"]) == "0." + String(repeating: "0", count: 60))
  }
}
