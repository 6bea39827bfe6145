import _RamanujanShims

extension BigInt: AdditiveArithmetic, Numeric, SignedNumeric {
  public typealias Magnitude = BigInt

  public init?<T: BinaryInteger>(exactly source: T) {
    if let small = Int(exactly: source) {
      self.init(small)
    } else {
      guard let parsed = BigInt(String(source)) else { return nil }
      self = parsed
    }
  }

  public static var zero: BigInt { BigInt() }

  @inlinable public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
    var result = BigInt()
    __gmpz_add(result._mutablePointer(), lhs._pointer, rhs._pointer)
    return result
  }

  @inlinable public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
    var result = BigInt()
    __gmpz_sub(result._mutablePointer(), lhs._pointer, rhs._pointer)
    return result
  }

  @inlinable public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
    var result = BigInt()
    __gmpz_mul(result._mutablePointer(), lhs._pointer, rhs._pointer)
    return result
  }

  @inlinable public static prefix func - (operand: BigInt) -> BigInt {
    var result = BigInt()
    __gmpz_neg(result._mutablePointer(), operand._pointer)
    return result
  }

  @inlinable public static func += (lhs: inout BigInt, rhs: BigInt) {
    let r = rhs._pointer  // taken first: `rhs` may share storage with `lhs`
    __gmpz_add(lhs._mutablePointer(), lhs._pointer, r)
  }

  @inlinable public static func -= (lhs: inout BigInt, rhs: BigInt) {
    let r = rhs._pointer
    __gmpz_sub(lhs._mutablePointer(), lhs._pointer, r)
  }

  @inlinable public static func *= (lhs: inout BigInt, rhs: BigInt) {
    let r = rhs._pointer
    __gmpz_mul(lhs._mutablePointer(), lhs._pointer, r)
  }

  public mutating func negate() { __gmpz_neg(_mutablePointer(), _pointer) }
}

// MARK: - Division

extension BigInt {
  /// Quotient truncated toward zero. Precondition: `rhs` is not zero.
  public static func / (lhs: BigInt, rhs: BigInt) -> BigInt {
    precondition(!rhs.isZero, "division by zero")
    var result = BigInt()
    __gmpz_tdiv_q(result._mutablePointer(), lhs._pointer, rhs._pointer)
    return result
  }

  /// Remainder with the sign of `lhs` (truncated division). Precondition: `rhs` is not zero.
  public static func % (lhs: BigInt, rhs: BigInt) -> BigInt {
    precondition(!rhs.isZero, "division by zero")
    var result = BigInt()
    __gmpz_tdiv_r(result._mutablePointer(), lhs._pointer, rhs._pointer)
    return result
  }

  /// Floor quotient and the non-negative-or-same-sign-as-divisor remainder.
  public func floorDivided(by divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
    precondition(!divisor.isZero, "division by zero")
    var q = BigInt()
    var r = BigInt()
    __gmpz_fdiv_qr(q._mutablePointer(), r._mutablePointer(), _pointer, divisor._pointer)
    return (q, r)
  }

  /// `self / divisor` when the division is known to be exact (faster than `/`).
  /// Precondition: `divisor` divides `self`.
  public func dividedExactly(by divisor: BigInt) -> BigInt {
    precondition(!divisor.isZero, "division by zero")
    var result = BigInt()
    __gmpz_divexact(result._mutablePointer(), _pointer, divisor._pointer)
    return result
  }

  /// Whether `divisor` divides `self` (zero divides only zero).
  public func isDivisible(by divisor: BigInt) -> Bool {
    __gmpz_divisible_p(_pointer, divisor._pointer) != 0
  }

  /// `self · 2^shift` (shift ≥ 0) or `⌊self / 2^-shift⌋` toward zero (shift < 0).
  public func shifted(by shift: Int) -> BigInt {
    var result = BigInt()
    if shift >= 0 {
      __gmpz_mul_2exp(result._mutablePointer(), _pointer, mp_bitcnt_t(shift))
    } else {
      __gmpz_tdiv_q_2exp(result._mutablePointer(), _pointer, mp_bitcnt_t(-shift))
    }
    return result
  }
}

// MARK: - Number theory

extension BigInt {
  /// The non-negative greatest common divisor; gcd(0, 0) = 0.
  /// - Complexity: GMP's subquadratic (HGCD) gcd on large operands.
  public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt {
    var result = BigInt()
    __gmpz_gcd(result._mutablePointer(), a._pointer, b._pointer)
    return result
  }

  /// The non-negative least common multiple; 0 when either is 0.
  public static func lcm(_ a: BigInt, _ b: BigInt) -> BigInt {
    var result = BigInt()
    __gmpz_lcm(result._mutablePointer(), a._pointer, b._pointer)
    return result
  }

  /// `self^exponent`.
  public func power(_ exponent: Int) -> BigInt {
    precondition(exponent >= 0, "negative exponent \(exponent)")
    var result = BigInt()
    __gmpz_pow_ui(result._mutablePointer(), _pointer, UInt(exponent))
    return result
  }

  /// n!
  public static func factorial(_ n: Int) -> BigInt {
    precondition(n >= 0, "factorial of negative \(n)")
    var result = BigInt()
    __gmpz_fac_ui(result._mutablePointer(), UInt(n))
    return result
  }

  /// ⌊√self⌋. Precondition: self ≥ 0.
  public func squareRoot() -> BigInt {
    precondition(!isNegative, "square root of negative \(self)")
    var result = BigInt()
    __gmpz_sqrt(result._mutablePointer(), _pointer)
    return result
  }
}

// MARK: - In-place kernels for hot loops (package-internal)

extension BigInt {
  /// self *= v. Aliasing-safe.
  @inlinable @inline(__always)
  package mutating func multiply(by v: Int) {
    let p = _mutablePointer()
    __gmpz_mul_si(p, p, v)
  }

  /// self += x · v. `x` must not share storage with `self`.
  @inlinable @inline(__always)
  package mutating func addProduct(_ x: BigInt, _ v: Int) {
    rmj_mpz_addmul_si(_mutablePointer(), x._pointer, v)
  }

  /// self += x · y. `x`, `y` must not share storage with `self`.
  @inlinable @inline(__always)
  package mutating func addProduct(_ x: BigInt, _ y: BigInt) {
    __gmpz_addmul(_mutablePointer(), x._pointer, y._pointer)
  }

  /// self = x · y (overwrites). `x`, `y` may share storage with each other, not with `self`.
  @inlinable @inline(__always)
  package mutating func setProduct(_ x: BigInt, _ y: BigInt) {
    __gmpz_mul(_mutablePointer(), x._pointer, y._pointer)
  }

  /// self = x · v (overwrites).
  @inlinable @inline(__always)
  package mutating func setProduct(_ x: BigInt, _ v: Int) {
    __gmpz_mul_si(_mutablePointer(), x._pointer, v)
  }

  /// self = v for a 128-bit machine value.
  @inlinable @inline(__always)
  package mutating func set(_ v: Int128) {
    rmj_mpz_set_i128(_mutablePointer(), Int64(truncatingIfNeeded: v >> 64), UInt64(truncatingIfNeeded: v))
  }

  /// self = v.
  @inlinable @inline(__always)
  package mutating func set(_ v: Int) {
    __gmpz_set_si(_mutablePointer(), v)
  }

  /// self += v.
  @inlinable @inline(__always)
  package mutating func add(_ v: Int) {
    let p = _mutablePointer()
    if v >= 0 { __gmpz_add_ui(p, p, UInt(v)) } else { __gmpz_sub_ui(p, p, v.magnitude) }
  }
}
