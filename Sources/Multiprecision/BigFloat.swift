import _RamanujanShims

/// A real number of chosen binary precision on MPFR, correctly rounded to nearest.
///
/// Binary operations work at the larger precision of their operands.
/// Values are finite unless an operation overflowed or was undefined (`isNaN`).
/// - SeeAlso: https://www.mpfr.org/mpfr-current/mpfr.html
public struct BigFloat: Sendable {
  @usableFromInline var _storage: _MPFRStorage

  /// Zero at the given precision.
  public init(precision: Precision) { _storage = _MPFRStorage(bits: precision.bits) }

  /// `x` rounded to `precision`.
  public init(_ x: BigInt, precision: Precision) {
    self.init(precision: precision)
    mpfr_set_z(_storage.pointer, x._pointer, MPFR_RNDN)
  }

  /// `x` rounded to `precision`.
  public init(_ x: BigRational, precision: Precision) {
    self.init(precision: precision)
    let q = BigFloat(x.denominator, precision: precision.adding(bits: 64))
    let p = BigFloat(x.numerator, precision: precision.adding(bits: 64))
    withExtendedLifetime((p, q)) { _ = mpfr_div(_storage.pointer, p._pointer, q._pointer, MPFR_RNDN) }
  }

  /// `x` rounded to `precision`.
  public init(_ x: Double, precision: Precision) {
    self.init(precision: precision)
    mpfr_set_d(_storage.pointer, x, MPFR_RNDN)
  }

  /// `x` rounded to `precision`.
  public init(_ x: Int, precision: Precision) {
    self.init(precision: precision)
    mpfr_set_si(_storage.pointer, x, MPFR_RNDN)
  }

  /// `x` re-rounded to `precision`.
  public init(_ x: BigFloat, precision: Precision) {
    self.init(precision: precision)
    mpfr_set(_storage.pointer, x._pointer, MPFR_RNDN)
  }

  /// Parses decimal text (`-12.5e-3`, `3.14159`); `nil` when any of it is not a number.
  public init?(_ text: some StringProtocol, precision: Precision) {
    let trimmed = text.trimmingSpaces()
    guard !trimmed.isEmpty,
      trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
      trimmed.contains(where: \.isNumber)
    else { return nil }
    self.init(precision: precision)
    let status = String(trimmed).withCString { text -> Int32 in
      var end: UnsafeMutablePointer<CChar>?
      _ = mpfr_strtofr(_storage.pointer, text, &end, 10, MPFR_RNDN)
      return end.map { $0.pointee == 0 ? 0 : 1 } ?? 1
    }
    guard status == 0 else { return nil }
  }

  @inlinable @inline(__always)
  var _pointer: UnsafePointer<__mpfr_struct> { UnsafePointer(_storage.pointer) }

  @inlinable @inline(__always)
  mutating func _mutablePointer() -> UnsafeMutablePointer<__mpfr_struct> {
    if !isKnownUniquelyReferenced(&_storage) { _storage = _MPFRStorage(copying: _storage) }
    return _storage.pointer
  }

  /// The precision this value is rounded to.
  public var precision: Precision { .bits(Int(mpfr_get_prec(_pointer))) }
}

extension StringProtocol {
  func trimmingSpaces() -> Substring {
    let s = Substring(self)
    guard let first = s.firstIndex(where: { !$0.isWhitespace }), let last = s.lastIndex(where: { !$0.isWhitespace })
    else { return "" }
    return s[first...last]
  }
}

// MARK: - Queries and conversions

extension BigFloat {
  public var isZero: Bool { mpfr_zero_p(_pointer) != 0 }
  public var isNaN: Bool { mpfr_nan_p(_pointer) != 0 }
  public var isFinite: Bool { mpfr_number_p(_pointer) != 0 }
  /// -1, 0 or 1 (0 also for NaN).
  public var signum: Int { isNaN ? 0 : Int(rmj_mpfr_sgn(_pointer)) }

  /// log10 |self| to double precision, for any exponent; `-infinity` for zero.
  public var log10Magnitude: Double {
    if isZero { return -.infinity }
    var exponent = 0
    let mantissa = mpfr_get_d_2exp(&exponent, _pointer, MPFR_RNDN)
    return (Double(exponent) + _log2(Swift.abs(mantissa))) * 0.301_029_995_663_981_2
  }

  /// The nearest double (±infinity or 0 outside its range).
  public var doubleValue: Double { mpfr_get_d(_pointer, MPFR_RNDN) }

  /// The integer nearest to self (ties to even). Precondition: finite.
  public func roundedToInteger() -> BigInt {
    precondition(isFinite, "rounding a non-finite value")
    var result = BigInt()
    mpfr_get_z(result._mutablePointer(), _pointer, MPFR_RNDN)
    return result
  }

  /// Fixed-point decimal text with `places` digits after the point, rounded to nearest
  /// (`truncate` rounds toward zero instead). Digits beyond the precision are not meaningful;
  /// callers choose `places` within what they have certified.
  public func decimal(places: Int, truncate: Bool = false) -> String {
    precondition(places >= 0, "negative decimal places \(places)")
    if isNaN { return "nan" }
    if !isFinite { return signum < 0 ? "-inf" : "inf" }
    let scaleBits = Int(Double(places) * Precision.bitsPerDigit) + 64
    var scaled = BigFloat(precision: .bits(precision.bits + scaleBits))
    let power = BigInt(10).power(places)
    withExtendedLifetime(power) { _ = mpfr_mul_z(scaled._mutablePointer(), _pointer, power._pointer, MPFR_RNDN) }
    var integer = BigInt()
    withExtendedLifetime(scaled) {
      _ = mpfr_get_z(integer._mutablePointer(), scaled._pointer, truncate ? MPFR_RNDZ : MPFR_RNDN)
    }
    let negative = integer.isNegative
    var digits = integer.magnitude.description
    if places > 0 {
      if digits.count <= places { digits = String(repeating: "0", count: places - digits.count + 1) + digits }
      digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
    }
    return (negative ? "-" : "") + digits
  }

  /// Scientific text with `significantDigits` digits, e.g. `4.99144e0`.
  public func scientific(significantDigits: Int) -> String {
    precondition(significantDigits >= 1, "significant digits \(significantDigits) below 1")
    if isZero { return "0" }
    if !isFinite { return decimal(places: 0) }
    var exponent = 0
    let text = _getString(digits: significantDigits, exponent: &exponent)
    let negative = text.hasPrefix("-")
    let body = negative ? String(text.dropFirst()) : text
    let mantissa = body.count > 1 ? "\(body.prefix(1)).\(body.dropFirst())" : body
    return (negative ? "-" : "") + mantissa + "e\(exponent - 1)"
  }

  func _getString(digits: Int, exponent: inout Int) -> String {
    var exp: mpfr_exp_t = 0
    guard let raw = mpfr_get_str(nil, &exp, 10, digits, _pointer, MPFR_RNDN) else { return "nan" }
    defer { mpfr_free_str(raw) }
    exponent = exp
    return String(cString: raw)
  }
}

extension BigFloat: CustomStringConvertible {
  /// All digits the precision holds, in scientific form.
  public var description: String { scientific(significantDigits: max(1, precision.digits)) }
}
