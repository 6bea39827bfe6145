import Ramanujan

/// Everything `eval` says about one PCF at one depth, computed once.
struct PCFReport: Sendable {
  var id: String?
  let pcf: PCF
  let limit: Limit
  /// The value rounded to the certified places shown (empty when nothing is certified).
  let value: String
  let shownPlaces: Int
  let delta: Double?
  /// Why δ is missing, when it is.
  let deltaNote: String?
  let reduction: Limit.Reduction?
  /// Decimal places where the value agrees with the reference limit, when one was given.
  let agreement: Int?
  let reference: String?
  /// Why the given limit does not match the walk, when it does not.
  let disagreement: String?
  let showDigits: Int?

  enum Depth: Sendable {
    case fixed(Int)
    case digits(Int, maxDepth: Int)
  }

  /// Evaluates `pcf`; δ against `reference` when given, else against the walk at twice the depth.
  /// Every walk is first checked by `WalkCost.check` (memory refused, large walks announced).
  init(
    pcf: PCF, id: String? = nil, depth: Depth, reference: ConstantExpression?, computeDelta: Bool,
    showDigits: Int?, threads: Int
  ) throws {
    self.id = id
    self.pcf = pcf
    self.showDigits = showDigits
    let check = { (n: Int) in try WalkCost.check(pcf, depth: n) }
    switch depth {
    case .fixed(let n):
      try check(reference == nil && computeDelta ? 2 * n : n)
      limit = pcf.limit(depth: n, threads: threads)
    case .digits(let d, let maxDepth):
      limit = try pcf.limit(digits: d, maxDepth: maxDepth, threads: threads, check: check)
    }
    // An exact (terminating) value is certified to every place: show as many as asked, 100 by default.
    let certified = limit.exactValue != nil ? (showDigits ?? 100) : limit.digits
    shownPlaces = min(certified, showDigits ?? certified)
    value = limit.certifiedText(maxPlaces: shownPlaces)
    self.reference = reference?.description
    var referenceValue: BigFloat?
    var disagreement: String?
    if let reference, limit.status == .converging || limit.exactValue != nil {
      // Compared on the certified places, plus a few to tell agreement from rounding.
      let precision = Precision.digits(certified + limit.integerDigits + 30)
      referenceValue = try reference.evaluate(precision)
      let difference = (limit.value(precision) - referenceValue!).magnitude
      let matched = difference.isZero ? certified : max(0, Int((-difference.log10Magnitude).rounded(.down)))
      agreement = min(matched, certified)
      if matched < certified {
        disagreement =
          "the limit \(reference) disagrees with the certified value of \(pcf) at decimal place \(matched + 1)"
      }
    } else {
      agreement = nil
    }
    self.disagreement = disagreement
    guard limit.status == .converging else {
      // δ against a given limit needs no certified place: it is defined wherever q(N) ≠ 0.
      (reduction, delta, deltaNote) = Self.uncertifiedDelta(limit, reference: reference, computeDelta: computeDelta)
      return
    }
    let reduction = limit.reduction()
    self.reduction = reduction
    guard computeDelta, disagreement == nil else {
      delta = nil
      deltaNote = disagreement == nil ? "not computed (--no-delta)" : "not computed: the given limit disagrees"
      return
    }
    if referenceValue == nil {
      do { try check(2 * limit.depth) } catch {
        delta = nil
        deltaNote = "not computed: \(error)"
        return
      }
    }
    do {
      if let referenceValue {
        delta = try limit.delta(reference: referenceValue, referenceDigits: nil, reduction: reduction)
      } else {
        delta = try limit.delta(against: pcf.limit(depth: 2 * limit.depth, threads: threads), reduction: reduction)
      }
      deltaNote = nil
    } catch {
      delta = nil
      deltaNote = error.description
    }
  }

  var text: [String] {
    let name = "\(id.map { "\($0): " } ?? "")\(pcf)"
    var lines = [limit.terminationIndex.map { "\(name) terminates at n = \($0)" } ?? "\(name) at depth \(limit.depth)"]
    switch limit.status {
    case .terminates(let at):
      guard let exact = limit.exactValue else {
        lines.append("  value   infinite (exact: b(\(at)) = 0 ends the fraction with q(\(at - 1)) = 0)")
        return lines
      }
      lines.append("  value   \(exact) (exact: b(\(at)) = 0 ends the fraction)")
      lines.append("  approx  \(exact.scientific(significantDigits: 50))")
      return lines
    case .zeroDenominator, .notConverging:
      if let reference, computedDeltaAsked {
        lines.append("  digits  0 certified decimal places (\(limit.convergenceNote ?? "not converging"))")
        lines.append(
          "  delta   "
            + (delta.map { "\(Self.format($0, 6)) (against \(reference); needs no certified place)" }
              ?? "– (\(deltaNote ?? ""))"))
      }
      return lines
    case .converging:
      break
    }
    let more =
      shownPlaces < limit.digits ? "… (\(limit.digits - shownPlaces) more certified places; --show-digits)" : ""
    lines.append("  value   \(value)\(more)")
    lines.append("  digits  \(limit.digits) certified decimal places")
    if let rate = limit.rate { lines.append("  rate    \(Self.format(rate, 4)) digits/term") }
    lines.append("  delta   \(delta.map { Self.format($0, 5) } ?? "– (\(deltaNote ?? ""))")")
    if let reduction {
      let degree = reduction.factorialDegree.map { "; gcd ~ (N!)^k·c^N with k = \(Self.format($0, 3))" } ?? ""
      lines.append("  gcd     log10 gcd(p, q) = \(Self.format(reduction.log10GCD, 1))\(degree)")
    }
    if let predictionLine { lines.append(predictionLine) }
    if let agreement, let reference {
      lines.append("  limit   agrees with \(reference) to \(agreement) places")
    }
    return lines
  }

  var json: String {
    var o = JSONLine()
    if let id { o.add("id", id) }
    o.add("a", pcf.a.description)
    o.add("b", pcf.b.description)
    o.add("depth", limit.depth)
    o.add("status", Self.statusName(limit.status))
    if limit.terminationIndex != nil && limit.exactValue == nil {
      o.add("value", "infinite")
      o.add("digits", nil as Int?)
    } else if let exact = limit.exactValue {
      // Every place of an exact rational is certified; show as many as asked (default 100).
      o.add("value", value)
      o.add("digits", shownPlaces)
      o.add("exact_value", exact.description)
    } else {
      o.add("value", value.isEmpty ? nil : value)
      o.add("digits", limit.digits)
    }
    o.add("rate", limit.rate)
    o.add("delta", delta)
    if let deltaNote { o.add("delta_note", deltaNote) }
    o.add("log10_gcd", reduction?.log10GCD)
    o.add("factorial_degree", reduction?.factorialDegree)
    o.add("predicted_rate", prediction?.rate)
    o.add("predicted_delta", prediction?.delta)
    if let reference {
      o.add("limit", reference)
      o.add("agreement", agreement)
    }
    return o.text
  }

  static func statusName(_ s: Limit.Status) -> String {
    switch s {
    case .converging: return "converging"
    case .terminates: return "terminates"
    case .zeroDenominator: return "zero_denominator"
    case .notConverging: return "not_converging"
    }
  }

  /// Fixed-point text of a double with `places` decimals.
  static func format(_ x: Double, _ places: Int) -> String {
    guard x.isFinite else { return "\(x)" }
    let scale = (0..<places).reduce(1.0) { r, _ in r * 10 }
    let rounded = (x * scale).rounded() / scale
    var s = "\(rounded)"
    if s.contains("e") { return s }
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    let fraction = parts.count > 1 ? String(parts[1]) : ""
    s = String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, places - fraction.count))
    return s
  }

  /// The problem with this result, as a one-line error, or `nil` when it is a good result.
  var failure: String? {
    if let disagreement { return disagreement }
    switch limit.status {
    case .converging, .terminates: return nil
    case .zeroDenominator:
      return "\(pcf): q(N) = 0 at depth \(limit.depth), so the convergent is undefined there; try another depth"
    case .notConverging:
      // A δ against the given limit is what was asked at a shallow depth: the answer, not a failure.
      return delta != nil && limit.divergence == nil ? nil : Self.notConverging("\(pcf)", limit)
    }
  }

  /// The one-line error for a walk that is not converging: proven divergent, or not seen to
  /// converge at its depth, with the reason.
  static func notConverging(_ name: String, _ limit: Limit) -> String {
    let reason = limit.convergenceNote ?? "the differences of convergents are not shrinking"
    return limit.divergence != nil
      ? "\(name) diverges: \(reason)" : "\(name) is not seen to converge at depth \(limit.depth): \(reason)"
  }
}
