import _RamanujanShims

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An arbitrary-precision signed integer on GMP (`mpz_t`), a value type with copy on write.
///
/// Arithmetic is exact; division truncates toward zero like Swift's `Int`.
/// - Complexity: GMP's: schoolbook, Karatsuba, Toom and FFT multiplication by size.
/// - SeeAlso: https://gmplib.org/manual/Integer-Functions
public struct BigInt: Sendable {
  @usableFromInline var _storage: _MPZStorage

  @usableFromInline init(_storage: _MPZStorage) { self._storage = _storage }

  /// Zero.
  @inlinable public init() { _storage = _MPZStorage() }

  /// The value of a machine integer.
  @inlinable public init(_ value: Int) {
    _storage = _MPZStorage()
    __gmpz_set_si(_storage.pointer, value)
  }

  /// The value of a 128-bit machine integer.
  public init(_ value: Int128) {
    _storage = _MPZStorage()
    rmj_mpz_set_i128(_storage.pointer, Int64(truncatingIfNeeded: value >> 64), UInt64(truncatingIfNeeded: value))
  }

  /// Parses an optionally signed integer in the given radix (2...36); `nil` when `text` is not one.
  public init?(_ text: some StringProtocol, radix: Int = 10) {
    precondition((2...36).contains(radix), "radix \(radix) is not in 2...36")
    var body = Substring(text)
    var negative = false
    if let first = body.first, first == "-" || first == "+" {
      negative = first == "-"
      body = body.dropFirst()
    }
    // GMP would skip white space inside the digits; we accept digits only.
    guard !body.isEmpty, body.allSatisfy({ _digitValue($0).map { $0 < radix } ?? false }) else { return nil }
    _storage = _MPZStorage()
    let ok = String(body).withCString { __gmpz_set_str(_storage.pointer, $0, Int32(radix)) }
    guard ok == 0 else { return nil }
    if negative { __gmpz_neg(_storage.pointer, _storage.pointer) }
  }

  /// A storage that may be written: copies it first when it is shared.
  @inlinable @inline(__always)
  package mutating func _mutablePointer() -> UnsafeMutablePointer<__mpz_struct> {
    if !isKnownUniquelyReferenced(&_storage) { _storage = _MPZStorage(copying: _storage) }
    return _storage.pointer
  }

  @inlinable @inline(__always)
  var _pointer: UnsafePointer<__mpz_struct> { UnsafePointer(_storage.pointer) }
}

// MARK: - Queries

extension BigInt {
  /// -1, 0 or 1.
  @inlinable public var signum: Int { Int(rmj_mpz_sgn(_pointer)) }
  @inlinable public var isZero: Bool { signum == 0 }
  @inlinable public var isNegative: Bool { signum < 0 }
  public var isOdd: Bool { rmj_mpz_odd(_pointer) != 0 }

  /// Number of bits of |self| (0 for zero).
  public var bitWidth: Int { isZero ? 0 : Int(__gmpz_sizeinbase(_pointer, 2)) }

  /// log2 |self| to double precision; `-infinity` for zero. Exact for any size (no overflow).
  public var log2Magnitude: Double {
    if isZero { return -.infinity }
    var exponent = 0
    let mantissa = __gmpz_get_d_2exp(&exponent, _pointer)
    return Double(exponent) + log2(Swift.abs(mantissa))
  }

  /// log10 |self| to double precision; `-infinity` for zero.
  public var log10Magnitude: Double { log2Magnitude * 0.301_029_995_663_981_2 }

  /// |self|.
  public var magnitude: BigInt {
    var result = BigInt()
    __gmpz_abs(result._mutablePointer(), _pointer)
    return result
  }

  /// Decimal digits of |self| (1 for zero).
  public var decimalDigitCount: Int { isZero ? 1 : magnitude.description.count }
}

/// The value of an ASCII digit or letter as a digit in radix up to 36.
func _digitValue(_ c: Character) -> Int? {
  guard let ascii = c.asciiValue else { return nil }
  switch ascii {
  case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(ascii - UInt8(ascii: "0"))
  case UInt8(ascii: "a")...UInt8(ascii: "z"): return Int(ascii - UInt8(ascii: "a")) + 10
  case UInt8(ascii: "A")...UInt8(ascii: "Z"): return Int(ascii - UInt8(ascii: "A")) + 10
  default: return nil
  }
}

// MARK: - Conversions

extension Int {
  /// The value of `x` when it fits in a machine word.
  public init?(exactly x: BigInt) {
    guard __gmpz_fits_slong_p(x._pointer) != 0 else { return nil }
    self = __gmpz_get_si(x._pointer)
  }
}

extension Double {
  /// The nearest double (ties to even), or ±infinity beyond the double range.
  public init(_ x: BigInt) {
    if x.bitWidth <= 53 { self = __gmpz_get_d(x._pointer); return }  // exact
    // mpz_get_d truncates toward zero; MPFR rounds to nearest once, and overflows to ±infinity.
    self = BigFloat(x, precision: .bits(53)).doubleValue
  }
}

extension BigInt: CustomStringConvertible, LosslessStringConvertible {
  public init?(_ description: String) { self.init(description, radix: 10) }

  /// Decimal text, with a leading `-` for negatives.
  public var description: String { toString(radix: 10) }

  /// Text in the given radix (2...36), lowercase digits.
  public func toString(radix: Int) -> String {
    precondition((2...36).contains(radix), "radix \(radix) is not in 2...36")
    let capacity = __gmpz_sizeinbase(_pointer, Int32(radix)) + 2
    return String(unsafeUninitializedCapacity: capacity) { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        _ = __gmpz_get_str(chars.baseAddress, Int32(radix), _pointer)
        return strlen(chars.baseAddress!)
      }
    }
  }
}

extension BigInt: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self.init(value) }
}

// MARK: - Equality, order, hashing

extension BigInt: Hashable, Comparable {
  @inlinable public static func == (lhs: BigInt, rhs: BigInt) -> Bool {
    __gmpz_cmp(lhs._pointer, rhs._pointer) == 0
  }
  @inlinable public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
    __gmpz_cmp(lhs._pointer, rhs._pointer) < 0
  }
  /// Compares with a machine integer without allocating.
  @inlinable public func compare(to value: Int) -> Int {
    Int(rmj_mpz_cmp_si(_pointer, value)).signum()
  }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(signum)
    let limbs = __gmpz_size(_pointer)
    for i in 0..<limbs { hasher.combine(__gmpz_getlimbn(_pointer, mp_size_t(i))) }
  }
}
