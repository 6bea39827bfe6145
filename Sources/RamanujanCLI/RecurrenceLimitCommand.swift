import ArgumentParser
import Ramanujan

/// `ramanujan recurrence limit`: the limit of the ratio of two solutions, its identification, and
/// the initial values whose ratio tends to a given constant.
struct RecurrenceLimitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "limit",
    abstract: "The limit of the ratio of two solutions, with certified digits, rate and identification.",
    discussion: """
      The solutions with initial values --numerator and --denominator (u(start-r), ..., u(start-1); default \
      the unit vectors e0 and e1, for a PCF its convergents p and q) are walked exactly to --depth; the \
      limit of their ratio shows only certified places. --identify finds a closed form of that limit; \
      --find-initial CONSTANT finds integer initial values whose ratio tends to the constant (PSLQ on the \
      limiting direction of the solutions, under the precision discipline, then checked on the ratio's \
      own limit).
      """
  )

  @OptionGroup var input: RecurrenceOptions

  @Option(name: .long, help: "Walk depth N.")
  var depth: Int = 1000

  @Option(name: .long, parsing: .unconditional, help: "The first n of the walk (default 1).")
  var start: Int = 1

  @Option(name: .long, parsing: .unconditional, help: "Initial values of the numerator solution, e.g. '1,0,0'.")
  var numerator: String?

  @Option(name: .long, parsing: .unconditional, help: "Initial values of the denominator solution, e.g. '0,1,0'.")
  var denominator: String?

  @Option(name: .long, parsing: .unconditional, help: "Comma-separated constants to identify the limit against.")
  var identify: String?

  @Option(
    name: .customLong("find-initial"), parsing: .unconditional,
    help: "A constant (e.g. 'euler_gamma'): find initial values whose ratio of solutions tends to it.")
  var findInitial: String?

  @Option(name: .customLong("max-coefficient"), help: "The largest |initial value| --find-initial may use.")
  var maxCoefficient: Int = 10_000

  @OptionGroup var report: ReportOptions

  func validate() throws {
    if depth <= 0 || depth > 1_000_000 { throw ValidationError("--depth must be in 1...1000000, got \(depth)") }
    guard abs(start) <= 1_000_000_000 else { throw ValidationError("--start must be within ±10^9, got \(start)") }
    guard maxCoefficient >= 1 else {
      throw ValidationError("--max-coefficient must be at least 1, got \(maxCoefficient)")
    }
    if let identify { _ = try CMFWalkCommand.identifier(identify) }
    if let findInitial { _ = try EvalCommand.expression(findInitial, option: "--find-initial") }
    for m in try input.members() {
      guard m.recurrence.order >= 2 else {
        throw ValidationError(
          "a limit of ratios needs a recurrence of order at least 2, got order \(m.recurrence.order)")
      }
      _ = try vectors(m.recurrence)
    }
  }

  /// The numerator and denominator initial values for `r`.
  func vectors(_ r: LinearRecurrence) throws -> (a: [BigInt], b: [BigInt]) {
    let order = r.order
    let unit = { (k: Int) in (0..<order).map { BigInt($0 == k ? 1 : 0) } }
    var a = unit(0)
    var b = unit(1)
    if input.isPCF, let pcf = r.pcf {
      // p(−1) = 1, p(0) = a(0); q(−1) = 0, q(0) = 1, walked from n = 1.
      a = [1, pcf.a(0)]
      b = [0, 1]
    }
    if let numerator { a = try RecurrenceOptions.integers(numerator, option: "--numerator", count: order) }
    if let denominator { b = try RecurrenceOptions.integers(denominator, option: "--denominator", count: order) }
    return (a, b)
  }

  func run() throws {
    var failures: [String] = []
    for line in try lines(failures: &failures) { print(line) }
    if !failures.isEmpty { throw EvalFailure(messages: failures) }
  }

  func lines(failures: inout [String]) throws -> [String] {
    var out: [String] = []
    for m in try input.members() {
      let r = m.recurrence
      let name = (m.label.isEmpty ? "" : "\(m.label): ") + "recurrence [\(r.relationText)]"
      if let n = r.firstZeroOfLeadingCoefficient(in: start..<(start + depth)) {
        failures.append("\(name): c0(\(n)) = 0 on the walk from n = \(start): start after n = \(n)")
        continue
      }
      try WalkCost.check(
        name, log2Entries: r.companionMatrix.estimatedLog2Entries(start: start, depth: depth), size: r.order,
        depth: depth)
      let (a, b) = try vectors(r)
      let limit = WalkCost.withHeartbeat(name) {
        r.limit(depth: depth, start: start, numerator: a, denominator: b, threads: report.cores)
      }
      out += try describe(name: name, r, limit, a, b, failures: &failures)
    }
    return out
  }

  func describe(
    name: String, _ r: LinearRecurrence, _ limit: Limit, _ a: [BigInt], _ b: [BigInt], failures: inout [String]
  ) throws -> [String] {
    let vector = { (v: [BigInt]) in "(" + v.map(\.description).joined(separator: ", ") + ")" }
    let shown = min(limit.digits, report.shownDigits ?? limit.digits)
    let value = limit.certifiedText(maxPlaces: shown)
    var identified: Identification?
    var note: String?
    if let identify, limit.status == .converging {
      do {
        identified = try CMFWalkCommand.identifier(identify).identify(ApproximateValue(certified: limit))
        if identified == nil { note = "no relation in \(limit.digits) places" }
      } catch { note = "\(error)" }
    }
    var found: LinearRecurrence.InitialValueRelation?
    if let findInitial {
      // The basic ratios may certify more places than this ratio: evaluate the constant generously.
      let places = 2 * limit.digits + limit.integerDigits + 60
      let constant = try EvalCommand.expression(findInitial, option: "--find-initial").evaluate(
        .digits(max(places, 100)))
      found = r.identifyInitialValues(
        constant, depth: depth, start: start, maxCoefficient: BigInt(maxCoefficient), threads: report.cores)
      if found == nil {
        failures.append(
          "\(name): no initial values with |entries| ≤ \(maxCoefficient) give \(findInitial) at depth \(depth)")
      }
    }
    if limit.status != .converging && findInitial == nil {
      failures.append(PCFReport.notConverging(name, limit))
    }
    if report.format == .json {
      var o = JSONLine()
      o.add("relation", r.relationText)
      o.add("start", start)
      o.add("depth", limit.depth)
      o.add("numerator", vector(a))
      o.add("denominator", vector(b))
      o.add("status", PCFReport.statusName(limit.status))
      o.add("value", value.isEmpty ? nil : value)
      o.add("digits", limit.digits)
      o.add("rate", limit.rate)
      if identify != nil { o.add("identified", identified?.expression?.description ?? identified?.relationText) }
      if findInitial != nil {
        o.add("initial_numerator", found.map { vector($0.numerator) })
        o.add("initial_denominator", found.map { vector($0.denominator) })
        o.add("initial_digits", found?.digits)
      }
      return [o.text]
    }
    var lines = ["\(name) from n = \(start) at depth \(limit.depth)"]
    lines.append("  ratio     \(vector(a))·u / \(vector(b))·u")
    if limit.status == .converging {
      let more = shown < limit.digits ? "… (\(limit.digits - shown) more certified places; --show-digits)" : ""
      lines.append("  value     \(value)\(more)")
      lines.append("  digits    \(limit.digits) certified decimal places")
      if let rate = limit.rate { lines.append("  rate      \(PCFReport.format(rate, 4)) digits/term") }
    }
    if identify != nil {
      let text = identified.map { "\($0.expression?.description ?? $0.relationText) (\($0.form), \($0.digits) digits)" }
      lines.append("  identify  \(text ?? "– (\(note ?? "not converging"))")")
    }
    if let findInitial, let found {
      lines.append(
        "  initial   \(vector(found.numerator))·u / \(vector(found.denominator))·u → \(findInitial) (agrees to \(found.digits) of \(found.certified) certified places)"
      )
    }
    return lines
  }
}
