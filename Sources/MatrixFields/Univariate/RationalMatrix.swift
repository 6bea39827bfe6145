import Multiprecision
import Polynomials
import Recurrences

/// A square matrix over ℚ(n), held as N(n)/d(n): an integer polynomial matrix N over one common
/// denominator d = c·Π fᵢ(n)^eᵢ, kept factored (c > 0, each fᵢ primitive with a positive leading
/// coefficient). The form of trajectory matrices.
///
/// Normal form: no fᵢ divides every entry of N, and gcd(c, content of N) = 1 — the fraction is
/// reduced as far as the known factors of d allow (all of it when they are irreducible, as the
/// linear factors of every known field are).
public struct RationalMatrix: Sendable {
  public let size: Int
  /// The entries of N(n), row-major.
  public let numeratorEntries: [Polynomial]
  /// The positive integer part c of the denominator.
  public let denominatorConstant: BigInt
  /// The polynomial factors of the denominator with exponents ≥ 1.
  public let denominatorFactors: [(polynomial: Polynomial, exponent: Int)]

  /// N/(c·Π fᵢ^eᵢ), reduced. Precondition: c ≠ 0 and no factor is zero.
  public init(
    numerator entries: [Polynomial], size: Int, constant: BigInt = 1,
    factors: [(polynomial: Polynomial, exponent: Int)] = []
  ) {
    precondition(size >= 1 && entries.count == size * size, "a \(size)x\(size) matrix needs \(size * size) entries")
    var c = constant
    var n = entries
    precondition(!c.isZero, "rational matrix with a zero denominator")
    if c.isNegative {
      c.negate()
      n = n.map { -$0 }
    }
    var merged: [Polynomial: Int] = [:]
    for (f, e) in factors where e > 0 {
      precondition(!f.isZero, "rational matrix with a zero denominator factor")
      var unit = f.content
      if f.leadingCoefficient.isNegative { unit.negate() }
      c *= unit.power(e)
      let g = Polynomial(coefficients: f.coefficients.map { $0.dividedExactly(by: unit) })
      if g.degree >= 1 { merged[g, default: 0] += e }
    }
    if c.isNegative {
      c.negate()
      n = n.map { -$0 }
    }
    self.init(_reducing: n, size: size, constant: c, factors: merged)
  }

  /// Reduces N against c and the (normalized, merged) factors.
  init(_reducing entries: [Polynomial], size: Int, constant: BigInt, factors: [Polynomial: Int]) {
    self.size = size
    var n = entries
    if n.allSatisfy(\.isZero) {
      numeratorEntries = n
      denominatorConstant = 1
      denominatorFactors = []
      return
    }
    // Integer content against c: the gcd only ever shrinks, so it stays small.
    var g = constant
    outer: for p in n {
      for x in p.coefficients {
        if g == 1 { break outer }
        if !x.isDivisible(by: g) { g = BigInt.gcd(g, x) }
      }
    }
    if g != 1 { n = n.map { Polynomial(coefficients: $0.coefficients.map { $0.dividedExactly(by: g) }) } }
    let kept = _cancelFactors(&n, factors)
    numeratorEntries = n
    denominatorConstant = constant.dividedExactly(by: g)
    denominatorFactors = kept
  }

  init(
    _normalized entries: [Polynomial], size: Int, constant: BigInt, factors: [(polynomial: Polynomial, exponent: Int)]
  ) {
    self.size = size
    numeratorEntries = entries
    denominatorConstant = constant
    denominatorFactors = factors
  }

  /// An integer polynomial matrix (denominator 1).
  public init(_ m: PolynomialMatrix) {
    self.init(_normalized: m.entries, size: m.size, constant: 1, factors: [])
  }

  /// The r×r identity.
  public static func identity(_ r: Int) -> RationalMatrix {
    RationalMatrix(
      _normalized: (0..<r * r).map { $0 / r == $0 % r ? .one : .zero }, size: r, constant: 1, factors: [])
  }
}

// MARK: - Queries

extension RationalMatrix {
  /// The numerator N(n) as a polynomial matrix (what integer walks multiply).
  public var numerator: PolynomialMatrix { PolynomialMatrix(size: size, entries: numeratorEntries) }

  /// The expanded denominator d(n) = c·Π fᵢ^eᵢ.
  public var denominator: Polynomial {
    denominatorFactors.reduce(Polynomial(constant: denominatorConstant)) { $0 * $1.polynomial.power($1.exponent) }
  }

  /// Whether the denominator is 1.
  public var isPolynomial: Bool { denominatorConstant == 1 && denominatorFactors.isEmpty }

  /// Entry (i, j) as a reduced fraction p/q, q with a positive leading coefficient: the common
  /// denominator's factors divided out of the entry as far as each goes (plus the integer content).
  public subscript(row: Int, column: Int) -> (numerator: Polynomial, denominator: Polynomial) {
    var p = numeratorEntries[row * size + column]
    if p.isZero { return (.zero, .one) }
    var q = Polynomial.one
    for (f, e) in denominatorFactors {
      var k = 0
      while k < e, let smaller = _polynomialQuotient(p, f) {
        p = smaller
        k += 1
      }
      if k < e { q = q * f.power(e - k) }
    }
    let g = BigInt.gcd(p.content, denominatorConstant)
    return (
      Polynomial(coefficients: p.coefficients.map { $0.dividedExactly(by: g) }),
      denominatorConstant.dividedExactly(by: g) * q
    )
  }

  /// The value at an integer n; `nil` where the denominator vanishes.
  public func evaluated(at n: Int) -> [[BigRational]]? {
    let d = denominator(n)
    guard !d.isZero else { return nil }
    return (0..<size).map { i in (0..<size).map { j in BigRational(numeratorEntries[i * size + j](n), d) } }
  }

  /// M(n + k).
  public func shifted(by k: Int) -> RationalMatrix {
    RationalMatrix(
      _normalized: numeratorEntries.map { $0.shifted(by: k) }, size: size, constant: denominatorConstant,
      factors: denominatorFactors.map { ($0.polynomial.shifted(by: k), $0.exponent) })
  }

  /// The largest degree of a numerator entry (−1 for zero).
  public var numeratorDegree: Int { numeratorEntries.map(\.degree).max() ?? -1 }
}

extension RationalMatrix: Equatable {
  /// Mathematical equality N₁·d₂ = N₂·d₁.
  public static func == (lhs: RationalMatrix, rhs: RationalMatrix) -> Bool {
    guard lhs.size == rhs.size else { return false }
    let (d1, d2) = (lhs.denominator, rhs.denominator)
    return zip(lhs.numeratorEntries, rhs.numeratorEntries).allSatisfy { $0 * d2 == $1 * d1 }
  }

  /// Whether lhs = λ·rhs for a nonzero scalar rational function λ (equal projectively).
  public func isProjectivelyEqual(to other: RationalMatrix) -> Bool {
    guard size == other.size else { return false }
    guard let k = numeratorEntries.firstIndex(where: { !$0.isZero }), !other.numeratorEntries[k].isZero else {
      return false
    }
    let (a, b) = (numeratorEntries[k], other.numeratorEntries[k])
    return zip(numeratorEntries, other.numeratorEntries).allSatisfy { $0 * b == $1 * a }
  }
}

extension RationalMatrix: CustomStringConvertible {
  /// Rows of entries, each `p` or `(p)/(q)` reduced: `[[n + 1, -(2n + 3)], [...]]`.
  public var description: String {
    "["
      + (0..<size).map { i in
        "["
          + (0..<size).map { j -> String in
            let (p, q) = self[i, j]
            if q == .one { return p.description }
            let top = p.coefficients.filter { !$0.isZero }.count > 1 ? "(\(p))" : p.description
            let bottom =
              q.coefficients.filter { !$0.isZero }.count > 1 || q.leadingCoefficient != 1 ? "(\(q))" : q.description
            return "\(top)/\(bottom)"
          }.joined(separator: ", ") + "]"
      }.joined(separator: ", ") + "]"
  }
}

// MARK: - Cancellation

/// Divides every entry by the largest power f^k (k ≤ e) of each factor that divides all of them;
/// returns the factors left with their remaining exponents, sorted.
///
/// A linear factor's multiplicity is bounded first by synthetic division of the entries modulo
/// 2⁶¹ − 1 at its root (cheap, one pass per entry); the division itself is exact and checked, so a
/// modular coincidence can only cost time.
func _cancelFactors(_ entries: inout [Polynomial], _ factors: [Polynomial: Int]) -> [(
  polynomial: Polynomial, exponent: Int
)] {
  let nonzero = entries.indices.filter { !entries[$0].isZero }
  let residues = nonzero.map { entries[$0].coefficients.map(_Mod61.residue) }
  var remaining: [(polynomial: Polynomial, exponent: Int)] = []
  var divisorFactors: [(Polynomial, Int)] = []
  for (f, e) in factors {
    var k = e
    if f.degree == 1 {
      let a = _Mod61.residue(f[1])
      if a != 0 {
        let root = _Mod61.mul(_Mod61.sub(0, _Mod61.residue(f[0])), _Mod61.inverse(a))
        for r in residues {
          k = min(k, _rootMultiplicity(r, root, limit: k))
          if k == 0 { break }
        }
      }
    }
    if k > 0 { divisorFactors.append((f, k)) }
    if e > k { remaining.append((f, e - k)) }
  }
  if !divisorFactors.isEmpty {
    let chunks = _machineChunks(divisorFactors)
    var out = entries
    var exact = true
    for i in nonzero {
      guard let q = _dividedByChunks(entries[i], chunks) else {
        exact = false
        break
      }
      out[i] = q
    }
    if exact {
      entries = out
    } else {
      // A modular coincidence: divide factor by factor, as far as each really goes.
      var current: [Polynomial: Int] = [:]
      for (f, e) in factors { current[f] = e }
      for (f, k) in divisorFactors {
        var taken = 0
        while taken < k {
          var next = entries
          var ok = true
          for i in nonzero {
            guard let q = _schoolbookQuotient(entries[i], f) else {
              ok = false
              break
            }
            next[i] = q
          }
          guard ok else { break }
          entries = next
          taken += 1
        }
        current[f]! -= taken
      }
      remaining = current.filter { $0.value > 0 }.map { ($0.key, $0.value) }
    }
  }
  return remaining.filter { $0.exponent > 0 }.sorted { _factorOrder($0.polynomial, $1.polynomial) }
}

/// The product of the factor powers, grouped into chunks whose expanded coefficients fit in
/// machine words (so that long division by each runs with word multipliers); a factor too large on
/// its own is a chunk by itself.
func _machineChunks(_ factors: [(Polynomial, Int)]) -> [Polynomial] {
  var chunks: [Polynomial] = []
  var current = Polynomial.one
  for (f, k) in factors {
    for _ in 0..<k {
      let next = current * f
      if next.coefficients.allSatisfy({ $0.bitWidth < 62 }) {
        current = next
      } else {
        if current.degree >= 1 { chunks.append(current) }
        current = f
      }
    }
  }
  if current.degree >= 1 { chunks.append(current) }
  return chunks
}

/// a divided by every chunk in turn; `nil` when one division is not exact.
func _dividedByChunks(_ a: Polynomial, _ chunks: [Polynomial]) -> Polynomial? {
  var q = a
  for c in chunks {
    guard let next = _polynomialQuotient(q, c) else { return nil }
    q = next
  }
  return q
}

/// A canonical order of factors: by degree, then coefficients from the top.
func _factorOrder(_ a: Polynomial, _ b: Polynomial) -> Bool {
  if a.degree != b.degree { return a.degree < b.degree }
  for k in stride(from: a.degree, through: 0, by: -1) where a[k] != b[k] { return a[k] < b[k] }
  return false
}

/// How many times (up to `limit`) the root r divides the polynomial with these residues mod p.
func _rootMultiplicity(_ residues: [UInt64], _ r: UInt64, limit: Int) -> Int {
  // Most candidates are not roots: one Horner pass decides without copying.
  var value: UInt64 = 0
  for x in residues.reversed() { value = _Mod61.add(_Mod61.mul(value, r), x) }
  if value != 0 || limit == 0 { return 0 }
  var c = residues
  var count = c.count
  var m = 0
  while m < limit && count > 1 {
    // Synthetic division by (n − r) in place: c[k] becomes the quotient's coefficient k−1.
    var carry: UInt64 = 0
    for k in stride(from: count - 1, through: 1, by: -1) {
      carry = _Mod61.add(_Mod61.mul(carry, r), c[k])
      c[k] = carry
    }
    carry = _Mod61.add(_Mod61.mul(carry, r), c[0])
    if carry != 0 { return m }
    for k in 0..<(count - 1) { c[k] = c[k + 1] }
    count -= 1
    m += 1
  }
  return m
}

/// a / f in ℤ[n] when f divides a, else `nil`; Kronecker division with a checked remainder and
/// a coefficient bound that makes the check a proof (see `_Kronecker`).
func _polynomialQuotient(_ a: Polynomial, _ f: Polynomial) -> Polynomial? {
  if a.isZero { return a }
  let qDegree = a.degree - f.degree
  guard qDegree >= 0 else { return nil }
  let bitsA = _Kronecker.maxBits(a)
  if f.degree == 0 || f.coefficients.allSatisfy({ $0.bitWidth < 62 })
    || (qDegree + 1) * (f.degree + 1) * max(1, bitsA) < _Kronecker.schoolbookDivisionWork
  {
    return _schoolbookQuotient(a, f)
  }
  // Mignotte: a true quotient has ‖q‖∞ ≤ 2^deg(q)·‖a‖₂ < 2^(bitsA + log2(deg a + 1)/2 + deg q).
  let qBits = bitsA + _bitLength(a.degree + 1) + qDegree
  // With |q̃| < 2^qBits the product q̃·f has coefficients below 2^(s−1), as a's do, so equal
  // values at 2^s mean equal polynomials: the zero remainder proves the division.
  let s = max(bitsA + 1, qBits + _Kronecker.maxBits(f) + _bitLength(f.degree + 1)) + 2
  let (q, r) = _Kronecker.pack(a.coefficients[...], slotBits: s).floorDivided(
    by: _Kronecker.pack(f.coefficients[...], slotBits: s))
  guard r.isZero else { return nil }
  let coefficients = _Kronecker.unpack(q, slotBits: s, count: qDegree + 1)
  guard coefficients.allSatisfy({ $0.bitWidth < qBits }) else { return nil }
  return Polynomial(coefficients: coefficients)
}

/// a / f by long division with in-place updates (f's coefficients as machine words when they
/// fit), `nil` unless the division is exact.
/// - Complexity: O(deg a · deg f) multiply-adds, one allocation per quotient coefficient.
func _schoolbookQuotient(_ a: Polynomial, _ f: Polynomial) -> Polynomial? {
  precondition(!f.isZero, "division by the zero polynomial")
  if a.isZero { return a }
  let (da, df) = (a.degree, f.degree)
  guard da >= df else { return nil }
  guard let fm = f.machineCoefficients, fm.allSatisfy({ $0 != Int.min }) else { return a.dividedExactly(by: f) }
  var rest = a.coefficients
  let lead = f.leadingCoefficient
  var q = [BigInt](repeating: BigInt(), count: da - df + 1)
  for k in stride(from: da - df, through: 0, by: -1) {
    let top = rest[k + df]
    if top.isZero { continue }
    let qk: BigInt
    switch fm[df] {
    case 1: qk = top
    case -1: qk = -top
    default:
      guard top.isDivisible(by: lead) else { return nil }
      qk = top.dividedExactly(by: lead)
    }
    for j in 0..<df where fm[j] != 0 { rest[k + j].addProduct(qk, -fm[j]) }
    q[k] = qk
  }
  for j in 0..<df where !rest[j].isZero { return nil }
  return Polynomial(coefficients: q)
}
