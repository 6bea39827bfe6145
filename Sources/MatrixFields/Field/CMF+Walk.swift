import ContinuedFractions
import Multiprecision
import Polynomials
import Recurrences

extension CMF {
  /// The walk W = M_t(0)·M_t(1)···M_t(depth−1) along trajectory t from s, exact: W is
  /// `numerator / denominator`, the integer walk of the trajectory matrix's numerator over the
  /// product of its denominators.
  /// - Throws: as `trajectoryMatrix`, and `CMFError.singularPoint` naming the first point
  ///   s + n·t (n < depth) where the trajectory matrix is undefined or singular.
  /// - Complexity: the trajectory matrix, the singular-point scan, one product tree.
  public func walk(_ trajectory: Trajectory, start: Position, depth: Int, threads: Int = availableCores)
    throws(CMFError) -> (numerator: IntegerMatrix, denominator: BigInt)
  {
    precondition(depth >= 0, "walk depth \(depth) is negative")
    let m = try trajectoryMatrix(trajectory, start: start, threads: threads)
    try _requireAffordable(m, trajectory, start, depth: depth)
    try _requireRegular(m, trajectory, start, 0..<depth)
    return m.walk(depth: depth, threads: threads)
  }

  /// The limit W[0, last]/W[1, last] of the walk along t from s at the given depth, with
  /// certified digits, rate and the data for δ (see `Limit`).
  /// - Throws: as `walk`. Precondition: depth ≥ 1 and rank ≥ 2.
  public func limit(_ trajectory: Trajectory, start: Position, depth: Int, threads: Int = availableCores)
    throws(CMFError) -> Limit
  {
    precondition(depth >= 1, "depth \(depth) must be at least 1")
    let m = try trajectoryMatrix(trajectory, start: start, threads: threads)
    try _requireAffordable(m, trajectory, start, depth: depth)
    try _requireRegular(m, trajectory, start, 0..<depth)
    return m.limit(depth: depth, threads: threads)
  }

  /// The limits of the walk along t from s at several depths, from one trajectory matrix.
  /// - Throws: as `walk`, for the largest depth. Precondition: depths ≥ 1, rank ≥ 2.
  public func limits(_ trajectory: Trajectory, start: Position, depths: [Int], threads: Int = availableCores)
    throws(CMFError) -> [Limit]
  {
    precondition(depths.allSatisfy { $0 >= 1 }, "depths \(depths) must be at least 1")
    let m = try trajectoryMatrix(trajectory, start: start, threads: threads)
    try _requireAffordable(m, trajectory, start, depth: depths.max() ?? 0)
    return try limits(of: m, trajectory, start: start, depths: depths, threads: threads)
  }

  /// The limits at several depths of the walk of `m`, the trajectory matrix of t from s (from
  /// `trajectoryMatrix`), without the work limit of `limits(_:start:depths:threads:)`: for a
  /// caller that estimated the cost itself (`RationalMatrix.estimatedWalkWork`).
  /// - Throws: `CMFError.singularPoint` for the first singular point up to the largest depth.
  ///   Precondition: depths ≥ 1, rank ≥ 2.
  public func limits(
    of m: RationalMatrix, _ trajectory: Trajectory, start: Position, depths: [Int], threads: Int = availableCores
  ) throws(CMFError) -> [Limit] {
    precondition(depths.allSatisfy { $0 >= 1 }, "depths \(depths) must be at least 1")
    try _requireRegular(m, trajectory, start, 0..<(depths.max() ?? 0))
    return depths.map { m.limit(depth: $0, threads: threads) }
  }

  /// δ at the given depth, |L − p/q| = q^−(1+δ) with p/q the reduced walk ratio; against
  /// `reference` when given, else against the walk at twice the depth.
  /// - Throws: `CMFError` as `limit`, or `LimitError` when δ cannot be computed honestly.
  public func delta(
    _ trajectory: Trajectory, start: Position, depth: Int, reference: BigFloat? = nil,
    threads: Int = availableCores
  ) throws -> Double {
    let m = try trajectoryMatrix(trajectory, start: start, threads: threads)
    let (twice, overflow) = depth.multipliedReportingOverflow(by: 2)
    if overflow { throw CMFError.overflow(what: "twice the depth \(depth)") }
    try _requireAffordable(m, trajectory, start, depth: reference == nil ? twice : depth)
    try _requireRegular(m, trajectory, start, 0..<(reference == nil ? twice : depth))
    let limit = m.limit(depth: depth, threads: threads)
    if let reference { return try limit.delta(reference: reference) }
    return try limit.delta(against: m.limit(depth: 2 * depth, threads: threads))
  }

  /// The most work a walk may take (`RationalMatrix.estimatedWalkWork`, bits processed): about
  /// 20 s on one core. ζ(3) along (1, 1) to depth 2·10⁵ (10⁵ with δ) takes a third of it, along
  /// (50, 50) to depth 2000 less than half.
  public static let walkWorkLimit = 300_000_000

  /// Throws `tooLarge`, naming the depth that fits, when the walk to `depth` is estimated above
  /// `walkWorkLimit`.
  func _requireAffordable(_ m: RationalMatrix, _ t: Trajectory, _ s: Position, depth: Int) throws(CMFError) {
    let estimate = m.estimatedWalkWork(depth: depth)
    guard estimate > CMF.walkWorkLimit else { return }
    // The largest depth that fits (the estimate grows with the depth).
    var (low, high) = (0, depth)
    while low < high {
      let mid = low + (high - low + 1) / 2
      if m.estimatedWalkWork(depth: mid) <= CMF.walkWorkLimit { low = mid } else { high = mid - 1 }
    }
    throw .tooLarge(
      what: "the walk of \(_label) along \(t) from \(s) to depth \(depth)", estimate: estimate,
      limit: CMF.walkWorkLimit, unit: "bits of work",
      advice: low >= 1
        ? "walk to depth \(low) at most (or along a shorter trajectory)"
        : "even one step is too large: use a shorter trajectory")
  }

  /// Throws `singularPoint` for the first singular n in `range`.
  func _requireRegular(_ m: RationalMatrix, _ t: Trajectory, _ s: Position, _ range: Range<Int>) throws(CMFError) {
    if let (n, undefined) = m.firstSingularPoint(in: range) {
      throw .singularPoint(position: s.advanced(by: t, steps: n).description(axes: axes), step: n, undefined: undefined)
    }
  }

  /// The exact product of the step matrices along an explicit lattice path from `start`:
  /// `steps` lists (axis, ±1) unit moves. `nil` when a step matrix is undefined at its point.
  /// Conservation means every path between the same two points gives the same product.
  /// - Complexity: one evaluation of an axis matrix per step, then exact rational products.
  public func pathProduct(from start: Position, steps: [(axis: Int, direction: Int)]) throws(CMFError)
    -> [[BigRational]]?
  {
    try _validate(start: start)
    var point = start.coordinates
    var product = (0..<rank).map { i in (0..<rank).map { BigRational($0 == i ? 1 : 0) } }
    for (a, direction) in steps {
      guard let m = try stepMatrix(axis: a, direction: direction).evaluated(at: point) else { return nil }
      product = (0..<rank).map { i in
        (0..<rank).map { j in (0..<rank).reduce(BigRational.zero) { $0 + product[i][$1] * m[$1][j] } }
      }
      point[a] += BigRational(direction)
    }
    return product
  }
}
