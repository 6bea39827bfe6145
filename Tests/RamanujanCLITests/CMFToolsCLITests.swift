import Foundation
import Testing

@testable import RamanujanCLI

@Suite struct CMFToolsCLITests {
  func rejection<C: ParsableCommandForTests>(_ command: C.Type, _ arguments: [String]) -> String? {
    do {
      _ = try C.parse(arguments)
      return nil
    } catch {
      return C.message(for: error)
    }
  }

  @Test("cmf transform: dual, coboundary and sub-field print field files that read back and conserve")
  func transform() throws {
    let dual = try CMFTransformCommand.parse(["zeta3", "--dual"]).lines()
    #expect(dual.count == 2 && dual[0].hasPrefix("x: [[") && dual[1].hasPrefix("y: [["))
    let sub = try CMFTransformCommand.parse(["zeta3", "--sub", "1,1;1,0", "--start", "0,0", "--axes", "u,v"]).lines()
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("sub-\(UUID().uuidString).cmf").path
    try sub.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
    let pcf = try CMFPCFCommand.parse(["--file", path, "--trajectory", "1,0", "--start", "0,0"]).lines()
    #expect(pcf.last == "  pcf     PCF(34n^3 + 51n^2 + 27n + 5, -n^6)")
    let ascended = try CMFTransformCommand.parse([
      "pfq:3,2,1", "--ascend", "1,2", "--trajectory", "1,1,1,2,2", "--start", "3,3,3,6,6",
    ]).lines()
    #expect(ascended == ["pfq:4,3,1 --trajectory 1,1,1,0,2,2,0 --start 3,3,3,1,6,6,2"])
    #expect(
      rejection(CMFTransformCommand.self, ["zeta3"]) == "give exactly one of --dual, --coboundary, --sub, --ascend")
    #expect(
      rejection(CMFTransformCommand.self, ["zeta3", "--sub", "1,1"])
        == "--sub needs --start, the integer origin of the lattice")
    #expect(throws: Error.self) {
      try CMFTransformCommand.parse(["zeta3", "--sub", "1,1,1", "--start", "0,0"]).lines()
    }
    #expect(throws: Error.self) {
      try CMFTransformCommand.parse(["zeta3", "--ascend", "1,2", "--trajectory", "1,1", "--start", "1,1"]).lines()
    }
    #expect(throws: Error.self) {
      try CMFTransformCommand.parse(["zeta3", "--coboundary", "[[1, 0], [z, 1]]"]).lines()
    }
  }

  @Test("cmf matrix prints a rank-3 trajectory matrix row by row, with its recurrence")
  func matrix() throws {
    let lines = try CMFMatrixCommand.parse([
      "pfq:3,2,1/2", "--trajectory", "1,1,1,1,1", "--start", "1,1,1,2,2",
    ]).lines()
    #expect(lines[1] == "  row 1   [0, 0, 2n^2 + 8n + 8]")
    #expect(lines.count == 6 && lines[4].hasPrefix("  recurrence [n^6 + 15n^5"))
  }

  @Test("cmf walk reports the rate predicted from the trajectory's recurrence beside the measured one")
  func predicted() throws {
    var failure: String?
    let lines = try CMFWalkCommand.parse([
      "zeta3", "--trajectory", "1,1", "--start", "1,1", "--depth", "300", "--no-delta",
    ])
    .lines(failure: &failure)
    #expect(lines[3] == "  rate      3.0622 digits/term")
    #expect(lines.last == "  predict   rate 3.0622 digits/term (Poincaré polynomial, without walking)")
  }

  @Test("cmf walk --initial: Euler's γ from the dual Meijer-G field, identified and confirmed")
  func meijerGamma() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("mg-\(UUID().uuidString).cmf").path
    try CMFTransformCommand.parse(["meijerg:3,2,2,3,1", "--dual"]).lines().joined(separator: "\n").write(
      toFile: path, atomically: true, encoding: .utf8)
    var failure: String?
    let lines = try CMFWalkCommand.parse([
      "--file", path, "--trajectory", "-1,-1,1,1,1", "--start", "0,0,0,0,0", "--depth", "200", "--initial",
      "1,1,0;1,1,1",
      "--identify", "euler_gamma", "--no-delta", "--no-check",
    ]).lines(failure: &failure)
    #expect(failure == nil)
    #expect(lines[1].hasPrefix("  value     0.577215664901532860606512090082402431042159335939923598805767"))
    #expect(lines.last?.hasPrefix("  identify  gamma (mobius, ") == true)
    #expect(
      rejection(CMFWalkCommand.self, ["zeta3", "--trajectory", "1,1", "--start", "1,1", "--initial", "1,0"])?.hasPrefix(
        "--initial: expected two rows 'v;w'") == true)
  }
}

extension CMFToolsCLITests {
  @Test("--param: a field family walked in one call (names and files), substituted exactly")
  func fieldFamily() throws {
    let pcf = try CMFPCFCommand.parse([
      "ffbar:c*(x+y),c*(x-y)", "--trajectory", "1,0", "--start", "1,1", "--param", "c=1..2",
    ])
    #expect(
      try pcf.lines([("c", 2)]) == [
        "c=2: ffbar:(2)*(x+y),(2)*(x-y) along (1, 0) from (1, 1)", "  matrix  [[0, 4n^2 + 8n + 4], [1, 2]]",
        "  pcf     PCF(1, n^2 + 2n + 1)",
      ])
    var failure: String?
    let walk = try CMFWalkCommand.parse([
      "pfq:2,1,z", "--trajectory", "1,1,1", "--start", "1,1,2", "--param", "z=-1", "--depth", "100", "--no-delta",
    ])
    #expect(
      try walk.lines(failure: &failure, [("z", -1)])[0]
        == "z=-1: pfq:2,1,-1 along (1, 1, 1) from (1, 1, 2) at depth 100")
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("fam-\(UUID().uuidString).cmf").path
    try
      "x: [[0, -x^3], [(x+1)^3, x^3+(x+1)^3+2y(y-1)(2x+1)]]\ny: [[-x^3+2x^2y-2xy^2+y^3, -x^3], [x^3, x^3+2x^2y+2xy^2+y^3]]\n"
      .replacingOccurrences(of: "2y(y-1)", with: "k*y(y-1)").write(toFile: path, atomically: true, encoding: .utf8)
    // k = 2 is ζ(3)'s field; k = 3 does not conserve (bad input, exit 64).
    #expect(throws: Never.self) {
      try CMFWalkCommand.parse(["--file", path, "--trajectory", "1,1", "--start", "1,1", "--param", "k=2"])
    }
    #expect(
      rejection(CMFWalkCommand.self, ["--file", path, "--trajectory", "1,1", "--start", "1,1", "--param", "k=2,3"])
        == nil)
    #expect(throws: Error.self) {
      try CMFWalkCommand.parse(["--file", path, "--trajectory", "1,1", "--start", "1,1", "--param", "k=3"]).lines(
        failure: &failure, [("k", 3)])
    }
    #expect(
      rejection(CMFWalkCommand.self, ["--file", path, "--trajectory", "1,1", "--start", "1,1", "--param", "x=1"])
        == "--param x is also an axis of --file \(path)")
    #expect(throws: Error.self) { try CMFCheckCommand.parse(["zeta3", "--param", "c=1"]).lines(failure: &failure) }
  }
}

extension CMFTransformCommand: ParsableCommandForTests {}
extension CMFFFbarCommand: ParsableCommandForTests {}

@Suite struct FFbarCLITests {
  @Test("cmf ffbar: the ζ(3) pair for its PCF; none (exit 1) where there is none; bad degrees refused")
  func ffbar() throws {
    let lines = try CMFFFbarCommand.parse(["--a", "2n^3+3n^2+3n+1", "--b", "-n^6"]).lines()
    #expect(lines[0] == "PCF(2n^3 + 3n^2 + 3n + 1, -n^6): 3 f/fbar pairs of degree ≤ 3")
    #expect(lines[1] == "  f = x^3 + 2x^2y + 2xy^2 + y^3, fbar = -x^3 + 2x^2y - 2xy^2 + y^3")
    #expect(try CMFFFbarCommand.parse(["--a", "2n+1", "--b", "n^2-n"]).lines().count == 1)
    let tests = CMFToolsCLITests()
    #expect(
      tests.rejection(CMFFFbarCommand.self, ["--a", "1", "--b", "1", "--degree", "7"])
        == "--degree must be in 0...6, got 7")
  }
}
