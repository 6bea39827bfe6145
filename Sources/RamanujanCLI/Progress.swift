import Dispatch
import Ramanujan
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Progress on standard error: a bar with rate and ETA on a terminal, plain lines every
/// `interval` seconds otherwise (logs, CI, Slurm).
struct Progress {
  let total: Int
  let label: String
  let isTerminal = isatty(2) != 0
  let started = DispatchTime.now().uptimeNanoseconds
  var lastPrint: UInt64 = 0
  var interval: Double = 10
  /// When progress was last written, shared with `heartbeat` (which writes while chunks run).
  let clock = ProgressClock()

  init(total: Int, label: String) {
    self.total = total
    self.label = label
  }

  var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }

  mutating func update(done: Int, candidates: Int, hits: Int, force: Bool = false) {
    let now = DispatchTime.now().uptimeNanoseconds
    let since = Double(now - lastPrint) / 1e9
    guard force || (isTerminal ? since >= 0.2 : since >= interval) else { return }
    lastPrint = now
    clock.touch()
    let rate = Double(candidates) / max(elapsed, 1e-9)
    let fraction = total == 0 ? 1 : Double(done) / Double(total)
    let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0
    let text =
      "\(label) \(done)/\(total) chunks, \(candidates) candidates, \(Self.si(rate))/s, \(hits) hits, ETA \(Self.duration(eta))"
    if isTerminal {
      let width = 24
      let filled = Int(fraction * Double(width))
      let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
      writeError("\r[\(bar)] \(text)\u{1B}[K")
      if force { writeError("\n") }
    } else {
      writeError(text + "\n")
    }
  }

  /// A task that, while chunks run and no progress was written for `interval` seconds, writes how
  /// many candidates the chunks in flight have processed (a chunk may take minutes: no silence
  /// then). Cancel it when the run ends.
  func heartbeat(_ counter: CandidateCounter) -> Task<Void, Never> {
    let (clock, label, interval, isTerminal) = (clock, label, interval, isTerminal)
    return Task.detached {
      while !Task.isCancelled {
        try? await Task.sleep(nanoseconds: 500_000_000)
        guard !Task.isCancelled, clock.secondsSince() >= interval else { continue }
        clock.touch()
        let text = Self.heartbeatText(label: label, candidates: counter.count)
        writeError(isTerminal ? "\r\(text)\u{1B}[K" : text + "\n")
      }
    }
  }

  static func heartbeatText(label: String, candidates: Int) -> String {
    "\(label) working: \(candidates) candidates processed so far (chunks in progress)"
  }

  static func si(_ x: Double) -> String {
    if x >= 1e6 { return "\(Double(Int(x / 1e4)) / 100)M" }
    if x >= 1e3 { return "\(Double(Int(x / 10)) / 100)k" }
    return "\(Int(x))"
  }

  /// A byte count in kB, MB or GB (powers of 10).
  static func bytes(_ x: Double) -> String {
    if x >= 1e9 { return "\(Double(Int(x / 1e7)) / 100) GB" }
    if x >= 1e6 { return "\(Int(x / 1e6)) MB" }
    return "\(Int(x / 1e3)) kB"
  }

  static func duration(_ s: Double) -> String {
    guard s.isFinite else { return "?" }
    let t = Int(s.rounded())
    return t >= 3600 ? "\(t / 3600)h\(t % 3600 / 60)m" : (t >= 60 ? "\(t / 60)m\(t % 60)s" : "\(t)s")
  }
}

/// The moment progress was last written, shared between the commit loop and the heartbeat task.
final class ProgressClock: Sendable {
  let last = Atomic<UInt64>(DispatchTime.now().uptimeNanoseconds)

  func touch() { last.store(DispatchTime.now().uptimeNanoseconds, ordering: .relaxed) }

  func secondsSince() -> Double {
    Double(DispatchTime.now().uptimeNanoseconds &- last.load(ordering: .relaxed)) / 1e9
  }
}

/// Writes to standard error (file descriptor 2) without touching C's shared `stderr`.
func writeError(_ text: String) {
  var bytes = Array(text.utf8)
  var offset = 0
  while offset < bytes.count {
    let n = bytes.withUnsafeMutableBytes { write(2, $0.baseAddress! + offset, $0.count - offset) }
    if n <= 0 { return }
    offset += n
  }
}
