import Foundation
import Multiprecision
import Polynomials
import Testing

@testable import MatrixFields

@Suite struct FieldErrorTests {
  func message(_ body: () throws -> Void) -> String {
    do {
      try body()
      return ""
    } catch { return "\(error)" }
  }

  @Test("a field that is not conservative is reported with the first pair of axes and the entry")
  func notConservative() throws {
    // ζ(3) with the (2, 2) entry of My changed by 1.
    let axes = ["x", "y"]
    let mx = try MultivariateMatrix(parsing: "[[0, -x^3], [(x+1)^3, x^3+(x+1)^3+2y(y-1)(2x+1)]]", variables: axes)
    let my = try MultivariateMatrix(
      parsing: "[[-x^3+2x^2y-2xy^2+y^3, -x^3], [x^3, x^3+2x^2y+2xy^2+y^3+1]]", variables: axes)
    let field = try CMF(name: "broken", axes: axes, matrices: [mx, my])
    #expect(!field.isConservative)
    #expect(throws: CMFError.notConservative(first: "x", second: "y", row: 1, column: 2)) {
      try field.checkConservation()
    }
    #expect(
      message { try field.checkConservation() }
        == "the field is not conservative: M(x)·M(y)(x+1) ≠ M(y)·M(x)(y+1) at entry (1, 2)")
    // Three axes, the failure between b and c only.
    let a3 = ["a", "b", "c"]
    let good = KnownCMFs.hypergeometric2F1()
    let bad = try MultivariateMatrix(parsing: "[[-1-2c, (1+2a)(1+2b)], [1, 3+2a+2b+2c+1]]", variables: a3)
    let field3 = try CMF(axes: a3, matrices: [good.matrices[0], good.matrices[1], bad])
    #expect(throws: CMFError.notConservative(first: "a", second: "c", row: 1, column: 2)) {
      try field3.checkConservation()
    }
  }

  @Test("shapes: axes, sizes and variable counts are checked with messages naming them")
  func shapes() throws {
    let e = KnownCMFs.e()
    #expect(message { _ = try CMF(axes: [], matrices: []) } == "a matrix field needs at least one axis")
    #expect(message { _ = try CMF(axes: ["x", "x"], matrices: e.matrices) } == "the axis name 'x' is used twice")
    #expect(message { _ = try CMF(axes: ["x"], matrices: e.matrices) } == "1 axis names but 2 matrices")
    let three = MultivariateMatrix.identity(3, variables: 2)
    #expect(
      message { _ = try CMF(axes: ["x", "y"], matrices: [e.matrices[0], three]) } == "M(y) is 3x3 but M(x) is 2x2")
    let inThree = MultivariateMatrix.identity(2, variables: 3)
    #expect(
      message { _ = try CMF(axes: ["x", "y"], matrices: [e.matrices[0], inThree]) }
        == "M(y) is in 3 variables but the field has 2 axes")
    #expect(message { _ = try e.axisIndex("z") } == "no axis 'z': the axes are x, y")
  }

  @Test("a trajectory or a start with the wrong number of axes names both")
  func dimensions() throws {
    let field = KnownCMFs.zeta3()
    #expect(
      message { _ = try field.trajectoryMatrix(Trajectory([1, 1, 1]), start: Position([1, 1])) }
        == "trajectory (1, 1, 1) has 3 coordinates but zeta3 has 2 axes (x, y)")
    #expect(
      message { _ = try field.limit(Trajectory([1, 1]), start: Position([1]), depth: 10) }
        == "start (1) has 1 coordinates but zeta3 has 2 axes (x, y)")
    let unnamed = try CMF(axes: ["a", "b"], matrices: field.matrices)
    #expect(
      message { _ = try unnamed.walk(Trajectory([1]), start: Position([1, 1]), depth: 3) }
        == "trajectory (1) has 1 coordinates but the field has 2 axes (a, b)")
  }

  @Test("a pole of an axis matrix on the whole line, and a singular backward step")
  func undefined() throws {
    let axes = ["x", "y"]
    // M(x) has the pole y = 2: along (1, 0) from (0, 2) every x-step meets it.
    let poleInY = try CMF(
      name: "pole", axes: axes,
      matrices: [
        try MultivariateMatrix(parsing: "[[1/(y-2), 0], [0, 1]]", variables: axes), .identity(2, variables: 2),
      ])
    #expect(
      message { _ = try poleInY.trajectoryMatrix(Trajectory([1, 0]), start: Position([0, 2])) }
        == "M(x) is undefined on the whole line of trajectory (1, 0) from (0, 2): a factor of its denominator vanishes there"
    )
    // M(x) has the pole x = y: along (1, 1) from (2, 2) the x-step first meets it on the whole line,
    // the y-step first does not — the path is reordered.
    let poleOnDiagonal = try CMF(
      axes: axes,
      matrices: [
        try MultivariateMatrix(parsing: "[[1/(x-y), 0], [0, 1]]", variables: axes),
        try MultivariateMatrix(parsing: "[[1/(x-y-1), 0], [0, 1]]", variables: axes),
      ])
    let m = try poleOnDiagonal.trajectoryMatrix(Trajectory([1, 1]), start: Position([2, 2]))
    #expect(m.evaluated(at: 5)! == [[BigRational(1), 0], [0, 1]])
    let singular = try MultivariateMatrix(parsing: "[[x, 0], [0, 0]]", variables: axes)
    let flat = try CMF(axes: axes, matrices: [singular, MultivariateMatrix.identity(2, variables: 2)])
    #expect(
      message { _ = try flat.stepMatrix(axis: 0, direction: -1) }
        == "M(x) is not invertible, so the field cannot step backwards along x")
    #expect(
      message { _ = try flat.trajectoryMatrix(Trajectory([-1, 0]), start: Position([3, 3])) }
        == "M(x) is not invertible, so the field cannot step backwards along x")
  }
}

@Suite struct FieldTextTests {
  @Test("a field written as text reads back, and its text round-trips")
  func roundTrip() throws {
    for name in ["e", "pi", "zeta3", "2f1", "pfq:2,1,-1", "3f2:1/2"] {
      let field = try KnownCMFs.named(name)
      let again = try CMF(parsing: "# \(name)\n\n" + field.text + "\n", name: name)
      #expect(again.axes == field.axes)
      #expect(again.matrices == field.matrices)
      try again.checkConservation()
    }
    #expect(KnownCMFs.e().text == "x: [[1, -y - 1], [-1, x + y + 2]]\ny: [[0, -y - 1], [-1, x + y + 1]]")
  }

  @Test("CRLF, CR, a trailing CR, tabs and a byte-order mark read as LF text does (issue #8)")
  func lineEnds() throws {
    let lf = "# the e field\nx: [[1, -y-1], [-1, x+y+2]]\n\ny: [[0, -y-1], [-1, x+y+1]]\n"
    let reference = try CMF(parsing: lf)
    for text in [
      lf.replacingOccurrences(of: "\n", with: "\r\n"), lf.replacingOccurrences(of: "\n", with: "\r"),
      "\u{FEFF}" + lf.replacingOccurrences(of: "\n", with: "\r\n"), lf.replacingOccurrences(of: "\n", with: " \t\r\n"),
      "\t" + lf.replacingOccurrences(of: "\ny", with: "\n\t y"),
    ] {
      let field = try CMF(parsing: text)
      #expect(field.axes == reference.axes && field.matrices == reference.matrices, "\(text.debugDescription)")
    }
    // Lines are still counted across CRLF ends.
    #expect(throws: FieldTextError(line: 3, reason: "the axis 'x' is defined twice")) {
      try CMF(parsing: "x: [[1]]\r\n\r\nx: [[2]]\r\n")
    }
  }

  @Test("errors in field text name the line")
  func errors() throws {
    func message(_ text: String) -> String {
      do {
        _ = try CMF(parsing: text)
        return ""
      } catch { return error.description }
    }
    #expect(message("# nothing\n") == "no axis defined: write one line 'AXIS: [[...], ...]' per axis")
    #expect(message("x [[1]]") == "line 1: expected 'AXIS: [[...], ...]', got 'x [[1]]'")
    #expect(message("2x: [[1]]") == "line 1: '2x' is not an axis name (a letter, then letters, digits or '_')")
    #expect(message("x: [[1]]\nx: [[2]]") == "line 2: the axis 'x' is defined twice")
    #expect(
      message("x: [[1, y]]\ny: [[1, 0], [0, q]]")
        == "line 1: cannot read '[[1, y]]' at column 3: a 1x1 matrix needs 1 entries in every row, got 2")
    #expect(
      message("x: [[1, 0], [0, 1]]\n# y\ny: [[1, 0], [0, q]]")
        == "line 3: cannot read '[[1, 0], [0, q]]' at column 14: unknown symbol 'q' (the variables are x, y)")
    #expect(message("x: [[1, 0], [0, 1]]\ny: [[1]]") == "line 2: M(y) is 1x1 but M(x) is 2x2")
  }
}
