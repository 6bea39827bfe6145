import ContinuedFractions
import Multiprecision
import Polynomials
import Recurrences

extension RationalMatrix {
  /// The linear recurrence satisfied by the walk of M(n), from its companion form.
  ///
  /// Krylov vectors of e₀: K₀ = e₀, K_k(n) = M(n)·K_{k−1}(n+1). With U(n) = [K₀ … K_{m−1}] for the
  /// first m at which K_m depends on the others (m ≤ r), U(n)⁻¹·M(n)·U(n+1) = C(n) is the companion
  /// matrix with ones below the diagonal and last column α, where K_m = Σ αⱼ·Kⱼ. The dependency is
  /// computed fraction-free on K̃_k = N(n)·K̃_{k−1}(n+1) (Kⱼ = K̃ⱼ / d(n)···d(n+j−1)) as the Cramer
  /// null vector c of [K̃₀ … K̃_m] on m independent rows, checked on all rows. The recurrence
  /// Σᵢ cᵢ'(n)·u(n−i) = 0 of `LinearRecurrence` has c'ᵢ = c_{m−i}·d(n)···d(n+m−i−1), divided by
  /// their gcd; its companion matrix is C(n) (up to the scalar c'₀) — ramanujantools' convention.
  /// - Complexity: m products of polynomial vectors and m+1 determinants of m×m minors.
  public func recurrence() -> LinearRecurrence {
    let r = size
    let d = denominator
    var krylov: [[Polynomial]] = [(0..<r).map { $0 == 0 ? .one : .zero }]
    for m in 1...r {
      let previous = krylov[m - 1].map { $0.shifted(by: 1) }
      krylov.append(
        (0..<r).map { i in
          (0..<r).reduce(Polynomial.zero) { sum, k in
            let a = numeratorEntries[i * r + k]
            return a.isZero || previous[k].isZero ? sum : sum + _Kronecker.multiply(a, previous[k])
          }
        })
      guard let c = _nullVector(Array(krylov[0...m]), rows: r) else { continue }
      // c'ᵢ = c_{m−i}·d(n)···d(n+m−i−1).
      var coefficients: [Polynomial] = []
      for i in 0...m {
        let j = m - i
        var p = c[j]
        for k in 0..<j { p = _Kronecker.multiply(p, d.shifted(by: k)) }
        coefficients.append(p)
      }
      let g = coefficients.filter { !$0.isZero }.reduce(Polynomial.zero) { Polynomial.gcd($0, $1) }
      var normalized = coefficients.map { $0.isZero ? $0 : _polynomialQuotient($0, g)! }
      if normalized[0].leadingCoefficient.isNegative { normalized = normalized.map { -$0 } }
      return LinearRecurrence(coefficients: normalized)
    }
    preconditionFailure("r + 1 vectors in dimension r are always dependent")
  }

  /// The PCF of this 2×2 matrix's walk, fully deflated: the recurrence c'₀u(n) + c'₁u(n−1) +
  /// c'₂u(n−2) = 0 is the PCF(−c'₁/c'₀, −c'₂/c'₀), inflated by c'₀ to PCF(−c'₁(n),
  /// −c'₂(n)·c'₀(n−1)) and then deflated as far as `PCF.deflatedAll()` finds.
  /// - Throws: `CMFError.recurrenceOrder` when the recurrence is not of order 2, `.tooLarge` when
  ///   the inflated PCF is estimated above `RationalMatrix.pcfDeflationWorkLimit`.
  public func pcf() throws(CMFError) -> PCF {
    // The order is the rank of the Krylov vectors, read at a random point first: above 2 there
    // is no PCF, and the exact recurrence of a large matrix is not computed for nothing.
    if size > 2, let order = _krylovRankModular(), order > 2 { throw .recurrenceOrder(order) }
    // Before the recurrence: its coefficients have up to twice the degree and bits of the
    // matrix, and deflation costs about deg(a)³·bits(a) (see below).
    let d = Double(Swift.max(0, numeratorDegree, denominator.degree))
    let b = Double(numeratorEntries.map(_Kronecker.maxBits).max() ?? 0)
    let predicted = 16 * d * d * d * Swift.max(1, b)
    guard predicted <= 4 * Double(RationalMatrix.pcfDeflationWorkLimit) else {
      throw .tooLarge(
        what: "the PCF of a trajectory matrix of degree \(Int(d)) with \(Int(b))-bit coefficients",
        estimate: predicted / 4 >= Double(Int.max) ? Int.max : Int(predicted / 4),
        limit: RationalMatrix.pcfDeflationWorkLimit, unit: "units of work (degree³ × bits of a(n))",
        advice: "use a shorter trajectory")
    }
    let rec = recurrence()
    guard rec.order == 2 else { throw .recurrenceOrder(rec.order) }
    let c = rec.coefficients
    let inflated = PCF(a: -c[1], b: -(c[2] * c[0].shifted(by: -1)))
    // Deflation runs gcds of a with b(n) and b(n+1) (primitive remainder sequences): about
    // deg(a)³·bits(a) work, the measure below. ζ(3) along (12, 1) from (1, 1): 1.5·10⁸, 6 s;
    // along (15, 1): 3.5·10⁸, 25 s.
    let degree = Swift.max(0, inflated.a.degree)
    let bits = _Kronecker.maxBits(inflated.a)
    let work = Double(degree) * Double(degree) * Double(degree) * Double(Swift.max(1, bits))
    guard work <= Double(RationalMatrix.pcfDeflationWorkLimit) else {
      throw .tooLarge(
        what: "deflating the PCF (a(n) of degree \(degree) with \(bits)-bit coefficients)",
        estimate: work >= Double(Int.max) ? Int.max : Int(work), limit: RationalMatrix.pcfDeflationWorkLimit,
        unit: "units of work (degree³ × bits of a(n))", advice: "use a shorter trajectory")
    }
    return inflated.deflatedAll().pcf
  }

  /// The most work (deg(a)³·bits(a) of the inflated PCF) `pcf()` deflates: about ten seconds.
  public static let pcfDeflationWorkLimit = 200_000_000
}

/// A nonzero c with Σ cⱼ·vⱼ = 0 for the m+1 polynomial vectors v (the last depending on the
/// others), or `nil` when v₀ … v_{m−1} and v_m are independent. c is the Cramer vector
/// cⱼ = (−1)ʲ·det(rows R of [v without vⱼ]) for m rows R where v₀ … v_{m−1} are independent.
func _nullVector(_ v: [[Polynomial]], rows r: Int) -> [Polynomial]? {
  let m = v.count - 1
  // Rows where the first m vectors are independent, chosen greedily (rank at a point mod p).
  let point = _ModularPoint.point(1, salt: 7)[0]
  let values = v.map { $0.map { _Mod61.evaluate($0, at: point) } }
  var chosen: [Int] = []
  for row in 0..<r where chosen.count < m {
    let candidate = chosen + [row]
    let minor = candidate.flatMap { i in (0..<candidate.count).map { j in values[j][i] } }
    if _modularDeterminant(minor, candidate.count) != 0 { chosen = candidate }
  }
  guard chosen.count == m else { return nil }  // rank deficient at this point: treat as independent
  var c: [Polynomial] = []
  for j in 0...m {
    let columns = (0...m).filter { $0 != j }
    let minor = chosen.flatMap { i in columns.map { v[$0][i] } }
    let (det, _) = _bareiss(minor, size: m, one: Polynomial.one, zero: Polynomial.zero)
    c.append(j % 2 == 0 ? det : -det)
  }
  guard !c[m].isZero else { return nil }
  // Check the dependency on every row.
  for i in 0..<r {
    let sum = (0...m).reduce(Polynomial.zero) { $0 + (c[$1].isZero ? .zero : _Kronecker.multiply(c[$1], v[$1][i])) }
    if !sum.isZero { return nil }
  }
  return c
}

extension RationalMatrix {
  /// The rank of the Krylov vectors e₀, N(n)e₀, N(n)N(n+1)e₀, … at a random n modulo a random
  /// prime: the order of the recurrence, except with probability about degree/2⁶¹ (a point where
  /// the rank drops); `nil` when the denominator vanishes at every point tried.
  func _krylovRankModular() -> Int? {
    var generator = SystemRandomNumberGenerator()
    let field = _PrimeField.random(using: &generator)
    let r = size
    let residues = numeratorEntries.map { $0.coefficients.map(field.residue) }
    func evaluate(_ c: [UInt64], _ x: UInt64) -> UInt64 {
      var v: UInt64 = 0
      for coefficient in c.reversed() { v = field.add(field.mul(v, x), coefficient) }
      return v
    }
    let d = denominator.coefficients.map(field.residue)
    for _ in 0..<8 {
      let n0 = UInt64.random(in: 0..<field.modulus, using: &generator)
      let points = (0..<r).map { field.add(n0, UInt64($0)) }
      guard points.allSatisfy({ evaluate(d, $0) != 0 }) else { continue }
      // v_k = N(n0)·N(n0+1)···N(n0+k−1)·e₀, built from the right: v_k = N(n0)·w with w the
      // vector of the shifted sequence; computed as products applied to e₀ from the innermost.
      var vectors: [[UInt64]] = []
      for k in 0..<r {
        var v = (0..<r).map { $0 == 0 ? UInt64(1) : 0 }
        for j in stride(from: k - 1, through: 0, by: -1) {
          let m = residues.map { evaluate($0, points[j]) }
          v = (0..<r).map { i in (0..<r).reduce(UInt64(0)) { field.add($0, field.mul(m[i * r + $1], v[$1])) } }
        }
        vectors.append(v)
      }
      return _modularRank(vectors, field)
    }
    return nil
  }
}

/// The rank of the vectors modulo the field's prime, by Gaussian elimination.
func _modularRank(_ vectors: [[UInt64]], _ field: _PrimeField) -> Int {
  var rows = vectors
  var rank = 0
  let columns = rows.first?.count ?? 0
  for c in 0..<columns {
    guard let p = (rank..<rows.count).first(where: { rows[$0][c] != 0 }) else { continue }
    rows.swapAt(p, rank)
    let inverse = field.inverse(rows[rank][c])
    for i in 0..<rows.count where i != rank && rows[i][c] != 0 {
      let f = field.mul(rows[i][c], inverse)
      for j in c..<columns { rows[i][j] = field.sub(rows[i][j], field.mul(f, rows[rank][j])) }
    }
    rank += 1
  }
  return rank
}
