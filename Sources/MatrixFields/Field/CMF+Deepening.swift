import Multiprecision
import Recurrences

extension CMF {
  /// The limit along t from s at the smallest depth tried that certifies `digits` decimal
  /// places: starts at `depth`, then deepens (by the measured rate when the walk converges,
  /// else doubling, at most ×16 a step) until reached or `maxDepth` is hit; the returned limit
  /// says how many places it certifies. `check` is called with each depth before it is walked
  /// (what it throws ends the search).
  /// - Throws: as `limit`; a walk above `walkWorkLimit` ends the search with the deepest limit
  ///   that fitted when there is one, else throws `tooLarge`. Precondition: 1 ≤ depth ≤ maxDepth.
  /// - Complexity: about twice the walk to the final depth (one trajectory matrix).
  public func limit(
    _ trajectory: Trajectory, start: Position, digits: Int, depth: Int, maxDepth: Int,
    threads: Int = availableCores, check: (Int) throws -> Void = { _ in }
  ) throws -> Limit {
    precondition(depth >= 1 && depth <= maxDepth, "depth \(depth) must be in 1...maxDepth (\(maxDepth))")
    let m = try trajectoryMatrix(trajectory, start: start, threads: threads)
    var current: Limit?
    var n = depth
    while true {
      do {
        try _requireAffordable(m, trajectory, start, depth: n)
      } catch {
        if let current { return current }
        throw error
      }
      try check(n)
      try _requireRegular(m, trajectory, start, 0..<n)
      let result = m.limit(depth: n, threads: threads)
      current = result
      if result.digits >= digits || n >= maxDepth { return result }
      if case .terminates = result.status { return result }
      n = Self._nextDepth(after: result, digits: digits, maxDepth: maxDepth)
    }
  }

  /// The next depth to try for `digits` places after `result`: extrapolated from the rate when
  /// the walk converges (2% and 2 steps of margin), else twice as deep; at most ×16.
  static func _nextDepth(after result: Limit, digits: Int, maxDepth: Int) -> Int {
    let depth = result.depth
    var next = depth * 2
    if let rate = result.rate, rate > 0.001, result.status == .converging {
      let needed = Double(digits - result.digits) / rate
      next = Swift.max(depth + 1, depth + Int((Swift.min(needed, 1e9) * 1.02).rounded(.up)) + 2)
    }
    return Swift.min(next, depth * 16, maxDepth)
  }
}

extension CMF {
  /// `limits(of:_:start:depths:threads:)` for the ratio of the combinations v·W and w·W of the
  /// walk's rows (initial values; see `RationalMatrix.limit(start:depth:numerator:denominator:threads:)`).
  /// - Throws: `CMFError.singularPoint` for the first singular point up to the largest depth.
  ///   Precondition: depths ≥ 1, v and w of length `rank`.
  public func limits(
    of m: RationalMatrix, _ trajectory: Trajectory, start: Position, depths: [Int], numerator v: [BigInt],
    denominator w: [BigInt], threads: Int = availableCores
  ) throws(CMFError) -> [Limit] {
    precondition(depths.allSatisfy { $0 >= 1 }, "depths \(depths) must be at least 1")
    try _requireRegular(m, trajectory, start, 0..<(depths.max() ?? 0))
    return depths.map { m.limit(depth: $0, numerator: v, denominator: w, threads: threads) }
  }
}
