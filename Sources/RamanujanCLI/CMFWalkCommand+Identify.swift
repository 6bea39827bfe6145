import ArgumentParser
import Ramanujan

extension CMFWalkCommand {
  /// Identifies the limit of the walk, walking deeper (twice as deep each time, up to
  /// `--max-depth` and the work limit) while the certified digits are too few for the precision
  /// discipline to accept a relation; an answer is confirmed on a walk to twice the digits.
  /// Returns the deepest limit walked, the identification and, without one, why.
  func identifyDeepening(
    _ cmf: CMF, _ t: Trajectory, _ s: Position, name: String, first: Limit, identifier: Identifier
  ) throws -> (limit: Limit, identified: Identification?, note: String?) {
    let cores = report.cores
    // Enough digits for a relation with every coefficient at the bound in the largest basis.
    let k = identifier.constants.count
    let count = Swift.max(2, identifier.algebraicDegree + 1, k >= 1 ? 2 * k + 2 : 0)
    let wanted = identifier.discipline.requiredDigits(
      coefficientDigits: count * identifier.maxCoefficient.decimalDigitCount)
    let m = try cmf.trajectoryMatrix(t, start: s, threads: cores)
    var limit = first
    while true {
      if limit.status == .converging {
        let x = ApproximateValue(certified: limit)
        if x.digits >= identifier.discipline.minimumDigits {
          let found: Identification?
          do {
            found = try identifier.identify(x) { digits in
              // The confirmation walks to the depth the digits need (extrapolated from the rate).
              let rate = Swift.max(limit.rate ?? 0, 1e-3)
              let needed = limit.depth + Int((Double(digits - limit.digits) / rate * 1.05).rounded(.up)) + 2
              let depth = Swift.min(Swift.max(needed, 2 * limit.depth), maxDepth)
              guard m.estimatedWalkWork(depth: depth) <= CMF.walkWorkLimit,
                let deeper = try? walkLimits(cmf, m, t, s, depths: [depth])[0], deeper.status == .converging
              else { return nil }
              return ApproximateValue(certified: deeper)
            }
          } catch {
            return (limit, nil, "\(error)")
          }
          if let found { return (limit, found, nil) }
          if x.digits >= wanted {
            return (limit, nil, "no relation with |coefficients| ≤ \(identifier.maxCoefficient) in \(x.digits) digits")
          }
        }
      }
      let stop = "\(limit.digits) certified places at depth \(limit.depth)"
      if limit.depth >= maxDepth || limit.divergence != nil || limit.exactValue != nil {
        return (limit, nil, "no relation found in \(stop) (--max-depth \(maxDepth))")
      }
      let next = Swift.min(2 * limit.depth, maxDepth)
      if m.estimatedWalkWork(depth: next) > CMF.walkWorkLimit {
        return (limit, nil, "no relation found in \(stop); walking to depth \(next) is too large")
      }
      do {
        limit = try WalkCost.withHeartbeat(name) {
          try walkLimits(cmf, m, t, s, depths: [next])[0]
        }
      } catch {
        return (limit, nil, "no relation found in \(stop); depth \(next): \(error)")
      }
    }
  }

  /// The walk at twice `depth`, the reference of δ; empty when it is above the work limit or
  /// meets a singular point.
  func deltaReference(_ cmf: CMF, _ t: Trajectory, _ s: Position, depth: Int) -> [Limit] {
    guard let m = try? cmf.trajectoryMatrix(t, start: s, threads: report.cores),
      m.estimatedWalkWork(depth: 2 * depth) <= CMF.walkWorkLimit,
      let deeper = try? walkLimits(cmf, m, t, s, depths: [2 * depth])
    else { return [] }
    return deeper
  }
}

extension CMFWalkCommand {
  /// The `--initial` rows v, w (each of `rank` integers), or `nil` for e0, e1.
  func initialRows(rank: Int) throws -> (v: [BigInt], w: [BigInt])? {
    guard let initial else { return nil }
    let parts = initial.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2 else {
      throw ValidationError("--initial: expected two rows 'v;w' separated by ';', got '\(escapedForMessage(initial))'")
    }
    let v = try RecurrenceOptions.integers(parts[0], option: "--initial (first row)", count: rank)
    let w = try RecurrenceOptions.integers(parts[1], option: "--initial (second row)", count: rank)
    return (v, w)
  }

  /// The limits at `depths` of the walk of m, of rows 0 and 1 or of the `--initial` rows.
  func walkLimits(_ cmf: CMF, _ m: RationalMatrix, _ t: Trajectory, _ s: Position, depths: [Int]) throws -> [Limit] {
    if let (v, w) = try initialRows(rank: cmf.rank) {
      return try cmf.limits(of: m, t, start: s, depths: depths, numerator: v, denominator: w, threads: report.cores)
    }
    return try cmf.limits(of: m, t, start: s, depths: depths, threads: report.cores)
  }
}

extension CMFWalkCommand {
  /// The convergence rate predicted from the trajectory's recurrence (`Asymptotics`) at the depth
  /// walked, when the trajectory matrix is small enough to turn into a recurrence quickly
  /// (rank ≤ 4, degree ≤ 60) and the two dominant growths differ.
  func predictedRate(_ cmf: CMF, _ t: Trajectory, _ s: Position, depth: Int) -> Double? {
    guard let m = try? cmf.trajectoryMatrix(t, start: s, threads: report.cores), m.size <= 4, m.numeratorDegree <= 60
    else { return nil }
    return m.recurrence().asymptotics.rate(depth: depth)
  }
}
