import ArgumentParser
import Ramanujan

extension HitsCommand {
  /// `hits --clusters`: one line per cluster of a blind-δ store (of `run`, or its only run), by cluster id.
  func clusterLines(_ db: SearchStore, run: SearchStore.Run?) throws -> [String] {
    if unverified || unique || constant != nil || minDigits != 0 {
      throw ValidationError(
        "--clusters lists clusters: it cannot be combined with --unverified, --unique, --constant or --min-digits")
    }
    let list = try db.clusters(run: run)
    switch format {
    case .text:
      return list.map { c in
        "cluster \(c.id): \(c.size) PCFs, delta \(Self.range(c.delta)), rate \(Self.range(c.rate)), \(c.label)"
          + "\(c.identified > 0 ? " (\(c.identified) identified)" : "")  e.g. PCF(\(c.a), \(c.b))"
      }
    case .tsv:
      return [Self.clusterColumns(nil).map(\.name).joined(separator: "\t")]
        + list.map { c in Self.clusterColumns(c).map { $0.value.tsv }.joined(separator: "\t") }
    case .json:
      return list.map { c in
        var o = JSONLine()
        for (name, value) in Self.clusterColumns(c) { o.add(name, value) }
        return o.text
      }
    }
  }

  static func range(_ r: ClosedRange<Double>) -> String {
    let (lo, hi) = (PCFReport.format(r.lowerBound, 4), PCFReport.format(r.upperBound, 4))
    return lo == hi ? lo : "\(lo)…\(hi)"
  }

  /// The exported columns of a cluster, in order.
  static func clusterColumns(_ c: BlindCluster?) -> [(name: String, value: JSONLine.Field)] {
    [
      ("cluster", .int(c?.id)), ("size", .int(c?.size)), ("delta_min", .real(c?.delta.lowerBound)),
      ("delta_max", .real(c?.delta.upperBound)), ("rate_min", .real(c?.rate.lowerBound)),
      ("rate_max", .real(c?.rate.upperBound)), ("label", .text(c?.label)), ("identified", .int(c?.identified)),
      ("representative", .int(c?.representative)), ("a", .text(c?.a)), ("b", .text(c?.b)),
    ]
  }
}
