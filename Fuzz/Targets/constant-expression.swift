import Identification

/// `ConstantExpression(parsing:)`: errors are thrown (never traps) and fit on one line; an
/// expression read prints canonically and reads back to the same tree.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConstantExpression(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let input = text(start, count)
  let e: ConstantExpression
  do {
    e = try ConstantExpression(parsing: input)
  } catch {
    expectOneLine("\(error)", input)
    return 0
  }
  let printed = e.description
  do {
    let again = try ConstantExpression(parsing: printed)
    invariant(again == e, "round trip of \(input.debugDescription) through \(printed.debugDescription)")
    invariant(again.description == printed, "canonical text not stable: \(printed)")
  } catch {
    invariant(false, "canonical text \(printed.debugDescription) of \(input.debugDescription) not read back: \(error)")
  }
  _ = e.rationalValue
  _ = e.constants
  _ = e.hashValue
  return 0
}
