import ArgumentParser
import Ramanujan

/// `ramanujan hits --store FILE`: list, filter and export the hits of a store.
struct HitsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hits",
    abstract: "List the formulas a search found."
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, tsv, json
  }

  @Option(name: .long, help: "The store a search wrote: an SQLite file or postgres://user@host[:port]/db.")
  var store: String

  @Option(name: .long, help: "Only the hits of this spec's run (a PostgreSQL store may hold several).")
  var spec: String?

  @Option(name: .long, help: "Only hits whose expression uses this constant (e.g. 'zeta(3)').")
  var constant: String?

  @Option(name: .customLong("min-digits"), help: "Only hits verified to at least this many places.")
  var minDigits: Int = 0

  @Flag(name: .long, help: "One hit per canonical key (the first by candidate order).")
  var unique = false

  @Flag(name: .long, help: "List the matches the exact walk could not certify to verify_digits places instead.")
  var unverified = false

  @Flag(name: .long, help: "List the clusters of a blind-delta search instead (size, delta and rate ranges, label).")
  var clusters = false

  @Option(name: .long, help: "Output format: text, tsv or json (one object per line).")
  var format: Format = .text

  @Flag(name: .long, help: "List classes of formulas proven equivalent ('relate --store') instead of hits.")
  var classes = false

  func validate() throws {
    try SearchCommand.requireStorePath(store, option: "--store")
    if minDigits < 0 { throw ValidationError("--min-digits must be at least 0, got \(minDigits)") }
    if clusters && (unverified || unique || constant != nil || minDigits != 0) {
      throw ValidationError(
        "--clusters lists clusters: it cannot be combined with --unverified, --unique, --constant or --min-digits")
    }
    if let constant {
      do { _ = try Constant(name: constant) } catch { throw ValidationError("--constant: \(error)") }
    }
  }

  func run() throws {
    for line in try lines() { print(line) }
  }

  func lines() throws -> [String] { try SearchCommand.usingStore { try storeLines() } }

  func storeLines() throws -> [String] {
    let spec = try self.spec.map(SearchCommand.loadSpec)
    try SearchCommand.requireReadable(store)
    let db = try SearchStore(readingFrom: store)
    let run = try spec.map { s throws in
      guard let run = try db.run(hash: s.hashText) else {
        throw ValidationError("store '\(db.path)' holds no run of spec '\(s.name)' (hash \(s.hashText))")
      }
      return run
    }
    if clusters { return try clusterLines(db, run: run) }
    let canonicalConstant = try constant.map { try Constant(name: $0).name }
    var hits = try db.hits(constant: canonicalConstant, minimumDigits: minDigits, unverified: unverified, run: run)
    if classes { return try classLines(db, hits: hits) }
    if unique {
      var seen = Set<String>()
      hits = hits.filter { seen.insert($0.hit.canonicalKey).inserted }
    }
    switch format {
    case .text:
      // Blind-δ stores: the cluster of each clustered hit.
      let cluster = try db.clusterMembership(run: run)
      return hits.map { h in
        "PCF(\(h.hit.a), \(h.hit.b)) = \(h.hit.expression)  [\(h.hit.digits) digits, depth \(h.hit.depth), delta \(h.hit.delta.map { PCFReport.format($0, 4) } ?? "–")\(cluster[h.hit.index].map { ", cluster \($0)" } ?? "")]"
      }
    case .tsv:
      return [Self.columns(hits.first).map(\.name).joined(separator: "\t")]
        + hits.map { h in Self.columns(h).map { $0.value.tsv }.joined(separator: "\t") }
    case .json:
      return hits.map { h in
        var o = JSONLine()
        for (name, value) in Self.columns(h) { o.add(name, value) }
        return o.text
      }
    }
  }
}

extension HitsCommand {
  /// The exported columns of a hit, in order: TSV and JSON write the same ones.
  static func columns(_ stored: SearchStore.StoredHit?) -> [(name: String, value: JSONLine.Field)] {
    let h = stored?.hit
    return [
      ("a", .text(h?.a)), ("b", .text(h?.b)), ("expression", .text(h?.expression)), ("digits", .int(h?.digits)),
      ("depth", .int(h?.depth)), ("delta", .real(h?.delta)), ("rate", .real(h?.rate)),
      ("factorial_degree", .real(h?.factorialDegree)), ("constants", .text(h?.constants)),
      ("canonical_key", .text(h?.canonicalKey)), ("relation", .text(h?.relation)), ("candidate", .int(h?.index)),
      ("run", .text(stored?.run)), ("extrapolated", .bool(h?.isExtrapolated)),
      ("certified_digits", .int(h?.certifiedDigits)), ("extrapolation", .text(h?.extrapolation)),
    ]
  }
}
