import Multiprecision
import Polynomials
import Testing

@testable import MatrixFields

@Suite struct FFbarSolverTests {
  func p(_ text: String) -> Polynomial { try! Polynomial(parsing: text) }

  /// Every pair found is an f/f̄ field whose x-matrix at y = 1 is the PCF's [[0, b(n)], [1, a(n)]].
  func checkEmbeds(_ a: String, _ b: String, _ solutions: [FFbarSolver.Solution]) throws {
    for s in solutions where s.f.joined().allSatisfy(\.isInteger) && s.fbar.joined().allSatisfy(\.isInteger) {
      let name = "ffbar:\(FFbarSolver.Solution.text(s.f)),\(FFbarSolver.Solution.text(s.fbar))"
      let field = try KnownCMFs.named(name)
      try field.checkConservation()
      for n in 1...6 {
        let m = try #require(field.matrix(axis: 0).evaluated(at: [BigRational(n), BigRational(1)]))
        #expect(m[0][0] == .zero && m[1][0] == BigRational(1), "\(name) at n = \(n)")
        #expect(m[0][1] == BigRational(p(b)(n)) && m[1][1] == BigRational(p(a)(n)), "\(name) at n = \(n)")
      }
    }
  }

  @Test("Gauss's PCF(2n+1, −n²) embeds (ramanujantools' test_from_ffbar_gauss): f = x, f̄ = −x")
  func gauss() throws {
    let solutions = FFbarSolver(a: p("2n+1"), b: p("-n^2")).solve()
    #expect(solutions.map(\.description) == ["f = x, fbar = -x"])
    try checkEmbeds("2n+1", "-n^2", solutions)
  }

  @Test("ln 2 and ζ(3): the known f/f̄ pairs are found at their degrees")
  func known() throws {
    let ln2 = FFbarSolver(a: p("1"), b: p("n^2")).solve()
    #expect(ln2.contains { $0.description == "f = x + y, fbar = x - y" })
    try checkEmbeds("1", "n^2", ln2)
    let zeta3 = FFbarSolver(a: p("2n^3+3n^2+3n+1"), b: p("-n^6")).solve()
    #expect(zeta3.contains { $0.description == "f = x^3 + 2x^2y + 2xy^2 + y^3, fbar = -x^3 + 2x^2y - 2xy^2 + y^3" })
    try checkEmbeds("2n^3+3n^2+3n+1", "-n^6", zeta3)
  }

  @Test("no pair where none exists within the degree: PCF(2n+1, n² − n) at degree 1")
  func none() {
    // f(x,1) = αx + β, f̄(x,1) = γx + δ: α − γ = 2 and αγ = 1 give α² − 2α − 1 = 0, α = 1 ± √2.
    #expect(FFbarSolver(a: p("2n+1"), b: p("n^2-n")).solve().isEmpty)
  }
}
