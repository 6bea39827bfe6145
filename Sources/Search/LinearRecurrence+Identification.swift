import Identification
import Multiprecision
import Recurrences

extension LinearRecurrence {
  /// Two solutions whose ratio tends to a constant: initial values u(start−r), …, u(start−1) of
  /// the numerator and denominator solutions, and the digits to which the limit of their ratio
  /// was checked against the constant.
  public struct InitialValueRelation: Sendable, Hashable {
    public let numerator: [BigInt]
    public let denominator: [BigInt]
    /// Decimal places to which lim (a·u(N))/(b·u(N)) agrees with the constant at the depth walked.
    public let digits: Int
    /// The certified places of that limit at the depth walked.
    public let certified: Int
  }

  /// Integer initial values a, b (|entries| ≤ `maxCoefficient`) with
  /// lim_N (a·u(N))/(b·u(N)) = L, u(N) the vector of the r basic solutions at depth N from `start`.
  ///
  /// The basic solutions tend to a common direction y (ratios u_k(N)/u_j(N) certified by `Limit`);
  /// an integer relation a·y − L·(b·y) = 0 is searched by PSLQ among the 2r numbers
  /// (y, L·y) at the certified digits, and accepted only under `discipline` (digits at least
  /// ratio × coefficient digits + margin). It is then confirmed: the limit of the projection
  /// (a·u)/(b·u) is walked and must agree with L to its certified places less the slack.
  /// `nil` when nothing is found or confirmed (a relation among y alone, b·y = 0, is no answer).
  /// Digits are compared only as far as `constant`'s precision holds (less 10 guard digits).
  /// - Precondition: order ≥ 2, depth ≥ 1, c₀(n) ≠ 0 from `start` to `start + depth`.
  /// - Complexity: one walk per basic ratio and one for the confirmation; one PSLQ of dimension 2r.
  public func identifyInitialValues(
    _ constant: BigFloat, depth: Int, start: Int, maxCoefficient: BigInt = 10_000,
    discipline: PrecisionDiscipline = PrecisionDiscipline(), threads: Int = availableCores
  ) -> InitialValueRelation? {
    precondition(order >= 2, "identification over initial values needs order ≥ 2")
    let r = order
    let w = walk(start: start, depth: depth, threads: threads)
    // The denominator of the ratios: the basic solution of largest magnitude.
    let j = (0..<r).max { w[$0, r - 1].magnitude < w[$1, r - 1].magnitude }!
    guard !w[j, r - 1].isZero else { return nil }
    let unit = { (k: Int) in (0..<r).map { BigInt($0 == k ? 1 : 0) } }
    var places = Int.max
    for k in 0..<r where k != j {
      let l = limit(depth: depth, start: start, numerator: unit(k), denominator: unit(j), threads: threads)
      guard l.status == .converging else { return nil }
      places = Swift.min(places, l.digits)
    }
    // The constant must be known to the digits compared.
    let known = constant.precision.digits - Swift.max(0, Int(constant.log10Magnitude.rounded(.up))) - 10
    places = Swift.min(places, known)
    guard places != Int.max, places >= discipline.minimumDigits else { return nil }
    let working = Precision.digits(places + 20)
    let q = BigFloat(w[j, r - 1], precision: working)
    let y = (0..<r).map { BigFloat(w[$0, r - 1], precision: working) / q }
    let l = BigFloat(constant, precision: working)
    let numbers = y + y.map { -(l * $0) }
    // PSLQ needs nonzero entries: a zero basic ratio is left out (its coefficient is free).
    let kept = numbers.indices.filter { !numbers[$0].isZero && numbers[$0].log10Magnitude > -Double(places) }
    guard kept.count >= 2 else { return nil }
    let largest = discipline.largestCoefficientDigits(count: kept.count, digits: places)
    guard largest >= 1 else { return nil }
    let bound = largest > maxCoefficient.decimalDigitCount ? maxCoefficient : BigInt(10).power(largest) - 1
    guard
      let found = IntegerRelation.find(
        kept.map { numbers[$0] }, maxCoefficient: Swift.min(bound, maxCoefficient), precision: .digits(places))
    else { return nil }
    var coefficients = [BigInt](repeating: 0, count: 2 * r)
    for (i, index) in kept.enumerated() { coefficients[index] = found.coefficients[i] }
    guard discipline.accepts(digits: places, coefficientDigits: found.coefficientDigits) else { return nil }
    var a = Array(coefficients[0..<r])
    var b = Array(coefficients[r...])
    if b.allSatisfy(\.isZero) || a.allSatisfy(\.isZero) { return nil }
    if let first = b.first(where: { !$0.isZero }), first.isNegative {
      a = a.map { -$0 }
      b = b.map { -$0 }
    }
    // Confirmation: the projection's own limit against L.
    let projection = limit(depth: depth, start: start, numerator: a, denominator: b, threads: threads)
    guard projection.status == .converging, projection.digits >= discipline.minimumDigits else { return nil }
    let check = Precision.digits(projection.digits + projection.integerDigits + 20)
    let difference = (projection.value(check) - BigFloat(constant, precision: check)).magnitude
    let compared = Swift.min(projection.digits, known)
    let agreement = difference.isZero ? compared : Int((-difference.log10Magnitude).rounded(.down))
    guard agreement >= compared - discipline.slack else { return nil }
    return InitialValueRelation(
      numerator: a, denominator: b, digits: Swift.min(agreement, compared), certified: projection.digits)
  }
}
