import Foundation
import Multiprecision
import Polynomials
import TestSupport
import Testing

@testable import MatrixFields

@Suite struct KnownFieldsTests {
  @Test("the known fields conserve", arguments: ["e", "pi", "zeta3", "ln2", "2f1", "3f2:-1", "3f2:1/2", "3f2:5"])
  func conservation(_ name: String) throws {
    let field = try KnownCMFs.named(name)
    try field.checkConservation()
    #expect(field.isConservative)
  }

  @Test(
    "pFq(p, q, z) conserves for p, q ≤ 3",
    arguments: [(1, 0), (0, 1), (1, 1), (2, 1), (1, 2), (2, 2), (3, 1), (3, 2), (2, 3), (3, 3)])
  func pFqConservation(_ pq: (Int, Int)) throws {
    // pFq(1, 0, 1) has rank 0 (E = −x0): no field.
    for z in [BigRational(-1), BigRational(1), BigRational(2, 3)] where !(pq == (1, 0) && z == 1) {
      let field = KnownCMFs.pFq(pq.0, pq.1, z: z)
      #expect(field.dimension == pq.0 + pq.1)
      let expectedRank = max(pq.0, pq.1 + 1) - (pq.0 == pq.1 + 1 && z == 1 ? 1 : 0)
      #expect(field.rank == expectedRank, "pFq(\(pq.0), \(pq.1), \(z))")
      #expect(throws: Never.self, "pFq(\(pq.0), \(pq.1), \(z))") { try field.checkConservation() }
    }
  }

  @Test("axis matrices and backward steps equal ramanujantools'")
  func againstPeer() throws {
    var checked = 0
    for row in fixtureRows("field-matrices.tsv") {
      let field = try KnownCMFs.named(row[0])
      let backward = row[1].hasPrefix("-")
      let a = try field.axisIndex(backward ? String(row[1].dropFirst()) : row[1])
      let theirs = try MultivariateMatrix(parsing: row[2], variables: field.axes)
      let ours = try field.stepMatrix(axis: a, direction: backward ? -1 : 1)
      #expect(ours == theirs, "\(row[0]) M(\(row[1]))")
      checked += 1
    }
    #expect(checked == 50)
  }

  @Test("backward steps invert forward steps: M_a(x − e_a)·N_a(x) = I")
  func backwardInverts() throws {
    for name in ["e", "zeta3", "2f1", "pfq:2,1,-1", "pfq:2,2,1/2", "3f2:-1"] {
      let field = try KnownCMFs.named(name)
      for a in 0..<field.dimension {
        let product = field.matrices[a].shifted(a, by: -1) * (try field.stepMatrix(axis: a, direction: -1))
        #expect(product == .identity(field.rank, variables: field.dimension), "\(name) \(field.axes[a])")
      }
    }
  }

  @Test("the pFq fast step on a line equals substituting the matrices (seeded)")
  func evaluatorEqualsSubstitution() throws {
    var rng = SeededGenerator(seed: 3)
    for (p, q, z) in [
      (2, 1, BigRational(-1)), (3, 2, BigRational(1)), (2, 2, BigRational(1, 2)), (1, 3, BigRational(-3)),
    ] {
      let field = KnownCMFs.pFq(p, q, z: z)
      let evaluate = try #require(field._evaluator)
      for _ in 0..<12 {
        let start = (0..<field.dimension).map { _ in BigRational(Int.random(in: -5...9, using: &rng)) }
        let offset = (0..<field.dimension).map { _ in Int.random(in: -2...2, using: &rng) }
        let slope = (0..<field.dimension).map { _ in Int.random(in: -3...5, using: &rng) }
        let line = _Line(start: start, offset: offset, slope: slope)
        let a = Int.random(in: 0..<field.dimension, using: &rng)
        for direction in [1, -1] {
          let fast = evaluate(a, direction, line)
          let slow = try field.stepMatrix(axis: a, direction: direction)._onLine(line)
          #expect((fast == nil) == (slow == nil))
          if let fast, let slow { #expect(fast == slow, "pFq(\(p),\(q),\(z)) axis \(a) direction \(direction)") }
        }
      }
    }
  }

  @Test("the f/f̄ construction checks both conditions and names the one that fails")
  func ffbar() throws {
    let x = MultivariatePolynomial.variable(0, of: 2)
    let y = MultivariatePolynomial.variable(1, of: 2)
    let field = try KnownCMFs.ffbar(f: x + y, fbar: x - y)
    try field.checkConservation()
    #expect(throws: FFbarError.linearCondition("2")) { try KnownCMFs.ffbar(f: x + y, fbar: x + y) }
    #expect(
      FFbarError.linearCondition("2").description
        == "f and f̄ fail the linear condition f(x+1,y-1) - f̄(x,y-1) + f̄(x+1,y) - f(x,y) = 0: it is 2")
    // f = x + 2y, f̄ = x: linear holds (1 + 1 − 0 ... ) only if ... build one failing the quadratic one.
    let two = MultivariatePolynomial(2, variables: 2)
    #expect(throws: FFbarError.self) { try KnownCMFs.ffbar(f: two * x + y, fbar: two * x - y) }
    let error = #expect(throws: FFbarError.self) { try KnownCMFs.ffbar(f: x * x + y, fbar: x * x - y) }
    if case .quadraticCondition(let value) = error {
      #expect(
        FFbarError.quadraticCondition(value).description
          == "f and f̄ fail the quadratic condition ff̄(x,y) - ff̄(x,0) - ff̄(0,y) + ff̄(0,0) = 0: it is \(value)")
    }
    #expect(throws: FFbarError.variables(3)) {
      try KnownCMFs.ffbar(f: .variable(0, of: 3), fbar: .variable(1, of: 3))
    }
    #expect(FFbarError.variables(3).description == "f and f̄ must be polynomials in the 2 axes x, y, got 3 variables")
  }

  @Test("a failing f/f̄ condition is shown abbreviated when long")
  func ffbarLongCondition() throws {
    let text: String
    do {
      _ = try KnownCMFs.named("ffbar:(x+y)^60,x-y")
      text = ""
    } catch { text = error.description }
    #expect(
      text.hasPrefix(
        "unknown field 'ffbar:(x+y)^60,x-y': f and f̄ fail the quadratic condition ff̄(x,y) - ff̄(x,0) - ff̄(0,y) + ff̄(0,0) = 0: it is 59x^60y + 1710x^59y^2"
      ))
    #expect(text.hasSuffix("… (60 terms)"))
    #expect(text.count < 300)
  }

  @Test("fields by name, and the errors for names that are not fields")
  func names() throws {
    #expect(try KnownCMFs.named("zeta3").axes == ["x", "y"])
    #expect(try KnownCMFs.named(" pfq:3,2,1 ").rank == 2)
    #expect(try KnownCMFs.named("pfq:2,1,1/2").axes == ["x0", "x1", "y0"])
    #expect(try KnownCMFs.named("ffbar:x+y,x-y").isConservative)
    #expect(try KnownCMFs.named("2F1").dimension == 3)
    #expect(throws: FieldNameError.self) { try KnownCMFs.named("zeta5") }
    #expect(
      FieldNameError(
        name: "zeta5",
        reason: "the known fields are e, pi, zeta3, ln2, 2f1, 3f2:Z, pfq:P,Q,Z, ffbar:F,FBAR, meijerg:M,N,P,Q,Z"
      )
      .description
        == "unknown field 'zeta5': the known fields are e, pi, zeta3, ln2, 2f1, 3f2:Z, pfq:P,Q,Z, ffbar:F,FBAR, meijerg:M,N,P,Q,Z"
    )
    func reason(_ name: String) -> String? {
      do {
        _ = try KnownCMFs.named(name)
        return nil
      } catch { return error.description }
    }
    #expect(
      reason("zeta5")
        == "unknown field 'zeta5': the known fields are e, pi, zeta3, ln2, 2f1, 3f2:Z, pfq:P,Q,Z, ffbar:F,FBAR, meijerg:M,N,P,Q,Z"
    )
    #expect(
      reason("pfq:3,2")
        == "unknown field 'pfq:3,2': pfq:P,Q,Z needs integers 0 ≤ P, Q ≤ 12 with P + Q ≥ 1 and a rational Z ≠ 0, got '3,2'"
    )
    #expect(
      reason("pfq:0,0,1")
        == "unknown field 'pfq:0,0,1': pfq:P,Q,Z needs integers 0 ≤ P, Q ≤ 12 with P + Q ≥ 1 and a rational Z ≠ 0, got '0,0,1'"
    )
    #expect(reason("3f2:1") == "unknown field '3f2:1': 3f2:Z needs a rational Z other than 0 and 1, got '1'")
    #expect(reason("ffbar:x+y") == "unknown field 'ffbar:x+y': ffbar:F,FBAR needs two polynomials in x, y, got 'x+y'")
    #expect(reason("ffbar:x+y,1/x") == "unknown field 'ffbar:x+y,1/x': ffbar:F,FBAR needs polynomials, got 'x+y,1/x'")
    #expect(
      reason("ffbar:x+z,x")
        == "unknown field 'ffbar:x+z,x': cannot read 'x+z' at column 3: unknown symbol 'z' (the variables are x, y)")
    #expect(
      reason("ffbar:x+y,x+y")
        == "unknown field 'ffbar:x+y,x+y': f and f̄ fail the linear condition f(x+1,y-1) - f̄(x,y-1) + f̄(x+1,y) - f(x,y) = 0: it is 2"
    )
  }
}

@Suite struct CasesFileTests {
  /// The rows of the table in cmf-cases.md: field, Mx, My, walk, limit.
  static let table: [[String]] = fixture("cmf-cases.md").split(separator: "\n").filter {
    $0.hasPrefix("| ") && !$0.hasPrefix("| field")
  }.map { line in
    line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map {
      String($0).trimmingCharacters(in: .whitespaces)
    }
  }

  @Test("the fields of cmf-cases.md are the factories' and they conserve")
  func fields() throws {
    let factories = ["e": KnownCMFs.e(), "π": KnownCMFs.pi(), "ζ(3)": KnownCMFs.zeta3()]
    #expect(Self.table.count == 3)
    for row in Self.table {
      let field = try #require(factories[row[0]], "\(row[0])")
      let mx = try MultivariateMatrix(parsing: row[1], variables: ["x", "y"])
      let my = try MultivariateMatrix(parsing: row[2], variables: ["x", "y"])
      #expect(mx == field.matrices[0] && my == field.matrices[1], "\(row[0])")
      try CMF(axes: ["x", "y"], matrices: [mx, my]).checkConservation()
      // The walk column reads "t=(1,1) from (s,s)": the factory's start in the limits table.
      let walk = row[3]
      let start = String(walk[walk.range(of: "from ")!.upperBound...])
      #expect(FieldWalkTests.limits.contains { Position($0.s) == Position(parsing: start) && $0.written == row[4] })
    }
  }

  @Test(
    "the f/f̄ construction of cmf-cases.md: f = x+y, f̄ = x−y gives Mx = [[0, x²], [1, 2y−1]], My = [[x−y, x²], [1, x+y]]"
  )
  func ffbarMatrices() throws {
    let text = fixture("cmf-cases.md")
    #expect(text.contains("b(x) = f·f̄(x,0) - f·f̄(0,0), a(x,y) = f(x,y) - f̄(x+1,y),"))
    #expect(text.contains("Mx = [[0, b], [1, a]], My = [[f̄, b], [1, f]]."))
    let field = KnownCMFs.ln2()
    #expect(field.matrices[0] == (try MultivariateMatrix(parsing: "[[0, x^2], [1, 2y-1]]", variables: ["x", "y"])))
    #expect(field.matrices[1] == (try MultivariateMatrix(parsing: "[[x-y, x^2], [1, x+y]]", variables: ["x", "y"])))
  }
}

@Suite struct TransformationTests {
  @Test("duals and coboundaries of known fields conserve; a coboundary changes walks only at the ends")
  func dualAndCoboundary() throws {
    for name in ["e", "pi", "zeta3", "2f1"] {
      let field = try KnownCMFs.named(name)
      try field.dual().checkConservation()
    }
    let field = KnownCMFs.zeta3()
    let u = try MultivariateMatrix(parsing: "[[1, x], [0, y+1]]", variables: ["x", "y"])
    let changed = try field.coboundary(u)
    try changed.checkConservation()
    // Along (1, 1) from s: W' = U(s)⁻¹·W·U(s + N·t).
    let s = Position([1, 1])
    let (w, d) = try field.walk(Trajectory([1, 1]), start: s, depth: 5, threads: 1)
    let (w2, d2) = try changed.walk(Trajectory([1, 1]), start: s, depth: 5, threads: 1)
    let us = try #require(u.evaluated(at: s.coordinates))
    let ue = try #require(u.evaluated(at: s.advanced(by: Trajectory([1, 1]), steps: 5).coordinates))
    let plain = (0..<2).map { i in (0..<2).map { j in BigRational(w[i, j], d) } }
    let left = (0..<2).map { i in
      (0..<2).map { j in us[i][0] * BigRational(w2[0, j], d2) + us[i][1] * BigRational(w2[1, j], d2) }
    }
    let right = (0..<2).map { i in (0..<2).map { j in plain[i][0] * ue[0][j] + plain[i][1] * ue[1][j] } }
    #expect(left == right)
    #expect(throws: CMFError.notInvertible(axis: "U")) {
      try field.coboundary(try MultivariateMatrix(parsing: "[[x, x], [y, y]]", variables: ["x", "y"]))
    }
  }
}
