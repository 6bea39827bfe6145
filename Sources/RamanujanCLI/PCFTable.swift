import Ramanujan

/// A TSV table of PCFs shaped like shared/validation/pcf-formulas.tsv: `#` comment lines, a header
/// naming columns `a(n)` (or `a`) and `b(n)` (or `b`), optionally `id` and `limit` (an expression).
struct PCFTable {
  struct Row {
    let id: String
    let pcf: PCF
    let limit: ConstantExpression?
  }

  struct RowError: Error, Equatable, CustomStringConvertible {
    let path: String
    let line: Int
    let message: String
    var description: String { "\(path):\(line): \(message)" }
  }

  let rows: [Result<Row, RowError>]

  init(path: String) throws {
    let text = try readTextFile(path)
    try self.init(text: text, path: path)
  }

  init(text: String, path: String) throws {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
    }
    guard let headerIndex = lines.firstIndex(where: { !$0.hasPrefix("#") && !$0.trimmed.isEmpty }) else {
      throw RowError(path: path, line: 1, message: "no header line with columns a(n) and b(n)")
    }
    let header = lines[headerIndex].split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
    func column(_ names: String...) -> Int? { header.firstIndex { names.contains($0) } }
    guard let aColumn = column("a(n)", "a"), let bColumn = column("b(n)", "b") else {
      throw RowError(
        path: path, line: headerIndex + 1,
        message: "the header must name columns 'a(n)' and 'b(n)'; it has \(header.joined(separator: ", "))")
    }
    let idColumn = column("id")
    let limitColumn = column("limit")
    var rows: [Result<Row, RowError>] = []
    for (index, line) in lines.enumerated().dropFirst(headerIndex + 1) {
      if line.hasPrefix("#") || line.trimmed.isEmpty { continue }
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
      let lineNumber = index + 1
      func cell(_ k: Int?) -> String? { k.flatMap { $0 < cells.count && !cells[$0].isEmpty ? cells[$0] : nil } }
      let id = cell(idColumn) ?? "line \(lineNumber)"
      guard let aText = cell(aColumn), let bText = cell(bColumn) else {
        rows.append(.failure(RowError(path: path, line: lineNumber, message: "row '\(id)' has no a(n) or b(n)")))
        continue
      }
      do {
        let a = try Polynomial(parsing: aText)
        let b = try Polynomial(parsing: bText)
        let limit = try cell(limitColumn).map { try ConstantExpression(parsing: $0) }
        rows.append(.success(Row(id: id, pcf: PCF(a: a, b: b), limit: limit)))
      } catch {
        rows.append(.failure(RowError(path: path, line: lineNumber, message: "row '\(id)': \(error)")))
      }
    }
    self.rows = rows
  }

}

extension String {
  /// Without leading and trailing spaces and tabs.
  var trimmed: String {
    var s = Substring(self)
    while s.first == " " || s.first == "\t" { s = s.dropFirst() }
    while s.last == " " || s.last == "\t" { s = s.dropLast() }
    return String(s)
  }
}
