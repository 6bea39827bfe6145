import Foundation

/// The text of a file, or `nil` when it cannot be read as UTF-8.
func readTextFile(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

/// Whether a file exists and is readable (without reading it: stores can be large).
func isReadableFile(_ path: String) -> Bool { FileManager.default.isReadableFile(atPath: path) }
