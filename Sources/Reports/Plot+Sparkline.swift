extension Plot {
  /// A small line of `points` without axes, for a table cell: the last point is marked, and the
  /// title (read by screen readers and shown on hover) gives the first and last values.
  /// A dotted line marks y = `rule` when it lies within the data's range.
  public static func sparkline(
    _ points: [(x: Double, y: Double)], title: String, rule: Double? = nil, width: Double = 120, height: Double = 28
  ) -> Markup {
    let shown = points.filter { $0.x.isFinite && $0.y.isFinite }
    let c = coordinate
    var children: [Markup] = [.node("title", text: title)]
    if let xLo = shown.map(\.x).min(), let xHi = shown.map(\.x).max(), var yLo = shown.map(\.y).min(),
      var yHi = shown.map(\.y).max()
    {
      if let rule, rule >= yLo - (yHi - yLo) * 0.5, rule <= yHi + (yHi - yLo) * 0.5 {
        yLo = min(yLo, rule)
        yHi = max(yHi, rule)
      }
      let mx = Mapping(scale: .linear, domain: xLo...xHi, pixels: 3...(width - 4))
      let my = Mapping(scale: .linear, domain: yLo...yHi, pixels: 3...(height - 3), flipped: true)
      if let rule, rule >= yLo, rule <= yHi {
        children.append(
          .node(
            "line",
            [
              ("x1", "0"), ("x2", c(width)), ("y1", c(my(rule))), ("y2", c(my(rule))), ("stroke", "#888888"),
              ("stroke-dasharray", "2 2"),
            ]))
      }
      children.append(
        .node(
          "polyline",
          [
            ("points", shown.map { "\(c(mx($0.x))),\(c(my($0.y)))" }.joined(separator: " ")), ("fill", "none"),
            ("stroke", palette[2]), ("stroke-width", "1.5"),
          ]))
      let last = shown.last!
      children.append(
        .node("circle", [("cx", c(mx(last.x))), ("cy", c(my(last.y))), ("r", "2.5"), ("fill", palette[2])]))
    }
    return .node(
      "svg",
      [
        ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(c(width)) \(c(height))"), ("width", c(width)),
        ("height", c(height)), ("role", "img"), ("aria-label", title), ("class", "spark"),
      ], children)
  }
}
