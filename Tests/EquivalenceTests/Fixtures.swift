import ContinuedFractions
import Foundation
import Polynomials

/// Text of a file in Fixtures/.
func fixture(_ name: String) -> String {
  let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
  return try! String(contentsOf: url, encoding: .utf8)
}

/// One pair of equivalences.tsv: two PCFs proven equivalent in the literature, with the folds used.
struct LiteraturePair: Sendable, CustomStringConvertible {
  let index: Int
  let first: PCF
  let second: PCF
  let folds: (Int, Int)
  var description: String { "pair \(index): \(first) ~ \(second)" }

  static let all: [LiteraturePair] = {
    let rows = fixture("equivalences.tsv").split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
    return rows.enumerated().map { i, line in
      let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return LiteraturePair(
        index: i + 1, first: try! PCF(a: c[0], b: c[1]), second: try! PCF(a: c[3], b: c[4]),
        folds: (Int(c[6])!, Int(c[7])!))
    }
  }()
}
