import ContinuedFractions
import Identification
import Multiprecision
import Recurrences

/// A PCF's limit read for a search's exact verification: certified by the walk, or — for a slowly
/// converging candidate (places growing like log n at depth 256) — extrapolated (see
/// `Extrapolation`), whose places the verification may use, marked as such.
struct VerifiedLimit {
  let limit: Limit
  let extrapolation: Extrapolation?

  /// Reads the limit to `digits` places within `maxDepth`.
  init(_ pcf: PCF, digits: Int, maxDepth: Int) {
    let probe = pcf.limit(depth: min(256, maxDepth), threads: 1)
    if probe.mayExtrapolate(wanted: digits), probe.placesGrowLinearly == false,
      case .success(let e) = pcf.extrapolatedLimit(digits: digits + 2, maxDepth: maxDepth, threads: 1),
      e.digits >= digits
    {
      limit = pcf.limit(depth: min(maxDepth, e.depth), threads: 1)
      extrapolation = e.digits > limit.digits ? e : nil
      return
    }
    limit = pcf.limit(digits: digits, maxDepth: maxDepth, threads: 1)
    extrapolation = nil
  }

  /// Whether there is a value to verify: a converging walk or an extrapolation.
  var usable: Bool { extrapolation != nil || limit.status == .converging }

  /// Places known: extrapolated when extrapolated, else certified.
  var places: Int { extrapolation?.digits ?? (limit.status == .converging ? limit.digits : 0) }

  /// The value to `places` places (plus guard digits).
  func value(_ precision: Precision) -> BigFloat {
    extrapolation.map { BigFloat($0.value, precision: precision) } ?? limit.value(precision)
  }

  /// The approximate value identification reads.
  var approximate: ApproximateValue {
    extrapolation.map { ApproximateValue($0.value, places: $0.digits) } ?? ApproximateValue(certified: limit)
  }

  /// The note stored with a hit verified on extrapolated places: method and both digit counts.
  var note: String? {
    extrapolation.map {
      "extrapolated \($0.digits) places, certified \(limit.digits): \($0.summary)"
    }
  }
}
