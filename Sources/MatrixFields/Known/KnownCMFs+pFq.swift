import Foundation
import Multiprecision
import Polynomials

/// The ring operations the companion-matrix formulas below need, shared by multivariate
/// polynomials (the field's matrices) and polynomials in n (the same matrices on a line).
protocol _CommutativeRing {
  static func + (lhs: Self, rhs: Self) -> Self
  static func - (lhs: Self, rhs: Self) -> Self
  static func * (lhs: Self, rhs: Self) -> Self
  var isZero: Bool { get }
}

extension MultivariatePolynomial: _CommutativeRing {}
extension Polynomial: _CommutativeRing {}

extension KnownCMFs {
  /// The pFq field (axes x0 … x_{p−1}, y0 … y_{q−1}) from the differential equation of the
  /// generalized hypergeometric function F = pFq(x; y; z),
  ///
  ///     E(θ)F = [θ·Π_j (θ + y_j − 1) − z·Π_i (θ + x_i)] F = 0,   θ = z·d/dz,
  ///
  /// and the contiguous relations x_i·F(x_i + 1) = (θ + x_i)F and (y_j − 1)·F(y_j − 1) =
  /// (θ + y_j − 1)F. On the state (F, θF, …, θ^{r−1}F), θ acts by the companion matrix Θ of the
  /// monic E (ones below the diagonal, last column −cₖ), so
  /// M_{x_i} = I + Θ/x_i, the backward y-step is N_{y_j} = I + Θ/(y_j − 1), and
  /// M_{y_j}(x) = N_{y_j}(x + e_{y_j})⁻¹. The rank is r = deg E = max(p, q+1), one less when
  /// p = q + 1 and z = 1.
  ///
  /// The inverses have closed forms: for C the companion matrix of a monic P of degree r and s a
  /// scalar, with t = −s, Q_a(t) = Σ_{k>a} c_k t^{k−a−1} and S_a(t) = Σ_{k≤a} c_k t^k,
  /// (sI + C)⁻¹[a][b] = −t^b·Q_a(t)/P(t) for b ≤ a and t^{b−a−1}·S_a(t)/P(t) for b > a, and
  /// P(−s) factors into linear forms: −z·Π_i (x_i − y_j) for M_{y_j}, and (1 − x_i)·Π_j (y_j − x_i)
  /// for the backward x-step. The field also evaluates its step matrices on a line directly from
  /// E, which is what makes long trajectories (Brown–Zudilin's in ₈F₇) fast.
  /// Precondition: p, q ≥ 0, p + q ≥ 1, z ≠ 0, and not p = 1, q = 0, z = 1 (rank 0).
  /// - SeeAlso: ramanujantools' `pFq` (same matrices, axes and signs).
  public static func pFq(_ p: Int, _ q: Int, z: BigRational) -> CMF {
    precondition(p >= 0 && q >= 0 && p + q >= 1, "pFq needs p, q ≥ 0 and p + q ≥ 1, got \(p), \(q)")
    precondition(!z.isZero, "pFq needs z ≠ 0")
    let d = p + q
    let axes = (0..<p).map { "x\($0)" } + (0..<q).map { "y\($0)" }
    let variables = (0..<d).map { MultivariatePolynomial.variable($0, of: d) }
    let one = MultivariatePolynomial.one(variables: d)
    let e = _pFqEquation(x: Array(variables[..<p]), y: Array(variables[p...]), one: one, z: z)
    precondition(e.count >= 2, "pFq(\(p), \(q), \(z)) has rank 0")
    // The matrices (the inverses are large in many variables) are built when first used; long
    // trajectories never need them, they evaluate on the line.
    let forward: @Sendable (Int) -> MultivariateMatrix = { a in
      let v = variables[a]
      if a < p { return _multivariateStep(e, scalar: v) }  // I + Θ/x_i
      // y_j·(y_j I + Θ(y_j + 1))⁻¹ over −zn·Π(x_i − y_j).
      let shifted = e.map { $0.shifted(a, by: 1) }
      return _multivariateInverse(
        shifted, scalar: v, constant: -z.numerator, factors: (0..<p).map { variables[$0] - v })
    }
    let backward: @Sendable (Int) -> MultivariateMatrix = { a in
      let v = variables[a]
      if a >= p { return _multivariateStep(e, scalar: v - one) }  // I + Θ/(y_j − 1)
      // (x_i − 1)·((x_i − 1)I + Θ(x_i − 1))⁻¹ over zd·(1 − x_i)·Π(y_j − x_i).
      let shifted = e.map { $0.shifted(a, by: -1) }
      let factors = [one - v] + (p..<d).map { variables[$0] - v }
      return _multivariateInverse(shifted, scalar: v - one, constant: z.denominator, factors: factors)
    }
    let rank = e.count - 1
    let evaluator: _StepEvaluator = { axis, direction, line in
      _pFqStepOnLine(p: p, q: q, z: z, rank: rank, axis: axis, direction: direction, line: line)
    }
    let modular: _ModularEvaluator = { axis, point, field in
      _pFqMatrixModular(p: p, q: q, z: z, rank: rank, axis: axis, point: point, field: field)
    }
    // Numerators of degree ≤ 2r + 2, denominators of degree ≤ p + q + 2 (the closed forms).
    let degree = 2 * rank + 2 + p + q + 2
    return CMF(
      name: "pfq:\(p),\(q),\(z)", axes: axes, rank: rank, forward: forward, backward: backward,
      evaluator: evaluator, modular: (modular, degree), exactCheckWork: _pFqExactCheckWork(p, q, rank: rank))
  }

  /// The coefficients ẽ₀ … ẽ_r (lowest first) of zd·θ·Π(θ + y_j − 1) − zn·Π(θ + x_i) for
  /// z = zn/zd: with `keeping` nil, up to the last nonzero one (the field's rank r is then the
  /// degree); with `keeping` given, exactly that many. On a line the field's equation keeps its
  /// r + 1 coefficients even where ẽ_r vanishes on the whole line: the step matrices there are the
  /// field's r×r matrices at a pole, not those of a lower-order equation.
  static func _pFqEquation<T: _CommutativeRing & _IntegerScalable>(
    x: [T], y: [T], one: T, z: BigRational, keeping: Int? = nil
  ) -> [T] {
    var left: [T] = [one - one, one]  // θ
    for yj in y { left = _timesLinear(left, yj - one) }
    var right: [T] = [one]
    for xi in x { right = _timesLinear(right, xi) }
    let count = max(left.count, right.count)
    var e: [T] = (0..<count).map { k in
      let l = k < left.count ? left[k]._scaled(by: z.denominator) : one - one
      let r = k < right.count ? right[k]._scaled(by: z.numerator) : one - one
      return l - r
    }
    if let keeping {
      // Coefficients above the field's degree are zero constants (zd = zn at the top).
      while e.count > keeping { e.removeLast() }
      return e
    }
    while e.count > 1 && e.last!.isZero { e.removeLast() }
    return e
  }

  /// c·(θ + a) for c given by its coefficients in θ.
  static func _timesLinear<T: _CommutativeRing>(_ c: [T], _ a: T) -> [T] {
    var out: [T] = []
    for k in 0...c.count {
      let high = k >= 1 ? c[k - 1] : nil
      let low = k < c.count ? c[k] * a : nil
      switch (high, low) {
      case (let h?, let l?): out.append(h + l)
      case (let h?, nil): out.append(h)
      case (nil, let l?): out.append(l)
      default: break
      }
    }
    return out
  }

  /// Numerators of I + Θ/s over the denominator s·L (L = ẽ_r): diagonal s·L, subdiagonal L,
  /// last column −ẽ_k (plus s·L in the corner). Row-major, r×r.
  static func _stepNumerators<T: _CommutativeRing>(_ e: [T], scalar s: T, zero: T) -> [T] {
    let r = e.count - 1
    let lead = e[r]
    var out = [T](repeating: zero, count: r * r)
    for k in 0..<r {
      if k < r - 1 {
        out[k * r + k] = s * lead
        out[(k + 1) * r + k] = lead
      }
      out[k * r + (r - 1)] = zero - e[k]
    }
    out[(r - 1) * r + (r - 1)] = s * lead - e[r - 1]
    return out
  }

  /// Numerators of s·(sI + C)⁻¹·P̃(−s) for C the companion matrix of ẽ (monic after division by
  /// ẽ_r, which cancels): row a, column b is s·(−t^b·Q̃_a(t)) for b ≤ a and s·t^{b−a−1}·S̃_a(t)
  /// for b > a, t = −s.
  static func _inverseNumerators<T: _CommutativeRing>(_ e: [T], scalar s: T, zero: T, one: T) -> [T] {
    let r = e.count - 1
    let t = zero - s
    var powers = [one]
    for _ in 0...r { powers.append(powers.last! * t) }
    var out = [T](repeating: zero, count: r * r)
    for a in 0..<r {
      // Q̃_a(t) = Σ_{k=a+1}^{r} ẽ_k t^{k−a−1}, S̃_a(t) = Σ_{k≤a} ẽ_k t^k.
      var qa = zero
      for k in (a + 1)...r where !e[k].isZero { qa = qa + e[k] * powers[k - a - 1] }
      var sa = zero
      for k in 0...a where !e[k].isZero { sa = sa + e[k] * powers[k] }
      for b in 0..<r {
        let value = b <= a ? zero - powers[b] * qa : powers[b - a - 1] * sa
        out[a * r + b] = s * value
      }
    }
    return out
  }

  static func _multivariateStep(_ e: [MultivariatePolynomial], scalar s: MultivariatePolynomial) -> MultivariateMatrix {
    let d = s.variableCount
    let r = e.count - 1
    let numerators = _stepNumerators(e, scalar: s, zero: .zero(variables: d))
    let factors: [(polynomial: MultivariatePolynomial, exponent: Int)] = [(e[r], 1), (s, 1)]
    return MultivariateMatrix(
      size: r, variables: d,
      entries: numerators.map { MultivariateRationalFunction(numerator: $0, constant: 1, factors: factors) })
  }

  /// s·(sI + C)⁻¹ over the denominator P̃(−s) = constant·Π factors (the caller's closed form).
  static func _multivariateInverse(
    _ e: [MultivariatePolynomial], scalar s: MultivariatePolynomial, constant: BigInt,
    factors: [MultivariatePolynomial]
  ) -> MultivariateMatrix {
    let d = s.variableCount
    let r = e.count - 1
    let numerators = _inverseNumerators(e, scalar: s, zero: .zero(variables: d), one: .one(variables: d))
    let denominatorFactors = factors.map { (polynomial: $0, exponent: 1) }
    return MultivariateMatrix(
      size: r, variables: d,
      entries: numerators.map {
        MultivariateRationalFunction(numerator: $0, constant: constant, factors: denominatorFactors)
      })
  }
}

/// Multiplication by an integer, for the scaled coefficients of E.
protocol _IntegerScalable {
  func _scaled(by c: BigInt) -> Self
}

extension MultivariatePolynomial: _IntegerScalable {
  func _scaled(by c: BigInt) -> MultivariatePolynomial { c * self }
}

extension Polynomial: _IntegerScalable {
  func _scaled(by c: BigInt) -> Polynomial { c * self }
}

/// The pFq step matrix (r×r, r the field's rank) on an integer line x(n) = a + b·n, computed from
/// E on the line — the same formulas as the field's matrices, in ℤ[n] (`nil` for a rational start:
/// the caller substitutes; `nil` too when a denominator factor vanishes on the line, which the
/// caller reports; the leading coefficient ẽ_r of E is such a factor of the forward x and
/// backward y steps).
func _pFqStepOnLine(
  p: Int, q: Int, z: BigRational, rank: Int, axis: Int, direction: Int, line: _Line
) -> RationalMatrix? {
  guard line.denominator == 1 else { return nil }
  let values = (0..<(p + q)).map { Polynomial(coefficients: [line.offsets[$0], line.slopes[$0]]) }
  let one = Polynomial.one
  var x = Array(values[..<p])
  var y = Array(values[p...])
  let v = values[axis]
  let numerators: [Polynomial]
  let factors: [Polynomial]
  let constant: BigInt
  switch (axis < p, direction > 0) {
  case (true, true), (false, false):
    // I + Θ/s over s·L, s = x_i or y_j − 1.
    let s = axis < p ? v : v - one
    let e = KnownCMFs._pFqEquation(x: x, y: y, one: one, z: z, keeping: rank + 1)
    numerators = KnownCMFs._stepNumerators(e, scalar: s, zero: .zero)
    factors = [e.last!, s]
    constant = 1
  case (true, false):
    // (x_i − 1)·((x_i − 1)I + Θ(x_i − 1))⁻¹ over zd·(1 − x_i)·Π(y_j − x_i).
    x[axis] = v - one
    let e = KnownCMFs._pFqEquation(x: x, y: y, one: one, z: z, keeping: rank + 1)
    numerators = KnownCMFs._inverseNumerators(e, scalar: v - one, zero: .zero, one: one)
    factors = [one - v] + y.map { $0 - v }
    constant = z.denominator
  case (false, true):
    // y_j·(y_j I + Θ(y_j + 1))⁻¹ over −zn·Π(x_i − y_j).
    y[axis - p] = v + one
    let e = KnownCMFs._pFqEquation(x: x, y: y, one: one, z: z, keeping: rank + 1)
    numerators = KnownCMFs._inverseNumerators(e, scalar: v, zero: .zero, one: one)
    factors = x.map { $0 - v }
    constant = -z.numerator
  }
  guard factors.allSatisfy({ !$0.isZero }) else { return nil }
  return RationalMatrix(numerator: numerators, size: rank, constant: constant, factors: factors.map { ($0, 1) })
}

/// The pFq field's forward matrix M_a at a point modulo a prime, from E at the point (the same
/// closed forms as the field's matrices); `nil` where its denominator vanishes there.
func _pFqMatrixModular(
  p: Int, q: Int, z: BigRational, rank: Int, axis a: Int, point: [UInt64], field: _PrimeField
) -> [UInt64]? {
  let values = point.map { _Residue(value: $0, field: field) }
  let one = _Residue(value: 1, field: field)
  let zero = _Residue(value: 0, field: field)
  let x = Array(values[..<p])
  var y = Array(values[p...])
  let v = values[a]
  let numerators: [_Residue]
  var denominator: _Residue
  if a < p {
    // I + Θ/x_i over x_i·ẽ_r.
    let e = KnownCMFs._pFqEquation(x: x, y: y, one: one, z: z, keeping: rank + 1)
    numerators = KnownCMFs._stepNumerators(e, scalar: v, zero: zero)
    denominator = v * e[rank]
  } else {
    // y_j·(y_j I + Θ(y_j + 1))⁻¹ over −zn·Π(x_i − y_j).
    y[a - p] = v + one
    let e = KnownCMFs._pFqEquation(x: x, y: y, one: one, z: z, keeping: rank + 1)
    numerators = KnownCMFs._inverseNumerators(e, scalar: v, zero: zero, one: one)
    denominator = zero - one._scaled(by: z.numerator)
    for xi in x { denominator = denominator * (xi - v) }
  }
  guard !denominator.isZero else { return nil }
  let inverse = field.inverse(denominator.value)
  return numerators.map { field.mul($0.value, inverse) }
}

/// The exact conservation check's work for the pFq field (calibrated against
/// `CMF._exactConservationWork` on the built matrices, which are not built to estimate it: 13 to
/// 22 times r³·3^(p+q) for p + q = 5 … 8): the entries' terms grow about threefold with each axis.
func _pFqExactCheckWork(_ p: Int, _ q: Int, rank: Int) -> Int {
  let d = p + q
  let work = 25 * Double(rank * rank * rank) * pow(3, Double(d))
  return work >= Double(Int.max) ? Int.max : Int(work)
}
