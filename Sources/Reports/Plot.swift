import Foundation

/// A two-dimensional plot written as inline SVG: axes with ticks and labels (linear or log10),
/// series drawn with markers and dash patterns (so that they read without colour), a legend,
/// optional horizontal rules (e.g. δ = 0), and a `<title>` and `<desc>` for screen readers.
///
/// Points that a log axis cannot show (x or y ≤ 0) and non-finite points are left out, and the
/// description says how many were.
public struct Plot: Sendable {
  /// How an axis maps values to positions.
  public enum Scale: Sendable, Hashable {
    case linear
    /// Base-10 logarithmic: only positive values.
    case log10
  }

  /// An axis: its label, its scale and, optionally, a fixed range (else the data's, with nice ends).
  public struct Axis: Sendable {
    public var label: String
    public var scale: Scale
    public var range: ClosedRange<Double>?
    public init(_ label: String, scale: Scale = .linear, range: ClosedRange<Double>? = nil) {
      self.label = label
      self.scale = scale
      self.range = range
    }
  }

  /// A marker shape drawn at each point.
  public enum Marker: Sendable, Hashable, CaseIterable {
    case circle, square, triangle, diamond, cross, none
  }

  /// A line pattern joining the points; `.none` draws markers only (a scatter).
  public enum Dash: Sendable, Hashable, CaseIterable {
    case solid, dashed, dotted, none
  }

  /// How a series is drawn.
  public struct Style: Sendable, Hashable {
    public var marker: Marker
    public var dash: Dash
    /// An index into `Plot.palette`.
    public var colour: Int
    public init(marker: Marker, dash: Dash, colour: Int) {
      self.marker = marker
      self.dash = dash
      self.colour = colour
    }

    /// The k-th of a sequence of styles that differ in marker, dash and colour alike.
    public static func numbered(_ k: Int, line: Bool = true) -> Style {
      let markers: [Marker] = [.circle, .square, .triangle, .diamond, .cross]
      let dashes: [Dash] = [.solid, .dashed, .dotted]
      return Style(marker: markers[k % markers.count], dash: line ? dashes[k % dashes.count] : .none, colour: k)
    }
  }

  /// Named points.
  public struct Series: Sendable {
    public var name: String
    public var points: [(x: Double, y: Double)]
    public var style: Style
    public init(_ name: String, points: [(x: Double, y: Double)], style: Style) {
      self.name = name
      self.points = points
      self.style = style
    }
  }

  /// A horizontal line across the plot at `y`, labelled.
  public struct Rule: Sendable {
    public var y: Double
    public var label: String
    public init(y: Double, label: String) {
      self.y = y
      self.label = label
    }
  }

  public var title: String
  /// What the plot shows, in words (read by screen readers; the series are summarised after it).
  public var description: String
  public var x: Axis
  public var y: Axis
  public var series: [Series]
  public var rules: [Rule]
  public var width: Double = 640
  public var height: Double = 360

  public init(title: String, description: String, x: Axis, y: Axis, series: [Series], rules: [Rule] = []) {
    self.title = title
    self.description = description
    self.x = x
    self.y = y
    self.series = series
    self.rules = rules
  }

  /// Colour-blind-safe colours (Okabe and Ito, 2008), cycled.
  public static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

  // MARK: - Scales and ticks

  /// Tick positions and labels for `range` on `scale`, and the range widened to the outer ticks.
  public struct Ticks: Sendable, Equatable {
    public var values: [Double]
    public var labels: [String]
    public var domain: ClosedRange<Double>
  }

  /// About `target` ticks over `range`. Linear: steps of 1, 2 or 5 × 10^k, the domain widened to
  /// whole steps. Log10: whole decades (every 2nd, 5th, … decade when there are many), with 2 and
  /// 5 of each decade added when the range spans less than two decades; the domain widened to the
  /// decades (or to the 1-2-5 ticks) around it.
  /// - Precondition: the range is finite, and positive on a log scale.
  public static func ticks(_ range: ClosedRange<Double>, scale: Scale, target: Int = 6) -> Ticks {
    precondition(range.lowerBound.isFinite && range.upperBound.isFinite, "range \(range) must be finite")
    switch scale {
    case .linear:
      var (lo, hi) = (range.lowerBound, range.upperBound)
      if lo == hi {
        let pad = lo == 0 ? 1 : Swift.abs(lo) * 0.1
        (lo, hi) = (lo - pad, hi + pad)
      }
      let step = niceStep((hi - lo) / Double(max(1, target - 1)))
      let first = (lo / step).rounded(.down)
      let last = (hi / step).rounded(.up)
      let values = stride(from: first, through: last, by: 1).map { $0 * step }
      let places = max(0, -Int(Foundation.log10(step).rounded(.down)))
      return Ticks(
        values: values, labels: values.map { linearLabel($0, places: places) }, domain: first * step...last * step)
    case .log10:
      precondition(range.lowerBound > 0, "a log scale needs positive values, got \(range)")
      var lo = Foundation.log10(range.lowerBound).rounded(.down)
      var hi = Foundation.log10(range.upperBound).rounded(.up)
      if lo == hi { hi += 1 }
      let decades = Int(hi - lo)
      if decades < 2 {
        // 1, 2, 5 in each decade, trimmed to the ticks around the data.
        var values: [Double] = []
        for e in Int(lo)...Int(hi) {
          for m in [1.0, 2, 5] { values.append(m * Foundation.pow(10, Double(e))) }
        }
        let below = values.last { $0 <= range.lowerBound * (1 + 1e-12) } ?? values[0]
        let above = values.first { $0 >= range.upperBound * (1 - 1e-12) } ?? values.last!
        values = values.filter { $0 >= below && $0 <= above }
        if values.count < 2 { values = [below, above * 10] }
        return Ticks(values: values, labels: values.map(logLabel), domain: values.first!...values.last!)
      }
      let every =
        decades <= target ? 1 : [2, 5, 10, 20, 50, 100, 200, 500, 1000].first { decades / $0 < target } ?? 1000
      lo = (lo / Double(every)).rounded(.down) * Double(every)
      hi = (hi / Double(every)).rounded(.up) * Double(every)
      let exponents = stride(from: lo, through: hi, by: Double(every))
      let values = exponents.map { Foundation.pow(10, $0) }
      return Ticks(values: values, labels: exponents.map { decadeLabel(Int($0)) }, domain: values.first!...values.last!)
    }
  }

  /// The smallest of 1, 2, 5 × 10^k at least `raw` (positive).
  static func niceStep(_ raw: Double) -> Double {
    guard raw > 0, raw.isFinite else { return 1 }
    let p = Foundation.pow(10, Foundation.log10(raw).rounded(.down))
    for m in [1.0, 2, 5, 10] where m * p >= raw * (1 - 1e-12) { return m * p }
    return 10 * p
  }

  static func linearLabel(_ v: Double, places: Int) -> String {
    let s = String(format: "%.\(min(places, 12))f", v)
    // "-0" and "-0.0" are zero.
    return s.allSatisfy { "-0.".contains($0) }
      ? String(format: "%.\(min(places, 12))f", 0.0) : s.replacingOccurrences(of: "-", with: "−")
  }

  /// 10^e as text: plain numbers from 0.001 to 10000, else "10^e" (the SVG writes the exponent raised).
  static func decadeLabel(_ e: Int) -> String {
    if (-3...4).contains(e) { return linearLabel(Foundation.pow(10, Double(e)), places: max(0, -e)) }
    return "10^" + String(e).replacingOccurrences(of: "-", with: "−")
  }

  static func logLabel(_ v: Double) -> String {
    let e = Int(Foundation.log10(v).rounded(.down))
    if (-3...4).contains(e) { return linearLabel(v, places: max(0, -e)) }
    let m = (v / Foundation.pow(10, Double(e))).rounded()
    return (m == 1 ? "" : "\(Int(m))·") + decadeLabel(e)
  }

  /// Maps values on an axis to positions (pixels) in `pixels`.
  public struct Mapping: Sendable {
    public let scale: Scale
    public let domain: ClosedRange<Double>
    public let pixels: ClosedRange<Double>
    public let flipped: Bool

    public init(scale: Scale, domain: ClosedRange<Double>, pixels: ClosedRange<Double>, flipped: Bool = false) {
      self.scale = scale
      self.domain = domain
      self.pixels = pixels
      self.flipped = flipped
    }

    func t(_ v: Double) -> Double { scale == .log10 ? Foundation.log10(v) : v }

    /// The position of `v`; values outside the domain map outside `pixels`.
    public func callAsFunction(_ v: Double) -> Double {
      let (a, b) = (t(domain.lowerBound), t(domain.upperBound))
      let f = b == a ? 0.5 : (t(v) - a) / (b - a)
      let g = flipped ? 1 - f : f
      return pixels.lowerBound + g * (pixels.upperBound - pixels.lowerBound)
    }
  }
}
