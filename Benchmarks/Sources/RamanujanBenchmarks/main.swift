// Times `ramanujan` on the cases of peers/peer_cases.py and prints one JSON line per case:
// {"case": NAME, "seconds": median, "reps": k, "detail": {...}}.
import Dispatch
import Ramanujan

let apery = PCF(a: Polynomial([5, 27, 51, 34]), b: -Polynomial.n.power(6))

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// Median wall time of `reps` runs of `body`, and the last result.
func measure<T>(_ reps: Int, _ body: () throws -> T) rethrows -> (Double, T) {
  var times: [Double] = []
  var last: T?
  for _ in 0..<reps {
    let t0 = now()
    last = try body()
    times.append(now() - t0)
  }
  times.sort()
  return (times[times.count / 2], last!)
}

func report(_ name: String, _ seconds: Double, _ reps: Int, _ detail: [(String, String)]) {
  let fields = detail.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ")
  print("{\"case\": \"\(name)\", \"seconds\": \(seconds), \"reps\": \(reps), \"detail\": {\(fields)}}")
}

let threads = Int(CommandLine.arguments.first { $0.hasPrefix("--threads=") }?.dropFirst(10) ?? "") ?? availableCores
let cases = CommandLine.arguments.dropFirst().filter { !$0.hasPrefix("--") }

func walk(_ depth: Int, reps: Int, name: String) {
  let (t, w) = measure(reps) { apery.walk(depth: depth, threads: threads) }
  report(name, t, reps, [("q_digits", "\(w[1, 1].decimalDigitCount)"), ("threads", "\(threads)")])
}

let pcfCases: [(String, @Sendable () throws -> Void)] = [
  ("walk_1e4", { walk(10_000, reps: 5, name: "walk_1e4") }),
  ("walk_1e5", { walk(100_000, reps: 3, name: "walk_1e5") }),
  ("walk_1e6", { walk(1_000_000, reps: 1, name: "walk_1e6") }),
  (
    "digits_precision_delta_1e5",
    {
      // Exact walk, certified digits (precision), the value to all of them, and δ against 6/ζ(3)
      // computed by the catalog to the precision the comparison needs.
      let (t, out) = try measure(1) { () throws -> (Int, Double, Int) in
        let limit = apery.limit(depth: 100_000, threads: threads)
        let text = limit.certifiedText()
        let reference = try ConstantExpression(parsing: "6/zeta(3)").evaluate(.digits(limit.digits + 60))
        let delta = try limit.delta(reference: reference)
        return (limit.digits, delta, text.count)
      }
      report(
        "digits_precision_delta_1e5", t, 1,
        [("digits", "\(out.0)"), ("delta", "\(out.1)"), ("value_chars", "\(out.2)")])
    }
  ),
  (
    "digits_1e4",
    {
      let (t, out) = measure(3) { () -> (Int, Int) in
        let limit = apery.limit(digits: 10_000, threads: threads)
        return (limit.digits, limit.certifiedText().count)
      }
      report("digits_1e4", t, 3, [("digits", "\(out.0)"), ("value_chars", "\(out.1)")])
    }
  ),
]

let relateCases: [(String, @Sendable () throws -> Void)] = [("relate_pairs", { try relatePairs() })]
let extrapolationBenchmarks: [(String, @Sendable () throws -> Void)] = [
  ("extrapolation", { try extrapolationCases() })
]
let all = pcfCases + identifyCases + constantCases + cmfCases + relateCases + extrapolationBenchmarks

for (name, run) in all where cases.isEmpty || cases.contains(name) {
  do { try run() } catch { print("{\"case\": \"\(name)\", \"error\": \"\(error)\"}") }
}

// Search cases are asynchronous (structured concurrency over chunks).
if cases.isEmpty || cases.contains("screen_1000") {
  let rate = await screeningThroughput(count: 400_000, threads: threads)
  report("screen_1000", 1 / rate, 1, [("candidates_per_second", "\(Int(rate))"), ("threads", "\(threads)")])
}
for space in ["e", "pi"] where cases.isEmpty || cases.contains("search_\(space)") {
  do {
    let (seconds, hits, size) = try await searchSpace(space, threads: threads)
    report("search_\(space)", seconds, 1, [("hits", "\(hits)"), ("candidates", "\(size)"), ("threads", "\(threads)")])
  } catch {
    print("{\"case\": \"search_\(space)\", \"error\": \"\(error)\"}")
  }
}
