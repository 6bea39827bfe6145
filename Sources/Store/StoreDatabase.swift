/// A value bound to a statement parameter or read from a column, in either backend.
enum StoreValue: Equatable, Sendable {
  case integer(Int)
  case real(Double)
  case text(String)
  /// Bytes (BLOB in SQLite, BYTEA in PostgreSQL): the blind-δ feature blocks.
  case blob([UInt8])
  case null
}

extension StoreValue {
  var int: Int? { if case .integer(let v) = self { return v } else { return nil } }
  var double: Double? {
    switch self {
    case .real(let v): return v
    case .integer(let v): return Double(v)
    default: return nil
    }
  }
  var string: String? { if case .text(let v) = self { return v } else { return nil } }
  var bytes: [UInt8]? { if case .blob(let v) = self { return v } else { return nil } }
}

/// The SQL engine behind a store: the few places where the two dialects differ ask this.
enum StoreBackend: Sendable {
  case sqlite
  case postgres
}

/// One connection to a store's database, SQLite or PostgreSQL. Statements use `?` for parameters
/// in both (the PostgreSQL connection numbers them). Not shared between threads.
protocol StoreDatabase: AnyObject {
  /// The file, or the URL without its password: what error messages name.
  var location: String { get }
  var backend: StoreBackend { get }
  func execute(_ sql: String) throws(StoreError)
  @discardableResult
  func query(_ sql: String, _ parameters: [StoreValue]) throws(StoreError) -> [[StoreValue]]
  func forEachRow(
    _ sql: String, _ parameters: [StoreValue], _ body: ([StoreValue]) throws(StoreError) -> Void
  ) throws(StoreError)
  /// Runs `body` in one transaction: all of it is written, or none of it. `immediate` is a writing
  /// transaction; `false` a read-only consistent snapshot. PostgreSQL runs `body` again after a
  /// lost connection (so `body` must start from scratch each time it is called).
  func transaction<T>(immediate: Bool, _ body: () throws(StoreError) -> T) throws(StoreError) -> T
  /// The names of the tables of the store's schema.
  func tableNames() throws(StoreError) -> Set<String>
}

extension StoreDatabase {
  @discardableResult
  func query(_ sql: String) throws(StoreError) -> [[StoreValue]] { try query(sql, []) }
  func forEachRow(_ sql: String, _ body: ([StoreValue]) throws(StoreError) -> Void) throws(StoreError) {
    try forEachRow(sql, [], body)
  }
  func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    try transaction(immediate: true, body)
  }
}

/// Where a `--store` points: a PostgreSQL URL (`postgres://` or `postgresql://`) or an SQLite file.
public enum StoreLocation: Sendable, Equatable {
  case sqlite(path: String)
  case postgres(PostgresURL)

  /// `text` as a location: a URL when it starts with `postgres://` or `postgresql://` (any case),
  /// a file path otherwise.
  /// - Throws: `StoreError` for a malformed URL (see `PostgresURL`).
  public init(_ text: String) throws(StoreError) {
    if PostgresURL.isURL(text) {
      self = .postgres(try PostgresURL(text))
    } else {
      self = .sqlite(path: text)
    }
  }

  /// What messages and logs name: the path, or the URL without its password.
  public var description: String {
    switch self {
    case .sqlite(let path): return path
    case .postgres(let url): return url.redacted
    }
  }
}
