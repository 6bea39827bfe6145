import Foundation
import Multiprecision
import Polynomials

/// A conservative matrix field: one r×r matrix M_a(x) of rational functions per axis a of ℤ^d
/// (the variables are the axes), with
///
///     M_a(x) · M_b(x + e_a) = M_b(x) · M_a(x + e_b)   for all axes a, b,
///
/// so the product of step matrices along a lattice path depends only on its end points. Walking
/// along a trajectory t from a start s multiplies the trajectory matrix M_t(n) — the product over
/// one path from s + n·t to s + (n+1)·t — for n = 0, 1, 2, …
///
/// Row vectors are walked (r(n+1) = r(n)·M), as in ramanujantools; the limit of a walk W is
/// W[0, last]/W[1, last]. Construction checks shapes, not conservation: see `checkConservation()`.
/// - SeeAlso: R. Elimelech, O. David, C. De la Cruz Mengual, R. Kalisch, W. Berndt, M. Shalyt,
///   M. Silberstein, Y. Hadad, I. Kaminer, "Algorithm-assisted discovery of an intrinsic order
///   among mathematical constants", PNAS 121 (2024).
public struct CMF: Sendable {
  /// A short name for messages (`zeta3`), or `nil`.
  public let name: String?
  /// The axis names, which are also the variable names of the matrices.
  public let axes: [String]
  /// The size r of the matrices.
  public let rank: Int
  /// M_a for each axis a, given or built on first use (known fields with large matrices).
  let _forward: _AxisMatrices
  /// Known backward steps N_a(x) = M_a(x − e_a)⁻¹, given or built on first use (`nil`: computed
  /// from M_a when needed).
  let _backward: _AxisMatrices?
  /// A fast way to the step matrix on a line, equal to substituting the matrix (known fields).
  let _evaluator: _StepEvaluator?
  /// A fast way to M_a at a point modulo a prime, equal to evaluating the matrix (known fields
  /// whose matrices are large), and its degree bound for the error of random-point checks.
  let _modular: (evaluate: _ModularEvaluator, degree: Int)?
  /// The work of the exact conservation check when the matrices are built on first use (they
  /// are not built to estimate it); `nil`: estimated from the matrices.
  let _exactCheckWork: Int?

  /// A field from its axis names and matrices.
  /// - Throws: `CMFError` when there are no axes, a name repeats, the counts differ, or a matrix
  ///   has another size or number of variables.
  public init(name: String? = nil, axes: [String], matrices: [MultivariateMatrix]) throws(CMFError) {
    guard !axes.isEmpty else { throw .noAxes }
    var seen: Set<String> = []
    for a in axes {
      guard seen.insert(a).inserted else { throw .duplicateAxis(a) }
    }
    guard axes.count == matrices.count else { throw .axisCount(axes: axes.count, matrices: matrices.count) }
    for (a, m) in zip(axes, matrices) {
      guard m.size == matrices[0].size else {
        throw .matrixSize(axis: a, size: m.size, firstAxis: axes[0], expected: matrices[0].size)
      }
      guard m.variableCount == axes.count else {
        throw .variableCount(axis: a, variables: m.variableCount, axes: axes.count)
      }
    }
    self.name = name
    self.axes = axes
    self.rank = matrices[0].size
    self._forward = _AxisMatrices(matrices)
    self._backward = nil
    self._evaluator = nil
    self._modular = nil
    self._exactCheckWork = nil
  }

  /// A field whose matrices are built when first used, by `forward(a)` and `backward(a)`
  /// (which the caller guarantees to be r×r in the axes).
  init(
    name: String?, axes: [String], rank: Int, forward: @escaping @Sendable (Int) -> MultivariateMatrix,
    backward: (@Sendable (Int) -> MultivariateMatrix)?, evaluator: _StepEvaluator?,
    modular: (evaluate: _ModularEvaluator, degree: Int)? = nil, exactCheckWork: Int? = nil
  ) {
    self.name = name
    self.axes = axes
    self.rank = rank
    self._forward = _AxisMatrices(count: axes.count, build: forward)
    self._backward = backward.map { _AxisMatrices(count: axes.count, build: $0) }
    self._evaluator = evaluator
    self._modular = modular
    self._exactCheckWork = exactCheckWork
  }

  /// M_a for each axis a, in axis order.
  public var matrices: [MultivariateMatrix] { (0..<dimension).map(_forward.matrix) }

  /// M_a for one axis.
  public func matrix(axis a: Int) -> MultivariateMatrix { _forward.matrix(a) }

  /// The number of axes d.
  public var dimension: Int { axes.count }

  /// The index of a named axis.
  /// - Throws: `CMFError.unknownAxis`.
  public func axisIndex(_ name: String) throws(CMFError) -> Int {
    guard let i = axes.firstIndex(of: name) else { throw .unknownAxis(name: name, axes: axes) }
    return i
  }

  /// The matrix of one step along `axis`: M_a(x) forward (direction +1), and backward
  /// (direction −1) N_a(x) = M_a(x − e_a)⁻¹, which takes x to x − e_a.
  /// - Throws: `CMFError.notInvertible` when M_a has no inverse.
  /// - Complexity: backward, one fraction-free inverse unless the field knows it.
  public func stepMatrix(axis a: Int, direction: Int) throws(CMFError) -> MultivariateMatrix {
    precondition(direction == 1 || direction == -1, "a step direction is +1 or -1, got \(direction)")
    if direction == 1 { return _forward.matrix(a) }
    if let known = _backward { return known.matrix(a) }
    guard let inverse = _forward.matrix(a).shifted(a, by: -1).inverse else { throw .notInvertible(axis: axes[a]) }
    return inverse
  }

  /// The field's name for messages.
  var _label: String { name ?? "the field" }
}

/// Axis matrices, given, or built on first use and kept (thread-safe: a matrix may be built twice
/// by racing threads, the same each time).
final class _AxisMatrices: @unchecked Sendable {
  private let lock = NSLock()
  private var cache: [MultivariateMatrix?]
  private let build: @Sendable (Int) -> MultivariateMatrix

  init(_ given: [MultivariateMatrix]) {
    cache = given
    build = { given[$0] }
  }

  init(count: Int, build: @escaping @Sendable (Int) -> MultivariateMatrix) {
    cache = Array(repeating: nil, count: count)
    self.build = build
  }

  func matrix(_ a: Int) -> MultivariateMatrix {
    lock.lock()
    let known = cache[a]
    lock.unlock()
    if let known { return known }
    let m = build(a)
    lock.lock()
    cache[a] = m
    lock.unlock()
    return m
  }
}

/// The step matrix of axis `axis` in `direction` on a line (nil: use substitution).
typealias _StepEvaluator = @Sendable (_ axis: Int, _ direction: Int, _ line: _Line) -> RationalMatrix?

/// M_a at a point modulo a prime, row-major; `nil` where a denominator vanishes there.
typealias _ModularEvaluator = @Sendable (_ axis: Int, _ point: [UInt64], _ field: _PrimeField) -> [UInt64]?

// MARK: - Validation

extension CMF {
  func _validate(_ trajectory: Trajectory) throws(CMFError) {
    guard trajectory.dimension == dimension else {
      throw .dimension(
        what: "trajectory", value: trajectory.description, coordinates: trajectory.dimension, field: _label, axes: axes)
    }
  }

  func _validate(start: Position) throws(CMFError) {
    guard start.dimension == dimension else {
      throw .dimension(what: "start", value: start.description, coordinates: start.dimension, field: _label, axes: axes)
    }
  }
}
