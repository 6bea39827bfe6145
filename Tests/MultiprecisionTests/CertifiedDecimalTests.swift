import Multiprecision
import TestSupport
import Testing

/// Decimal text that never shows a digit the number does not have: `BigRational.decimal(places:)`
/// and `BigFloat.decimal(places:within:)`, on values just below and above integers and around 0.
@Suite struct CertifiedDecimalTests {
  static func nines(_ count: Int) -> String { String(repeating: "9", count: count) }
  static func zeros(_ count: Int) -> String { String(repeating: "0", count: count) }
  static func power(_ k: Int) -> BigInt { BigInt(10).power(k) }

  /// 1 − 10⁻⁷⁰, 2 − 10⁻⁷⁰, their negatives and ±10⁻¹⁰⁰, exactly, at 60 and 100 places.
  @Test func exactValuesNearIntegers() {
    let justBelowOne = BigRational(Self.power(70) - 1, Self.power(70))
    #expect(justBelowOne.decimal(places: 60) == "0." + Self.nines(60))
    #expect((-justBelowOne).decimal(places: 60) == "-0." + Self.nines(60))
    #expect((justBelowOne + 1).decimal(places: 60) == "1." + Self.nines(60))
    #expect((-justBelowOne - 1).decimal(places: 60) == "-1." + Self.nines(60))
    #expect(justBelowOne.decimal(places: 70) == "0." + Self.nines(70))
    #expect(justBelowOne.decimal(places: 72) == "0." + Self.nines(70) + "00")
    let tiny = BigRational(-1, Self.power(100))
    #expect(tiny.decimal(places: 60) == "-0." + Self.zeros(60))
    #expect(tiny.decimal(places: 100) == "-0." + Self.zeros(99) + "1")
    #expect((-tiny).decimal(places: 60) == "0." + Self.zeros(60))
    #expect(BigRational(0).decimal(places: 3) == "0.000")
    #expect(BigRational(-7, 2).decimal(places: 0) == "-3")
    #expect(BigRational(-1, 3).decimal(places: 0) == "-0")
  }

  /// The same values as binary approximations with a radius that covers their rounding, and with a
  /// certified radius: the truncation when the interval decides it, the integer it straddles when not.
  @Test func intervalsNearIntegers() {
    let p = Precision.digits(120)
    let one = BigFloat(1, precision: p)
    let justBelowOne = one - BigFloat(BigRational(1, Self.power(70)), precision: p)
    let rounding = BigFloat(BigRational(1, Self.power(110)), precision: .bits(64))
    #expect(justBelowOne.decimal(places: 60, within: rounding) == "0." + Self.nines(60))
    #expect((-justBelowOne).decimal(places: 60, within: rounding) == "-0." + Self.nines(60))
    #expect((justBelowOne + 1).decimal(places: 60, within: rounding) == "1." + Self.nines(60))
    // Known only to ±10⁻⁶⁰/2, 1 − 10⁻⁷⁰ might be 1: the interval holds 1, which is printed.
    let certified = BigFloat(BigRational(1, Self.power(60) * 2), precision: .bits(64))
    #expect(justBelowOne.decimal(places: 60, within: certified) == "1." + Self.zeros(60))
    #expect(justBelowOne.decimal(places: 59, within: certified) == "1." + Self.zeros(59))
    #expect((-justBelowOne).decimal(places: 60, within: certified) == "-1." + Self.zeros(60))
    // −10⁻¹⁰⁰: the sign is kept when the interval is below 0, dropped when it holds 0.
    let tiny = BigFloat(BigRational(-1, Self.power(100)), precision: p)
    #expect(tiny.decimal(places: 60, within: rounding) == "-0." + Self.zeros(60))
    #expect(tiny.decimal(places: 60, within: BigFloat(precision: p)) == "-0." + Self.zeros(60))
    #expect(tiny.decimal(places: 60, within: certified) == "0." + Self.zeros(60))
    // An exact binary value: truncated.
    #expect(BigFloat(BigRational(-7, 4), precision: p).decimal(places: 1, within: BigFloat(precision: p)) == "-1.7")
    #expect(BigFloat(BigRational(-7, 4), precision: p).decimal(places: 2, within: BigFloat(precision: p)) == "-1.75")
  }

  @Test func exactScientificText() {
    let justBelowOne = BigRational(Self.power(70) - 1, Self.power(70))
    #expect(justBelowOne.scientific(significantDigits: 50) == "9." + Self.nines(49) + "e-1")
    #expect((-justBelowOne).scientific(significantDigits: 3) == "-9.99e-1")
    #expect(BigRational(-1, Self.power(100)).scientific(significantDigits: 3) == "-1.00e-100")
    #expect(BigRational(22, 7).scientific(significantDigits: 6) == "3.14285e0")
    #expect(BigRational(Self.power(20) * 12345).scientific(significantDigits: 2) == "1.2e24")
    #expect(BigRational(99_999, 100_000).scientific(significantDigits: 1) == "9e-1")
    #expect(BigRational(1, 8).scientific(significantDigits: 1) == "1e-1")
    #expect(BigRational(0).scientific(significantDigits: 4) == "0")
  }

  @Test func specialValues() {
    let zero = BigFloat(precision: .bits(64))
    let one = BigFloat(1, precision: .bits(64))
    #expect((zero / zero).decimal(places: 3, within: zero) == "nan")
    #expect((one / zero).decimal(places: 3, within: zero) == "inf")
    #expect((-one / zero).decimal(places: 3, within: zero) == "-inf")
    #expect(zero.decimal(places: 2, within: zero) == "0.00")
  }

  // MARK: Properties (seeded)

  /// The decimal expansion of |t| truncated to `places`, by long division one digit at a time, with
  /// the sign of t.
  static func truncatedExpansion(_ t: BigRational, places: Int) -> String {
    var remainder = t.numerator.magnitude
    let q = t.denominator
    let integer = remainder / q
    remainder -= integer * q
    var text = (t.signum < 0 ? "-" : "") + integer.description
    if places > 0 { text += "." }
    for _ in 0..<places {
      remainder *= 10
      let digit = remainder / q
      remainder -= digit * q
      text += digit.description
    }
    return text
  }

  /// N ± u·10^−m for small integers N, a random digit string u and m up to 100: values just below and
  /// above integers and near 0, of either sign.
  static func nearInteger(using g: inout SeededGenerator) -> BigRational {
    let n = BigInt(Int.random(in: -3...3, using: &g))
    let m = Int.random(in: 1...100, using: &g)
    let u = BigInt(Int.random(in: 1...999, using: &g))
    let offset = BigRational(u, power(m))
    return Bool.random(using: &g) ? BigRational(n) + offset : BigRational(n) - offset
  }

  /// Exact rationals at 0…120 places: the text is the truncated expansion, parses back within 10^−k of
  /// the value, and never lies above its magnitude.
  @Test func exactTextIsTheTruncatedExpansion() throws {
    var g = SeededGenerator(seed: 0xDEC1_0001)
    for _ in 0..<400 {
      let t = Self.nearInteger(using: &g)
      let k = Int.random(in: 0...120, using: &g)
      let text = t.decimal(places: k)
      #expect(text == Self.truncatedExpansion(t, places: k), "\(t) at \(k)")
      let back = try #require(BigRational(text), "\(text)")
      let error = t - back
      #expect(error.signum == t.signum || error.isZero, "\(t) at \(k): \(text) is beyond the value")
      #expect((error.signum < 0 ? -error : error) < BigRational(1, Self.power(k)), "\(t) at \(k)")
    }
  }

  /// Scientific text of exact rationals: the first k significant digits of the truncated expansion,
  /// and the exponent of the first of them.
  @Test func exactScientificIsTheTruncatedExpansion() {
    var g = SeededGenerator(seed: 0xDEC1_0003)
    for _ in 0..<300 {
      let t = Self.nearInteger(using: &g)
      guard !t.isZero else { continue }
      let k = Int.random(in: 1...40, using: &g)
      let expansion = Self.truncatedExpansion(t, places: 200).filter { $0 != "-" }
      let point = expansion.firstIndex(of: ".")!
      let integerDigits = expansion.distance(from: expansion.startIndex, to: point)
      let all = expansion.filter { $0 != "." }
      let leadingZeros = all.prefix { $0 == "0" }.count
      let significant = all.dropFirst(leadingZeros).prefix(k)
      let mantissa = significant.count > 1 ? "\(significant.prefix(1)).\(significant.dropFirst())" : String(significant)
      let expected = (t.signum < 0 ? "-" : "") + mantissa + "e\(integerDigits - 1 - leadingZeros)"
      #expect(t.scientific(significantDigits: k) == expected, "\(t) to \(k)")
    }
  }

  /// A binary approximation v of t with |v − t| ≤ r, printed at k places: the text is t's truncated
  /// expansion, or else a multiple of 10^−k within r of v (so within 2r of t); with r ≤ 10^−k/2 as a
  /// certified limit has, always within 10^−k of t.
  @Test func intervalTextIsTruncatedOrTheStraddledBoundary() throws {
    var g = SeededGenerator(seed: 0xDEC1_0002)
    for trial in 0..<400 {
      let t = Self.nearInteger(using: &g)
      let k = Int.random(in: 0...100, using: &g)
      // Certified to d ≥ k places (radius 10^−d/2), or exact up to the binary rounding.
      let d = trial % 2 == 0 ? k + Int.random(in: 0...30, using: &g) : 400
      let radius = BigRational(1, Self.power(d) * 2)
      // v: t moved by up to the radius, then rounded to binary well below it.
      let shift = BigRational(BigInt(Int.random(in: -1000...1000, using: &g)), 1000) * radius
      let v = BigFloat(t + (d == 400 ? 0 : shift), precision: .digits(d + 30))
      let rounding = BigRational(1, Self.power(d + 25))
      let r = BigFloat(radius + rounding, precision: .bits(64)) * BigFloat(1.000_001, precision: .bits(64))
      let text = v.decimal(places: k, within: r)
      let back = try #require(BigRational(text), "\(text)")
      let distance = { (x: BigRational) in x.signum < 0 ? -x : x }
      if text != Self.truncatedExpansion(t, places: k) {
        #expect(distance(back - t) <= (radius + rounding) * 2, "\(t) ± \(d) at \(k): \(text)")
        #expect(back.denominator <= Self.power(k), "\(text)")
      }
      // Within 10^−k of t — or of 2r when the certificate is only ±10^−k/2 (d = k) and straddled.
      let tolerance = Swift.max(BigRational(1, Self.power(k)), (radius + rounding) * 2)
      #expect(distance(back - t) <= tolerance, "\(t) ± \(d) at \(k): \(text)")
    }
  }
}
