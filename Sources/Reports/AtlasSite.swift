import Foundation
import Identification
import Search

/// The static site of an `Atlas`: `index.html`, one page per formula, and `clusters.html` when
/// clusters are known. Every page is self-contained (inline style, MathML, inline SVG; no script,
/// no network) and written through `Markup`, so all text from the store is escaped.
public struct AtlasSite: Sendable {
  public let atlas: Atlas
  public init(_ atlas: Atlas) { self.atlas = atlas }

  /// Every page: file name and HTML text, the index first.
  public var pages: [(name: String, html: String)] {
    var out = [(name: "index.html", html: index)]
    for f in atlas.formulas + atlas.unverified { out.append((f.page, FormulaPage(formula: f, atlas: atlas).html)) }
    if atlas.clusters != nil { out.append(("clusters.html", clustersPage)) }
    return out
  }

  /// Writes every page into `directory` (created when missing).
  /// - Throws: `ReportError` naming the directory or file that cannot be written.
  public func write(to directory: String) throws(ReportError) {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw ReportError("--out '\(directory)' exists and is not a directory") }
    } else {
      do { try fm.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
        throw ReportError("cannot create the directory '\(directory)': \(error.localizedDescription)")
      }
    }
    for page in pages {
      let path = (directory as NSString).appendingPathComponent(page.name)
      do { try page.html.write(toFile: path, atomically: true, encoding: .utf8) } catch {
        throw ReportError("cannot write '\(path)': \(error.localizedDescription)")
      }
    }
  }

  // MARK: - Index

  var index: String {
    var body: [Markup] = [
      .node(
        "header", [],
        [
          .node("h1", text: atlas.title),
          .node(
            "p", [("class", "lede")],
            text:
              "Formulas found by a search, with how fast each converges and where its irrationality-measure estimate δ goes. Digits and plots were computed when this report was made, from exact walks; certified digits come from the walk's checked error model."
          ),
          .node("p", text: summary),
          .node("nav", [("aria-label", "sections")], [navigation]),
        ])
    ]
    var main: [Markup] = [formulasSection(atlas.formulas, verified: true)]
    if !atlas.unverified.isEmpty { main.append(formulasSection(atlas.unverified, verified: false)) }
    main += [runsSection, countsSection]
    if let placements = atlas.placements { main.append(placementsSection(placements)) }
    if let clusters = atlas.clusters {
      main.append(
        .node(
          "section", [("id", "clusters")],
          [
            .node("h2", text: "Clusters"),
            .node(
              "p", [],
              [
                .text("\(clusters.count) blind-δ cluster\(clusters.count == 1 ? "" : "s"): "),
                .node("a", [("href", "clusters.html")], text: "δ against rate, by cluster"), .text("."),
              ]),
          ]))
    }
    body.append(.node("main", [], main))
    return Markup.page(title: atlas.title, style: Self.style, body: body)
  }

  /// One sentence: what was found, from how many candidates, in how long.
  var summary: String {
    let n = atlas.formulas.count
    let u = atlas.unverified.count
    let candidates = atlas.statistics["candidates"] ?? 0
    let seconds = atlas.runs.compactMap(\.seconds).reduce(0, +)
    return "\(n) formula\(n == 1 ? "" : "s") verified"
      + (u > 0 ? " and \(u) slowly converging match\(u == 1 ? "" : "es") unverified" : "")
      + ", from \(Self.grouped(candidates)) candidates"
      + (atlas.runs.isEmpty ? "." : " searched in about \(seconds) s.")
  }

  var navigation: Markup {
    var links: [(String, String)] = [("#formulas", "Formulas")]
    if !atlas.unverified.isEmpty { links.append(("#unverified", "Unverified")) }
    links += [("#runs", "Runs"), ("#counts", "Counts")]
    if atlas.placements != nil { links.append(("#placements", "CMF placements")) }
    if atlas.clusters != nil { links.append(("clusters.html", "Clusters")) }
    return .node("ul", [], links.map { .node("li", [], [.node("a", [("href", $0.0)], text: $0.1)]) })
  }

  var runsSection: Markup {
    var content: [Markup] = [.node("h2", text: "Runs")]
    if atlas.runs.isEmpty { content.append(.node("p", text: "The store holds no run.")) }
    for r in atlas.runs {
      let candidates = atlas.runs.count == 1 ? atlas.statistics["candidates"] ?? 0 : nil
      var rows: [(String, String)] = [
        ("spec", r.run.specName), ("spec hash", r.run.specHash), ("program version", r.programVersion),
        ("chunks done", "\(r.chunksDone) of \(r.run.chunkCount) (chunk size \(r.run.chunkSize))"),
        ("shards", r.shards.isEmpty ? "–" : r.shards.joined(separator: ", ")),
        ("created (UTC)", r.createdAt), ("last chunk (UTC)", r.lastChunkAt ?? "–"),
      ]
      if let s = r.seconds {
        rows.append(
          (
            "duration",
            s < 1
              ? "under 1 s (the store's clock counts whole seconds)"
              : "\(s) s (creation to last chunk, pauses included)"
          ))
        if let candidates, s >= 10 {
          rows.append(("throughput", "\(Self.grouped(candidates / s)) candidates/s"))
        } else if let candidates, s >= 1 {
          rows.append(
            ("throughput", "about \(Self.grouped(candidates / s)) candidates/s (the duration is known to ±1 s)"))
        } else if let candidates {
          rows.append(("throughput", "more than \(Self.grouped(candidates)) candidates/s"))
        }
      }
      content.append(Self.definitionTable(rows, caption: "Run \(r.run.specName)"))
      content.append(
        .node(
          "details", [],
          [.node("summary", text: "Spec of \(r.run.specName) (JSON)"), .node("pre", [], [.node("code", text: r.spec)])])
      )
    }
    return .node("section", [("id", "runs")], content)
  }

  var countsSection: Markup {
    let s = atlas.statistics
    var rows: [(String, String)] = [("candidates enumerated", Self.grouped(s["candidates"] ?? 0))]
    for key in s.keys.filter({ $0.hasPrefix("filtered.") }).sorted() {
      rows.append(
        (
          "filtered out: \(key.dropFirst("filtered.".count).replacingOccurrences(of: "_", with: " "))",
          Self.grouped(s[key]!)
        ))
    }
    rows += [
      ("screened", Self.grouped(s["screened"] ?? 0)), ("converged in screening", Self.grouped(s["converged"] ?? 0)),
      ("matched a constant", Self.grouped(s["matched"] ?? 0)),
      ("unverified (too slow to certify)", Self.grouped(s["unverified"] ?? 0)),
      ("hits (verified)", Self.grouped(s["hits"] ?? 0)),
      ("distinct formulas (canonical keys)", "\(atlas.formulas.count) verified, \(atlas.unverified.count) unverified"),
    ]
    return .node(
      "section", [("id", "counts")],
      [
        .node("h2", text: "Counts per stage and filter"),
        Self.definitionTable(rows, caption: "Pipeline counts over the done chunks"),
      ])
  }

  func formulasSection(_ list: [Atlas.Formula], verified: Bool) -> Markup {
    var content: [Markup] = [
      .node("h2", text: verified ? "Formulas by constant" : "Unverified matches (slowly converging)")
    ]
    if !verified {
      content.append(
        .node(
          "p", [],
          text:
            "These agreed with the expression on every place their walk certified, but the search could not certify enough places to call them verified. Their error is drawn on log–log axes."
        ))
    }
    if list.isEmpty { content.append(.node("p", text: "No formula was found.")) }
    var constants: [String] = []
    for f in list where !constants.contains(f.constants) { constants.append(f.constants) }
    for c in constants.sorted() {
      let members = list.filter { $0.constants == c }
      content.append(.node("h3", [], [.text("Constant "), Self.constantsMarkup(c), .text(" (\(members.count))")]))
      if atlas.classes != nil {
        // Hook: classes of proven-equivalent formulas, when the store has them.
        var byClass: [(String?, [Atlas.Formula])] = []
        for f in members {
          let id = atlas.formulaClass(of: f.hit.canonicalKey)?.id
          if let i = byClass.firstIndex(where: { $0.0 == id }) {
            byClass[i].1.append(f)
          } else {
            byClass.append((id, [f]))
          }
        }
        for (id, group) in byClass {
          let evidence = id.flatMap { i in atlas.classes?.first { $0.id == i }?.evidence }
          content.append(
            .node("h4", text: id.map { "Class \($0)" + (evidence.map { " — \($0)" } ?? "") } ?? "In no class"))
          content.append(formulaTable(group))
        }
      } else {
        content.append(formulaTable(members))
      }
    }
    return .node("section", [("id", verified ? "formulas" : "unverified")], content)
  }

  func formulaTable(_ list: [Atlas.Formula]) -> Markup {
    let head = [
      "limit", "a(n)", "b(n)", "certified places (depth)", "convergence", "rate (places/term)", "δ", "δ(n)",
      "factorial k", "guises",
    ]
    var rows: [Markup] = []
    for f in list {
      let s = f.study
      var cells: [Markup] = [
        .node("a", [("href", f.page)], [Self.expressionMarkup(f.hit.expression)]),
        s.map { MathML.math([MathML.polynomial($0.pcf.a)]) } ?? .node("code", text: f.hit.a),
        s.map { MathML.math([MathML.polynomial($0.pcf.b)]) } ?? .node("code", text: f.hit.b),
      ]
      if let s {
        cells.append(.text("\(s.limit.digits) (\(s.limit.depth))"))
        let words = Self.convergenceWords(s)
        if let caret = words.range(of: "n^") {
          // The exponent raised: "slow, error ~ n" with "−2.00" as a superscript.
          cells.append(
            .group([
              .text(String(words[..<caret.lowerBound]) + "n"), .node("sup", text: String(words[caret.upperBound...])),
            ]))
        } else {
          cells.append(.text(words))
        }
        cells.append(.text(s.limit.rate.map { Self.fixed($0, 3) } ?? "–"))
        cells.append(.text(s.delta.map { Self.fixed($0, 4) } ?? "–"))
        let deltas: [(x: Double, y: Double)] = s.profile.points.compactMap { p in p.delta.map { (Double(p.depth), $0) }
        }
        cells.append(
          deltas.count < 2
            ? .text("–")
            : Plot.sparkline(
              deltas,
              title:
                "δ from \(Self.fixed(deltas.first!.y, 3)) at depth \(Int(deltas.first!.x)) to \(Self.fixed(deltas.last!.y, 3)) at depth \(Int(deltas.last!.x))",
              rule: 0))
        cells.append(.text(s.reduction?.factorialDegree.map { Self.fixed($0, 2) } ?? "–"))
      } else {
        cells.append(.text("\(f.hit.digits) (\(f.hit.depth), search)"))
        cells.append(.text(f.note ?? "not studied"))
        cells.append(.text(f.hit.rate.map { Self.fixed($0, 3) } ?? "–"))
        cells.append(.text(f.hit.delta.map { Self.fixed($0, 4) } ?? "–"))
        cells.append(.text("–"))
        cells.append(.text(f.hit.factorialDegree.map { Self.fixed($0, 2) } ?? "–"))
      }
      cells.append(.text("\(f.guises.count + 1)"))
      rows.append(.node("tr", [], cells.map { .node("td", [], [$0]) }))
    }
    return .node(
      "table", [("class", "formulas")],
      [
        .node("thead", [], [.node("tr", [], head.map { .node("th", [("scope", "col")], text: $0) })]),
        .node("tbody", [], rows),
      ])
  }

  func placementsSection(_ placements: [Atlas.Placement]) -> Markup {
    var content: [Markup] = [.node("h2", text: "CMF placements")]
    if placements.isEmpty {
      content.append(.node("p", text: "No formula was placed on a known CMF."))
    } else {
      let all = atlas.formulas + atlas.unverified
      let rows: [Markup] = placements.map { p in
        let f = all.first { $0.hit.canonicalKey == p.canonicalKey }
        let formula: Markup =
          f.map { .node("a", [("href", $0.page)], [Self.expressionMarkup($0.hit.expression)]) }
          ?? .node("code", text: p.canonicalKey)
        return .node(
          "tr", [],
          [formula, .text(p.field), .text(p.trajectory), .text(p.start), .text(p.evidence)].map {
            .node("td", [], [$0])
          })
      }
      content.append(
        .node(
          "table", [],
          [
            .node(
              "thead", [],
              [
                .node(
                  "tr", [],
                  ["formula", "field", "trajectory", "start", "evidence"].map {
                    .node("th", [("scope", "col")], text: $0)
                  })
              ]),
            .node("tbody", [], rows),
          ]))
    }
    return .node("section", [("id", "placements")], content)
  }

  var clustersPage: String {
    let clusters = atlas.clusters ?? []
    let plot = Plot(
      title: "δ against rate, by cluster",
      description:
        "Each point is a formula: its convergence rate (places per term) and δ; clusters differ by marker and colour."
        + (clusters.contains { $0.members.count < $0.size }
          ? " A large cluster is shown by every k-th of its members (the table gives its size)." : ""),
      x: .init("rate (decimal places per term)"), y: .init("δ"),
      series: clusters.enumerated().map { k, c in
        .init(
          "\(c.id)\(c.identified.map { " (\($0))" } ?? "")", points: c.members.map { ($0.rate, $0.delta) },
          style: .numbered(k, line: false))
      }, rules: [.init(y: 0, label: "δ = 0")])
    var rows: [Markup] = []
    for c in clusters {
      rows.append(
        .node(
          "tr", [],
          [.text(c.id), .text("\(c.size)"), .text(c.identified ?? "not identified")].map {
            .node("td", [], [$0])
          }))
    }
    let body: [Markup] = [
      .node("nav", [], [.node("a", [("href", "index.html")], text: "← index")]),
      .node("h1", text: "Clusters of \(atlas.title)"),
      .node("figure", [], [plot.svg(id: "clusters"), .node("figcaption", text: plot.description)]),
      .node(
        "table", [],
        [
          .node(
            "thead", [],
            [
              .node(
                "tr", [], ["cluster", "members", "identified as"].map { .node("th", [("scope", "col")], text: $0) })
            ]),
          .node("tbody", [], rows),
        ]),
    ]
    return Markup.page(title: "Clusters — \(atlas.title)", style: Self.style, body: body)
  }

  // MARK: - Helpers

  /// Growth of the rate above which convergence is called faster than geometric.
  static let fasterThanGeometric = 1.05

  /// "geometric", "faster than geometric" or "slow, error ~ n^−α" in words, for the index.
  static func convergenceWords(_ s: FormulaStudy) -> String {
    guard s.slow else {
      guard let g = s.profile.rateGrowth else { return "–" }
      return g > fasterThanGeometric ? "faster than geometric (rate grows)" : "geometric"
    }
    guard let e = s.profile.localExponent else { return "slow" }
    return "slow, error ~ n^−\(fixed(e.alpha, 2))"
  }

  static func definitionTable(_ rows: [(String, String)], caption: String) -> Markup {
    .node(
      "table", [("class", "facts")],
      [.node("caption", text: caption)]
        + rows.map { .node("tr", [], [.node("th", [("scope", "row")], text: $0.0), .node("td", text: $0.1)]) })
  }

  /// An expression as MathML, or as code when it cannot be read.
  static func expressionMarkup(_ text: String) -> Markup {
    guard let e = try? ConstantExpression(parsing: text) else { return .node("code", text: text) }
    return MathML.math([MathML.expression(e)], label: text, displayStyle: true)
  }

  /// A comma-separated list of constants, each as MathML when it can be read.
  static func constantsMarkup(_ text: String) -> Markup {
    let parts = text.split(separator: ",").map(String.init)
    var out: [Markup] = []
    for (i, p) in parts.enumerated() {
      if i > 0 { out.append(.text(", ")) }
      out.append(expressionMarkup(p))
    }
    return .group(out)
  }

  static func fixed(_ x: Double, _ places: Int) -> String {
    guard x.isFinite else { return "\(x)" }
    return String(format: "%.\(places)f", x).replacingOccurrences(of: "-", with: "−")
  }

  /// An integer with thin spaces between groups of three digits.
  static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, ch) in digits.enumerated() {
      if i > 0 && (digits.count - i) % 3 == 0 { out += "\u{2009}" }
      out.append(ch)
    }
    return (n < 0 ? "−" : "") + out
  }

  /// The style sheet of every page (no quotes, angle brackets or ampersands: see `Markup.page`).
  static let style = """
    body { font-family: DejaVu Sans, Arial, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; color: #111; line-height: 1.45; }
    h1 { font-size: 1.7rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { margin-top: 1.5rem; }
    .lede { color: #333; max-width: 52rem; }
    nav ul { list-style: none; padding: 0; display: flex; gap: 1.2rem; flex-wrap: wrap; }
    table { border-collapse: collapse; margin: 0.6rem 0; }
    th, td { border: 1px solid #ccc; padding: 0.3rem 0.6rem; text-align: left; vertical-align: middle; }
    thead th { background: #f0f0f0; }
    table.facts th { background: #f7f7f7; font-weight: normal; }
    caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
    td a { text-decoration: none; } td a:hover, td a:focus { text-decoration: underline; }
    pre { background: #f7f7f7; padding: 0.6rem; overflow-x: auto; white-space: pre-wrap; }
    math[display=block] { margin: 0.8rem 0; font-size: 1.3rem; }
    td math, h3 math { font-size: 1.2rem; } h1 math { font-size: 2rem; }
    figure { margin: 1rem 0; } figcaption { color: #333; max-width: 40rem; font-size: 0.9rem; }
    .plots { display: flex; flex-wrap: wrap; gap: 1rem; }
    .warning { border-left: 4px solid #D55E00; padding: 0.4rem 0.8rem; background: #fff4ec; }
    .value { font-family: DejaVu Sans Mono, monospace; word-break: break-all; }
    svg { max-width: 100%; height: auto; }
    """
}
