import ContinuedFractions
import Multiprecision
import Polynomials
import Testing

@testable import Equivalence

@Suite struct LiteraturePairsTests {
  /// Pairs of equivalences.tsv the solver proves (2 and 3 through a pencil of gauges, the member
  /// chosen by the limits).
  static let proven: Set<Int> = [1, 2, 3, 4, 5, 6, 7, 8]

  @Test(
    "the pairs of the literature: proven ones with an exact certificate, none falsely", arguments: LiteraturePair.all)
  func literaturePair(_ pair: LiteraturePair) throws {
    let result = try PCFRelator().relate(pair.first, pair.second)
    if Self.proven.contains(pair.index) {
      #expect(result.proven, "\(pair): \(result.reason ?? "")")
    }
    guard result.proven else {
      #expect(result.reason != nil)
      return
    }
    let gauge = try #require(result.gauge)
    // The certificate is an exact identity between the folded steps …
    #expect(
      gauge.holds(between: pair.first.matrix.folded(gauge.folds.0), and: pair.second.matrix.folded(gauge.folds.1)))
    // … and the limits follow its Möbius map to the places they certify.
    #expect(result.digits >= 50 || result.note != nil)
    if [5, 6, 7, 8].contains(pair.index) { #expect(result.digits >= 100) }
  }

  @Test("pair 1: U = [[n, -n^2], [-1, n - 1]], m = 1 and L1 = L2/(L2 - 1), as in the literature")
  func pairOne() throws {
    let pair = LiteraturePair.all[0]
    let result = try PCFRelator().relate(pair.first, pair.second)
    let gauge = try #require(result.gauge)
    #expect(gauge.folds == (1, 1))
    #expect(gauge.matrix.description == "[[n, -n^2], [-1, n - 1]]")
    #expect(gauge.multiplierText == "1")
    #expect(result.mobius == MobiusMap(1, 0, 1, -1))
    // Slow (PCF(2, n^2) converges like 1/n): few places checked, and said so.
    #expect(result.digits < 50 && result.note?.contains("checked to") == true)
  }

  @Test("pair 8 needs the fold (1, 2): L1 = 3·L2/(2·L2 + 2)")
  func foldedPair() throws {
    let pair = LiteraturePair.all[7]
    let result = try PCFRelator().relate(pair.first, pair.second)
    #expect(result.proven)
    #expect(result.gauge.map { $0.folds == (1, 2) } == true)
    #expect(result.mobius == MobiusMap(3, 0, 2, 2))
    // With maxFold 1 it is out of reach.
    let unfolded = try PCFRelator(maxFold: 1).relate(pair.first, pair.second)
    #expect(!unfolded.proven)
  }
}
