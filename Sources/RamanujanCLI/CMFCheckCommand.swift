import ArgumentParser
import Ramanujan

/// `ramanujan cmf check`: verify exactly that a field conserves, for every pair of axes.
struct CMFCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Check exactly that a field is conservative, for every pair of axes.")

  @OptionGroup var field: FieldOptions

  @Option(name: .long, help: "Output format: text or json (one object per line).")
  var format: OutputFormat = .text

  func run() throws {
    var failure: String?
    for line in try lines(failure: &failure) { print(line) }
    if let failure { throw CMFFailure(failure) }
  }

  /// The output lines; a field that does not conserve sets `failure` to the message naming the first
  /// pair of axes and the entry.
  func lines(failure: inout String?) throws -> [String] {
    let cmf = try field.field()
    let pairs = cmf.dimension * (cmf.dimension - 1) / 2
    var problem: CMFError?
    do { try cmf.checkConservation() } catch { problem = error }
    failure = problem.map { "\(fieldLabel(cmf)): \($0)" }
    if format == .json {
      var o = JSONLine()
      o.add("field", fieldLabel(cmf))
      o.add("axes", cmf.axes.joined(separator: ", "))
      o.add("rank", cmf.rank)
      o.add("pairs", pairs)
      o.add("conservative", problem == nil)
      if let problem { o.add("error", problem.description) }
      return [o.text]
    }
    let shape = "\(cmf.dimension) axes (\(cmf.axes.joined(separator: ", "))), rank \(cmf.rank)"
    guard problem == nil else { return ["\(fieldLabel(cmf)): \(shape): not conservative"] }
    return [
      "\(fieldLabel(cmf)): \(shape): conservative (\(pairs) \(pairs == 1 ? "pair" : "pairs") of axes checked exactly)"
    ]
  }
}
