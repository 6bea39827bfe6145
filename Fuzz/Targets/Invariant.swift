// Shared by every fuzz target: an invariant that fails stops the fuzzer with a message (libFuzzer
// saves the input as a crash artifact).

/// Stops with `message` unless `condition` holds.
func invariant(_ condition: Bool, _ message: @autoclosure () -> String, line: UInt = #line) {
  if !condition { fatalError("invariant failed: \(message())", line: line) }
}

/// The input as text: invalid UTF-8 is repaired to U+FFFD, as the command line and files do.
func text(_ start: UnsafeRawPointer, _ count: Int) -> String {
  String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
}

/// An error message must be one line.
func expectOneLine(_ message: String, _ input: String) {
  invariant(!message.contains { $0.isNewline }, "message on several lines for \(input.debugDescription): \(message)")
}
