import Multiprecision
import Polynomials
import Recurrences

/// Finds gauge matrices between two walks: U(n) with entries in ℤ[n] of degree ≤ `maxDegree` and
/// a rational m(n) with F₁(n)·U(n+1) = m(n)·U(n)·F₂(n).
///
/// Method (modular, then exact). Telescoping the identity, X(i) = W₁(i)⁻¹·V·W₂(i) is proportional
/// to U(i) for every i ≥ 1, where W(i) = F(1)···F(i−1) and V = U(1) (m has no zero or pole at a
/// positive integer when no b vanishes there, since its numerator divides det F₁ and its
/// denominator det F₂ once U is primitive). The 2×2 minors of (X(i), U(i)) are bilinear in the
/// unknown V and the unknown coefficients of U; linearized in the products V_a·u_b they form a
/// linear system modulo a prime p, whose nullspace is V ⊗ {g·U}. V is read from it, then U of the
/// least degree from the smaller system with V fixed. The coefficients of U modulo several primes
/// are combined by Chinese remaindering and rational reconstruction, and the candidate is accepted
/// only when `Gauge.certify` checks the identity exactly in ℤ[n]: a modular accident can cost a
/// retry, never a false certificate.
/// - SeeAlso: the propagation U(i) = F₁(i−1)⁻¹·U(i−1)·F₂(i−1) of the 2025 study "From Euler to AI:
///   unifying formulas for mathematical constants" (there U(1) comes from the limits; here from the
///   nullspace, so no digits of the limits are needed).
public struct GaugeSolver: Sendable {
  /// The largest entry degree of U tried.
  public let maxDegree: Int
  /// The most primes combined before giving up on reconstructing U's coefficients.
  public let maxPrimes: Int

  /// The largest `maxDegree` accepted: the linear system has 16·(D+1) unknowns for 2×2 walks.
  public static let degreeLimit = 40

  /// Precondition: 0 ≤ maxDegree ≤ `degreeLimit`, maxPrimes ≥ 2.
  public init(maxDegree: Int = 16, maxPrimes: Int = 40) {
    precondition(
      maxDegree >= 0 && maxDegree <= Self.degreeLimit, "maxDegree \(maxDegree) must be in 0...\(Self.degreeLimit)")
    precondition(maxPrimes >= 2, "maxPrimes \(maxPrimes) must be ≥ 2")
    self.maxDegree = maxDegree
    self.maxPrimes = maxPrimes
  }

  /// The degrees tried in turn: a ladder roughly doubling up to `maxDegree` (a system at degree D
  /// also finds every U of lower degree, as g·U fills the rest of its nullspace).
  var ladder: [Int] {
    var out: [Int] = []
    var d = 2
    while d < maxDegree {
      out.append(d)
      d = d * 2 + 1
    }
    out.append(maxDegree)
    return out
  }

  /// A gauge between the folded steps F₁ and F₂ (square, same size), or `nil` when none of entry
  /// degree ≤ `maxDegree` exists (or its coefficients need more than `maxPrimes` primes). When
  /// several independent gauges exist, the first of `pencil(_:_:folds:)`.
  /// Precondition: F₁, F₂ are square of equal size ≤ 3, with det F_i(n) ≠ 0 at every integer n ≥ 1
  /// (a PCF whose b never vanishes there).
  /// - Complexity: about (s⁴·(D+1))³ operations modulo a word prime per degree of the ladder (s the
  ///   size, D the degree), plus one system of the same size per prime needed for the coefficients.
  public func solve(_ f1: PolynomialMatrix, _ f2: PolynomialMatrix, folds: (Int, Int) = (1, 1)) -> Gauge? {
    pencil(f1, f2, folds: folds).first
  }

  /// Independent gauges between F₁ and F₂ whose starts U(1) span every start of a gauge of entry
  /// degree ≤ `maxDegree` (usually one; two or more when the walks have polynomial symmetries, as
  /// slowly converging fractions sometimes do). Each is exact (`Gauge.certify`); the list is empty
  /// when none exists or the coefficients could not be reconstructed within `maxPrimes` primes.
  /// Preconditions and cost as `solve`.
  public func pencil(_ f1: PolynomialMatrix, _ f2: PolynomialMatrix, folds: (Int, Int) = (1, 1)) -> [Gauge] {
    precondition(f1.size == f2.size && f1.size <= 3, "gauge solver needs equal sizes ≤ 3")
    // Constant multipliers first: a linear system, and it sees whole pencils.
    for c in Self.constantMultipliers(f1, f2) {
      let gauges = constantPencil(f1, f2, multiplier: c, folds: folds)
      if !gauges.isEmpty { return gauges }
    }
    let primes = _Modulus.primes(count: maxPrimes + 8)
    var primeIndex = 0
    // The ladder degree where starts exist, and the starts' gauges modulo the first usable prime.
    var found: (degree: Int, gauges: [(Int, [UInt64])], valid: [Int], modulus: _Modulus)?
    ladder: for d in ladder {
      primeIndex = 0
      while primeIndex < primes.count {
        let p = primes[primeIndex]
        primeIndex += 1
        guard let system = _GaugeSystem(f1, f2, degree: d, modulus: p) else { continue }  // unlucky prime
        let starts = system.startCandidates()
        if starts.isEmpty { break }
        let all = starts.map { system.gauge(start: $0) }
        let valid = all.indices.filter { all[$0] != nil }
        if valid.isEmpty { break }
        found = (system.degree, valid.map { all[$0]! }, valid, p)
        break ladder
      }
    }
    guard let first = found else { return [] }
    let pivots = first.gauges.map { g in g.1.firstIndex { $0 != 0 }! }
    var crts = first.gauges.indices.map { j in
      var crt = _RationalReconstruction()
      crt.add(Self.normalized(first.gauges[j].1, pivot: pivots[j], modulus: first.modulus), modulus: first.modulus)
      return crt
    }
    var previous: [[BigRational]?] = Array(repeating: nil, count: crts.count)
    var done: [Gauge?] = Array(repeating: nil, count: crts.count)
    var used = 1
    while used < maxPrimes && primeIndex < primes.count && done.contains(where: { $0 == nil }) {
      let p = primes[primeIndex]
      primeIndex += 1
      guard let system = _GaugeSystem(f1, f2, degree: first.degree, modulus: p) else { continue }
      let starts = system.startCandidates()
      guard starts.count > first.valid.last! else { continue }
      let gauges = first.valid.compactMap { system.gauge(start: starts[$0]) }
      guard gauges.count == crts.count,
        zip(gauges, first.gauges).allSatisfy({ $0.0.0 == $0.1.0 }),
        zip(gauges, pivots).allSatisfy({ $0.0.1[$0.1] != 0 })
      else { continue }
      used += 1
      for j in crts.indices where done[j] == nil {
        crts[j].add(Self.normalized(gauges[j].1, pivot: pivots[j], modulus: p), modulus: p)
        guard let q = crts[j].rationals() else { continue }
        defer { previous[j] = q }
        guard q == previous[j] else { continue }
        done[j] = certify(q, degree: gauges[j].0, f1, f2, folds: folds)
      }
    }
    return done.compactMap { $0 }
  }

  static func normalized(_ u: [UInt64], pivot: Int, modulus f: _Modulus) -> [UInt64] {
    let inv = f.inverse(u[pivot])
    return u.map { f.mul($0, inv) }
  }

  /// The primitive integer matrix from reconstructed coefficients (entry-major, degree ≤ d each),
  /// checked exactly.
  func certify(
    _ q: [BigRational], degree d: Int, _ f1: PolynomialMatrix, _ f2: PolynomialMatrix, folds: (Int, Int)
  ) -> Gauge? {
    let denominator = q.reduce(BigInt(1)) { BigInt.lcm($0, $1.denominator) }
    var integers = q.map { $0.numerator * denominator.dividedExactly(by: $0.denominator) }
    let content = integers.reduce(BigInt(0)) { BigInt.gcd($0, $1) }
    guard !content.isZero else { return nil }
    integers = integers.map { $0.dividedExactly(by: content) }
    let cells = f1.size * f1.size
    let entries = (0..<cells).map { Polynomial(coefficients: Array(integers[($0 * (d + 1))..<(($0 + 1) * (d + 1))])) }
    var u = PolynomialMatrix(size: f1.size, entries: entries)
    // A common polynomial factor of the entries only rescales m: remove it.
    let g = entries.reduce(Polynomial.zero) { Polynomial.gcd($0, $1) }.primitivePart
    if g.degree >= 1 { u = PolynomialMatrix(size: f1.size, entries: entries.map { $0.dividedExactly(by: g)! }) }
    return Gauge.certify(u, between: f1, and: f2, folds: folds)
  }
}

/// The linearized gauge system modulo one prime for entry degree ≤ D: the walks' prefix products
/// at the sample points and the equations built from them.
struct _GaugeSystem {
  let size: Int
  var degree: Int
  let field: _Modulus
  /// For each sample point i = 1, 2, …: W₁(i)⁻¹ and W₂(i) modulo p (row-major).
  let inverses: [[UInt64]]
  let walks: [[UInt64]]
  /// Random combination weights of the minor equations, per point.
  let weights: [[UInt64]]

  var cells: Int { size * size }
  /// Pairs (e, f), e < f, of matrix cells: the 2×2 minors of (X(i), U(i)).
  var pairs: [(Int, Int)] { (0..<cells).flatMap { e in ((e + 1)..<cells).map { (e, $0) } } }
  static let equationsPerPoint = 4

  /// `nil` when some F(i) is singular modulo p at a sample point (try another prime).
  init?(_ f1: PolynomialMatrix, _ f2: PolynomialMatrix, degree: Int, modulus f: _Modulus) {
    size = f1.size
    self.degree = degree
    field = f
    let s = f1.size
    let unknowns = s * s * s * s * (degree + 1)
    let points = unknowns / 2 + 10
    let c1 = f1.entries.map(f.residues)
    let c2 = f2.entries.map(f.residues)
    var inverse = _identity(s)
    var walk = _identity(s)
    var inverses: [[UInt64]] = []
    var walks: [[UInt64]] = []
    for i in 1...points {
      inverses.append(inverse)
      walks.append(walk)
      let x = f.residue(i)
      let step1 = c1.map { f.evaluate($0, at: x) }
      let step2 = c2.map { f.evaluate($0, at: x) }
      guard let stepInverse = _inverse(step1, size: s, modulus: f) else { return nil }
      inverse = _multiply(stepInverse, inverse, size: s, modulus: f)
      walk = _multiply(walk, step2, size: s, modulus: f)
    }
    self.inverses = inverses
    self.walks = walks
    // Deterministic weights (a fixed generator per prime): the same run gives the same answer.
    var state = f.p &* 0x9E37_79B9_7F4A_7C15
    let pairCount = s * s * (s * s - 1) / 2
    weights = (0..<points).map { _ in
      (0..<(Self.equationsPerPoint * pairCount)).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (state >> 33) % f.p
      }
    }
  }

  /// The coefficient of V_ab in X(i)_jk: (W₁⁻¹)_ja·(W₂)_bk.
  @inline(__always) func g(_ point: Int, _ cell: Int, _ ab: Int) -> UInt64 {
    let (j, k) = (cell / size, cell % size)
    let (a, b) = (ab / size, ab % size)
    return field.mul(inverses[point][j * size + a], walks[point][b * size + k])
  }

  /// The starts V from the nullspace of the linearized system, as the reduced row echelon basis
  /// of their span (canonical, so the same basis is found modulo every prime); empty when none.
  func startSpace() -> [[UInt64]] {
    let basis = nullspace()
    let cellUnknowns = cells * (degree + 1)
    // Each z = Σ V ⊗ w: the starts V span the columns of z read as a cells × cellUnknowns matrix.
    var columnsOfZ: [[UInt64]] = []
    for z in basis {
      for c in 0..<cellUnknowns {
        let v = (0..<cells).map { z[$0 * cellUnknowns + c] }
        if v.contains(where: { $0 != 0 }) { columnsOfZ.append(v) }
      }
    }
    return _rowSpace(columnsOfZ, columns: cells, modulus: field)
  }

  /// The reduced basis of the nullspace of the linearized system (unknowns V_ab·u_(cell, t)).
  func nullspace() -> [[UInt64]] {
    let f = field
    let cellUnknowns = cells * (degree + 1)
    let columns = cells * cellUnknowns
    var rows: [[UInt64]] = []
    let pairs = self.pairs
    for point in 0..<inverses.count {
      let x = f.residue(point + 1)
      var powers: [UInt64] = [1]
      for _ in 0..<degree { powers.append(f.mul(powers.last!, x)) }
      // Minor (e, f): X_e·U_f − X_f·U_e with X_e = Σ_ab V_ab g(e, ab), U_f = Σ_t u_ft xᵗ.
      var minors = [[UInt64]](repeating: [UInt64](repeating: 0, count: columns), count: pairs.count)
      for (m, (e, ff)) in pairs.enumerated() {
        for ab in 0..<cells {
          let ge = g(point, e, ab)
          let gf = g(point, ff, ab)
          for t in 0...degree {
            let colF = ab * cellUnknowns + ff * (degree + 1) + t
            let colE = ab * cellUnknowns + e * (degree + 1) + t
            minors[m][colF] = f.add(minors[m][colF], f.mul(ge, powers[t]))
            minors[m][colE] = f.sub(minors[m][colE], f.mul(gf, powers[t]))
          }
        }
      }
      for r in 0..<Self.equationsPerPoint {
        var row = [UInt64](repeating: 0, count: columns)
        for m in 0..<pairs.count {
          let w = weights[point][r * pairs.count + m]
          for c in 0..<columns where minors[m][c] != 0 { row[c] = (row[c] + w * minors[m][c]) % f.p }
        }
        rows.append(row)
      }
    }
    return _nullspace(rows, columns: columns, modulus: f)
  }

  /// Starts to try, in an order that is the same modulo every good prime: the reduced basis of
  /// the start space, then the distinct columns of the nullspace's reduced basis vectors (a
  /// nullspace mixing gauges of several multipliers, or singular ones built from closed-form
  /// solutions, has starts that are no gauge's; the columns of a basis vector often are one's).
  func startCandidates(limit: Int = 24) -> [[UInt64]] {
    let basis = nullspace()
    guard !basis.isEmpty else { return [] }
    let f = field
    let cellUnknowns = cells * (degree + 1)
    var columnsOfZ: [[UInt64]] = []
    for z in basis {
      for c in 0..<cellUnknowns {
        let v = (0..<cells).map { z[$0 * cellUnknowns + c] }
        guard let lead = v.first(where: { $0 != 0 }) else { continue }
        let inv = f.inverse(lead)
        let normalized = v.map { f.mul($0, inv) }
        if !columnsOfZ.contains(normalized) { columnsOfZ.append(normalized) }
      }
    }
    var out = _rowSpace(columnsOfZ, columns: cells, modulus: f)
    for v in columnsOfZ where out.count < limit && !out.contains(v) { out.append(v) }
    return out
  }

  /// With V fixed: U of the least entry degree ≤ D whose values are proportional to
  /// W₁(i)⁻¹·V·W₂(i), as (degree, coefficients cell-major with d+1 per cell); `nil` when none.
  func gauge(start v: [UInt64]) -> (Int, [UInt64])? {
    let f = field
    let x: [[UInt64]] = (0..<inverses.count).map { point in
      (0..<cells).map { cell in
        var sum: UInt64 = 0
        for ab in 0..<cells where v[ab] != 0 { sum = f.add(sum, f.mul(v[ab], g(point, cell, ab))) }
        return sum
      }
    }
    // At degree D the nullspace is {g·U : deg g ≤ D − deg U}: its dimension gives deg U, and the
    // system at that degree gives U alone.
    let usable = min(inverses.count, (cells * (degree + 1) + 2) / 3 + 8)
    func nullspace(_ d: Int) -> [[UInt64]] {
      let columns = cells * (d + 1)
      var rows: [[UInt64]] = []
      for point in 0..<usable {
        let t = f.residue(point + 1)
        var powers: [UInt64] = [1]
        for _ in 0..<d { powers.append(f.mul(powers.last!, t)) }
        for (e, ff) in pairs {
          // X_e·U_f − X_f·U_e = 0.
          var row = [UInt64](repeating: 0, count: columns)
          for k in 0...d {
            row[ff * (d + 1) + k] = f.mul(x[point][e], powers[k])
            row[e * (d + 1) + k] = f.neg(f.mul(x[point][ff], powers[k]))
          }
          rows.append(row)
        }
      }
      return _nullspace(rows, columns: columns, modulus: f)
    }
    let top = nullspace(degree)
    guard !top.isEmpty, top.count <= degree + 1 else { return nil }
    let d = degree + 1 - top.count
    let basis = d == degree ? top : nullspace(d)
    guard basis.count == 1 else { return nil }  // several independent U for one start: not a gauge
    // A singular U (from closed-form solutions of the walks) is no equivalence.
    let u = basis[0]
    let nonsingular = [UInt64(7919), 104_729].contains { point in
      let values = (0..<cells).map { cell in f.evaluate(Array(u[(cell * (d + 1))..<((cell + 1) * (d + 1))]), at: point)
      }
      return _determinant(values, size: size, modulus: f) != 0
    }
    return nonsingular ? (d, u) : nil
  }
}

func _identity(_ s: Int) -> [UInt64] {
  (0..<(s * s)).map { $0 / s == $0 % s ? 1 : 0 }
}

func _multiply(_ a: [UInt64], _ b: [UInt64], size s: Int, modulus f: _Modulus) -> [UInt64] {
  var out = [UInt64](repeating: 0, count: s * s)
  for i in 0..<s {
    for j in 0..<s {
      var sum: UInt64 = 0
      for k in 0..<s { sum = f.add(sum, f.mul(a[i * s + k], b[k * s + j])) }
      out[i * s + j] = sum
    }
  }
  return out
}

/// The inverse of a small matrix modulo p by Gauss–Jordan, `nil` when singular.
func _inverse(_ m: [UInt64], size s: Int, modulus f: _Modulus) -> [UInt64]? {
  var a = m
  var inv = _identity(s)
  for c in 0..<s {
    guard let r = (c..<s).first(where: { a[$0 * s + c] != 0 }) else { return nil }
    if r != c {
      for j in 0..<s {
        a.swapAt(r * s + j, c * s + j)
        inv.swapAt(r * s + j, c * s + j)
      }
    }
    let pivot = f.inverse(a[c * s + c])
    for j in 0..<s {
      a[c * s + j] = f.mul(a[c * s + j], pivot)
      inv[c * s + j] = f.mul(inv[c * s + j], pivot)
    }
    for i in 0..<s where i != c && a[i * s + c] != 0 {
      let factor = a[i * s + c]
      for j in 0..<s {
        a[i * s + j] = f.sub(a[i * s + j], f.mul(factor, a[c * s + j]))
        inv[i * s + j] = f.sub(inv[i * s + j], f.mul(factor, inv[c * s + j]))
      }
    }
  }
  return inv
}

/// The reduced row echelon basis of the span of `vectors` modulo p.
func _rowSpace(_ vectors: [[UInt64]], columns: Int, modulus f: _Modulus) -> [[UInt64]] {
  var a = vectors
  var r = 0
  for c in 0..<columns where r < a.count {
    guard let k = (r..<a.count).first(where: { a[$0][c] != 0 }) else { continue }
    a.swapAt(r, k)
    let inv = f.inverse(a[r][c])
    a[r] = a[r].map { f.mul($0, inv) }
    for i in 0..<a.count where i != r && a[i][c] != 0 {
      let factor = a[i][c]
      for j in 0..<columns { a[i][j] = f.sub(a[i][j], f.mul(factor, a[r][j])) }
    }
    r += 1
  }
  return Array(a.prefix(r))
}

/// The determinant of a small matrix modulo p (Gaussian elimination).
func _determinant(_ m: [UInt64], size s: Int, modulus f: _Modulus) -> UInt64 {
  var a = m
  var det: UInt64 = 1
  for c in 0..<s {
    guard let r = (c..<s).first(where: { a[$0 * s + c] != 0 }) else { return 0 }
    if r != c {
      for j in 0..<s { a.swapAt(r * s + j, c * s + j) }
      det = f.neg(det)
    }
    det = f.mul(det, a[c * s + c])
    let inv = f.inverse(a[c * s + c])
    for i in (c + 1)..<s where a[i * s + c] != 0 {
      let factor = f.mul(a[i * s + c], inv)
      for j in c..<s { a[i * s + j] = f.sub(a[i * s + j], f.mul(factor, a[c * s + j])) }
    }
  }
  return det
}
