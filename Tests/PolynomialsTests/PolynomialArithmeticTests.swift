import Multiprecision
import Polynomials
import TestSupport
import Testing

/// The ring ℤ[n]: sums, products, powers, shifts, composition and derivatives.
@Suite struct PolynomialArithmeticTests {
  @Test func normalForm() {
    #expect(Polynomial([1, 2, 0, 0]) == Polynomial([1, 2]))
    #expect(Polynomial([1, 2, 0, 0]).hashValue == Polynomial([1, 2]).hashValue)
    #expect(Polynomial([0, 0]) == .zero && Polynomial.zero.degree == -1 && Polynomial.zero.isZero)
    #expect(Polynomial.zero.leadingCoefficient == 0 && Polynomial.zero.isConstant)
    #expect(Polynomial([5]).degree == 0 && Polynomial([5]).isConstant && !Polynomial.n.isConstant)
    #expect(Polynomial(constant: 7) == 7 && Polynomial(constant: 0) == .zero)
    let p = Polynomial([4, 0, -3])
    #expect(p.degree == 2 && p.leadingCoefficient == -3 && p[0] == 4 && p[1] == 0 && p[9] == 0 && p[-1] == 0)
  }

  @Test func ringIdentities() {
    var rng = SeededGenerator(seed: 401)
    for _ in 0..<150 {
      let p = rng.polynomial(maxDegree: 6)
      let q = rng.polynomial(maxDegree: 6)
      let r = rng.polynomial(maxDegree: 4)
      #expect(p + q == q + p && p * q == q * p)
      #expect((p + q) - q == p)
      #expect(p - p == .zero && -(-p) == p && p + (-p) == .zero)
      #expect(p * (q + r) == p * q + p * r)
      #expect((p * q) * r == p * (q * r))
      #expect(p * .one == p && p * .zero == .zero && p + .zero == p)
      if !p.isZero && !q.isZero { #expect((p * q).degree == p.degree + q.degree) }
      let x = BigInt(Int.random(in: -30...30, using: &rng))
      #expect((p * q)(x) == p(x) * q(x))
      #expect((p + q)(x) == p(x) + q(x))
      let k = rng.coefficient()
      #expect((k * p)(x) == k * p(x))
      var s = p
      s += q
      s -= r
      s *= q
      #expect(s == (p + q - r) * q)
    }
  }

  @Test func powers() throws {
    #expect(Polynomial([1, 1]).power(3) == (try Polynomial(parsing: "n^3 + 3n^2 + 3n + 1")))
    #expect(
      Polynomial([1, 1]).power(0) == .one && Polynomial.zero.power(0) == .one && Polynomial.zero.power(2) == .zero)
    var rng = SeededGenerator(seed: 402)
    for _ in 0..<30 {
      let p = rng.polynomial(maxDegree: 3)
      let m = Int.random(in: 0...4, using: &rng)
      let n = Int.random(in: 0...4, using: &rng)
      #expect(p.power(m + n) == p.power(m) * p.power(n))
      #expect(p.power(3) == p * p * p)
    }
    // Binomial coefficients: (n + 1)^20 has C(20, k) as its coefficients.
    let binomial = Polynomial([1, 1]).power(20)
    for k in 0...20 {
      #expect(binomial[k] == BigInt.factorial(20).dividedExactly(by: BigInt.factorial(k) * BigInt.factorial(20 - k)))
    }
  }

  @Test func shifts() throws {
    #expect(Polynomial([0, 0, 1]).shifted(by: 1) == Polynomial([1, 2, 1]))
    #expect(
      try Polynomial(parsing: "34n^3 + 51n^2 + 27n + 5").shifted(by: -1)
        == (try Polynomial(parsing: "34n^3 - 51n^2 + 27n - 5")))
    var rng = SeededGenerator(seed: 403)
    for _ in 0..<150 {
      let p = rng.polynomial(maxDegree: 7)
      let k = Int.random(in: -100...100, using: &rng)
      let l = Int.random(in: -100...100, using: &rng)
      #expect(p.shifted(by: k).shifted(by: -k) == p)
      #expect(p.shifted(by: k).shifted(by: l) == p.shifted(by: k + l))
      #expect(p.shifted(by: 0) == p)
      #expect(p.shifted(by: k).degree == p.degree && p.shifted(by: k).leadingCoefficient == p.leadingCoefficient)
      for x in [-7, 0, 3, 1000] {
        #expect(p.shifted(by: k)(x) == p(x + k))
      }
      let s = Int.random(in: -5...5, using: &rng)
      #expect(p.substituting(scale: s, offset: k)(13) == p(s * 13 + k))
      #expect(p.substituting(scale: 1, offset: k) == p.shifted(by: k))
    }
  }

  @Test func composition() throws {
    let p = try Polynomial(parsing: "n^2 + 1")
    let q = try Polynomial(parsing: "2n - 3")
    #expect(p.composed(with: q) == (try Polynomial(parsing: "4n^2 - 12n + 10")))
    #expect(q.composed(with: p) == (try Polynomial(parsing: "2n^2 - 1")))
    var rng = SeededGenerator(seed: 404)
    for _ in 0..<100 {
      let a = rng.polynomial(maxDegree: 4)
      let b = rng.polynomial(maxDegree: 3)
      let c = rng.smallPolynomial(degree: Int.random(in: 0...2, using: &rng))
      let x = BigInt(Int.random(in: -20...20, using: &rng))
      #expect(a.composed(with: b)(x) == a(b(x)))
      #expect(a.composed(with: b).composed(with: c) == a.composed(with: b.composed(with: c)))
      #expect(a.composed(with: .n) == a && Polynomial.n.composed(with: b) == b)
      if a.degree >= 1 && b.degree >= 1 { #expect(a.composed(with: b).degree == a.degree * b.degree) }
      if a.degree <= 0 { #expect(a.composed(with: b) == a) }
    }
  }

  @Test func derivatives() throws {
    let a = try Polynomial(parsing: "34n^3 + 51n^2 + 27n + 5")
    #expect(a.derivative == (try Polynomial(parsing: "102n^2 + 102n + 27")))
    #expect(a.derivative.derivative.derivative == 204 && a.derivative.derivative.derivative.derivative == .zero)
    #expect(
      Polynomial([7]).derivative == .zero && Polynomial.zero.derivative == .zero && Polynomial.n.derivative == .one)
    var rng = SeededGenerator(seed: 405)
    for _ in 0..<100 {
      let p = rng.polynomial(maxDegree: 6)
      let q = rng.polynomial(maxDegree: 4)
      let k = rng.coefficient()
      #expect((p + q).derivative == p.derivative + q.derivative)
      #expect((k * p).derivative == k * p.derivative)
      #expect((p * q).derivative == p.derivative * q + p * q.derivative)
      #expect(p.composed(with: q).derivative == p.derivative.composed(with: q) * q.derivative)
      if p.degree >= 1 { #expect(p.derivative.degree == p.degree - 1) }
    }
  }

  @Test func contentAndPrimitivePart() throws {
    let p = try Polynomial(parsing: "-6n^2 - 4n + 2")
    #expect(p.content == 2)
    #expect(p.primitivePart == (try Polynomial(parsing: "3n^2 + 2n - 1")))
    #expect(p.normalizedSign == (try Polynomial(parsing: "6n^2 + 4n - 2")))
    #expect(Polynomial.zero.content == 0 && Polynomial.zero.primitivePart == .zero)
    #expect(Polynomial([-5]).primitivePart == .one && Polynomial([-5]).content == 5)
    var rng = SeededGenerator(seed: 406)
    for _ in 0..<150 {
      let q = rng.polynomial(maxDegree: 6)
      guard !q.isZero else { continue }
      let k = rng.coefficient()
      let p = (k.isZero ? BigInt(3) : k) * q
      let primitive = p.primitivePart
      #expect(primitive.content == 1 && primitive.leadingCoefficient.signum == 1)
      #expect(p.content * primitive == p.normalizedSign)
      #expect(p.content.isDivisible(by: q.content))
      #expect(p.normalizedSign.leadingCoefficient.signum == 1 && (p.normalizedSign == p || p.normalizedSign == -p))
    }
  }
}
