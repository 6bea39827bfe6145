/// A PostgreSQL connection URL, `postgres://user[:password]@host[:port]/db[?sslmode=…]` (libpq's
/// URI syntax: several `host:port` separated by commas, `[::1]`, percent-encoding and any libpq
/// parameter after `?` are handed to libpq as they are).
///
/// The password, when the URL holds one (after `user:` or as `password=`), is used to connect and
/// never shown: `redacted` is the URL without it, and it is what messages, logs and generated
/// scripts name. Otherwise libpq reads `PGPASSWORD` or `~/.pgpass` (or `PGPASSFILE`).
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
  /// The URL as given, password included: handed to libpq only.
  let connectionString: String
  /// The URL without its password.
  public let redacted: String
  /// Whether the URL itself holds a password.
  public let hasPassword: Bool

  public var description: String { redacted }

  /// Whether `text` is meant as a PostgreSQL URL (it starts with `postgres://` or `postgresql://`).
  public static func isURL(_ text: String) -> Bool {
    let lower = text.prefix(16).lowercased()
    return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
  }

  /// - Throws: `StoreError` when `text` is not a PostgreSQL URL or holds control characters or spaces
  ///   (which no URL holds unencoded; the message never repeats the password).
  public init(_ text: String) throws(StoreError) {
    guard Self.isURL(text), let schemeEnd = text.range(of: "://") else {
      throw StoreError("a PostgreSQL store is a URL postgres://user@host[:port]/database")
    }
    let scheme = String(text[..<schemeEnd.upperBound])
    let rest = text[schemeEnd.upperBound...]
    let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
    let authority = rest[..<authorityEnd]
    var tail = String(rest[authorityEnd...])
    var redactedAuthority = String(authority)
    var hasPassword = false
    if let at = authority.lastIndex(of: "@") {
      let userinfo = authority[..<at]
      if let colon = userinfo.firstIndex(of: ":") {
        hasPassword = true
        redactedAuthority = String(userinfo[..<colon]) + String(authority[at...])
      }
    }
    if let question = tail.firstIndex(of: "?") {
      let parameters = tail[tail.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false)
      let kept = parameters.filter { !$0.lowercased().hasPrefix("password=") }
      hasPassword = hasPassword || kept.count != parameters.count
      tail = String(tail[..<question]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }
    let redacted = scheme + redactedAuthority + tail
    let isControl = { (c: Unicode.Scalar) in c.value <= 0x20 || c.value == 0x7F }
    if text.unicodeScalars.contains(where: isControl) {
      let shown = String(String.UnicodeScalarView(redacted.unicodeScalars.map { isControl($0) ? "?" : $0 }))
      throw StoreError(
        "store URL '\(shown)' holds a space or control character (percent-encode it: a space is %20)")
    }
    connectionString = text
    self.redacted = redacted
    self.hasPassword = hasPassword
  }
}
