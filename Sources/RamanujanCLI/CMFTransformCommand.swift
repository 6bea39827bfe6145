import ArgumentParser
import Ramanujan

/// `ramanujan cmf transform`: new fields from a field — its dual, a coboundary, a sub-field.
struct CMFTransformCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "transform",
    abstract: "Print the dual, a coboundary or a sub-field of a field, as a field file.",
    discussion: """
      --dual: M_a -> (M_a^-1)^T. --coboundary '[[...], ...]': M_a(x) -> U(x)^-1 M_a(x) U(x+e_a) for a matrix U \
      in the field's axes. --sub 't1;t2;...' --start s: the field on the lattice s + y1 t1 + y2 t2 + ..., \
      with axes y1, y2, ... (--axes to rename them); its axis matrices are the trajectory matrices of the \
      t_j. Each conserves when the field does; the output is checked for conservation and printed in the \
      format of 'cmf check --file'.
      """
  )

  @OptionGroup var field: FieldOptions

  @Flag(name: .long, help: "The dual field.")
  var dual = false

  @Option(name: .long, parsing: .unconditional, help: "The coboundary by U, e.g. '[[1, 0], [x, 1]]'.")
  var coboundary: String?

  @Option(name: .long, parsing: .unconditional, help: "Basis trajectories of a sub-field, e.g. '1,1;1,0'.")
  var sub: String?

  @Option(name: .long, parsing: .unconditional, help: "The integer start of the sub-field's lattice.")
  var start: String?

  @Option(name: .long, parsing: .unconditional, help: "Names of the sub-field's axes (default y1, y2, ...).")
  var axes: String?

  @Option(
    name: .long, parsing: .unconditional,
    help: "Ascend a pFq walk to (p+1)F(q+1): the new start values 'X,Y' (X - Y an integer), with --trajectory, --start."
  )
  var ascend: String?

  @Option(name: .long, parsing: .unconditional, help: "The trajectory of the walk to ascend.")
  var trajectory: String?

  func validate() throws {
    let given = (dual ? 1 : 0) + (coboundary == nil ? 0 : 1) + (sub == nil ? 0 : 1) + (ascend == nil ? 0 : 1)
    guard given == 1 else { throw ValidationError("give exactly one of --dual, --coboundary, --sub, --ascend") }
    if sub != nil, start == nil { throw ValidationError("--sub needs --start, the integer origin of the lattice") }
    if ascend != nil, start == nil || trajectory == nil {
      throw ValidationError("--ascend needs the walk's --trajectory and --start")
    }
    if sub == nil, ascend == nil, start != nil { throw ValidationError("--start goes with --sub or --ascend") }
    if sub == nil, axes != nil { throw ValidationError("--axes goes with --sub") }
    if ascend == nil, trajectory != nil { throw ValidationError("--trajectory goes with --ascend") }
  }

  func run() throws {
    for line in try lines() { print(line) }
  }

  func lines() throws -> [String] {
    if let ascend { return try ascended(ascend) }
    let cmf = try field.field()
    let label = fieldLabel(cmf)
    let result: CMF
    do {
      if dual {
        result = try cmf.dual()
      } else if let coboundary {
        let u: MultivariateMatrix
        do { u = try MultivariateMatrix(parsing: coboundary, variables: cmf.axes) } catch {
          throw ValidationError("--coboundary: \(error)")
        }
        result = try cmf.coboundary(u)
      } else {
        let (basis, s, names) = try subFieldInput(cmf)
        result = try cmf.subField(basis: basis, start: s, axes: names)
      }
    } catch let error as CMFError {
      if case .tooLarge = error { throw ValidationError("\(label): \(error)") }
      throw CMFFailure("\(label): \(error)")
    }
    do {
      _ = try result.checkConservation(exactWorkLimit: CMF.exactConservationWorkLimit)
    } catch {
      throw CMFFailure("\(label): the transformed field does not conserve: \(error)")
    }
    return result.text.split(separator: "\n").map(String.init)
  }

  func subFieldInput(_ cmf: CMF) throws -> ([Trajectory], Position, [String]) {
    var basis: [Trajectory] = []
    for part in sub!.split(separator: ";", omittingEmptySubsequences: false) {
      guard let t = Trajectory(parsing: String(part)), !t.isZero else {
        throw ValidationError("--sub: '\(escapedForMessage(String(part)))' is not a nonzero trajectory of integers")
      }
      guard t.dimension == cmf.dimension else {
        throw ValidationError("--sub: \(t) has \(t.dimension) coordinates, the field has \(cmf.dimension) axes")
      }
      basis.append(t)
    }
    guard let s = Position(parsing: start!), s.isInteger, s.dimension == cmf.dimension else {
      throw ValidationError(
        "--start: expected \(cmf.dimension) integers separated by commas, got '\(escapedForMessage(start!))'")
    }
    let names =
      axes.map { $0.split(separator: ",").map { String($0).filter { $0 != " " } } }
      ?? (1...basis.count).map { "y\($0)" }
    guard names.count == basis.count, names.allSatisfy({ !$0.isEmpty && $0 != "n" }) else {
      throw ValidationError("--axes: give \(basis.count) names separated by commas")
    }
    return (basis, s, names)
  }
}

extension CMFTransformCommand {
  /// The ascended walk, as the arguments of `cmf walk`.
  func ascended(_ values: String) throws -> [String] {
    let name = field.name ?? ""
    let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
    let arguments = parts.count == 2 ? parts[1].split(separator: ",").map { String($0).filter { $0 != " " } } : []
    guard parts.count == 2, parts[0].lowercased() == "pfq", arguments.count == 3, let p = Int(arguments[0]),
      let q = Int(arguments[1]), let z = BigRational(arguments[2])
    else { throw ValidationError("--ascend applies to a pfq:P,Q,Z field, got '\(escapedForMessage(name))'") }
    guard p + 1 <= 12, q + 1 <= 12 else { throw ValidationError("--ascend: pfq:\(p + 1),\(q + 1) is beyond 12") }
    let xy = values.split(separator: ",", omittingEmptySubsequences: false).map { BigRational(String($0)) }
    guard xy.count == 2, let x = xy[0], let y = xy[1], (x - y).isInteger else {
      throw ValidationError(
        "--ascend: expected two rationals 'X,Y' with X - Y an integer, got '\(escapedForMessage(values))'")
    }
    guard let t = Trajectory(parsing: trajectory!) else {
      throw ValidationError(
        "--trajectory: expected integers separated by commas, got '\(escapedForMessage(trajectory!))'")
    }
    guard let s = Position(parsing: start!) else {
      throw ValidationError(
        "--start: expected rational numbers separated by commas, got '\(escapedForMessage(start!))'")
    }
    guard t.dimension == p + q, s.dimension == p + q else {
      throw ValidationError("--trajectory and --start need \(p + q) coordinates for pfq:\(p),\(q)")
    }
    let (cmf, at, ast) = KnownCMFs.ascend(p: p, q: q, z: z, trajectory: t, start: s, x: x, y: y)
    let list = { (xs: [String]) in xs.joined(separator: ",") }
    return [
      "\(fieldLabel(cmf)) --trajectory \(list(at.steps.map(String.init))) --start \(list(ast.coordinates.map(\.description)))"
    ]
  }
}
