import Dispatch
import Ramanujan

#if canImport(Glibc)
  import Glibc
#endif

/// Trajectory PCFs of one field on disk: `<directory>/trajectory-pcfs/<key>.tsv`, one line
/// `trajectory<TAB>start<TAB>a<TAB>b` per PCF (`!` and the reason in place of a and b when the
/// trajectory has none). Read when made, new entries appended by `save()`. A directory that cannot
/// be read or written costs a warning on stderr, never the result; unreadable lines are ignored.
final class TrajectoryPCFCache: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private var entries: [TrajectoryStart: TrajectoryPCF] = [:]
  private var added: [(TrajectoryStart, TrajectoryPCF)] = []
  private let path: String?

  /// A cache in `directory` (none when `nil`) for the field named by `key`.
  init(directory: String?, key: String) {
    let safe = String(key.map { $0.isLetter || $0.isNumber || "-_.,:".contains($0) ? $0 : "_" }.prefix(120))
    path = directory.map { $0 + "/trajectory-pcfs/" + safe + ".tsv" }
    guard let path, let text = try? readTextFile(path) else { return }
    for line in text.split(separator: "\n") {
      let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 4, let t = Trajectory(parsing: parts[0]), let s = Position(parsing: parts[1]) else {
        continue
      }
      if parts[2] == "!" {
        entries[TrajectoryStart(t, s)] = .none(parts[3])
      } else if let a = try? Polynomial(parsing: parts[2]), let b = try? Polynomial(parsing: parts[3]) {
        entries[TrajectoryStart(t, s)] = .pcf(PCF(a: a, b: b))
      }
    }
  }

  /// The number of PCFs known.
  var count: Int { locked { entries.count } }

  /// The cached PCF of `place`, or `compute()`'s (remembered).
  func pcf(_ place: TrajectoryStart, compute: () -> TrajectoryPCF) -> TrajectoryPCF {
    if let known = locked({ entries[place] }) { return known }
    let value = compute()
    locked {
      entries[place] = value
      added.append((place, value))
    }
    return value
  }

  /// Forgets what was added and stops saving (after an entry proved wrong).
  func discard() { locked { added = [] } }

  /// Appends the new entries to the file (creating its directory); a warning when it cannot.
  func save() {
    let lines = locked { () -> [String] in
      defer { added = [] }
      return added.map { place, value in
        let t = place.trajectory.steps.map(String.init).joined(separator: ",")
        let s = place.start.coordinates.map(\.description).joined(separator: ",")
        switch value {
        case .pcf(let p): return "\(t)\t\(s)\t\(p.a)\t\(p.b)\n"
        case .none(let reason): return "\(t)\t\(s)\t!\t\(reason.filter { $0 != "\t" && $0 != "\n" })\n"
        }
      }
    }
    guard let path, !lines.isEmpty else { return }
    let directory = String(path[..<path.lastIndex(of: "/")!])
    var prefix = ""
    for part in directory.split(separator: "/", omittingEmptySubsequences: false) {
      prefix += (prefix.isEmpty && part.isEmpty) ? "/" : (prefix.hasSuffix("/") || prefix.isEmpty ? "" : "/") + part
      if !prefix.isEmpty { mkdir(prefix, 0o755) }
    }
    guard let file = fopen(path, "a") else {
      writeError("relate: warning: the trajectory PCF cache '\(path)' cannot be written; continuing without it\n")
      return
    }
    defer { fclose(file) }
    for line in lines { fputs(line, file) }
  }

  private func locked<T>(_ body: () -> T) -> T {
    lock.wait()
    defer { lock.signal() }
    return body()
  }

  /// FNV-1a of `text`, 16 hex digits: the key of a field file's cache.
  static func hash(_ text: String) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}
