/// Why a quantity of a `Limit` could not be computed honestly.
public enum LimitError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The reference value carries fewer correct digits than the comparison needs.
  case referenceTooImprecise(depth: Int, needed: Int, available: Int)
  /// The convergents are not converging at this depth (diverging, oscillating or stalled).
  case notConverging(depth: Int)
  /// q(N) or q(N−1) is zero at this depth.
  case zeroDenominator(depth: Int)
  /// The reduced denominator is 1 at this depth: log q = 0, so δ is undefined there.
  case reducedDenominatorOne(depth: Int)
  /// The fraction terminates: its value is the rational number given, δ is undefined.
  case terminates(at: Int, value: String)

  public var description: String {
    switch self {
    case .referenceTooImprecise(let depth, let needed, let available):
      return
        "reference value has \(available) correct digits but δ at depth \(depth) needs \(needed); give a more precise reference or a smaller depth"
    case .notConverging(let depth):
      return "the convergents are not converging at depth \(depth)"
    case .zeroDenominator(let depth):
      return "q(N) = 0 at depth \(depth): the convergent is undefined there"
    case .reducedDenominatorOne(let depth):
      return "the reduced denominator q is 1 at depth \(depth): δ = −log|L − p/q|/log q − 1 is undefined there"
    case .terminates(let at, let value):
      return "the fraction terminates at n = \(at) (b(\(at)) = 0): its value is the rational \(value)"
    }
  }
}
