import _RamanujanShims

// Decimal text of numbers known to lie in an interval, such that no printed digit is one the number
// does not have.

extension BigFloat {
  /// Fixed-point decimal text, with `places` digits after the point, of a true value t known to lie
  /// within `radius` of `self` (|t − self| ≤ radius; a zero radius: t = self exactly).
  ///
  /// The rule: the text is t truncated toward zero to `places` places — every printed digit a digit
  /// of t's decimal expansion, and the sign of t kept even when every printed digit is 0
  /// (`-0.000` for −10⁻¹⁰⁰ at 3 places) — whenever the interval [self − radius, self + radius]
  /// decides that truncation. When the interval holds a multiple m of 10^−places (t might lie on
  /// either side of it, as for a limit that is 1 known as 0.99…98 ± 10⁻⁶⁰), the text is m, the one
  /// nearest `self`: then |text − t| ≤ 2·radius, and m is unsigned when it is 0. So for an exact value,
  /// 0.99…991 prints as 0.99…9, never as 1.00…0; and a value certified to more places than shown
  /// prints the digits of its truncation.
  /// Precondition: places ≥ 0; radius ≥ 0 and finite.
  /// - Complexity: a few multiplications and integer roundings at precision + 3.33·places bits.
  public func decimal(places: Int, within radius: BigFloat) -> String {
    precondition(places >= 0, "negative decimal places \(places)")
    precondition(radius.isFinite && radius.signum >= 0, "radius \(radius) is not a non-negative finite number")
    if isNaN { return "nan" }
    if !isFinite { return signum < 0 ? "-inf" : "inf" }
    let power = BigInt(10).power(places)
    // self·10^places exactly: the product of a p-bit mantissa and an integer of b bits has p + b bits.
    var scaled = BigFloat(precision: .bits(precision.bits + power.bitWidth + 2))
    withExtendedLifetime(power) { _ = mpfr_mul_z(scaled._mutablePointer(), _pointer, power._pointer, MPFR_RNDN) }
    if radius.isZero {
      var truncated = BigInt()
      mpfr_get_z(truncated._mutablePointer(), scaled._pointer, MPFR_RNDZ)
      return Self._fixedPoint(truncated.magnitude, negative: signum < 0, places: places)
    }
    // [lo, hi] ⊇ [self − radius, self + radius]·10^places: outward rounding keeps it an enclosure.
    var r = BigFloat(precision: .bits(Swift.max(64, radius.precision.bits)))
    withExtendedLifetime(power) { _ = mpfr_mul_z(r._mutablePointer(), radius._pointer, power._pointer, MPFR_RNDU) }
    var lo = BigFloat(precision: scaled.precision)
    var hi = BigFloat(precision: scaled.precision)
    _ = mpfr_sub(lo._mutablePointer(), scaled._pointer, r._pointer, MPFR_RNDD)
    _ = mpfr_add(hi._mutablePointer(), scaled._pointer, r._pointer, MPFR_RNDU)
    var ceilingLo = BigInt()
    var floorHi = BigInt()
    mpfr_get_z(ceilingLo._mutablePointer(), lo._pointer, MPFR_RNDU)
    mpfr_get_z(floorHi._mutablePointer(), hi._pointer, MPFR_RNDD)
    if ceilingLo <= floorHi {
      // A multiple of 10^−places in the interval: the one nearest self.
      var nearest = BigInt()
      mpfr_get_z(nearest._mutablePointer(), scaled._pointer, MPFR_RNDN)
      let m = Swift.min(Swift.max(nearest, ceilingLo), floorHi)
      return Self._fixedPoint(m.magnitude, negative: m.isNegative, places: places)
    }
    // No integer in [lo, hi]: both ends, and t, truncate alike and have the sign of self.
    var truncated = BigInt()
    mpfr_get_z(truncated._mutablePointer(), scaled._pointer, MPFR_RNDZ)
    return Self._fixedPoint(truncated.magnitude, negative: signum < 0, places: places)
  }

  /// `digits` (a magnitude scaled by 10^places) as text with a point before its last `places` digits.
  static func _fixedPoint(_ digits: BigInt, negative: Bool, places: Int) -> String {
    var text = digits.description
    if places > 0 {
      if text.count <= places { text = String(repeating: "0", count: places - text.count + 1) + text }
      text.insert(".", at: text.index(text.endIndex, offsetBy: -places))
    }
    return (negative ? "-" : "") + text
  }
}

extension BigRational {
  /// Fixed-point decimal text with `places` digits after the point: the value truncated toward zero,
  /// so that every printed digit is a digit of its decimal expansion (1 − 10⁻⁷⁰ prints as 0.99…9 at 60
  /// places), and negative values keep their sign even when every printed digit is 0 (`-0.000` for
  /// −10⁻¹⁰⁰ at 3 places). Precondition: places ≥ 0.
  /// - Complexity: one division of |numerator|·10^places by the denominator.
  public func decimal(places: Int) -> String {
    precondition(places >= 0, "negative decimal places \(places)")
    let scaled = numerator.magnitude * BigInt(10).power(places)
    return BigFloat._fixedPoint(scaled / denominator, negative: numerator.isNegative, places: places)
  }
}

extension BigRational {
  /// Scientific text with `significantDigits` digits (`9.99e-1`), truncated toward zero like
  /// `decimal(places:)`: 1 − 10⁻⁷⁰ is `9.99…9e-1`, never `1.00…0e0`. Precondition: significantDigits ≥ 1.
  /// - Complexity: one or two divisions of integers of the size of the value's terms and 10^significantDigits.
  public func scientific(significantDigits k: Int) -> String {
    precondition(k >= 1, "significant digits \(k) below 1")
    if isZero { return "0" }
    let p = numerator.magnitude
    // ⌊log10 |p/q|⌋ is the difference of the digit counts or one less.
    var exponent = p.decimalDigitCount - denominator.decimalDigitCount
    var digits = BigInt(0)
    for _ in 0..<3 {
      let shift = k - 1 - exponent
      digits =
        shift >= 0
        ? p * BigInt(10).power(shift) / denominator : p / (denominator * BigInt(10).power(-shift))
      let count = digits.isZero ? 0 : digits.decimalDigitCount
      if count == k { break }
      exponent += count > k ? 1 : -1
    }
    let text = digits.description
    let mantissa = text.count > 1 ? "\(text.prefix(1)).\(text.dropFirst())" : text
    return (numerator.isNegative ? "-" : "") + mantissa + "e\(exponent)"
  }
}
