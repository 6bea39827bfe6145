import Multiprecision
import Polynomials
import TestSupport
import Testing

/// p(x) at machine, big, rational and real points.
@Suite struct PolynomialEvaluationTests {
  /// Σ cᵢ·xⁱ term by term: the naive reference for Horner's rule.
  static func naive(_ p: Polynomial, _ x: BigInt) -> BigInt {
    p.coefficients.enumerated().reduce(BigInt(0)) { $0 + $1.element * x.power($1.offset) }
  }

  @Test func knownValues() throws {
    let a = try Polynomial(parsing: "34n^3 + 51n^2 + 27n + 5")
    #expect(a(0) == 5 && a(1) == 117 && a(-1) == -5 && a(2) == 535)
    #expect(Polynomial.zero(12) == 0 && Polynomial.one(-3) == 1 && Polynomial.n(7) == 7)
    #expect(try Polynomial(parsing: "-n^6")(BigInt(10)) == -BigInt(10).power(6))
  }

  @Test func machineAndBigPointsAgreeWithTheNaiveSum() {
    var rng = SeededGenerator(seed: 301)
    for _ in 0..<200 {
      let p = rng.polynomial(maxDegree: 8)
      let x = Int.random(in: -1000...1000, using: &rng)
      let value = Self.naive(p, BigInt(x))
      #expect(p(x) == value)
      #expect(p(BigInt(x)) == value)
      let big = BigInt(Int.random(in: Int.min...Int.max, using: &rng)) * BigInt(10).power(30)
      #expect(p(big) == Self.naive(p, big))
    }
    let p = Polynomial([3, -2, 1])
    #expect(p(Int.max) == BigInt(Int.max).power(2) - BigInt(Int.max) * 2 + 3)
    #expect(p(Int.min) == BigInt(Int.min).power(2) - BigInt(Int.min) * 2 + 3)
  }

  @Test func exactMachineEvaluation() throws {
    var rng = SeededGenerator(seed: 302)
    for _ in 0..<300 {
      let p = rng.smallPolynomial(degree: Int.random(in: 0...6, using: &rng), bound: 1000)
      let machine = try #require(p.machineCoefficients)
      let x = Int.random(in: -1_000_000...1_000_000, using: &rng)
      let exact = p.evaluateExactly(at: x, machineCoefficients: machine)
      let value = p(x)
      if let exact {
        #expect(BigInt(exact) == value)
      } else {
        // nil only when some step of Horner's rule overflowed; a value that does not fit always does.
        #expect(p.degree >= 2)
      }
      if Int(exactly: value) == nil { #expect(exact == nil) }
    }
    let square = Polynomial([0, 0, 1])
    #expect(square.evaluateExactly(at: 1 << 31, machineCoefficients: [0, 0, 1]) == 1 << 62)
    #expect(square.evaluateExactly(at: 1 << 32, machineCoefficients: [0, 0, 1]) == nil)
    #expect(square.evaluateExactly(at: -(1 << 32), machineCoefficients: [0, 0, 1]) == nil)
    let shifted = Polynomial(coefficients: [BigInt(Int.max), 1])
    #expect(shifted.evaluateExactly(at: 0, machineCoefficients: [Int.max, 1]) == Int.max)
    #expect(shifted.evaluateExactly(at: -1, machineCoefficients: [Int.max, 1]) == Int.max - 1)
    #expect(shifted.evaluateExactly(at: 1, machineCoefficients: [Int.max, 1]) == nil)
    #expect(Polynomial.zero.evaluateExactly(at: 5, machineCoefficients: []) == 0)
  }

  @Test func machineCoefficients() {
    #expect(Polynomial([1, -2, 3]).machineCoefficients == [1, -2, 3])
    #expect(Polynomial.zero.machineCoefficients == [])
    #expect(Polynomial(coefficients: [BigInt(Int.min), BigInt(Int.max)]).machineCoefficients == [Int.min, Int.max])
    #expect(Polynomial(coefficients: [1, BigInt(Int.max) + 1]).machineCoefficients == nil)
  }

  @Test func rationalPoints() throws {
    let p = try Polynomial(parsing: "2n^2 - 3")
    #expect(p(BigRational(BigInt(1), BigInt(2))) == BigRational(BigInt(-5), BigInt(2)))
    #expect(p(BigRational(BigInt(-2), BigInt(3))) == BigRational(BigInt(-19), BigInt(9)))
    var rng = SeededGenerator(seed: 303)
    for _ in 0..<100 {
      let p = rng.polynomial(maxDegree: 6)
      let num = BigInt(Int.random(in: -100...100, using: &rng))
      let den = BigInt(Int.random(in: 1...100, using: &rng))
      // dᵈᵉᵍ·p(a/d) = Σ cᵢ aⁱ d^(deg−i), an integer.
      let value = p(BigRational(num, den))
      let degree = max(p.degree, 0)
      let homogeneous = p.coefficients.enumerated().reduce(BigInt(0)) {
        $0 + $1.element * num.power($1.offset) * den.power(degree - $1.offset)
      }
      #expect(value * BigRational(den.power(degree)) == BigRational(homogeneous))
      #expect(p(BigRational(num)) == BigRational(p(num)))
    }
  }

  @Test func realPoints() throws {
    let precision = Precision.digits(60)
    var rng = SeededGenerator(seed: 304)
    for _ in 0..<50 {
      let p = rng.smallPolynomial(degree: Int.random(in: 0...6, using: &rng))
      let x = Int.random(in: -50...50, using: &rng)
      // Small integers and their polynomial values are exact at this precision.
      let value = p(BigFloat(x, precision: precision))
      #expect(value == BigFloat(p(x), precision: precision))
      #expect(value.precision == precision)
    }
    let root = BigFloat(2, precision: precision).squareRoot()
    let nearZero = try Polynomial(parsing: "n^2 - 2")(root)
    #expect(nearZero.log10Magnitude < -58)
    #expect(Polynomial.zero(root).isZero)
  }
}
