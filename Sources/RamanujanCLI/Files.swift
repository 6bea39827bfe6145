import ArgumentParser
import Foundation

/// The text of a file, or `nil` when it cannot be read as UTF-8.
func readTextFile(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

/// The text of a file (`-`: standard input), read as UTF-8.
/// - Throws: `ValidationError` naming the path and the reason.
func readTextFile(_ path: String) throws -> String {
  let limit = 64 << 20
  let handle: FileHandle
  if path == "-" {
    handle = FileHandle.standardInput
  } else {
    var isDirectory: ObjCBool = false
    guard !path.isEmpty else { throw ValidationError("cannot read '': the path is empty") }
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw ValidationError("cannot read '\(path)': no such file")
    }
    guard !isDirectory.boolValue else { throw ValidationError("cannot read '\(path)': it is a directory") }
    guard let h = FileHandle(forReadingAtPath: path) else {
      throw ValidationError("cannot read '\(path)': permission denied")
    }
    handle = h
  }
  // At most `limit` bytes: a device such as /dev/zero never ends.
  guard let data = try? handle.read(upToCount: limit + 1) ?? Data() else {
    throw ValidationError("cannot read '\(path)': read error")
  }
  guard data.count <= limit else { throw ValidationError("cannot read '\(path)': larger than 64 MB") }
  guard let text = String(data: data, encoding: .utf8) else {
    throw ValidationError("cannot read '\(path)': not UTF-8 text")
  }
  return text
}

/// Whether a file exists and is readable (without reading it: stores can be large).
func isReadableFile(_ path: String) -> Bool { FileManager.default.isReadableFile(atPath: path) }
