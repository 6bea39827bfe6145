import Identification
import Search

/// The page of one formula: the PCF as a continued fraction and as a(n), b(n), the limit's
/// expression, the numbers of the report-time walk (certified digits, rate, δ, factorial
/// reduction) beside the search's, convergence plots, the plotted values, the formula's guises,
/// and its class and CMF placement when those are known.
struct FormulaPage {
  let formula: Atlas.Formula
  let atlas: Atlas

  var title: String { "PCF(\(formula.hit.a), \(formula.hit.b)) = \(formula.hit.expression)" }

  var html: String {
    let hit = formula.hit
    var body: [Markup] = [
      .node("nav", [], [.node("a", [("href", "index.html")], text: "← index")]),
      .node(
        "h1", [],
        [.text(formula.verified ? "Formula: " : "Unverified match: "), AtlasSite.expressionMarkup(hit.expression)]),
      .node("p", [], [.node("code", text: title)]),
    ]
    var formulaSection: [Markup] = [.node("h2", text: "Formula")]
    if let s = formula.study {
      let label =
        "\(hit.expression) = \(s.pcf.a(0)) + \(s.pcf.b(1))/(\(s.pcf.a(1)) + \(s.pcf.b(2))/(\(s.pcf.a(2)) + …))"
      formulaSection.append(
        MathML.math(
          [MathML.expression(s.expression), MathML.mo("="), MathML.continuedFraction(s.pcf)], block: true, label: label)
      )
      formulaSection.append(
        MathML.math(
          [
            MathML.gaussNotation(), MathML.mo(","), MathML.mspace, MathML.mi("a"), MathML.mo("("), MathML.mi("n"),
            MathML.mo(")"), MathML.mo("="), MathML.polynomial(s.pcf.a), MathML.mo(","), MathML.mspace, MathML.mi("b"),
            MathML.mo("("), MathML.mi("n"), MathML.mo(")"), MathML.mo("="), MathML.polynomial(s.pcf.b),
          ],
          block: true, label: "a(n) = \(hit.a), b(n) = \(hit.b)"))
    } else {
      formulaSection.append(
        .node("p", [], [.text("a(n) = "), .node("code", text: hit.a), .text(", b(n) = "), .node("code", text: hit.b)]))
    }
    formulaSection.append(
      .node("p", [], [.text("Found as "), .node("code", text: hit.relation), .text("; constants: \(hit.constants).")]))
    var main: [Markup] = [.node("section", [("id", "formula")], formulaSection)]
    if let note = formula.note { main.append(.node("p", [("class", "warning")], text: note)) }
    main.append(numbersSection)
    if let s = formula.study { main.append(convergenceSection(s)) }
    if !formula.guises.isEmpty { main.append(guisesSection) }
    if let classes = atlas.classes {
      let c = classes.first { $0.members.contains(hit.canonicalKey) }
      main.append(
        .node(
          "section", [("id", "class")],
          [
            .node("h2", text: "Class"),
            .node(
              "p",
              text: c.map {
                "Class \($0.id), with \($0.members.count) formula\($0.members.count == 1 ? "" : "s"): \($0.evidence)."
              }
                ?? "This formula is in no class of proven-equivalent formulas."),
          ]))
    }
    if let placements = atlas.placements {
      let mine = placements.filter { $0.canonicalKey == hit.canonicalKey }
      main.append(
        .node(
          "section", [("id", "placement")],
          [.node("h2", text: "CMF placement")]
            + (mine.isEmpty
              ? [.node("p", text: "Not placed on a known CMF.")]
              : mine.map { .node("p", text: "\($0.field) along \($0.trajectory) from \($0.start): \($0.evidence).") })))
    }
    body.append(.node("main", [], main))
    return Markup.page(title: title, style: AtlasSite.style, body: body)
  }

  var numbersSection: Markup {
    let hit = formula.hit
    var rows: [(String, String)] = []
    if let s = formula.study {
      let l = s.limit
      let shown = min(l.digits, 60)
      let value = l.certifiedText(maxPlaces: shown)
      rows.append(("value", value.isEmpty ? "– (nothing certified)" : value + (l.digits > shown ? "…" : "")))
      rows.append(("certified places", "\(l.digits) at depth \(l.depth)"))
      switch s.agreement {
      case .agrees(let places): rows.append(("limit", "\(hit.expression) agrees with all \(places) certified places"))
      case .disagrees(let place):
        rows.append(("limit", "\(hit.expression) DISAGREES with the certified value at decimal place \(place)"))
      case .unknown(let reason): rows.append(("limit", "not compared: \(reason)"))
      }
      rows.append(
        (
          "rate",
          l.rate.map {
            "\(AtlasSite.fixed($0, 4)) places per term (between depths \(l.earlier?.depth ?? 0) and \(l.depth))"
          } ?? "–"
        ))
      rows.append(
        (
          "convergence",
          AtlasSite.convergenceWords(s)
            + ((s.slow ? nil : s.profile.rateGrowth).map {
              "; rate on depths N/2…N over N/4…N/2: \(AtlasSite.fixed($0, 3))"
            } ?? "")
        ))
      if let p = s.profile.points.last(where: { $0.delta != nil }), let d = p.delta {
        rows.append(("δ", "\(AtlasSite.fixed(d, 5)) at depth \(p.depth), against \(hit.expression)"))
      } else {
        rows.append(("δ", "– (the error is not resolved at any plotted depth)"))
      }
      if let r = s.reduction {
        rows.append(
          (
            "factorial reduction",
            "log10 gcd(p, q) = \(AtlasSite.fixed(r.log10GCD, 1)) at depth \(l.depth)"
              + (r.factorialDegree.map { "; gcd ~ (N!)^k·c^N with k = \(AtlasSite.fixed($0, 3))" } ?? "")
          ))
      }
      if s.slow, let e = s.profile.localExponent {
        rows.append(
          (
            "error decay",
            "|L − p(n)/q(n)| ~ n^−α with α ≈ \(AtlasSite.fixed(e.alpha, 3)) between depths \(e.from) and \(e.to) (measured, not certified)"
          ))
      }
      rows.append(
        ("report walk", "\(s.profile.points.count) depths up to \(l.depth), \(AtlasSite.fixed(s.seconds, 2)) s"))
    }
    rows.append(
      (
        "in the search",
        "\(hit.digits) places at depth \(hit.depth)"
          + (hit.delta.map { ", δ \(AtlasSite.fixed($0, 4))" } ?? "")
          + (hit.rate.map { ", rate \(AtlasSite.fixed($0, 4))" } ?? "")
          + (hit.factorialDegree.map { ", factorial k \(AtlasSite.fixed($0, 2))" } ?? "")
      ))
    rows.append(("canonical key", hit.canonicalKey))
    rows.append(("candidate", "\(hit.index)"))
    var content: [Markup] = [
      .node("h2", text: "Numbers"), AtlasSite.definitionTable(rows, caption: "Limit, convergence and δ"),
    ]
    if let s = formula.study, case .disagrees = s.agreement {
      content.insert(
        .node(
          "p", [("class", "warning")],
          text: "Warning: the expression does not hold on the certified digits of the deeper walk; this hit is wrong."),
        at: 1)
    }
    return .node("section", [("id", "numbers")], content)
  }

  func convergenceSection(_ s: FormulaStudy) -> Markup {
    let p = s.profile
    let plots =
      s.slow
      ? [p.errorPlot(title: "Error against depth (log–log)"), p.deltaPlot(title: "δ against depth", logDepth: true)]
      : [p.digitsPlot(title: "Decimal places against depth"), p.deltaPlot(title: "δ against depth")]
    let figures: [Markup] = plots.enumerated().map { k, plot in
      .node("figure", [], [plot.svg(id: "plot\(k)"), .node("figcaption", text: plot.description)])
    }
    let head = ["depth n", "certified places", "correct places", "δ(n)"]
    let rows: [Markup] = p.points.map { q in
      .node(
        "tr", [],
        [
          "\(q.depth)", "\(q.certifiedDigits)", q.correctDigits.map { AtlasSite.fixed($0, 2) } ?? "–",
          q.delta.map { AtlasSite.fixed($0, 5) } ?? "–",
        ].map { .node("td", text: $0) })
    }
    return .node(
      "section", [("id", "convergence")],
      [
        .node("h2", text: "Convergence"),
        .node(
          "p",
          text:
            "Exact walks at \(p.points.count) depths up to \(s.limit.depth); L = \(p.referenceLabel) evaluated to \(p.referenceDigits) places. "
            + (s.slow
              ? "The walk converges slowly: its error is drawn on log–log axes, where n^−α is a line."
              : "Correct places grow linearly when convergence is geometric; their slope is the rate.")),
        .node("div", [("class", "plots")], figures),
        .node(
          "details", [],
          [
            .node("summary", text: "Plotted values"),
            .node(
              "table", [],
              [
                .node("thead", [], [.node("tr", [], head.map { .node("th", [("scope", "col")], text: $0) })]),
                .node("tbody", [], rows),
              ]),
          ]),
      ])
  }

  var guisesSection: Markup {
    let rows: [Markup] = formula.guises.map { h in
      .node(
        "tr", [],
        [
          .node("td", [], [.node("code", text: h.a)]), .node("td", [], [.node("code", text: h.b)]),
          .node("td", [], [AtlasSite.expressionMarkup(h.expression)]), .node("td", text: "\(h.digits)"),
          .node("td", text: "\(h.index)"),
        ])
    }
    return .node(
      "section", [("id", "guises")],
      [
        .node("h2", text: "Other guises"),
        .node(
          "p",
          text: "Hits with the same canonical key: the same formula up to inflation by a constant, sign and shift of n."
        ),
        .node(
          "table", [],
          [
            .node(
              "thead", [],
              [
                .node(
                  "tr", [],
                  ["a(n)", "b(n)", "limit", "places", "candidate"].map { .node("th", [("scope", "col")], text: $0) })
              ]),
            .node("tbody", [], rows),
          ]),
      ])
  }
}
