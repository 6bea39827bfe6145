import Foundation
import Identification
import Multiprecision
import Polynomials

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
    /// Blind δ: no target; convergence features of every converging PCF, clustering, and
    /// identification against a large catalog (see `BlindDeltaOptions`).
    case blindDelta = "blind-delta"
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
  /// Blind-δ mode: the catalog, the feature depth and the clustering parameters (`nil` otherwise).
  public let blind: BlindDeltaOptions?

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
  /// One line: control characters (from JSON keys or strings) are shown as escapes such as `\n`.
  public var description: String { _ExpressionLimits.escaped(message) }
}

extension SearchSpec {
  static let knownKeys: Set<String> = Set(
    [
      "name", "mode", "a", "b", "parameters", "constants", "bound", "screen_depth", "key_digits", "verify_digits",
      "verify_max_depth", "reduction_depth", "reduction_threshold",
    ] + BlindDeltaOptions.keys)
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
    if mode == .blindDelta {
      let options = try BlindDeltaOptions(root)
      blind = options
      constants = Array(Set(options.catalog.flatMap(\.constants))).sorted()
    } else {
      for key in BlindDeltaOptions.keys where root[key] != nil {
        throw SpecError("'\(key)' is a key of 'mode': 'blind-delta' only")
      }
      blind = nil
      constants = try Self.constants(root)
    }
    bound = try Self.int(root, "bound", default: mode == .blindDelta ? 6 : 10, in: 1...200)
    screenDepth = try Self.int(root, "screen_depth", default: 1000, in: 10...100_000)
    keyDigits = try Self.int(root, "key_digits", default: 10, in: 4...14)
    verifyDigits = try Self.int(
      root, "verify_digits", default: mode == .mitm ? 100 : (mode == .blindDelta ? 50 : 12), in: 5...100_000)
    verifyMaxDepth = try Self.int(root, "verify_max_depth", default: 20_000, in: 10...10_000_000)
    reductionDepth = try Self.int(root, "reduction_depth", default: 64, in: 8...10_000)
    reductionThreshold = try Self.double(root, "reduction_threshold", default: 0.5, in: 0...100)
    // Ranges are never empty, so the space has at least one candidate; the product is taken in
    // Double so that a huge space cannot overflow before it is rejected (below 2^53 it is exact).
    guard parameters.reduce(1.0, { $0 * Double($1.range.count) }) < Self.maximumSize else {
      throw SpecError("the space has more than 10^15 candidates; split it into several specs")
    }
    try requireVerifiable()
    if mode == .mitm || mode == .blindDelta {
      let tableSize = mode == .mitm ? constants.count : blind!.catalog.count
      let bytes = Self.tableBytes(bound: bound, constants: tableSize)
      guard bytes <= Self.maximumTableBytes else {
        throw SpecError(
          "'bound' \(bound) needs a MITM table of about \(String(format: "%.1f", bytes / 1e9)) GB for "
            + "\(tableSize) constant\(tableSize == 1 ? "" : "s") (at most 2 GB); lower 'bound' or split 'constants'"
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
    if mode == .blindDelta { try requireBlindWalks() }
    try requireDistinguishable()
  }

  /// A canonical text of the validated spec (stable key order): the identity a store keeps.
  public var canonicalJSON: String {
    let ps = parameters.map { "\"\($0.name)\":[\($0.range.lowerBound),\($0.range.upperBound)]" }.joined(separator: ",")
    let cs = constants.map { "\"\($0.name)\"" }.joined(separator: ",")
    return
      "{\"a\":{\"template\":\"\(_jsonEscaped(a.text))\"},\"b\":{\"template\":\"\(_jsonEscaped(b.text))\"},\"bound\":\(bound),\"constants\":[\(cs)],\"key_digits\":\(keyDigits),"
      + "\"mode\":\"\(mode.rawValue)\",\"name\":\"\(name)\",\"parameters\":{\(ps)},\"reduction_depth\":\(reductionDepth),"
      + "\"reduction_threshold\":\(reductionThreshold),\"screen_depth\":\(screenDepth),\"verify_digits\":\(verifyDigits),"
      + "\"verify_max_depth\":\(verifyMaxDepth)\(blind.map { "," + $0.canonicalJSON } ?? "")}"
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
/// canonical texts and hashes of existing stores stay the same). Shared with the CLI's JSON lines.
public func _jsonEscaped(_ text: String) -> String {
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
