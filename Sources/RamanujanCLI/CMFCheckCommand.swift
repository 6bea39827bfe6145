import ArgumentParser
import Ramanujan

/// `ramanujan cmf check`: verify that a field conserves, for every pair of axes: exactly when the
/// estimated work allows, otherwise at random points modulo random primes (with the error bound).
struct CMFCheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check", abstract: "Check exactly that a field is conservative, for every pair of axes.",
    discussion: """
      Each pair of axes is first checked at random points modulo random 62-bit primes (a mismatch \
      there proves the field does not conserve), then exactly as an identity of rational functions \
      when the estimated work is at most \(CMF.exactConservationWorkLimit) term products; above \
      that the output says so and gives the probability bound of the random check.
      """)

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
    var method: ConservationCheck?
    do { method = try cmf.checkConservation() } catch {
      if case .notConservative = error { problem = error } else { throw CMFFailure("\(fieldLabel(cmf)): \(error)") }
    }
    failure = problem.map { "\(fieldLabel(cmf)): \($0)" }
    let pairsText = "\(pairs) \(pairs == 1 ? "pair" : "pairs") of axes"
    if format == .json {
      var o = JSONLine()
      o.add("field", fieldLabel(cmf))
      o.add("axes", cmf.axes.joined(separator: ", "))
      o.add("rank", cmf.rank)
      o.add("pairs", pairs)
      o.add("conservative", problem == nil)
      if let method {
        switch method {
        case .exact: o.add("method", "exact")
        case .randomPoints(let points, let exponent):
          o.add("method", "random points")
          o.add("points", points)
          o.add("error_bound_log2", -exponent)
        }
      }
      if let problem { o.add("error", problem.description) }
      return [o.text]
    }
    let shape = "\(cmf.dimension) axes (\(cmf.axes.joined(separator: ", "))), rank \(cmf.rank)"
    guard let method else { return ["\(fieldLabel(cmf)): \(shape): not conservative"] }
    switch method {
    case .exact:
      return ["\(fieldLabel(cmf)): \(shape): conservative (\(pairsText) checked exactly)"]
    case .randomPoints(let points, let exponent):
      return [
        "\(fieldLabel(cmf)): \(shape): conservative at random points (\(pairsText), each at \(points) random points modulo random 62-bit primes: a field that does not conserve passes with probability below 2^-\(exponent); the exact check is estimated above its limit of \(CMF.exactConservationWorkLimit) term products)"
      ]
    }
  }
}
