import Multiprecision

/// The PSLQ integer-relation algorithm of Ferguson, Bailey and Arno, on fixed-point GMP integers.
///
/// Given x ∈ ℝⁿ, PSLQ keeps a unimodular integer matrix B and the lower-trapezoidal n×(n−1) matrix H of
/// the normalized x·B: it repeatedly swaps the rows m, m+1 that maximize γ^m·|h_mm| (γ = 2/√3),
/// restores the trapezoidal shape with one Givens rotation and size-reduces H by integer row operations
/// (Hermite reduction). When an entry y_i of x·B/|x| drops to the level of the input's accuracy, column i
/// of B is a relation. After every iteration 1/max|h_jj| bounds from below the Euclidean norm of any
/// relation of x, which is how the search proves that no relation within a coefficient bound exists.
///
/// Everything is an integer scaled by 2^(bits + 64) (64 guard bits), as in mpmath's `pslq`; the size
/// reduction multiplies by integers, so most of its operations are linear-time `addmul`s. B is exact.
/// - SeeAlso: H. R. P. Ferguson, D. H. Bailey, S. Arno, "Analysis of PSLQ, an integer relation finding
///   algorithm", Math. Comp. 68 (1999), 351–369. https://doi.org/10.1090/S0025-5718-99-00995-3
public enum PSLQ {
  /// An integer relation of `x` with every |mᵢ| ≤ `maxCoefficient` holding to `precision`, or `nil`
  /// when PSLQ proves there is none within the bound or runs out of precision first.
  ///
  /// Runs at `precision` throughout; `IntegerRelation.find` runs it at the least precision that can see
  /// a relation of that height first, which is much faster at high precision.
  /// Precondition: at least 2 numbers, none zero or non-finite; maxCoefficient ≥ 1.
  /// - Complexity: O(n³ + n²·log(maxCoefficient)) iterations (Ferguson–Bailey–Arno, Theorem 3), each
  ///   O(n²) size-reduction `addmul`s on numbers of `precision` bits and O(n) full multiplications.
  public static func relation(_ x: [BigFloat], maxCoefficient: BigInt, precision: Precision) -> IntegerRelation? {
    IntegerRelation._validate(x, maxCoefficient)
    if case .found(let relation) = search(x, maxCoefficient: maxCoefficient, precision: precision) { return relation }
    return nil
  }

  /// One run of PSLQ at `precision`, saying what it established (see `IntegerRelation.Outcome`).
  /// Precondition: as `relation`.
  public static func search(_ x: [BigFloat], maxCoefficient: BigInt, precision: Precision) -> IntegerRelation.Outcome {
    IntegerRelation._validate(x, maxCoefficient)
    var state = _PSLQState(x, bits: precision.bits)
    return state.run(maxCoefficient: maxCoefficient)
  }
}

/// The matrices of one PSLQ run; indices are 0-based (the paper's are 1-based).
struct _PSLQState {
  let n: Int
  /// Relative accuracy of the input, in bits.
  let bits: Int
  /// The fixed-point scale: numbers are integers times 2^-scale.
  let scale: Int
  /// The normalized x·B, fixed point.
  var y: [BigInt]
  /// H, n rows of n−1 columns, row-major, fixed point.
  var h: [BigInt]
  /// B by columns: b[c][r] is row r of column c. Exact integers.
  var b: [[BigInt]]

  static let log2Gamma = 0.5 * _log2(4.0 / 3.0)

  init(_ x: [BigFloat], bits: Int) {
    n = x.count
    self.bits = bits
    scale = bits + 64
    let p = scale
    let fixed = _FixedPoint.normalized(x, bits: p)
    // s_k = |(x_k, …, x_{n−1})|, then y = x/s_0 and s = s/s_0.
    var s = [BigInt](repeating: 0, count: n)
    var tail = BigInt(0)
    for k in stride(from: n - 1, through: 0, by: -1) {
      tail.addProduct(fixed[k], fixed[k])
      s[k] = tail.squareRoot()
    }
    let s0 = s[0]
    y = fixed.map { $0.shifted(by: p) / s0 }
    s = s.map { $0.shifted(by: p) / s0 }
    h = [BigInt](repeating: 0, count: n * (n - 1))
    var identity = [[BigInt]](repeating: [BigInt](repeating: 0, count: x.count), count: x.count)
    for c in 0..<x.count { identity[c][c] = 1 }
    b = identity
    for i in 0..<n {
      if i < n - 1 && !s[i].isZero { h[i * (n - 1) + i] = s[i + 1].shifted(by: p) / s[i] }
      for j in 0..<Swift.min(i, n - 1) {
        let denominator = s[j] * s[j + 1]
        if !denominator.isZero { h[i * (n - 1) + j] = (-(y[i] * y[j])).shifted(by: p) / denominator }
      }
    }
    for i in 1..<n {
      for j in stride(from: i - 1, through: 0, by: -1) { _ = reduce(row: i, by: j) }
    }
  }

  @inline(__always) func index(_ i: Int, _ j: Int) -> Int { i * (n - 1) + j }

  /// Row i of H minus t times row j, with t = round(h_ij/h_jj), and the matching updates of y and B.
  /// Returns false when h_jj is zero (the precision is exhausted).
  mutating func reduce(row i: Int, by j: Int) -> Bool {
    let hjj = h[index(j, j)]
    if hjj.isZero { return false }
    let hij = h[index(i, j)]
    // |h_ij| < |h_jj|/2 makes t = 0; decide that from bit lengths when possible.
    if hij.isZero || hij.bitWidth + 1 < hjj.bitWidth { return true }
    let t = (hij.shifted(by: 1) + hjj).floorDivided(by: hjj.shifted(by: 1)).quotient
    if t.isZero { return true }
    let negT = -t
    if let small = Int(exactly: t), let negSmall = Int(exactly: negT) {
      let yi = y[i]
      y[j].addProduct(yi, small)
      for k in 0...j {
        let hjk = h[index(j, k)]
        h[index(i, k)].addProduct(hjk, negSmall)
      }
      let columnI = b[i]
      for r in 0..<n where !columnI[r].isZero { b[j][r].addProduct(columnI[r], small) }
    } else {
      let yi = y[i]
      y[j].addProduct(yi, t)
      for k in 0...j {
        let hjk = h[index(j, k)]
        h[index(i, k)].addProduct(hjk, negT)
      }
      let columnI = b[i]
      for r in 0..<n where !columnI[r].isZero { b[j][r].addProduct(columnI[r], t) }
    }
    return true
  }

  mutating func run(maxCoefficient: BigInt) -> IntegerRelation.Outcome {
    let p = scale
    let log2Limit = maxCoefficient.log2Magnitude + 0.5 * _log2(Double(n))
    let budget = 1000 + 32 * n * n * (Int(maxCoefficient.log2Magnitude) + n)
    if let relation = detect(maxCoefficient: maxCoefficient) { return .found(relation) }
    // Progress shows as a falling max |h_jj| (a rising norm bound). On degenerate input — entries that
    // agree to many digits, such as the powers of 1 + 10⁻³¹ — PSLQ can cycle without progress until the
    // budget ends; a window without a new low ends the run as exhausted instead.
    let window = 8 * n * n + 100
    var lowest = Double.infinity
    var lowestAt = 0
    for iteration in 0..<budget {
      // 1. The row m maximizing γ^m |h_mm|.
      var m = 0
      var best = -Double.infinity
      for i in 0..<(n - 1) {
        let size = Double(i) * Self.log2Gamma + h[index(i, i)].log2Magnitude
        if size > best {
          best = size
          m = i
        }
      }
      // 2. Exchange m and m+1.
      y.swapAt(m, m + 1)
      for k in 0..<(n - 1) { h.swapAt(index(m, k), index(m + 1, k)) }
      b.swapAt(m, m + 1)
      // 3. Restore the trapezoid with a rotation of columns m, m+1.
      if m < n - 2 {
        let a = h[index(m, m)]
        let c = h[index(m, m + 1)]
        let t0 = (a * a + c * c).squareRoot()
        if t0.isZero { return .exhausted }
        let t1 = a.shifted(by: p) / t0
        let t2 = c.shifted(by: p) / t0
        for i in m..<n {
          let t3 = h[index(i, m)]
          let t4 = h[index(i, m + 1)]
          h[index(i, m)] = (t1 * t3 + t2 * t4).shifted(by: -p)
          h[index(i, m + 1)] = (t1 * t4 - t2 * t3).shifted(by: -p)
        }
      }
      // 4. Size-reduce the rows below m.
      for i in (m + 1)..<n {
        for j in stride(from: Swift.min(i - 1, m + 1), through: 0, by: -1) where !reduce(row: i, by: j) {
          return detect(maxCoefficient: maxCoefficient).map { .found($0) } ?? .exhausted
        }
      }
      // 5. A relation, a bound that rules one out, or exhausted precision.
      if let relation = detect(maxCoefficient: maxCoefficient) { return .found(relation) }
      var largestDiagonal = -Double.infinity
      for j in 0..<(n - 1) { largestDiagonal = Swift.max(largestDiagonal, h[index(j, j)].log2Magnitude) }
      let log2NormBound = Double(p) - largestDiagonal
      if log2NormBound > log2Limit { return .none(log2NormBound: log2NormBound) }
      if largestDiagonal < lowest - 0.5 {
        lowest = largestDiagonal
        lowestAt = iteration
      } else if iteration - lowestAt > window {
        return .exhausted
      }
      var largestB = 0
      for column in b { for entry in column { largestB = Swift.max(largestB, entry.bitWidth) } }
      if largestB > bits - 8 { return .exhausted }  // y is noise beyond this
    }
    return .exhausted
  }

  /// Column i of B when y_i is as small as the input's accuracy allows for it,
  /// |y_i| ≤ 2^(4−bits)·|column i|₁, and its entries are within the bound.
  func detect(maxCoefficient: BigInt) -> IntegerRelation? {
    var best: (IntegerRelation, Double)?
    for i in 0..<n {
      let log2Y = y[i].isZero ? -Double.infinity : y[i].log2Magnitude - Double(scale)
      let column = b[i]
      // |column|₁ < n·2^(largest bit width): a cheap test before the exact one.
      let widest = column.reduce(0) { Swift.max($0, $1.bitWidth) }
      if log2Y > 4 - Double(bits) + Double(widest) + _log2(Double(n)) { continue }
      let l1 = column.reduce(BigInt(0)) { $0 + $1.magnitude }
      guard log2Y <= 4 - Double(bits) + l1.log2Magnitude else { continue }
      guard column.allSatisfy({ $0.magnitude <= maxCoefficient }), !l1.isZero else { continue }
      if best == nil || log2Y < best!.1 { best = (IntegerRelation(column), log2Y) }
    }
    return best?.0
  }
}
