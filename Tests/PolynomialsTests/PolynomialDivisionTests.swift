import Multiprecision
import Polynomials
import TestSupport
import Testing

/// Exact division, gcd and rational linear factors in ℤ[n].
@Suite struct PolynomialDivisionTests {
  static func parse(_ text: String) -> Polynomial { try! Polynomial(parsing: text) }

  @Test func productDividedByAFactorGivesTheOtherBack() {
    var rng = SeededGenerator(seed: 501)
    for _ in 0..<150 {
      let p = rng.polynomial(maxDegree: 6)
      let q = rng.polynomial(degree: Int.random(in: 0...5, using: &rng))
      #expect((p * q).dividedExactly(by: q) == p)
      #expect((p * q).isDivisible(by: q))
      if q.degree >= 1 {
        // q | pq + 1 would make q divide 1.
        #expect((p * q + .one).dividedExactly(by: q) == nil)
        #expect(!(p * q + .one).isDivisible(by: q))
      }
    }
  }

  @Test(arguments: [
    ("2n + 2", "2", "n + 1"), ("n^2 - 1", "n - 1", "n + 1"), ("2n^2 + 3n + 1", "2n + 1", "n + 1"), ("0", "n + 5", "0"),
    ("-n^3 + n", "n", "-n^2 + 1"), ("n^4 - 16", "n^2 + 4", "n^2 - 4"), ("6", "-3", "-2"),
    ("n^2 + 2n + 1", "n + 1", "n + 1"),
    ("34n^3 + 51n^2 + 27n + 5", "2n + 1", "17n^2 + 17n + 5"),
  ])
  func exactQuotients(dividend: String, divisor: String, quotient: String) {
    #expect(Self.parse(dividend).dividedExactly(by: Self.parse(divisor)) == Self.parse(quotient))
  }

  @Test(arguments: [
    ("2n + 1", "2"), ("n^2 + 1", "2n + 1"), ("n", "n^2"), ("n^2 + n", "2n + 2"), ("5", "n"), ("n^2 + 1", "n + 1"),
    ("n^3", "n^2 + 1"), ("7", "2"),
  ])
  func quotientsOutsideIntegerPolynomialsAreNil(dividend: String, divisor: String) {
    #expect(Self.parse(dividend).dividedExactly(by: Self.parse(divisor)) == nil)
    #expect(!Self.parse(dividend).isDivisible(by: Self.parse(divisor)))
  }

  @Test(arguments: [
    ("6n + 6", "4n + 4", "2n + 2"), ("n^2 - 1", "n^2 + 2n + 1", "n + 1"), ("n^2 + 1", "n + 1", "1"), ("0", "0", "0"),
    ("0", "-2n - 2", "2n + 2"), ("-3n + 3", "0", "3n - 3"), ("2n^2 + 2", "4n + 4", "2"),
    ("-(n-1)(n+2)", "(n-1)(n+3)", "n - 1"),
    ("n^3", "n^5 + n^2", "n^2"), ("12", "18", "6"), ("4n^2 - 1", "6n^2 + 3n", "2n + 1"),
    ("(n+1)^3 (n-2)", "(n+1)^2 (n-2)^4", "n^3 - 3n - 2"),
  ])
  func knownGreatestCommonDivisors(a: String, b: String, gcd: String) {
    let (x, y) = (Self.parse(a), Self.parse(b))
    #expect(Polynomial.gcd(x, y) == Self.parse(gcd))
    #expect(Polynomial.gcd(y, x) == Self.parse(gcd))
  }

  @Test func gcdOfProductsWithACommonFactor() {
    var rng = SeededGenerator(seed: 502)
    for _ in 0..<100 {
      let a = rng.smallPolynomial(degree: Int.random(in: 0...4, using: &rng))
      let b = rng.smallPolynomial(degree: Int.random(in: 0...4, using: &rng))
      let common = rng.smallPolynomial(degree: Int.random(in: 1...3, using: &rng)).primitivePart
      let g = Polynomial.gcd(a * common, b * common)
      // Gauss's lemma: for a primitive common factor r, gcd(ar, br) = gcd(a, b)·r.
      #expect(g == (Polynomial.gcd(a, b) * common).normalizedSign)
      #expect(g.leadingCoefficient.signum == 1)
      #expect((a * common).isDivisible(by: g) && (b * common).isDivisible(by: g))
      #expect(g.isDivisible(by: common))
      #expect(Polynomial.gcd(-(a * common), b * common) == g)
      let h = Polynomial.gcd(a, b)
      #expect(a.isDivisible(by: h) && b.isDivisible(by: h))
      // What is left after dividing by the gcd shares no factor of positive degree.
      #expect(Polynomial.gcd(a.dividedExactly(by: h)!, b.dividedExactly(by: h)!).degree == 0)
    }
  }

  static func sortedText(_ factors: [Polynomial]) -> [String] { factors.map(\.description).sorted() }

  @Test(arguments: [
    ("(2n+1)(n-3)n^2", ["2n + 1", "n", "n", "n - 3"]),
    ("(n-1)^3 (n+2)", ["n + 2", "n - 1", "n - 1", "n - 1"]),
    ("6n^2 - 6", ["n + 1", "n - 1"]),
    ("-(2n-1)(n+1)", ["2n - 1", "n + 1"]),
    ("4n^2 - 1", ["2n + 1", "2n - 1"]),
    ("(n^2+1)(3n-2)", ["3n - 2"]),
    ("(n^2+n+1)(6n+4)^2", ["3n + 2", "3n + 2"]),
    ("(5n-3)(7n+2)(n^2 - 2)", ["5n - 3", "7n + 2"]),
    ("n^2 + 1", []),
    ("n^3", ["n", "n", "n"]),
    ("12", []),
    ("0", []),
  ])
  func rationalLinearFactorsWithMultiplicity(text: String, factors: [String]) {
    #expect(Self.sortedText(Self.parse(text).rationalLinearFactors()) == factors.sorted())
  }

  @Test func factorsComeInTheOrderSearched() {
    // n first, then e·n − d by increasing e, d and the sign of d.
    #expect(Self.parse("(2n+1)(n-3)n^2").rationalLinearFactors().map(\.description) == ["n", "n", "n - 3", "2n + 1"])
  }

  @Test func randomProductsOfLinearFactors() {
    var rng = SeededGenerator(seed: 503)
    for _ in 0..<60 {
      var product = Polynomial([Int.random(in: 1...6, using: &rng) * (Bool.random(using: &rng) ? 1 : -1)])
      var expected: [Polynomial] = []
      for _ in 0..<Int.random(in: 0...4, using: &rng) {
        let e = Int.random(in: 1...6, using: &rng)
        let d = Int.random(in: -12...12, using: &rng)
        let factor = Polynomial([-d, e]).primitivePart
        expected.append(factor)
        product *= Bool.random(using: &rng) ? factor : -factor
      }
      // A factor without rational roots must not disturb the search.
      if Bool.random(using: &rng) { product *= Self.parse("n^2 + n + 1") }
      let found = product.rationalLinearFactors()
      #expect(Self.sortedText(found) == Self.sortedText(expected), "\(product)")
      var rest = product
      for factor in found { rest = rest.dividedExactly(by: factor) ?? .zero }
      #expect(rest.degree == (product.degree - found.count), "\(product)")
    }
  }

  @Test func constantsBeyondTheSearchBoundAreNotSearched() {
    // The rational root search stops at constant terms above 10¹².
    let large = Polynomial(coefficients: [-BigInt(10).power(13), 1])
    #expect(large.rationalLinearFactors() == [])
    #expect((Polynomial.n * large).rationalLinearFactors() == [.n])
    let atBound = Polynomial(coefficients: [-BigInt(10).power(12), 1])
    #expect(atBound.rationalLinearFactors() == [atBound])
  }
}

@Suite struct PositiveIntegerRootTests {
  @Test(
    "the smallest positive integer root within a bound",
    arguments: [
      ("(n-4)(n+1)", 100, 4), ("n^2+1", 100, nil), ("(n-7)(n-3)", 5, 3), ("(n-7)(n-3)", 2, nil), ("2n-3", 100, nil),
      ("n(n-1000000)", 2_000_000, 1_000_000), ("5", 10, nil), ("0", 10, 1),
    ] as [(String, Int, Int?)])
  func roots(_ text: String, _ bound: Int, _ root: Int?) throws {
    #expect(try Polynomial(parsing: text).smallestPositiveIntegerRoot(upTo: bound) == root)
  }
}
