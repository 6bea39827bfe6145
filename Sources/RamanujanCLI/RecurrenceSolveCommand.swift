import ArgumentParser
import Ramanujan

/// `ramanujan recurrence solve`: the exact solution from given initial values.
struct RecurrenceSolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "solve",
    abstract: "Print the exact solution u(start), u(start+1), ... from initial values.",
    discussion: """
      u(start-r), ..., u(start-1) are --initial; each next value is -(c1(n) u(n-1) + ... + cr(n) u(n-r))/c0(n), \
      exact (rational when c0 does not divide). A zero of c0 on the way is an error naming n.
      """
  )

  @OptionGroup var input: RecurrenceOptions

  @Option(name: .long, parsing: .unconditional, help: "The initial values u(start-r), ..., u(start-1), e.g. '1,1'.")
  var initial: String

  @Option(name: .long, parsing: .unconditional, help: "The first n computed (default 0).")
  var start: Int = 0

  @Option(name: .long, help: "How many values to print (at most 100000, and at most about 10^9 bits of output).")
  var terms: Int = 10

  func validate() throws {
    guard (1...100_000).contains(terms) else { throw ValidationError("--terms must be in 1...100000, got \(terms)") }
    guard abs(start) <= 1_000_000_000 else { throw ValidationError("--start must be within ±10^9, got \(start)") }
    for m in try input.members() {
      _ = try RecurrenceOptions.integers(initial, option: "--initial", count: m.recurrence.order)
      // The values grow like the walk's entries (scaled by Π c0 when c0 does not divide): all of
      // them together must fit in about 10^9 bits.
      let bits = m.recurrence.companionMatrix.estimatedLog2Entries(start: start, depth: terms) * Double(terms)
      if bits > 1e9 {
        throw ValidationError(
          "--terms \(terms): the values would take about \(WalkCost.scientific(bits)) bits in all, above 1e9; print fewer terms"
        )
      }
    }
  }

  func run() throws {
    for line in try lines() { print(line) }
  }

  func lines() throws -> [String] {
    var out: [String] = []
    for m in try input.members() {
      let values = try RecurrenceOptions.integers(initial, option: "--initial", count: m.recurrence.order)
      let name = m.label.isEmpty ? "" : "\(m.label): "
      do {
        let u = try m.recurrence.solution(initialValues: values.map { BigRational($0) }, start: start, count: terms)
        out.append(name + u.map(\.description).joined(separator: ", "))
      } catch {
        throw CMFFailure("\(name)\(m.recurrence.relationText): \(error)")
      }
    }
    return out
  }
}
