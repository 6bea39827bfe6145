import Multiprecision
import Polynomials
import Recurrences

extension GaugeSolver {
  /// The constant multipliers m = c a gauge can have: the identity's determinant gives
  /// lead(det F₁) = c²·lead(det F₂) when both determinants have the same degree, so
  /// c = ±√(lead(det F₁)/lead(det F₂)) when that is rational.
  static func constantMultipliers(_ f1: PolynomialMatrix, _ f2: PolynomialMatrix) -> [BigRational] {
    let (d1, d2) = (f1.determinant, f2.determinant)
    guard d1.degree == d2.degree, !d1.isZero else { return [] }
    let x = d1.leadingCoefficient * d2.leadingCoefficient  // c² = x / lead(d2)²
    guard !x.isNegative else { return [] }
    let root = x.squareRoot()
    guard root * root == x else { return [] }
    let c = BigRational(root, d2.leadingCoefficient.magnitude)
    return [c, -c]
  }

  /// Gauges with a constant multiplier c: F₁(n)·U(n+1) = c·U(n)·F₂(n) is linear in U's
  /// coefficients, so its nullspace modulo primes (values at sample points), reconstructed and
  /// certified exactly, gives a basis of every such U of degree ≤ `maxDegree` (a pencil when the
  /// basis has several members; all share the multiplier, so every combination is a gauge too).
  /// - Complexity: one system of s²(D+1) unknowns per prime.
  public func constantPencil(
    _ f1: PolynomialMatrix, _ f2: PolynomialMatrix, multiplier c: BigRational, folds: (Int, Int) = (1, 1)
  ) -> [Gauge] {
    // Least degree first: the basis there is the gauges of least degree, without multiples g·U.
    for d in 0...maxDegree {
      var crts: [_RationalReconstruction] = []
      var pivots: [Int] = []
      var previous: [[BigRational]?] = []
      var done: [Gauge?] = []
      var used = 0
      for p in _Modulus.primes(count: maxPrimes + 4) {
        guard let basis = Self.constantNullspace(f1, f2, c: c, degree: d, modulus: p) else { continue }
        if basis.isEmpty { break }
        if crts.isEmpty {
          pivots = basis.map { v in v.firstIndex { $0 != 0 }! }
          crts = Array(repeating: _RationalReconstruction(), count: basis.count)
          previous = Array(repeating: nil, count: basis.count)
          done = Array(repeating: nil, count: basis.count)
        }
        // Reduced bases are canonical: the same free columns modulo every good prime.
        guard basis.count == crts.count, zip(basis, pivots).allSatisfy({ $0.0[$0.1] != 0 }) else { continue }
        used += 1
        for j in crts.indices where done[j] == nil {
          crts[j].add(Self.normalized(basis[j], pivot: pivots[j], modulus: p), modulus: p)
          guard let q = crts[j].rationals() else { continue }
          defer { previous[j] = q }
          guard q == previous[j] else { continue }
          done[j] = certify(q, degree: d, f1, f2, folds: folds)
        }
        if !done.contains(where: { $0 == nil }) || used >= maxPrimes { break }
      }
      if !crts.isEmpty { return done.compactMap { $0 } }
    }
    return []
  }

  /// The reduced nullspace basis modulo p of c·U(i)·F₂(i) − F₁(i)·U(i+1) = 0 at sample points,
  /// unknowns cell-major with d+1 coefficients per cell; `nil` when c's denominator vanishes mod p.
  static func constantNullspace(
    _ f1: PolynomialMatrix, _ f2: PolynomialMatrix, c: BigRational, degree d: Int, modulus f: _Modulus
  ) -> [[UInt64]]? {
    let s = f1.size
    let cells = s * s
    let columns = cells * (d + 1)
    let (num, den) = (f.residue(c.numerator), f.residue(c.denominator))
    guard den != 0 else { return nil }
    let cm = f.mul(num, f.inverse(den))
    let c1 = f1.entries.map(f.residues)
    let c2 = f2.entries.map(f.residues)
    let points = columns / cells + 2 * (d + 1) + 8
    var rows: [[UInt64]] = []
    for i in 1...points {
      let x = f.residue(i)
      let x1 = f.residue(i + 1)
      let a = c1.map { f.evaluate($0, at: x) }
      let b = c2.map { f.evaluate($0, at: x) }
      var pw: [UInt64] = [1]
      var pw1: [UInt64] = [1]
      for _ in 0..<d {
        pw.append(f.mul(pw.last!, x))
        pw1.append(f.mul(pw1.last!, x1))
      }
      // Entry (j, k): Σ_l F₁[j,l]·U[l,k](i+1) − c·Σ_l U[j,l](i)·F₂[l,k].
      for j in 0..<s {
        for k in 0..<s {
          var row = [UInt64](repeating: 0, count: columns)
          for l in 0..<s {
            let cellA = l * s + k
            let cellB = j * s + l
            for t in 0...d {
              row[cellA * (d + 1) + t] = f.add(row[cellA * (d + 1) + t], f.mul(a[j * s + l], pw1[t]))
              row[cellB * (d + 1) + t] = f.sub(row[cellB * (d + 1) + t], f.mul(cm, f.mul(pw[t], b[l * s + k])))
            }
          }
          rows.append(row)
        }
      }
    }
    // RREF basis vectors have 1 at their free column: normalized alike modulo every prime.
    return _nullspace(rows, columns: columns, modulus: f)
  }
}
