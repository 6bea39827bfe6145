import Multiprecision

/// A point of a matrix field: one rational coordinate per axis, in the field's axis order.
public struct Position: Sendable, Hashable, CustomStringConvertible {
  /// One coordinate per axis.
  public let coordinates: [BigRational]

  /// The point with these coordinates.
  public init(_ coordinates: [BigRational]) { self.coordinates = coordinates }

  /// An integer point.
  public init(_ coordinates: [Int]) { self.coordinates = coordinates.map { BigRational($0) } }

  /// The number of axes.
  public var dimension: Int { coordinates.count }

  /// Whether every coordinate is an integer.
  public var isInteger: Bool { coordinates.allSatisfy(\.isInteger) }

  /// The point reached after `k` steps along `trajectory`: self + k·t.
  /// Precondition: same dimension.
  public func advanced(by trajectory: Trajectory, steps k: Int = 1) -> Position {
    precondition(
      trajectory.dimension == dimension, "a trajectory of \(trajectory.dimension) axes from a point of \(dimension)")
    return Position(zip(coordinates, trajectory.steps).map { $0 + BigRational(k) * BigRational($1) })
  }

  /// `(1, 1/2, -3)`.
  public var description: String { "(" + coordinates.map(\.description).joined(separator: ", ") + ")" }

  /// `(x = 1, y = 1/2)` in the given axis names.
  public func description(axes: [String]) -> String {
    precondition(axes.count == dimension, "\(axes.count) names for \(dimension) coordinates")
    return "(" + zip(axes, coordinates).map { "\($0) = \($1)" }.joined(separator: ", ") + ")"
  }

  /// Reads `1,1`, `(1, 1/2, -3)` or `[0,0]`; `nil` when a coordinate is not a rational number.
  public init?(parsing text: String) {
    guard let values = _parseTuple(text, BigRational.init) else { return nil }
    self.init(values)
  }
}

/// Comma-separated values, optionally in parentheses or brackets.
func _parseTuple<T>(_ text: String, _ read: (String) -> T?) -> [T]? {
  var body = Substring(text._trimmed(" "))
  if let first = body.first, let last = body.last, (first == "(" && last == ")") || (first == "[" && last == "]") {
    body = body.dropFirst().dropLast()
  }
  let parts = body.split(separator: ",", omittingEmptySubsequences: false).map {
    String($0)._trimmed(" ")
  }
  guard !parts.isEmpty, !(parts.count == 1 && parts[0].isEmpty) else { return nil }
  var out: [T] = []
  for p in parts {
    guard let v = read(p) else { return nil }
    out.append(v)
  }
  return out
}

extension String {
  /// Without leading and trailing whitespace (spaces, tabs, line ends).
  var _trimmedWhitespace: String {
    var s = Substring(self)
    while let c = s.first, c.isWhitespace { s = s.dropFirst() }
    while let c = s.last, c.isWhitespace { s = s.dropLast() }
    return String(s)
  }

  func _trimmed(_ set: Character) -> String {
    var s = Substring(self)
    while s.first == set { s = s.dropFirst() }
    while s.last == set { s = s.dropLast() }
    return String(s)
  }
}
