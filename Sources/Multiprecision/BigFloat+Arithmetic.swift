import _RamanujanShims

extension BigFloat: Comparable {
  /// NaN compares unequal to everything.
  public static func == (lhs: BigFloat, rhs: BigFloat) -> Bool { mpfr_equal_p(lhs._pointer, rhs._pointer) != 0 }
  public static func < (lhs: BigFloat, rhs: BigFloat) -> Bool { mpfr_less_p(lhs._pointer, rhs._pointer) != 0 }
}

extension BigFloat {
  typealias _Binary = (
    UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t
  ) -> Int32
  typealias _Unary = (UnsafeMutablePointer<__mpfr_struct>, UnsafePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32

  static func _apply(_ op: _Binary, _ lhs: BigFloat, _ rhs: BigFloat) -> BigFloat {
    var result = BigFloat(precision: max(lhs.precision, rhs.precision))
    _ = op(result._mutablePointer(), lhs._pointer, rhs._pointer, MPFR_RNDN)
    return result
  }

  func _apply(_ op: _Unary) -> BigFloat {
    var result = BigFloat(precision: precision)
    _ = op(result._mutablePointer(), _pointer, MPFR_RNDN)
    return result
  }

  public static func + (lhs: BigFloat, rhs: BigFloat) -> BigFloat { _apply(mpfr_add, lhs, rhs) }
  public static func - (lhs: BigFloat, rhs: BigFloat) -> BigFloat { _apply(mpfr_sub, lhs, rhs) }
  public static func * (lhs: BigFloat, rhs: BigFloat) -> BigFloat { _apply(mpfr_mul, lhs, rhs) }
  /// Division; by zero gives ±infinity or NaN as IEEE does.
  public static func / (lhs: BigFloat, rhs: BigFloat) -> BigFloat { _apply(mpfr_div, lhs, rhs) }
  public static prefix func - (x: BigFloat) -> BigFloat { x._apply(mpfr_neg) }
  public static func += (lhs: inout BigFloat, rhs: BigFloat) { lhs = lhs + rhs }
  public static func -= (lhs: inout BigFloat, rhs: BigFloat) { lhs = lhs - rhs }
  public static func *= (lhs: inout BigFloat, rhs: BigFloat) { lhs = lhs * rhs }
  public static func /= (lhs: inout BigFloat, rhs: BigFloat) { lhs = lhs / rhs }

  public static func * (lhs: BigFloat, rhs: Int) -> BigFloat {
    var result = BigFloat(precision: lhs.precision)
    mpfr_mul_si(result._mutablePointer(), lhs._pointer, rhs, MPFR_RNDN)
    return result
  }
  public static func / (lhs: BigFloat, rhs: Int) -> BigFloat {
    var result = BigFloat(precision: lhs.precision)
    mpfr_div_si(result._mutablePointer(), lhs._pointer, rhs, MPFR_RNDN)
    return result
  }
  public static func + (lhs: BigFloat, rhs: Int) -> BigFloat {
    var result = BigFloat(precision: lhs.precision)
    mpfr_add_si(result._mutablePointer(), lhs._pointer, rhs, MPFR_RNDN)
    return result
  }
  public static func - (lhs: BigFloat, rhs: Int) -> BigFloat {
    // Not `lhs + (-rhs)`: negating Int.min traps.
    var result = BigFloat(precision: lhs.precision)
    mpfr_sub_si(result._mutablePointer(), lhs._pointer, rhs, MPFR_RNDN)
    return result
  }
  /// `lhs / rhs` with an integer numerator.
  public static func / (lhs: Int, rhs: BigFloat) -> BigFloat {
    var result = BigFloat(precision: rhs.precision)
    mpfr_si_div(result._mutablePointer(), lhs, rhs._pointer, MPFR_RNDN)
    return result
  }

  /// |self|.
  public var magnitude: BigFloat { _apply(mpfr_abs) }
  /// √self (NaN for negatives).
  public func squareRoot() -> BigFloat { _apply(mpfr_sqrt) }
  /// Natural logarithm (NaN for negatives, -infinity at 0).
  public func log() -> BigFloat { _apply(mpfr_log) }
  /// Base-10 logarithm.
  public func log10() -> BigFloat { _apply(mpfr_log10) }
  /// e^self.
  public func exp() -> BigFloat { _apply(mpfr_exp) }
  /// self^k for an integer k.
  public func power(_ k: Int) -> BigFloat {
    var result = BigFloat(precision: precision)
    mpfr_pow_si(result._mutablePointer(), _pointer, k, MPFR_RNDN)
    return result
  }
  /// self^y.
  public func power(_ y: BigFloat) -> BigFloat { BigFloat._apply(mpfr_pow, self, y) }
  /// The real k-th root (k ≥ 1).
  public func root(_ k: Int) -> BigFloat {
    precondition(k >= 1, "root of order \(k)")
    var result = BigFloat(precision: precision)
    mpfr_rootn_ui(result._mutablePointer(), _pointer, UInt(k), MPFR_RNDN)
    return result
  }
}

// MARK: - MPFR's constants and special functions

extension BigFloat {
  typealias _Constant = (UnsafeMutablePointer<__mpfr_struct>, mpfr_rnd_t) -> Int32

  static func _constant(_ f: _Constant, _ precision: Precision) -> BigFloat {
    var result = BigFloat(precision: precision)
    _ = f(result._mutablePointer(), MPFR_RNDN)
    return result
  }

  /// π, by MPFR's AGM-based `mpfr_const_pi`.
  public static func pi(_ precision: Precision) -> BigFloat { _constant(mpfr_const_pi, precision) }
  /// ln 2.
  public static func log2(_ precision: Precision) -> BigFloat { _constant(mpfr_const_log2, precision) }
  /// Euler–Mascheroni γ (Brent–McMillan in MPFR).
  public static func eulerGamma(_ precision: Precision) -> BigFloat { _constant(mpfr_const_euler, precision) }
  /// Catalan's constant G.
  public static func catalan(_ precision: Precision) -> BigFloat { _constant(mpfr_const_catalan, precision) }
  /// e = exp(1).
  public static func e(_ precision: Precision) -> BigFloat { BigFloat(1, precision: precision).exp() }

  /// ζ(k) for an integer k ≥ 2 (MPFR's `mpfr_zeta_ui`).
  public static func zeta(_ k: Int, _ precision: Precision) -> BigFloat {
    precondition(k >= 2, "zeta(\(k)) diverges or is not in the catalog")
    var result = BigFloat(precision: precision)
    mpfr_zeta_ui(result._mutablePointer(), UInt(k), MPFR_RNDN)
    return result
  }

  /// The exponential integral Ei(x); for x < 0 it is −E1(−x).
  public func exponentialIntegral() -> BigFloat { _apply(mpfr_eint) }
}
