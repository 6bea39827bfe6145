import Foundation
import Identification
import Multiprecision

/// The costs a spec is checked for before any work: the double range of the screening walk, the
/// digits of the deepest exact verification walk, and constants a verification can tell apart.
extension SearchSpec {
  /// log10 of bounds A ≥ |a(n)| and B ≥ |b(n)| for 1 ≤ n ≤ `depth` over the whole space (in
  /// logarithms: the bounds of high degrees and wide ranges leave the double range).
  func log10Magnitudes(depth: Int) -> (a: Double, b: Double) {
    let magnitude = Dictionary(
      uniqueKeysWithValues: parameters.map {
        ($0.name, log10(Double(max($0.range.lowerBound.magnitude, $0.range.upperBound.magnitude))))
      })
    let logDepth = log10(Double(depth))
    func bound(_ t: PolynomialTemplate) -> Double {
      let coefficients = t.coefficientLog10Bounds(t.parameters.map { magnitude[$0]! })
      return _log10Sum(coefficients.enumerated().map { $1 + Double($0) * logDepth })
    }
    return (bound(a), bound(b))
  }

  /// log10 r for r = A/2 + √(A²/4 + B), the root of r² = A·r + B, from log10 A and log10 B: both
  /// are scaled by the larger of A/2 and √B first, so nothing overflows.
  static func log10StepGrowth(_ la: Double, _ lb: Double) -> Double {
    let lh = la - log10(2.0)
    let s = max(lh, lb / 2)
    guard s > -.infinity else { return -.infinity }
    let h = _exp10(lh - s)
    let b = _exp10(lb - 2 * s)
    return s + log10(h + (h * h + b).squareRoot())
  }

  /// "about 1.2e+07", or "more than 10^308" when an estimate left the double range.
  static func digitsText(_ d: Double) -> String {
    d.isFinite ? "about " + String(format: "%.1e", d) : "more than 10^308"
  }

  /// The most decimal digits an exact verification walk may reach: about 2 s of GMP arithmetic
  /// per candidate on one core (a walk of Brouncker's PCF to depth 3·10^5, 1.8·10^6 digits).
  public static let maximumWalkDigits = 2e6

  /// The digits of p(N) an exact walk to depth N reaches at most: N·log10 r(N), r(N) the growth
  /// bound of one step (see `screeningGrowthLog2`).
  func walkDigits(depth: Int) -> Double {
    let (a, b) = log10Magnitudes(depth: depth)
    return Double(depth) * Swift.max(1, Self.log10StepGrowth(a, b))
  }

  /// The deepest verification walk (factorial-reduction mode confirms at 4 × `verify_max_depth`)
  /// must stay within `maximumWalkDigits`: a slowly converging match walks all the way there, and
  /// a walk of 10^8 digits takes minutes and gigabytes.
  func requireVerifiable() throws(SpecError) {
    let factor = mode == .mitm ? 1 : 4
    let limit = Self.maximumWalkDigits
    guard !(walkDigits(depth: factor * verifyMaxDepth) <= limit) else { return }
    var (lo, hi) = (9, verifyMaxDepth)  // lo fits (or is 9: none does), hi does not
    while hi - lo > 1 {
      let mid = lo + (hi - lo) / 2
      if walkDigits(depth: factor * mid) <= limit { lo = mid } else { hi = mid }
    }
    let digits = walkDigits(depth: factor * verifyMaxDepth)
    let confirm = factor == 1 ? "" : " (confirmed at 4 × the depth)"
    guard lo >= 10 else {
      throw SpecError(
        "a and b grow too fast for exact verification: a walk of 'verify_max_depth' 10\(confirm) could reach "
          + "\(Self.digitsText(walkDigits(depth: factor * 10))) digits (at most 2×10^6); use smaller degrees or ranges")
    }
    throw SpecError(
      "'verify_max_depth' \(verifyMaxDepth) lets an exact verification walk\(confirm) reach "
        + "\(Self.digitsText(digits)) digits per candidate (at most 2×10^6); use 'verify_max_depth' at most \(lo)"
    )
  }

  /// log2 of how much the screening state (p, q) can grow between two rescalings of the kernel
  /// (which scales it back to at most 1 every `ScreeningKernel.rescaleInterval` steps), on walks up
  /// to `depth`: with A ≥ |a(n)| and B ≥ |b(n)| for n ≤ depth, the first step multiplies by at most
  /// A + B and each later one by at most r = A/2 + √(A²/4 + B) (r² = A·r + B).
  func screeningGrowthLog2(depth: Int) -> Double {
    let (a, b) = log10Magnitudes(depth: depth)
    let log10Growth = _log10Sum([a, b]) + Double(ScreeningKernel.rescaleInterval - 1) * Self.log10StepGrowth(a, b)
    return log10Growth / log10(2.0)
  }

  /// The screening walk runs in double precision (largest about 2^1024): a space whose a(n), b(n)
  /// could carry it out of range between two rescalings would come back "not converged" for every
  /// candidate, silently. It is refused, naming the deepest `screen_depth` that fits.
  func requireScreenable() throws(SpecError) {
    let limit = ScreeningKernel.maximumGrowthLog2
    guard !(screeningGrowthLog2(depth: screenDepth) <= limit) else { return }
    var (lo, hi) = (9, screenDepth)  // growth(lo) fits (or lo = 9: none does), growth(hi) does not
    while hi - lo > 1 {
      let mid = lo + (hi - lo) / 2
      if screeningGrowthLog2(depth: mid) <= limit { lo = mid } else { hi = mid }
    }
    if lo >= 10 {
      throw SpecError(
        "'screen_depth' \(screenDepth) is too deep for the degrees and ranges of a and b: the double-precision "
          + "screening walk could overflow between its rescalings; use 'screen_depth' at most \(lo), or smaller degrees or ranges"
      )
    }
    throw SpecError(
      "a and b grow too fast for the double-precision screening walk (it could overflow between its rescalings "
        + "even at 'screen_depth' 10); use smaller degrees or ranges, or 'mode': 'factorial-reduction'")
  }

  /// Factorial-reduction mode identifies limits in all constants together: constants with an
  /// integer relation among (1, c₁, …, c_k) (e.g. log(2) and log(4), phi and sqrt(5)) make every
  /// identification fail, so they are refused up front. The relation is searched with coefficients
  /// up to 10^4 at 100 digits.
  static func requireIndependent(_ constants: [Constant]) throws(SpecError) {
    guard constants.count >= 2 else { return }
    let precision = Precision.digits(100)
    let values = [BigFloat(1, precision: precision)] + constants.map { $0.value(precision) }
    guard let relation = IntegerRelation.find(values, maxCoefficient: 10_000, precision: precision) else { return }
    throw SpecError(
      "'constants' are not independent: \(relationText(relation, constants)) = 0; factorial-reduction mode needs independent constants"
    )
  }

  /// Hits are certified to `verify_digits` places: a constant that a small rational matches to that
  /// many places (zeta(k) for k above about 3.3 × verify_digits is 1 + 2^−k) makes every Möbius form
  /// of it pass for a rational limit (MITM "hits" that are coincidences) and makes every
  /// factorial-reduction identification fail. It is refused, with the relation (coefficients up to
  /// 10^4) the precision discipline would accept.
  func requireDistinguishable() throws(SpecError) {
    let digits = Swift.min(verifyDigits, 2000)
    let precision = Precision.digits(digits)
    let discipline = PrecisionDiscipline()
    for (i, c) in constants.enumerated() {
      let values = [BigFloat(1, precision: precision), c.value(precision)]
      if let relation = IntegerRelation.find(values, maxCoefficient: 10_000, precision: precision),
        discipline.accepts(digits: verifyDigits, coefficientDigits: relation.coefficientDigits)
      {
        throw SpecError(
          "'constants[\(i)]' \(c.name) is rational to \(verifyDigits) places (\(Self.relationText(relation, [c])) = 0): "
            + "at 'verify_digits' \(verifyDigits) its formulas cannot be told from rational limits; raise 'verify_digits' or drop it"
        )
      }
    }
  }

  /// A relation among (1, c₁, …) written with its signs, the first nonzero coefficient positive:
  /// `2*log(2) - log(4)`.
  static func relationText(_ relation: IntegerRelation, _ constants: [Constant]) -> String {
    let sign = relation.coefficients.first { !$0.isZero }.map { $0 < 0 ? BigInt(-1) : BigInt(1) } ?? 1
    var text = ""
    for (m, name) in zip(relation.coefficients.map { $0 * sign }, ["1"] + constants.map(\.name)) where !m.isZero {
      let magnitude = m.magnitude
      let term = name == "1" ? "\(magnitude)" : (magnitude == 1 ? name : "\(magnitude)*\(name)")
      text += text.isEmpty ? (m < 0 ? "-" : "") + term : (m < 0 ? " - " : " + ") + term
    }
    return text
  }
}
