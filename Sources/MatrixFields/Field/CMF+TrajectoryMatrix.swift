import Multiprecision
import Polynomials
import Recurrences

extension CMF {
  /// The trajectory matrix M_t(n): the product of the step matrices along one lattice path from
  /// s + n·t to s + (n+1)·t, a matrix over ℚ(n).
  ///
  /// The path follows the diagonal decomposition t = Σ mᵢ·dᵢ (`Trajectory.diagonalDecomposition`):
  /// mᵢ times one unit step along each axis of dᵢ, forward M_a(x) or backward M_a(x − e_a)⁻¹.
  /// Conservation makes the product independent of the path, so a unit diagonal step whose axis
  /// matrix has a pole on the whole line is taken in another axis order (reversed, rotated, then
  /// every order for up to 6 axes), as ramanujantools does. Each step is the axis matrix on the
  /// line x = s + o + n·t (o the offset reached), a small matrix in n; they are multiplied by a
  /// product tree that cancels the linear factors of the denominators at every node.
  /// - Throws: `CMFError.dimension` when t or s has another number of coordinates than the field
  ///   has axes (naming both), `.undefinedAlongTrajectory` when an axis matrix has a pole on the
  ///   whole line, `.notInvertible` for a backward step of a singular matrix, `.tooLarge` when t
  ///   takes more than `CMF.maxTrajectorySteps` unit steps or when the product grows past
  ///   `bitLimit` bits (found early: see `RationalMatrix._product(_:threads:bitLimit:)`), and
  ///   `.stepSize` when a step matrix is not r×r.
  /// - Complexity: Σ|tᵢ| substitutions, then O(M(B)·log Σ|tᵢ|) for a reduced result of B bits.
  public func trajectoryMatrix(
    _ trajectory: Trajectory, start: Position, threads: Int = 1, bitLimit: Int = CMF.trajectoryMatrixBitLimit
  ) throws(CMFError) -> RationalMatrix {
    try _validate(trajectory)
    try _validate(start: start)
    let length = trajectory.length
    guard length <= CMF.maxTrajectorySteps else {
      throw .tooLarge(
        what: "trajectory \(trajectory)", estimate: length, limit: CMF.maxTrajectorySteps,
        unit: "unit steps per trajectory step (the sum of |t_i|)",
        advice: "its trajectory matrix would be a product of that many step matrices; use a shorter trajectory")
    }
    if trajectory.isZero { return .identity(rank) }
    // Unit diagonal steps: where each starts and which axes it moves along (with signs).
    var offset = Array(repeating: 0, count: dimension)
    var diagonalSteps: [(offset: [Int], moves: [(axis: Int, direction: Int)])] = []
    for (m, diagonal) in trajectory.diagonalDecomposition {
      let moves = (0..<dimension).filter { diagonal[$0] != 0 }.map { (axis: $0, direction: diagonal[$0]) }
      for _ in 0..<m {
        diagonalSteps.append((offset, moves))
        for (a, direction) in moves { offset[a] += direction }
      }
    }
    var backward: [Int: MultivariateMatrix] = [:]
    let backwardAxes = Set(diagonalSteps.flatMap { $0.moves.filter { $0.direction < 0 }.map(\.axis) })
    // Known fields evaluate on the line directly; others substitute the (inverted) matrices.
    for a in backwardAxes where _evaluator == nil || _backward == nil {
      backward[a] = try stepMatrix(axis: a, direction: -1)
    }
    let frozenBackward = backward
    let frozenSteps = diagonalSteps
    let s = start.coordinates
    let t = trajectory.steps
    let rank = self.rank
    // The matrices of one diagonal step in the given axis order; a failure at the first move
    // whose matrix has a pole on the whole line (or is not r×r).
    let along: @Sendable (Int, [(axis: Int, direction: Int)]) -> Result<[RationalMatrix], _Failure> = { k, moves in
      var position = frozenSteps[k].offset
      var out: [RationalMatrix] = []
      for (a, direction) in moves {
        let line = _Line(start: s, offset: position, slope: t)
        var m: RationalMatrix?
        if let evaluate = self._evaluator { m = evaluate(a, direction, line) }
        if m == nil {
          let matrix = direction > 0 ? self._forward.matrix(a) : (frozenBackward[a] ?? self._backward!.matrix(a))
          m = matrix._onLine(line)
        }
        guard let m else { return .failure(_Failure(axis: a)) }
        guard m.size == rank else { return .failure(_Failure(axis: a, size: m.size)) }
        out.append(m)
        position[a] += direction
      }
      return .success(out)
    }
    var results = _parallelMap(Array(diagonalSteps.indices), threads: threads) { along($0, frozenSteps[$0].moves) }
    // Conservation lets a step that meets a pole take its axes in another order.
    for k in results.indices {
      guard case .failure(let first) = results[k] else { continue }
      if let size = first.size { throw .stepSize(axis: axes[first.axis], size: size, rank: rank) }
      for order in _orderings(diagonalSteps[k].moves.count).dropFirst() {
        let attempt = along(k, order.map { diagonalSteps[k].moves[$0] })
        if case .success = attempt {
          results[k] = attempt
          break
        }
      }
      if case .failure = results[k] {
        throw .undefinedAlongTrajectory(
          axis: axes[first.axis], trajectory: trajectory.description, start: start.description)
      }
    }
    let steps = results.flatMap { (try? $0.get()) ?? [] }
    let (product, estimate) = RationalMatrix._product(steps, threads: threads, bitLimit: bitLimit)
    guard let product else {
      throw .tooLarge(
        what: "the trajectory matrix of \(_label) along \(trajectory) from \(start)", estimate: estimate,
        limit: bitLimit, unit: "bits",
        advice: "its size grows with the trajectory's length and coordinates; use a shorter trajectory")
    }
    return product
  }
}

extension CMF {
  /// The most unit steps Σ|tᵢ| a trajectory may take per step of n (each one a step matrix).
  public static let maxTrajectorySteps = 100_000
  /// The default size limit of a trajectory matrix, in bits of its coefficients (16 MiB, a few
  /// seconds of work): ₈F₇ along Brown–Zudilin's trajectory needs a quarter of it, the ζ(3)
  /// field along (500, 1) two thirds; along (1000, 1) it is refused (after about half its work).
  public static let trajectoryMatrixBitLimit = 1 << 27
}

/// A move whose matrix is undefined on its line (or, with a size, not of the field's rank).
struct _Failure: Error {
  let axis: Int
  var size: Int? = nil
}

/// Orders of k moves to try, the natural one first: then reversed, the rotations and their
/// reversals, then (for k ≤ 6) every permutation.
func _orderings(_ k: Int) -> [[Int]] {
  var out: [[Int]] = []
  var seen: Set<[Int]> = []
  func add(_ o: [Int]) { if seen.insert(o).inserted { out.append(o) } }
  let base = Array(0..<k)
  for r in 0..<max(1, k) {
    let rotated = Array(base[r...] + base[..<r])
    add(rotated)
    add(rotated.reversed())
  }
  if k <= 6 {
    func permute(_ prefix: [Int], _ rest: [Int]) {
      if rest.isEmpty { return add(prefix) }
      for (i, x) in rest.enumerated() {
        var remaining = rest
        remaining.remove(at: i)
        permute(prefix + [x], remaining)
      }
    }
    permute([], base)
  }
  return out
}

extension MultivariateMatrix {
  /// The matrix on the line x = (a + b·n)/q, over one common denominator with its factors split
  /// into linear ones where they have rational roots; `nil` when a denominator factor vanishes on
  /// the whole line.
  func _onLine(_ line: _Line) -> RationalMatrix? {
    var values: [_LineValue] = []
    values.reserveCapacity(entries.count)
    for entry in entries {
      var v = entry._onLine(line)
      var factors: [(polynomial: Polynomial, exponent: Int)] = []
      for (f, e) in v.factors {
        guard !f.isZero else { return nil }
        var unit = f.content
        if f.leadingCoefficient.isNegative { unit.negate() }
        v.constant *= unit.power(e)
        let g = Polynomial(coefficients: f.coefficients.map { $0.dividedExactly(by: unit) })
        if g.degree >= 1 {
          for (piece, k) in _splitLinear(g) { factors.append((piece, k * e)) }
        }
      }
      if v.constant.isNegative {
        v.constant.negate()
        v.numerator = -v.numerator
      }
      v.factors = factors
      values.append(v)
    }
    // Least common denominator: lcm of the constants, the largest power of each factor.
    var constant = BigInt(1)
    var exponents: [Polynomial: Int] = [:]
    for v in values where !v.numerator.isZero {
      constant = BigInt.lcm(constant, v.constant)
      var own: [Polynomial: Int] = [:]
      for (f, e) in v.factors { own[f, default: 0] += e }
      for (f, e) in own { exponents[f] = max(exponents[f] ?? 0, e) }
    }
    let numerators = values.map { v -> Polynomial in
      if v.numerator.isZero { return .zero }
      var p = constant.dividedExactly(by: v.constant) * v.numerator
      var own: [Polynomial: Int] = [:]
      for (f, e) in v.factors { own[f, default: 0] += e }
      for (f, e) in exponents where e > (own[f] ?? 0) { p = p * f.power(e - (own[f] ?? 0)) }
      return p
    }
    return RationalMatrix(_reducing: numerators, size: size, constant: constant, factors: exponents)
  }
}

/// g (primitive, positive leading coefficient, degree ≥ 1) as a product of primitive factors:
/// its rational linear factors (rational root theorem) and what is left.
func _splitLinear(_ g: Polynomial) -> [(Polynomial, Int)] {
  if g.degree <= 1 { return [(g, 1)] }
  var counts: [Polynomial: Int] = [:]
  var rest = g
  for f in g.rationalLinearFactors() {
    let normalized = f.primitivePart
    if let q = rest.dividedExactly(by: normalized) {
      rest = q
      counts[normalized, default: 0] += 1
    }
  }
  if rest.degree >= 1 { counts[rest.primitivePart, default: 0] += 1 }
  return counts.map { ($0.key, $0.value) }
}
