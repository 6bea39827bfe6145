import Foundation
import Ramanujan

/// `relate_pairs`: `PCFRelator().relate` on each pair of equivalences.tsv (folds searched, not
/// given), one JSON line per pair with the time and whether it was proven.
func relatePairs(path: String = "Tests/EquivalenceTests/Fixtures/equivalences.tsv") throws {
  let text = try String(contentsOfFile: path, encoding: .utf8)
  let rows = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
  for (i, line) in rows.enumerated() {
    let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    let p1 = try PCF(a: c[0], b: c[1])
    let p2 = try PCF(a: c[3], b: c[4])
    let (t, result) = try measure(1) { try PCFRelator().relate(p1, p2) }
    let folds = result.gauge.map { "[\($0.folds.0), \($0.folds.1)]" } ?? "null"
    report(
      "relate_pair_\(i + 1)", t, 1,
      [
        ("proven", "\(result.proven)"), ("folds", folds), ("degree", "\(result.gauge?.matrix.degree ?? -1)"),
        ("digits", "\(result.digits)"),
      ])
  }
}
