import ArgumentParser
import Ramanujan

extension EvalCommand {
  /// The PCFs of the family `--a`, `--b` with `--param` substituted exactly, each with its label
  /// ("c=3").
  func family() throws -> [(label: String, pcf: PCF)] {
    let members: [[(name: String, value: BigInt)]]
    do { members = try Parameters(parsing: parameters).members } catch { throw ValidationError("--param: \(error)") }
    return try members.map { assignment in
      let label = Parameters.label(assignment)
      let pa = try Self.polynomial(Parameters.substitute(assignment, into: a ?? ""), option: "--a at \(label)")
      let pb = try Self.polynomial(Parameters.substitute(assignment, into: b ?? ""), option: "--b at \(label)")
      return (label, PCF(a: pa, b: pb))
    }
  }
}
