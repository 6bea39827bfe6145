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
              guard
                let deeper = try? cmf.limit(
                  t, start: s, digits: digits, depth: Swift.min(2 * limit.depth, maxDepth), maxDepth: maxDepth,
                  threads: cores),
                deeper.status == .converging
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
          try cmf.limits(of: m, t, start: s, depths: [next], threads: cores)[0]
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
      let deeper = try? cmf.limits(of: m, t, start: s, depths: [2 * depth], threads: report.cores)
    else { return [] }
    return deeper
  }
}
