import ArgumentParser
import Ramanujan

/// `ramanujan recurrence`: linear recurrences of any order with polynomial coefficients.
struct RecurrenceCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "recurrence",
    abstract: "Work with linear recurrences: solutions, limits, identification and transformations.",
    discussion: """
      A recurrence of order r is c0(n) u(n) + c1(n) u(n-1) + ... + cr(n) u(n-r) = 0, given as \
      --relation 'c0, c1, ..., cr' (polynomials in n, as in ramanujantools' LinearRecurrence), or as the \
      PCF --a A --b B (the relation -u(n) + a(n) u(n-1) + b(n) u(n-2) = 0). Initial values are \
      u(start-r), ..., u(start-1). --param c=1..17 (repeatable) substitutes integer parameters exactly \
      and runs the command for every member of the family.
      """,
    subcommands: [
      RecurrenceSolveCommand.self, RecurrenceLimitCommand.self, RecurrenceTransformCommand.self,
      RecurrenceAsymptoticsCommand.self,
    ]
  )
}

/// The recurrence a subcommand works on, and its parameters.
struct RecurrenceOptions: ParsableArguments {
  @Option(
    name: .long, parsing: .unconditional,
    help: "The coefficients 'c0, c1, ..., cr' of c0(n) u(n) + ... + cr(n) u(n-r) = 0.")
  var relation: String?

  @Option(name: .customLong("a"), parsing: .unconditional, help: "a(n) of a PCF (instead of --relation).")
  var a: String?

  @Option(name: .customLong("b"), parsing: .unconditional, help: "b(n) of a PCF (instead of --relation).")
  var b: String?

  @Option(
    name: .customLong("param"), parsing: .unconditionalSingleValue,
    help: "An integer parameter of the polynomials: NAME=LO..HI or NAME=V1,V2,... (repeatable).")
  var parameters: [String] = []

  func validate() throws {
    switch (relation, a, b) {
    case (nil, nil, nil): throw ValidationError("give --relation 'c0, c1, ..., cr', or --a and --b")
    case (.some, .some, _), (.some, _, .some): throw ValidationError("give either --relation or --a/--b, not both")
    case (nil, .some, nil): throw ValidationError("--b is missing (the partial numerators b(n))")
    case (nil, nil, .some): throw ValidationError("--a is missing (the partial denominators a(n))")
    default: break
    }
    _ = try members()
  }

  /// Whether the input is a PCF (so results of order 2 print as PCFs too).
  var isPCF: Bool { relation == nil }

  /// The parameter family (one empty member without parameters).
  func family() throws -> [[(name: String, value: BigInt)]] {
    do { return try Parameters(parsing: parameters).members } catch { throw ValidationError("--param: \(error)") }
  }

  /// Each member of the family: its label ("" without parameters) and its recurrence.
  func members() throws -> [(label: String, recurrence: LinearRecurrence)] {
    try family().map { assignment in
      let label = Parameters.label(assignment)
      let at = label.isEmpty ? "" : " at \(label)"
      if let relation {
        return (
          label, try Self.recurrence(Parameters.substitute(assignment, into: relation), option: "--relation\(at)")
        )
      }
      let pa = try EvalCommand.polynomial(Parameters.substitute(assignment, into: a!), option: "--a\(at)")
      let pb = try EvalCommand.polynomial(Parameters.substitute(assignment, into: b!), option: "--b\(at)")
      return (label, LinearRecurrence(coefficients: [-.one, pa, pb]))
    }
  }

  /// Reads 'c0, c1, ..., cr': order at least 1, c0 not zero.
  static func recurrence(_ text: String, option: String) throws -> LinearRecurrence {
    let parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    var coefficients: [Polynomial] = []
    for (i, part) in parts.enumerated() {
      coefficients.append(try EvalCommand.polynomial(part, option: "\(option) coefficient c\(i)"))
    }
    guard coefficients.count >= 2 else {
      throw ValidationError(
        "\(option): a recurrence needs at least two coefficients 'c0, c1', got \(coefficients.count)")
    }
    guard !coefficients[0].isZero else { throw ValidationError("\(option): c0 must not be zero") }
    while coefficients.count > 2, coefficients.last!.isZero { coefficients.removeLast() }
    return LinearRecurrence(coefficients: coefficients)
  }

  /// Integer initial values 'v1, ..., vr' for a recurrence of order r.
  static func integers(_ text: String, option: String, count: Int) throws -> [BigInt] {
    let values = text.split(separator: ",", omittingEmptySubsequences: false).map {
      BigInt(String($0).filter { $0 != " " })
    }
    guard values.allSatisfy({ $0 != nil }) else {
      throw ValidationError("\(option): expected integers separated by commas, got '\(escapedForMessage(text))'")
    }
    guard values.count == count else {
      throw ValidationError("\(option): \(values.count) values given for a recurrence of order \(count): give \(count)")
    }
    return values.map { $0! }
  }
}

extension LinearRecurrence {
  /// 'c0, c1, ..., cr' as the CLI reads it.
  var relationText: String { coefficients.map(\.description).joined(separator: ", ") }

  /// The PCF of an order-2 recurrence with c0 = ∓1: u(n) = a(n) u(n−1) + b(n) u(n−2).
  var pcf: PCF? {
    guard order == 2, coefficients[0].isConstant, coefficients[0][0].magnitude == 1 else { return nil }
    let s = -coefficients[0][0]
    return PCF(a: s * coefficients[1], b: s * coefficients[2])
  }
}
