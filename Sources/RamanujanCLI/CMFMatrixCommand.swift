import ArgumentParser
import Ramanujan

/// `ramanujan cmf matrix`: the trajectory matrix of any rank, its recurrence and asymptotics.
struct CMFMatrixCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "matrix",
    abstract: "Print the trajectory matrix (any rank), its recurrence and the predicted convergence.",
    discussion: """
      The trajectory matrix M_t(n) is the product of the step matrices along one path from s+n t to \
      s+(n+1) t, one row per line; the recurrence is that of its companion form (order = rank), with its \
      growths from the Newton polygon and the characteristic (Poincare) polynomials.
      """
  )

  @OptionGroup var field: FieldOptions
  @OptionGroup var path: TrajectoryOptions
  @OptionGroup var check: ConservationOptions

  func run() throws {
    for line in try lines() { print(line) }
  }

  func lines() throws -> [String] {
    let (cmf, conservation) = try field.checkedField(noCheck: check.noCheck)
    let (t, s) = try path.parsed()
    let name = "\(fieldLabel(cmf)) along \(t) from \(s)"
    let matrix: RationalMatrix
    do { matrix = try cmf.trajectoryMatrix(t, start: s, threads: availableCores) } catch {
      if case .tooLarge = error { throw ValidationError("\(name): \(error)") }
      throw CMFFailure("\(name): \(error)")
    }
    var out = [name + (conservation == "unchecked" ? uncheckedLabel : "")]
    let rows = matrix.description.dropFirst().dropLast().components(separatedBy: "], [")
    for (i, row) in rows.enumerated() {
      out.append("  row \(i + 1)   [" + row.trimmingBrackets + "]")
    }
    let recurrence = matrix.recurrence()
    out.append("  recurrence [\(recurrence.relationText)]")
    let asymptotics = recurrence.asymptotics
    out.append("  rate    \(asymptotics.rateDescription)")
    return out
  }
}

extension String {
  var trimmingBrackets: String { String(drop { $0 == "[" }.reversed().drop { $0 == "]" }.reversed()) }

  func components(separatedBy separator: String) -> [String] {
    var out: [String] = []
    var current = ""
    var rest = Substring(self)
    while !rest.isEmpty {
      if rest.hasPrefix(separator) {
        out.append(current)
        current = ""
        rest = rest.dropFirst(separator.count)
      } else {
        current.append(rest.removeFirst())
      }
    }
    out.append(current)
    return out
  }
}
