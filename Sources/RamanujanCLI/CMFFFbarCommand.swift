import ArgumentParser
import Ramanujan

/// `ramanujan cmf ffbar`: f and f̄ that embed a PCF in an f/f̄ field.
struct CMFFFbarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "ffbar",
    abstract: "Find f(x, y), fbar(x, y) whose f/fbar field walks the given PCF along x at y = 1.",
    discussion: """
      Solves f(n, 1) - fbar(n+1, 1) = a(n), f fbar(n, 1) - f fbar(0, 1) = b(n) (n >= 1), the linear condition \
      f(x+1, y-1) - fbar(x, y-1) + fbar(x+1, y) - f(x, y) = 0 and the quadratic condition (no mixed \
      coefficient in f fbar) for f, fbar of total degree at most --degree. Every pair printed is checked \
      exactly; unknowns left free are set to 0. No pair found is exit code 1.
      """
  )

  @Option(name: .customLong("a"), parsing: .unconditional, help: "a(n) of the PCF.")
  var a: String

  @Option(name: .customLong("b"), parsing: .unconditional, help: "b(n) of the PCF.")
  var b: String

  @Option(name: .long, help: "Largest total degree of f and fbar, 0...6 (default max(deg a, ceil(deg b / 2))).")
  var degree: Int?

  func validate() throws {
    if let degree, !(0...6).contains(degree) { throw ValidationError("--degree must be in 0...6, got \(degree)") }
    let (pa, pb) = (try EvalCommand.polynomial(a, option: "--a"), try EvalCommand.polynomial(b, option: "--b"))
    if degree == nil, max(pa.degree, (pb.degree + 1) / 2) > 6 {
      throw ValidationError("the PCF's degrees need f, fbar of degree above 6: give --degree (at most 6)")
    }
  }

  func run() throws {
    let out = try lines()
    for line in out { print(line) }
    if out.count == 1 { throw ExitCode(1) }
  }

  func lines() throws -> [String] {
    let pcf = PCF(a: try EvalCommand.polynomial(a, option: "--a"), b: try EvalCommand.polynomial(b, option: "--b"))
    let solver = FFbarSolver(a: pcf.a, b: pcf.b, degree: degree)
    let solutions = solver.solve()
    var out = ["\(pcf): \(solutions.count) f/fbar pair\(solutions.count == 1 ? "" : "s") of degree ≤ \(solver.degree)"]
    for s in solutions {
      let family = s.freeParameters > 0 ? " (a family with \(s.freeParameters) free coefficients, set to 0)" : ""
      out.append("  f = \(FFbarSolver.Solution.text(s.f)), fbar = \(FFbarSolver.Solution.text(s.fbar))\(family)")
    }
    return out
  }
}
