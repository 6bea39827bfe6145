import Multiprecision
import TestSupport
import Testing

/// Conversions between `BigInt` and machine numbers, and its size estimates.
@Suite struct BigIntConversionTests {
  @Test func intExactlyAtTheBounds() {
    let max = BigInt(Int.max)
    let min = BigInt(Int.min)
    #expect(max.description == "9223372036854775807" && min.description == "-9223372036854775808")
    #expect(Int(exactly: max) == Int.max)
    #expect(Int(exactly: max + 1) == nil)
    #expect(Int(exactly: min) == Int.min)
    #expect(Int(exactly: min - 1) == nil)
    #expect(Int(exactly: BigInt(0)) == 0 && Int(exactly: BigInt(-7)) == -7)
    #expect(Int(exactly: BigInt(10).power(30)) == nil)
  }

  @Test func int128() {
    #expect(BigInt(Int128.max).description == "170141183460469231731687303715884105727")
    #expect(BigInt(Int128.min).description == "-170141183460469231731687303715884105728")
    #expect(BigInt(Int128(0)) == 0 && BigInt(Int128(-1)) == -1)
    #expect(BigInt(Int128(1) << 64) == BigInt(2).power(64))
    #expect(BigInt(-(Int128(1) << 64)) == -BigInt(2).power(64))
    var rng = SeededGenerator(seed: 31)
    for _ in 0..<200 {
      let v = Int128(truncatingIfNeeded: rng.next()) << 64 | Int128(rng.next())
      let shifted = v >> Int.random(in: 0...127, using: &rng)
      #expect(BigInt(shifted).description == String(shifted))
      #expect(BigInt(exactly: shifted) == BigInt(shifted))
    }
  }

  @Test func genericExactlyInit() {
    #expect(BigInt(exactly: UInt64.max) == BigInt("18446744073709551615"))
    #expect(BigInt(exactly: UInt8(200)) == 200)
    #expect(BigInt(exactly: Int16(-300)) == -300)
  }

  @Test func doubleIsTheNearestDouble() {
    // Double(Int) rounds to nearest with ties to even: the reference for values that fit.
    var rng = SeededGenerator(seed: 32)
    for _ in 0..<500 {
      let v = Int(truncatingIfNeeded: rng.next()) >> Int.random(in: 0...12, using: &rng)
      #expect(Double(BigInt(v)) == Double(v))
    }
    let twoTo54 = BigInt(2).power(54)
    #expect(Double(twoTo54 + 3) == 0x1p54 + 4)
    #expect(Double(-(twoTo54 + 3)) == -(0x1p54 + 4))
    #expect(Double(BigInt(2).power(53) + 1) == 0x1p53)
    #expect(Double(BigInt(0)) == 0)
    #expect(Double(BigInt(10).power(300)) == 1e300)
    #expect(Double(BigInt(2).power(1023)) == 0x1p1023)
    #expect(Double(BigInt(2).power(1024)) == .infinity)
    #expect(Double(-BigInt(2).power(1024)) == -.infinity)
    #expect(Double(BigInt(10).power(400)) == .infinity)
    // Values at or beyond the midpoint between the largest double and 2¹⁰²⁴ round to infinity.
    #expect(Double(BigInt(2).power(1024) - 1) == .infinity)
    #expect(Double(BigInt(2).power(1024) - BigInt(2).power(971)) == .greatestFiniteMagnitude)
  }

  @Test func logarithmsOfPowersOfTen() {
    // log10 |10^k| = k to a relative error of a few units of double precision.
    for k in Array(0...320) + [1000, 5000, 40_000] {
      let x = BigInt(10).power(k)
      let tolerance = 1e-14 * Double(max(k, 1))
      #expect(abs(x.log10Magnitude - Double(k)) <= tolerance, "10^\(k)")
      #expect(abs((-x).log10Magnitude - Double(k)) <= tolerance)
      #expect(abs(x.log2Magnitude - Double(k) * 3.321_928_094_887_362_3) <= 4 * tolerance)
    }
    for k in [0, 1, 52, 53, 64, 1000, 100_000] {
      #expect(BigInt(2).power(k).log2Magnitude == Double(k))
    }
    #expect(BigInt(0).log2Magnitude == -.infinity && BigInt(0).log10Magnitude == -.infinity)
    #expect(abs(BigInt(3).log2Magnitude - 1.584_962_500_721_156_2) < 1e-15)
  }

  @Test func sizes() {
    #expect(BigInt(0).bitWidth == 0 && BigInt(1).bitWidth == 1 && BigInt(-1).bitWidth == 1)
    #expect(BigInt(255).bitWidth == 8 && BigInt(256).bitWidth == 9)
    #expect(BigInt(2).power(1000).bitWidth == 1001)
    #expect(BigInt(0).decimalDigitCount == 1)
    for k in [1, 2, 18, 19, 100, 1000] {
      let p = BigInt(10).power(k)
      #expect(p.decimalDigitCount == k + 1)
      #expect((p - 1).decimalDigitCount == k)
      #expect((-p).decimalDigitCount == k + 1)
    }
  }
}
