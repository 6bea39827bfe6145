import Multiprecision
import Polynomials
import Testing

@testable import Recurrences

#if canImport(Glibc)
  import Glibc
#endif

@Suite struct RecurrenceOperationsTests {
  func p(_ text: String) -> Polynomial { try! Polynomial(parsing: text) }
  func r(_ texts: [String]) -> LinearRecurrence { LinearRecurrence(coefficients: texts.map(p)) }
  func q(_ xs: [Int]) -> [BigRational] { xs.map { BigRational(BigInt($0)) } }

  let fibonacci = LinearRecurrence(coefficients: [Polynomial([-1]), .one, .one])

  @Test("solutions: Fibonacci from u(31) = u(32) = 1; a rational solution; c0(n) = 0 and bad counts are errors")
  func solutions() throws {
    #expect(try fibonacci.solution(initialValues: q([1, 1]), start: 33, count: 5) == q([2, 3, 5, 8, 13]))
    // n·u(n) = u(n−1): u(n) = u(0)/n!.
    let factorial = r(["n", "-1"])
    #expect(
      try factorial.solution(initialValues: q([1]), start: 1, count: 4).map(\.description) == [
        "1", "1/2", "1/6", "1/24",
      ])
    #expect(throws: LinearRecurrence.SolutionError.leadingCoefficientVanishes(n: 0)) {
      try factorial.solution(initialValues: q([1]), start: 0, count: 3)
    }
    #expect(throws: LinearRecurrence.SolutionError.initialValues(count: 1, order: 2)) {
      try fibonacci.solution(initialValues: q([1]), start: 0, count: 3)
    }
  }

  @Test("fold and compose keep the solutions; fold by m is [1, m] ∘ R; unfold inverts fold")
  func foldComposeUnfold() throws {
    // A solution of R solves its fold (ramanujantools' test_fold_solution_space, values ours).
    let base = r(["n", "n+1", "(n+17)^2", "3"])
    let solution = try base.solution(initialValues: q([1, 2, 3]), start: 5, count: 6)
    let m = p("n^2+n+1")
    let folded = base.folded(by: m)
    #expect(folded.order == 4)
    let again = try folded.solution(initialValues: q([1, 2, 3]) + [solution[0]], start: 6, count: 5)
    #expect(again == Array(solution.dropFirst()))
    #expect(folded == LinearRecurrence(coefficients: [.one, m]).composed(with: base))
    // Fibonacci composed with itself: from 1, 1, 2, 3 it continues 5, 8, 13, 21, 34.
    let twice = fibonacci.composed(with: fibonacci)
    #expect(try twice.solution(initialValues: q([1, 1, 2, 3]), start: 0, count: 5) == q([5, 8, 13, 21, 34]))
    // Unfolding by the multiplier, and the search over divisors of the last coefficient.
    let pcf = r(["-1", "n", "(n-3)(n+7)(n-11)"])
    let multiplier = p("(n-1)(n+2)")
    #expect(pcf.folded(by: multiplier).unfolded(by: multiplier) == pcf)
    #expect(pcf.folded(by: multiplier).unfolded(by: p("n")) == nil)
    let found = pcf.folded(by: multiplier).unfoldings()
    #expect(found.contains { $0.recurrence == pcf && $0.multiplier == multiplier })
    // A fold hidden by an inflation: the unfolding deflates back (test_unfold_deflate).
    let hidden = r(["-1", "n", "n"]).folded(by: p("n-17")).inflated(by: p("n+1"))
    let unfolded = hidden.unfoldings()
    #expect(
      unfolded.contains {
        $0.multiplier == p("(n-17)(n+1)") && $0.recurrence.deflated(by: p("n+1")) == r(["-1", "n", "n"])
      })
  }

  @Test("inflation multiplies u(n) by c(0)···c(n); deflation inverts it; order 2 agrees with PCF inflation")
  func inflation() throws {
    let base = r(["2", "-n+1", "n^3+n", "14"])
    let c = p("n+3")
    let inflated = base.inflated(by: c)
    #expect(inflated.coefficients[3] == base.coefficients[3] * c * c.shifted(by: -1) * c.shifted(by: -2))
    #expect(inflated.deflated(by: c) == base)
    #expect(base.deflated(by: p("n+5")) == nil)
    // v(n) = u(n)·c(1)···c(n) solves the inflation when v(j) = u(j)·P(j)/P(0), P(j) = Π_{k≤j} c(k):
    // v(0) = u(0), v(−1) = u(−1)/c(0), v(−2) = u(−2)/(c(0)c(−1)), with c(0) = 3, c(−1) = 2.
    let u = try base.solution(initialValues: q([5, -4, 2]), start: 1, count: 6)
    let scaledInitial = [BigRational(BigInt(5), BigInt(6)), BigRational(BigInt(-4), BigInt(3)), BigRational(BigInt(2))]
    let v = try inflated.solution(initialValues: scaledInitial, start: 1, count: 6)
    var scale = BigRational(BigInt(1))
    for (k, value) in u.enumerated() {
      scale = scale * BigRational(c(k + 1))
      #expect(v[k] == value * scale, "n = \(k + 1)")
    }
    #expect(r(["-1", "n", "n"]).sameSolutions(as: r(["2", "-2n", "-2n"])))
    #expect(r(["-n", "-n^2", "-n^2"]).normalized == r(["n", "n^2", "n^2"]))
  }

  @Test("asymptotics: Fibonacci φ and −1/φ, Apéry's 17 ± 12√2 with (n!)^3, γ's recurrence ties at |λ| = 1")
  func asymptotics() {
    let fib = fibonacci.asymptotics
    #expect(abs(fib.growths[0].real - 1.618_033_988_749_895) < 1e-12)
    #expect(abs(fib.growths[1].real + 0.618_033_988_749_895) < 1e-12)
    #expect(abs(fib.rate(depth: 100)! - 2 * log10(1.618_033_988_749_895)) < 1e-12)
    // δ of the golden ratio's convergents is 1 (|φ − F(n+1)/F(n)| ~ F(n)^−2).
    #expect(abs(fib.predictedDelta(gcdLog10PerTerm: 0, factorialDegree: 0)! - 1) < 1e-9)
    let apery = r(["1", "-(34n^3+51n^2+27n+5)", "n^6"]).asymptotics
    #expect(apery.growths.allSatisfy { $0.mu == 3 })
    #expect(abs(apery.growths[0].real - (17 + 12 * 2.0.squareRoot())) < 1e-9)
    #expect(abs(apery.rate(depth: 1000)! - 2 * log10(17 + 12 * 2.0.squareRoot())) < 1e-9)
    // With gcd ~ (N!)^3·e^(−3N) (lcm(1..N)^3), Apéry's δ tends to (log λ1² )/(log λ1 + 3) − 1 = 0.0806.
    let delta = apery.predictedDelta(gcdLog10PerTerm: -3 / log(10.0), factorialDegree: 3, depth: 100_000)!
    let lambda = log(17 + 12 * 2.0.squareRoot())
    #expect(abs(delta - (2 * lambda / (lambda + 3) - 1)) < 1e-9)
    // A superexponential gap: u(n) = n·u(n−1) + u(n−2) (e-like), μ = 1 and μ = −1.
    let e = r(["-1", "n", "1"]).asymptotics
    #expect(e.growths.map(\.mu) == [1, -1])
    #expect(e.rateDescription.hasPrefix("superexponential: 2·log10 n"))
    let gamma = r(["-(n-1)(n+2)", "2n^3+7n^2+n-8", "-(n+1)^2(n^2+3n-2)", "n^3(n+1)"]).asymptotics
    #expect(gamma.rate(depth: 1000) == nil)
  }
}
