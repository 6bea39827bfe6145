import Multiprecision
import Polynomials

extension KnownCMFs {
  /// The ascent of a walk in the pFq field to the (p+1)F(q+1) field: the new axes x_p and y_q are
  /// added (after the x's and at the end), the trajectory does not move along them and the start
  /// takes x_p = `x`, y_q = `y`. When x − y is an integer the ascended walk holds the constants of
  /// the original one (the new parameters cancel up to a rational function in the series), with the
  /// same δ (ramanujantools' `pFq.ascend`).
  /// - Returns: the field, trajectory and start of the ascended walk.
  /// Precondition: t and s have p + q coordinates; p + 1, q + 1 ≤ 12.
  public static func ascend(
    p: Int, q: Int, z: BigRational, trajectory t: Trajectory, start s: Position, x: BigRational, y: BigRational
  ) -> (field: CMF, trajectory: Trajectory, start: Position) {
    precondition(t.dimension == p + q && s.dimension == p + q, "a pFq(\(p), \(q)) walk has \(p + q) coordinates")
    let steps = Array(t.steps[..<p]) + [0] + Array(t.steps[p...]) + [0]
    let start = Array(s.coordinates[..<p]) + [x] + Array(s.coordinates[p...]) + [y]
    return (pFq(p + 1, q + 1, z: z), Trajectory(steps), Position(start))
  }
}
