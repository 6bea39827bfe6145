import Foundation
import Multiprecision

/// One row of Fixtures/pcf-formulas.tsv (copied from shared/validation).
struct KnownFormula: Sendable, CustomStringConvertible {
  let id: String
  let a: String
  let b: String
  let limit: String
  let value: String
  var description: String { id }

  static let all: [KnownFormula] = {
    let url = Bundle.module.url(forResource: "Fixtures/pcf-formulas", withExtension: "tsv")!
    let text = try! String(contentsOf: url, encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("id\t") }.map { line in
      let c = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return KnownFormula(id: c[0], a: c[1], b: c[2], limit: c[3], value: c[4])
    }
  }()

  /// The listed value; its decimal places are the ones it holds.
  var reference: BigFloat { BigFloat(value, precision: .digits(200))! }
  var referencePlaces: Int {
    value.count - (value.firstIndex(of: ".").map { value.distance(from: value.startIndex, to: $0) } ?? 0) - 1
  }
}
