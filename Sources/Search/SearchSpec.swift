import Foundation
import Identification
import Multiprecision

/// A search space and how to search it, read from a JSON spec file (see docs/search-spec.md).
///
/// Every key is checked before any work starts: unknown keys, wrong types and empty ranges are
/// rejected with an error naming the key.
public struct SearchSpec: Sendable, Hashable {
  /// How hits are found.
  public enum Mode: String, Sendable, Hashable, CaseIterable {
    /// Meet-in-the-middle: match screened values against a table of Möbius expressions of the constants.
    case mitm
    /// Factorial reduction: keep PCFs whose gcd(p(N), q(N)) grows factorially, then identify.
    case factorialReduction = "factorial-reduction"
  }

  public let name: String
  public let mode: Mode
  /// The shape of a(n) and of b(n).
  public let a: PolynomialTemplate
  public let b: PolynomialTemplate
  /// Inclusive integer range of every parameter, in the order parameters are enumerated:
  /// the parameters of a, then those of b not in a.
  public let parameters: [(name: String, range: ClosedRange<Int>)]
  /// The target constants.
  public let constants: [Constant]
  /// Coefficient bound R of the MITM table: (c0 + c1·x)/(d0 + d1·x), |cᵢ|, |dᵢ| ≤ R.
  public let bound: Int
  /// Depth of the floating-point screening walk.
  public let screenDepth: Int
  /// Significant digits of the MITM hash key.
  public let keyDigits: Int
  /// Digits an exact walk must certify for a hit to be kept.
  public let verifyDigits: Int
  /// Deepest exact walk used to verify.
  public let verifyMaxDepth: Int
  /// Factorial-reduction mode: depth of the exact gcd test and the least factorial degree kept.
  public let reductionDepth: Int
  public let reductionThreshold: Double

  public static func == (lhs: SearchSpec, rhs: SearchSpec) -> Bool { lhs.canonicalJSON == rhs.canonicalJSON }
  public func hash(into hasher: inout Hasher) { hasher.combine(canonicalJSON) }

  /// The number of candidates: the product of the parameter range sizes (below 10^15 for a
  /// validated spec; `Int.max` if the product leaves 64 bits).
  public var size: Int {
    var product = 1
    for p in parameters {
      let (next, overflow) = product.multipliedReportingOverflow(by: p.range.count)
      if overflow { return Int.max }
      product = next
    }
    return product
  }

  /// The most candidates a spec may have.
  public static let maximumSize = 1e15
  /// The most memory, in bytes, the MITM table may take.
  public static let maximumTableBytes = 2e9
  /// The most target constants a spec may name.
  public static let maximumConstants = 16
  /// The highest degree in n: the screening kernel keeps 16 forward differences per polynomial.
  public static let maximumDegree = 15

  /// The peak memory in bytes of building the MITM table (see `MobiusTable.estimatedBytes`).
  public static func tableBytes(bound: Int, constants: Int) -> Double {
    MobiusTable.estimatedBytes(bound: bound, constants: constants)
  }

  /// The digits a MITM hit must be certified to under the project's `PrecisionDiscipline`: the
  /// table's four coefficients take up to 4 × (decimal digits of R) digits.
  public static func minimumVerifyDigits(bound: Int) -> Int {
    PrecisionDiscipline().requiredDigits(coefficientDigits: 4 * String(bound.magnitude).count)
  }
}

/// Why a spec was rejected; the message names the key.
public struct SpecError: Error, Sendable, Equatable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

extension SearchSpec {
  static let knownKeys: Set<String> = [
    "name", "mode", "a", "b", "parameters", "constants", "bound", "screen_depth", "key_digits", "verify_digits",
    "verify_max_depth", "reduction_depth", "reduction_threshold",
  ]
  static let sideKeys: Set<String> = ["template", "degree", "range", "coefficients"]
  /// The largest magnitude of a parameter value.
  static let maximumParameter = 1_000_000_000
  /// The longest name.
  static let maximumNameLength = 200

  /// Reads and validates a spec from JSON text.
  /// - Throws: `SpecError` naming the offending key, before any work starts.
  public init(json text: String) throws(SpecError) {
    let document: _JSONValue
    do {
      document = try _JSONParser.parse(text)
    } catch {
      if let key = error.duplicateKey {
        throw SpecError("duplicate key '\(key)': each key may be given once")
      }
      throw SpecError("the spec is not valid JSON: \(error.message)")
    }
    guard let root = document.objectMembers else { throw SpecError("the spec must be a JSON object") }
    try Self.requireKnown(root, known: Self.knownKeys, prefix: "")
    name = try Self.string(root, "name")
    guard name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }), !name.isEmpty else {
      throw SpecError("'name' must be letters, digits, '-', '_' or '.', got '\(name)'")
    }
    guard name.count <= Self.maximumNameLength else {
      throw SpecError("'name' must be at most \(Self.maximumNameLength) characters, got \(name.count)")
    }
    let modeText = try Self.string(root, "mode", default: "mitm")
    guard let mode = Mode(rawValue: modeText) else {
      throw SpecError(
        "'mode' must be one of \(Mode.allCases.map(\.rawValue).joined(separator: ", ")), got '\(modeText)'")
    }
    self.mode = mode
    var ranges: [String: ClosedRange<Int>] = [:]
    if let p = root["parameters"] {
      guard let dict = p.objectMembers else {
        throw SpecError("'parameters' must be an object of name: [low, high]")
      }
      for k in dict.keys.sorted() { ranges[k] = try Self.range(dict[k]!, key: "parameters.\(k)") }
    }
    var parameterRanges = ranges
    a = try Self.side(root, "a", ranges: &parameterRanges)
    b = try Self.side(root, "b", ranges: &parameterRanges)
    var ordered: [(String, ClosedRange<Int>)] = []
    var seen = Set<String>()
    for name in a.parameters + b.parameters where seen.insert(name).inserted {
      guard let r = parameterRanges[name] else { throw SpecError("parameter '\(name)' has no range in 'parameters'") }
      ordered.append((name, r))
    }
    for k in ranges.keys.sorted() where !seen.contains(k) {
      throw SpecError("'parameters.\(k)' is not used by a or b")
    }
    parameters = ordered
    try Self.requireNonzero(a, key: "a", ranges: parameterRanges, why: "a ≡ 0 gives no continued fraction")
    try Self.requireNonzero(b, key: "b", ranges: parameterRanges, why: "b ≡ 0 ends every PCF at a(0)")
    constants = try Self.constants(root)
    bound = try Self.int(root, "bound", default: 10, in: 1...200)
    screenDepth = try Self.int(root, "screen_depth", default: 1000, in: 10...100_000)
    keyDigits = try Self.int(root, "key_digits", default: 10, in: 4...14)
    verifyDigits = try Self.int(root, "verify_digits", default: mode == .mitm ? 100 : 12, in: 5...100_000)
    verifyMaxDepth = try Self.int(root, "verify_max_depth", default: 20_000, in: 10...10_000_000)
    reductionDepth = try Self.int(root, "reduction_depth", default: 64, in: 8...10_000)
    reductionThreshold = try Self.double(root, "reduction_threshold", default: 0.5, in: 0...100)
    // Ranges are never empty, so the space has at least one candidate; the product is taken in
    // Double so that a huge space cannot overflow before it is rejected (below 2^53 it is exact).
    guard parameters.reduce(1.0, { $0 * Double($1.range.count) }) < Self.maximumSize else {
      throw SpecError("the space has more than 10^15 candidates; split it into several specs")
    }
    try requireVerifiable()
    if mode == .mitm {
      let bytes = Self.tableBytes(bound: bound, constants: constants.count)
      guard bytes <= Self.maximumTableBytes else {
        throw SpecError(
          "'bound' \(bound) needs a MITM table of about \(String(format: "%.1f", bytes / 1e9)) GB for "
            + "\(constants.count) constant\(constants.count == 1 ? "" : "s") (at most 2 GB); lower 'bound' or split 'constants'"
        )
      }
      try requireScreenable()
      let required = Self.minimumVerifyDigits(bound: bound)
      guard verifyDigits >= required else {
        throw SpecError(
          "'verify_digits' must be at least \(required) for 'bound' \(bound) (the precision discipline: "
            + "2 × \(4 * String(bound).count) coefficient digits + 10), got \(verifyDigits)")
      }
    } else {
      try Self.requireIndependent(constants)
    }
    try requireDistinguishable()
  }

  /// log10 of bounds A ≥ |a(n)| and B ≥ |b(n)| for 1 ≤ n ≤ `depth` over the whole space (in
  /// logarithms: the bounds of high degrees and wide ranges leave the double range).
  func log10Magnitudes(depth: Int) -> (a: Double, b: Double) {
    let magnitude = Dictionary(
      uniqueKeysWithValues: parameters.map {
        ($0.name, log10(Double(max($0.range.lowerBound.magnitude, $0.range.upperBound.magnitude))))
      })
    let logDepth = log10(Double(depth))
    func bound(_ t: PolynomialTemplate) -> Double {
      let coefficients = t.coefficientLog10Bounds(t.parameters.map { magnitude[$0]! })
      return _log10Sum(coefficients.enumerated().map { $1 + Double($0) * logDepth })
    }
    return (bound(a), bound(b))
  }

  /// log10 r for r = A/2 + √(A²/4 + B), the root of r² = A·r + B, from log10 A and log10 B: both
  /// are scaled by the larger of A/2 and √B first, so nothing overflows.
  static func log10StepGrowth(_ la: Double, _ lb: Double) -> Double {
    let lh = la - log10(2.0)
    let s = max(lh, lb / 2)
    guard s > -.infinity else { return -.infinity }
    let h = _exp10(lh - s)
    let b = _exp10(lb - 2 * s)
    return s + log10(h + (h * h + b).squareRoot())
  }

  /// "about 1.2e+07", or "more than 10^308" when an estimate left the double range.
  static func digitsText(_ d: Double) -> String {
    d.isFinite ? "about " + String(format: "%.1e", d) : "more than 10^308"
  }

  /// The most decimal digits an exact verification walk may reach: about 2 s of GMP arithmetic
  /// per candidate on one core (a walk of Brouncker's PCF to depth 3·10^5, 1.8·10^6 digits).
  public static let maximumWalkDigits = 2e6

  /// The digits of p(N) an exact walk to depth N reaches at most: N·log10 r(N), r(N) the growth
  /// bound of one step (see `screeningGrowthLog2`).
  func walkDigits(depth: Int) -> Double {
    let (a, b) = log10Magnitudes(depth: depth)
    return Double(depth) * Swift.max(1, Self.log10StepGrowth(a, b))
  }

  /// The deepest verification walk (factorial-reduction mode confirms at 4 × `verify_max_depth`)
  /// must stay within `maximumWalkDigits`: a slowly converging match walks all the way there, and
  /// a walk of 10^8 digits takes minutes and gigabytes.
  func requireVerifiable() throws(SpecError) {
    let factor = mode == .mitm ? 1 : 4
    let limit = Self.maximumWalkDigits
    guard !(walkDigits(depth: factor * verifyMaxDepth) <= limit) else { return }
    var (lo, hi) = (9, verifyMaxDepth)  // lo fits (or is 9: none does), hi does not
    while hi - lo > 1 {
      let mid = lo + (hi - lo) / 2
      if walkDigits(depth: factor * mid) <= limit { lo = mid } else { hi = mid }
    }
    let digits = walkDigits(depth: factor * verifyMaxDepth)
    let confirm = factor == 1 ? "" : " (confirmed at 4 × the depth)"
    guard lo >= 10 else {
      throw SpecError(
        "a and b grow too fast for exact verification: a walk of 'verify_max_depth' 10\(confirm) could reach "
          + "\(Self.digitsText(walkDigits(depth: factor * 10))) digits (at most 2×10^6); use smaller degrees or ranges")
    }
    throw SpecError(
      "'verify_max_depth' \(verifyMaxDepth) lets an exact verification walk\(confirm) reach "
        + "\(Self.digitsText(digits)) digits per candidate (at most 2×10^6); use 'verify_max_depth' at most \(lo)"
    )
  }

  /// log2 of how much the screening state (p, q) can grow between two rescalings of the kernel
  /// (which scales it back to at most 1 every `ScreeningKernel.rescaleInterval` steps), on walks up
  /// to `depth`: with A ≥ |a(n)| and B ≥ |b(n)| for n ≤ depth, the first step multiplies by at most
  /// A + B and each later one by at most r = A/2 + √(A²/4 + B) (r² = A·r + B).
  func screeningGrowthLog2(depth: Int) -> Double {
    let (a, b) = log10Magnitudes(depth: depth)
    let log10Growth = _log10Sum([a, b]) + Double(ScreeningKernel.rescaleInterval - 1) * Self.log10StepGrowth(a, b)
    return log10Growth / log10(2.0)
  }

  /// The screening walk runs in double precision (largest about 2^1024): a space whose a(n), b(n)
  /// could carry it out of range between two rescalings would come back "not converged" for every
  /// candidate, silently. It is refused, naming the deepest `screen_depth` that fits.
  func requireScreenable() throws(SpecError) {
    let limit = ScreeningKernel.maximumGrowthLog2
    guard !(screeningGrowthLog2(depth: screenDepth) <= limit) else { return }
    var (lo, hi) = (9, screenDepth)  // growth(lo) fits (or lo = 9: none does), growth(hi) does not
    while hi - lo > 1 {
      let mid = lo + (hi - lo) / 2
      if screeningGrowthLog2(depth: mid) <= limit { lo = mid } else { hi = mid }
    }
    if lo >= 10 {
      throw SpecError(
        "'screen_depth' \(screenDepth) is too deep for the degrees and ranges of a and b: the double-precision "
          + "screening walk could overflow between its rescalings; use 'screen_depth' at most \(lo), or smaller degrees or ranges"
      )
    }
    throw SpecError(
      "a and b grow too fast for the double-precision screening walk (it could overflow between its rescalings "
        + "even at 'screen_depth' 10); use smaller degrees or ranges, or 'mode': 'factorial-reduction'")
  }

  /// Rejects the first key of `object` not in `known` (sorted order), suggesting a near known key.
  static func requireKnown(_ object: [String: _JSONValue], known: Set<String>, prefix: String) throws(SpecError) {
    for key in object.keys.sorted() where !known.contains(key) {
      let near = known.sorted().filter { _editDistance($0, key) <= 2 }
      let hint = near.first.map { " (did you mean '\(prefix)\($0)'?)" } ?? ""
      throw SpecError(
        "unknown key '\(prefix)\(key)'\(hint); known keys: \(known.sorted().joined(separator: ", "))")
    }
  }

  static func string(_ root: [String: _JSONValue], _ key: String, default value: String? = nil) throws(SpecError)
    -> String
  {
    guard let v = root[key] else {
      if let value { return value }
      throw SpecError("missing key '\(key)'")
    }
    guard case .string(let s) = v else { throw SpecError("'\(key)' must be a string") }
    return s
  }

  /// The literal text of a number, shortened for a message.
  static func literal(_ v: _JSONValue) -> String {
    guard case .number(let text) = v else { return "?" }
    return text.count <= 40 ? text : text.prefix(37) + "..."
  }

  /// The integer at `key` in `allowed`.
  static func int(_ root: [String: _JSONValue], _ key: String, default value: Int, in allowed: ClosedRange<Int>)
    throws(SpecError) -> Int
  {
    guard let v = root[key] else { return value }
    return try integer(v, key: key, in: allowed)
  }

  static func integer(_ v: _JSONValue, key: String, in allowed: ClosedRange<Int>) throws(SpecError) -> Int {
    switch v.integer {
    case .notInteger: throw SpecError("'\(key)' must be an integer")
    case .outOfRange(let positive):
      throw SpecError(
        positive
          ? "'\(key)' is out of range (max \(allowed.upperBound)), got \(literal(v))"
          : "'\(key)' is out of range (min \(allowed.lowerBound)), got \(literal(v))")
    case .integer(let i):
      guard allowed.contains(i) else {
        throw SpecError("'\(key)' must be in \(allowed.lowerBound)...\(allowed.upperBound), got \(i)")
      }
      return i
    }
  }

  static func double(
    _ root: [String: _JSONValue], _ key: String, default value: Double, in allowed: ClosedRange<Double>
  ) throws(SpecError) -> Double {
    guard let v = root[key] else { return value }
    guard case .number = v else { throw SpecError("'\(key)' must be a number") }
    guard let d = v.double, allowed.contains(d) else {
      throw SpecError(
        "'\(key)' must be in \(Self.shortNumber(allowed.lowerBound))...\(Self.shortNumber(allowed.upperBound)), got \(literal(v))"
      )
    }
    return d
  }

  static func shortNumber(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }

  /// An inclusive range [low, high] within ±`maximumParameter`.
  static func range(_ v: _JSONValue, key: String) throws(SpecError) -> ClosedRange<Int> {
    guard case .array(let pair) = v, pair.count == 2 else {
      throw SpecError("'\(key)' must be a range [low, high] of integers")
    }
    var ends: [Int] = []
    for (i, end) in pair.enumerated() {
      switch end.integer {
      case .notInteger: throw SpecError("'\(key)' must be a range [low, high] of integers")
      case .outOfRange(let positive):
        throw SpecError(
          "'\(key)[\(i)]' is out of range (\(positive ? "max" : "min") \(positive ? "" : "-")\(maximumParameter)), got \(literal(end))"
        )
      case .integer(let value): ends.append(value)
      }
    }
    let (lo, hi) = (ends[0], ends[1])
    guard lo <= hi else { throw SpecError("'\(key)' is an empty range [\(lo), \(hi)]") }
    guard lo >= -maximumParameter else {
      throw SpecError("'\(key)[0]' is out of range (min -\(maximumParameter)), got \(lo)")
    }
    guard hi <= maximumParameter else {
      throw SpecError("'\(key)[1]' is out of range (max \(maximumParameter)), got \(hi)")
    }
    return lo...hi
  }

  /// One side (a or b): a template with ranges in 'parameters', or a plain polynomial of a degree
  /// with one range for all coefficients or a list of ranges (lowest degree first), whose
  /// parameters are named `a0`, `a1`, … (`b0`, … for b).
  static func side(_ root: [String: _JSONValue], _ key: String, ranges: inout [String: ClosedRange<Int>])
    throws(SpecError) -> PolynomialTemplate
  {
    guard let v = root[key] else { throw SpecError("missing key '\(key)'") }
    guard let dict = v.objectMembers else {
      throw SpecError("'\(key)' must be an object with 'template' or 'degree'")
    }
    try requireKnown(dict, known: sideKeys, prefix: "\(key).")
    if let t = dict["template"] {
      guard case .string(let text) = t else { throw SpecError("'\(key).template' must be a string") }
      for k in ["degree", "range", "coefficients"] where dict[k] != nil {
        throw SpecError("'\(key).\(k)' cannot be used with '\(key).template' (give ranges in 'parameters')")
      }
      let template: PolynomialTemplate
      do { template = try PolynomialTemplate(parsing: text) } catch { throw SpecError("'\(key).template': \(error)") }
      guard template.degree <= maximumDegree else {
        throw SpecError("'\(key).template' has degree \(template.degree) in n; at most \(maximumDegree) is supported")
      }
      return template
    }
    var plain: [ClosedRange<Int>] = []
    if let list = dict["coefficients"] {
      guard case .array(let items) = list, !items.isEmpty else {
        throw SpecError("'\(key).coefficients' must be a non-empty list of ranges")
      }
      guard items.count <= maximumDegree + 1 else {
        throw SpecError(
          "'\(key).coefficients' has \(items.count) ranges; at most \(maximumDegree + 1) (degree \(maximumDegree)) are supported"
        )
      }
      if dict["degree"] != nil || dict["range"] != nil {
        throw SpecError("'\(key).coefficients' cannot be used with '\(key).degree' or '\(key).range'")
      }
      for (i, item) in items.enumerated() { plain.append(try range(item, key: "\(key).coefficients[\(i)]")) }
    } else {
      guard let d = dict["degree"] else { throw SpecError("'\(key)' needs 'template', 'degree' or 'coefficients'") }
      guard case .integer(let degree) = d.integer, (0...maximumDegree).contains(degree) else {
        throw SpecError("'\(key).degree' must be an integer in 0...\(maximumDegree)")
      }
      guard let r = dict["range"] else {
        throw SpecError("'\(key).range' is missing (the range of every coefficient)")
      }
      plain = Array(repeating: try range(r, key: "\(key).range"), count: degree + 1)
    }
    for (i, r) in plain.enumerated() {
      // A plain side names its coefficients itself: a range for the same name in 'parameters'
      // would be silently overridden.
      guard ranges["\(key)\(i)"] == nil else {
        throw SpecError(
          "'parameters.\(key)\(i)' names a coefficient of the plain side '\(key)', whose ranges '\(key)' gives; rename the parameter"
        )
      }
      ranges["\(key)\(i)"] = r
    }
    return .plain(degree: plain.count - 1, prefix: key)
  }

  /// Rejects a side that is zero for every candidate: the zero template, or one whose parameters
  /// all have a single value at which it vanishes. (A side zero at some values only is fine: those
  /// candidates are filtered as degenerate.)
  static func requireNonzero(
    _ t: PolynomialTemplate, key: String, ranges: [String: ClosedRange<Int>], why: String
  ) throws(SpecError) {
    guard t.degree >= 0 else {
      throw SpecError("'\(key).template' '\(t.text)' is identically zero; \(why)")
    }
    let single = t.parameters.compactMap { ranges[$0].flatMap { $0.count == 1 ? $0.lowerBound : nil } }
    if single.count == t.parameters.count, let c = t.coefficients(single), c.allSatisfy({ $0 == 0 }) {
      throw SpecError("'\(key)' is zero at its only parameter values; \(why)")
    }
  }

  /// The target constants: a non-empty list of distinct catalog names.
  static func constants(_ root: [String: _JSONValue]) throws(SpecError) -> [Constant] {
    guard case .array(let list)? = root["constants"], !list.isEmpty else {
      throw SpecError("'constants' must be a non-empty list of constant names, e.g. [\"zeta(3)\"]")
    }
    guard list.count <= maximumConstants else {
      throw SpecError("'constants' names \(list.count) constants; at most \(maximumConstants) are supported")
    }
    var out: [Constant] = []
    for (i, item) in list.enumerated() {
      guard case .string(let s) = item else { throw SpecError("'constants[\(i)]' must be a string") }
      let c: Constant
      do { c = try Constant(name: s) } catch { throw SpecError("'constants[\(i)]': \(error)") }
      if let j = out.firstIndex(of: c) {
        throw SpecError("'constants[\(i)]' '\(s)' is '\(c.name)' again (as 'constants[\(j)]'); name each constant once")
      }
      out.append(c)
    }
    return out
  }

  /// Factorial-reduction mode identifies limits in all constants together: constants with an
  /// integer relation among (1, c₁, …, c_k) (e.g. log(2) and log(4), phi and sqrt(5)) make every
  /// identification fail, so they are refused up front. The relation is searched with coefficients
  /// up to 10^4 at 100 digits.
  static func requireIndependent(_ constants: [Constant]) throws(SpecError) {
    guard constants.count >= 2 else { return }
    let precision = Precision.digits(100)
    let values = [BigFloat(1, precision: precision)] + constants.map { $0.value(precision) }
    guard let relation = IntegerRelation.find(values, maxCoefficient: 10_000, precision: precision) else { return }
    throw SpecError(
      "'constants' are not independent: \(relationText(relation, constants)) = 0; factorial-reduction mode needs independent constants"
    )
  }

  /// Hits are certified to `verify_digits` places: a constant that a small rational matches to that
  /// many places (zeta(k) for k above about 3.3 × verify_digits is 1 + 2^−k) makes every Möbius form
  /// of it pass for a rational limit (MITM "hits" that are coincidences) and makes every
  /// factorial-reduction identification fail. It is refused, with the relation (coefficients up to
  /// 10^4) the precision discipline would accept.
  func requireDistinguishable() throws(SpecError) {
    let digits = Swift.min(verifyDigits, 2000)
    let precision = Precision.digits(digits)
    let discipline = PrecisionDiscipline()
    for (i, c) in constants.enumerated() {
      let values = [BigFloat(1, precision: precision), c.value(precision)]
      if let relation = IntegerRelation.find(values, maxCoefficient: 10_000, precision: precision),
        discipline.accepts(digits: verifyDigits, coefficientDigits: relation.coefficientDigits)
      {
        throw SpecError(
          "'constants[\(i)]' \(c.name) is rational to \(verifyDigits) places (\(Self.relationText(relation, [c])) = 0): "
            + "at 'verify_digits' \(verifyDigits) its formulas cannot be told from rational limits; raise 'verify_digits' or drop it"
        )
      }
    }
  }

  /// A relation among (1, c₁, …) written with its signs, the first nonzero coefficient positive:
  /// `2*log(2) - log(4)`.
  static func relationText(_ relation: IntegerRelation, _ constants: [Constant]) -> String {
    let sign = relation.coefficients.first { !$0.isZero }.map { $0 < 0 ? BigInt(-1) : BigInt(1) } ?? 1
    var text = ""
    for (m, name) in zip(relation.coefficients.map { $0 * sign }, ["1"] + constants.map(\.name)) where !m.isZero {
      let magnitude = m.magnitude
      let term = name == "1" ? "\(magnitude)" : (magnitude == 1 ? name : "\(magnitude)*\(name)")
      text += text.isEmpty ? (m < 0 ? "-" : "") + term : (m < 0 ? " - " : " + ") + term
    }
    return text
  }

  /// A canonical text of the validated spec (stable key order): the identity a store keeps.
  public var canonicalJSON: String {
    let ps = parameters.map { "\"\($0.name)\":[\($0.range.lowerBound),\($0.range.upperBound)]" }.joined(separator: ",")
    let cs = constants.map { "\"\($0.name)\"" }.joined(separator: ",")
    return
      "{\"a\":{\"template\":\"\(_jsonEscaped(a.text))\"},\"b\":{\"template\":\"\(_jsonEscaped(b.text))\"},\"bound\":\(bound),\"constants\":[\(cs)],\"key_digits\":\(keyDigits),"
      + "\"mode\":\"\(mode.rawValue)\",\"name\":\"\(name)\",\"parameters\":{\(ps)},\"reduction_depth\":\(reductionDepth),"
      + "\"reduction_threshold\":\(reductionThreshold),\"screen_depth\":\(screenDepth),\"verify_digits\":\(verifyDigits),"
      + "\"verify_max_depth\":\(verifyMaxDepth)}"
  }

  /// FNV-1a 64-bit hash of `canonicalJSON`, as 16 hex digits.
  public var hashText: String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in canonicalJSON.utf8 {
      h ^= UInt64(byte)
      h = h &* 0x100_0000_01b3
    }
    let hex = String(h, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

/// `text` with the characters JSON strings must escape escaped (ordinary text is unchanged, so
/// canonical texts and hashes of existing stores stay the same).
func _jsonEscaped(_ text: String) -> String {
  var out = ""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    case let s where s.value < 0x20:
      let hex = String(s.value, radix: 16)
      out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    default: out.unicodeScalars.append(scalar)
    }
  }
  return out
}

/// The Levenshtein distance of two short strings (for "did you mean" hints).
func _editDistance(_ x: String, _ y: String) -> Int {
  let a = Array(x)
  let b = Array(y)
  var previous = Array(0...b.count)
  for i in 1...max(1, a.count) where i <= a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in 1...max(1, b.count) where j <= b.count {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}
