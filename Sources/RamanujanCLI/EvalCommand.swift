import ArgumentParser
import Ramanujan

#if canImport(Glibc)
  import Glibc
#endif

/// `ramanujan eval`: evaluate PCFs exactly and report value, certified digits, rate, δ and gcd growth.
struct EvalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eval",
    abstract: "Evaluate polynomial continued fractions exactly.",
    discussion: """
      PCF(a, b) = a(0) + b(1)/(a(1) + b(2)/(a(2) + ...)). The value shows only certified decimal \
      places; delta is the irrationality-measure estimate at the depth, against --limit when given, \
      else against the walk at twice the depth. A slowly converging limit (error ~ n^-alpha) is also \
      extrapolated (Richardson in 1/n, each residue class of an alternating pattern apart): those \
      places, shown apart as "extrap", are the ones on which independent extrapolations agree, less \
      a margin; at a fixed depth up to 100 of them from the convergents up to the depth, with \
      --to-digits as many as asked within --max-depth.
      """
  )

  @Option(
    name: .customLong("a"), parsing: .unconditional, help: "The partial denominators a(n), e.g. '34n^3+51n^2+27n+5'.")
  var a: String?

  @Option(name: .customLong("b"), parsing: .unconditional, help: "The partial numerators b(n), e.g. '-n^6'.")
  var b: String?

  @Option(name: .long, help: "A TSV table with columns a(n) and b(n) (optional: id, limit) to evaluate row by row.")
  var file: String?

  @Option(name: .long, help: "Walk depth N (default 1000 unless --to-digits is given).")
  var depth: Int?

  @Option(name: .customLong("to-digits"), help: "Choose the depth that certifies this many decimal places.")
  var toDigits: Int?

  @Option(name: .customLong("max-depth"), help: "Largest depth --to-digits may use.")
  var maxDepth: Int = 1_000_000

  @Option(
    name: .long, parsing: .unconditional,
    help: "The known limit as an expression (e.g. '6/zeta(3)'): used for delta and checked.")
  var limit: String?

  @Flag(
    name: .customLong("no-extrapolation"),
    help: "Do not extrapolate slowly converging limits (only certified places are shown).")
  var noExtrapolation = false

  @Option(
    name: .customLong("param"), parsing: .unconditionalSingleValue,
    help: "An integer parameter of --a/--b: NAME=LO..HI or NAME=V1,V2,... (repeatable); evaluates the family.")
  var parameters: [String] = []

  @OptionGroup var report: ReportOptions

  @Option(name: .long, help: "Write places and delta against depth to this SVG file (one PCF: --a and --b).")
  var plot: String?

  func validate() throws {
    switch (a, b, file) {
    case (nil, nil, nil): throw ValidationError("give --a and --b, or --file")
    case (.some, nil, _): throw ValidationError("--b is missing (the partial numerators b(n))")
    case (nil, .some, _): throw ValidationError("--a is missing (the partial denominators a(n))")
    case (.some, .some, .some): throw ValidationError("give either --a/--b or --file, not both")
    default: break
    }
    if let depth, depth <= 0 { throw ValidationError("--depth must be at least 1, got \(depth)") }
    // Depth 10^7 of a cubic PCF already holds entries of ~2·10^8 digits: beyond that memory runs out.
    if let depth, depth > 10_000_000 { throw ValidationError("--depth must be at most 10000000, got \(depth)") }
    if maxDepth > 10_000_000 { throw ValidationError("--max-depth must be at most 10000000, got \(maxDepth)") }
    if let toDigits, toDigits <= 0 { throw ValidationError("--to-digits must be at least 1, got \(toDigits)") }
    if let toDigits, toDigits > 100_000_000 {
      throw ValidationError("--to-digits must be at most 100000000, got \(toDigits)")
    }
    if depth != nil && toDigits != nil { throw ValidationError("give --depth or --to-digits, not both") }
    if maxDepth <= 0 { throw ValidationError("--max-depth must be at least 1, got \(maxDepth)") }
    if !parameters.isEmpty {
      guard file == nil else { throw ValidationError("--param applies to --a/--b, not to --file") }
      _ = try family()
    } else {
      if let a { _ = try Self.polynomial(a, option: "--a") }
      if let b { _ = try Self.polynomial(b, option: "--b") }
    }
    if let limit { _ = try Self.expression(limit, option: "--limit") }
    if plot != nil && file != nil { throw ValidationError("--plot draws one PCF: give --a and --b, not --file") }
    try WalkPlot.validate(plot)
  }

  static func polynomial(_ text: String, option: String) throws -> Polynomial {
    do { return try Polynomial(parsing: text) } catch { throw ValidationError("\(option): \(error)") }
  }

  static func expression(_ text: String, option: String) throws -> ConstantExpression {
    do { return try ConstantExpression(parsing: text) } catch { throw ValidationError("\(option): \(error)") }
  }

  func run() throws {
    var failures: [String] = []
    // Each row is printed as soon as it is evaluated (a long table streams).
    try evaluate(failures: &failures) { line in
      print(line)
      fflush(nil)
    }
    if !failures.isEmpty {
      throw EvalFailure(messages: failures)
    }
  }

  /// The output lines; problems (non-convergence, unreached digits, bad rows) go to `failures`.
  func evaluate(failures: inout [String]) throws -> [String] {
    var lines: [String] = []
    try evaluate(failures: &failures) { lines.append($0) }
    return lines
  }

  /// Evaluates every PCF, handing each output line to `emit` as soon as its PCF is done.
  func evaluate(failures: inout [String], emit: (String) -> Void) throws {
    let depthChoice: PCFReport.Depth = toDigits.map { .digits($0, maxDepth: maxDepth) } ?? .fixed(depth ?? 1000)
    let shown = report.shownDigits
    let cores = report.cores
    var jobs: [(id: String?, pcf: PCF, reference: ConstantExpression?)] = []
    if !parameters.isEmpty {
      let reference = try limit.map { try Self.expression($0, option: "--limit") }
      jobs = try family().map { ($0.label, $0.pcf, reference) }
    } else if let a, let b {
      let reference = try limit.map { try Self.expression($0, option: "--limit") }
      jobs.append(
        (nil, PCF(a: try Self.polynomial(a, option: "--a"), b: try Self.polynomial(b, option: "--b")), reference))
    } else if let file {
      let table = try PCFTable(path: file)
      for row in table.rows {
        switch row {
        case .success(let r): jobs.append((r.id, r.pcf, r.limit))
        case .failure(let e): failures.append(e.description)
        }
      }
    }
    for job in jobs {
      let result: PCFReport
      do {
        result = try WalkCost.withHeartbeat("\(job.pcf)") {
          try PCFReport(
            pcf: job.pcf, id: job.id, depth: depthChoice, reference: job.reference, computeDelta: !report.noDelta,
            showDigits: shown, threads: cores, extrapolate: !noExtrapolation)
        }
      } catch let error as ValidationError {
        throw error  // a walk too large for memory: a usage error, not a bad row
      } catch {
        // One bad row (e.g. a limit that cannot be evaluated) does not lose the others.
        failures.append("\(job.id.map { "\($0): " } ?? "")\(job.pcf): \(error)")
        continue
      }
      for line in report.format == .json ? [result.json] : result.text { emit(line) }
      if let plot, result.failure == nil, result.limit.status == .converging,
        let problem = try WalkPlot.attempt({
          try WalkPlot.write(job.pcf, depth: result.limit.depth, reference: job.reference, to: plot, threads: cores)
        })
      {
        failures.append(problem)
      }
      if let failure = result.failure {
        failures.append(failure)
      } else if let toDigits, result.limit.exactValue == nil, result.limit.digits < toDigits,
        (result.extrapolated?.digits ?? 0) < toDigits
      {
        let extrapolated = result.extrapolated.map { " and extrapolates \($0.digits)" } ?? ""
        failures.append(
          "\(job.id.map { "\($0): " } ?? "")\(job.pcf) certifies only \(result.limit.digits)\(extrapolated) of the \(toDigits) places asked for, at depth \(result.limit.depth) (--max-depth \(maxDepth))"
        )
      }
    }
  }
}

/// Problems met while evaluating; printed one per line, exit code 1.
struct EvalFailure: Error, CustomStringConvertible {
  let messages: [String]
  var description: String { messages.joined(separator: "\n") }
}
