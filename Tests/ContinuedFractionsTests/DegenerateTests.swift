import Multiprecision
import Polynomials
import Recurrences
import Testing

@testable import ContinuedFractions

@Suite struct DegenerateTests {
  @Test("b(n) = 0 terminates the fraction: the limit is an exact rational")
  func terminates() throws {
    // PCF(n, 2−n) = 0 + 1/(1 + 0/…) = 1.
    let limit = try PCF(a: "n", b: "2-n").limit(depth: 50)
    #expect(limit.status == .terminates(at: 2))
    #expect(limit.exactValue == BigRational(1))
    // PCF(3, (n−4)(n+1)) = 3 + 2/(3 + 3/(3 + 4/3)) terminates at n = 4.
    let pcf = try PCF(a: "3", b: "(n-4)(n+1)")
    let c = pcf.convergents(depth: 3).last!
    #expect(pcf.limit(depth: 10).exactValue == BigRational(c.p, c.q))
    #expect(pcf.terminationIndex(upTo: 100) == 4)
    #expect(throws: LimitError.terminates(at: 4, value: BigRational(c.p, c.q).description)) {
      try pcf.limit(depth: 10).requireConverging()
    }
  }

  @Test("q(N) = 0 is reported, not divided by")
  func zeroDenominator() throws {
    // PCF(0, 1): q = 1, 0, 1, 0, …
    let limit = try PCF(a: "0", b: "1").limit(depth: 50)
    #expect(limit.status == .zeroDenominator)
    #expect(limit.digits == 0)
    #expect(limit.certifiedText() == "")
    #expect(throws: LimitError.zeroDenominator(depth: 50)) {
      try limit.delta(reference: BigFloat(1, precision: .digits(50)))
    }
  }

  @Test("a(n) = 0 for some n is legal and evaluated")
  func zeroOfA() throws {
    let pcf = try PCF(a: "n-3", b: "n^2")
    #expect(pcf.zeroOfA(upTo: 100) == 3)
    let limit = pcf.limit(depth: 2000)
    let naive = pcf.convergents(depth: 2000).last!
    #expect(limit.final.p == naive.p && limit.final.q == naive.q)
  }

  @Test("a divergent or oscillating fraction is not converging")
  func divergent() throws {
    for (a, b) in [("1", "-n^2"), ("1", "-1"), ("0", "-1")] {
      let limit = try PCF(a: a, b: b).limit(depth: 100)
      #expect(limit.status == .notConverging || limit.status == .zeroDenominator, "PCF(\(a), \(b))")
      #expect(limit.digits == 0)
    }
  }

  @Test("the walk equals the naive convergents")
  func walkMatchesConvergents() throws {
    let pcf = try PCF(a: "(2n+1)(17n^2+17n+5)", b: "-n^6")
    let w = pcf.walk(depth: 321)
    let c = pcf.convergents(depth: 321)
    #expect(w[0, 1] == c[321].p && w[1, 1] == c[321].q && w[0, 0] == c[320].p && w[1, 0] == c[320].q)
  }
}
