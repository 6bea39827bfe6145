import ArgumentParser
import Foundation
import Ramanujan

/// `--plot FILE.svg` of `eval` and `cmf walk`: decimal places (or the error, for a slow walk) and
/// δ against depth, from exact walks at `points` depths up to the command's depth.
enum WalkPlot {
  /// Depths drawn.
  static let points = 32

  /// Refuses an empty or directory path before any walk (usage error).
  static func validate(_ path: String?) throws {
    guard let path else { return }
    if path.isEmpty { throw ValidationError("--plot must name a file, got ''") }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
      throw ValidationError("--plot '\(path)' is a directory, not a file")
    }
  }

  /// Draws `pcf` to `depth` against `reference` (else its walk at 2·depth) into `path`.
  /// The walks cost about `points`/2 times the command's walk: announced when that is large,
  /// with a heartbeat on standard error.
  static func write(_ pcf: PCF, depth: Int, reference: ConstantExpression?, to path: String, threads: Int) throws {
    if reference == nil { try WalkCost.check(pcf, depth: 2 * depth) }
    announce("\(pcf)", bits: pcf.estimatedLog2Entries(depth: depth), depth: depth)
    let measured = try WalkCost.withHeartbeat("the plot of \(pcf)") {
      try ConvergenceProfile.measure(depth: depth, points: points, reference: reference) {
        $0.map { pcf.limit(depth: $0, threads: threads) }
      }
    }
    try save(measured.profile.figure(title: "\(pcf)", slow: measured.slow), to: path)
  }

  /// Draws the walk of `field` along `trajectory` from `start` to `depth` into `path`.
  static func write(
    _ field: CMF, _ trajectory: Trajectory, start: Position, depth: Int, name: String, to path: String, threads: Int
  ) throws {
    let measured = try WalkCost.withHeartbeat("the plot of \(name)") {
      try ConvergenceProfile.measure(depth: depth, points: points, reference: nil) { depths in
        try depths.isEmpty ? [] : field.limits(trajectory, start: start, depths: depths, threads: threads)
      }
    }
    try save(measured.profile.figure(title: name, slow: measured.slow), to: path)
  }

  /// Runs `body`; a plot that cannot be drawn (no honest reference, a walk that fails) is
  /// returned as a one-line problem, "--plot not written: …"; usage errors are thrown.
  static func attempt(_ body: () throws -> Void) throws -> String? {
    do { try body() } catch let e as ReportError { return "--plot not written: \(e)" } catch let e as CMFError {
      return "--plot not written: \(e)"
    }
    return nil
  }

  /// Entries above this many bits (about 300 000 digits) make the plot's walks worth announcing.
  static let announceBits = 1e6

  static func announce(_ label: String, bits: Double, depth: Int) {
    guard bits > announceBits else { return }
    writeError(
      "ramanujan: --plot walks \(label) at \(points) depths up to \(depth) (about \(points / 2) times the work of one walk)\n"
    )
  }

  static func save(_ figure: Figure, to path: String) throws {
    do { try figure.svgFile().write(toFile: path, atomically: true, encoding: .utf8) } catch {
      throw ValidationError("--plot: cannot write '\(path)': \(error.localizedDescription)")
    }
  }
}
