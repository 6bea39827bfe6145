import Multiprecision
import Polynomials

/// Arithmetic modulo a prime m < 2⁶³ chosen at random, for checks of rational-function
/// identities at random points: reducing modulo m is a ring map wherever the denominators stay
/// nonzero, so a mismatch at a point proves that an identity fails, and (Schwartz–Zippel) a
/// failing identity of degree D survives a random point with probability at most D/m — and a
/// random m divides the integer coefficients of a nonzero difference only with tiny probability,
/// which no fixed modulus can promise against crafted input.
struct _PrimeField: Sendable, Equatable {
  let modulus: UInt64

  /// A prime in [2⁶¹, 2⁶²) drawn from `generator`.
  static func random<G: RandomNumberGenerator>(using generator: inout G) -> _PrimeField {
    while true {
      let candidate = UInt64.random(in: (1 << 61)...((1 << 62) - 1), using: &generator) | 1
      if _isPrime(candidate) { return _PrimeField(modulus: candidate) }
    }
  }

  @inline(__always)
  func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let s = a &+ b  // both < 2⁶², no overflow
    return s >= modulus ? s - modulus : s
  }

  @inline(__always)
  func sub(_ a: UInt64, _ b: UInt64) -> UInt64 { a >= b ? a - b : a &+ modulus &- b }

  @inline(__always)
  func mul(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let (high, low) = a.multipliedFullWidth(by: b)
    return modulus.dividingFullWidth((high, low)).remainder
  }

  func power(_ a: UInt64, _ e: UInt64) -> UInt64 {
    var result: UInt64 = 1
    var base = a
    var k = e
    while k > 0 {
      if k & 1 == 1 { result = mul(result, base) }
      base = mul(base, base)
      k >>= 1
    }
    return result
  }

  /// a⁻¹. Precondition: a ≠ 0.
  func inverse(_ a: UInt64) -> UInt64 { power(a, modulus - 2) }

  func residue(_ x: BigInt) -> UInt64 { UInt64(x.remainder(dividingBy: UInt(modulus))) }

  func residue(_ x: Int) -> UInt64 {
    let r = x % Int(modulus)
    return UInt64(r < 0 ? r + Int(modulus) : r)
  }

  /// f(point), each power of a coordinate computed once.
  func evaluate(_ f: MultivariatePolynomial, at point: [UInt64]) -> UInt64 {
    var powers = point.map { [1, $0] }
    var sum: UInt64 = 0
    for (m, c) in f.terms {
      var t = residue(c)
      for (i, e) in m.exponents.enumerated() where e > 0 {
        while powers[i].count <= e { powers[i].append(mul(powers[i].last!, point[i])) }
        t = mul(t, powers[i][e])
      }
      sum = add(sum, t)
    }
    return sum
  }

  /// f(point) for a rational function; `nil` where its denominator vanishes modulo m.
  func evaluate(_ f: MultivariateRationalFunction, at point: [UInt64]) -> UInt64? {
    var denominator = residue(f.denominatorConstant)
    for (g, e) in f.denominatorFactors { denominator = mul(denominator, power(evaluate(g, at: point), UInt64(e))) }
    guard denominator != 0 else { return nil }
    return mul(evaluate(f.numerator, at: point), inverse(denominator))
  }

  /// The r×r product a·b of row-major matrices.
  func product(_ a: [UInt64], _ b: [UInt64], size r: Int) -> [UInt64] {
    var out = [UInt64](repeating: 0, count: r * r)
    for i in 0..<r {
      for k in 0..<r where a[i * r + k] != 0 {
        for j in 0..<r { out[i * r + j] = add(out[i * r + j], mul(a[i * r + k], b[k * r + j])) }
      }
    }
    return out
  }
}

/// A residue modulo a `_PrimeField`'s prime, as a ring element (the pFq equation is generic).
struct _Residue: _CommutativeRing, _IntegerScalable {
  let value: UInt64
  let field: _PrimeField

  static func + (lhs: _Residue, rhs: _Residue) -> _Residue {
    _Residue(value: lhs.field.add(lhs.value, rhs.value), field: lhs.field)
  }

  static func - (lhs: _Residue, rhs: _Residue) -> _Residue {
    _Residue(value: lhs.field.sub(lhs.value, rhs.value), field: lhs.field)
  }

  static func * (lhs: _Residue, rhs: _Residue) -> _Residue {
    _Residue(value: lhs.field.mul(lhs.value, rhs.value), field: lhs.field)
  }

  var isZero: Bool { value == 0 }

  func _scaled(by c: BigInt) -> _Residue { _Residue(value: field.mul(field.residue(c), value), field: field) }
}

/// Deterministic Miller–Rabin for n < 2⁶⁴ (the first twelve primes as bases suffice).
func _isPrime(_ n: UInt64) -> Bool {
  if n < 2 { return false }
  let bases: [UInt64] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
  for p in bases where n % p == 0 { return n == p }
  var d = n - 1
  var s = 0
  while d & 1 == 0 {
    d >>= 1
    s += 1
  }
  func mulMod(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let (high, low) = a.multipliedFullWidth(by: b)
    return n.dividingFullWidth((high, low)).remainder
  }
  outer: for a in bases {
    var x: UInt64 = 1
    var base = a % n
    var k = d
    while k > 0 {
      if k & 1 == 1 { x = mulMod(x, base) }
      base = mulMod(base, base)
      k >>= 1
    }
    if x == 1 || x == n - 1 { continue }
    for _ in 1..<max(1, s) {
      x = mulMod(x, x)
      if x == n - 1 { continue outer }
    }
    return false
  }
  return true
}
