import ContinuedFractions
import Polynomials
import Recurrences

extension CMF {
  /// The linear recurrence of the trajectory matrix's companion form (see
  /// `RationalMatrix.recurrence()`).
  /// - Throws: as `trajectoryMatrix`.
  public func recurrence(_ trajectory: Trajectory, start: Position, threads: Int = 1) throws(CMFError)
    -> LinearRecurrence
  {
    try trajectoryMatrix(trajectory, start: start, threads: threads).recurrence()
  }

  /// The PCF of a trajectory of a rank-2 field: companion form, cleared of denominators by
  /// inflation, fully deflated (see `RationalMatrix.pcf()`). The ζ(3) field along (1, 1) from
  /// (0, 0) gives Apéry's PCF((2n+1)(17n²+17n+5), −n⁶).
  /// - Throws: as `trajectoryMatrix`, and `CMFError.recurrenceOrder` when the recurrence is not of
  ///   order 2.
  public func pcf(_ trajectory: Trajectory, start: Position, threads: Int = 1) throws(CMFError) -> PCF {
    try trajectoryMatrix(trajectory, start: start, threads: threads).pcf()
  }
}
