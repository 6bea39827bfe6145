import CSQLite

/// Why the store failed; the message names the file and what SQLite said.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
  public let message: String
  public init(_ message: String) { self.message = message }
  public var description: String { message }
}

/// A thin, owning wrapper of one SQLite connection. Not shared between threads.
final class SQLiteDatabase: StoreDatabase {
  let path: String
  var location: String { path }
  var backend: StoreBackend { .sqlite }
  private var handle: OpaquePointer?

  /// Opens the file at `path`: read-write (created when missing), or read-only (never created,
  /// never written).
  /// - Throws: `StoreError` for an empty path (SQLite would open a private temporary database that
  ///   vanishes on close) or a file SQLite cannot open.
  init(path: String, readOnly: Bool = false) throws(StoreError) {
    self.path = path
    guard !path.isEmpty else { throw StoreError("the store path is empty") }
    var db: OpaquePointer?
    let flags =
      (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_FULLMUTEX
    // A name starting with "file:" is a URI to an SQLite built with URI names on (e.g.
    // `file:x.db?mode=memory`); "./" keeps it the plain file name it is.
    let status = sqlite3_open_v2(path.hasPrefix("file:") ? "./" + path : path, &db, flags, nil)
    guard status == SQLITE_OK, let db else {
      let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close(db)
      throw StoreError("cannot open store '\(path)': \(message)")
    }
    handle = db
    sqlite3_busy_timeout(db, 10_000)
  }

  deinit { sqlite3_close(handle) }

  func tableNames() throws(StoreError) -> Set<String> {
    Set(try query("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0[0].string })
  }

  var errorMessage: String { String(cString: sqlite3_errmsg(handle)) }

  func execute(_ sql: String) throws(StoreError) {
    var error: UnsafeMutablePointer<CChar>?
    if sqlite3_exec(handle, sql, nil, nil, &error) != SQLITE_OK {
      let message = error.map { String(cString: $0) } ?? errorMessage
      sqlite3_free(error)
      throw StoreError("store '\(path)': \(message)")
    }
  }

  /// Runs `body` in one transaction: all of it is written, or none of it. `immediate` takes the
  /// write lock at once, so what `body` reads cannot change before it writes; a read-only
  /// connection passes `false` (a consistent snapshot, no lock taken).
  func transaction<T>(immediate: Bool = true, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
    do {
      let value = try body()
      try execute("COMMIT")
      return value
    } catch {
      try? execute("ROLLBACK")
      throw error
    }
  }

  /// A value bound to a statement parameter or read from a column.
  typealias Value = StoreValue

  /// Runs one statement with parameters; returns its rows.
  @discardableResult
  func query(_ sql: String, _ parameters: [Value] = []) throws(StoreError) -> [[Value]] {
    var rows: [[Value]] = []
    try forEachRow(sql, parameters) { rows.append($0) }
    return rows
  }

  /// Runs one statement with parameters and hands each row to `body` as it is read, so that a
  /// table of any size is read in constant memory.
  func forEachRow(
    _ sql: String, _ parameters: [Value] = [], _ body: ([Value]) throws(StoreError) -> Void
  ) throws(StoreError) {
    var statement: OpaquePointer?
    guard sqlite3_prepare_v2(handle, sql, -1, &statement, nil) == SQLITE_OK else {
      throw StoreError("store '\(path)': \(errorMessage)")
    }
    defer { sqlite3_finalize(statement) }
    for (i, p) in parameters.enumerated() {
      let index = Int32(i + 1)
      switch p {
      case .integer(let v): sqlite3_bind_int64(statement, index, Int64(v))
      case .real(let v): sqlite3_bind_double(statement, index, v)
      case .text(let v): sqlite3_bind_text(statement, index, v, -1, rmj_sqlite_transient())
      case .blob(let v):
        // An empty array still binds a (zero-length) blob, not NULL.
        _ = v.withUnsafeBytes {
          sqlite3_bind_blob64(
            statement, index, $0.baseAddress ?? UnsafeRawPointer(bitPattern: 1), sqlite3_uint64($0.count),
            rmj_sqlite_transient())
        }
      case .null: sqlite3_bind_null(statement, index)
      }
    }
    while true {
      let status = sqlite3_step(statement)
      if status == SQLITE_DONE { break }
      guard status == SQLITE_ROW else { throw StoreError("store '\(path)': \(errorMessage)") }
      let count = sqlite3_column_count(statement)
      try body(
        (0..<count).map { c in
          switch sqlite3_column_type(statement, c) {
          case SQLITE_INTEGER: return .integer(Int(sqlite3_column_int64(statement, c)))
          case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, c))
          case SQLITE_TEXT: return .text(String(cString: sqlite3_column_text(statement, c)))
          case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(statement, c))
            guard count > 0, let bytes = sqlite3_column_blob(statement, c) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
          default: return .null
          }
        })
    }
  }
}
