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
  /// The extrapolated limit (`nil`: not applicable — certified digits suffice, the value is exact,
  /// the fraction diverges, or --no-extrapolation), or why there is none.
  let extrapolation: Result<Extrapolation, ExtrapolationFailure>?

  enum Depth: Sendable {
    case fixed(Int)
    case digits(Int, maxDepth: Int)
  }

  /// Evaluates `pcf`; δ against `reference` when given, else against the walk at twice the depth.
  /// Every walk is first checked by `WalkCost.check` (memory refused, large walks announced).
  init(
    pcf: PCF, id: String? = nil, depth: Depth, reference: ConstantExpression?, computeDelta: Bool,
    showDigits: Int?, threads: Int, extrapolate: Bool = true
  ) throws {
    self.id = id
    self.pcf = pcf
    self.showDigits = showDigits
    let check = { (n: Int) in try WalkCost.check(pcf, depth: n) }
    var extrapolation: Result<Extrapolation, ExtrapolationFailure>?
    switch depth {
    case .fixed(let n):
      try check(reference == nil && computeDelta ? 2 * n : n)
      limit = pcf.limit(depth: n, threads: threads)
      // Up to `fixedDepthExtrapolation` places from the convergents up to the depth given.
      if extrapolate, n >= Self.minimumExtrapolationDepth,
        limit.mayExtrapolate(wanted: Self.fixedDepthExtrapolation)
      {
        extrapolation = try pcf.extrapolatedLimit(
          digits: Self.fixedDepthExtrapolation, maxDepth: n, threads: threads, check: check)
      }
    case .digits(let d, let maxDepth):
      // A walk whose digits grow like log n (polynomial convergence) would need a depth far
      // beyond reach: extrapolate first, and walk to the certified digits only if that fails.
      let probe = pcf.limit(depth: min(256, maxDepth), threads: threads)
      if extrapolate, probe.mayExtrapolate(wanted: d), probe.placesGrowLinearly != true,
        d <= ConvergentSequence.maxExtrapolatedDigits
      {
        let e = try pcf.extrapolatedLimit(digits: d, maxDepth: maxDepth, threads: threads, check: check)
        extrapolation = e
        if case .success(let x) = e, x.digits >= d {
          let at = min(maxDepth, x.depth)
          try check(at)
          limit = pcf.limit(depth: at, threads: threads)
          break
        }
      }
      limit = try pcf.limit(digits: d, maxDepth: maxDepth, threads: threads, check: check)
      if limit.digits >= d { extrapolation = nil }  // the walk certifies them: nothing to add
      if extrapolation == nil, extrapolate, limit.mayExtrapolate(wanted: d),
        d <= ConvergentSequence.maxExtrapolatedDigits
      {
        extrapolation = try pcf.extrapolatedLimit(digits: d, maxDepth: maxDepth, threads: threads, check: check)
      }
    }
    self.extrapolation = extrapolation
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
    // A slowly converging walk: δ against the extrapolated limit, when it holds more places than
    // this walk certifies (a walk twice as deep would hold hardly more).
    if referenceValue == nil, let e = extrapolation.flatMap({ try? $0.get() }), e.digits > limit.digits + 10 {
      do {
        delta = try limit.delta(reference: e.value, referenceDigits: e.digits, reduction: reduction)
        deltaNote = nil
      } catch {
        delta = nil
        deltaNote = error.description
      }
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

  /// Places extrapolated at a fixed depth (from the convergents up to it) when fewer are certified.
  static let fixedDepthExtrapolation = 100
  /// The shallowest fixed depth worth an extrapolation (its three stages need some 30 convergents).
  static let minimumExtrapolationDepth = 64

  /// The keys `extrapolated_value` (only the extrapolated places, at most `shown`),
  /// `extrapolated_digits`, `extrapolation` (method, α, period, depths, orders; null when not
  /// applicable) and `extrapolation_note` (why there is none, when it failed).
  static func addExtrapolation(
    _ extrapolation: Result<Extrapolation, ExtrapolationFailure>?, shown: Int, to o: inout JSONLine
  ) {
    let e = extrapolation.flatMap { try? $0.get() }
    o.add("extrapolated_value", e.map { $0.text(maxPlaces: shown) })
    o.add("extrapolated_digits", e?.digits)
    if let e {
      var x = JSONLine()
      x.add("method", e.method)
      x.add("alpha", e.alpha)
      x.add("alpha_integer", e.alphaIsInteger)
      x.add("period", e.period)
      x.add("depth", e.depth)
      x.add("orders", e.stages.map(\.order))
      x.add("from_depths", e.stages.map(\.depth))
      o.addRaw("extrapolation", x.text)
    } else {
      o.addRaw("extrapolation", "null")
    }
    if case .failure(let f) = extrapolation { o.add("extrapolation_note", f.description) }
  }

  /// The text lines of an extrapolation (none when not applicable).
  static func extrapolationLines(_ extrapolation: Result<Extrapolation, ExtrapolationFailure>?, shown: Int) -> [String]
  {
    switch extrapolation {
    case nil: return []
    case .failure(let f): return ["  extrap  – (\(f))"]
    case .success(let e):
      let more = shown < e.digits ? "… (\(e.digits - shown) more places; --show-digits)" : ""
      return [
        "  extrap  \(e.text(maxPlaces: shown))\(more)",
        "          \(e.digits) extrapolated places (not certified): \(e.summary)",
      ]
    }
  }

  /// The extrapolation when it succeeded.
  var extrapolated: Extrapolation? {
    if case .success(let e) = extrapolation { return e }
    return nil
  }

  /// Extrapolated places shown (within --show-digits).
  var extrapolatedShown: Int { extrapolated.map { min($0.digits, showDigits ?? $0.digits) } ?? 0 }

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
    case .zeroDenominator:
      return lines
    case .notConverging:
      if let reference, computedDeltaAsked {
        lines.append("  digits  0 certified decimal places (\(limit.convergenceNote ?? "not converging"))")
        lines.append(
          "  delta   "
            + (delta.map { "\(Self.format($0, 6)) (against \(reference); needs no certified place)" }
              ?? "– (\(deltaNote ?? ""))"))
      }
      return lines + extrapolationLines
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
    return lines + extrapolationLines
  }

  /// The extrapolated value, apart from the certified one, with its evidence.
  var extrapolationLines: [String] { Self.extrapolationLines(extrapolation, shown: extrapolatedShown) }

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
    Self.addExtrapolation(extrapolation, shown: extrapolatedShown, to: &o)
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
      // Extrapolated places are evidence of a limit the certified model could not bound.
      if let e = extrapolated, e.digits > 0 { return nil }
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
