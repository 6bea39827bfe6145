import ContinuedFractions
import Multiprecision
import Recurrences

/// Where the places of a limit come from: the walk's certified error bound, or an extrapolation
/// of the convergents (its error estimated by the agreement of independent extrapolations).
public enum LimitKind: String, Sendable, Equatable {
  case certified
  case extrapolated
}

/// A limit read for the numerical side of a relation: the certified walk, or its extrapolation
/// when that holds more places. Used only to check and fit Möbius relations, never to prove.
public struct LimitEstimate: Sendable {
  /// The walk (certified places, rate, status).
  public let limit: Limit
  /// The extrapolated limit, when it was tried and holds more places than the walk.
  public let extrapolation: Extrapolation?
  /// Why the extrapolation was not used, when it was tried and failed.
  public let extrapolationNote: String?

  /// Reads PCF's limit to `digits` places within `maxDepth` steps; when the walk certifies fewer,
  /// extrapolates the convergents (within the same depth) and keeps whichever holds more places.
  public init(_ pcf: PCF, digits: Int, maxDepth: Int) {
    let limit = pcf.limit(digits: digits, maxDepth: maxDepth, threads: 1)
    self.limit = limit
    guard limit.status == .converging, limit.digits < digits else {
      (extrapolation, extrapolationNote) = (nil, nil)
      return
    }
    let wanted = min(digits, ConvergentSequence.maxExtrapolatedDigits)
    switch pcf.extrapolatedLimit(digits: wanted, maxDepth: maxDepth, threads: 1) {
    case .success(let e) where e.digits > limit.digits:
      (extrapolation, extrapolationNote) = (e, nil)
    case .success:
      (extrapolation, extrapolationNote) = (nil, nil)
    case .failure(let f):
      (extrapolation, extrapolationNote) = (nil, f.description)
    }
  }

  /// Whether a value with at least one place is known (certified or extrapolated).
  public var usable: Bool { limit.status == .converging || extrapolation != nil }

  public var kind: LimitKind { extrapolation == nil ? .certified : .extrapolated }

  /// Decimal places known (certified, or extrapolated when used).
  public var digits: Int { extrapolation?.digits ?? limit.digits }

  /// log10 of the error bound (certified) or estimate (extrapolated).
  public var errorLog10: Double {
    if let extrapolation { return extrapolation.errorLog10 }
    return limit.errorLog10 ?? -Double(limit.digits)
  }

  /// Digits before the point (at least 0).
  public var integerDigits: Int {
    guard let extrapolation else { return limit.integerDigits }
    return extrapolation.value.isZero ? 0 : max(0, Int(extrapolation.value.log10Magnitude.rounded(.down)) + 1)
  }

  /// The value at `precision`.
  public func value(_ precision: Precision) -> BigFloat {
    if let extrapolation { return BigFloat(extrapolation.value, precision: precision) }
    return limit.value(precision)
  }

  /// The known places as text, at most `maxPlaces`.
  public func text(maxPlaces: Int) -> String {
    extrapolation?.text(maxPlaces: maxPlaces) ?? limit.certifiedText(maxPlaces: maxPlaces)
  }

  /// "107 certified" or "64 extrapolated" (or "all" for an exact value).
  public var placesText: String {
    if limit.exactValue != nil { return "all" }
    return "\(digits) \(kind.rawValue)"
  }
}
