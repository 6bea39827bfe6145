import Multiprecision
import Polynomials
import TestSupport
import Testing

/// Reading polynomials as users type them, and the canonical text they print as.
@Suite struct PolynomialParsingTests {
  @Test(arguments: [
    ("34n^3+51n^2+27n+5", [5, 27, 51, 34], "34n^3 + 51n^2 + 27n + 5"),
    ("-n^6", [0, 0, 0, 0, 0, 0, -1], "-n^6"),
    ("-(2n-1)(n+1)", [1, -1, -2], "-2n^2 - n + 1"),
    ("(2n+1)(17n^2+17n+5)", [5, 27, 51, 34], "34n^3 + 51n^2 + 27n + 5"),
    ("2*n**2 - 3", [-3, 0, 2], "2n^2 - 3"),
    ("n", [0, 1], "n"),
    ("0", [], "0"),
    ("  7 ", [7], "7"),
    ("(n+1)^3", [1, 3, 3, 1], "n^3 + 3n^2 + 3n + 1"),
    ("n^0", [1], "1"),
    ("-n", [0, -1], "-n"),
    ("+n", [0, 1], "n"),
    ("- 5", [-5], "-5"),
    ("-(-n)", [0, 1], "n"),
    ("n - n", [], "0"),
    ("2(n+1)", [2, 2], "2n + 2"),
    ("3 n ^ 2", [0, 0, 3], "3n^2"),
    ("3 * n ** 2", [0, 0, 3], "3n^2"),
    ("n*n*n", [0, 0, 0, 1], "n^3"),
    ("n n", [0, 0, 1], "n^2"),
    ("(n^2)^3", [0, 0, 0, 0, 0, 0, 1], "n^6"),
    ("-n^2", [0, 0, -1], "-n^2"),
    ("(-n)^2", [0, 0, 1], "n^2"),
    ("1 - -2", [3], "3"),
    ("n^3 + 5", [5, 0, 0, 1], "n^3 + 5"),
    ("6n/3", [0, 2], "2n"),
    ("(4n^2+2)/2", [1, 0, 2], "2n^2 + 1"),
    ("n/2 + n/2", [0, 1], "n"),
    ("((n))", [0, 1], "n"),
    ("\tn\n+ 1", [1, 1], "n + 1"),
    ("(n-1)(n+1) - n^2", [-1], "-1"),
  ])
  func readsEachForm(text: String, coefficients: [Int], canonical: String) throws {
    let p = try Polynomial(parsing: text)
    #expect(p == Polynomial(coefficients))
    #expect(p.description == canonical)
  }

  @Test func bigCoefficients() throws {
    let p = try Polynomial(parsing: "12345678901234567890123n - 98765432109876543210")
    #expect(p[1] == BigInt("12345678901234567890123")!)
    #expect(p[0] == BigInt("-98765432109876543210")!)
    #expect(p.description == "12345678901234567890123n - 98765432109876543210")
  }

  @Test(arguments: [
    ([1, -1, -2], "-2n^2 - n + 1"), ([0, 0, 0, 0, 0, 0, -1], "-n^6"), ([-1], "-1"), ([0, -1], "-n"),
    ([5, 0, 0, 1], "n^3 + 5"),
    ([0, 0, -3], "-3n^2"), ([], "0"), ([0, 0, 0], "0"), ([1, 1], "n + 1"), ([-1, -1, -1], "-n^2 - n - 1"),
    ([0, 10], "10n"), ([-10, 0, 1, 0], "n^2 - 10"),
  ])
  func canonicalText(coefficients: [Int], text: String) {
    #expect(Polynomial(coefficients).description == text)
  }

  @Test func otherVariableNames() throws {
    let p = try Polynomial(parsing: "x^2 - 2x + 1", variable: "x")
    #expect(p == Polynomial([1, -2, 1]))
    #expect(p.description(variable: "x") == "x^2 - 2x + 1")
    #expect(p.description(variable: "k") == "k^2 - 2k + 1")
    let q = try Polynomial(parsing: "3kk^2 + kk", variable: "kk")
    #expect(q == Polynomial([0, 1, 3]))
  }

  @Test func printingThenParsingGivesThePolynomialBack() throws {
    var rng = SeededGenerator(seed: 101)
    for _ in 0..<300 {
      let p = rng.polynomial(maxDegree: 9)
      #expect(try Polynomial(parsing: p.description) == p)
      #expect(try Polynomial(parsing: p.description(variable: "x"), variable: "x") == p)
      // Without spaces too: the canonical text does not rely on them.
      #expect(try Polynomial(parsing: p.description.filter { $0 != " " }) == p)
    }
  }

  @Test func productsOfFactorsReadAsTheirProduct() throws {
    var rng = SeededGenerator(seed: 102)
    for _ in 0..<100 {
      let a = rng.smallPolynomial(degree: Int.random(in: 0...3, using: &rng))
      let b = rng.smallPolynomial(degree: Int.random(in: 0...3, using: &rng))
      let k = Int.random(in: 0...4, using: &rng)
      #expect(try Polynomial(parsing: "(\(a))(\(b))") == a * b)
      #expect(try Polynomial(parsing: "-(\(a))*(\(b))") == -(a * b))
      #expect(try Polynomial(parsing: "(\(a))^\(k) + (\(b))") == a.power(k) + b)
      #expect(try Polynomial(parsing: "(\(a))**\(k) - (\(b))") == a.power(k) - b)
    }
  }
}
