import ArgumentParser
import Dispatch
import Foundation
import Ramanujan

/// The memory this process may still take: MemAvailable of /proc/meminfo, else the physical memory.
func availableMemoryBytes() -> Double {
  if let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8),
    let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemAvailable:") }),
    let kib = Double(line.split(separator: " ").dropFirst().first ?? "")
  {
    return kib * 1024
  }
  return Double(ProcessInfo.processInfo.physicalMemory)
}

/// Cost checks for deep walks: refuse what cannot fit in memory, announce what takes long.
enum WalkCost {
  /// Entries beyond this many bits (about 15 million digits) are announced on standard error,
  /// with a line every `heartbeatSeconds` while the walk runs.
  static let announceBits = 5e7
  static let heartbeatSeconds = 10.0

  /// Throws a `ValidationError` (exit 64) when a walk to `depth` whose entries have about
  /// `log2Entries` bits is estimated to need more memory than is available; announces a large
  /// walk on standard error. `label` names the object walked.
  static func check(_ label: String, log2Entries bits: Double, size: Int, depth: Int) throws {
    let bytes = PolynomialMatrix.estimatedWalkBytes(size: size, log2Entries: bits)
    let available = availableMemoryBytes()
    let digits = bits * 0.30103
    if bytes > 0.8 * available {
      throw ValidationError(
        "\(label) to depth \(depth) needs about \(gigabytes(bytes)) GB (entries of about \(scientific(digits)) digits) but \(gigabytes(available)) GB are available; choose a smaller depth"
      )
    }
    if bits > announceBits {
      writeError(
        "ramanujan: walking \(label) to depth \(depth): entries of about \(scientific(digits)) digits, about \(gigabytes(bytes)) GB at the peak; this may take minutes\n"
      )
    }
  }

  /// `check` for a PCF.
  static func check(_ pcf: PCF, depth: Int) throws {
    try check("\(pcf)", log2Entries: pcf.estimatedLog2Entries(depth: depth), size: 2, depth: depth)
  }

  /// Runs `body`, writing a line to standard error every `heartbeatSeconds` while it runs.
  static func withHeartbeat<T>(_ label: String, _ body: () throws -> T) rethrows -> T {
    let started = DispatchTime.now().uptimeNanoseconds
    let timer = DispatchSource.makeTimerSource(queue: .global())
    timer.schedule(deadline: .now() + heartbeatSeconds, repeating: heartbeatSeconds)
    timer.setEventHandler {
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
      writeError("ramanujan: still walking \(label) (\(Progress.duration(elapsed)) elapsed)\n")
    }
    timer.resume()
    defer { timer.cancel() }
    return try body()
  }

  static func gigabytes(_ bytes: Double) -> String { String(format: "%.1f", bytes / 1e9) }
  static func scientific(_ x: Double) -> String {
    x < 1e6 ? String(Int(x)) : String(format: "%.1e", x)
  }
}
