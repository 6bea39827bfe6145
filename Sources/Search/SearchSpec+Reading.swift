import Identification

/// Reading a spec's JSON values: every key checked, every message naming it.
extension SearchSpec {
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
