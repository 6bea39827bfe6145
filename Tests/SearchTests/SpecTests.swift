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
        "unknown key 'colour'; known keys: a, b, bound, constants, key_digits, mode, name, parameters, reduction_depth, reduction_threshold, screen_depth, verify_digits, verify_max_depth"
      ),
      ("[1, 2]", "the spec must be a JSON object"),
      ("{\"name\": 3}", "'name' must be a string"),
      ("{\"a\": 1}", "missing key 'name'"),
      ("{\"name\": \"t\", \"mode\": \"fast\"}", "'mode' must be one of mitm, factorial-reduction, got 'fast'"),
      ("{\"name\": \"t\", \"a\": {\"degree\": 1, \"range\": [3, -3]}}", "'a.range' is an empty range [3, -3]"),
      (
        "{\"name\": \"t\", \"a\": {\"degree\": 1, \"range\": [0, 1], \"step\": 2}}",
        "unknown key 'a.step'; known keys: coefficients, degree, range, template"
      ),
      ("{\"name\": \"t\", \"a\": {\"degree\": \"one\", \"range\": [0, 1]}}", "'a.degree' must be an integer in 0...12"),
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
        "'constants[0]': unknown constant 'zeta3'; known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz"
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
}
