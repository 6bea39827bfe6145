import Testing

@testable import Reports

@Suite struct PlotTests {
  @Test("linear ticks are 1, 2, 5 × 10^k steps covering the data")
  func linearTicks() {
    let t = Plot.ticks(0...330, scale: .linear, target: 7)
    #expect(t.values == [0, 100, 200, 300, 400])
    #expect(t.labels == ["0", "100", "200", "300", "400"])
    #expect(t.domain == 0...400)
    let n = Plot.ticks(-1...0.3, scale: .linear, target: 6)
    #expect(n.values == [-1, -0.5, 0, 0.5])
    #expect(n.labels == ["−1.0", "−0.5", "0.0", "0.5"])
    let small = Plot.ticks(0.0812...0.0994, scale: .linear, target: 6)
    #expect(small.values.first! <= 0.0812 && small.values.last! >= 0.0994)
    #expect(small.labels == ["0.080", "0.085", "0.090", "0.095", "0.100"])
    // A single value is padded to a range around it.
    let one = Plot.ticks(5...5, scale: .linear)
    #expect(one.domain.lowerBound < 5 && one.domain.upperBound > 5)
    #expect([1, 2, 5, 10, 20, 50].map { Plot.niceStep(Double($0) * 0.9) } == [1, 2, 5, 10, 20, 50])
  }

  @Test("log ticks: decades, every k-th decade when many, 1-2-5 within a narrow range")
  func logTicks() {
    let t = Plot.ticks(4...2000, scale: .log10)
    #expect(t.values == [1, 10, 100, 1000, 10000])
    #expect(t.labels == ["1", "10", "100", "1000", "10000"])
    let wide = Plot.ticks(1e-300...1, scale: .log10, target: 6)
    #expect(wide.labels == ["10^−300", "10^−200", "10^−100", "1"])
    let narrow = Plot.ticks(2...7, scale: .log10)
    #expect(narrow.values == [2, 5, 10])
    #expect(narrow.domain == 2...10)
    let tiny = Plot.ticks(1e-20...1e-5, scale: .log10, target: 6)
    #expect(tiny.labels == ["10^−20", "10^−15", "10^−10", "10^−5"])
  }

  @Test("mappings: linear, log and flipped")
  func mappings() {
    let m = Plot.Mapping(scale: .linear, domain: 0...10, pixels: 100...200)
    #expect(m(0) == 100 && m(5) == 150 && m(10) == 200)
    let l = Plot.Mapping(scale: .log10, domain: 1...1000, pixels: 0...300)
    #expect(abs(l(10) - 100) < 1e-9 && abs(l(100) - 200) < 1e-9)
    let f = Plot.Mapping(scale: .linear, domain: 0...1, pixels: 0...50, flipped: true)
    #expect(f(0) == 50 && f(1) == 0)
  }

  @Test("text is escaped: a '<' in a title, label or series name cannot open a tag")
  func escaping() {
    let plot = Plot(
      title: "x < 1 & \"q\"", description: "a <b>bold</b> claim", x: .init("n < N"), y: .init("y > 0"),
      series: [.init("1/(zeta(3)-1) <", points: [(1, 1), (2, 3)], style: .numbered(0))])
    let svg = plot.svg(id: "p").rendered
    #expect(svg.contains("x &lt; 1 &amp; &quot;q&quot;"))
    #expect(svg.contains("a &lt;b&gt;bold&lt;/b&gt; claim"))
    #expect(svg.contains("n &lt; N") && svg.contains("y &gt; 0") && svg.contains("1/(zeta(3)-1) &lt;"))
    #expect(!svg.contains("<b>") && !svg.contains("x < 1"))
    #expect(Markup.escaped("a\u{0}b'c") == "a\u{FFFD}b&#39;c")
    #expect(XMLOutline.parses(plot.svgFile()))
  }

  @Test("accessibility: role img, a title and a description naming each series")
  func accessibility() {
    let plot = Plot(
      title: "δ against depth", description: "δ(n).", x: .init("depth n"), y: .init("δ"),
      series: [
        .init("δ(n)", points: [(10, 0.3), (20, 0.1), (30, .nan)], style: .numbered(0)),
        .init("other", points: [(10, 0.2)], style: .numbered(1, line: false)),
      ])
    let svg = plot.svg(id: "d").rendered
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.contains("role=\"img\" aria-labelledby=\"d-title d-desc\""))
    #expect(svg.contains("<title id=\"d-title\">δ against depth</title>"))
    #expect(
      plot.summary
        == "δ(n). δ(n): 2 points, from (10, 0.3) to (20, 0.1); 1 not shown (not finite). other: 1 point, from (10, 0.2) to (10, 0.2)."
    )
    // Series differ by marker and dash, not colour alone: a circle and a solid line, a square and no line.
    #expect(svg.contains("<circle") && svg.contains("<polyline") && svg.contains("stroke=\"#D55E00\""))
    #expect(Plot.Style.numbered(1).dash == .dashed && Plot.Style.numbered(1).marker == .square)
  }

  @Test("log axes leave out points that are not positive, and say so")
  func logDropsNonPositive() {
    let plot = Plot(
      title: "error", description: "", x: .init("n", scale: .log10), y: .init("e", scale: .log10),
      series: [.init("e", points: [(0, 1), (10, 1e-3), (100, 0), (1000, 1e-9)], style: .numbered(0))])
    #expect(plot.visible(plot.series[0]).map(\.x) == [10, 1000])
    #expect(plot.summary.contains("2 not shown (not finite or not positive on a log axis)"))
    #expect(XMLOutline.parses(plot.svgFile()))
  }

  @Test("an empty plot says there is no data")
  func empty() {
    let plot = Plot(title: "t", description: "d", x: .init("x"), y: .init("y"), series: [])
    #expect(plot.svg(id: "e").rendered.contains("no data to plot"))
    let figure = Figure(title: "both", plots: [plot, plot])
    #expect(XMLOutline.parses(figure.svgFile()))
    #expect(figure.svg().rendered.contains("viewBox=\"0 0 640 720\""))
  }
}
