import Multiprecision
import Polynomials
import TestSupport
import Testing

/// Polynomials with rational coefficients: reading, printing, clearing denominators.
@Suite struct RationalPolynomialTests {
  static func q(_ p: Int, _ d: Int) -> BigRational { BigRational(BigInt(p), BigInt(d)) }

  @Test func readsRationalCoefficients() throws {
    let p = try RationalPolynomial(parsing: "n/2 + 1/3")
    #expect(p.coefficients == [Self.q(1, 3), Self.q(1, 2)])
    #expect(p.description == "(1/2)n + 1/3")
    #expect(p.degree == 1 && p[0] == Self.q(1, 3) && p[5] == .zero && p[-1] == .zero)
    #expect(p.integerPolynomial == nil)
    let cleared = p.clearingDenominators
    #expect(cleared.denominator == 6 && cleared.polynomial == Polynomial([2, 3]))
    #expect(p(Self.q(1, 2)) == Self.q(7, 12))
  }

  @Test(arguments: [
    ("n/2 + 1/3", "(1/2)n + 1/3"), ("-n^2/4", "-(1/4)n^2"), ("(2n+1)/3 - n", "-(1/3)n + 1/3"),
    ("3n/3", "n"), ("n^2/2 - n/2", "(1/2)n^2 - (1/2)n"), ("-1/7", "-1/7"), ("0/5", "0"), ("2n/4 + 5n/2", "3n"),
    ("(n/2)^2", "(1/4)n^2"),
  ])
  func canonicalText(text: String, canonical: String) throws {
    let p = try RationalPolynomial(parsing: text)
    #expect(p.description == canonical)
    #expect(try RationalPolynomial(parsing: canonical) == p)
  }

  @Test func printingThenParsingGivesThePolynomialBack() throws {
    var rng = SeededGenerator(seed: 201)
    for _ in 0..<200 {
      let count = Int.random(in: 0...6, using: &rng)
      let coefficients = (0..<count).map { _ in
        BigRational(
          rng.coefficient(), BigInt(Int.random(in: 1...50, using: &rng)) * (Bool.random(using: &rng) ? 1 : -1))
      }
      let p = RationalPolynomial(coefficients: coefficients)
      #expect(try RationalPolynomial(parsing: p.description) == p)
      // d·p has integer coefficients and d is the least such denominator.
      let (d, integer) = p.clearingDenominators
      #expect(
        RationalPolynomial(integer) == RationalPolynomial(coefficients: p.coefficients.map { $0 * BigRational(d) }))
      #expect(p.coefficients.allSatisfy { d.isDivisible(by: $0.denominator) })
      #expect(p.coefficients.reduce(BigInt(1)) { BigInt.lcm($0, $1.denominator) } == d)
    }
  }

  @Test func integerPolynomialsEmbed() throws {
    var rng = SeededGenerator(seed: 202)
    for _ in 0..<100 {
      let p = rng.polynomial(maxDegree: 6)
      let r = RationalPolynomial(p)
      #expect(r.integerPolynomial == p)
      #expect(r.description == p.description)
      #expect(r.clearingDenominators.denominator == 1 && r.clearingDenominators.polynomial == p)
      let x = Self.q(Int.random(in: -20...20, using: &rng), Int.random(in: 1...20, using: &rng))
      #expect(r(x) == p(x))
    }
  }

  @Test func ringOperations() throws {
    let a = try RationalPolynomial(parsing: "n/2 + 1/3")
    let b = try RationalPolynomial(parsing: "2n - 1/2")
    #expect(a + b == (try RationalPolynomial(parsing: "5n/2 - 1/6")))
    #expect(a - b == (try RationalPolynomial(parsing: "-3n/2 + 5/6")))
    #expect(a * b == (try RationalPolynomial(parsing: "n^2 + 5n/12 - 1/6")))
    #expect(-a == (try RationalPolynomial(parsing: "-n/2 - 1/3")))
    #expect((a - a).coefficients.isEmpty && (a - a).degree == -1)
    #expect((a * RationalPolynomial(coefficients: [])).coefficients.isEmpty)
    #expect(RationalPolynomial(coefficients: [Self.q(1, 2), .zero, .zero]).degree == 0)
  }
}
