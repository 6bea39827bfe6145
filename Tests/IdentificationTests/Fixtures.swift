import Foundation
import Multiprecision
import Testing

/// Rows of a tab-separated fixture: `#` lines are comments, the first other line names the columns.
func fixtureRows(_ name: String) throws -> [[String: String]] {
  let url = try #require(Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Fixtures"))
  let lines = try String(contentsOf: url, encoding: .utf8)
    .split(separator: "\n", omittingEmptySubsequences: true)
    .filter { !$0.hasPrefix("#") }
  guard let header = lines.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
  else { return [] }
  return lines.dropFirst().map { line in
    let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    return Dictionary(uniqueKeysWithValues: zip(header, fields + Array(repeating: "", count: header.count)))
  }
}

/// The number of decimal digits to which `x` and `y` agree relative to |y|: -log10(|x - y| / |y|).
func agreement(_ x: BigFloat, _ y: BigFloat) -> Double {
  let difference = x - y
  if difference.isZero { return .infinity }
  return y.log10Magnitude - difference.log10Magnitude
}
