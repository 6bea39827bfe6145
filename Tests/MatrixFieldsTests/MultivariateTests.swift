import Foundation
import Multiprecision
import Polynomials
import TestSupport
import Testing

@testable import MatrixFields

/// A random polynomial in d variables: up to `terms` terms, exponents ≤ `degree`, coefficients in ±range.
func randomPolynomial(_ d: Int, terms: Int, degree: Int, range: Int, using rng: inout SeededGenerator)
  -> MultivariatePolynomial
{
  var out: [Monomial: BigInt] = [:]
  for _ in 0..<Int.random(in: 1...terms, using: &rng) {
    let m = Monomial((0..<d).map { _ in Int.random(in: 0...degree, using: &rng) })
    out[m, default: 0] += BigInt(Int.random(in: -range...range, using: &rng))
  }
  return MultivariatePolynomial(variableCount: d, terms: out)
}

@Suite struct MultivariatePolynomialTests {
  let names = ["x", "y", "z"]

  func p(_ text: String) throws -> MultivariatePolynomial {
    let f = try MultivariateRationalFunction(parsing: text, variables: names)
    precondition(f.isPolynomial)
    return f.numerator
  }

  @Test("printing is canonical and parses back (seeded)")
  func roundTrip() throws {
    var rng = SeededGenerator(seed: 1)
    for _ in 0..<200 {
      let a = randomPolynomial(3, terms: 6, degree: 3, range: 50, using: &rng)
      let text = a.description(variables: names)
      #expect(try p(text) == a, "\(text)")
    }
    #expect(
      try p("x^3+(x+1)^3+2y(y-1)(2x+1)").description(variables: names)
        == "2x^3 + 4xy^2 + 3x^2 - 4xy + 2y^2 + 3x - 2y + 1")
    #expect(try p("-(y+1)").description(variables: names) == "-y - 1")
    #expect(try p("2*x**2 - 3").description(variables: names) == "2x^2 - 3")
    let long = try MultivariateRationalFunction(parsing: "x0*x1^2 - 3x1", variables: ["x0", "x1"])
    #expect(long.description(variables: ["x0", "x1"]) == "x0*x1^2 - 3*x1")
  }

  @Test("ring laws and exact division (seeded)")
  func ringAndDivision() throws {
    var rng = SeededGenerator(seed: 2)
    for _ in 0..<100 {
      let a = randomPolynomial(3, terms: 5, degree: 2, range: 9, using: &rng)
      let b = randomPolynomial(3, terms: 4, degree: 2, range: 9, using: &rng)
      let c = randomPolynomial(3, terms: 3, degree: 2, range: 9, using: &rng)
      #expect(a * (b + c) == a * b + a * c)
      #expect((a * b) * c == a * (b * c))
      #expect(a - a == .zero(variables: 3))
      if !b.isZero {
        #expect((a * b).dividedExactly(by: b) == a)
        if !a.isZero, (a * b + .one(variables: 3)).totalDegree >= b.totalDegree {
          #expect((a * b + .one(variables: 3)).dividedExactly(by: b) == nil || b.isConstant)
        }
      }
    }
    #expect(try p("x^2 - y^2").dividedExactly(by: try p("x - y")) == (try p("x + y")))
    #expect(try p("x^2 + y^2").dividedExactly(by: try p("x - y")) == nil)
  }

  @Test("gcd: a common factor is found, content included (seeded)")
  func gcd() throws {
    var rng = SeededGenerator(seed: 4)
    for _ in 0..<60 {
      let g = randomPolynomial(3, terms: 3, degree: 1, range: 5, using: &rng)
      let a = randomPolynomial(3, terms: 3, degree: 2, range: 5, using: &rng)
      let b = randomPolynomial(3, terms: 3, degree: 2, range: 5, using: &rng)
      guard !g.isZero, !a.isZero, !b.isZero else { continue }
      let d = MultivariatePolynomial.gcd(g * a, g * b)
      #expect((g * a).dividedExactly(by: d) != nil && (g * b).dividedExactly(by: d) != nil)
      #expect(
        d.dividedExactly(by: g.primitivePart) != nil,
        "gcd \(d.description(variables: names)) of multiples of \(g.description(variables: names))")
    }
    #expect(MultivariatePolynomial.gcd(try p("6xy + 6y"), try p("4x + 4")) == (try p("2x + 2")))
    #expect(MultivariatePolynomial.gcd(try p("x^2 - 1"), try p("x^2 + 2x + 1")) == (try p("x + 1")))
    #expect(MultivariatePolynomial.gcd(try p("x^2y - y^3"), try p("x^2 + 2xy + y^2")) == (try p("x + y")))
  }

  @Test("shifts, substitution and evaluation agree (seeded)")
  func substitution() throws {
    var rng = SeededGenerator(seed: 6)
    for _ in 0..<50 {
      let a = randomPolynomial(3, terms: 5, degree: 3, range: 20, using: &rng)
      let offsets = (0..<3).map { _ in Int.random(in: -3...3, using: &rng) }
      let point = (0..<3).map { _ in BigInt(Int.random(in: -5...5, using: &rng)) }
      let shiftedPoint = zip(point, offsets).map { $0 + BigInt($1) }
      #expect(a.shifted(by: offsets).evaluated(at: point) == a.evaluated(at: shiftedPoint))
      // On the line x = (a + b·n)/q: q^E·p(x(n)) at n = k equals q^E·p(x(k)).
      let start = (0..<3).map { _ in
        BigRational(BigInt(Int.random(in: -9...9, using: &rng)), BigInt(Int.random(in: 1...3, using: &rng)))
      }
      let slope = (0..<3).map { _ in Int.random(in: -2...2, using: &rng) }
      let line = _Line(start: start, offset: [0, 0, 0], slope: slope)
      let e = max(0, a.totalDegree)
      let onLine = a._onLine(line, scale: e)
      for k in -2...2 {
        let x = (0..<3).map { start[$0] + BigRational(k * slope[$0]) }
        let expected = a.evaluated(at: x) * BigRational(line.denominator.power(e))
        #expect(BigRational(onLine(k)) == expected)
      }
    }
  }
}

@Suite struct RationalFunctionTests {
  let names = ["x", "y"]
  func f(_ text: String) throws -> MultivariateRationalFunction {
    try MultivariateRationalFunction(parsing: text, variables: names)
  }

  @Test("normal form: common factors cancel, the denominator keeps its written factors")
  func normalForm() throws {
    #expect(try f("(x^2-1)/(x-1)") == (try f("x+1")))
    #expect(try f("(x^2-1)/(x-1)").isPolynomial)
    let g = try f("(x+1)/((x+1)^2(y-2))")
    #expect(g.description(variables: names) == "1/((x + 1)(y - 2))")
    #expect(try f("6x/(4y)").description(variables: names) == "3x/(2y)")
    #expect(try f("-x/(2-y)").description(variables: names) == "x/(y - 2)")
    #expect(try f("(x^2 - y^2)/(x^2 + 2xy + y^2)").description(variables: names) == "(x - y)/(x + y)")
    #expect(try f("1/x + 1/y").description(variables: names) == "(x + y)/(xy)")
    #expect(try f("x/2 + 1/3").description(variables: names) == "(3x + 2)/6")
  }

  @Test("field laws and printing round trips (seeded)")
  func laws() throws {
    var rng = SeededGenerator(seed: 8)
    for _ in 0..<60 {
      let a = MultivariateRationalFunction(randomPolynomial(2, terms: 3, degree: 2, range: 6, using: &rng))
      let b = randomPolynomial(2, terms: 2, degree: 1, range: 4, using: &rng)
      let c = randomPolynomial(2, terms: 2, degree: 1, range: 4, using: &rng)
      guard !b.isZero, !c.isZero, !a.isZero else { continue }
      let x = a / MultivariateRationalFunction(b)
      let y = MultivariateRationalFunction(c).reciprocal
      #expect((x + y) - y == x)
      #expect((x * y) / y == x)
      #expect(x * x.reciprocal == MultivariateRationalFunction(1, variables: 2))
      let text = (x + y).description(variables: names)
      #expect(try f(text) == x + y, "\(text)")
    }
  }

  @Test("parse errors name the column and the reason")
  func parseErrors() throws {
    func message(_ text: String) -> String {
      do {
        _ = try f(text)
        return ""
      } catch { return "\(error)" }
    }
    #expect(message("x + q") == "cannot read 'x + q' at column 5: unknown symbol 'q' (the variables are x, y)")
    #expect(message("x/(y-y)") == "cannot read 'x/(y-y)' at column 3: division by zero")
    #expect(message("x^y") == "cannot read 'x^y' at column 3: expected a non-negative integer exponent")
    #expect(message("(x+1") == "cannot read '(x+1' at column 5: expected ')'")
    #expect(message("") == "cannot read '' at column 1: empty expression")
    #expect(message("x + ]") == "cannot read 'x + ]' at column 5: unexpected ']'")
    #expect(message("x y )") == "cannot read 'x y )' at column 5: unexpected ')'")
    func matrix(_ text: String) -> String {
      do {
        _ = try MultivariateMatrix(parsing: text, variables: names)
        return ""
      } catch { return "\(error)" }
    }
    #expect(
      matrix("[[1, x], [y]]")
        == "cannot read '[[1, x], [y]]' at column 11: a 2x2 matrix needs 2 entries in every row, got 1")
    #expect(
      matrix("[[1, x], [y, q]]")
        == "cannot read '[[1, x], [y, q]]' at column 14: unknown symbol 'q' (the variables are x, y)")
    #expect(matrix("[1, x]") == "cannot read '[1, x]' at column 2: expected '[' to start a row")
    #expect(
      matrix("[[1, x], [y, 1]") == "cannot read '[[1, x], [y, 1]' at column 16: the matrix is not closed with ']'")
    #expect(matrix("[[1, ], [y, 1]]") == "cannot read '[[1, ], [y, 1]]' at column 6: an empty entry")
    #expect(matrix("(1)") == "cannot read '(1)' at column 1: a matrix starts with '[['")
    #expect(matrix("[[1, x], [y, 1") == "cannot read '[[1, x], [y, 1' at column 15: a row is not closed with ']'")
    #expect(matrix("[[1, x] [y, 1]]") == "cannot read '[[1, x] [y, 1]]' at column 9: expected ',' or ']' after a row")
    #expect(
      matrix("[[1, x], [y, 1]] x") == "cannot read '[[1, x], [y, 1]] x' at column 18: unexpected text after the matrix")
    #expect(message("x*") == "cannot read 'x*' at column 3: expected a number, a variable or '('")
  }
}

@Suite struct MultivariateMatrixTests {
  @Test("inverse and determinant, fraction-free")
  func inverse() throws {
    for name in ["e", "pi", "zeta3", "2f1", "pfq:2,1,-1", "3f2:-1"] {
      let field = try KnownCMFs.named(name)
      for m in field.matrices {
        let inverse = try #require(m.inverse)
        #expect(m * inverse == .identity(field.rank, variables: field.dimension))
        #expect(m.determinant * inverse.determinant == MultivariateRationalFunction(1, variables: field.dimension))
      }
    }
    let singular = try MultivariateMatrix(parsing: "[[x, y], [2x, 2y]]", variables: ["x", "y"])
    #expect(singular.inverse == nil)
    #expect(singular.determinant.isZero)
  }
}
