import Search

/// `SearchSpec(json:)`, templates included: errors are thrown (never traps) and fit on one line; a
/// spec read has a canonical JSON that reads back to the same spec; its templates evaluate at the
/// corners of the parameter ranges without trapping.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearchSpec(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let input = text(start, count)
  let spec: SearchSpec
  do {
    spec = try SearchSpec(json: input)
  } catch {
    expectOneLine("\(error)", input)
    return 0
  }
  do {
    let again = try SearchSpec(json: spec.canonicalJSON)
    invariant(again == spec, "round trip of \(input.debugDescription) through \(spec.canonicalJSON)")
    invariant(again.canonicalJSON == spec.canonicalJSON, "canonical JSON not stable")
  } catch {
    invariant(false, "canonical JSON \(spec.canonicalJSON.debugDescription) not read back: \(error)")
  }
  _ = spec.size
  _ = spec.hashText
  for template in [spec.a, spec.b] {
    let ranges = template.parameters.map { name in spec.parameters.first { $0.name == name }!.range }
    _ = template.coefficients(ranges.map(\.lowerBound))
    _ = template.coefficients(ranges.map(\.upperBound))
    _ = template.polynomial(ranges.map { _ in 1 })
  }
  return 0
}
