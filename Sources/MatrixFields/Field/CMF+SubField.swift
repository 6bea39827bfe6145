import Multiprecision
import Polynomials

extension CMF {
  /// The most unit steps the basis trajectories of a sub-field may take together: each step is a
  /// symbolic product of multivariate matrices.
  public static let maxSubFieldSteps = 64

  /// The field restricted to the lattice s + Σⱼ yⱼ·tⱼ spanned by the basis trajectories tⱼ:
  /// new axes y₁…y_k with M'ⱼ(y) = M_{tⱼ}(s + Σᵢ yᵢ·tᵢ), the trajectory matrix of tⱼ (the product
  /// of the unit step matrices along one path, forward M_a(x) or backward M_a(x − e_a)⁻¹).
  /// Conservation of the original field makes that product path-independent, hence
  /// M'ᵢ(y)·M'ⱼ(y + eᵢ) = M'ⱼ(y)·M'ᵢ(y + eⱼ): the sub-field conserves (ramanujantools' `sub_cmf`).
  /// A walk of the sub-field along (m₁, …, m_k) from y is the walk of the field along Σ mⱼtⱼ from
  /// s + Σ yⱼtⱼ.
  /// - Throws: `CMFError.dimension` for a trajectory or start with another number of coordinates,
  ///   `.duplicateAxis` for repeated names, `.dependentBasis` for a zero or linearly dependent basis, `.tooLarge` when Σⱼ Σ|tⱼ| > `maxSubFieldSteps`,
  ///   `.notInvertible` for a backward step of a singular matrix. Precondition: s is an integer
  ///   position, names and basis have the same count.
  /// - Complexity: Σ|tⱼ| symbolic products of r×r matrices of rational functions in k variables.
  public func subField(basis: [Trajectory], start: Position, axes names: [String]) throws(CMFError) -> CMF {
    precondition(names.count == basis.count, "\(names.count) names for \(basis.count) trajectories")
    precondition(start.isInteger, "a sub-field start must be an integer position")
    for t in basis { try _validate(t) }
    try _validate(start: start)
    guard Self._rank(basis.map { $0.steps.map { BigRational($0) } }) == basis.count else {
      throw .dependentBasis(basis.map(\.description).joined(separator: ", "))
    }
    let steps = basis.reduce(0) { $0 + $1.length }
    guard steps <= CMF.maxSubFieldSteps else {
      throw .tooLarge(
        what: "the sub-field of \(_label) spanned by \(basis.map(\.description).joined(separator: ", "))",
        estimate: steps, limit: CMF.maxSubFieldSteps, unit: "unit steps of the basis trajectories",
        advice: "choose shorter basis trajectories")
    }
    let k = basis.count
    // x_a = s_a + Σ_j y_j·t_{j,a}, as polynomials in the new axes.
    let point: [MultivariatePolynomial] = (0..<dimension).map { a in
      var p = MultivariatePolynomial(constant: start.coordinates[a].numerator, variables: k)
      for (j, t) in basis.enumerated() where t.steps[a] != 0 {
        p = p + BigInt(t.steps[a]) * MultivariatePolynomial.variable(j, of: k)
      }
      return p
    }
    var matrices: [MultivariateMatrix] = []
    for t in basis {
      var product = MultivariateMatrix.identity(rank, variables: k)
      var offset = Array(repeating: 0, count: dimension)
      for a in 0..<dimension where t.steps[a] != 0 {
        let direction = t.steps[a] > 0 ? 1 : -1
        let step = try stepMatrix(axis: a, direction: direction)
        for _ in 0..<abs(t.steps[a]) {
          let at = (0..<dimension).map { b in point[b] + MultivariatePolynomial(offset[b], variables: k) }
          product = product * step.substituting(at)
          offset[a] += direction
        }
      }
      matrices.append(product)
    }
    return try CMF(name: name.map { "sub-field of \($0)" }, axes: names, matrices: matrices)
  }
}

extension CMF {
  /// The rank of the rows, by exact Gaussian elimination.
  static func _rank(_ rows: [[BigRational]]) -> Int {
    var m = rows
    var rank = 0
    let columns = m.first?.count ?? 0
    for c in 0..<columns where rank < m.count {
      guard let pivot = (rank..<m.count).first(where: { !m[$0][c].isZero }) else { continue }
      m.swapAt(rank, pivot)
      for i in (rank + 1)..<m.count where !m[i][c].isZero {
        let f = m[i][c] / m[rank][c]
        m[i] = zip(m[i], m[rank]).map { $0 - f * $1 }
      }
      rank += 1
    }
    return rank
  }
}
