import ArgumentParser
import Foundation

/// The largest text file the CLI reads whole (tables, specs, field files): 256 MiB.
let maxTextFileBytes = 256 << 20

/// The text of a file as UTF-8, with CRLF and lone CR line ends turned into LF and a leading
/// byte-order mark dropped. `-` (and `/dev/stdin`) read standard input to its end.
/// - Throws: `ValidationError` naming the path and the reason (missing, a directory, not
///   readable, larger than `maxTextFileBytes`, not UTF-8 with the offset of the first bad byte).
func readTextFile(_ path: String) throws -> String {
  let data = try readFileData(path)
  guard let text = String(validating: data, as: UTF8.self) else {
    let offset = firstInvalidUTF8Offset(data) ?? 0
    throw ValidationError("'\(path)': not UTF-8 text (invalid byte at offset \(offset))")
  }
  return normalizedLineEnds(text)
}

/// The bytes of a file or of standard input (`-`), refusing directories and files above the cap.
private func readFileData(_ path: String) throws -> Data {
  if path.isEmpty { throw ValidationError("the file name is empty") }
  let handle: FileHandle
  if path == "-" || path == "/dev/stdin" {
    handle = FileHandle.standardInput
  } else {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ValidationError("'\(path)': no such file")
    }
    if isDirectory.boolValue { throw ValidationError("'\(path)': is a directory, not a file") }
    guard let opened = FileHandle(forReadingAtPath: path) else {
      throw ValidationError("'\(path)': permission denied or not readable")
    }
    handle = opened
  }
  defer { if handle !== FileHandle.standardInput { try? handle.close() } }
  var data = Data()
  while true {
    let chunk: Data?
    do { chunk = try handle.read(upToCount: 1 << 20) } catch {
      throw ValidationError("'\(path)': cannot be read (\(error.localizedDescription))")
    }
    guard let chunk, !chunk.isEmpty else { break }
    data.append(chunk)
    if data.count > maxTextFileBytes {
      throw ValidationError("'\(path)': larger than \(maxTextFileBytes >> 20) MiB, the limit for a text input")
    }
  }
  return data
}

/// The offset of the first byte that does not continue a valid UTF-8 sequence.
private func firstInvalidUTF8Offset(_ data: Data) -> Int? {
  var iterator = data.makeIterator()
  var decoder = UTF8()
  var offset = 0
  var consumed = 0
  while true {
    switch decoder.decode(&iterator) {
    case .scalarValue(let scalar):
      consumed += UTF8.width(scalar)
      offset = consumed
    case .emptyInput: return nil
    case .error: return offset
    }
  }
}

/// `text` with "\r\n" and lone "\r" replaced by "\n", and without a leading U+FEFF.
func normalizedLineEnds(_ text: String) -> String {
  var scalars = String.UnicodeScalarView()
  var previousCR = false
  for (index, s) in text.unicodeScalars.enumerated() {
    if index == 0 && s == "\u{FEFF}" { continue }
    if s == "\r" {
      scalars.append("\n")
      previousCR = true
      continue
    }
    if s == "\n" && previousCR {
      previousCR = false
      continue
    }
    previousCR = false
    scalars.append(s)
  }
  return String(scalars)
}

/// Whether a file exists and is readable (without reading it: stores can be large).
func isReadableFile(_ path: String) -> Bool { FileManager.default.isReadableFile(atPath: path) }
