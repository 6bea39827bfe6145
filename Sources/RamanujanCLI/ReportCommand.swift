import ArgumentParser
import Dispatch
import Ramanujan

#if canImport(Glibc)
  import Glibc
#endif

/// `ramanujan report --store S --out DIR`: a static HTML atlas of a store's formulas.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Write a static HTML report of a store: formulas as MathML, convergence and delta plots as SVG.",
    discussion: """
      Writes DIR/index.html (runs, counts per filter, formulas by constant) and one page per formula \
      (hits sharing a canonical key), with plots of correct and certified places and of delta against \
      depth, computed now from exact walks at --points depths up to at most --max-depth. Pages need no \
      script and no network.
      """
  )

  @Option(name: .long, help: "The SQLite store a search wrote.")
  var store: String

  @Option(name: .long, help: "The directory to write the pages into (created when missing).")
  var out: String

  @Option(name: .customLong("max-depth"), help: "Deepest walk per formula (default 2000).")
  var maxDepth: Int = 2000

  @Option(name: .long, help: "Depths per formula in the plots (default 32).")
  var points: Int = 32

  @Option(name: .customLong("target-digits"), help: "Walk a fast formula until about this many places (default 1000).")
  var targetDigits: Int = 1000

  @Option(name: .customLong("max-formulas"), help: "Study at most this many formulas; list the others (default 500).")
  var maxFormulas: Int = 500

  @Option(name: .long, help: "Threads per walk (default: all cores).")
  var threads: Int?

  func validate() throws {
    try SearchCommand.requireStorePath(store, option: "--store")
    if out.isEmpty { throw ValidationError("--out must name a directory, got ''") }
    if !(8...100_000).contains(maxDepth) { throw ValidationError("--max-depth must be in 8...100000, got \(maxDepth)") }
    if !(2...200).contains(points) { throw ValidationError("--points must be in 2...200, got \(points)") }
    if !(10...100_000).contains(targetDigits) {
      throw ValidationError("--target-digits must be in 10...100000, got \(targetDigits)")
    }
    if !(0...1_000_000).contains(maxFormulas) {
      throw ValidationError("--max-formulas must be in 0...1000000, got \(maxFormulas)")
    }
    if let threads, !(1...1024).contains(threads) {
      throw ValidationError("--threads must be in 1...1024, got \(threads)")
    }
  }

  func run() throws {
    let pages = try write()
    print("wrote \(pages) page\(pages == 1 ? "" : "s") to \(out)/index.html")
  }

  /// Writes the site; returns the number of pages. Progress goes to standard error.
  @discardableResult
  func write(progress: Bool = true) throws -> Int {
    let atlas = try SearchCommand.usingStore { () throws -> Atlas in
      guard isReadableFile(store) else { throw ValidationError("cannot read store '\(store)'") }
      let db = try SearchStore(readingFrom: store)
      var options = FormulaStudy.Options()
      options.maxDepth = maxDepth
      options.points = points
      options.targetDigits = targetDigits
      options.threads = threads ?? availableCores
      let started = DispatchTime.now().uptimeNanoseconds
      var last: UInt64 = 0
      let atlas = try Atlas.read(store: db, options: options, maxFormulas: maxFormulas) { done, total, hit in
        guard progress else { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if done == 0 {
          writeError(
            "report: studying \(min(total, maxFormulas)) formula\(total == 1 ? "" : "s") (\(points) walks each, depth ≤ \(maxDepth))\n"
          )
        }
        guard done == 0 || now - last >= 1_000_000_000 else { return }
        last = now
        let elapsed = Double(now - started) / 1e9
        writeError(
          "report: \(done + 1)/\(min(total, maxFormulas)) PCF(\(hit.a), \(hit.b)) = \(hit.expression) [\(Progress.duration(elapsed))]\n"
        )
      }
      return atlas
    }
    let site = AtlasSite(atlas)
    do { try site.write(to: out) } catch { throw ValidationError("\(error)") }
    return site.pages.count
  }
}
