import ArgumentParser
import Ramanujan

/// `ramanujan cmf walk`: walk a trajectory exactly and report the limit, its certified digits,
/// the rate, δ, and optionally a closed form.
struct CMFWalkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "walk",
    abstract: "Walk a field along a trajectory: value, certified digits, rate and delta.",
    discussion: """
      The walk multiplies the trajectory matrix M(n) for n = 0 ... depth-1 exactly; the value is \
      W[0,last]/W[1,last] and shows only certified decimal places. delta is the irrationality-measure \
      estimate at the depth, against the walk at twice the depth. A singular point on the way (a \
      trajectory matrix undefined or not invertible) is an error that names the point.
      """
  )

  @OptionGroup var field: FieldOptions
  @OptionGroup var path: TrajectoryOptions

  @Option(name: .long, parsing: .unconditional, help: "Walk depth N.")
  var depth: Int = 1000

  @Option(
    name: .long, parsing: .unconditional,
    help: "Comma-separated constants to identify the limit against, e.g. 'zeta(3)'.")
  var identify: String?

  @Option(
    name: .customLong("max-depth"),
    help: "With --identify: walk deeper, up to this depth, until the digits suffice for a relation.")
  var maxDepth: Int = 100_000

  @Option(
    name: .long, parsing: .unconditional,
    help: "Initial values: the row combinations 'v;w' whose last entries' ratio is the limit, e.g. '1,1,0;1,1,1'.")
  var initial: String?

  @OptionGroup var report: ReportOptions
  @OptionGroup var check: ConservationOptions

  @Flag(name: .customLong("no-extrapolation"), help: "Do not extrapolate a slowly converging walk.")
  var noExtrapolation = false

  @Option(name: .long, help: "Write places and delta against depth to this SVG file.")
  var plot: String?

  func validate() throws {
    if depth <= 0 { throw ValidationError("--depth must be at least 1, got \(depth)") }
    if depth > 10_000_000 { throw ValidationError("--depth must be at most 10000000, got \(depth)") }
    if maxDepth <= 0 { throw ValidationError("--max-depth must be at least 1, got \(maxDepth)") }
    if maxDepth > 10_000_000 { throw ValidationError("--max-depth must be at most 10000000, got \(maxDepth)") }
    if let identify { _ = try Self.identifier(identify) }
    try WalkPlot.validate(plot)
    let rank = try field.field(field.family().first ?? []).rank
    if rank < 2 { throw ValidationError("a walk limit needs a field of rank at least 2") }
    _ = try initialRows(rank: rank)
  }

  static func identifier(_ text: String) throws -> Identifier {
    do { return try Identifier(constants: try Identifier.constants(parsing: text)) } catch {
      throw ValidationError("--identify: \(error)")
    }
  }

  func run() throws {
    var failures: [String] = []
    for assignment in try field.family() {
      var failure: String?
      for line in try lines(failure: &failure, assignment) { print(line) }
      if let failure { failures.append(failure) }
    }
    if !failures.isEmpty { throw CMFFailure(failures.joined(separator: "\n")) }
  }

  /// The output lines; a walk that does not converge sets `failure`.
  func lines(failure: inout String?, _ assignment: [(name: String, value: BigInt)] = []) throws -> [String] {
    let (cmf, conservation) = try field.checkedField(noCheck: check.noCheck, assignment)
    let (t, s) = try path.parsed()
    let cores = report.cores
    let label = assignment.isEmpty ? "" : "\(Parameters.label(assignment)): "
    let name = "\(label)\(fieldLabel(cmf)) along \(t) from \(s)"
    var limits: [Limit]
    let depths = report.noDelta ? [depth] : [depth, 2 * depth]
    do {
      let m = try cmf.trajectoryMatrix(t, start: s, threads: cores)
      // Memory is refused (exit 64); long walks are announced, with a heartbeat on standard error.
      let deepest = depths.max()!
      try WalkCost.check(
        name, log2Entries: m.numerator.estimatedLog2Entries(start: 0, depth: deepest), size: m.size, depth: deepest)
      let work = m.estimatedWalkWork(depth: deepest)
      if work > CMF.walkWorkLimit {
        writeError(
          "ramanujan: walking \(name) to depth \(deepest): about \(WalkCost.scientific(Double(work))) bits of work; this may take minutes\n"
        )
        limits = try WalkCost.withHeartbeat(name) { try walkLimits(cmf, m, t, s, depths: depths) }
      } else {
        limits = try walkLimits(cmf, m, t, s, depths: depths)
      }
    } catch let error as CMFError {
      if case .tooLarge = error {
        // Refused before the work: a usage error (exit 64), like the depth limit.
        throw ValidationError("\(name): \(error)")
      }
      throw CMFFailure("\(name): \(error)")
    }
    var identified: Identification?
    var identifyNote: String?
    if let identify {
      let deeper = try identifyDeepening(cmf, t, s, name: name, first: limits[0], identifier: Self.identifier(identify))
      (identified, identifyNote) = (deeper.identified, deeper.note)
      if deeper.limit.depth != limits[0].depth {
        limits = [deeper.limit] + (report.noDelta ? [] : deltaReference(cmf, t, s, depth: deeper.limit.depth))
      }
    }
    let limit = limits[0]
    var delta: Double?
    var deltaNote: String?
    if report.noDelta {
      deltaNote = "not computed (--no-delta)"
    } else if limits.count < 2 {
      deltaNote = "not computed: the walk at twice the depth is too large"
    } else if limit.status == .converging {
      do { delta = try limit.delta(against: limits[1]) } catch { deltaNote = error.description }
    } else {
      deltaNote = "undefined: the limit is not read from converging convergents"
    }
    let shownPlaces = min(limit.digits, report.shownDigits ?? limit.digits)
    let value = limit.certifiedText(maxPlaces: shownPlaces)
    // A slowly converging walk: up to 100 places extrapolated from the walks up to the depth.
    var extrapolation: Result<Extrapolation, ExtrapolationFailure>?
    if !noExtrapolation, limit.depth >= PCFReport.minimumExtrapolationDepth,
      limit.mayExtrapolate(wanted: PCFReport.fixedDepthExtrapolation),
      let m = try? cmf.trajectoryMatrix(t, start: s, threads: cores)
    {
      extrapolation = ConvergentSequence(matrix: m.numerator, start: 0).extrapolatedLimit(
        digits: PCFReport.fixedDepthExtrapolation, maxDepth: limit.depth, threads: cores)
    }
    let extrapolatedShown =
      extrapolation.flatMap { try? $0.get() }.map { min($0.digits, report.shownDigits ?? $0.digits) } ?? 0
    switch limit.status {
    case .converging, .terminates: break
    case .zeroDenominator:
      failure = "\(name): q(N) = 0 at depth \(limit.depth), so the limit is undefined there; try another depth"
    case .notConverging:
      if (extrapolation.flatMap { try? $0.get() }?.digits ?? 0) == 0 { failure = PCFReport.notConverging(name, limit) }
    }
    if let plot, failure == nil, limit.status == .converging {
      failure = try WalkPlot.attempt {
        try WalkPlot.write(cmf, t, start: s, depth: depth, name: name, to: plot, threads: cores)
      }
    }
    if report.format == .json {
      var o = JSONLine()
      o.add("field", fieldLabel(cmf))
      if !assignment.isEmpty { o.add("parameters", Parameters.label(assignment)) }
      o.add("trajectory", t.description)
      o.add("start", s.description)
      o.add("depth", limit.depth)
      o.add("conservation", conservation)
      o.add("status", PCFReport.statusName(limit.status))
      o.add("value", value.isEmpty ? nil : value)
      o.add("digits", limit.digits)
      o.add("rate", limit.rate)
      o.add("predicted_rate", predictedRate(cmf, t, s, depth: limit.depth))
      o.add("delta", delta)
      if let deltaNote { o.add("delta_note", deltaNote) }
      PCFReport.addExtrapolation(extrapolation, shown: extrapolatedShown, to: &o)
      if identify != nil {
        o.add("identified", identified.flatMap { $0.expression?.description })
        o.add("relation", identified?.relationText)
        o.add("identified_digits", identified?.foundDigits)
        o.add("confirmed_digits", identified?.confirmedDigits)
        if let identifyNote { o.add("identify_note", identifyNote) }
      }
      return [o.text]
    }
    var lines = ["\(name) at depth \(limit.depth)" + (conservation == "unchecked" ? uncheckedLabel : "")]
    let extrapolationLines = PCFReport.extrapolationLines(extrapolation, shown: extrapolatedShown)
    guard limit.status == .converging else { return lines + extrapolationLines }
    let more =
      shownPlaces < limit.digits ? "… (\(limit.digits - shownPlaces) more certified places; --show-digits)" : ""
    lines.append("  value     \(value)\(more)")
    lines.append("  digits    \(limit.digits) certified decimal places")
    if let rate = limit.rate { lines.append("  rate      \(PCFReport.format(rate, 4)) digits/term") }
    lines.append("  delta     \(delta.map { PCFReport.format($0, 5) } ?? "– (\(deltaNote ?? ""))")")
    lines += extrapolationLines
    if identify != nil {
      let confirmed = identified?.confirmedDigits.map { ", confirmed to \($0) digits on a deeper walk" } ?? ""
      if let identified, let expression = identified.expression {
        lines.append("  identify  \(expression) (\(identified.form), \(identified.foundDigits) digits\(confirmed))")
      } else if let identified {
        lines.append(
          "  identify  \(identified.relationText) (\(identified.form), \(identified.foundDigits) digits\(confirmed))")
      } else {
        lines.append("  identify  – (\(identifyNote ?? "no relation"))")
      }
    }
    if let predicted = predictedRate(cmf, t, s, depth: limit.depth) {
      lines.append(
        "  predict   rate \(PCFReport.format(predicted, 4)) digits/term (Poincaré polynomial, without walking)")
    }
    return lines
  }

}
