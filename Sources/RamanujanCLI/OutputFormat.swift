import ArgumentParser
import Ramanujan

/// How results are printed.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  /// Aligned lines for people.
  case text
  /// One JSON object per line, for scripts.
  case json
}

/// A minimal JSON object writer with stable key order (no Foundation dependency in output paths).
struct JSONLine {
  private var fields: [String] = []

  mutating func add(_ key: String, _ value: String?) {
    fields.append("\(Self.quote(key)): \(value.map(Self.quote) ?? "null")")
  }
  mutating func add(_ key: String, _ value: Int?) {
    fields.append("\(Self.quote(key)): \(value.map(String.init) ?? "null")")
  }
  mutating func add(_ key: String, _ value: Double?) {
    let text = value.flatMap { $0.isFinite ? "\($0)" : nil } ?? "null"
    fields.append("\(Self.quote(key)): \(text)")
  }
  mutating func add(_ key: String, _ value: Bool) { fields.append("\(Self.quote(key)): \(value)") }
  mutating func add(_ key: String, _ values: [Int]) {
    fields.append("\(Self.quote(key)): [\(values.map(String.init).joined(separator: ", "))]")
  }
  /// A value that is already JSON text (a nested object, or `null`).
  mutating func addRaw(_ key: String, _ json: String) { fields.append("\(Self.quote(key)): \(json)") }

  /// A typed value of a column that is written both as JSON and as TSV.
  enum Field {
    case text(String?), int(Int?), real(Double?), bool(Bool?)

    /// The TSV cell: the value, or empty when there is none.
    var tsv: String {
      switch self {
      case .text(let v): return v ?? ""
      case .int(let v): return v.map(String.init) ?? ""
      case .real(let v): return v.flatMap { $0.isFinite ? "\($0)" : nil } ?? ""
      case .bool(let v): return v.map { "\($0)" } ?? ""
      }
    }
  }

  mutating func add(_ key: String, _ field: Field) {
    switch field {
    case .text(let v): add(key, v)
    case .int(let v): add(key, v)
    case .real(let v): add(key, v)
    case .bool(let v): fields.append("\(Self.quote(key)): \(v.map { "\($0)" } ?? "null")")
    }
  }

  var text: String { "{" + fields.joined(separator: ", ") + "}" }

  static func quote(_ s: String) -> String { "\"" + _jsonEscaped(s) + "\"" }
}
