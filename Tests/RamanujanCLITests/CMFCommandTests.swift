import Foundation
import Testing

@testable import RamanujanCLI

@Suite struct CMFCommandTests {
  /// The message ArgumentParser prints when `ramanujan cmf <command> ARGS` is rejected.
  func rejection<C: ParsableCommandForTests>(_ command: C.Type, _ arguments: [String]) -> String? {
    do {
      _ = try C.parse(arguments)
      return nil
    } catch {
      return C.message(for: error)
    }
  }

  /// A field file in a temporary directory.
  func file(_ text: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("cmf-\(UUID().uuidString).cmf").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("cmf list names every known field")
  func list() throws {
    let lines = try CMFListCommand.parse([]).lines()
    #expect(lines.count == 9)
    #expect(
      lines[2]
        == "zeta3              2 axes (x, y), rank 2: along (1,1) from (1,1) to (1-zeta(3))/zeta(3); Apery's PCF from (0,0)"
    )
    let json = try CMFListCommand.parse(["--format", "json"]).lines()
    #expect(
      json[0] == #"{"name": "e", "summary": "2 axes (x, y), rank 2: along (1,1) from (0,0) the walk tends to 1/(1-e)"}"#
    )
  }

  @Test("cmf check: known fields and files, and the first failing pair and entry")
  func check() throws {
    var failure: String?
    #expect(
      try CMFCheckCommand.parse(["zeta3"]).lines(failure: &failure) == [
        "zeta3: 2 axes (x, y), rank 2: conservative (1 pair of axes checked exactly)"
      ])
    #expect(failure == nil)
    #expect(
      try CMFCheckCommand.parse(["pfq:2,2,1/2"]).lines(failure: &failure)
        == ["pfq:2,2,1/2: 4 axes (x0, x1, y0, y1), rank 3: conservative (6 pairs of axes checked exactly)"])
    let broken = try file(
      "# zeta3 with one entry changed\nx: [[0, -x^3], [(x+1)^3, x^3+(x+1)^3+2y(y-1)(2x+1)]]\ny: [[-x^3+2x^2y-2xy^2+y^3, -x^3], [x^3, x^3+2x^2y+2xy^2+y^3+1]]\n"
    )
    let lines = try CMFCheckCommand.parse(["--file", broken]).lines(failure: &failure)
    #expect(lines == ["\(broken): 2 axes (x, y), rank 2: not conservative"])
    #expect(failure == "\(broken): the field is not conservative: M(x)·M(y)(x+1) ≠ M(y)·M(x)(y+1) at entry (1, 2)")
    let json = try CMFCheckCommand.parse(["--file", broken, "--format", "json"]).lines(failure: &failure)
    #expect(
      json == [
        #"{"field": "\#(broken)", "axes": "x, y", "rank": 2, "pairs": 1, "conservative": false, "error": "the field is not conservative: M(x)·M(y)(x+1) ≠ M(y)·M(x)(y+1) at entry (1, 2)"}"#
      ])
  }

  @Test("cmf walk zeta3: value, certified digits, rate, delta and the closed form")
  func walk() throws {
    var failure: String?
    let lines = try CMFWalkCommand.parse([
      "zeta3", "--trajectory", "1,1", "--start", "1,1", "--depth", "1000", "--identify", "zeta(3)",
    ]).lines(failure: &failure)
    #expect(failure == nil)
    #expect(lines[0] == "zeta3 along (1, 1) from (1, 1) at depth 1000")
    // (1 − ζ(3))/ζ(3) = −0.1680926274192925313168737211784692655829436022662719207203296…, truncated.
    #expect(
      lines[1]
        == "  value     -0.168092627419292531316873721178469265582943602266271920720329… (2999 more certified places; --show-digits)"
    )
    #expect(lines[2] == "  digits    3059 certified decimal places")
    #expect(lines[3] == "  rate      3.0622 digits/term")
    #expect(lines[4] == "  delta     0.08520")
    #expect(
      lines[5] == "  identify  (-zeta(3)+1)/zeta(3) (mobius, 3058 digits, confirmed to 6277 digits on a deeper walk)")
  }

  @Test("cmf walk --file and JSON; a user field walks like the known one")
  func walkFile() throws {
    let path = try file("x: [[1, -y-1], [-1, x+y+2]]\ny: [[0, -y-1], [-1, x+y+1]]\n")
    var failure: String?
    let ours = try CMFWalkCommand.parse([
      "--file", path, "--trajectory", "1,1", "--start", "0,0", "--depth", "50", "--format", "json",
    ])
    .lines(failure: &failure)
    let known = try CMFWalkCommand.parse([
      "e", "--trajectory", "1,1", "--start", "0,0", "--depth", "50", "--format", "json",
    ])
    .lines(failure: &failure)
    // The file is checked exactly for conservation; the known field needs no check.
    #expect(ours[0].contains(#""conservation": "exact""#))
    #expect(known[0].contains(#""conservation": "known""#))
    #expect(
      ours[0].replacingOccurrences(of: path, with: "e").replacingOccurrences(
        of: #""conservation": "exact""#, with: #""conservation": "known""#) == known[0])
    for key in [
      #""trajectory": "(1, 1)""#, #""start": "(0, 0)""#, #""depth": 50"#, #""status": "converging""#, #""digits": 186"#,
      #""value": "-0.58197670686932642438500200510901155854686930107539613626678705964804381739"#,
    ] {
      #expect(known[0].contains(key), "\(key) in \(known[0])")
    }
  }

  @Test("cmf pcf zeta3 from (0, 0) prints Apéry's PCF")
  func pcf() throws {
    let lines = try CMFPCFCommand.parse(["zeta3", "--trajectory", "1,1", "--start", "0,0"]).lines()
    #expect(
      lines == [
        "zeta3 along (1, 1) from (0, 0)",
        "  matrix  [[-n^6 - 3n^5 - 3n^4 - n^3, -6n^6 - 9n^5 - 5n^4 - n^3], [6n^6 + 18n^5 + 18n^4 + 6n^3, 35n^6 + 54n^5 + 30n^4 + 6n^3]]",
        "  pcf     PCF(34n^3 + 51n^2 + 27n + 5, -n^6)",
      ])
    let json = try CMFPCFCommand.parse(["pi", "--trajectory", "1,1", "--start", "1,0", "--format", "json"]).lines()
    #expect(
      json[0].hasPrefix(
        #"{"field": "pi", "trajectory": "(1, 1)", "start": "(1, 0)", "conservation": "known", "a": "48n^3 + 180n^2 + 210n + 75", "b": "-64n^6 - 288n^5 - 436n^4 - 228n^3 + 5n^2 + 21n""#
      ))
  }

  @Test("errors name the input: field, trajectory, start, singular points, order")
  func errors() throws {
    #expect(
      rejection(CMFWalkCommand.self, ["--trajectory", "1,1", "--start", "1,1"])?.hasPrefix(
        "give a field name or --file") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--file", "f", "--trajectory", "1,1", "--start", "1,1"])?.hasPrefix(
        "give either a field name or --file, not both") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta5", "--trajectory", "1,1", "--start", "1,1"])?.hasPrefix(
        "unknown field 'zeta5': the known fields are e, pi, zeta3, ln2, 2f1, 3f2:Z, pfq:P,Q,Z, ffbar:F,FBAR") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "1,a", "--start", "1,1"])?.hasPrefix(
        "--trajectory: expected integers (at most 19 digits) separated by commas, got '1,a'") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "0,0", "--start", "1,1"])?.hasPrefix(
        "--trajectory 0,0 does not move") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "1,1", "--start", "1,x"])?.hasPrefix(
        "--start: expected rational numbers separated by commas, got '1,x'") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "1,1", "--start", "1,1", "--depth", "0"])?.hasPrefix(
        "--depth must be at least 1, got 0") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "1,1", "--start", "1,1", "--identify", "zeta(1)"])?
        .hasPrefix("--identify: ") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "1,1", "--start", "1,1", "--depth", "20000000"])?
        .hasPrefix("--depth must be at most 10000000, got 20000000") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "1,1", "--start", "1,1", "--show-digits=-1"])?
        .hasPrefix("--show-digits must be at least 0, got -1") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "1,1", "--start", "1,1", "--threads", "0"])?
        .hasPrefix("--threads must be in 1...1024, got 0") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["pfq:1,0,-1", "--trajectory", "1", "--start", "1"])?
        .hasPrefix("a walk limit needs a field of rank at least 2") == true)
    #expect(
      rejection(CMFCheckCommand.self, ["--file", "/nonexistent/field.cmf"])?.hasPrefix(
        "'/nonexistent/field.cmf': no such file") == true)
    let bad = try file("x: [[1, q]]\n")
    #expect(
      rejection(CMFCheckCommand.self, ["--file", bad])?.hasPrefix(
        "--file \(bad): line 1: cannot read '[[1, q]]' at column 3: a 1x1 matrix needs 1 entries in every row, got 2")
        == true)

    var failure: String?
    func thrown(_ body: () throws -> Void) -> String {
      do {
        try body()
        return ""
      } catch { return "\(error)" }
    }
    #expect(
      thrown {
        _ = try CMFWalkCommand.parse(["zeta3", "--trajectory", "1,1,1", "--start", "1,1"]).lines(failure: &failure)
      }
        == "zeta3 along (1, 1, 1) from (1, 1): trajectory (1, 1, 1) has 3 coordinates but zeta3 has 2 axes (x, y)")
    #expect(
      thrown {
        _ = try CMFWalkCommand.parse(["zeta3", "--trajectory", "1,1", "--start", "0,0", "--depth", "10"]).lines(
          failure: &failure)
      }
        == "zeta3 along (1, 1) from (0, 0): the walk meets a singular point at (x = 0, y = 0), step n = 0: the trajectory matrix is singular there (determinant 0)"
    )
    #expect(
      thrown { _ = try CMFPCFCommand.parse(["pfq:2,2,-1", "--trajectory", "1,1,1,1", "--start", "1,2,3,4"]).lines() }
        == "pfq:2,2,-1 along (1, 1, 1, 1) from (1, 2, 3, 4): the trajectory matrix gives a recurrence of order 3; a PCF needs order 2"
    )
  }

  /// The error `body` throws and the exit code ArgumentParser gives it.
  func failure(_ body: () throws -> Void) -> (message: String, code: Int32)? {
    do {
      try body()
      return nil
    } catch {
      return ("\(error)", CMFWalkCommand.exitCode(for: error).rawValue)
    }
  }

  @Test("a field file that does not conserve is refused before a walk or a PCF (exit 64); --no-check labels it")
  func nonConservativeFile() throws {
    var failure: String?
    let path = try file("x: [[1, y], [x, 2]]\ny: [[0, 1], [1, x+y]]\n")
    let swapped = try file("y: [[0, 1], [1, x+y]]\nx: [[1, y], [x, 2]]\n")
    for (f, first, second) in [(path, "x", "y"), (swapped, "y", "x")] {
      let arguments = ["--file", f, "--trajectory", "1,1", "--start", "1,1", "--depth", "200"]
      let walk = try #require(self.failure { _ = try CMFWalkCommand.parse(arguments).lines(failure: &failure) })
      #expect(walk.code == 64)
      #expect(
        walk.message
          == "--file \(f): the field is not conservative: M(\(first))·M(\(second))(\(first)+1) ≠ M(\(second))·M(\(first))(\(second)+1) at entry (1, 1); 'cmf check' shows the failing pair, --no-check walks it anyway"
      )
      let pcf = try #require(self.failure { _ = try CMFPCFCommand.parse(Array(arguments.dropLast(2))).lines() })
      #expect(pcf.code == 64 && pcf.message == walk.message)
    }
    let unchecked = try CMFWalkCommand.parse([
      "--file", path, "--trajectory", "1,1", "--start", "1,1", "--depth", "50", "--no-check",
    ]).lines(failure: &failure)
    #expect(
      unchecked[0]
        == "\(path) along (1, 1) from (1, 1) at depth 50 (UNCHECKED: not checked for conservation, --no-check)")
    let json = try CMFPCFCommand.parse([
      "--file", path, "--trajectory", "1,1", "--start", "1,1", "--no-check", "--format", "json",
    ]).lines()
    #expect(json[0].contains(#""conservation": "unchecked""#))
  }

  @Test("negative values need no '=': --trajectory -1,-1 --start -1,0, --start=-1/2,...; a flag as a value is named")
  func negativeValues() throws {
    let parsed = try CMFWalkCommand.parse(["zeta3", "--trajectory", "-1,-1", "--start", "-1,0", "--depth", "5"])
    #expect(parsed.path.trajectory == "-1,-1" && parsed.path.start == "-1,0" && parsed.depth == 5)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "-1,-1", "--start", "-1,0", "--depth", "-5"])?
        .hasPrefix("--depth must be at least 1, got -5") == true)
    let pcf = try CMFPCFCommand.parse([
      "pfq:3,2,1", "--trajectory", "1,1,1,1,1", "--start=-1/2,-1/2,1/2,1,1",
    ]).lines()
    #expect(pcf[0] == "pfq:3,2,1 along (1, 1, 1, 1, 1) from (-1/2, -1/2, 1/2, 1, 1)")
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "--start", "1,1"])?.hasPrefix(
        "--trajectory needs a value, got the option '--start'") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "1,1", "--start", "--depth", "5"])?.hasPrefix(
        "--start needs a value, got the option '--depth'") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--start", "1,1"])?.hasPrefix(
        "--trajectory is required, e.g. --trajectory 1,1") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "1,1"])?.hasPrefix(
        "--start is required, e.g. --start 1,1")
        == true)
    // Parsed as values, they walk.
    var failure: String?
    let lines = try CMFWalkCommand.parse(["zeta3", "--trajectory", "-1,-1", "--start", "-1,0", "--depth", "10"]).lines(
      failure: &failure)
    #expect(lines[0] == "zeta3 along (-1, -1) from (-1, 0) at depth 10")
  }

  @Test(
    "field files with CRLF line ends, a trailing CR and a BOM read as LF files; directories and bad UTF-8 are named")
  func fileReading() throws {
    var failure: String?
    let lf = "x: [[1, -y-1], [-1, x+y+2]]\ny: [[0, -y-1], [-1, x+y+1]]\n"
    let reference = try CMFWalkCommand.parse([
      "--file", try file(lf), "--trajectory", "1,1", "--start", "0,0", "--depth", "30",
    ])
    .lines(failure: &failure)
    for text in [
      "\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n"), lf.replacingOccurrences(of: "\n", with: "\r"),
    ] {
      let path = try file(text)
      let lines = try CMFWalkCommand.parse(["--file", path, "--trajectory", "1,1", "--start", "0,0", "--depth", "30"])
        .lines(failure: &failure)
      #expect(lines.dropFirst() == reference.dropFirst())
    }
    let directory = FileManager.default.temporaryDirectory.path
    #expect(
      rejection(CMFCheckCommand.self, ["--file", directory])?.hasPrefix("'\(directory)': is a directory, not a file")
        == true)
    let bad = FileManager.default.temporaryDirectory.appendingPathComponent("cmf-\(UUID().uuidString).cmf").path
    try Data([0x78, 0x3A, 0x20, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: bad))
    #expect(
      rejection(CMFCheckCommand.self, ["--file", bad])?.hasPrefix("'\(bad)': not UTF-8 text (invalid byte at offset 3)")
        == true)
  }

  @Test("costs of issue #8 are refused before the work with the estimate and the limit (exit 64)")
  func costLimits() throws {
    var failure: String?
    let huge = try #require(
      self.failure {
        _ = try CMFWalkCommand.parse(["zeta3", "--trajectory", "1000000000000,1", "--start", "1,1", "--depth", "10"])
          .lines(failure: &failure)
      })
    #expect(huge.code == 64)
    #expect(
      huge.message.hasPrefix(
        "zeta3 along (1000000000000, 1) from (1, 1): trajectory (1000000000000, 1) is estimated at 1000000000001 unit steps"
      ))
    let maximal = try #require(
      self.failure {
        _ = try CMFWalkCommand.parse(["zeta3", "--trajectory", "9223372036854775807,1", "--start", "1,1"]).lines(
          failure: &failure)
      })
    #expect(maximal.code == 64 && maximal.message.contains("above the limit of 100000 unit steps"))
    let pcf = try #require(
      self.failure { _ = try CMFPCFCommand.parse(["zeta3", "--trajectory", "100,100", "--start", "1,1"]).lines() })
    #expect(pcf.code == 64)
    #expect(pcf.message.hasPrefix("zeta3 along (100, 100) from (1, 1): the PCF of a trajectory matrix of degree 600"))
    // pfq:6,5,1 and pfq:12,11,1 are checked at random points, in well under a second.
    for (name, axes, pairs) in [("pfq:6,5,1", 11, 55), ("pfq:12,11,1", 23, 253)] {
      let lines = try CMFCheckCommand.parse([name]).lines(failure: &failure)
      #expect(failure == nil)
      #expect(lines[0].hasPrefix("\(name): \(axes) axes ("))
      #expect(
        lines[0].contains(
          "conservative at random points (\(pairs) pairs of axes, each at 6 random points modulo random 62-bit primes: a field that does not conserve passes with probability below 2^-"
        ))
    }
    let json = try CMFCheckCommand.parse(["pfq:5,4,1", "--format", "json"]).lines(failure: &failure)
    #expect(json[0].contains(#""conservative": true, "method": "random points", "points": 6, "error_bound_log2": -"#))
  }

  @Test("the pFq trajectory of issue #8 that trapped gives Apéry's PCF shifted by one")
  func pFqTrajectory() throws {
    let lines = try CMFPCFCommand.parse([
      "pfq:4,3,1", "--trajectory=-1,-1,1,1,0,0,0", "--start=0,0,1,1,1,1,1",
    ]).lines()
    #expect(lines[2] == "  pcf     PCF(34n^3 + 153n^2 + 231n + 117, -n^6 - 6n^5 - 15n^4 - 20n^3 - 15n^2 - 6n - 1)")
    var failure: String?
    let walk = try CMFWalkCommand.parse([
      "pfq:4,3,1", "--trajectory", "-1,-1,1,1,0,0,0", "--start", "-1,-1,2,2,1,1,1", "--depth", "100",
    ]).lines(failure: &failure)
    #expect(failure == nil)
    #expect(walk[0] == "pfq:4,3,1 along (-1, -1, 1, 1, 0, 0, 0) from (-1, -1, 2, 2, 1, 1, 1) at depth 100")
    let apery = try CMFPCFCommand.parse(["pfq:4,3,1", "--trajectory", "-1,-1,1,1,0,0,0", "--start", "1,1,0,0,1,1,1"])
      .lines()
    #expect(apery[2] == "  pcf     PCF(34n^3 + 51n^2 + 27n + 5, -n^6)")
  }

  @Test("help text")
  func help() throws {
    #expect(
      CMFCommand.helpMessage(columns: 100).contains(
        """
        SUBCOMMANDS:
          list                    List the known conservative matrix fields.
          check                   Check exactly that a field is conservative, for every pair of axes.
          walk                    Walk a field along a trajectory: value, certified digits, rate and delta.
          pcf                     Print the PCF of a trajectory: companion form, then fully deflated.
        """))
  }
}

/// The parse/message entry points of ArgumentParser commands, for `rejection`.
protocol ParsableCommandForTests {
  static func parse(_ arguments: [String]?) throws -> Self
  static func message(for error: Error) -> String
}

extension CMFWalkCommand: ParsableCommandForTests {}
extension CMFPCFCommand: ParsableCommandForTests {}
extension CMFCheckCommand: ParsableCommandForTests {}
