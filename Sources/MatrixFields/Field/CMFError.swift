/// Why a matrix field, a trajectory or a walk was rejected; each message names the values.
public enum CMFError: Error, Sendable, Equatable, CustomStringConvertible {
  /// A field needs at least one axis.
  case noAxes
  /// Two axes share a name.
  case duplicateAxis(String)
  /// The numbers of axis names and of matrices differ.
  case axisCount(axes: Int, matrices: Int)
  /// An axis matrix has another size than the first axis's.
  case matrixSize(axis: String, size: Int, firstAxis: String, expected: Int)
  /// An axis matrix is in another number of variables than there are axes.
  case variableCount(axis: String, variables: Int, axes: Int)
  /// M_a(x)·M_b(x + e_a) ≠ M_b(x)·M_a(x + e_b), first at this entry (1-based).
  case notConservative(first: String, second: String, row: Int, column: Int)
  /// A trajectory or a start position has another number of coordinates than the field has axes.
  case dimension(what: String, value: String, coordinates: Int, field: String, axes: [String])
  /// An axis name that the field does not have.
  case unknownAxis(name: String, axes: [String])
  /// A step matrix has no inverse (for a step in the negative direction).
  case notInvertible(axis: String)
  /// A denominator factor of an axis matrix vanishes on the whole line of the trajectory.
  case undefinedAlongTrajectory(axis: String, trajectory: String, start: String)
  /// The walk meets a point where the trajectory matrix is undefined or not invertible.
  case singularPoint(position: String, step: Int, undefined: Bool)
  /// The companion form has another order than a PCF needs.
  case recurrenceOrder(Int)
  /// A step matrix of another size than the field's rank (a field whose matrices do not agree).
  case stepSize(axis: String, size: Int, rank: Int)
  /// A coordinate, an offset or a step count does not fit in a machine integer.
  case overflow(what: String)
  /// The basis trajectories of a sub-field are zero or linearly dependent.
  case dependentBasis(String)
  /// The work asked for is estimated above a documented limit: what, the estimate and the limit
  /// in `unit`, and what to change.
  case tooLarge(what: String, estimate: Int, limit: Int, unit: String, advice: String)

  public var description: String {
    switch self {
    case .noAxes:
      return "a matrix field needs at least one axis"
    case .duplicateAxis(let name):
      return "the axis name '\(name)' is used twice"
    case .axisCount(let axes, let matrices):
      return "\(axes) axis names but \(matrices) matrices"
    case .matrixSize(let axis, let size, let firstAxis, let expected):
      return "M(\(axis)) is \(size)x\(size) but M(\(firstAxis)) is \(expected)x\(expected)"
    case .variableCount(let axis, let variables, let axes):
      return "M(\(axis)) is in \(variables) variables but the field has \(axes) axes"
    case .notConservative(let a, let b, let row, let column):
      return
        "the field is not conservative: M(\(a))·M(\(b))(\(a)+1) ≠ M(\(b))·M(\(a))(\(b)+1) at entry (\(row), \(column))"
    case .dimension(let what, let value, let coordinates, let field, let axes):
      return
        "\(what) \(value) has \(coordinates) coordinates but \(field) has \(axes.count) axes (\(axes.joined(separator: ", ")))"
    case .unknownAxis(let name, let axes):
      return "no axis '\(name)': the axes are \(axes.joined(separator: ", "))"
    case .notInvertible(let axis):
      return "M(\(axis)) is not invertible, so the field cannot step backwards along \(axis)"
    case .undefinedAlongTrajectory(let axis, let trajectory, let start):
      return
        "M(\(axis)) is undefined on the whole line of trajectory \(trajectory) from \(start): a factor of its denominator vanishes there"
    case .singularPoint(let position, let step, let undefined):
      let why =
        undefined
        ? "the trajectory matrix is undefined there (its denominator vanishes)"
        : "the trajectory matrix is singular there (determinant 0)"
      return "the walk meets a singular point at \(position), step n = \(step): \(why)"
    case .recurrenceOrder(let order):
      return "the trajectory matrix gives a recurrence of order \(order); a PCF needs order 2"
    case .stepSize(let axis, let size, let rank):
      return "a step along \(axis) gives a \(size)x\(size) matrix but the field has rank \(rank)"
    case .overflow(let what):
      return "\(what) does not fit in a 64-bit integer"
    case .dependentBasis(let basis):
      return "the basis trajectories \(basis) are not linearly independent: a sub-field needs independent ones"
    case .tooLarge(let what, let estimate, let limit, let unit, let advice):
      return "\(what) is estimated at \(estimate) \(unit), above the limit of \(limit) \(unit); \(advice)"
    }
  }
}
