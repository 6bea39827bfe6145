import Multiprecision

/// Lattice basis reduction of Lenstra, Lenstra and Lovász in exact integer arithmetic, and the integer
/// relations it finds.
///
/// `reduce` is the integral LLL of de Weger (Cohen's Algorithm 2.6.7): the Gram–Schmidt data are kept as
/// the integers d_k = det(Gram(b₁…b_k)) and λ_kj = d_j·μ_kj, so no rounding error can creep in. For
/// relations, x is scaled to integers Xᵢ = ⌊2^s·xᵢ/max|x|⌉ and the lattice spanned by the rows
/// (eᵢ | Xᵢ) is reduced: a vector (m | Σ mᵢXᵢ) is short exactly when m is small and Σ mᵢxᵢ ≈ 0.
/// - SeeAlso: A. K. Lenstra, H. W. Lenstra, L. Lovász, "Factoring polynomials with rational
///   coefficients", Math. Ann. 261 (1982), 515–534. https://doi.org/10.1007/BF01457454 ;
///   H. Cohen, A Course in Computational Algebraic Number Theory (1993), §2.6.
public enum LLL {
  /// The LLL-reduced basis of the lattice spanned by `basis` (linearly independent integer rows of
  /// equal length), with Lovász constant δ = `delta.numerator / delta.denominator` in (1/4, 1]:
  /// |μ_kj| ≤ 1/2 and |b*_k|² ≥ (δ − μ²_{k,k−1})·|b*_{k−1}|².
  /// Precondition: the rows are linearly independent and have equal length.
  /// - Complexity: O(n⁴·log M) operations on integers of O(n·log M) bits for n rows of entries below M
  ///   (Lenstra–Lenstra–Lovász, Proposition 1.26, with exact integers as in Cohen 2.6.7).
  public static func reduce(_ basis: [[BigInt]], delta: (numerator: Int, denominator: Int) = (99, 100)) -> [[BigInt]] {
    precondition(
      4 * delta.numerator > delta.denominator && delta.numerator <= delta.denominator,
      "Lovász constant \(delta.numerator)/\(delta.denominator) is not in (1/4, 1]")
    guard let width = basis.first?.count else { return [] }
    precondition(basis.allSatisfy { $0.count == width }, "lattice rows of different lengths")
    var state = _IntegralLLL(basis, delta: delta)
    state.run()
    return Array(state.b[1...])
  }

  /// An integer relation of `x` with every |mᵢ| ≤ `maxCoefficient` holding to `precision`, or `nil`
  /// when the reduced lattice has none (see `search` for when that is a proof).
  /// Precondition: at least 2 numbers, none zero or non-finite; maxCoefficient ≥ 1.
  /// - Complexity: one `reduce` of n rows with entries of `precision` bits.
  public static func relation(_ x: [BigFloat], maxCoefficient: BigInt, precision: Precision) -> IntegerRelation? {
    if case .found(let relation) = search(x, maxCoefficient: maxCoefficient, precision: precision) { return relation }
    return nil
  }

  /// One reduction of the relation lattice of `x` at `precision`: `.found` with the shortest reduced
  /// row that is a relation within the bound; `.none` when even the first reduced row, divided by LLL's
  /// approximation factor (1/(δ − 1/4))^((n−1)/2), is longer than any relation within the bound could be;
  /// `.exhausted` otherwise (more precision would tell).
  /// Precondition: as `relation`.
  public static func search(_ x: [BigFloat], maxCoefficient: BigInt, precision: Precision) -> IntegerRelation.Outcome {
    IntegerRelation._validate(x, maxCoefficient)
    let n = x.count
    let bits = precision.bits
    let scaled = _FixedPoint.normalized(x, bits: bits)
    var lattice: [[BigInt]] = []
    for i in 0..<n {
      var row = [BigInt](repeating: 0, count: n + 1)
      row[i] = 1
      row[n] = scaled[i]
      lattice.append(row)
    }
    let reduced = reduce(lattice)
    var best: (IntegerRelation, Double)?
    for row in reduced {
      let m = Array(row[0..<n])
      let l1 = m.reduce(BigInt(0)) { $0 + $1.magnitude }
      // |Σ mᵢXᵢ| ≤ |m|₁/2 from rounding plus |m|₁·2^(s−bits) from the input: 16·|m|₁ leaves room.
      guard !l1.isZero, row[n].magnitude <= l1 * 16, m.allSatisfy({ $0.magnitude <= maxCoefficient }) else { continue }
      let norm = _log2Norm(m)
      if best == nil || norm < best!.1 { best = (IntegerRelation(m), norm) }
    }
    if let best { return .found(best.0) }
    // Any lattice vector is at least |b₁|/α^((n−1)/2) long, α = 1/(δ − 1/4) = 100/74 for δ = 0.99;
    // a relation within the bound gives one of length at most √n·bound·√(1 + 256n).
    let log2Alpha = _log2(100.0 / 74.0)
    let lowerBound = _log2Norm(reduced[0]) - Double(n - 1) / 2 * log2Alpha
    let largest = maxCoefficient.log2Magnitude + 0.5 * _log2(Double(n)) + 0.5 * _log2(1 + 256 * Double(n))
    return lowerBound > largest ? .none(log2NormBound: lowerBound) : .exhausted
  }

  static func _log2Norm(_ v: [BigInt]) -> Double {
    let squared = v.reduce(BigInt(0)) { $0 + $1 * $1 }
    return 0.5 * squared.log2Magnitude
  }
}

/// Cohen's Algorithm 2.6.7 with 1-based indices as in the book: b[1…n], d[0…n], lambda[k][j] for j < k.
struct _IntegralLLL {
  var b: [[BigInt]]
  var d: [BigInt]
  var lambda: [[BigInt]]
  let n: Int
  let p: BigInt
  let q: BigInt

  init(_ basis: [[BigInt]], delta: (numerator: Int, denominator: Int)) {
    n = basis.count
    b = [[]] + basis
    d = [BigInt](repeating: 0, count: n + 1)
    lambda = [[BigInt]](repeating: [BigInt](repeating: 0, count: n + 1), count: n + 1)
    p = BigInt(delta.numerator)
    q = BigInt(delta.denominator)
  }

  static func dot(_ u: [BigInt], _ v: [BigInt]) -> BigInt {
    var sum = BigInt(0)
    for (a, c) in zip(u, v) where !a.isZero && !c.isZero { sum.addProduct(a, c) }
    return sum
  }

  mutating func run() {
    guard n >= 1 else { return }
    d[0] = 1
    d[1] = Self.dot(b[1], b[1])
    precondition(!d[1].isZero, "lattice row 1 is zero")
    var k = 2
    var kMax = 1
    while k <= n {
      if k > kMax {
        kMax = k
        for j in 1...k {
          var u = Self.dot(b[k], b[j])
          for i in stride(from: 1, to: j, by: 1) {
            u = (d[i] * u - lambda[k][i] * lambda[j][i]).dividedExactly(by: d[i - 1])
          }
          if j < k { lambda[k][j] = u } else { d[k] = u }
        }
        precondition(!d[k].isZero, "lattice rows are linearly dependent (row \(k))")
      }
      while true {
        reduce(k, k - 1)
        let lhs = q * d[k] * d[k - 2]
        let rhs = p * d[k - 1] * d[k - 1] - q * lambda[k][k - 1] * lambda[k][k - 1]
        guard lhs < rhs else { break }
        swap(k, kMax: kMax)
        k = Swift.max(2, k - 1)
      }
      for l in stride(from: k - 2, through: 1, by: -1) { reduce(k, l) }
      k += 1
    }
  }

  /// RED(k, l): b_k ← b_k − ⌊λ_kl/d_l⌉·b_l when |2λ_kl| > d_l.
  mutating func reduce(_ k: Int, _ l: Int) {
    let twice = lambda[k][l].shifted(by: 1)
    guard twice.magnitude > d[l] else { return }
    let r = (twice + d[l]).floorDivided(by: d[l].shifted(by: 1)).quotient
    let negR = -r
    let rowL = b[l]
    for c in 0..<rowL.count where !rowL[c].isZero { b[k][c].addProduct(rowL[c], negR) }
    lambda[k][l].addProduct(d[l], negR)
    for i in stride(from: 1, to: l, by: 1) {
      let value = lambda[l][i]
      lambda[k][i].addProduct(value, negR)
    }
  }

  /// SWAPI(k): exchange b_k and b_{k−1} and update d_{k−1} and the λ they touch.
  mutating func swap(_ k: Int, kMax: Int) {
    b.swapAt(k, k - 1)
    for j in stride(from: 1, to: k - 1, by: 1) {
      let t = lambda[k][j]
      lambda[k][j] = lambda[k - 1][j]
      lambda[k - 1][j] = t
    }
    let l = lambda[k][k - 1]
    let newD = (d[k - 2] * d[k] + l * l).dividedExactly(by: d[k - 1])
    if k + 1 <= kMax {
      for i in (k + 1)...kMax {
        let t = lambda[i][k]
        lambda[i][k] = (d[k] * lambda[i][k - 1] - l * t).dividedExactly(by: d[k - 1])
        lambda[i][k - 1] = (newD * t + l * lambda[i][k]).dividedExactly(by: d[k])
      }
    }
    d[k - 1] = newD
  }
}
