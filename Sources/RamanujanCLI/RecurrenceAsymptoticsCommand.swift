import ArgumentParser
import Ramanujan

/// `ramanujan recurrence asymptotics`: growth of the solutions from the coefficients alone.
struct RecurrenceAsymptoticsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "asymptotics",
    abstract: "Predict the growth of the solutions, the convergence rate and delta without walking.",
    discussion: """
      The Newton polygon of the points (i, deg c_i) gives the factorial growth (n!)^mu of the solutions; \
      each edge's characteristic (Poincare) polynomial gives the exponential bases lambda. For two \
      solutions of equal mu the ratio converges at log10|lambda1/lambda2| digits per term.
      """
  )

  @OptionGroup var input: RecurrenceOptions

  func run() throws {
    for line in try lines() { print(line) }
  }

  func lines() throws -> [String] {
    var out: [String] = []
    for m in try input.members() {
      let a = m.recurrence.asymptotics
      let name = m.label.isEmpty ? "" : "\(m.label): "
      out.append("\(name)[\(m.recurrence.relationText)]")
      for g in a.growths {
        out.append("  solution  \(g.description)")
      }
      out.append("  rate      \(a.rateDescription)")
      if let delta = a.predictedDelta(gcdLog10PerTerm: 0, factorialDegree: 0) {
        out.append("  delta     \(PCFReport.format(delta, 5)) (no gcd reduction; with gcd ~ (n!)^k c^n see eval)")
      }
    }
    return out
  }
}
