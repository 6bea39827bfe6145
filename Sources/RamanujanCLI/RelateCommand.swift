import ArgumentParser
import Ramanujan

#if canImport(Glibc)
  import Glibc
#endif

/// `ramanujan relate`: prove two PCFs equivalent by a gauge matrix between their folds.
struct RelateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "relate",
    abstract: "Prove two PCFs equivalent: a gauge matrix between their folded walks.",
    discussion: """
      Searches folds k1, k2 and a matrix U(n) of polynomials with F1(n)·U(n+1) = m(n)·U(n)·F2(n), \
      F the k-fold M(k(n-1)+1)···M(kn) of M(n) = [[0, b(n)], [1, a(n)]], m a rational function. \
      The identity is checked exactly; the limits then satisfy L1 = (p·L2 + q)/(r·L2 + s) with \
      [[p, q], [r, s]] = A1·U(1)·A2^-1, checked on the certified limits. Exit 0 when proven, 1 when \
      nothing is found within the bounds.
      """
  )

  @Option(name: .customLong("a1"), parsing: .unconditional, help: "a(n) of the first PCF, e.g. '2'.")
  var a1: String?

  @Option(name: .customLong("b1"), parsing: .unconditional, help: "b(n) of the first PCF, e.g. 'n^2'.")
  var b1: String?

  @Option(name: .customLong("a2"), parsing: .unconditional, help: "a(n) of the second PCF.")
  var a2: String?

  @Option(name: .customLong("b2"), parsing: .unconditional, help: "b(n) of the second PCF.")
  var b2: String?

  @Option(
    name: .long,
    help: "Relate the hits of this store (SQLite file or postgres:// URL): prove pairs, store the edges.")
  var store: String?

  @Option(name: .long, help: "Place the formula (--a1, --b1) or every class of --store on this known field.")
  var cmf: String?

  @Option(name: .customLong("cmf-file"), help: "Place on the field defined in this file (as 'cmf --file').")
  var cmfFile: String?

  @Option(name: .customLong("max-height"), help: "With --cmf: primitive trajectories with every |t_i| up to this.")
  var maxHeight: Int = 3

  @Option(name: .customLong("start-box"), help: "With --cmf: starts with every |coordinate| up to this.")
  var startBox: Int = 1

  @Option(
    name: .customLong("start-denominators"),
    help: "With --cmf: denominators of the start coordinates, e.g. '1,2' (integers and half-integers).")
  var startDenominators: String = "1,2"

  @Option(name: .long, help: "With --cmf: directory of the trajectory PCF cache (default ~/.cache/ramanujan).")
  var cache: String?

  @Flag(name: .customLong("no-cache"), help: "With --cmf: neither read nor write the trajectory PCF cache.")
  var noCache = false

  @Option(
    name: .customLong("max-pairs"), help: "With --store: at most this many pairs are sent to the solver.")
  var maxPairs: Int = 2000

  @Option(name: .customLong("max-degree"), help: "Largest entry degree of U tried (at most 40).")
  var maxDegree: Int = 16

  @Option(name: .customLong("max-fold"), help: "Largest fold k1, k2 tried (at most 8).")
  var maxFold: Int = 4

  @Option(name: .long, help: "Decimal places asked for the numerical check of the Möbius relation.")
  var digits: Int = 50

  @Option(name: .long, help: "Output format: text or json (one object).")
  var format: OutputFormat = .text

  /// Whether a field was given (`--cmf` or `--cmf-file`): the formula is placed on it.
  var placing: Bool { cmf != nil || cmfFile != nil }

  func validate() throws {
    if cmf != nil && cmfFile != nil { throw ValidationError("give either --cmf or --cmf-file, not both") }
    if placing {
      guard (1...8).contains(maxHeight) else {
        throw ValidationError("--max-height must be in 1...8, got \(maxHeight)")
      }
      guard (0...8).contains(startBox) else { throw ValidationError("--start-box must be in 0...8, got \(startBox)") }
      _ = try Self.denominators(startDenominators)
      if a2 != nil || b2 != nil {
        throw ValidationError("--a2, --b2 do not go with --cmf: the trajectory's PCF is the second")
      }
      if store == nil {
        for (text, option) in [(a1, "--a1"), (b1, "--b1")] {
          guard let text else { throw ValidationError("\(option) is needed: relate --a1 --b1 --cmf NAME") }
          _ = try EvalCommand.polynomial(text, option: option)
        }
      }
    }
    if let store {
      try SearchCommand.requireStorePath(store, option: "--store")
      if [a1, b1, a2, b2].contains(where: { $0 != nil }) {
        throw ValidationError("--a1, --b1, --a2, --b2 do not go with --store: the store's hits are related")
      }
      guard maxPairs >= 1 else { throw ValidationError("--max-pairs must be at least 1, got \(maxPairs)") }
    } else if !placing {
      for (text, option) in [(a1, "--a1"), (b1, "--b1"), (a2, "--a2"), (b2, "--b2")] {
        guard let text else {
          throw ValidationError("\(option) is needed: relate --a1 --b1 --a2 --b2, or relate --store S")
        }
        _ = try EvalCommand.polynomial(text, option: option)
      }
    }
    guard (0...GaugeSolver.degreeLimit).contains(maxDegree) else {
      throw ValidationError("--max-degree must be in 0...\(GaugeSolver.degreeLimit), got \(maxDegree)")
    }
    guard (1...PCFRelator.foldLimit).contains(maxFold) else {
      throw ValidationError("--max-fold must be in 1...\(PCFRelator.foldLimit), got \(maxFold)")
    }
    guard (1...10_000).contains(digits) else { throw ValidationError("--digits must be in 1...10000, got \(digits)") }
  }

  func run() throws {
    let (lines, failure) = try output()
    for line in lines { print(line) }
    fflush(nil)
    if let failure { throw RelateFailure(message: failure) }
  }

  /// The printed lines and, when not proven, the reason (exit 1).
  func output() throws -> (lines: [String], failure: String?) {
    if store != nil { return try SearchCommand.usingStore { try storeOutput() } }
    if placing { return try placementOutput() }
    let pcf1 = PCF(
      a: try EvalCommand.polynomial(a1!, option: "--a1"), b: try EvalCommand.polynomial(b1!, option: "--b1"))
    let pcf2 = PCF(
      a: try EvalCommand.polynomial(a2!, option: "--a2"), b: try EvalCommand.polynomial(b2!, option: "--b2"))
    let relator = PCFRelator(maxDegree: maxDegree, maxFold: maxFold, digits: digits)
    let clock = ContinuousClock.now
    let result: PCFEquivalence
    do {
      result = try relator.relate(pcf1, pcf2)
    } catch {
      throw ValidationError("\(error)")
    }
    let seconds = (ContinuousClock.now - clock) / .seconds(1)
    let lines = format == .json ? [Self.json(result, seconds: seconds)] : Self.text(result, seconds: seconds)
    return (lines, result.proven ? nil : "not proven: \(result.reason ?? "")")
  }

  static func json(_ r: PCFEquivalence, seconds: Double, extra: [(String, String)] = []) -> String {
    func string(_ s: String) -> String { JSONLine.quote(s) }
    var fields: [(String, String)] = [
      ("a1", string(r.first.a.description)), ("b1", string(r.first.b.description)),
      ("a2", string(r.second.a.description)), ("b2", string(r.second.b.description)),
      ("proven", "\(r.proven)"),
    ]
    if let g = r.gauge {
      let u = g.matrix
      fields.append(("fold", "[\(g.folds.0), \(g.folds.1)]"))
      fields.append(
        (
          "U",
          "[[\(string(u[0, 0].description)), \(string(u[0, 1].description))], [\(string(u[1, 0].description)), \(string(u[1, 1].description))]]"
        ))
      fields.append(("multiplier", string(g.multiplierText)))
    } else {
      fields += [("fold", "null"), ("U", "null"), ("multiplier", "null")]
    }
    if let t = r.mobius {
      fields.append(
        (
          "mobius",
          "[[\(string(t.p.description)), \(string(t.q.description))], [\(string(t.r.description)), \(string(t.s.description))]]"
        ))
    } else {
      fields.append(("mobius", "null"))
    }
    fields.append(("digits", "\(r.digits)"))
    fields.append(("digits_kind", r.mobius == nil ? "null" : string(r.kind.rawValue)))
    fields.append(("fitted_digits", "\(r.fittedDigits)"))
    fields.append(("seconds", "\((seconds * 1000).rounded() / 1000)"))
    fields.append(("reason", r.reason.map(string) ?? "null"))
    fields.append(("note", r.note.map(string) ?? "null"))
    fields += extra
    return "{" + fields.map { "\(string($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
  }

  static func text(_ r: PCFEquivalence, seconds: Double) -> [String] {
    var lines = ["\(r.first) ~ \(r.second): \(r.proven ? "proven" : "not proven")"]
    if let g = r.gauge {
      lines.append("  fold        \(g.folds.0), \(g.folds.1)")
      lines.append("  U(n)        \(g.matrix)")
      lines.append("  multiplier  \(g.multiplierText)")
      lines.append("  identity    F1(n)·U(n+1) = m(n)·U(n)·F2(n), exact")
    }
    if let t = r.mobius {
      lines.append("  mobius      L1 = \(t)")
      let fit = r.fittedDigits > 0 ? ", \(r.fittedDigits) of them spent choosing the gauge in its pencil" : ""
      lines.append("  digits      \(r.digits) places checked on the \(r.kind.rawValue) limits\(fit)")
    }
    if let reason = r.reason { lines.append("  reason      \(reason)") }
    if let note = r.note { lines.append("  note        \(note)") }
    lines.append("  seconds     \((seconds * 1000).rounded() / 1000)")
    return lines
  }
}

/// A pair not proven within the bounds: exit code 1.
struct RelateFailure: Error, CustomStringConvertible {
  let message: String
  var description: String { message }
}
