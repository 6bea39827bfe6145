import Multiprecision
import Testing

/// MPFR's constants and functions against reference digits (mpmath, from shared/validation/constants.tsv).
@Suite struct BigFloatConstantsTests {
  /// 100 decimals after the point; the digits that follow are neither 000… nor 999…, so truncating a
  /// value accurate to 110 digits gives exactly these.
  static let references: [(name: String, digits: String, value: @Sendable (Precision) -> BigFloat)] = [
    (
      "pi", "3.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679",
      { BigFloat.pi($0) }
    ),
    (
      "e", "2.7182818284590452353602874713526624977572470936999595749669676277240766303535475945713821785251664274",
      { BigFloat.e($0) }
    ),
    (
      "log(2)", "0.6931471805599453094172321214581765680755001343602552541206800094933936219696947156058633269964186875",
      { BigFloat.log2($0) }
    ),
    (
      "gamma", "0.5772156649015328606065120900824024310421593359399235988057672348848677267776646709369470632917467495",
      { BigFloat.eulerGamma($0) }
    ),
    (
      "G", "0.9159655941772190150546035149323841107741493742816721342664981196217630197762547694793565129261151062",
      { BigFloat.catalan($0) }
    ),
    (
      "zeta(3)", "1.2020569031595942853997381615114499907649862923404988817922715553418382057863130901864558736093352581",
      { BigFloat.zeta(3, $0) }
    ),
    (
      "zeta(2)", "1.6449340668482264364724151666460251892189499012067984377355582293700074704032008738336289006197587053",
      { BigFloat.zeta(2, $0) }
    ),
    (
      "zeta(5)", "1.0369277551433699263313654864570341680570809195019128119741926779038035897862814845600431065571333363",
      { BigFloat.zeta(5, $0) }
    ),
    (
      "log(3)", "1.0986122886681096913952452369225257046474905578227494517346943336374942932186089668736157548137320887",
      { BigFloat(3, precision: $0).log() }
    ),
    (
      "sqrt(2)", "1.4142135623730950488016887242096980785696718753769480731766797379907324784621070388503875343276415727",
      { BigFloat(2, precision: $0).squareRoot() }
    ),
    (
      "sqrt(3)", "1.7320508075688772935274463415058723669428052538103806280558069794519330169088000370811461867572485756",
      { BigFloat(27, precision: $0).root(6) }
    ),
    (
      "phi", "1.6180339887498948482045868343656381177203091798057628621354486227052604628189024497072072041893911374",
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
    #expect(BigFloat(1, precision: .digits(50)).exponentialIntegral().decimal(places: 39, truncate: true)
      == "1.895117816355936755466520934331634269017")
  }
}
