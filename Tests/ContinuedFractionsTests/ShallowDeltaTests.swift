import ContinuedFractions
import Multiprecision
import Polynomials
import Recurrences
import Testing

@Suite struct ShallowDeltaTests {
  /// PCF(2n+1, n²) = 4/π (Brouncker): δ is defined from depth 1, where nothing is certified yet.
  let brouncker = PCF(a: Polynomial([1, 2]), b: Polynomial.n.power(2))
  let reference = BigFloat(4, precision: .digits(300)) / BigFloat.pi(.digits(300))

  @Test("δ at depths 1 and 2 against 4/π: 4/3 and 24/19 (ramanujantools: 1.559455, 0.561261)")
  func shallow() throws {
    // |4/π − 4/3| = 3^−(1+δ) and |4/π − 24/19| = 19^−(1+δ), computed by hand.
    let one = brouncker.limit(depth: 1)
    #expect(one.status == .notConverging)
    #expect(abs(try one.delta(reference: reference) - 1.559455) < 5e-7)
    let two = brouncker.limit(depth: 2)
    #expect(abs(try two.delta(reference: reference) - 0.561261) < 5e-7)
  }

  @Test("δ at each depth equals the δ sequence (one walk per depth against one naive pass)")
  func sequenceAgrees() throws {
    let sequence = brouncker.deltaSequence(depth: 30, reference: reference)
    for depth in [1, 2, 3, 7, 16, 30] {
      let delta = try brouncker.limit(depth: depth).delta(reference: reference)
      #expect(abs(delta - sequence[depth - 1]!) < 1e-9, "depth \(depth)")
    }
  }

  @Test("δ stays undefined where it is: q reduced to 1, a termination, proven divergence")
  func undefined() {
    // PCF(1, 1) at depth 1 is 2/1: log q = 0.
    let golden = PCF(a: .one, b: .one).limit(depth: 1)
    #expect(throws: LimitError.reducedDenominatorOne(depth: 1)) { try golden.delta(reference: reference) }
    // b(2) = 0 ends the fraction: its value is exact.
    let terminating = PCF(a: .one, b: Polynomial([2, -1])).limit(depth: 5)
    #expect(throws: LimitError.self) { try terminating.delta(reference: reference) }
    // deg b − 2 deg a = 3: even and odd convergents apart (Stern–Stolz).
    let divergent = PCF(a: .one, b: Polynomial.n.power(3)).limit(depth: 3)
    #expect(throws: LimitError.notConverging(depth: 3)) { try divergent.delta(reference: reference) }
    // δ against the walk's own deeper value still needs that value certified.
    #expect(throws: LimitError.notConverging(depth: 2)) {
      try brouncker.limit(depth: 1).delta(against: brouncker.limit(depth: 2))
    }
    #expect(
      LimitError.reducedDenominatorOne(depth: 1).description
        == "the reduced denominator q is 1 at depth 1: δ = −log|L − p/q|/log q − 1 is undefined there")
  }
}
