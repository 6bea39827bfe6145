import Multiprecision
import Polynomials
import Testing

@testable import Recurrences

@Suite struct LimitTests {
  /// Apéry's recurrence for 6/ζ(3) as Σ cᵢ u(n−i) = 0 with c = (1, −a, −b).
  let apery = LinearRecurrence(coefficients: [.one, -Polynomial([5, 27, 51, 34]), Polynomial.n.power(6)])

  @Test("the exact 2×2 minor equals |b(1)···b(N)| (the determinant identity)")
  func minorIdentity() {
    let limit = apery.limit(depth: 300, start: 1)
    // |b(1)···b(N)| = (N!)^6.
    let expected = BigInt.factorial(300).power(6).log10Magnitude
    #expect(abs(limit.final.log10Minor - expected) < 1e-9)
  }

  @Test("a limit certifies only digits that are correct")
  func honestDigits() throws {
    // Start 1 means the first step is M(1): rows are p, q without a(0), so the limit is 6/ζ(3) − 5.
    for depth in [5, 40, 400] {
      let limit = apery.limit(depth: depth, start: 1)
      let reference = BigFloat(6, precision: .digits(2000)) / BigFloat.zeta(3, .digits(2000)) - 5
      let error = (limit.value(.digits(1500)) - reference).magnitude
      #expect(limit.status == .converging)
      #expect(-error.log10Magnitude >= Double(limit.digits), "depth \(depth): \(limit.digits) digits claimed")
      #expect(Double(limit.digits) > 3.0 * Double(depth) - 6)
      let rate = try #require(limit.rate)
      #expect(abs(rate - 3.06) < 0.05)
    }
  }

  @Test("δ needs a reference more precise than the comparison")
  func deltaNeedsPrecision() {
    let limit = apery.limit(depth: 200, start: 1)
    let coarse = BigFloat(6, precision: .digits(100)) / BigFloat.zeta(3, .digits(100)) - 5
    do {
      _ = try limit.delta(reference: coarse)
      Issue.record("δ against a 100-digit reference at depth 200 must be refused")
    } catch .referenceTooImprecise(let depth, let needed, let available) {
      #expect(depth == 200 && available == 100)
      // The error at depth 200 is about 10^-612: that is what the reference must resolve.
      #expect(needed > 612 && needed < 640, "\(needed)")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test("error messages name the values")
  func messages() {
    #expect(
      LimitError.referenceTooImprecise(depth: 200, needed: 615, available: 100).description
        == "reference value has 100 correct digits but δ at depth 200 needs 615; give a more precise reference or a smaller depth"
    )
    #expect(LimitError.notConverging(depth: 7).description == "the convergents are not converging at depth 7")
    #expect(
      LimitError.zeroDenominator(depth: 4).description == "q(N) = 0 at depth 4: the convergent is undefined there")
    #expect(
      LimitError.terminates(at: 3, value: "7/2").description
        == "the fraction terminates at n = 3 (b(3) = 0): its value is the rational 7/2")
  }

  @Test("a stalled walk is not converging and certifies nothing")
  func stalled() {
    // u(n) = u(n−1): every row constant, consecutive convergents equal without termination.
    let r = LinearRecurrence(coefficients: [.one, Polynomial([-1]), .zero])
    let limit = r.limit(depth: 10)
    #expect(limit.digits == 0)
    #expect(limit.status != .converging)
  }
}
