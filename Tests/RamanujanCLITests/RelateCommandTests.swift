import Ramanujan
import Testing

@testable import RamanujanCLI

@Suite struct RelateCommandTests {
  func temporary(_ suffix: String) -> String { "/tmp/ramanujan-cli-\(UInt64.random(in: 0...UInt64.max))-\(suffix)" }

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
    // PCF(2, n^2) converges like 1/n: the relation is checked on extrapolated limits.
    #expect(line.contains(#""digits_kind": "extrapolated", "fitted_digits": 0"#))
    #expect(line.contains(#""reason": null"#))
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
    #expect(
      rejection(["--a1", "1", "--b1", "1", "--a2", "1"])
        == "--b2 is needed: relate --a1 --b1 --a2 --b2, or relate --store S")
    #expect(
      rejection(["--store", "x.db", "--a1", "1"])
        == "--a1, --b1, --a2, --b2 do not go with --store: the store's hits are related")
    #expect(rejection(["--store", "x.db", "--max-pairs", "0"]) == "--max-pairs must be at least 1, got 0")
    #expect(throws: (any Error).self) { try output(["--store", "/nonexistent/x.db"]) }
    #expect(throws: (any Error).self) {
      try output(["--a1", "n+1", "--b1", "n-3", "--a2", "1", "--b2", "1"])
    }
  }

  @Test(
    "relate --store proves pairs of a store's hits and stores them; hits --classes lists the classes; merge copies them"
  )
  func store() async throws {
    let spec = temporary("e.json")
    try write(SearchCommandTests.eSpec, to: spec)
    let store = temporary("e.db")
    var search = try SearchCommand.parse([spec, "--store", store, "--threads", "1"])
    try await search.run()
    // Small bounds keep it quick: the shifts PCF(n + k, ±n) are related by constant gauges.
    let (lines, failure) = try output(["--store", store, "--max-degree", "2", "--max-fold", "1"])
    #expect(failure == nil)
    #expect(lines.contains("PCF(n + 2, -n) ~ PCF(n + 3, -n): proven, L1 = (1·L2 + 0)/(1·L2 + -1)"))
    #expect(lines.last?.hasPrefix("7 formulas, ") == true)
    let db = try SearchStore(readingFrom: store)
    let edges = try db.relations()
    #expect(edges.count == 4)
    // Every stored edge is an exact certificate between the two PCFs.
    for e in edges {
      let p1 = PCF(a: try Polynomial(parsing: e.a1), b: try Polynomial(parsing: e.b1))
      let p2 = PCF(a: try Polynomial(parsing: e.a2), b: try Polynomial(parsing: e.b2))
      let again = try PCFRelator(maxDegree: 2, maxFold: 1).relate(p1, p2)
      #expect(again.proven && again.mobius.map { [$0.p, $0.q, $0.r, $0.s].map(\.description) } == e.certificate.mobius)
    }
    let classes = try HitsCommand.parse(["--store", store, "--classes"]).lines()
    #expect(
      classes == [
        "class 1: 3 formulas",
        "  PCF(n + 2, -n) = e/(e-1)  [representative, L]",
        "  PCF(n + 3, -n) = e  [= (1·L + 0)/(1·L + -1), 1 proven step]",
        "  PCF(n + 4, -n) = e/(e-2)  [= (-1·L + 0)/(1·L + -2), 1 proven step]",
        "class 2: 3 formulas",
        "  PCF(n, n) = 1/(e-1)  [representative, L]",
        "  PCF(n + 1, n) = 1/(e-2)  [= (-1·L + 0)/(1·L + -1), 1 proven step]",
        "  PCF(n + 2, n) = 1/(2*e-5)  [= (-1·L + 0)/(3·L + -2), 1 proven step]",
      ])
    let json = try HitsCommand.parse(["--store", store, "--classes", "--format", "json"]).lines()
    #expect(json.count == 2)
    #expect(
      json[0].hasPrefix(
        #"{"class": 1, "representative": "n|-n + 2", "members": [{"key": "n|-n + 2", "a": "n + 2", "b": "-n", "expression": "e/(e-1)", "mobius": [["1", "0"], ["0", "1"]], "steps": 0}"#
      ))
    // A second run finds the classes known: no pair inside a class is tried again.
    let (again, _) = try output(["--store", store, "--max-degree", "2", "--max-fold", "1"])
    #expect(!again.contains { $0.contains(": proven") })
    // merge copies the edges.
    let copy = temporary("copy.db")
    let merged = try SearchStore(path: copy)
    try merged.merge(from: store)
    #expect(try merged.relations() == edges)
  }

  @Test("relate --cmf --format json: the relate keys plus cmf, trajectory, start; a2, b2 as cmf pcf prints them")
  func placement() throws {
    let cache = temporary("cache")
    let arguments = [
      "--a1", "2", "--b1", "n^2", "--cmf", "pfq:2,1,1/2", "--max-height", "1", "--cache", cache, "--format", "json",
    ]
    let (lines, failure) = try output(arguments)
    #expect(failure == nil)
    let line = try #require(lines.first)
    #expect(line.hasPrefix(#"{"a1": "2", "b1": "n^2", "a2": "1", "b2": "n^2 + n", "proven": true, "fold": [1, 1]"#))
    #expect(line.contains(#""cmf": "pfq:2,1,1/2", "trajectory": [0, 0, 1], "start": ["1/2", "-1/2", "1/2"]"#))
    let pcf = try CMFPCFCommand.parse([
      "pfq:2,1,1/2", "--trajectory", "0,0,1", "--start=1/2,-1/2,1/2", "--format", "json",
    ]).lines()
    #expect(pcf[0].contains(#""a": "1", "b": "n^2 + n""#))
    // The cache was written, and a second run reads it to the same answer.
    #expect(try readTextFile(cache + "/trajectory-pcfs/pfq:2,1,1_2.tsv").contains("0,0,1\t1/2,-1/2,1/2\t1\tn^2 + n"))
    func withoutTime(_ l: String) -> String { l.replacing(/"seconds": [0-9.]+/, with: "") }
    #expect(try output(arguments).lines.map(withoutTime) == lines.map(withoutTime))
  }

  @Test("relate --cmf: an unwritable cache costs a warning, not the result; an e formula is not placed (exit 1)")
  func placementFailure() throws {
    let (lines, failure) = try output([
      "--a1", "n+1", "--b1", "n", "--cmf", "zeta3", "--max-height", "1", "--cache", "/proc/no/such/dir",
    ])
    #expect(lines[0] == "PCF(n + 1, n) on zeta3: not placed")
    #expect(failure?.hasPrefix("not placed: no trajectory of height ≤ 1 from the 25 starts") == true)
  }

  @Test("relate --cmf: usage errors name the option")
  func placementUsage() {
    #expect(
      rejection(["--a1", "2", "--b1", "n^2", "--cmf", "zeta3", "--cmf-file", "f"])
        == "give either --cmf or --cmf-file, not both")
    #expect(
      rejection(["--a1", "2", "--b1", "n^2", "--a2", "1", "--cmf", "zeta3"])
        == "--a2, --b2 do not go with --cmf: the trajectory's PCF is the second")
    #expect(rejection(["--b1", "n^2", "--cmf", "zeta3"]) == "--a1 is needed: relate --a1 --b1 --cmf NAME")
    #expect(
      rejection(["--a1", "2", "--b1", "n^2", "--cmf", "zeta3", "--max-height", "0"])
        == "--max-height must be in 1...8, got 0")
    #expect(
      rejection(["--a1", "2", "--b1", "n^2", "--cmf", "zeta3", "--start-box", "9"])
        == "--start-box must be in 0...8, got 9")
    #expect(
      rejection(["--a1", "2", "--b1", "n^2", "--cmf", "zeta3", "--start-denominators", "0"])
        == "--start-denominators: expected integers in 1...12 separated by commas, got '0'")
    #expect(throws: (any Error).self) { try output(["--a1", "2", "--b1", "n^2", "--cmf", "nosuchfield"]) }
    #expect(throws: (any Error).self) {
      try output(["--a1", "2", "--b1", "n^2", "--cmf", "pfq:2,1,1/2", "--max-height", "8", "--start-box", "8"])
    }
  }

  @Test("relate --store S --cmf: classes placed and stored; hits --classes shows the placements")
  func storePlacement() async throws {
    let spec = temporary("e.json")
    try write(SearchCommandTests.eSpec, to: spec)
    let store = temporary("e.db")
    var search = try SearchCommand.parse([spec, "--store", store, "--threads", "1"])
    try await search.run()
    let common = ["--store", store, "--max-degree", "2", "--max-fold", "1"]
    _ = try output(common)
    let (lines, failure) = try output(
      common + ["--cmf", "e", "--max-height", "1", "--start-box", "1", "--start-denominators", "1", "--no-cache"])
    #expect(failure == nil)
    let db = try SearchStore(readingFrom: store)
    let placements = try db.placements()
    #expect(lines.last?.contains("placed on e and stored") == true)
    #expect(!placements.isEmpty)
    for p in placements {
      // Each stored placement is the relator's proof between the formula and the field's PCF.
      let field = try KnownCMFs.named("e")
      let t = try #require(Trajectory(parsing: p.trajectory))
      let s = try #require(Position(parsing: p.start))
      guard case .pcf(let pcf) = CMFPlacer.trajectoryPCF(field, TrajectoryStart(t, s)) else {
        Issue.record("no PCF")
        continue
      }
      #expect(pcf.a.description == p.a2 && pcf.b.description == p.b2)
      let formula = PCF(a: try Polynomial(parsing: p.a1), b: try Polynomial(parsing: p.b1))
      #expect(try PCFRelator(maxDegree: 2, maxFold: 1).relate(formula, pcf).proven)
    }
    let classes = try HitsCommand.parse(["--store", store, "--classes"]).lines()
    #expect(classes.contains { $0.hasPrefix("  on e along ") })
  }
}
