import Multiprecision
import Polynomials
import TestSupport
import Testing

@testable import Recurrences

@Suite struct RecurrenceHonestyTests {
  /// Random recurrences of order 2 to 4 (order ≥ 3 may have complex subdominant roots, whose
  /// differences change sign irregularly): every place certified at depth N agrees with the walk
  /// at 16·N when that one certifies more.
  @Test("certified digits of random recurrences of order 2 to 4 are correct", arguments: 0..<4)
  func randomRecurrences(seed: Int) {
    var g = SeededGenerator(seed: UInt64(5000 + seed))
    var compared = 0
    for _ in 0..<40 {
      let order = Int.random(in: 2...4, using: &g)
      let degree = Int.random(in: 0...2, using: &g)
      var coefficients = [Polynomial([1])]
      for _ in 1...order {
        coefficients.append(Polynomial((0...degree).map { _ in Int.random(in: -5...5, using: &g) }))
      }
      guard !coefficients[order].isZero else { continue }
      let recurrence = LinearRecurrence(coefficients: coefficients)
      let depth = Int.random(in: 8...120, using: &g)
      let shallow = recurrence.limit(depth: depth, threads: 1)
      let deep = recurrence.limit(depth: 16 * depth, threads: 1)
      guard shallow.status == .converging, deep.status == .converging, deep.digits > shallow.digits else { continue }
      compared += 1
      let places = shallow.digits
      let difference = (shallow.value(places: places + 10) - deep.value(places: places + 10)).magnitude
      #expect(
        difference.isZero || difference.log10Magnitude <= Double(-places) + 1e-9,
        "\(coefficients) at depth \(depth): \(places) places certified, off by 10^\(difference.log10Magnitude)")
    }
    #expect(compared >= 5, "compared \(compared)")
  }
}
