import Multiprecision
import TestSupport
import Testing

/// gcd, lcm, powers, factorials, exact division, shifts and square roots of `BigInt`.
@Suite struct BigIntNumberTheoryTests {
  @Test func gcdAndLcmIdentities() {
    var rng = SeededGenerator(seed: 21)
    for _ in 0..<200 {
      let common = rng.nonZeroBigInt(maxBits: 200)
      let a = rng.signedBigInt(maxBits: 600) * common
      let b = rng.signedBigInt(maxBits: 600) * common
      let g = BigInt.gcd(a, b)
      let l = BigInt.lcm(a, b)
      #expect(!g.isNegative && !l.isNegative)
      #expect(g == BigInt.gcd(b, a) && g == BigInt.gcd(-a, b) && g == BigInt.gcd(a, -b))
      #expect(g * l == (a * b).magnitude)
      guard !g.isZero else { continue }
      #expect(a.isDivisible(by: g) && b.isDivisible(by: g))
      #expect(g.isDivisible(by: common))
      #expect(BigInt.gcd(a.dividedExactly(by: g), b.dividedExactly(by: g)) == 1)
      if !l.isZero { #expect(l.isDivisible(by: a) && l.isDivisible(by: b)) }
    }
  }

  @Test(arguments: [
    (12, 18, 6, 36), (-12, 18, 6, 36), (-4, -6, 2, 12), (0, -5, 5, 0), (7, 0, 7, 0), (0, 0, 0, 0), (17, 5, 1, 85),
    (1, -1, 1, 1),
  ])
  func gcdAndLcmTable(a: Int, b: Int, gcd: Int, lcm: Int) {
    #expect(BigInt.gcd(BigInt(a), BigInt(b)) == BigInt(gcd))
    #expect(BigInt.lcm(BigInt(a), BigInt(b)) == BigInt(lcm))
  }

  @Test func powers() {
    #expect(BigInt(2).power(100) == BigInt("1267650600228229401496703205376"))
    #expect(BigInt(2).power(100) == BigInt(1).shifted(by: 100))
    #expect(BigInt(10).power(30).description == "1" + String(repeating: "0", count: 30))
    #expect(BigInt(-2).power(3) == -8 && BigInt(-2).power(4) == 16)
    #expect(BigInt(3).power(0) == 1 && BigInt(0).power(0) == 1 && BigInt(0).power(5) == 0)
    var rng = SeededGenerator(seed: 22)
    for _ in 0..<50 {
      let a = rng.signedBigInt(maxBits: 100)
      let m = Int.random(in: 0...20, using: &rng)
      let n = Int.random(in: 0...20, using: &rng)
      #expect(a.power(m + n) == a.power(m) * a.power(n))
      #expect(a.power(m).power(n) == a.power(m * n))
    }
  }

  @Test func factorials() {
    #expect(BigInt.factorial(0) == 1 && BigInt.factorial(1) == 1)
    #expect(BigInt.factorial(20) == BigInt(2_432_902_008_176_640_000))
    let hundred = BigInt.factorial(100)
    #expect(hundred.decimalDigitCount == 158)
    #expect(
      hundred.description
        == "93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286"
        + "253697920827223758251185210916864000000000000000000000000")
    // 100! has ⌊100/5⌋ + ⌊100/25⌋ = 24 trailing zeros, and the digit before them is 4.
    #expect(hundred.description.hasSuffix("4" + String(repeating: "0", count: 24)))
    var running = BigInt(1)
    for n in 1...200 {
      running *= BigInt(n)
      #expect(BigInt.factorial(n) == running)
    }
  }

  @Test func exactDivisionAndDivisibility() {
    var rng = SeededGenerator(seed: 23)
    for _ in 0..<200 {
      let a = rng.signedBigInt(maxBits: 800)
      let b = rng.nonZeroBigInt(maxBits: 400)
      #expect((a * b).dividedExactly(by: b) == a)
      #expect((a * b).isDivisible(by: b) && (a * b).isDivisible(by: -b))
      // b divides ab + 1 only when b divides 1.
      #expect((a * b + 1).isDivisible(by: b) == (b.magnitude == 1))
    }
    #expect(BigInt(0).isDivisible(by: 0))
    #expect(!BigInt(5).isDivisible(by: 0))
    #expect(BigInt(-12).dividedExactly(by: 4) == -3)
  }

  @Test func shifts() {
    var rng = SeededGenerator(seed: 24)
    for _ in 0..<200 {
      let a = rng.signedBigInt(maxBits: 600)
      let k = Int.random(in: 0...300, using: &rng)
      let twoToK = BigInt(2).power(k)
      #expect(a.shifted(by: k) == a * twoToK)
      // Right shifts truncate toward zero, like `/`.
      #expect(a.shifted(by: -k) == a / twoToK)
      #expect(a.shifted(by: k).shifted(by: -k) == a)
    }
    #expect(BigInt(5).shifted(by: -1) == 2 && BigInt(-5).shifted(by: -1) == -2)
    #expect(BigInt(-1).shifted(by: -1) == 0 && BigInt(3).shifted(by: 0) == 3)
  }

  @Test func squareRoots() {
    var rng = SeededGenerator(seed: 25)
    for _ in 0..<200 {
      let x = rng.signedBigInt(maxBits: 1200).magnitude
      let r = x.squareRoot()
      #expect(r * r <= x && x < (r + 1) * (r + 1))
      #expect((x * x).squareRoot() == x)
    }
    #expect(BigInt(10).power(100).squareRoot() == BigInt(10).power(50))
    #expect(BigInt(0).squareRoot() == 0 && BigInt(1).squareRoot() == 1)
    #expect(BigInt(99).squareRoot() == 9 && BigInt(100).squareRoot() == 10)
  }
}
