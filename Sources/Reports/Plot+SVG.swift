import Foundation

extension Plot {
  /// The points of `series` that the axes can show: finite, and positive on a log axis.
  func visible(_ series: Series) -> [(x: Double, y: Double)] {
    series.points.filter { p in
      p.x.isFinite && p.y.isFinite && (x.scale == .linear || p.x > 0) && (y.scale == .linear || p.y > 0)
    }
  }

  /// The data range of one axis over every visible point (and the rules, for y).
  func dataRange(_ values: [Double], axis: Axis) -> ClosedRange<Double>? {
    if let range = axis.range { return range }
    guard let lo = values.min(), let hi = values.max() else { return nil }
    return lo...hi
  }

  /// The full text of the description: `description`, then each series in numbers.
  public var summary: String {
    var parts = [description]
    for s in series {
      let shown = visible(s)
      var text = "\(s.name): \(shown.count) point\(shown.count == 1 ? "" : "s")"
      if let first = shown.first, let last = shown.last {
        text +=
          ", from (\(Self.short(first.x)), \(Self.short(first.y))) to (\(Self.short(last.x)), \(Self.short(last.y)))"
      }
      let hidden = s.points.count - shown.count
      if hidden > 0 {
        text +=
          "; \(hidden) not shown (not finite\(x.scale == .log10 || y.scale == .log10 ? " or not positive on a log axis" : ""))"
      }
      parts.append(text + ".")
    }
    return parts.joined(separator: " ")
  }

  static func short(_ v: Double) -> String {
    if v == v.rounded() && Swift.abs(v) < 1e9 { return String(Int(v)) }
    if Swift.abs(v) >= 1e-3 && Swift.abs(v) < 1e6 { return String(format: "%.4g", v) }
    return String(format: "%.3e", v)
  }

  static func coordinate(_ v: Double) -> String {
    let r = (v * 100).rounded() / 100
    return r == r.rounded() ? String(Int(r)) : String(format: "%.2f", r)
  }

  /// The plot as an `<svg>` element. `id` makes the ids of its title and description unique in a
  /// page holding several plots (letters, digits and `-`).
  public func svg(id: String) -> Markup {
    let c = Self.coordinate
    let legendRows = series.isEmpty ? 0 : 1
    let (left, right, top, bottom) = (72.0, 20.0, 34.0 + 20 * Double(legendRows), 52.0)
    let plotX = left...(width - right)
    let plotY = top...(height - bottom)
    var children: [Markup] = [
      .node("title", [("id", "\(id)-title")], text: title),
      .node("desc", [("id", "\(id)-desc")], text: summary),
      .node("rect", [("x", "0"), ("y", "0"), ("width", c(width)), ("height", c(height)), ("fill", "white")]),
      .node(
        "text",
        [("x", c(width / 2)), ("y", "18"), ("text-anchor", "middle"), ("font-size", "15"), ("font-weight", "bold")],
        text: title),
    ]
    let shown = series.map(visible)
    let xs = shown.flatMap { $0.map(\.x) }
    let ys = shown.flatMap { $0.map(\.y) } + rules.map(\.y).filter { $0.isFinite && (y.scale == .linear || $0 > 0) }
    guard let xRange = dataRange(xs, axis: x), let yRange = dataRange(ys, axis: y) else {
      children.append(
        .node(
          "text", [("x", c(width / 2)), ("y", c(height / 2)), ("text-anchor", "middle"), ("font-size", "14")],
          text: "no data to plot"))
      return frame(id: id, children)
    }
    let xTicks = Self.ticks(xRange, scale: x.scale, target: 7)
    let yTicks = Self.ticks(yRange, scale: y.scale, target: 6)
    let mx = Mapping(scale: x.scale, domain: xTicks.domain, pixels: plotX)
    let my = Mapping(scale: y.scale, domain: yTicks.domain, pixels: plotY, flipped: true)
    // Grid and ticks.
    var grid: [Markup] = []
    for (v, label) in zip(xTicks.values, xTicks.labels) {
      let px = c(mx(v))
      grid.append(.node("line", [("x1", px), ("x2", px), ("y1", c(plotY.lowerBound)), ("y2", c(plotY.upperBound))]))
      children.append(
        Self.label(label, x: mx(v), y: plotY.upperBound + 16, anchor: "middle"))
    }
    for (v, label) in zip(yTicks.values, yTicks.labels) {
      let py = c(my(v))
      grid.append(.node("line", [("x1", c(plotX.lowerBound)), ("x2", c(plotX.upperBound)), ("y1", py), ("y2", py)]))
      children.append(Self.label(label, x: plotX.lowerBound - 6, y: my(v) + 4, anchor: "end"))
    }
    children.insert(.node("g", [("stroke", "#dddddd"), ("stroke-width", "1")], grid), at: 4)
    children.append(
      .node(
        "rect",
        [
          ("x", c(plotX.lowerBound)), ("y", c(plotY.lowerBound)), ("width", c(plotX.upperBound - plotX.lowerBound)),
          ("height", c(plotY.upperBound - plotY.lowerBound)), ("fill", "none"), ("stroke", "#333333"),
        ]))
    // Axis labels.
    children.append(
      .node(
        "text",
        [("x", c((plotX.lowerBound + plotX.upperBound) / 2)), ("y", c(height - 12)), ("text-anchor", "middle")],
        text: x.label))
    let yMid = (plotY.lowerBound + plotY.upperBound) / 2
    children.append(
      .node(
        "text", [("x", "16"), ("y", c(yMid)), ("text-anchor", "middle"), ("transform", "rotate(-90 16 \(c(yMid)))")],
        text: y.label))
    // Rules.
    for rule in rules where rule.y.isFinite && (y.scale == .linear || rule.y > 0) {
      let py = c(my(rule.y))
      children.append(
        .node(
          "line",
          [
            ("x1", c(plotX.lowerBound)), ("x2", c(plotX.upperBound)), ("y1", py), ("y2", py), ("stroke", "#555555"),
            ("stroke-dasharray", "2 3"),
          ]))
      children.append(Self.label(rule.label, x: plotX.upperBound - 4, y: my(rule.y) - 4, anchor: "end"))
    }
    // Series, clipped to the plot area.
    let clip = "\(id)-clip"
    children.append(
      .node(
        "clipPath", [("id", clip)],
        [
          .node(
            "rect",
            [
              ("x", c(plotX.lowerBound - 5)), ("y", c(plotY.lowerBound - 5)),
              ("width", c(plotX.upperBound - plotX.lowerBound + 10)),
              ("height", c(plotY.upperBound - plotY.lowerBound + 10)),
            ])
        ]))
    for (s, points) in zip(series, shown) {
      let colour = Self.palette[s.style.colour % Self.palette.count]
      var g: [Markup] = []
      if s.style.dash != .none && points.count > 1 {
        let path = points.map { "\(c(mx($0.x))),\(c(my($0.y)))" }.joined(separator: " ")
        var attributes = [("points", path), ("fill", "none"), ("stroke", colour), ("stroke-width", "1.8")]
        if let pattern = Self.dashPattern(s.style.dash) { attributes.append(("stroke-dasharray", pattern)) }
        g.append(.node("polyline", attributes))
      }
      for p in points { g.append(Self.marker(s.style.marker, x: mx(p.x), y: my(p.y), colour: colour)) }
      children.append(.node("g", [("clip-path", "url(#\(clip))")], g))
    }
    // Legend: one row under the title.
    if !series.isEmpty {
      var legend: [Markup] = []
      var offset = plotX.lowerBound
      for s in series {
        let colour = Self.palette[s.style.colour % Self.palette.count]
        let ly = top - 14
        if s.style.dash != .none {
          var attributes = [
            ("x1", c(offset)), ("x2", c(offset + 28)), ("y1", c(ly)), ("y2", c(ly)), ("stroke", colour),
            ("stroke-width", "1.8"),
          ]
          if let pattern = Self.dashPattern(s.style.dash) { attributes.append(("stroke-dasharray", pattern)) }
          legend.append(.node("line", attributes))
        }
        legend.append(Self.marker(s.style.marker, x: offset + 14, y: ly, colour: colour))
        legend.append(Self.label(s.name, x: offset + 34, y: ly + 4, anchor: "start"))
        offset += 34 + 7 * Double(s.name.count) + 18
      }
      children.append(.node("g", [("class", "legend")], legend))
    }
    return frame(id: id, children)
  }

  func frame(id: String, _ children: [Markup]) -> Markup {
    .node(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"),
        ("viewBox", "0 0 \(Self.coordinate(width)) \(Self.coordinate(height))"),
        ("width", Self.coordinate(width)), ("height", Self.coordinate(height)), ("role", "img"),
        ("aria-labelledby", "\(id)-title \(id)-desc"), ("font-family", "DejaVu Sans, Arial, sans-serif"),
        ("font-size", "12"),
      ], children)
  }

  /// A text label; "10^e" is written with a raised exponent.
  static func label(_ text: String, x: Double, y: Double, anchor: String) -> Markup {
    let attributes = [("x", coordinate(x)), ("y", coordinate(y)), ("text-anchor", anchor)]
    if let caret = text.range(of: "10^") {
      let base = String(text[..<caret.upperBound].dropLast())
      let exponent = String(text[caret.upperBound...])
      return .node(
        "text", attributes, [.text(base), .node("tspan", [("dy", "-6"), ("font-size", "9")], text: exponent)])
    }
    return .node("text", attributes, text: text)
  }

  static func dashPattern(_ dash: Dash) -> String? {
    switch dash {
    case .solid, .none: return nil
    case .dashed: return "7 4"
    case .dotted: return "2 3"
    }
  }

  static func marker(_ marker: Marker, x: Double, y: Double, colour: String) -> Markup {
    let c = coordinate
    let r = 3.6
    switch marker {
    case .none: return .empty
    case .circle:
      return .node("circle", [("cx", c(x)), ("cy", c(y)), ("r", c(r)), ("fill", colour)])
    case .square:
      return .node(
        "rect",
        [
          ("x", c(x - r)), ("y", c(y - r)), ("width", c(2 * r)), ("height", c(2 * r)), ("fill", "white"),
          ("stroke", colour), ("stroke-width", "1.5"),
        ])
    case .triangle:
      let pts = [(x, y - r * 1.2), (x - r * 1.1, y + r * 0.8), (x + r * 1.1, y + r * 0.8)]
      return .node(
        "polygon", [("points", pts.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " ")), ("fill", colour)])
    case .diamond:
      let pts = [(x, y - r * 1.3), (x + r * 1.1, y), (x, y + r * 1.3), (x - r * 1.1, y)]
      return .node(
        "polygon",
        [
          ("points", pts.map { "\(c($0.0)),\(c($0.1))" }.joined(separator: " ")), ("fill", "white"), ("stroke", colour),
          ("stroke-width", "1.5"),
        ])
    case .cross:
      return .node(
        "path",
        [
          ("d", "M\(c(x - r)),\(c(y - r))L\(c(x + r)),\(c(y + r))M\(c(x - r)),\(c(y + r))L\(c(x + r)),\(c(y - r))"),
          ("stroke", colour), ("stroke-width", "1.8"),
        ])
    }
  }

  /// The plot as a standalone SVG file (UTF-8 text with an XML declaration).
  public func svgFile(id: String = "plot") -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(id: id).rendered + "\n"
  }
}

/// Several plots stacked in one SVG file (e.g. digits and δ against depth for `--plot`).
public struct Figure: Sendable {
  public var title: String
  public var plots: [Plot]
  public init(title: String, plots: [Plot]) {
    self.title = title
    self.plots = plots
  }

  /// One `<svg>` holding each plot below the one before it, with a title and description.
  public func svg(id: String = "figure") -> Markup {
    var y = 0.0
    var children: [Markup] = [
      .node("title", [("id", "\(id)-title")], text: title),
      .node("desc", [("id", "\(id)-desc")], text: plots.map(\.summary).joined(separator: " ")),
    ]
    let width = plots.map(\.width).max() ?? 640
    for (k, p) in plots.enumerated() {
      children.append(.node("g", [("transform", "translate(0 \(Plot.coordinate(y)))")], [p.svg(id: "\(id)-\(k)")]))
      y += p.height
    }
    return .node(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Plot.coordinate(width)) \(Plot.coordinate(y))"),
        ("width", Plot.coordinate(width)), ("height", Plot.coordinate(y)), ("role", "img"),
        ("aria-labelledby", "\(id)-title \(id)-desc"),
      ], children)
  }

  /// The figure as a standalone SVG file.
  public func svgFile(id: String = "figure") -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(id: id).rendered + "\n"
  }
}
