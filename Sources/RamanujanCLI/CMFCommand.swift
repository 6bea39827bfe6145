import ArgumentParser
import Ramanujan

/// `ramanujan cmf`: conservative matrix fields — list the known ones, check conservation, walk a
/// trajectory, and turn a trajectory into a PCF.
struct CMFCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cmf",
    abstract: "Work with conservative matrix fields: list, check, walk and turn trajectories into PCFs.",
    discussion: """
      A field has one matrix M_a(x) per axis a with M_a(x)·M_b(x+e_a) = M_b(x)·M_a(x+e_b). Walking \
      along a trajectory t from a start s multiplies the trajectory matrix M_t(n), the product over one \
      path from s+n·t to s+(n+1)·t; the limit is W[0,last]/W[1,last] of the walk W.

      walk and pcf check a field file (and the families 3f2, pfq, ffbar) for conservation first: a field \
      that does not conserve is bad input (exit 64) unless --no-check is given, which labels the output \
      unchecked. Trajectories take at most 100000 unit steps; trajectory matrices, walks and PCF \
      deflations whose estimated cost is above a limit are refused (exit 64) with the estimate and the \
      limit.
      """,
    subcommands: [
      CMFListCommand.self, CMFCheckCommand.self, CMFWalkCommand.self, CMFPCFCommand.self, CMFMatrixCommand.self,
      CMFTransformCommand.self, CMFFFbarCommand.self,
    ]
  )
}

/// The field a subcommand works on: a known name or a file defining one.
struct FieldOptions: ParsableArguments {
  @Argument(help: "A known field: e, pi, zeta3, ln2, 2f1, 3f2:Z, pfq:P,Q,Z, ffbar:F,FBAR (see 'cmf list').")
  var name: String?

  @Option(name: .long, help: "A file defining a field: one line 'AXIS: [[...], ...]' per axis.")
  var file: String?

  @Option(
    name: .customLong("param"), parsing: .unconditionalSingleValue,
    help: "An integer parameter of the field (name or file): NAME=LO..HI or NAME=V1,V2,... (cmf walk, cmf pcf).")
  var parameters: [String] = []

  func validate() throws {
    switch (name, file) {
    case (nil, nil): throw ValidationError("give a field name or --file")
    case (.some, .some): throw ValidationError("give either a field name or --file, not both")
    default: for assignment in try family() { _ = try field(assignment) }
    }
  }

  /// The members of the `--param` family (one empty assignment without parameters).
  func family() throws -> [[(name: String, value: BigInt)]] {
    do { return try Parameters(parsing: parameters).members } catch { throw ValidationError("--param: \(error)") }
  }

  /// The field, with messages that name the input when it cannot be built.
  func field() throws -> CMF {
    guard parameters.isEmpty else { throw ValidationError("--param is supported by 'cmf walk' and 'cmf pcf' only") }
    return try field([])
  }

  /// A family's name with the values substituted: whole arguments of pfq/3f2/meijerg (`pfq:2,1,z`)
  /// by the value itself, polynomials (ffbar) by the value in parentheses.
  static func substitute(_ assignment: [(name: String, value: BigInt)], intoName name: String) -> String {
    guard let colon = name.firstIndex(of: ":"), !name.lowercased().hasPrefix("ffbar") else {
      return Parameters.substitute(assignment, into: name)
    }
    let arguments = name[name.index(after: colon)...].split(separator: ",", omittingEmptySubsequences: false).map {
      token in
      let bare = token.filter { $0 != " " }
      return assignment.first { $0.name == bare }.map { $0.value.description } ?? String(token)
    }
    return String(name[...colon]) + arguments.joined(separator: ",")
  }

  /// The field with the parameters of `assignment` substituted into its name or file text.
  func field(_ assignment: [(name: String, value: BigInt)]) throws -> CMF {
    let at = assignment.isEmpty ? "" : " at \(Parameters.label(assignment))"
    if let name {
      do { return try KnownCMFs.named(Self.substitute(assignment, intoName: name)) } catch {
        throw ValidationError(error.description + at)
      }
    }
    let path = file!
    let original = try readTextFile(path)
    // A parameter may not be an axis: the axes are the names before ':' on the field's lines.
    let axes = original.split(whereSeparator: \.isNewline).compactMap { line in
      line.split(separator: ":", maxSplits: 1).first.map { String($0).filter { $0 != " " } }
    }
    if let clash = assignment.first(where: { axes.contains($0.name) }) {
      throw ValidationError("--param \(clash.name) is also an axis of --file \(path)")
    }
    let text = Parameters.substitute(assignment, into: original)
    do { return try CMF(parsing: text, name: path) } catch { throw ValidationError("--file \(path)\(at): \(error)") }
  }

  /// The known fields whose conservation the tests prove exactly; the families (3f2:Z, pfq:P,Q,Z,
  /// ffbar:F,FBAR) and field files are checked before a walk.
  static let provenFields: Set<String> = ["e", "pi", "zeta3", "ln2", "2f1"]

  /// The field, checked for conservation unless `noCheck` (then `unchecked`). A field file is
  /// checked exactly when affordable and at random points otherwise; a known family at random
  /// points (its conservation is a theorem: the check guards the construction).
  /// - Throws: `ValidationError` naming the input and the first pair of axes and the entry that
  ///   fail (exit 64: a field that does not conserve is not a CMF).
  func checkedField(noCheck: Bool, _ assignment: [(name: String, value: BigInt)]? = nil) throws -> (
    field: CMF, conservation: String
  ) {
    let cmf = try assignment.map { try field($0) } ?? field()
    if noCheck { return (cmf, "unchecked") }
    if let name, Self.provenFields.contains(name.lowercased().filter { $0 != " " }) { return (cmf, "known") }
    do {
      let check = try cmf.checkConservation(exactWorkLimit: file == nil ? 0 : CMF.exactConservationWorkLimit)
      return (cmf, check == .exact ? "exact" : "random points")
    } catch {
      let input = file.map { "--file \($0)" } ?? "\(fieldLabel(cmf))"
      let hint: String
      if case .notConservative = error {
        hint = "; 'cmf check' shows the failing pair, --no-check walks it anyway"
      } else {
        hint = ""
      }
      throw ValidationError("\(input): \(error)\(hint)")
    }
  }
}

/// What the first output line of a walk or PCF of an unchecked field ends with.
let uncheckedLabel = " (UNCHECKED: not checked for conservation, --no-check)"

/// Whether to check a field for conservation before walking it.
struct ConservationOptions: ParsableArguments {
  @Flag(
    name: .customLong("no-check"),
    help: "Do not check the field for conservation first (the output is labelled unchecked).")
  var noCheck = false
}

/// A trajectory and a start position, as comma-separated coordinates.
struct TrajectoryOptions: ParsableArguments {
  // Unconditional: the next argument is the value even when it starts with '-' ('-1,0'). Both are
  // required, checked in `parsed()`, so that an option taken as a value ('--trajectory --start 1,1')
  // is named rather than reported as a missing '--start'.
  @Option(
    name: .long, parsing: .unconditional,
    help: "The trajectory (required): integer steps per axis, e.g. '1,1' or '-1,2'."
  )
  var trajectory: String?

  @Option(
    name: .long, parsing: .unconditional,
    help: "The start (required): a rational coordinate per axis, e.g. '1,1' or '-1/2,0'.")
  var start: String?

  func validate() throws {
    _ = try parsed()
  }

  func parsed() throws -> (trajectory: Trajectory, start: Position) {
    guard let trajectory else { throw ValidationError("--trajectory is required, e.g. --trajectory 1,1") }
    try Self.requireValue("--trajectory", trajectory)
    guard let start else { throw ValidationError("--start is required, e.g. --start 1,1") }
    try Self.requireValue("--start", start)
    guard let t = Trajectory(parsing: trajectory) else {
      throw ValidationError(
        "--trajectory: expected integers (at most 19 digits) separated by commas, got '\(escapedForMessage(trajectory))'"
      )
    }
    guard !t.isZero else { throw ValidationError("--trajectory \(trajectory) does not move") }
    guard let s = Position(parsing: start) else {
      throw ValidationError(
        "--start: expected rational numbers separated by commas, got '\(escapedForMessage(start))'")
    }
    return (t, s)
  }

  /// An option's value that is another option ('--trajectory --start 1,1') was not given.
  static func requireValue(_ option: String, _ value: String) throws {
    if value.hasPrefix("--") {
      throw ValidationError("\(option) needs a value, got the option '\(escapedForMessage(value))'")
    }
  }
}

/// A problem met while working on a field; printed as one message, exit code 1.
struct CMFFailure: Error, CustomStringConvertible {
  let message: String
  init(_ message: String) { self.message = message }
  var description: String { message }
}

/// `name` for messages and output: the field's name or `the field`.
func fieldLabel(_ field: CMF) -> String { field.name ?? "the field" }

/// Text for a one-line message: control characters (line ends, tabs) as escapes, at most 200
/// characters.
func escapedForMessage(_ text: String) -> String {
  var out = ""
  for scalar in text.unicodeScalars {
    if out.count >= 200 {
      out += "…"
      break
    }
    if scalar.properties.generalCategory == .control {
      out += scalar.escaped(asASCII: true)
    } else {
      out.unicodeScalars.append(scalar)
    }
  }
  return out
}
