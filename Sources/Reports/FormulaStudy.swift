import ContinuedFractions
import Foundation
import Identification
import Multiprecision
import Polynomials
import Recurrences
import Search

/// What a report shows about one hit, computed at report time from exact walks: the limit at a
/// bounded depth (certified digits, rate, factorial reduction), whether the hit's expression
/// agrees with every certified place there, δ, and the convergence profile at a few dozen depths.
public struct FormulaStudy: Sendable {
  /// Bounds on the work per formula.
  public struct Options: Sendable {
    /// The deepest walk.
    public var maxDepth = 2000
    /// Depths in the profile.
    public var points = 32
    /// A fast formula is walked until about this many places (at most `maxDepth`).
    public var targetDigits = 1000
    /// Walks whose entries are estimated above this many bits are made shallower.
    public var maxLog2Entries = Double(1 << 23)
    /// Threads per walk.
    public var threads = availableCores
    public init() {}
  }

  /// Whether the hit's expression holds on the certified places of the deepest walk.
  public enum Agreement: Sendable, Equatable {
    /// The expression agrees with every certified place (the number of them).
    case agrees(Int)
    /// The expression differs from the certified value at this decimal place.
    case disagrees(atPlace: Int)
    /// Nothing to compare: the reason.
    case unknown(String)
  }

  public let pcf: PCF
  public let expression: ConstantExpression
  /// The limit at the deepest depth walked.
  public let limit: Limit
  public let reduction: Limit.Reduction?
  public let agreement: Agreement
  /// Slowly converging: the profile uses log-spaced depths and the error is drawn on log–log axes.
  public let slow: Bool
  public let profile: ConvergenceProfile
  /// Wall-clock seconds the study took.
  public let seconds: Double

  /// Walks `hit`'s PCF at `options.points` depths up to a depth chosen from the hit's rate
  /// (`targetDigits` places, at most `maxDepth`, entries at most `maxLog2Entries` bits).
  /// - Throws: `ReportError` when the hit's a(n), b(n) or expression cannot be read.
  public init(hit: Hit, options: Options = Options()) throws(ReportError) {
    let started = Date()
    let pcf: PCF
    let expression: ConstantExpression
    do { pcf = try PCF(a: hit.a, b: hit.b) } catch {
      throw ReportError("hit \(hit.index): cannot read PCF(\(hit.a), \(hit.b)): \(error)")
    }
    do { expression = try ConstantExpression(parsing: hit.expression) } catch {
      throw ReportError("hit \(hit.index): cannot read the expression '\(hit.expression)': \(error)")
    }
    self.pcf = pcf
    self.expression = expression
    let depth = Self.depth(for: hit, pcf: pcf, options: options)
    let measured: (profile: ConvergenceProfile, limit: Limit, slow: Bool)
    do {
      measured = try ConvergenceProfile.measure(depth: depth, points: options.points, reference: expression) {
        $0.map { pcf.limit(depth: $0, threads: options.threads) }
      }
    } catch {
      throw ReportError("hit \(hit.index): \(error)")
    }
    let limit = measured.limit
    self.limit = limit
    slow = measured.slow
    profile = measured.profile
    let places = profile.referenceDigits
    let reference: BigFloat
    do { reference = try expression.evaluate(.digits(places + limit.integerDigits + 20)) } catch {
      throw ReportError("hit \(hit.index): cannot evaluate '\(hit.expression)': \(error)")
    }
    if limit.status == .converging {
      reduction = limit.reduction()
      let working = Precision.digits(places + limit.integerDigits + 20)
      let difference = (BigFloat(reference, precision: working) - limit.value(working)).magnitude
      let matched = difference.isZero ? Int.max : max(0, Int((-difference.log10Magnitude).rounded(.down)))
      agreement = matched >= limit.digits ? .agrees(limit.digits) : .disagrees(atPlace: matched + 1)
    } else {
      reduction = nil
      agreement = .unknown(limit.convergenceNote ?? "the walk certifies no place at depth \(depth)")
    }
    seconds = Date().timeIntervalSince(started)
  }

  /// The deepest depth for `hit`: enough for `targetDigits` places at the rate the search
  /// measured (digits/depth), at least the verification depth, at most `maxDepth`, halved while
  /// the entries are estimated above `maxLog2Entries` bits.
  public static func depth(for hit: Hit, pcf: PCF, options: Options) -> Int {
    let rate = hit.depth > 0 ? Double(hit.digits) / Double(hit.depth) : 0
    var n = rate > 0.05 ? Int((Double(options.targetDigits) / rate).rounded(.up)) : options.maxDepth
    n = max(n, hit.depth)
    n = max(8, min(n, options.maxDepth))
    while n > 8 && pcf.estimatedLog2Entries(depth: n) > options.maxLog2Entries { n /= 2 }
    return n
  }

  /// δ at the deepest depth whose error the reference resolves.
  public var delta: Double? { profile.points.last(where: { $0.delta != nil })?.delta }
}

/// A report that cannot be made, or a formula that cannot be studied; the message names it.
public struct ReportError: Error, Sendable, CustomStringConvertible {
  public let description: String
  public init(_ message: String) { description = message }
}
