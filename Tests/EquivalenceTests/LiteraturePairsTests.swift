import ContinuedFractions
import Multiprecision
import Polynomials
import Testing

@testable import Equivalence

@Suite struct LiteraturePairsTests {
  @Test(arguments: LiteraturePair.all)
  func provesPairFromTheLiterature(_ pair: LiteraturePair) throws {
    let result = try PCFRelator().relate(pair.first, pair.second)
    #expect(result.proven, "\(pair): \(result.reason ?? "")")
    let gauge = try #require(result.gauge)
    // The certificate is an exact identity between the folded steps.
    #expect(
      gauge.holds(between: pair.first.matrix.folded(gauge.folds.0), and: pair.second.matrix.folded(gauge.folds.1)))
    #expect(result.digits >= 50 || result.note != nil)
    print(pair.index, gauge.folds, gauge.matrix, gauge.multiplierText, result.mobius!, result.digits, result.note ?? "")
  }
}
