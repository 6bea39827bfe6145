/// A direction of travel in a matrix field: the integer number of unit steps along each axis that
/// one step n → n + 1 of a trajectory matrix takes.
public struct Trajectory: Sendable, Hashable, CustomStringConvertible {
  /// The steps tₐ along each axis, in the field's axis order.
  public let steps: [Int]

  /// The trajectory with these steps.
  public init(_ steps: [Int]) { self.steps = steps }

  /// The number of axes.
  public var dimension: Int { steps.count }
  /// Whether it does not move.
  public var isZero: Bool { steps.allSatisfy { $0 == 0 } }
  /// Σ|tᵢ|: the number of axis steps in one trajectory step (`Int.max` when it does not fit).
  public var length: Int {
    var sum: UInt = 0
    for t in steps {
      let (s, overflow) = sum.addingReportingOverflow(t.magnitude)
      if overflow || s > UInt(Int.max) { return Int.max }
      sum = s
    }
    return Int(sum)
  }

  /// t = Σ mᵢ·dᵢ with every dᵢ ∈ {−1, 0, 1}^d and mᵢ ≥ 1: repeatedly the smallest nonzero |tᵢ|
  /// times the sign vector of what is left (the order ramanujantools walks in).
  /// Precondition: no step is `Int.min`.
  public var diagonalDecomposition: [(multiplicity: Int, diagonal: [Int])] {
    precondition(!steps.contains(Int.min), "a trajectory step of Int.min has no magnitude in Int")
    var rest = steps
    var out: [(multiplicity: Int, diagonal: [Int])] = []
    while let m = rest.filter({ $0 != 0 }).map(abs).min() {
      let signs = rest.map { $0.signum() }
      out.append((m, signs))
      rest = zip(rest, signs).map { $0 - m * $1 }
    }
    return out
  }

  /// `(1, 1)`.
  public var description: String { "(" + steps.map(String.init).joined(separator: ", ") + ")" }

  /// Reads `1,1`, `(2, -1)` or `[0,1]`; `nil` when a step is not an integer.
  public init?(parsing text: String) {
    guard let values = _parseTuple(text, { Int($0) }) else { return nil }
    self.init(values)
  }
}
