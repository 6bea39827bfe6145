import CLibPQ
import Foundation

/// One synchronous libpq connection to a PostgreSQL store. Not shared between threads.
///
/// A lost connection (the server restarted, the network dropped) is not an error at once: the
/// statement or transaction in progress is abandoned (PostgreSQL rolls it back), the connection is
/// re-opened with exponential backoff (0.25 s doubling to 10 s, with jitter), and the whole
/// statement or transaction runs again, for up to `retrySeconds` (`RAMANUJAN_PG_RETRY_SECONDS`,
/// 300 s by default). Each retry is announced on standard error, naming the URL without its password.
///
/// Opening is not retried, except while the server says it is starting or shutting down: a wrong
/// password, an unknown host or a refused connection is a one-line error at once.
final class PostgresDatabase: StoreDatabase {
  let url: PostgresURL
  var location: String { url.redacted }
  var backend: StoreBackend { .postgres }
  /// Every transaction of this connection is read-only (set on the session, again after a reconnection).
  let readOnly: Bool
  /// Seconds a lost connection is retried before the operation fails.
  let retrySeconds: Double
  private var connection: OpaquePointer?
  /// Whether the last error thrown came from a lost connection (or a serialization failure or
  /// deadlock), so that running the operation again may succeed.
  private var transient = false
  /// Whether a transaction is open: statements inside it are retried with the whole transaction.
  private var inTransaction = false

  /// The environment variable giving `retrySeconds`.
  static let retryVariable = "RAMANUJAN_PG_RETRY_SECONDS"
  static let defaultRetrySeconds = 300.0
  /// Seconds libpq waits for a server that does not answer (unless the URL sets `connect_timeout`).
  static let connectTimeout = 10

  /// Connects to `url`.
  /// - Throws: `StoreError` naming the URL (without its password) and what the server or libpq said.
  init(url: PostgresURL, readOnly: Bool, retrySeconds: Double? = nil) throws(StoreError) {
    self.url = url
    self.readOnly = readOnly
    if let retrySeconds {
      self.retrySeconds = retrySeconds
    } else {
      self.retrySeconds = try Self.retrySeconds(ProcessInfo.processInfo.environment)
    }
    // A server starting up or shutting down refuses for a moment: that, and only that, is waited for.
    let start = Date()
    var delay = 0.25
    while true {
      do {
        try connect()
        return
      } catch {
        let starting = ["starting up", "shutting down", "in recovery mode", "not yet accepting connections"]
        guard starting.contains(where: error.message.contains),
          Date().timeIntervalSince(start) + delay < self.retrySeconds
        else {
          throw StoreError("cannot open store '\(url.redacted)': \(error.message)")
        }
        Thread.sleep(forTimeInterval: delay)
        delay = min(delay * 2, 10)
      }
    }
  }

  deinit { PQfinish(connection) }

  /// The retry time `environment` asks for in `RAMANUJAN_PG_RETRY_SECONDS`; 300 s when unset or empty.
  static func retrySeconds(_ environment: [String: String]) throws(StoreError) -> Double {
    let text = environment[retryVariable] ?? ""
    if text.isEmpty { return defaultRetrySeconds }
    guard let seconds = Double(text), seconds >= 0, seconds.isFinite else {
      throw StoreError("\(retryVariable) must be a number of seconds, got '\(text)'")
    }
    return seconds
  }

  /// Opens the connection; the message of the error thrown is libpq's, on one line.
  private func connect() throws(StoreError) {
    PQfinish(connection)
    connection = nil
    let keys = ["connect_timeout", "application_name", "dbname"]
    // Entries before `dbname` are defaults the URL may override.
    let values = ["\(Self.connectTimeout)", "ramanujan", url.connectionString]
    let handle = withCStrings(keys) { k in withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
    guard let handle, PQstatus(handle) == CONNECTION_OK else {
      let message = handle.map { Self.oneLine(String(cString: PQerrorMessage($0))) } ?? "out of memory"
      PQfinish(handle)
      throw StoreError(message)
    }
    PQsetNoticeProcessor(handle, { _, _ in }, nil)
    connection = handle
    if readOnly { try run("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", []) { _ in } }
  }

  /// libpq's messages span lines (a detail, a hint, a tab-indented question): joined into one.
  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      .joined(separator: "; ")
  }

  func execute(_ sql: String) throws(StoreError) { try query(sql, []) }

  @discardableResult
  func query(_ sql: String, _ parameters: [StoreValue]) throws(StoreError) -> [[StoreValue]] {
    var rows: [[StoreValue]] = []
    if inTransaction {
      try run(sql, parameters) { rows.append($0) }
      return rows
    }
    // The rows are handed over only once all are read: after a lost connection, read them again.
    return try withRetry { () throws(StoreError) -> [[StoreValue]] in
      rows.removeAll()
      try run(sql, parameters) { rows.append($0) }
      return rows
    }
  }

  func forEachRow(
    _ sql: String, _ parameters: [StoreValue], _ body: ([StoreValue]) throws(StoreError) -> Void
  ) throws(StoreError) {
    if inTransaction { return try run(sql, parameters, body) }
    var delivered = false
    try withRetry { () throws(StoreError) in
      // Rows already handed over cannot be taken back: a connection lost after them is an error.
      if delivered { throw StoreError("store '\(location)': the connection was lost while reading") }
      try run(sql, parameters) { row throws(StoreError) in
        delivered = true
        try body(row)
      }
    }
  }

  func transaction<T>(immediate: Bool, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
    if inTransaction { return try body() }
    return try withRetry { () throws(StoreError) -> T in
      try run(immediate ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", []) { _ in }
      inTransaction = true
      defer { inTransaction = false }
      do throws(StoreError) {
        let value = try body()
        try run("COMMIT", []) { _ in }
        return value
      } catch {
        if PQstatus(connection) == CONNECTION_OK {
          let wasTransient = transient
          try? run("ROLLBACK", []) { _ in }
          transient = wasTransient
        }
        throw error
      }
    }
  }

  func tableNames() throws(StoreError) -> Set<String> {
    Set(
      try query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()", []
      ).compactMap { $0[0].string })
  }

  /// Runs `operation`, again after a lost connection (re-opened with backoff) until `retrySeconds` pass.
  private func withRetry<T>(_ operation: () throws(StoreError) -> T) throws(StoreError) -> T {
    let start = Date()
    var delay = 0.25
    while true {
      transient = false
      do throws(StoreError) {
        if connection == nil || PQstatus(connection) != CONNECTION_OK {
          transient = true
          do { try connect() } catch {
            let refused = ["password authentication failed", "no password supplied", "does not exist"]
            transient = !refused.contains(where: error.message.contains)
            throw StoreError("store '\(location)': cannot reconnect: \(error.message)")
          }
          transient = false
        }
        return try operation()
      } catch {
        let elapsed = Date().timeIntervalSince(start)
        guard transient else { throw error }
        guard elapsed + delay <= retrySeconds else {
          throw StoreError("\(error.message) (gave up after retrying for \(Int(elapsed.rounded())) s)")
        }
        FileHandle.standardError.write(
          Data("ramanujan: \(error.message); retrying in \(String(format: "%.2f", delay)) s\n".utf8))
        Thread.sleep(forTimeInterval: delay * Double.random(in: 0.8...1.2))
        delay = min(delay * 2, 10)
      }
    }
  }

  /// Runs one statement, handing each row to `body` as libpq reads it (single-row mode: constant
  /// memory for a table of any size). Sets `transient` when the error is worth a retry.
  private func run(
    _ sql: String, _ parameters: [StoreValue], _ body: ([StoreValue]) throws(StoreError) -> Void
  ) throws(StoreError) {
    guard let connection, PQstatus(connection) == CONNECTION_OK else {
      transient = true
      throw StoreError("store '\(location)': not connected")
    }
    let texts: [String?] = parameters.map { p in
      switch p {
      case .integer(let v): return String(v)
      case .real(let v): return "\(v)"
      case .text(let v): return v
      // bytea's hex input format; the column's type tells the server how to read it.
      case .blob(let v): return Self.hex(v)
      case .null: return nil
      }
    }
    // Without parameters, the simple protocol: it runs several statements (a migration step).
    let sent =
      texts.isEmpty
      ? PQsendQuery(connection, sql)
      : withCStrings(texts) { values in
        PQsendQueryParams(connection, Self.numbered(sql), Int32(texts.count), nil, values, nil, nil, 0)
      }
    guard sent == 1 else { throw failure(nil) }
    PQsetSingleRowMode(connection)
    var error: StoreError?
    // Every result is read, even after an error, so that the connection is ready for the next statement.
    while let result = PQgetResult(connection) {
      defer { PQclear(result) }
      switch PQresultStatus(result) {
      case PGRES_SINGLE_TUPLE:
        guard error == nil else { continue }
        let row = (0..<PQnfields(result)).map { Self.value(result, column: $0) }
        do { try body(row) } catch let thrown { error = thrown }
      case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
        break
      default:
        if error == nil { error = failure(result) }
      }
    }
    if let error { throw error }
  }

  /// The error of `result` (or of the connection), with `transient` set for the retryable kinds.
  private func failure(_ result: OpaquePointer?) -> StoreError {
    let code = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) } ?? ""
    let primary = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "M"))) }.map { String(cString: $0) }
    let message = primary ?? Self.oneLine(String(cString: PQerrorMessage(connection)))
    // 08: connection exceptions; 57P01-3: the server shutting down or starting; 40001, 40P01:
    // serialization failure and deadlock, which a new attempt resolves.
    transient =
      PQstatus(connection) != CONNECTION_OK || code.hasPrefix("08")
      || ["57P01", "57P02", "57P03", "40001", "40P01"].contains(code)
    return StoreError("store '\(location)': \(Self.oneLine(message))")
  }

  /// The column `column` of the single row of `result`, typed by the column's type.
  static func value(_ result: OpaquePointer, column: Int32) -> StoreValue {
    if PQgetisnull(result, 0, column) == 1 { return .null }
    let text = String(cString: PQgetvalue(result, 0, column))
    switch PQftype(result, column) {
    case 16: return .integer(text == "t" ? 1 : 0)  // bool
    case 20, 21, 23, 26: return Int(text).map(StoreValue.integer) ?? .text(text)  // int8, int2, int4, oid
    case 700, 701: return Double(text).map(StoreValue.real) ?? .text(text)  // float4, float8
    case 1700: return Int(text).map(StoreValue.integer) ?? Double(text).map(StoreValue.real) ?? .text(text)  // numeric
    case 17: return .blob(bytes(PQgetvalue(result, 0, column)))  // bytea
    default: return .text(text)
    }
  }

  /// `bytes` in bytea's hex format: `\\x` then two lower-case hex digits a byte.
  static func hex(_ bytes: [UInt8]) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = [UInt8(ascii: "\\"), UInt8(ascii: "x")]
    out.reserveCapacity(2 + 2 * bytes.count)
    for b in bytes {
      out.append(digits[Int(b >> 4)])
      out.append(digits[Int(b & 15)])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The bytes of a bytea column's text (hex, or the older escape format a server may be set to).
  static func bytes(_ text: UnsafePointer<CChar>?) -> [UInt8] {
    guard let text else { return [] }
    var length = 0
    guard let raw = text.withMemoryRebound(to: UInt8.self, capacity: 1, { PQunescapeBytea($0, &length) }) else {
      return []
    }
    defer { PQfreemem(raw) }
    return Array(UnsafeBufferPointer(start: raw, count: length))
  }

  /// `sql` with each `?` outside quotes numbered `$1`, `$2`, … as PostgreSQL writes parameters.
  static func numbered(_ sql: String) -> String {
    var out = ""
    var n = 0
    var quote: Character?
    for c in sql {
      if let q = quote {
        if c == q { quote = nil }
        out.append(c)
      } else if c == "'" || c == "\"" {
        quote = c
        out.append(c)
      } else if c == "?" {
        n += 1
        out += "$\(n)"
      } else {
        out.append(c)
      }
    }
    return out
  }
}

/// Calls `body` with `strings` as a C array of C strings (a `nil` entry a null pointer) ended by a null pointer.
private func withCStrings<R>(_ strings: [String?], _ body: ([UnsafePointer<CChar>?]) -> R) -> R {
  let copies = strings.map { $0.flatMap { strdup($0) } }
  defer { copies.forEach { free($0) } }
  return body(copies.map { $0.map { UnsafePointer($0) } } + [nil])
}
