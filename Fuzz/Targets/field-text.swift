import MatrixFields

/// `CMF(parsing:)`, the field-file format: errors are thrown (never traps) and fit on one line; a
/// field read prints as text that reads back to the same axes and matrices.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFieldText(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let input = text(start, count)
  let field: CMF
  do {
    field = try CMF(parsing: input)
  } catch {
    expectOneLine("\(error)", input)
    return 0
  }
  let printed = field.text
  do {
    let again = try CMF(parsing: printed)
    invariant(again.axes == field.axes, "axes of \(printed.debugDescription)")
    invariant(again.matrices == field.matrices, "round trip of \(input.debugDescription) through \(printed.debugDescription)")
    invariant(again.text == printed, "canonical text not stable: \(printed.debugDescription)")
  } catch {
    invariant(false, "text \(printed.debugDescription) of \(input.debugDescription) not read back: \(error)")
  }
  return 0
}
