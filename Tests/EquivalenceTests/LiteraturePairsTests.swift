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
    // … to at least 50 places beyond any spent choosing a member of a pencil of gauges.
    #expect(result.digits - result.fittedDigits >= 50)
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
    // Slow (PCF(2, n^2) converges like 1/n): the walks certify few places, so the relation is
    // checked on the extrapolated limits, to at least 50 places, and says so.
    #expect(result.proven)
    #expect(result.kind == .extrapolated && result.digits >= 50)
  }

  @Test("a slow pair whose limits hold too few places is not proven, with the reason")
  func tooFewPlaces() throws {
    let pair = LiteraturePair.all[0]
    // 200 places asked, convergents only to depth 100: the extrapolation holds fewer.
    let result = try PCFRelator(digits: 200, maxDepth: 100).relate(pair.first, pair.second)
    #expect(!result.proven)
    // The certificate is exact and the limits agree with it, but to fewer places than a proof needs.
    #expect(result.gauge != nil && result.mobius == MobiusMap(1, 0, 1, -1))
    #expect(result.kind == .extrapolated && result.digits > 0 && result.digits < 200)
    #expect(
      result.reason?.hasPrefix("the Möbius relation is checked to \(result.digits) places only") == true,
      "\(result.reason ?? "")")
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
