import Multiprecision
import Testing

/// MPFR's constants and functions against reference digits (mpmath, from shared/validation/constants.tsv).
@Suite struct BigFloatConstantsTests {
  /// 100 decimals after the point; the digits that follow are neither 000… nor 999…, so truncating a
  /// value accurate to 110 digits gives exactly these.
  static let references: [(name: String, digits: String, value: @Sendable (Precision) -> BigFloat)] = [
    (
      "pi",
      "3.14159265358979323846264338327950288419716939937510"
        + "58209749445923078164062862089986280348253421170679",
      { BigFloat.pi($0) }
    ),
    (
      "e",
      "2.71828182845904523536028747135266249775724709369995"
        + "95749669676277240766303535475945713821785251664274",
      { BigFloat.e($0) }
    ),
    (
      "log(2)",
      "0.69314718055994530941723212145817656807550013436025"
        + "52541206800094933936219696947156058633269964186875",
      { BigFloat.log2($0) }
    ),
    (
      "gamma",
      "0.57721566490153286060651209008240243104215933593992"
        + "35988057672348848677267776646709369470632917467495",
      { BigFloat.eulerGamma($0) }
    ),
    (
      "G",
      "0.91596559417721901505460351493238411077414937428167"
        + "21342664981196217630197762547694793565129261151062",
      { BigFloat.catalan($0) }
    ),
    (
      "zeta(3)",
      "1.20205690315959428539973816151144999076498629234049"
        + "88817922715553418382057863130901864558736093352581",
      { BigFloat.zeta(3, $0) }
    ),
    (
      "zeta(2)",
      "1.64493406684822643647241516664602518921894990120679"
        + "84377355582293700074704032008738336289006197587053",
      { BigFloat.zeta(2, $0) }
    ),
    (
      "zeta(5)",
      "1.03692775514336992633136548645703416805708091950191"
        + "28119741926779038035897862814845600431065571333363",
      { BigFloat.zeta(5, $0) }
    ),
    (
      "log(3)",
      "1.09861228866810969139524523692252570464749055782274"
        + "94517346943336374942932186089668736157548137320887",
      { BigFloat(3, precision: $0).log() }
    ),
    (
      "sqrt(2)",
      "1.41421356237309504880168872420969807856967187537694"
        + "80731766797379907324784621070388503875343276415727",
      { BigFloat(2, precision: $0).squareRoot() }
    ),
    (
      "sqrt(3)",
      "1.73205080756887729352744634150587236694280525381038"
        + "06280558069794519330169088000370811461867572485756",
      { BigFloat(27, precision: $0).root(6) }
    ),
    (
      "phi",
      "1.61803398874989484820458683436563811772030917980576"
        + "28621354486227052604628189024497072072041893911374",
      { (BigFloat(5, precision: $0).squareRoot() + 1) / 2 }
    ),
  ]

  @Test func hundredDigitsOfEachConstant() throws {
    let precision = Precision.digits(110)
    for (name, digits, value) in Self.references {
      let x = value(precision)
      #expect(x.precision == precision, "\(name)")
      #expect(x.decimal(places: 100, truncate: true) == digits, "\(name)")
      // The same comparison by subtraction: |x − reference| < 10⁻¹⁰⁰.
      let reference = try #require(BigFloat(digits, precision: precision))
      #expect((x - reference).log10Magnitude < -100, "\(name)")
    }
  }

  @Test func zetaOfEvenArgumentsIsARationalMultipleOfAPowerOfPi() {
    let precision = Precision.digits(200)
    let pi = BigFloat.pi(precision)
    #expect((BigFloat.zeta(2, precision) - pi.power(2) / 6).log10Magnitude < -198)
    #expect((BigFloat.zeta(4, precision) - pi.power(4) / 90).log10Magnitude < -198)
    #expect((BigFloat.zeta(6, precision) - pi.power(6) / 945).log10Magnitude < -198)
  }

  @Test func exponentialIntegralAtOne() {
    // Ei(1) from mpmath.
    #expect(
      BigFloat(1, precision: .digits(50)).exponentialIntegral().decimal(places: 39, truncate: true)
        == "1.895117816355936755466520934331634269017")
  }
}
