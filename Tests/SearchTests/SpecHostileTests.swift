import ContinuedFractions
import Foundation
import Multiprecision
import Polynomials
import Testing

@testable import Search

/// Specs a demanding user (or a fuzzer) writes: each is refused with a message naming the key, or
/// accepted and searched correctly; none traps.
@Suite struct SpecHostileTests {
  func rejection(_ json: String) -> String? {
    do {
      _ = try SearchSpec(json: json)
      return nil
    } catch {
      return error.description
    }
  }

  static let sides = #""a": {"degree": 1, "range": [-2, 2]}, "b": {"degree": 1, "range": [-2, 2]}"#

  @Test(
    "a side that is zero for every candidate is refused (it trapped in the filter)",
    arguments: [
      (
        #"{"name": "z", "a": {"template": "0"}, "b": {"degree": 1, "range": [1, 2]}, "constants": ["e"], "bound": 3}"#,
        "'a.template' '0' is identically zero; a ≡ 0 gives no continued fraction"
      ),
      (
        #"{"name": "z", "a": {"template": "x0*n+1"}, "b": {"template": "x0-x0"}, "parameters": {"x0": [1, 3]}, "constants": ["e"]}"#,
        "'b.template' 'x0-x0' is identically zero; b ≡ 0 ends every PCF at a(0)"
      ),
      (
        #"{"name": "z", "a": {"template": "x0 - x0 + 0*n"}, "b": {"degree": 0, "range": [1, 1]}, "parameters": {"x0": [1, 3]}, "constants": ["e"]}"#,
        "'a.template' 'x0 - x0 + 0*n' is identically zero; a ≡ 0 gives no continued fraction"
      ),
      (
        #"{"name": "z", "a": {"degree": 2, "range": [0, 0]}, "b": {"degree": 0, "range": [1, 1]}, "constants": ["e"]}"#,
        "'a' is zero at its only parameter values; a ≡ 0 gives no continued fraction"
      ),
      (
        #"{"name": "z", "a": {"degree": 0, "range": [1, 1]}, "b": {"template": "x*(x-2)*n"}, "parameters": {"x": [2, 2]}, "constants": ["e"]}"#,
        "'b' is zero at its only parameter values; b ≡ 0 ends every PCF at a(0)"
      ),
    ])
  func zeroSides(_ json: String, _ message: String) {
    #expect(rejection(json) == message)
  }

  @Test("a side zero for some parameter values only is searched, those candidates filtered as degenerate")
  func zeroAtSomeValues() throws {
    let spec = try SearchSpec(
      json:
        #"{"name": "z", "a": {"template": "x*(2*n+1)"}, "b": {"template": "n^2"}, "parameters": {"x": [0, 1]}, "constants": ["pi"], "bound": 4}"#
    )
    let engine = SearchEngine(space: SearchSpace(spec: spec))
    let result = engine.process(chunk: 0)
    #expect(result.candidates == 2)
    #expect(result.filtered[.degenerate] == 1)
    // x = 1 is Brouncker's PCF(2n+1, n²) = 4/π.
    #expect(result.hits.map(\.expression) == ["4/pi"])
  }

  @Test("degrees 0...15 in n: both edges, for 'degree', 'coefficients' and templates")
  func degreeEdges() throws {
    let b = #""b": {"degree": 0, "range": [1, 1]}, "constants": ["e"], "bound": 2"#
    // Degree 15 is accepted at a screening depth its growth fits in (n^15 < 2^62 for n ≤ 17).
    let top = try SearchSpec(json: #"{"name": "d", "a": {"degree": 15, "range": [1, 1]}, "screen_depth": 12, \#(b)}"#)
    #expect(top.a.degree == 15 && top.parameters.count == 17)
    #expect(try SearchSpec(json: #"{"name": "d", "a": {"degree": 0, "range": [1, 1]}, \#(b)}"#).a.degree == 0)
    #expect(
      rejection(#"{"name": "d", "a": {"degree": 16, "range": [1, 1]}, \#(b)}"#)
        == "'a.degree' must be an integer in 0...15")
    #expect(
      rejection(#"{"name": "d", "a": {"degree": -1, "range": [1, 1]}, \#(b)}"#)
        == "'a.degree' must be an integer in 0...15")
    let sixteen = Array(repeating: "[1, 1]", count: 16).joined(separator: ", ")
    #expect(
      try SearchSpec(json: #"{"name": "d", "a": {"coefficients": [\#(sixteen)]}, "screen_depth": 12, \#(b)}"#).a
        .degree == 15)
    #expect(
      try SearchSpec(json: #"{"name": "d", "a": {"template": "n^15 + 1"}, "screen_depth": 12, \#(b)}"#).a.degree
        == 15)
  }

  @Test("the screening kernel walks degree 15 exactly as the exact recurrence does")
  func degreeFifteenScreens() throws {
    // a(n) = n^15 + 2n + 1, b(n) = −n^15 + 3: the value at depth 12 against p(12)/q(12) in BigInt.
    var a = [Int](repeating: 0, count: 16)
    a[0] = 1
    a[1] = 2
    a[15] = 1
    var b = [Int](repeating: 0, count: 16)
    b[0] = 3
    b[15] = -1
    let depth = 12
    let screened = ScreeningKernel.screen([Candidate(index: 0, a: a, b: b)][...], depth: depth)[0]
    let portable = ScreeningKernel.screenPortable([Candidate(index: 0, a: a, b: b)][...], depth: depth)[0]
    func eval(_ c: [Int], _ n: Int) -> BigInt { c.reversed().reduce(BigInt(0)) { $0 * BigInt(n) + BigInt($1) } }
    var (p0, p1, q0, q1) = (BigInt(1), BigInt(a[0]), BigInt(0), BigInt(1))
    for n in 1...depth {
      (p0, p1) = (p1, eval(a, n) * p1 + eval(b, n) * p0)
      (q0, q1) = (q1, eval(a, n) * q1 + eval(b, n) * q0)
    }
    let exact = (BigFloat(p1, precision: .digits(40)) / BigFloat(q1, precision: .digits(40))).doubleValue
    #expect(abs(screened.value - exact) <= 1e-14 * abs(exact))
    #expect(abs(portable.value - exact) <= 1e-14 * abs(exact))
  }

  @Test("a space whose a(n), b(n) overflow the double screening walk is refused, naming the depth that fits")
  func screeningOverflow() throws {
    let b = #""b": {"degree": 0, "range": [1, 1]}, "constants": ["e"], "bound": 2"#
    // n^7 + 1 at depth 1000 is 10^21: sixteen steps leave the double range, and the kernel's value
    // is not finite (this space screened nothing, silently). (487^7)^16 ≈ 2^1000 is the edge.
    let a = #""a": {"coefficients": [[1, 1], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [1, 1]]}"#
    #expect(
      rejection(#"{"name": "d", \#(a), \#(b)}"#)
        == "'screen_depth' 1000 is too deep for the degrees and ranges of a and b: the double-precision screening walk could overflow between its rescalings; use 'screen_depth' at most 487, or smaller degrees or ranges"
    )
    let fits = try SearchSpec(json: #"{"name": "d", \#(a), "screen_depth": 487, \#(b)}"#)
    #expect(fits.screeningGrowthLog2(depth: 487) <= ScreeningKernel.maximumGrowthLog2)
    #expect(fits.screeningGrowthLog2(depth: 488) > ScreeningKernel.maximumGrowthLog2)
    let c = try #require(SearchSpace(spec: fits).candidate(0))
    #expect(ScreeningKernel.screen([c][...], depth: 487)[0].converged(digits: 12))
    #expect(!ScreeningKernel.screen([c][...], depth: 1000)[0].value.isFinite)
    #expect(
      rejection(#"{"name": "d", "a": {"template": "x*n^15"}, "parameters": {"x": [1, 1000000000]}, \#(b)}"#)
        == "a and b grow too fast for the double-precision screening walk (it could overflow between its rescalings even at 'screen_depth' 10); use smaller degrees or ranges, or 'mode': 'factorial-reduction'"
    )
    // Factorial reduction walks exactly: no such limit.
    let fr = try SearchSpec(
      json:
        #"{"name": "d", "mode": "factorial-reduction", "a": {"degree": 15, "range": [1, 1]}, "b": {"degree": 0, "range": [1, 1]}, "constants": ["e"], "verify_max_depth": 5000}"#
    )
    #expect(fr.a.degree == 15)
  }

  @Test("the screening bound holds: degree 6 at depth 1000 is accepted and its PCF converges in screening")
  func screeningBoundIsNotTooTight() throws {
    let spec = try SearchSpec(
      json:
        #"{"name": "d", "a": {"coefficients": [[1, 1], [0, 0], [0, 0], [0, 0], [0, 0], [0, 0], [1, 1]]}, "b": {"degree": 0, "range": [1, 1]}, "constants": ["e"], "bound": 2}"#
    )
    let space = SearchSpace(spec: spec)
    let c = try #require(space.candidate(0))
    #expect(c.a == [1, 0, 0, 0, 0, 0, 1])
    #expect(ScreeningKernel.screen([c][...], depth: spec.screenDepth)[0].converged(digits: 12))
  }

  @Test("the deepest verification walk is bounded in digits, naming the deepest verify_max_depth that fits")
  func verificationCost() throws {
    let pi =
      #""a": {"degree": 1, "range": [-13, 13]}, "b": {"degree": 2, "range": [-11, 11]}, "constants": ["pi"], "bound": 20"#
    // Brouncker-like PCFs converge slowly and would walk to 10^7: about 8·10^7 digits each.
    #expect(
      rejection(#"{"name": "t", \#(pi), "verify_max_depth": 10000000}"#)
        == "'verify_max_depth' 10000000 lets an exact verification walk reach about 8.1e+07 digits per candidate (at most 2×10^6); use 'verify_max_depth' at most 302116"
    )
    #expect(
      rejection(#"{"name": "t", "mode": "factorial-reduction", \#(pi), "verify_max_depth": 1000000}"#)
        == "'verify_max_depth' 1000000 lets an exact verification walk (confirmed at 4 × the depth) reach about 3.1e+07 digits per candidate (at most 2×10^6); use 'verify_max_depth' at most 75529"
    )
    let spec = try SearchSpec(json: #"{"name": "t", \#(pi), "verify_max_depth": 302116}"#)
    #expect(spec.walkDigits(depth: 302116) <= SearchSpec.maximumWalkDigits)
    #expect(spec.walkDigits(depth: 302117) > SearchSpec.maximumWalkDigits)
    // An upper bound: at depth 10^6, gcd(p, q) of PCF(2n + 1, n²) alone has 5.0·10^6 digits (eval).
    #expect(spec.walkDigits(depth: 1_000_000) > 6.0e6)
  }

  @Test("cost estimates of a(n) beyond the double range are right, and never trap (they converted ∞ to Int)")
  func infiniteEstimates() throws {
    // Found by fuzzing: the bound of a(n) is about 10^171·n^9, its square leaves the double range.
    let fuzzed =
      #"{"name": "f99", "mode": "mitm", "a": {"template": "-7*n*n^8*x2 + 3*x2*x2*x0^15 + 1*x1^3*x1^15*x1"}, "b": {"template": "1 + 1"}, "parameters": {"x0": [0, 0], "x1": [-1000000000, -999999995], "x2": [-1, 0]}, "constants": ["pi"], "bound": 1, "screen_depth": 100000, "verify_digits": 1000, "verify_max_depth": 1000000, "reduction_depth": 8}"#
    #expect(
      rejection(fuzzed)
        == "'verify_max_depth' 1000000 lets an exact verification walk reach about 1.7e+08 digits per candidate (at most 2×10^6); use 'verify_max_depth' at most 11695"
    )
    // |a(n)| ≤ 10^270·n^15 + 1: the bound itself is beyond 10^308 at n = 80000, its digits are not.
    let huge =
      #"{"name": "h", "mode": "factorial-reduction", "a": {"template": "x^15*y^15*n^15 + 1"}, "b": {"template": "1"}, "parameters": {"x": [999999995, 1000000000], "y": [999999995, 1000000000]}, "constants": ["pi"]}"#
    #expect(
      rejection(huge)
        == "'verify_max_depth' 20000 lets an exact verification walk (confirmed at 4 × the depth) reach about 2.7e+07 digits per candidate (at most 2×10^6); use 'verify_max_depth' at most 1529"
    )
    // Bounds in logarithms: 10^9000 is no overflow, and a parameter fixed at 0 zeroes its terms.
    let zero = try PolynomialTemplate(parsing: "x^15*y^15*z + 2*n")
    #expect(zero.coefficientLog10Bounds([300, 300, -.infinity]) == [-.infinity, log10(2)])
    #expect(zero.coefficientLog10Bounds([300, 300, 0]) == [9000, log10(2)])
  }

  @Test(
    "numbers beyond 64 bits are out of range, naming the key and the limit",
    arguments: [
      (#""bound": 1000000000000000000000"#, "'bound' is out of range (max 200), got 1000000000000000000000"),
      (#""bound": 1e21"#, "'bound' is out of range (max 200), got 1e21"),
      (#""bound": -1e21"#, "'bound' is out of range (min 1), got -1e21"),
      (
        #""screen_depth": 99999999999999999999999"#,
        "'screen_depth' is out of range (max 100000), got 99999999999999999999999"
      ),
      (#""verify_digits": 1e999999999999"#, "'verify_digits' is out of range (max 100000), got 1e999999999999"),
      (#""bound": 1.5"#, "'bound' must be an integer"),
      (#""bound": 1e-999999999999"#, "'bound' must be an integer"),
      (#""bound": "5""#, "'bound' must be an integer"),
      (#""bound": 300"#, "'bound' must be in 1...200, got 300"),
      (#""reduction_threshold": 1e400"#, "'reduction_threshold' must be in 0...100, got 1e400"),
      (#""reduction_threshold": -0.5"#, "'reduction_threshold' must be in 0...100, got -0.5"),
      (#""reduction_threshold": "x""#, "'reduction_threshold' must be a number"),
    ])
  func outOfRange(_ entry: String, _ message: String) {
    #expect(rejection(#"{"name": "t", \#(Self.sides), "constants": ["e"], \#(entry)}"#) == message)
  }

  @Test("integers written as 1e1, 10.0 or 1000e-2 are integers")
  func integerSpellings() throws {
    for literal in ["10", "1e1", "10.0", "1000e-2", "0.1e2", "1E+1"] {
      let spec = try SearchSpec(json: #"{"name": "t", \#(Self.sides), "constants": ["e"], "bound": \#(literal)}"#)
      #expect(spec.bound == 10, "\(literal)")
    }
  }

  @Test(
    "range ends beyond ±10^9 or 64 bits name the end",
    arguments: [
      (#"[1, 1e21]"#, "'a.range[1]' is out of range (max 1000000000), got 1e21"),
      (#"[-99999999999999999999, 1]"#, "'a.range[0]' is out of range (min -1000000000), got -99999999999999999999"),
      (#"[1, 2000000000]"#, "'a.range[1]' is out of range (max 1000000000), got 2000000000"),
      (#"[-2000000000, 1]"#, "'a.range[0]' is out of range (min -1000000000), got -2000000000"),
      (#"[5, -5]"#, "'a.range' is an empty range [5, -5]"),
      (#"[1, 2, 3]"#, "'a.range' must be a range [low, high] of integers"),
      (#"[1.5, 2]"#, "'a.range' must be a range [low, high] of integers"),
    ])
  func rangeEnds(_ range: String, _ message: String) {
    let json =
      #"{"name": "t", "a": {"degree": 1, "range": \#(range)}, "b": {"degree": 1, "range": [1, 2]}, "constants": ["e"]}"#
    #expect(rejection(json) == message)
  }

  @Test("negative ranges in increasing order are searched: [-5, -1] holds five values")
  func negativeRange() throws {
    let spec = try SearchSpec(
      json:
        #"{"name": "t", "a": {"degree": 0, "range": [-5, -1]}, "b": {"degree": 0, "range": [-3, -3]}, "constants": ["e"]}"#
    )
    let space = SearchSpace(spec: spec)
    #expect(space.size == 5)
    #expect((0..<5).map { space.values($0) } == [[-5, -3], [-4, -3], [-3, -3], [-2, -3], [-1, -3]])
  }

  @Test(
    "duplicate constants are refused, also when spelled differently",
    arguments: [
      (#"["pi", "pi"]"#, "'constants[1]' 'pi' is 'pi' again (as 'constants[0]'); name each constant once"),
      (#"["G", "e", "catalan"]"#, "'constants[2]' 'catalan' is 'G' again (as 'constants[0]'); name each constant once"),
      (
        #"["log(2)", "ln(2)"]"#, "'constants[1]' 'ln(2)' is 'log(2)' again (as 'constants[0]'); name each constant once"
      ),
      (
        #"["zeta(3)", " zeta( 3 ) "]"#,
        "'constants[1]' ' zeta( 3 ) ' is 'zeta(3)' again (as 'constants[0]'); name each constant once"
      ),
    ])
  func duplicateConstants(_ list: String, _ message: String) {
    #expect(rejection(#"{"name": "t", \#(Self.sides), "constants": \#(list)}"#) == message)
  }

  @Test("factorial-reduction constants with an integer relation are refused (every identification failed)")
  func dependentConstants() throws {
    func fr(_ list: String) -> String {
      #"{"name": "t", "mode": "factorial-reduction", \#(Self.sides), "constants": \#(list)}"#
    }
    #expect(
      rejection(fr(#"["log(2)", "log(4)"]"#))
        == "'constants' are not independent: 2*log(2) - log(4) = 0; factorial-reduction mode needs independent constants"
    )
    #expect(
      rejection(fr(#"["phi", "sqrt(5)"]"#))
        == "'constants' are not independent: 1 - 2*phi + sqrt(5) = 0; factorial-reduction mode needs independent constants"
    )
    #expect(try SearchSpec(json: fr(#"["pi", "zeta(3)", "log(2)"]"#)).constants.count == 3)
    // MITM tables of dependent constants only repeat values: accepted there.
    #expect(
      try SearchSpec(json: #"{"name": "t", \#(Self.sides), "constants": ["log(2)", "log(4)"]}"#).constants.count == 2)
  }

  @Test("a constant a rational matches to verify_digits places is refused (MITM found 6 coincidental 'hits')")
  func nearRationalConstants() throws {
    func spec(_ mode: String, _ list: String, _ extra: String = "") -> String {
      #"{"name": "t", "mode": "\#(mode)", \#(Self.sides), "constants": \#(list), "bound": 3\#(extra)}"#
    }
    #expect(
      rejection(spec("mitm", #"["zeta(1000000000000)"]"#))
        == "'constants[0]' zeta(1000000000000) is rational to 100 places (1 - zeta(1000000000000) = 0): at 'verify_digits' 100 its formulas cannot be told from rational limits; raise 'verify_digits' or drop it"
    )
    // ζ(400) − 1 ≈ 2^−400 ≈ 10^−120.4: rational to 100 places, not to 200; ζ(300) − 1 ≈ 10^−90.3.
    #expect(
      rejection(spec("mitm", #"["pi", "zeta(400)"]"#))
        == "'constants[1]' zeta(400) is rational to 100 places (1 - zeta(400) = 0): at 'verify_digits' 100 its formulas cannot be told from rational limits; raise 'verify_digits' or drop it"
    )
    #expect(try SearchSpec(json: spec("mitm", #"["zeta(400)"]"#, #", "verify_digits": 200"#)).constants.count == 1)
    #expect(try SearchSpec(json: spec("mitm", #"["zeta(300)"]"#)).constants.count == 1)
    #expect(
      rejection(spec("factorial-reduction", #"["zeta(100)"]"#, #", "verify_digits": 20"#))
        == "'constants[0]' zeta(100) is rational to 20 places (1 - zeta(100) = 0): at 'verify_digits' 20 its formulas cannot be told from rational limits; raise 'verify_digits' or drop it"
    )
  }

  @Test("at most 16 constants")
  func manyConstants() {
    let list = (2...18).map { "\"zeta(\($0))\"" }.joined(separator: ", ")
    #expect(
      rejection(#"{"name": "t", \#(Self.sides), "constants": [\#(list)], "bound": 1}"#)
        == "'constants' names 17 constants; at most 16 are supported")
  }

  @Test(
    "a key given twice is refused, at any depth and however its name is escaped",
    arguments: [
      (#"{"name": "x", "name": "y"}"#, "duplicate key 'name': each key may be given once"),
      (
        #"{"name": "x", "a": {"degree": 1, "range": [0, 1], "degree": 2}}"#,
        "duplicate key 'a.degree': each key may be given once"
      ),
      (#"{"name": "x", "na\u006de": "y"}"#, "duplicate key 'name': each key may be given once"),
      (
        #"{"name": "x", "a": {"template": "x0*n"}, "parameters": {"x0": [1, 2], "x0": [3, 4]}}"#,
        "duplicate key 'parameters.x0': each key may be given once"
      ),
    ])
  func duplicateKeys(_ json: String, _ message: String) {
    #expect(rejection(json) == message)
  }

  @Test("equal keys in different objects, and key-like text inside strings, are not duplicates")
  func notDuplicates() throws {
    let spec = try SearchSpec(
      json:
        #"{"name": "x", "a": {"degree": 1, "range": [1, 2]}, "b": {"degree": 1, "range": [1, 2]}, "constants": ["e"], "mode": "mitm"}"#
    )
    #expect(spec.a.degree == 1 && spec.b.degree == 1)
    // A name with an escaped quote is one string, then refused for its characters, not as JSON.
    #expect(
      rejection(#"{"name": "a\"name\": 1", \#(Self.sides), "constants": ["e"]}"#)
        == "'name' must be letters, digits, '-', '_' or '.', got 'a\"name\": 1'")
  }

  @Test(
    "unknown keys are errors, with a hint for a near miss",
    arguments: [
      (
        #"{"name": "t", "contants": ["e"]}"#,
        "unknown key 'contants' (did you mean 'constants'?); known keys: a, b, bound, catalog, cluster_features, "
          + "cluster_min_size, cluster_radius, constants, depth, identify_representatives, key_digits, mode, name, "
          + "parameters, reduction_depth, reduction_threshold, screen_depth, verify_digits, verify_max_depth"
      ),
      (
        #"{"name": "t", "a": {"degre": 1}}"#,
        "unknown key 'a.degre' (did you mean 'a.degree'?); known keys: coefficients, degree, range, template"
      ),
    ])
  func unknownKeys(_ json: String, _ message: String) {
    #expect(rejection(json) == message)
  }

  @Test("a parameter named like a coefficient of a plain side is refused, not silently overridden")
  func plainSideConflict() {
    #expect(
      rejection(
        #"{"name": "t", "a": {"degree": 1, "range": [0, 3]}, "b": {"template": "n"}, "parameters": {"a0": [1, 1]}, "constants": ["e"]}"#
      )
        == "'parameters.a0' names a coefficient of the plain side 'a', whose ranges 'a' gives; rename the parameter")
  }

  @Test("hostile JSON: deep nesting, a name too long, a byte-order mark")
  func hostileJSON() throws {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    #expect(rejection(deep) == "the spec is not valid JSON: line 1, column 65: nested deeper than 64 levels")
    let long = String(repeating: "x", count: 201)
    #expect(
      rejection(#"{"name": "\#(long)", \#(Self.sides), "constants": ["e"]}"#)
        == "'name' must be at most 200 characters, got 201")
    #expect(try SearchSpec(json: "\u{FEFF}{\"name\": \"t\", \(Self.sides), \"constants\": [\"e\"]}").name == "t")
  }

  @Test("many parameters are read in linear time and each gets its range")
  func manyParameters() throws {
    let names = (0..<100).map { "x\($0)" }  // the most a template may name
    let template = names.joined(separator: " + ") + " + n"
    let ranges = names.map { "\"\($0)\": [1, 1]" }.joined(separator: ", ")
    let spec = try SearchSpec(
      json:
        #"{"name": "t", "a": {"template": "\#(template)"}, "b": {"degree": 0, "range": [1, 1]}, "parameters": {\#(ranges)}, "constants": ["e"]}"#
    )
    #expect(spec.parameters.count == 101 && spec.size == 1)
    #expect(SearchSpace(spec: spec).candidate(0)?.a == [100, 1])
  }

  @Test("the canonical text escapes what JSON must, and reads back as the same spec")
  func canonicalEscapes() throws {
    let spec = try SearchSpec(
      json:
        #"{"name": "t", "a": {"template": "x*n\t+\n1"}, "b": {"degree": 0, "range": [1, 1]}, "parameters": {"x": [1, 2]}, "constants": ["e"]}"#
    )
    #expect(spec.canonicalJSON.contains(#""template":"x*n\t+\n1""#))
    #expect(try SearchSpec(json: spec.canonicalJSON) == spec)
  }

  @Test("canonical texts and hashes of ordinary specs are those existing stores hold")
  func hashesUnchanged() throws {
    let spec = try SearchSpec(
      json:
        #"{"name": "e", "mode": "mitm", "a": {"degree": 1, "range": [-5, 5]}, "b": {"degree": 1, "range": [-5, 5]}, "constants": ["e"], "bound": 5}"#
    )
    #expect(
      spec.canonicalJSON
        == #"{"a":{"template":"a0 + a1*n"},"b":{"template":"b0 + b1*n"},"bound":5,"constants":["e"],"key_digits":10,"mode":"mitm","name":"e","parameters":{"a0":[-5,5],"a1":[-5,5],"b0":[-5,5],"b1":[-5,5]},"reduction_depth":64,"reduction_threshold":0.5,"screen_depth":1000,"verify_digits":100,"verify_max_depth":20000}"#
    )
    // FNV-1a 64 of that text (computed apart, with Python): the hash stores of this spec hold.
    #expect(spec.hashText == "000850accad434a3")
  }
}
