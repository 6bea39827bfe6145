import ArgumentParser
import Ramanujan

/// `ramanujan cmf pcf`: the PCF of a trajectory of a rank-2 field.
struct CMFPCFCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "pcf",
    abstract: "Print the PCF of a trajectory: companion form, then fully deflated.",
    discussion: """
      The trajectory matrix M(n) is brought to companion form C(n) = U(n)^-1 M(n) U(n+1) with \
      U = [e0, M(n)e0]; C(n) = [[0, b(n)], [1, a(n)]] is the PCF, cleared of denominators by inflation and \
      then deflated as far as it goes. The zeta3 field along 1,1 from 0,0 gives Apery's PCF.
      """
  )

  @OptionGroup var field: FieldOptions
  @OptionGroup var path: TrajectoryOptions
  @OptionGroup var check: ConservationOptions

  @Option(name: .long, help: "Output format: text or json (one object per line).")
  var format: OutputFormat = .text

  func run() throws {
    for assignment in try field.family() {
      for line in try lines(assignment) { print(line) }
    }
  }

  func lines(_ assignment: [(name: String, value: BigInt)] = []) throws -> [String] {
    let (cmf, conservation) = try field.checkedField(noCheck: check.noCheck, assignment)
    let label = assignment.isEmpty ? "" : "\(Parameters.label(assignment)): "
    let (t, s) = try path.parsed()
    let matrix: RationalMatrix
    let pcf: PCF
    do {
      matrix = try cmf.trajectoryMatrix(t, start: s, threads: availableCores)
      pcf = try matrix.pcf()
    } catch {
      // Refused before the work: a usage error (exit 64).
      if case .tooLarge = error { throw ValidationError("\(fieldLabel(cmf)) along \(t) from \(s): \(error)") }
      throw CMFFailure("\(fieldLabel(cmf)) along \(t) from \(s): \(error)")
    }
    if format == .json {
      var o = JSONLine()
      o.add("field", fieldLabel(cmf))
      o.add("trajectory", t.description)
      o.add("start", s.description)
      o.add("conservation", conservation)
      o.add("a", pcf.a.description)
      o.add("b", pcf.b.description)
      o.add("matrix", matrix.description)
      return [o.text]
    }
    return [
      "\(label)\(fieldLabel(cmf)) along \(t) from \(s)" + (conservation == "unchecked" ? uncheckedLabel : ""),
      "  matrix  \(matrix)",
      "  pcf     \(pcf)",
    ]
  }
}
