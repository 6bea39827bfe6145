import Identification
import Testing

@testable import Search

@Suite struct BlindDeltaSpecTests {
  static let sides = #""a": {"degree": 2, "range": [-5, 5]}, "b": {"degree": 2, "range": [-5, 5]}"#

  static func spec(_ extra: String = "") -> String {
    #"{"name": "t", "mode": "blind-delta", \#(sides)\#(extra)}"#
  }

  static func message(_ text: String) -> String? {
    do {
      _ = try SearchSpec(json: text)
      return nil
    } catch { return error.description }
  }

  @Test("the paper's space: 11^6 candidates, defaults, the standard catalog")
  func paperSpace() throws {
    let spec = try SearchSpec(json: Self.spec())
    #expect(spec.mode == .blindDelta && spec.size == 1_771_561)
    let blind = try #require(spec.blind)
    #expect(blind.depth == 1000 && blind.clusterMinSize == 5 && blind.clusterFeatures == ["delta", "error_nlogn"])
    #expect(blind.catalog == BlindCatalog.standard && spec.verifyDigits == 50 && spec.bound == 6)
    #expect(blind.catalog.map(\.description).contains("pi^2") && blind.catalog.contains(.constant(.gauss)))
    // The catalog's constants are distinct values (Identifier refuses equal ones) and evaluate.
    _ = try Identifier(constants: blind.catalog)
    // The clustering keys are not part of the run's identity: a store can be clustered again.
    let other = try SearchSpec(json: Self.spec(#", "cluster_radius": [0.1, 0.1], "cluster_min_size": 9"#))
    #expect(other.hashText == spec.hashText)
    #expect(try SearchSpec(json: Self.spec(#", "depth": 500"#)).hashText != spec.hashText)
    #expect(try SearchSpec(json: Self.spec(#", "catalog": ["pi", "e"]"#)).hashText != spec.hashText)
    // The canonical text (a store's copy, read back by reports) parses to the same spec.
    for text in [Self.spec(), Self.spec(#", "catalog": ["pi^2", "exp(2)", "gauss"], "depth": 64"#)] {
      let original = try SearchSpec(json: text)
      let again = try SearchSpec(json: original.canonicalJSON)
      #expect(again == original && again.blind == original.blind && again.hashText == original.hashText)
    }
    // A 'constants' list beside the catalog is accepted only when it is the catalog's own constants.
    #expect(
      Self.message(Self.spec(#", "catalog": ["pi^2", "e"], "constants": ["e"]"#))
        == "'constants' is not used by 'mode': 'blind-delta'; name the identification constants in 'catalog'")
  }

  @Test("existing modes keep their canonical text (stores of earlier runs still open)")
  func otherModesUnchanged() throws {
    let mitm = try SearchSpec(json: #"{"name": "t", \#(Self.sides), "constants": ["e"], "bound": 5}"#)
    #expect(!mitm.canonicalJSON.contains("catalog") && mitm.blind == nil)
    #expect(mitm.canonicalJSON.hasSuffix("\"verify_max_depth\":20000}"))
  }

  @Test(
    "bad blind-delta keys are named",
    arguments: [
      (
        #", "constants": ["pi"]"#,
        "'constants' is not used by 'mode': 'blind-delta'; name the identification constants in 'catalog'"
      ),
      (#", "depth": 10"#, "'depth' must be in 32...100000, got 10"),
      (#", "catalog": []"#, "'catalog' must be a non-empty list of constant expressions, e.g. [\"pi\", \"pi^2\"]"),
      (#", "catalog": [3]"#, "'catalog[0]' must be a string"),
      (
        #", "catalog": ["pie"]"#,
        "'catalog[0]': unknown constant 'pie'; known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, "
          + "gauss, lemniscate, khinchin, glaisher"
      ),
      (#", "catalog": ["pi, e"]"#, "'catalog[0]' must be one expression, got 'pi, e'"),
      (
        #", "catalog": ["pi", "2*pi/2"]"#,
        "'catalog': the constants pi and 2*pi/2 are the same number (equal to 50 digits); list it once"
      ),
      (#", "catalog": ["pi-pi"]"#, "'catalog[0]' 'pi-pi' has no nonzero value within 1e±300"),
      (#", "cluster_features": ["delta"]"#, "'cluster_features' must be a list of two feature names"),
      (
        #", "cluster_features": ["delta", "colour"]"#,
        "'cluster_features[1]' must be one of delta, rate, denominator_nlogn, denominator_n, error_nlogn, error_n, error_log, factorial_degree, digits, value"
      ),
      (#", "cluster_features": ["rate", "rate"]"#, "'cluster_features' names 'rate' twice"),
      (
        #", "cluster_radius": [0.1]"#,
        "'cluster_radius' must be a list of two positive numbers, one per cluster feature"
      ),
      (#", "cluster_radius": [0.1, 0]"#, "'cluster_radius[1]' must be a number in (0, 1e6], got 0"),
      (#", "cluster_min_size": 1"#, "'cluster_min_size' must be in 2...100000, got 1"),
      (#", "identify_representatives": -1"#, "'identify_representatives' must be in 0...100, got -1"),
    ])
  func errors(extra: String, expected: String) {
    #expect(Self.message(Self.spec(extra)) == expected)
  }

  @Test("blind-delta keys in another mode are refused")
  func keysOfOtherModes() {
    let text = #"{"name": "t", \#(Self.sides), "constants": ["e"], "depth": 100}"#
    #expect(Self.message(text) == "'depth' is a key of 'mode': 'blind-delta' only")
  }

  @Test("a depth whose walks could not be afforded is refused, naming 'depth'")
  func walkCost() {
    #expect(
      Self.message(Self.spec(#", "depth": 100000"#))
        == "'depth' 100000 makes the reference walk to 2 × depth reach about 2.3e+06 digits per candidate (at most 2×10^6); lower 'depth'"
    )
    #expect(Self.message(Self.spec(#", "depth": 50000"#)) == nil)
  }
}
