import Foundation
import Testing

@testable import Search

@Suite struct SpecTests {
  func rejection(_ json: String) -> String? {
    do {
      _ = try SearchSpec(json: json)
      return nil
    } catch {
      return error.description
    }
  }

  let minimal =
    #""name": "t", "a": {"degree": 1, "range": [-2, 2]}, "b": {"degree": 1, "range": [-2, 2]}, "constants": ["e"]"#

  @Test("a plain spec: degrees and ranges become parameters a0…, b0…")
  func plain() throws {
    let spec = try SearchSpec(json: "{\(minimal)}")
    #expect(spec.parameters.map(\.name) == ["a0", "a1", "b0", "b1"])
    #expect(spec.size == 625)
    #expect(spec.mode == .mitm && spec.bound == 10 && spec.screenDepth == 1000 && spec.verifyDigits == 100)
    #expect(spec.hashText.count == 16)
    #expect(try SearchSpec(json: spec.canonicalJSON) == spec)
  }

  @Test("templates: Apéry's a(n) from (x0 n + x1)(x2 n(n+1) + x3)")
  func template() throws {
    let t = try PolynomialTemplate(parsing: "(x0*n + x1)*(x2*n*(n+1) + x3)")
    #expect(t.parameters == ["x0", "x1", "x2", "x3"])
    #expect(t.coefficients([2, 1, 17, 5]) == [5, 27, 51, 34])
    let b = try PolynomialTemplate(parsing: "-x2^2*n^6")
    #expect(b.coefficients([3]) == [0, 0, 0, 0, 0, 0, -9])
    let c = try PolynomialTemplate(parsing: "x0*(n^3 + (n+1)^3) + x1*(2*n+1)")
    #expect(c.coefficients([1, 0]) == [1, 3, 3, 2])
    #expect(PolynomialTemplate.plain(degree: 2, prefix: "a").coefficients([1, 2, 3]) == [1, 2, 3])
    #expect(t.coefficients([Int.max, 2, 3, 4]) == nil)
  }

  @Test(
    "every spec error names the key",
    arguments: [
      (
        "{\"name\": \"t\", \"colour\": 1}",
        "unknown key 'colour'; known keys: a, b, bound, catalog, cluster_features, "
          + "cluster_min_size, cluster_radius, constants, depth, identify_representatives, key_digits, mode, name, "
          + "parameters, reduction_depth, reduction_threshold, screen_depth, verify_digits, verify_max_depth"
      ),
      ("[1, 2]", "the spec must be a JSON object"),
      ("{\"name\": 3}", "'name' must be a string"),
      ("{\"a\": 1}", "missing key 'name'"),
      (
        "{\"name\": \"t\", \"mode\": \"fast\"}",
        "'mode' must be one of mitm, factorial-reduction, blind-delta, got 'fast'"
      ),
      ("{\"name\": \"t\", \"a\": {\"degree\": 1, \"range\": [3, -3]}}", "'a.range' is an empty range [3, -3]"),
      (
        "{\"name\": \"t\", \"a\": {\"degree\": 1, \"range\": [0, 1], \"step\": 2}}",
        "unknown key 'a.step'; known keys: coefficients, degree, range, template"
      ),
      ("{\"name\": \"t\", \"a\": {\"degree\": \"one\", \"range\": [0, 1]}}", "'a.degree' must be an integer in 0...15"),
      ("{\"name\": \"t\", \"a\": {\"degree\": 1}}", "'a.range' is missing (the range of every coefficient)"),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n+\"}}",
        "'a.template': cannot read template 'x*n+' at column 5: unexpected end, expected a number, a name or '('"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n\"}, \"b\": {\"template\": \"y\"}, \"parameters\": {\"x\": [1, 2]}}",
        "parameter 'y' has no range in 'parameters'"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n\"}, \"b\": {\"template\": \"1\"}, \"parameters\": {\"x\": [1, 2], \"z\": [0, 1]}}",
        "'parameters.z' is not used by a or b"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n\"}, \"b\": {\"template\": \"1\"}, \"parameters\": {\"x\": [1, 2]}, \"constants\": [\"zeta3\"]}",
        "'constants[0]': unknown constant 'zeta3'; known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, "
          + "gauss, lemniscate, khinchin, glaisher"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n\"}, \"b\": {\"template\": \"1\"}, \"parameters\": {\"x\": [1, 2]}, \"constants\": []}",
        "'constants' must be a non-empty list of constant names, e.g. [\"zeta(3)\"]"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n\"}, \"b\": {\"template\": \"1\"}, \"parameters\": {\"x\": [1, 2]}, \"constants\": [\"e\"], \"bound\": 0}",
        "'bound' must be in 1...200, got 0"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n\"}, \"b\": {\"template\": \"1\"}, \"parameters\": {\"x\": [1, 2]}, \"constants\": [\"e\"], \"screen_depth\": 1.5}",
        "'screen_depth' must be an integer"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n\"}, \"b\": {\"template\": \"1\"}, \"parameters\": {\"x\": [1, 2]}, \"constants\": [\"e\"], \"bound\": true}",
        "'bound' must be an integer"
      ),
      ("{\"name\": \"a b\"}", "'name' must be letters, digits, '-', '_' or '.', got 'a b'"),
      ("{\"name\": \"t\", \"parameters\": [1, 2]}", "'parameters' must be an object of name: [low, high]"),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"9999999999*9999999999*x0\"}}",
        "'a.template': cannot read template '9999999999*9999999999*x0' at column 11: coefficient beyond 64 bits"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n^16\"}}",
        "'a.template' has degree 16 in n; at most 15 is supported"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"n\"}, \"b\": {\"template\": \"n^16 + 1\"}}",
        "'b.template' has degree 16 in n; at most 15 is supported"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"coefficients\": [[0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1], [0, 1]]}}",
        "'a.coefficients' has 17 ranges; at most 16 (degree 15) are supported"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x0 + x1 + x2 + x3\"}, \"b\": {\"template\": \"x4 + x5 + x6\"}, \"parameters\": {\"x0\": [-1000000000, 1000000000], \"x1\": [-1000000000, 1000000000], \"x2\": [-1000000000, 1000000000], \"x3\": [-1000000000, 1000000000], \"x4\": [-1000000000, 1000000000], \"x5\": [-1000000000, 1000000000], \"x6\": [-1000000000, 1000000000]}, \"constants\": [\"e\"]}",
        "the space has more than 10^15 candidates; split it into several specs"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n\"}, \"b\": {\"template\": \"1\"}, \"parameters\": {\"x\": [1, 2]}, \"constants\": [\"e\"], \"bound\": 56}",
        "'bound' 56 needs a MITM table of about 2.0 GB for 1 constant (at most 2 GB); lower 'bound' or split 'constants'"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n\"}, \"b\": {\"template\": \"1\"}, \"parameters\": {\"x\": [1, 2]}, \"constants\": [\"e\", \"pi\", \"G\"], \"bound\": 45}",
        "'bound' 45 needs a MITM table of about 2.6 GB for 3 constants (at most 2 GB); lower 'bound' or split 'constants'"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n\"}, \"b\": {\"template\": \"1\"}, \"parameters\": {\"x\": [1, 2]}, \"constants\": [\"e\"], \"bound\": 20, \"verify_digits\": 25}",
        "'verify_digits' must be at least 26 for 'bound' 20 (the precision discipline: 2 × 8 coefficient digits + 10), got 25"
      ),
      (
        "{\"name\": \"t\", \"a\": {\"template\": \"x*n\"}, \"b\": {\"template\": \"1\"}, \"parameters\": {\"x\": [1, 2]}, \"constants\": [\"e\"], \"bound\": 5, \"verify_digits\": 5}",
        "'verify_digits' must be at least 18 for 'bound' 5 (the precision discipline: 2 × 4 coefficient digits + 10), got 5"
      ),
      ("{\"name\": \"t\",", "the spec is not valid JSON: malformed JSON"),
    ])
  func errors(_ json: String, _ message: String) {
    let got = rejection(json)
    if message.hasPrefix("the spec is not valid JSON") {
      #expect(got?.hasPrefix("the spec is not valid JSON") == true, "\(got ?? "nil")")
    } else {
      #expect(got == message)
    }
  }

  @Test(
    "template errors name the column",
    arguments: [
      ("9999999999*9999999999*x0", 11, "coefficient beyond 64 bits"),
      ("9223372036854775807 + 1", 21, "coefficient beyond 64 bits"),
      ("-(0 - 4611686018427387904 - 4611686018427387904)*x", 1, "coefficient beyond 64 bits"),
      ("x^65", 3, "exponent must be an integer in 0...64"),
      ("n^x", 3, "exponent must be an integer in 0...64"),
      ("99999999999999999999*n", 21, "number too large"),
      ("x^40*x^40", 5, "power of 'x' beyond 64"),
      ("(n^64)^2", 7, "power of 'n' beyond 64"),
    ] as [(String, Int, String)])
  func templateErrors(_ text: String, _ column: Int, _ reason: String) {
    #expect(throws: TemplateError(input: text, column: column, reason: reason)) {
      try PolynomialTemplate(parsing: text)
    }
  }

  @Test("the largest machine coefficients still parse; Int.min is reachable without overflow")
  func templateLimits() throws {
    #expect(try PolynomialTemplate(parsing: "9223372036854775807*x").coefficients([1]) == [Int.max])
    #expect(
      try PolynomialTemplate(parsing: "0 - 4611686018427387904 - 4611686018427387904").coefficients([]) == [Int.min])
    #expect(try PolynomialTemplate(parsing: "n^64").degree == 64)
  }

  @Test("the bound and verify_digits limits: MITM only, and the shipped specs pass with the defaults")
  func limits() throws {
    let base =
      #""name": "t", "a": {"template": "x*n"}, "b": {"template": "1"}, "parameters": {"x": [1, 2]}, "constants": ["e"]"#
    // bound 55 for one constant is about 1.9 GB (the largest accepted; measured peak 1.56 GB,
    // scripts/measure-mitm-table.sh); 26 digits are the minimum for bound 10...99.
    #expect(try SearchSpec(json: "{\(base), \"bound\": 48}").bound == 48)
    #expect(try SearchSpec(json: "{\(base), \"bound\": 55}").bound == 55)
    #expect(try SearchSpec(json: "{\(base), \"bound\": 20, \"verify_digits\": 26}").verifyDigits == 26)
    #expect(SearchSpec.minimumVerifyDigits(bound: 100) == 34)
    // Factorial reduction builds no table and has its own identification discipline.
    let fr = try SearchSpec(json: "{\(base), \"mode\": \"factorial-reduction\", \"bound\": 200, \"verify_digits\": 12}")
    #expect(fr.bound == 200 && fr.verifyDigits == 12)
    let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("specs")
    let files = try FileManager.default.contentsOfDirectory(atPath: specs.path).filter { $0.hasSuffix(".json") }
    #expect(!files.isEmpty)
    for file in files {
      let text = try String(contentsOf: specs.appendingPathComponent(file), encoding: .utf8)
      #expect(throws: Never.self, "\(file)") { try SearchSpec(json: text) }
    }
  }
}
