extension CMF {
  /// The dual field, M_a ↦ (M_a⁻¹)ᵀ: inverting and transposing M_a(x)·M_b(x + e_a) =
  /// M_b(x)·M_a(x + e_b) gives the same law for the inverse transposes, so the dual conserves.
  /// - Throws: `CMFError.notInvertible` naming the first axis whose matrix has no inverse.
  /// - Complexity: one fraction-free inverse per axis.
  public func dual() throws(CMFError) -> CMF {
    var out: [MultivariateMatrix] = []
    for (a, m) in matrices.enumerated() {
      guard let inverse = m.inverse else { throw .notInvertible(axis: axes[a]) }
      out.append(inverse.transpose)
    }
    return try CMF(name: name.map { "dual of \($0)" }, axes: axes, matrices: out)
  }

  /// The field M_a ↦ U(x)⁻¹·M_a(x)·U(x + e_a) for an invertible matrix U(x) in the axes: a
  /// coboundary conserves exactly when the field does, and every walk changes only by U at its
  /// two ends.
  /// - Throws: `CMFError.matrixSize` when U has another size, `.notInvertible` (named "U") when U
  ///   has no inverse. Precondition: U is in the field's variables.
  public func coboundary(_ u: MultivariateMatrix) throws(CMFError) -> CMF {
    precondition(u.variableCount == dimension, "U is in \(u.variableCount) variables, the field has \(dimension) axes")
    guard u.size == rank else { throw .matrixSize(axis: "U", size: u.size, firstAxis: axes[0], expected: rank) }
    guard let inverse = u.inverse else { throw .notInvertible(axis: "U") }
    let out = matrices.enumerated().map { a, m in inverse * m * u.shifted(a, by: 1) }
    return try CMF(name: name.map { "coboundary of \($0)" }, axes: axes, matrices: out)
  }
}
