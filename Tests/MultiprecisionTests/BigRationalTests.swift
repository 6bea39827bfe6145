import Multiprecision
import TestSupport
import Testing

/// Reduced fractions: normal form, arithmetic and text.
@Suite struct BigRationalTests {
  static func random(_ rng: inout SeededGenerator, maxBits: Int = 200) -> BigRational {
    BigRational(rng.signedBigInt(maxBits: maxBits), rng.nonZeroBigInt(maxBits: maxBits))
  }

  @Test(arguments: [
    (6, 8, 3, 4), (-6, 8, -3, 4), (6, -8, -3, 4), (-6, -8, 3, 4), (0, -5, 0, 1), (0, 7, 0, 1), (10, 5, 2, 1),
    (-7, 1, -7, 1), (17, -34, -1, 2),
  ])
  func reducesWithPositiveDenominator(p: Int, q: Int, numerator: Int, denominator: Int) {
    let x = BigRational(BigInt(p), BigInt(q))
    #expect(x.numerator == BigInt(numerator))
    #expect(x.denominator == BigInt(denominator))
  }

  @Test func normalFormOfRandomFractions() {
    var rng = SeededGenerator(seed: 41)
    for _ in 0..<200 {
      let p = rng.signedBigInt(maxBits: 300)
      let q = rng.nonZeroBigInt(maxBits: 300)
      let x = BigRational(p, q)
      #expect(x.denominator.signum == 1)
      #expect(BigInt.gcd(x.numerator, x.denominator) == 1)
      // Same value: p/q = num/den.
      #expect(x.numerator * q == p * x.denominator)
      let k = rng.nonZeroBigInt(maxBits: 100)
      #expect(BigRational(p * k, q * k) == x)
      #expect(BigRational(p * k, q * k).hashValue == x.hashValue)
    }
  }

  @Test func knownArithmetic() {
    let half = BigRational(1, 2)
    let third = BigRational(1, 3)
    #expect(half + third == BigRational(5, 6))
    #expect(half - third == BigRational(1, 6))
    #expect(half * third == BigRational(1, 6))
    #expect(half / third == BigRational(3, 2))
    #expect(-half / BigRational(1, 4) == -2)
    #expect((half - half).denominator == 1 && (half - half).isZero)
    #expect((BigRational(3, 4) * BigRational(4, 3)).isInteger)
    #expect(BigRational(1, 6) + BigRational(1, 6) == third)
    var x = half
    x += third
    x -= BigRational(1, 6)
    x *= 3
    #expect(x == 2)
    #expect(third < half && -half < third && !(half < half))
    #expect([half, -third, 2, 0].sorted() == [-third, 0, half, 2])
    #expect(BigRational.zero.isZero && BigRational(-3).signum == -1 && half.signum == 1)
  }

  @Test func fieldIdentitiesOnRandomValues() {
    var rng = SeededGenerator(seed: 42)
    for _ in 0..<200 {
      let a = Self.random(&rng)
      let b = Self.random(&rng)
      let c = Self.random(&rng, maxBits: 60)
      #expect((a + b) - b == a)
      #expect(a + b == b + a && a * b == b * a)
      #expect(a * (b + c) == a * b + a * c)
      #expect(a - a == .zero && a + (-a) == .zero)
      if !b.isZero {
        #expect((a * b) / b == a)
        #expect(b / b == 1)
      }
      #expect((a < b) == ((b - a).signum > 0))
      // Results are reduced.
      for r in [a + b, a - b, a * b] {
        #expect(BigInt.gcd(r.numerator, r.denominator) == 1 && r.denominator.signum == 1)
      }
    }
  }

  @Test(arguments: [
    ("3/4", 3, 4), ("-6/8", -3, 4), ("6/-8", -3, 4), ("0.125", 1, 8), ("2", 2, 1), ("-2", -2, 1), ("-0.5", -1, 2),
    ("+0.5", 1, 2), (".5", 1, 2), ("-.25", -1, 4), ("1.50", 3, 2), ("-2.0", -2, 1), ("5.", 5, 1), (" 1 / 2 ", 1, 2),
    ("0/7", 0, 1), ("007.0", 7, 1),
  ])
  func parsesValidText(text: String, numerator: Int, denominator: Int) {
    #expect(BigRational(text) == BigRational(BigInt(numerator), BigInt(denominator)))
  }

  @Test(arguments: [
    "1/0", "a/b", "", "/", "1/", "/2", ".", "-", "1.2.3", "1.-5", "--1.5", "+-1.5", "-+1.5", "1e5", "1/2/3", "0x10",
    "1.5/2", "½", "1,5", "-.", "+.", "1.٣", "1.5x",
  ])
  func rejectsInvalidText(text: String) {
    #expect(BigRational(text) == nil)
  }

  @Test func descriptionRoundTrips() {
    #expect(BigRational(BigInt(-6), BigInt(8)).description == "-3/4")
    #expect(BigRational(4).description == "4" && BigRational.zero.description == "0")
    var rng = SeededGenerator(seed: 43)
    for _ in 0..<100 {
      let x = Self.random(&rng, maxBits: 500)
      #expect(BigRational(x.description) == x)
    }
  }
}
