import ContinuedFractions
import Identification
import Multiprecision
import Polynomials
import Recurrences

/// The features of one candidate, as a chunk stores them.
public struct FeatureRow: Sendable, Hashable {
  /// The candidate's index in the space.
  public let index: Int
  public let features: ConvergenceFeatures

  public init(index: Int, features: ConvergenceFeatures) {
    self.index = index
    self.features = features
  }
}

extension SearchEngine {
  /// The least |value| change over the second half of the screening walk, relative to max(1, |value|),
  /// that still sends a candidate to the exact walk: loose on purpose, so that slowly converging
  /// fractions (errors like 1/n) reach the exact model, which decides.
  static let blindScreenTolerance = 1e-2

  /// Blind δ on up to 8 candidates: the SIMD screen drops what is not converging in double
  /// precision; each survivor is walked exactly to 2N (`ConvergenceFeatures.measure`), its features
  /// are kept, and its limit is looked up among the Möbius forms of the catalog, each match checked
  /// against the limit to every digit compared (see `blindVerify`).
  func blindDelta(_ batch: [Candidate], into result: inout ChunkResult) {
    guard let options = space.spec.blind else { return }
    let screened = ScreeningKernel.screen(batch[...], depth: space.spec.screenDepth)
    for (c, s) in zip(batch, screened) {
      result.screened += 1
      guard s.value.isFinite, s.halfChange.isFinite,
        s.halfChange <= Self.blindScreenTolerance * Swift.max(1, Swift.abs(s.value))
      else { continue }
      let pcf = PCF(a: Polynomial(c.a), b: Polynomial(c.b))
      let extrapolation = BlindExtrapolation(verifyDigits: space.spec.verifyDigits, depth: options.depth)
      guard let measured = ConvergenceFeatures.measure(pcf, depth: options.depth, extrapolation: extrapolation)
      else { continue }
      result.converged += 1
      result.features.append(FeatureRow(index: c.index, features: measured.features))
      guard let table else { continue }
      let entries = table.matches(measured.features.value)
      guard !entries.isEmpty else { continue }
      result.matched += 1
      let relations = entries.map {
        (table.expression($0), "blind-delta catalog (c0,c1,d0,d1)=(\($0.c0),\($0.c1),\($0.d0),\($0.d1))")
      }
      result.record(blindVerify(c, pcf, measured, relations))
    }
  }

  /// The exact check of a blind-δ match on the reference walk (depth 2N): the first expression that
  /// agrees with the limit to every one of D places, D = min(certified places, 4 × `verify_digits`),
  /// evaluated 30 digits beyond. A hit needs D ≥ `verify_digits` (four times as many are compared when
  /// the walk has them: the confirmation at higher precision); fewer certified places give an
  /// unverified match. A slowly converging candidate with an extrapolated limit is checked on its
  /// extrapolated places instead (all of them, at most 4 × `verify_digits`), and its relation says
  /// so (`[extrapolated P places, certified C: method]`).
  func blindVerify(
    _ c: Candidate, _ pcf: PCF, _ measured: BlindMeasurement, _ entries: [(ConstantExpression, String)]
  ) -> Verdict {
    let spec = space.spec
    let limit = measured.reference
    let extrapolation = measured.extrapolation
    let compared = Swift.min(extrapolation?.digits ?? limit.digits, 4 * spec.verifyDigits)
    guard compared >= 1 else { return .rejected }
    let working = Precision.digits(compared + limit.integerDigits + 30)
    let value = extrapolation.map { BigFloat($0.value, precision: working) } ?? limit.value(working)
    let note = extrapolation.map { " [\(BlindExtrapolation.note($0, certified: limit.digits))]" } ?? ""
    for (expression, relation) in entries {
      guard let reference = try? expression.evaluate(working) else { continue }
      let difference = (reference - value).magnitude
      let agreement = difference.isZero ? compared : Int((-difference.log10Magnitude).rounded(.down))
      guard agreement >= compared else { continue }
      let f = measured.features
      let hit = Hit(
        a: pcf.a.description, b: pcf.b.description, index: c.index, canonicalKey: CanonicalForm.key(pcf),
        constants: expression.constants.sorted().map(\.name).joined(separator: ","), expression: expression.description,
        relation: relation + note, digits: compared, depth: extrapolation?.depth ?? limit.depth, delta: f.delta,
        rate: f.rate, factorialDegree: f.factorialDegree, certifiedDigits: extrapolation.map { _ in limit.digits },
        extrapolation: extrapolation?.summary)
      return compared >= spec.verifyDigits ? .hit(hit) : .unverified(hit)
    }
    return .rejected
  }
}
