import Identification
import Multiprecision
import Recurrences

extension ConvergenceProfile {
  /// A walk's profile at `points` depths up to `depth`, and its limit at `depth`.
  /// `limits(depths)` walks the object (a PCF, a CMF trajectory) to each depth given.
  ///
  /// The walk is slow when its rate at `depth` is below 0.02 places per term: its depths are then
  /// spaced evenly in log n. L is `reference` when given (evaluated a little beyond the error at
  /// `depth`), else the walk at depth 2·`depth`, whose certified places bound what is compared.
  /// - Throws: `ReportError` when `reference` cannot be evaluated, or when without it the deeper
  ///   walk certifies fewer than 10 places (no honest reference), and what `limits` throws.
  public static func measure(
    depth: Int, points: Int, reference: ConstantExpression?, limits: ([Int]) throws -> [Limit]
  ) throws -> (profile: ConvergenceProfile, limit: Limit, slow: Bool) {
    precondition(depth >= 1 && points >= 1, "depth \(depth) and points \(points) must be ≥ 1")
    guard let limit = try limits([depth]).first else { throw ReportError("no walk at depth \(depth)") }
    let slow = (limit.rate ?? 0) < 0.02
    let depths = Self.depths(upTo: depth, count: points, logarithmic: slow)
    var all = try limits(Array(depths.dropLast()))
    all.append(limit)
    let value: BigFloat
    let places: Int
    let label: String
    if let reference {
      let expected = max(Double(limit.digits), limit.final.log10Difference.isFinite ? -limit.final.log10Difference : 0)
      places = Int(expected * 1.1) + 60
      do { value = try reference.evaluate(.digits(places + limit.integerDigits + 20)) } catch {
        throw ReportError("cannot evaluate the limit '\(reference)': \(error)")
      }
      label = reference.description
    } else {
      guard let deeper = try limits([2 * depth]).first, deeper.status == .converging, deeper.digits >= 10 else {
        throw ReportError(
          "no reference for the plot: the walk at depth \(2 * depth) certifies fewer than 10 places; give the limit (--limit) or a greater depth"
        )
      }
      places = deeper.digits
      value = deeper.value(places: places + 10)
      label = "the walk at depth \(2 * depth)"
    }
    let profile = ConvergenceProfile(limits: all, reference: value, referenceDigits: places, referenceLabel: label)
    return (profile, limit, slow)
  }

  /// Places (or the error, when slow) and δ against depth, one above the other.
  public func figure(title: String, slow: Bool) -> Figure {
    Figure(
      title: title,
      plots: slow
        ? [errorPlot(title: "Error against depth (log–log)"), deltaPlot(title: "δ against depth", logDepth: true)]
        : [digitsPlot(title: "Decimal places against depth"), deltaPlot(title: "δ against depth")])
  }
}
