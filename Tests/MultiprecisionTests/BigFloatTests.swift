import Multiprecision
import TestSupport
import Testing

/// `BigFloat`: text in and out, precision of results, rounding and magnitude estimates.
@Suite struct BigFloatTests {
  static let p = Precision.digits(40)

  static func fraction(_ n: Int, _ d: Int, _ precision: Precision = p) -> BigFloat {
    BigFloat(BigRational(BigInt(n), BigInt(d)), precision: precision)
  }

  @Test(arguments: [
    (2, 3, 5, "0.66667", "0.66666"), (-2, 3, 5, "-0.66667", "-0.66666"), (0, 1, 5, "0.00000", "0.00000"),
    (0, 1, 0, "0", "0"), (1, 3, 0, "0", "0"), (5, 3, 0, "2", "1"), (-5, 3, 0, "-2", "-1"),
    (123_456, 1000, 2, "123.46", "123.45"), (1, 32, 3, "0.031", "0.031"), (1, 400, 2, "0.00", "0.00"),
    (-1, 1000, 2, "0.00", "0.00"), (-6, 1000, 2, "-0.01", "0.00"), (7, 1, 3, "7.000", "7.000"),
    (-1, 7, 10, "-0.1428571429", "-0.1428571428"), (99_999, 100_000, 3, "1.000", "0.999"),
  ])
  func decimalPlaces(n: Int, d: Int, places: Int, rounded: String, truncated: String) {
    let x = Self.fraction(n, d)
    #expect(x.decimal(places: places) == rounded)
    #expect(x.decimal(places: places, truncate: true) == truncated)
  }

  @Test func decimalTiesGoToEven() {
    // Binary values exactly halfway between two decimals round to the even last digit (MPFR_RNDN).
    #expect(Self.fraction(1, 8).decimal(places: 2) == "0.12")
    #expect(Self.fraction(3, 8).decimal(places: 2) == "0.38")
    #expect(Self.fraction(5, 2).decimal(places: 0) == "2")
    #expect(Self.fraction(-7, 2).decimal(places: 0) == "-4")
  }

  @Test func decimalOfLargeAndSpecialValues() {
    let big = BigFloat(BigInt(10).power(50) + 1, precision: .digits(60))
    #expect(big.decimal(places: 1) == "1" + String(repeating: "0", count: 49) + "1.0")
    let zero = BigFloat(precision: Self.p)
    let one = BigFloat(1, precision: Self.p)
    #expect((zero / zero).decimal(places: 3) == "nan")
    #expect((one / zero).decimal(places: 3) == "inf")
    #expect((-one / zero).decimal(places: 3) == "-inf")
    #expect((zero / zero).isNaN && !(one / zero).isFinite && one.isFinite && zero.isZero)
  }

  @Test func scientificText() {
    let pi = BigFloat.pi(Self.p)
    #expect(pi.scientific(significantDigits: 6) == "3.14159e0")
    #expect(pi.scientific(significantDigits: 1) == "3e0")
    #expect((-pi).scientific(significantDigits: 3) == "-3.14e0")
    #expect(Self.fraction(123_456_789, 10_000).scientific(significantDigits: 3) == "1.23e4")
    #expect(Self.fraction(-123_456, 1_000_000_000).scientific(significantDigits: 4) == "-1.235e-4")
    #expect(Self.fraction(499_144, 100_000).scientific(significantDigits: 6) == "4.99144e0")
    #expect(Self.fraction(499_144, 100_000).scientific(significantDigits: 1) == "5e0")
    #expect(BigFloat(BigInt(10).power(100), precision: Self.p).scientific(significantDigits: 4) == "1.000e100")
    #expect(BigFloat(precision: Self.p).scientific(significantDigits: 5) == "0")
    #expect((BigFloat(1, precision: Self.p) / 0).scientific(significantDigits: 5) == "inf")
    // `description` shows every digit the precision holds: ⌊64·log10 2⌋ = 19.
    #expect(Self.fraction(1, 3, .bits(64)).description == "3.333333333333333333e-1")
  }

  @Test(arguments: [
    ("3.14159", 314_159, 100_000), ("-12.5e-3", -125, 10_000), ("1e10", 10_000_000_000, 1), (" 2.5 ", 5, 2),
    ("+7", 7, 1), (".5", 1, 2), ("5.", 5, 1), ("1E3", 1000, 1), ("-0", 0, 1), ("0.1", 1, 10), ("1e-2", 1, 100),
  ])
  func parsesValidText(text: String, numerator: Int, denominator: Int) throws {
    let x = try #require(BigFloat(text, precision: Self.p))
    // Both sides are the exact value correctly rounded to the same precision.
    #expect(x == Self.fraction(numerator, denominator))
    #expect(x.precision == Self.p)
  }

  @Test(arguments: [
    "", "   ", "abc", "1.2.3", "1e", "e5", "-", ".", "1 2", "nan", "inf", "0x1p3", "1,5", "--1", "1e5.5", "1-2",
  ])
  func rejectsInvalidText(text: String) {
    #expect(BigFloat(text, precision: Self.p) == nil)
  }

  @Test func parsesManyDigits() throws {
    let digits = "1." + String(repeating: "0", count: 299) + "1"
    let x = try #require(BigFloat(digits, precision: .digits(320)))
    #expect((x - 1).log10Magnitude.rounded() == -300)
  }

  @Test func log10MagnitudeOfHugeAndTinyValues() {
    for k in [0, 1, 17, 300, 1000, 100_000] {
      let power = BigInt(10).power(k)
      let huge = BigFloat(power, precision: .bits(64))
      let tiny = BigFloat(BigRational(1, power), precision: .bits(64))
      #expect(abs(huge.log10Magnitude - Double(k)) <= 1e-12 * Double(max(1, k)), "10^\(k)")
      #expect(abs(tiny.log10Magnitude + Double(k)) <= 1e-12 * Double(max(1, k)), "10^-\(k)")
      #expect(abs((-huge).log10Magnitude - Double(k)) <= 1e-12 * Double(max(1, k)))
    }
    // Beyond the range of a double: 10^(±10⁷).
    let ten = BigFloat(10, precision: .bits(64))
    #expect(abs(ten.power(10_000_000).log10Magnitude - 1e7) < 1e-6)
    #expect(abs(ten.power(-10_000_000).log10Magnitude + 1e7) < 1e-6)
    #expect(ten.power(10_000_000).doubleValue == .infinity)
    #expect(BigFloat(precision: .bits(64)).log10Magnitude == -.infinity)
  }

  @Test func resultsHaveTheLargerPrecision() {
    let a = BigFloat(3, precision: .bits(100))
    let b = BigFloat(7, precision: .bits(200))
    for result in [a + b, b + a, a - b, a * b, b * a, a / b, b / a, a.power(b)] {
      #expect(result.precision == .bits(200))
    }
    for result in [
      -a, a.magnitude, a.squareRoot(), a.log(), a.exp(), a.log10(), a.power(3), a.root(3), a * 2, a / 2, a + 2, a - 2,
    ] {
      #expect(result.precision == .bits(100))
    }
    #expect((1 / b).precision == .bits(200))
    var c = a
    c += b
    #expect(c.precision == .bits(200) && a.precision == .bits(100))
    #expect(BigFloat(b, precision: .bits(50)).precision == .bits(50))
  }

  @Test func squareRootSquaredIsTwoToPrecision() {
    for bits in [53, 64, 200, 1000, 3322] {
      let two = BigFloat(2, precision: .bits(bits))
      let root = two.squareRoot()
      // √2 is correct to half an ulp, so its square is within 2 ulps of 2 (an ulp of 2 is 2^(2−bits)).
      let error = (root * root - two).magnitude
      #expect(error <= BigFloat(2, precision: .bits(bits)).power(3 - bits), "\(bits) bits")
    }
  }

  @Test func exactOperations() {
    let x = BigFloat(27, precision: .bits(80))
    #expect(x.root(3) == BigFloat(3, precision: .bits(80)))
    #expect(BigFloat(3, precision: .bits(80)).power(2) == BigFloat(9, precision: .bits(80)))
    #expect(BigFloat(9, precision: .bits(80)).squareRoot() == BigFloat(3, precision: .bits(80)))
    #expect(x * 3 / 3 == x && x + 5 - 5 == x && (x - 27).isZero)
    #expect(BigFloat(precision: .bits(80)) - Int.min == BigFloat(BigInt(2).power(63), precision: .bits(80)))
    #expect(BigFloat(precision: .bits(80)) + Int.min == BigFloat(BigInt(Int.min), precision: .bits(80)))
    #expect(BigFloat(1, precision: .bits(80)).log().isZero)
    #expect(BigFloat(100, precision: .bits(80)).log10() == BigFloat(2, precision: .bits(80)))
    #expect(BigFloat(precision: .bits(80)).exp() == BigFloat(1, precision: .bits(80)))
    #expect(BigFloat(-4, precision: .bits(80)).squareRoot().isNaN)
    #expect(BigFloat(-4, precision: .bits(80)).magnitude == BigFloat(4, precision: .bits(80)))
    #expect(BigFloat(0.375, precision: .bits(80)) == Self.fraction(3, 8, .bits(80)))
    #expect(BigFloat(0.375, precision: .bits(80)).doubleValue == 0.375)
  }

  @Test func roundingToIntegers() {
    #expect(Self.fraction(5, 2).roundedToInteger() == 2)
    #expect(Self.fraction(7, 2).roundedToInteger() == 4)
    #expect(Self.fraction(-27, 10).roundedToInteger() == -3)
    #expect(Self.fraction(27, 10).roundedToInteger() == 3)
    let scaled = BigFloat.pi(.digits(80)) * BigFloat(BigInt(10).power(50), precision: .digits(80))
    #expect(scaled.roundedToInteger().description == "314159265358979323846264338327950288419716939937511")
  }

  @Test func orderAndSigns() {
    let one = BigFloat(1, precision: Self.p)
    let two = BigFloat(2, precision: .bits(10))
    let nan = BigFloat(precision: Self.p) / BigFloat(precision: Self.p)
    #expect(one < two && !(two < one) && one != two && one == BigFloat(1, precision: .bits(10)))
    #expect(nan != nan && !(nan < one) && !(one < nan) && nan.signum == 0)
    #expect((-one).signum == -1 && one.signum == 1 && BigFloat(precision: Self.p).signum == 0)
  }

  @Test func rationalsRoundCorrectly() {
    var rng = SeededGenerator(seed: 51)
    for _ in 0..<100 {
      let q = BigRational(rng.signedBigInt(maxBits: 200), rng.nonZeroBigInt(maxBits: 200))
      let bits = Int.random(in: 10...300, using: &rng)
      let x = BigFloat(q, precision: .bits(bits))
      // |x − q| ≤ |q|·2^(−bits), an ulp at most, measured against q to 400 more bits.
      let wide = BigFloat(q, precision: .bits(bits + 400))
      let error = (x - wide).magnitude
      #expect(q.isZero ? x.isZero : error <= wide.magnitude * BigFloat(2, precision: .bits(64)).power(-bits), "\(q)")
    }
  }
}
