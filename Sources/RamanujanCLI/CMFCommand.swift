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
      """,
    subcommands: [CMFListCommand.self, CMFCheckCommand.self, CMFWalkCommand.self, CMFPCFCommand.self]
  )
}

/// The field a subcommand works on: a known name or a file defining one.
struct FieldOptions: ParsableArguments {
  @Argument(help: "A known field: e, pi, zeta3, ln2, 2f1, 3f2:Z, pfq:P,Q,Z, ffbar:F,FBAR (see 'cmf list').")
  var name: String?

  @Option(name: .long, help: "A file defining a field: one line 'AXIS: [[...], ...]' per axis.")
  var file: String?

  func validate() throws {
    switch (name, file) {
    case (nil, nil): throw ValidationError("give a field name or --file")
    case (.some, .some): throw ValidationError("give either a field name or --file, not both")
    default: _ = try field()
    }
  }

  /// The field, with messages that name the input when it cannot be built.
  func field() throws -> CMF {
    if let name {
      do { return try KnownCMFs.named(name) } catch { throw ValidationError(error.description) }
    }
    let path = file!
    let text = try readTextFile(path)
    do { return try CMF(parsing: text, name: path) } catch { throw ValidationError("--file \(path): \(error)") }
  }
}

/// A trajectory and a start position, as comma-separated coordinates.
struct TrajectoryOptions: ParsableArguments {
  @Option(name: .long, help: "The trajectory: integer steps per axis, e.g. '1,1'.")
  var trajectory: String

  @Option(name: .long, help: "The start: a rational coordinate per axis, e.g. '1,1' or '1/2,0'.")
  var start: String

  func validate() throws {
    _ = try parsed()
  }

  func parsed() throws -> (trajectory: Trajectory, start: Position) {
    guard let t = Trajectory(parsing: trajectory) else {
      throw ValidationError("--trajectory: expected integers separated by commas, got '\(trajectory)'")
    }
    guard !t.isZero else { throw ValidationError("--trajectory \(trajectory) does not move") }
    guard let s = Position(parsing: start) else {
      throw ValidationError("--start: expected rational numbers separated by commas, got '\(start)'")
    }
    return (t, s)
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
