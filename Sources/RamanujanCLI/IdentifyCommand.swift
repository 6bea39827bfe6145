import ArgumentParser
import Ramanujan

/// `ramanujan identify`: recognise a number, or the limit of a PCF, as a closed form in known constants.
struct IdentifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "identify",
    abstract: "Recognise a number or the limit of a PCF as a closed form in known constants.",
    discussion: """
      Tries in order: a rational p/q; (a+b*c)/(d+e*c) in each constant c; an algebraic number up to \
      --degree; x*(d0+d1*c1+...) = a0+a1*c1+... in all constants together. A relation is accepted only \
      when the digits it holds to are at least 2 x the digits of its coefficients + 10; the limit of a \
      PCF is then confirmed again at twice the digits. Every answer reports those digits and that ratio.
      """
  )

  @Option(
    name: .long, parsing: .unconditional,
    help: "The number to identify, in decimal, e.g. '4.99144423548424481209875767293'.")
  var value: String?

  @Option(
    name: .customLong("a"), parsing: .unconditional,
    help: "The partial denominators a(n) of a PCF to identify, e.g. '34n^3+51n^2+27n+5'.")
  var a: String?

  @Option(
    name: .customLong("b"), parsing: .unconditional, help: "The partial numerators b(n) of that PCF, e.g. '-n^6'.")
  var b: String?

  @Option(
    name: .long, parsing: .unconditional,
    help: "Comma-separated constants to identify against (default 'pi,e,zeta(3),G,log(2)').")
  var constants: String?

  @Option(name: .customLong("max-coefficient"), help: "The largest |coefficient| of a relation.")
  var maxCoefficient: Int = 10_000

  @Option(name: .long, help: "Search algebraic numbers up to this degree (1: rationals only).")
  var degree: Int = 4

  @Option(
    name: .long, help: "Significant digits to evaluate a PCF to (default: enough for any relation within the bounds).")
  var digits: Int?

  @Flag(
    name: .customLong("no-extrapolation"),
    help: "Identify a slowly converging PCF from certified places only (no extrapolated limit).")
  var noExtrapolation = false

  @Option(name: .customLong("max-depth"), help: "Largest depth a PCF may be walked to.")
  var maxDepth: Int = 100_000

  @Option(name: .long, help: "Integer-relation algorithm: pslq or lll.")
  var algorithm: Algorithm = .pslq

  @Option(name: .long, help: "Threads for the walk (default: all cores).")
  var threads: Int?

  @Option(name: .long, help: "Output format: text or json (one object per line).")
  var format: OutputFormat = .text

  /// The integer-relation algorithms by their option names.
  enum Algorithm: String, ExpressibleByArgument, CaseIterable {
    case pslq, lll
    var algorithm: IntegerRelationAlgorithm { self == .pslq ? .pslq : .lll }
  }

  static let defaultConstants = "pi,e,zeta(3),G,log(2)"

  func validate() throws {
    switch (value, a, b) {
    case (nil, nil, nil): throw ValidationError("give --value, or --a and --b")
    case (.some, .some, _), (.some, _, .some): throw ValidationError("give either --value or --a/--b, not both")
    case (nil, .some, nil): throw ValidationError("--b is missing (the partial numerators b(n))")
    case (nil, nil, .some): throw ValidationError("--a is missing (the partial denominators a(n))")
    default: break
    }
    if let value { _ = try Self.approximate(value) }
    if let a { _ = try EvalCommand.polynomial(a, option: "--a") }
    if let b { _ = try EvalCommand.polynomial(b, option: "--b") }
    _ = try identifier()
    let minimum = PrecisionDiscipline().minimumDigits
    if let digits, digits < minimum {
      throw ValidationError(
        "--digits must be at least \(minimum), the fewest that can identify anything, got \(digits)")
    }
    let most = ApproximateValue.digitLimit
    if let digits, digits > most {
      throw ValidationError("--digits must be at most \(most), the most identification takes, got \(digits)")
    }
    if maxDepth <= 0 { throw ValidationError("--max-depth must be at least 1, got \(maxDepth)") }
    if maxDepth > 10_000_000 { throw ValidationError("--max-depth must be at most 10000000, got \(maxDepth)") }
    if let threads, !(1...1024).contains(threads) {
      throw ValidationError("--threads must be in 1...1024, got \(threads)")
    }
  }

  static func approximate(_ text: String) throws -> ApproximateValue {
    do { return try ApproximateValue(decimal: text) } catch { throw ValidationError("--value: \(error)") }
  }

  func identifier() throws -> Identifier {
    let list: [ConstantExpression]
    do { list = try Identifier.constants(parsing: constants ?? Self.defaultConstants) } catch {
      throw ValidationError("--constants: \(error)")
    }
    guard maxCoefficient >= 1 else {
      throw ValidationError("--max-coefficient must be at least 1, got \(maxCoefficient)")
    }
    guard (1...Identifier.maxDegree).contains(degree) else {
      throw ValidationError("--degree must be in 1...\(Identifier.maxDegree), got \(degree)")
    }
    do {
      return try Identifier(
        constants: list, maxCoefficient: BigInt(maxCoefficient), algebraicDegree: degree, algorithm: algorithm.algorithm
      )
    } catch {
      throw ValidationError("--constants: \(error)")
    }
  }

  /// Prints the answer; exit code 1 (after the report of what was searched) when there is no relation.
  func run() throws {
    let (lines, found) = try outcome()
    for line in lines { print(line) }
    if !found { throw ExitCode(1) }
  }

  /// The output lines.
  func identify() throws -> [String] { try outcome().lines }

  /// The output lines, and whether a relation (or an exact value) was found.
  func outcome() throws -> (lines: [String], found: Bool) {
    let identifier = try identifier()
    if let value {
      let x = try Self.approximate(value)
      let result = try identifier.identify(x)
      return (report(name: value.trimmed, result: result, searched: x.digits, pcf: nil), result != nil)
    }
    let pcf = PCF(a: try EvalCommand.polynomial(a!, option: "--a"), b: try EvalCommand.polynomial(b!, option: "--b"))
    let cores = threads ?? availableCores
    let wanted = digits ?? defaultDigits(identifier)
    if !noExtrapolation, let found = try identifyExtrapolated(pcf, identifier: identifier, wanted: wanted, cores: cores)
    {
      return found
    }
    let limit = try WalkCost.withHeartbeat("\(pcf)") {
      try pcf.limit(digits: wanted + 2, maxDepth: maxDepth, threads: cores) { try WalkCost.check(pcf, depth: $0) }
    }
    if let exact = limit.exactValue {
      return (exactReport(pcf: pcf, value: exact, at: limit.terminationIndex ?? limit.depth + 1), true)
    }
    guard limit.status == .converging else {
      throw IdentifyFailure(PCFReport.notConverging("\(pcf)", limit))
    }
    let x = ApproximateValue(certified: limit)
    let discipline = identifier.discipline
    guard x.digits >= discipline.minimumDigits else {
      throw IdentifyFailure(
        "\(pcf) certifies only \(x.digits) significant digits at depth \(limit.depth) (--max-depth \(maxDepth)), too few to identify anything: the shortest relation needs \(discipline.minimumDigits)"
      )
    }
    let result = try identifier.identify(x) { wanted in
      // The confirmation walk goes deeper: a walk too large for memory confirms nothing.
      guard
        let deeper = try? pcf.limit(
          digits: wanted + 2, maxDepth: maxDepth, threads: cores,
          check: { depth in
            try WalkCost.check(pcf, depth: depth)
          })
      else { return nil }
      return deeper.status == .converging ? ApproximateValue(certified: deeper) : nil
    }
    return (report(name: pcf.description, result: result, searched: x.digits, pcf: (pcf, limit)), result != nil)
  }

  /// A slowly converging PCF (places growing like log n at depth 256) identified from its
  /// extrapolated limit, under the same discipline, confirmed by a second extrapolation to more
  /// places (deeper, of higher order); `nil` when the walk converges fast or extrapolation gives
  /// too few places (then the certified walk decides).
  func identifyExtrapolated(_ pcf: PCF, identifier: Identifier, wanted: Int, cores: Int) throws -> (
    lines: [String], found: Bool
  )? {
    let probe = pcf.limit(depth: min(256, maxDepth), threads: cores)
    guard probe.mayExtrapolate(wanted: wanted + 2), probe.placesGrowLinearly != true,
      wanted + 2 <= ConvergentSequence.maxExtrapolatedDigits
    else { return nil }
    let check = { (n: Int) in try WalkCost.check(pcf, depth: n) }
    let first = try WalkCost.withHeartbeat("\(pcf)") {
      try pcf.extrapolatedLimit(digits: wanted + 2, maxDepth: maxDepth, threads: cores, check: check)
    }
    guard case .success(let e) = first else { return nil }
    let x = ApproximateValue(e.value, places: e.digits)
    guard x.digits >= identifier.discipline.minimumDigits else { return nil }
    let result = try identifier.identify(x) { more in
      guard more + 2 <= ConvergentSequence.maxExtrapolatedDigits,
        case .success(let deeper)? = try? pcf.extrapolatedLimit(
          digits: more + 2, maxDepth: maxDepth, threads: cores, check: check),
        deeper.depth > e.depth
      else { return nil }
      return ApproximateValue(deeper.value, places: deeper.digits)
    }
    let limit = pcf.limit(depth: min(maxDepth, e.depth), threads: cores)
    var lines = report(name: pcf.description, result: result, searched: x.digits, pcf: (pcf, limit), extrapolated: e)
    if format == .text {
      lines.append("  extrap     \(e.digits) extrapolated places (not certified): \(e.summary)")
    }
    return (lines, result != nil)
  }

  /// Digits enough for the discipline to accept a relation with every coefficient at the bound in the
  /// largest basis searched.
  func defaultDigits(_ identifier: Identifier) -> Int {
    let k = identifier.constants.count
    let count = Swift.max(2, identifier.algebraicDegree + 1, k >= 1 ? 2 * k + 2 : 0)
    let perCoefficient = BigInt(maxCoefficient).decimalDigitCount
    return identifier.discipline.requiredDigits(coefficientDigits: count * perCoefficient)
  }

  func report(
    name: String, result: Identification?, searched: Int, pcf: (PCF, Limit)?, extrapolated: Extrapolation? = nil
  ) -> [String] {
    if format == .json {
      var o = JSONLine()
      if pcf == nil { o.add("value", name) }
      if let (p, limit) = pcf {
        o.add("a", p.a.description)
        o.add("b", p.b.description)
        o.add("depth", limit.depth)
        o.add("extrapolated", extrapolated != nil)
        if let extrapolated {
          o.add("extrapolated_digits", extrapolated.digits)
          o.add("certified_digits", limit.digits)
        }
      }
      o.add("expression", result.flatMap { $0.expression?.description })
      o.add("digits", result?.digits ?? searched)
      o.add("form", result?.form.description)
      o.add("relation", result?.relationText)
      o.add("coefficient_digits", result?.coefficientDigits)
      o.add("ratio", result.map { ($0.ratio * 100).rounded() / 100 })
      o.add("confirmed_digits", result?.confirmedDigits)
      return [o.text]
    }
    // Text shows at most 60 characters of a long value; JSON has all of it.
    let name = name.count > 60 ? name.prefix(59) + "…" : name
    var lines: [String] = []
    guard let result else {
      lines.append("\(name): no relation")
      lines.append("  searched   \(searchedText()) with |coefficients| ≤ \(maxCoefficient)")
      lines.append("  digits     \(searched)")
      return lines
    }
    if let expression = result.expression {
      lines.append("\(name) = \(expression)")
    } else {
      lines.append("\(name) is the root of \(result.relationText.dropLast(4)) near \(name)")
    }
    lines.append("  form       \(result.form)")
    lines.append("  relation   \(result.relationText)")
    let needed = PrecisionDiscipline().requiredDigits(coefficientDigits: result.coefficientDigits)
    lines.append(
      "  digits     \(result.digits) significant digits match; the coefficients take \(result.coefficientDigits) (ratio \(PCFReport.format(result.ratio, 2)), at least \(needed) needed)"
    )
    if let confirmed = result.confirmedDigits {
      lines.append("  confirmed  yes, on the value recomputed to \(confirmed) digits")
    } else if pcf == nil {
      lines.append("  confirmed  no: a given value cannot be recomputed")
    } else {
      lines.append("  confirmed  no: no more digits within --max-depth \(maxDepth)")
    }
    if let (_, limit) = pcf { lines.append("  depth      \(limit.depth) (\(limit.digits) certified decimal places)") }
    return lines
  }

  func exactReport(pcf: PCF, value: BigRational, at index: Int) -> [String] {
    if format == .json {
      var o = JSONLine()
      o.add("a", pcf.a.description)
      o.add("b", pcf.b.description)
      o.add("expression", ConstantExpression.number(value).description)
      o.add("digits", nil as Int?)
      o.add("exact", true)
      return [o.text]
    }
    return ["\(pcf) = \(ConstantExpression.number(value)) (exact: b(\(index)) = 0 ends the fraction)"]
  }

  func searchedText() -> String {
    let names = (try? Identifier.constants(parsing: constants ?? Self.defaultConstants))?.map(\.description) ?? []
    var parts = ["rational"]
    if !names.isEmpty { parts.append("mobius in " + names.joined(separator: ", ")) }
    if degree >= 2 { parts.append("algebraic up to degree \(degree)") }
    if names.count >= 2 { parts.append("linear-fractional in all") }
    return parts.joined(separator: "; ")
  }
}

/// A PCF that cannot be identified (not converging, too few digits): printed as the error, exit code 1.
struct IdentifyFailure: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
