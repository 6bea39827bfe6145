import Multiprecision
import Testing

/// Converting between decimal digits and bits.
@Suite struct PrecisionTests {
  @Test(arguments: [(1, 4), (2, 7), (15, 50), (16, 54), (30, 100), (100, 333), (1000, 3322), (10_000, 33_220)])
  func digitsToBits(digits: Int, bits: Int) {
    // ⌈d·log2 10⌉ bits.
    #expect(Precision.digits(digits).bits == bits)
  }

  @Test(arguments: [(2, 0), (4, 1), (53, 15), (64, 19), (113, 34), (333, 100), (3322, 1000), (3321, 999)])
  func bitsToDigits(bits: Int, digits: Int) {
    // ⌊b·log10 2⌋ digits.
    #expect(Precision.bits(bits).digits == digits)
  }

  @Test func digitsRoundTrip() {
    for d in 1...20_000 {
      let precision = Precision.digits(d)
      #expect(precision.digits == d)
      // The fewest bits that hold d digits: one bit less would not.
      #expect(Double(precision.bits) >= Double(d) * Precision.bitsPerDigit)
      #expect(Double(precision.bits - 1) < Double(d) * Precision.bitsPerDigit)
    }
  }

  @Test func orderAndText() {
    #expect(Precision.bits(100) < Precision.bits(101))
    #expect(Precision.digits(30) == Precision.bits(100))
    #expect(Precision.bits(64).adding(bits: 36) == Precision.bits(100))
    #expect(Precision.digits(100).description == "333 bits (100 digits)")
    #expect(max(Precision.bits(7), Precision.digits(3)) == Precision.bits(10))
  }
}
