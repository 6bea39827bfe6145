import Search
import Testing

@testable import Reports
@testable import Store

@Suite struct AtlasSiteTests {
  static let apery = Hit(
    a: "34n^3 + 51n^2 + 27n + 5", b: "-n^6", index: 1359, canonicalKey: "34n^3 + 51n^2 + 27n + 5|-n^6",
    constants: "zeta(3)", expression: "6/zeta(3)", relation: "mitm (c0,c1,d0,d1)=(6,0,0,1)", digits: 194, depth: 64,
    delta: 0.1555, rate: 3.0621, factorialDegree: 3.03)
  static let guise = Hit(
    a: "68n^3 + 102n^2 + 54n + 10", b: "-4n^6", index: 2000, canonicalKey: apery.canonicalKey, constants: "zeta(3)",
    expression: "12/zeta(3)", relation: "mitm", digits: 190, depth: 64, delta: nil, rate: nil, factorialDegree: nil)
  static let slow = Hit(
    a: "2n^3 + 3n^2 + 11n + 5", b: "-n^6", index: 79, canonicalKey: "2n^3 + 3n^2 + 11n + 5|-n^6", constants: "zeta(3)",
    expression: "1/(zeta(3)-1)", relation: "mitm (c0,c1,d0,d1)=(1,0,-1,1)", digits: 25, depth: 20000, delta: -0.999,
    rate: 0.0002, factorialDegree: 3.01)
  static let hostile = Hit(
    a: "n + 1", b: "n + 1", index: 5, canonicalKey: "n + 1|n + 1", constants: "e", expression: "1<script>x</script>",
    relation: "<b>\"quoted\"</b>", digits: 100, depth: 80, delta: nil, rate: nil, factorialDegree: nil)

  static func atlas(
    classes: [Atlas.FormulaClass]? = nil, placements: [Atlas.Placement]? = nil, clusters: [Atlas.Cluster]? = nil
  ) throws -> Atlas {
    var options = FormulaStudy.Options()
    options.maxDepth = 300
    options.points = 6
    options.targetDigits = 300
    options.threads = 1
    var verified = Atlas.group([apery, guise, hostile], verified: true)
    var unverified = Atlas.group([slow], verified: false)
    for i in verified.indices {
      do { verified[i].study = try FormulaStudy(hit: verified[i].hit, options: options) } catch {
        verified[i].note = "\(error)"
      }
    }
    unverified[0].study = try FormulaStudy(hit: slow, options: options)
    let run = SearchStore.Run(id: 1, specName: "zeta3 <small>", specHash: "abc", chunkSize: 8192, chunkCount: 1)
    let summary = SearchStore.RunSummary(
      run: run, spec: "{\"name\": \"zeta3 <small>\"}", programVersion: "0.1.0", createdAt: "2026-11-30 05:16:31",
      chunksDone: 1, firstChunkAt: "2026-11-30 05:16:34", lastChunkAt: "2026-11-30 05:16:34", seconds: 3,
      shards: ["0/1"])
    return Atlas(
      title: "Atlas of zeta3", runs: [summary],
      statistics: [
        "candidates": 1360, "filtered.common_factor": 69, "filtered.divergent": 164, "screened": 1127,
        "converged": 1119, "matched": 5, "unverified": 2, "hits": 3,
      ], formulas: verified, unverified: unverified, classes: classes, placements: placements, clusters: clusters)
  }

  @Test("index: structure snapshot of a small store; absent hooks leave no section")
  func indexSnapshot() throws {
    let site = AtlasSite(try Self.atlas())
    #expect(site.pages.map(\.name) == ["index.html", "hit-1359.html", "hit-5.html", "unverified-79.html"])
    let outline = try #require(XMLOutline(site.index))
    #expect(
      outline.lines == [
        "h1 Atlas of zeta3", "section#formulas", "h2 Formulas by constant", "h3 Constant e (1)", "h3 Constant ζ(3) (1)",
        "section#unverified", "h2 Unverified matches (slowly converging)", "h3 Constant ζ(3) (1)", "section#runs",
        "h2 Runs", "section#counts", "h2 Counts per stage and filter",
      ])
    #expect(
      outline.links == [
        "#formulas", "#unverified", "#runs", "#counts", "hit-5.html", "hit-1359.html", "unverified-79.html",
      ])
    #expect(
      site.index.contains(
        "2 formulas verified and 1 slowly converging match unverified, from 1\u{2009}360 candidates searched in about 3 s."
      ))
    // δ(n) at a glance: a sparkline per studied formula, with its first and last values in its title.
    #expect(outline.elements["svg"] == 2 && site.index.contains("<title>δ from "))
    #expect(outline.elements["script"] == nil && outline.elements["img"] == nil && outline.elements["link"] == nil)
    #expect(outline.elements["math", default: 0] >= 9)
    #expect(site.index.contains("zeta3 &lt;small&gt;") && !site.index.contains("<small>"))
    #expect(site.index.contains("1\u{2009}360"))  // counts grouped by thousands
    #expect(site.index.contains("<td>geometric</td>") && site.index.contains("slow, error ~ n<sup>−"))
  }

  @Test("a formula page: formula in MathML, numbers, two plots with titles, plotted values, guises")
  func formulaPage() throws {
    let site = AtlasSite(try Self.atlas())
    let page = try #require(site.pages.first { $0.name == "hit-1359.html" }?.html)
    let outline = try #require(XMLOutline(page))
    #expect(
      outline.lines == [
        "h1 Formula: 6ζ(3)", "section#formula", "h2 Formula", "section#numbers", "h2 Numbers", "section#convergence",
        "h2 Convergence", "section#guises", "h2 Other guises",
      ])
    #expect(outline.elements["svg"] == 2 && outline.elements["title"] == 3 && outline.elements["desc"] == 2)
    #expect(outline.elements["figcaption"] == 2)
    #expect(page.contains("6/zeta(3) agrees with all "))
    #expect(page.contains("<mn>1463</mn>"))  // a(3) of the continued fraction
    #expect(page.contains("68n^3 + 102n^2 + 54n + 10"))
    let slow = try #require(site.pages.first { $0.name == "unverified-79.html" }?.html)
    #expect(slow.contains("Error against depth (log–log)") && slow.contains("α ≈ "))
  }

  @Test("text from the store is escaped on every page")
  func escaping() throws {
    let site = AtlasSite(try Self.atlas())
    for page in site.pages {
      #expect(!page.html.contains("<script"), "\(page.name)")
      #expect(!page.html.contains("<b>"), "\(page.name)")
      #expect(XMLOutline.parses(page.html), "\(page.name)")
    }
    let hostile = try #require(site.pages.first { $0.name == "hit-5.html" }?.html)
    #expect(hostile.contains("1&lt;script&gt;x&lt;/script&gt;"))
    #expect(hostile.contains("&lt;b&gt;&quot;quoted&quot;&lt;/b&gt;"))
    #expect(hostile.contains("cannot read the expression"))
  }

  @Test("hooks: classes group the index, placements and clusters add sections and a page")
  func hooks() throws {
    let atlas = try Self.atlas(
      classes: [
        .init(id: "C1", members: [Self.apery.canonicalKey, Self.slow.canonicalKey], evidence: "gauge <proof>")
      ],
      placements: [
        .init(
          canonicalKey: Self.apery.canonicalKey, field: "zeta3", trajectory: "(1, 1)", start: "(0, 0)",
          evidence: "equal PCF")
      ],
      clusters: [
        .init(id: "A", members: [("k1", 0.08, 3.06), ("k2", 0.1, 3.0)], identified: "zeta(3)"),
        .init(id: "B", members: [("k3", -0.4, 1.5)], identified: nil),
      ])
    let site = AtlasSite(atlas)
    #expect(site.pages.map(\.name).last == "clusters.html")
    let outline = try #require(XMLOutline(site.index))
    #expect(outline.lines.contains("h4 Class C1 — gauge <proof>"))
    #expect(outline.lines.contains("h4 In no class"))
    #expect(outline.lines.contains("section#placements") && outline.lines.contains("section#clusters"))
    #expect(outline.links.contains("clusters.html"))
    let page = try #require(site.pages.first { $0.name == "hit-1359.html" }?.html)
    let pageOutline = try #require(XMLOutline(page))
    #expect(pageOutline.lines.suffix(4) == ["section#class", "h2 Class", "section#placement", "h2 CMF placement"])
    #expect(page.contains("zeta3 along (1, 1) from (0, 0): equal PCF."))
    let clusters = try #require(site.pages.last?.html)
    #expect(XMLOutline(clusters)?.elements["svg"] == 1)
    #expect(clusters.contains("A (zeta(3))") && clusters.contains("not identified"))
    // Empty lists say so rather than vanish.
    let none = AtlasSite(try Self.atlas(classes: [], placements: []))
    #expect(none.index.contains("No formula was placed on a known CMF."))
    #expect(XMLOutline(none.index)!.lines.contains("h4 In no class"))
  }
}
