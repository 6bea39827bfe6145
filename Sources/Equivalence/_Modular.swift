import Multiprecision
import Polynomials

/// Arithmetic modulo a prime p < 2³¹: products fit a machine word before reduction, which keeps
/// the elimination loops of the gauge solver to one multiplication and one remainder per entry.
struct _Modulus: Sendable, Equatable {
  let p: UInt64

  @inline(__always) func add(_ a: UInt64, _ b: UInt64) -> UInt64 {
    let s = a + b
    return s >= p ? s - p : s
  }
  @inline(__always) func sub(_ a: UInt64, _ b: UInt64) -> UInt64 { a >= b ? a - b : a + p - b }
  @inline(__always) func mul(_ a: UInt64, _ b: UInt64) -> UInt64 { (a * b) % p }
  @inline(__always) func neg(_ a: UInt64) -> UInt64 { a == 0 ? 0 : p - a }

  func power(_ a: UInt64, _ e: UInt64) -> UInt64 {
    var (result, base, k): (UInt64, UInt64, UInt64) = (1, a % p, e)
    while k > 0 {
      if k & 1 == 1 { result = mul(result, base) }
      base = mul(base, base)
      k >>= 1
    }
    return result
  }

  /// a⁻¹ by Fermat. Precondition: a ≢ 0.
  func inverse(_ a: UInt64) -> UInt64 { power(a, p - 2) }

  func residue(_ x: BigInt) -> UInt64 {
    let r = UInt64(x.magnitude.remainder(dividingBy: UInt(p)))
    return x.isNegative ? neg(r) : r
  }

  func residue(_ x: Int) -> UInt64 {
    let r = x % Int(p)
    return UInt64(r < 0 ? r + Int(p) : r)
  }

  /// The residues of a polynomial's coefficients, lowest degree first.
  func residues(_ f: Polynomial) -> [UInt64] { f.coefficients.map(residue) }

  /// f(x) mod p by Horner's rule on precomputed coefficient residues.
  @inline(__always) func evaluate(_ c: [UInt64], at x: UInt64) -> UInt64 {
    var v: UInt64 = 0
    for coefficient in c.reversed() { v = add(mul(v, x), coefficient) }
    return v
  }

  /// The primes below 2³¹ in descending order, the first `count` of them (trial division).
  static func primes(count: Int) -> [_Modulus] {
    var out: [_Modulus] = []
    var candidate: UInt64 = (1 << 31) - 1
    while out.count < count {
      if _isSmallPrime(candidate) { out.append(_Modulus(p: candidate)) }
      candidate -= 2
    }
    return out
  }
}

func _isSmallPrime(_ n: UInt64) -> Bool {
  if n < 2 { return false }
  if n % 2 == 0 { return n == 2 }
  var d: UInt64 = 3
  while d * d <= n {
    if n % d == 0 { return false }
    d += 2
  }
  return true
}

/// The nullspace of a dense matrix modulo p (rows of equal length), by Gauss–Jordan elimination.
/// Returns a basis, one vector per free column (the free entry 1, the other free entries 0).
/// - Complexity: O(rows·columns·rank) multiplications modulo p.
func _nullspace(_ rows: [[UInt64]], columns: Int, modulus f: _Modulus) -> [[UInt64]] {
  var a = rows
  var pivotColumns: [Int] = []
  var r = 0
  for c in 0..<columns where r < a.count {
    guard let k = (r..<a.count).first(where: { a[$0][c] != 0 }) else { continue }
    a.swapAt(r, k)
    let inv = f.inverse(a[r][c])
    if inv != 1 { for j in c..<columns { a[r][j] = f.mul(a[r][j], inv) } }
    let pivotRow = a[r]
    for i in 0..<a.count where i != r && a[i][c] != 0 {
      let factor = f.neg(a[i][c])
      a[i].withUnsafeMutableBufferPointer { row in
        pivotRow.withUnsafeBufferPointer { pr in
          for j in c..<columns where pr[j] != 0 { row[j] = (row[j] + factor * pr[j]) % f.p }
        }
      }
    }
    pivotColumns.append(c)
    r += 1
  }
  var isPivot = [Bool](repeating: false, count: columns)
  for c in pivotColumns { isPivot[c] = true }
  var basis: [[UInt64]] = []
  for free in 0..<columns where !isPivot[free] {
    var v = [UInt64](repeating: 0, count: columns)
    v[free] = 1
    for (i, c) in pivotColumns.enumerated() { v[c] = f.neg(a[i][free]) }
    basis.append(v)
  }
  return basis
}

/// Chinese remaindering of residues into [0, M) and rational reconstruction of x/y with
/// |x|, y ≤ √(M/2) (Wang's algorithm by the extended Euclidean algorithm).
struct _RationalReconstruction {
  private(set) var modulus = BigInt(1)
  private(set) var values: [BigInt] = []

  /// Adds the residues of the same values modulo a new prime.
  mutating func add(_ residues: [UInt64], modulus f: _Modulus) {
    let p = BigInt(Int(f.p))
    if values.isEmpty {
      values = residues.map { BigInt(Int($0)) }
      modulus = p
      return
    }
    // x ≡ v (mod M), x ≡ r (mod p): x = v + M·((r − v)·M⁻¹ mod p).
    let mInverse = f.inverse(f.residue(modulus))
    for i in values.indices {
      let t = f.mul(f.sub(residues[i], f.residue(values[i])), mInverse)
      values[i] += modulus * BigInt(Int(t))
    }
    modulus *= p
  }

  /// The reconstructed fractions, or `nil` if one does not fit the bound.
  func rationals() -> [BigRational]? {
    let bound = (modulus / 2).squareRoot()
    var out: [BigRational] = []
    for v in values {
      guard let q = Self.reconstruct(v, modulus: modulus, bound: bound) else { return nil }
      out.append(q)
    }
    return out
  }

  static func reconstruct(_ v: BigInt, modulus m: BigInt, bound: BigInt) -> BigRational? {
    var (r0, r1) = (m, v)
    var (t0, t1) = (BigInt(0), BigInt(1))
    while r1 > bound {
      let q = r0.floorDivided(by: r1).quotient
      (r0, r1) = (r1, r0 - q * r1)
      (t0, t1) = (t1, t0 - q * t1)
    }
    guard !t1.isZero, t1.magnitude <= bound, BigInt.gcd(r1, t1) == 1 else { return nil }
    return BigRational(r1, t1)
  }
}
