import ArgumentParser
import Ramanujan

/// `ramanujan recurrence transform`: fold, unfold, compose, inflate and deflate.
struct RecurrenceTransformCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transform",
    abstract: "Fold, unfold, compose, inflate or deflate a recurrence (or a PCF).",
    discussion: """
      --fold M gives R(n) + M(n) R(n-1) (order r+1, every solution of R solves it); --unfold M its inverse, \
      --unfold auto every unfolding by a divisor of the last coefficient; --compose 'd0, ..., ds' applies R \
      first, then the given operator; --inflate C multiplies u(n) by C(0)...C(n) (c_i -> c_i C(n)...C(n-i+1); \
      for a PCF a -> C a, b -> C(n)C(n-1) b); --deflate C is its inverse, --deflate-all removes every \
      factor it finds (PCFs). An order-2 result with c0 = -1 is printed as a PCF too.
      """
  )

  @OptionGroup var input: RecurrenceOptions

  @Option(name: .long, parsing: .unconditional, help: "Fold by the polynomial M(n).")
  var fold: String?

  @Option(name: .long, parsing: .unconditional, help: "Unfold by M(n), or 'auto' for every unfolding.")
  var unfold: String?

  @Option(name: .long, parsing: .unconditional, help: "Compose with the operator 'd0, d1, ..., ds' (applied after).")
  var compose: String?

  @Option(name: .long, parsing: .unconditional, help: "Inflate by the polynomial C(n).")
  var inflate: String?

  @Option(name: .long, parsing: .unconditional, help: "Deflate by the polynomial C(n).")
  var deflate: String?

  @Flag(name: .customLong("deflate-all"), help: "Remove every inflation found (order 2, as a PCF).")
  var deflateAll = false

  func validate() throws {
    let given = [fold, unfold, compose, inflate, deflate].compactMap { $0 }.count + (deflateAll ? 1 : 0)
    guard given == 1 else {
      throw ValidationError("give exactly one of --fold, --unfold, --compose, --inflate, --deflate, --deflate-all")
    }
    for (text, option) in [(fold, "--fold"), (inflate, "--inflate"), (deflate, "--deflate")] {
      if let text, try EvalCommand.polynomial(text, option: option).isZero {
        throw ValidationError("\(option) must not be the zero polynomial")
      }
    }
    if let unfold, unfold != "auto", try EvalCommand.polynomial(unfold, option: "--unfold").isZero {
      throw ValidationError("--unfold must not be the zero polynomial")
    }
    if let compose { _ = try RecurrenceOptions.recurrence(compose, option: "--compose") }
    _ = try input.members()
  }

  func run() throws {
    var failures: [String] = []
    for line in try lines(failures: &failures) { print(line) }
    if !failures.isEmpty { throw EvalFailure(messages: failures) }
  }

  /// One or more lines per member: the result, and its PCF form when it has one.
  func lines(failures: inout [String]) throws -> [String] {
    var out: [String] = []
    for m in try input.members() {
      let r = m.recurrence
      let name = m.label.isEmpty ? "" : "\(m.label): "
      var results: [(LinearRecurrence, String)] = []
      if let fold {
        results = [(r.folded(by: try EvalCommand.polynomial(fold, option: "--fold")), "")]
      } else if let inflate {
        results = [(r.inflated(by: try EvalCommand.polynomial(inflate, option: "--inflate")), "")]
      } else if let compose {
        results = [(try RecurrenceOptions.recurrence(compose, option: "--compose").composed(with: r), "")]
      } else if let deflate {
        let c = try EvalCommand.polynomial(deflate, option: "--deflate")
        if let d = r.deflated(by: c) {
          results = [(d, "")]
        } else {
          failures.append("\(name)[\(r.relationText)] is not an inflation by \(c)")
        }
      } else if let unfold {
        if unfold == "auto" {
          results = r.unfoldings().map { ($0.recurrence, "multiplier \($0.multiplier)") }
          if results.isEmpty { failures.append("\(name)[\(r.relationText)] has no unfolding") }
        } else {
          let c = try EvalCommand.polynomial(unfold, option: "--unfold")
          if let u = r.unfolded(by: c) {
            results = [(u, "")]
          } else {
            failures.append("\(name)[\(r.relationText)] is not a fold by \(c)")
          }
        }
      } else if deflateAll {
        guard let pcf = r.pcf else {
          failures.append("\(name)--deflate-all needs a PCF (order 2 with c0 = ±1), got [\(r.relationText)]")
          continue
        }
        let (d, factor) = pcf.deflatedAll()
        out.append("\(name)\(d) (deflated by \(factor))")
        continue
      }
      for (result, note) in results {
        var line = "\(name)[\(result.relationText)]"
        if let pcf = result.pcf { line += " = \(pcf)" }
        if !note.isEmpty { line += " (\(note))" }
        out.append(line)
      }
    }
    return out
  }
}
