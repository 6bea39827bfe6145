import Foundation
import Identification
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

  /// The approximate memory in bytes of the MITM table: (2R+1)³(R+1) rows of about 40 bytes for
  /// each constant.
  public static func tableBytes(bound: Int, constants: Int) -> Double {
    let r = Double(bound)
    return Double(constants) * (2 * r + 1) * (2 * r + 1) * (2 * r + 1) * (r + 1) * 40
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
  static let knownKeys: Set<String> = [
    "name", "mode", "a", "b", "parameters", "constants", "bound", "screen_depth", "key_digits", "verify_digits",
    "verify_max_depth", "reduction_depth", "reduction_threshold",
  ]
  static let sideKeys: Set<String> = ["template", "degree", "range", "coefficients"]
  /// The highest degree in n the screening kernel supports.
  static let maximumDegree = 15

  /// Reads and validates a spec from JSON text.
  /// - Throws: `SpecError` naming the offending key, before any work starts.
  public init(json text: String) throws(SpecError) {
    let object: Any
    do {
      object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    } catch {
      throw SpecError("the spec is not valid JSON: \(Self.jsonMessage(error))")
    }
    guard let root = object as? [String: Any] else { throw SpecError("the spec must be a JSON object") }
    for key in root.keys.sorted() where !Self.knownKeys.contains(key) {
      throw SpecError("unknown key '\(key)'; known keys: \(Self.knownKeys.sorted().joined(separator: ", "))")
    }
    name = try Self.string(root, "name")
    guard name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }), !name.isEmpty else {
      throw SpecError("'name' must be letters, digits, '-', '_' or '.', got '\(name)'")
    }
    let modeText = try Self.string(root, "mode", default: "mitm")
    guard let mode = Mode(rawValue: modeText) else {
      throw SpecError(
        "'mode' must be one of \(Mode.allCases.map(\.rawValue).joined(separator: ", ")), got '\(modeText)'")
    }
    self.mode = mode
    var ranges: [String: ClosedRange<Int>] = [:]
    if let p = root["parameters"] {
      guard let dict = p as? [String: Any] else {
        throw SpecError("'parameters' must be an object of name: [low, high]")
      }
      for (k, v) in dict { ranges[k] = try Self.range(v, key: "parameters.\(k)") }
    }
    var parameterRanges = ranges
    a = try Self.side(root, "a", prefix: "a", ranges: &parameterRanges)
    b = try Self.side(root, "b", prefix: "b", ranges: &parameterRanges)
    var ordered: [(String, ClosedRange<Int>)] = []
    for name in a.parameters + b.parameters where !ordered.contains(where: { $0.0 == name }) {
      guard let r = parameterRanges[name] else { throw SpecError("parameter '\(name)' has no range in 'parameters'") }
      ordered.append((name, r))
    }
    for k in ranges.keys.sorted() where !ordered.contains(where: { $0.0 == k }) {
      throw SpecError("'parameters.\(k)' is not used by a or b")
    }
    parameters = ordered
    guard let list = root["constants"] as? [Any], !list.isEmpty else {
      throw SpecError("'constants' must be a non-empty list of constant names, e.g. [\"zeta(3)\"]")
    }
    constants = try list.enumerated().map { (i, item) throws(SpecError) -> Constant in
      guard let s = item as? String else { throw SpecError("'constants[\(i)]' must be a string") }
      do { return try Constant(name: s) } catch { throw SpecError("'constants[\(i)]': \(error)") }
    }
    bound = try Self.int(root, "bound", default: 10, in: 1...200)
    screenDepth = try Self.int(root, "screen_depth", default: 1000, in: 10...100_000)
    keyDigits = try Self.int(root, "key_digits", default: 10, in: 4...14)
    verifyDigits = try Self.int(root, "verify_digits", default: mode == .mitm ? 100 : 12, in: 5...100_000)
    verifyMaxDepth = try Self.int(root, "verify_max_depth", default: 20_000, in: 10...10_000_000)
    reductionDepth = try Self.int(root, "reduction_depth", default: 64, in: 8...10_000)
    reductionThreshold = try Self.double(root, "reduction_threshold", default: 0.5)
    // Ranges are never empty, so the space has at least one candidate; the product is taken in
    // Double so that a huge space cannot overflow before it is rejected.
    guard parameters.reduce(1.0, { $0 * Double($1.range.count) }) < Self.maximumSize else {
      throw SpecError("the space has more than 10^15 candidates; split it into several specs")
    }
    if mode == .mitm {
      let bytes = Self.tableBytes(bound: bound, constants: constants.count)
      guard bytes <= Self.maximumTableBytes else {
        throw SpecError(
          "'bound' \(bound) needs a MITM table of about \(String(format: "%.1f", bytes / 1e9)) GB for "
            + "\(constants.count) constant\(constants.count == 1 ? "" : "s") (at most 2 GB); lower 'bound' or split 'constants'"
        )
      }
      let required = Self.minimumVerifyDigits(bound: bound)
      guard verifyDigits >= required else {
        throw SpecError(
          "'verify_digits' must be at least \(required) for 'bound' \(bound) (the precision discipline: "
            + "2 × \(4 * String(bound).count) coefficient digits + 10), got \(verifyDigits)")
      }
    }
  }

  static func jsonMessage(_ error: Error) -> String {
    let text = String(describing: error)
    if let r = text.range(of: "NSDebugDescription=") {
      return String(text[r.upperBound...].prefix { $0 != "," && $0 != "}" })
    }
    return "malformed JSON"
  }

  static func string(_ root: [String: Any], _ key: String, default value: String? = nil) throws(SpecError) -> String {
    guard let v = root[key] else {
      if let value { return value }
      throw SpecError("missing key '\(key)'")
    }
    guard let s = v as? String else { throw SpecError("'\(key)' must be a string") }
    return s
  }

  /// The integer a JSON value holds (not a boolean, not a fraction).
  static func isInteger(_ v: Any) -> Int? {
    // JSON true/false arrive as NSNumber of type "c"; `is Bool` is also true for 0 and 1.
    if let flag = v as? NSNumber, String(cString: flag.objCType) == "c" { return nil }
    if let i = v as? Int { return i }
    if let d = v as? Double, d == d.rounded(), Swift.abs(d) < 1e15 { return Int(d) }
    return nil
  }

  static func int(_ root: [String: Any], _ key: String, default value: Int, in allowed: ClosedRange<Int>)
    throws(SpecError) -> Int
  {
    guard let v = root[key] else { return value }
    guard let i = isInteger(v) else { throw SpecError("'\(key)' must be an integer") }
    guard allowed.contains(i) else {
      throw SpecError("'\(key)' must be in \(allowed.lowerBound)...\(allowed.upperBound), got \(i)")
    }
    return i
  }

  static func double(_ root: [String: Any], _ key: String, default value: Double) throws(SpecError) -> Double {
    guard let v = root[key] else { return value }
    guard let n = v as? NSNumber, String(cString: n.objCType) != "c" else {
      throw SpecError("'\(key)' must be a number")
    }
    return n.doubleValue
  }

  static func range(_ v: Any, key: String) throws(SpecError) -> ClosedRange<Int> {
    guard let pair = v as? [Any], pair.count == 2, let lo = isInteger(pair[0]), let hi = isInteger(pair[1]) else {
      throw SpecError("'\(key)' must be a range [low, high] of integers")
    }
    guard lo <= hi else { throw SpecError("'\(key)' is an empty range [\(lo), \(hi)]") }
    guard lo >= -1_000_000_000 && hi <= 1_000_000_000 else { throw SpecError("'\(key)' must lie within ±10^9") }
    return lo...hi
  }

  /// One side (a or b): a template with ranges in 'parameters', or a plain polynomial of a degree
  /// with one range for all coefficients or a list of ranges (lowest degree first).
  static func side(_ root: [String: Any], _ key: String, prefix: String, ranges: inout [String: ClosedRange<Int>])
    throws(SpecError) -> PolynomialTemplate
  {
    guard let v = root[key] else { throw SpecError("missing key '\(key)'") }
    guard let dict = v as? [String: Any] else {
      throw SpecError("'\(key)' must be an object with 'template' or 'degree'")
    }
    for k in dict.keys.sorted() where !sideKeys.contains(k) {
      throw SpecError("unknown key '\(key).\(k)'; known keys: \(sideKeys.sorted().joined(separator: ", "))")
    }
    if let t = dict["template"] {
      guard let text = t as? String else { throw SpecError("'\(key).template' must be a string") }
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
    if let list = dict["coefficients"] {
      guard let items = list as? [Any], !items.isEmpty else {
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
      for (i, item) in items.enumerated() {
        ranges["\(prefix)\(i)"] = try range(item, key: "\(key).coefficients[\(i)]")
      }
      return .plain(degree: items.count - 1, prefix: prefix)
    }
    guard let d = dict["degree"] else { throw SpecError("'\(key)' needs 'template', 'degree' or 'coefficients'") }
    guard let degree = isInteger(d), (0...12).contains(degree) else {
      throw SpecError("'\(key).degree' must be an integer in 0...12")
    }
    guard let r = dict["range"] else { throw SpecError("'\(key).range' is missing (the range of every coefficient)") }
    let shared = try range(r, key: "\(key).range")
    for i in 0...degree { ranges["\(prefix)\(i)"] = shared }
    return .plain(degree: degree, prefix: prefix)
  }

  /// A canonical text of the validated spec (stable key order): the identity a store keeps.
  public var canonicalJSON: String {
    let ps = parameters.map { "\"\($0.name)\":[\($0.range.lowerBound),\($0.range.upperBound)]" }.joined(separator: ",")
    let cs = constants.map { "\"\($0.name)\"" }.joined(separator: ",")
    return
      "{\"a\":{\"template\":\"\(Self.jsonEscaped(a.text))\"},\"b\":{\"template\":\"\(Self.jsonEscaped(b.text))\"},\"bound\":\(bound),\"constants\":[\(cs)],\"key_digits\":\(keyDigits),"
      + "\"mode\":\"\(mode.rawValue)\",\"name\":\"\(name)\",\"parameters\":{\(ps)},\"reduction_depth\":\(reductionDepth),"
      + "\"reduction_threshold\":\(reductionThreshold),\"screen_depth\":\(screenDepth),\"verify_digits\":\(verifyDigits),"
      + "\"verify_max_depth\":\(verifyMaxDepth)}"
  }

  /// `text` inside a JSON string: quotes, backslashes and control characters (a template may hold
  /// tabs and newlines) escaped.
  static func jsonEscaped(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
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
