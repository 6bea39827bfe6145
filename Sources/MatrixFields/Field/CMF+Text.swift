import Polynomials

/// Why the text of a field could not be read: the line (from 1; 0 for the whole text) and why, on
/// one line (control characters are shown as escapes such as `\r`).
public struct FieldTextError: Error, Sendable, Equatable, CustomStringConvertible {
  public let line: Int
  public let reason: String

  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }

  public var description: String { _ExpressionLimits.escaped(line > 0 ? "line \(line): \(reason)" : reason) }
}

extension CMF {
  /// The most axes a field read from text may have (the catalog's largest, pFq with P, Q ≤ 12, has 24).
  public static let maximumAxes = 64

  /// Reads a field written one axis per line, `AXIS: MATRIX`, the axis names being the
  /// variables of every matrix:
  ///
  ///     # the ζ(3) field
  ///     x: [[0, -x^3], [(x+1)^3, x^3+(x+1)^3+2y(y-1)(2x+1)]]
  ///     y: [[-x^3+2x^2y-2xy^2+y^3, -x^3], [x^3, x^3+2x^2y+2xy^2+y^3]]
  ///
  /// Lines may end in LF, CRLF or CR; a leading byte-order mark is skipped, and so are blank
  /// lines and lines starting with `#`. At most `maximumAxes` (64) axes; entries obey the limits
  /// of `MultivariateRationalFunction(parsing:variables:)`, the expansion budget being shared by
  /// the whole text. Entries are read by
  /// `MultivariateRationalFunction(parsing:variables:)`. Conservation is not checked here (see
  /// `checkConservation()`).
  /// - Throws: `FieldTextError` naming the line: a line that is not `AXIS: MATRIX`, an axis name
  ///   that is not a name or repeats, an entry that cannot be read, matrices of different sizes,
  ///   or no axis at all.
  public init(parsing text: String, name: String? = nil) throws(FieldTextError) {
    var axes: [String] = []
    var bodies: [(line: Int, text: String)] = []
    // Any line end ("\r\n" is one Character, so splitting on "\n" alone would keep CRLF text as
    // one line), and a leading byte-order mark.
    var body = Substring(text)
    if body.first == "\u{FEFF}" { body = body.dropFirst() }
    for (index, raw) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let line = String(raw)._trimmedWhitespace
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":") else {
        throw FieldTextError(line: index + 1, reason: "expected 'AXIS: [[...], ...]', got '\(line)'")
      }
      let axis = String(line[..<colon])._trimmedWhitespace
      guard let first = axis.first, first.isLetter,
        axis.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
      else {
        throw FieldTextError(
          line: index + 1, reason: "'\(axis)' is not an axis name (a letter, then letters, digits or '_')")
      }
      guard !axes.contains(axis) else {
        throw FieldTextError(line: index + 1, reason: "the axis '\(axis)' is defined twice")
      }
      guard axes.count < Self.maximumAxes else {
        throw FieldTextError(line: index + 1, reason: "a field has at most \(Self.maximumAxes) axes")
      }
      axes.append(axis)
      bodies.append((index + 1, String(line[line.index(after: colon)...])._trimmedWhitespace))
    }
    guard !axes.isEmpty else {
      throw FieldTextError(line: 0, reason: "no axis defined: write one line 'AXIS: [[...], ...]' per axis")
    }
    var matrices: [MultivariateMatrix] = []
    // One expansion budget for the whole text, not one per entry.
    var work = 0.0
    for (line, body) in bodies {
      do {
        matrices.append(try MultivariateMatrix(parsing: body, variables: axes, work: &work))
      } catch {
        throw FieldTextError(line: line, reason: "\(error)")
      }
    }
    do {
      try self.init(name: name, axes: axes, matrices: matrices)
    } catch {
      // Only sizes can differ here (the variables are the axes): name the line of that axis.
      var line = 0
      if case .matrixSize(let axis, _, _, _) = error, let i = axes.firstIndex(of: axis) { line = bodies[i].line }
      throw FieldTextError(line: line, reason: error.description)
    }
  }

  /// The field as text that `init(parsing:)` reads back: one `AXIS: MATRIX` line per axis.
  public var text: String {
    zip(axes, matrices).map { axis, m in
      let rows = (0..<m.size).map { i in
        "[" + (0..<m.size).map { m[i, $0].description(variables: axes) }.joined(separator: ", ") + "]"
      }
      return "\(axis): [" + rows.joined(separator: ", ") + "]"
    }.joined(separator: "\n")
  }
}
