import MatrixFields
import Multiprecision
import Polynomials
import Search

/// `Polynomial(parsing:)` / `RationalPolynomial(parsing:)`: errors are thrown (never traps), name
/// a column inside the text and fit on one line; a polynomial read prints canonically and reads back
/// to itself; the field-expression and template readers agree with it where they accept the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPolynomial(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let input = text(start, count)
  let p: RationalPolynomial
  do {
    p = try RationalPolynomial(parsing: input)
  } catch let error as PolynomialParseError {
    invariant(error.input == input, "error input")
    invariant(error.column >= 1 && error.column <= input.count + 1, "column \(error.column) of \(input.count)")
    expectOneLine("\(error)", input)
    return 0
  } catch {
    invariant(false, "unexpected error type \(type(of: error))")
    return 0
  }
  let printed = p.description
  do {
    let again = try RationalPolynomial(parsing: printed)
    invariant(again == p, "round trip of \(input.debugDescription) through \(printed.debugDescription)")
    invariant(again.description == printed, "canonical text not stable: \(printed)")
  } catch {
    invariant(false, "canonical text \(printed.debugDescription) of \(input.debugDescription) not read back: \(error)")
  }
  if let integer = p.integerPolynomial {
    invariant((try? Polynomial(parsing: input)) == integer, "integer reading of \(input.debugDescription)")
  }
  // The field-expression reader in the variable n agrees wherever it accepts the text.
  if let f = try? MultivariateRationalFunction(parsing: input, variables: ["n"]) {
    for x in [0, 1, 2, -3, 7] {
      if let value = f.evaluated(at: [BigRational(x)]) {
        invariant(value == p(BigRational(x)), "field reader disagrees on \(input.debugDescription) at \(x)")
      }
    }
  }
  // The template reader agrees where it reads the text without parameters.
  if let t = try? PolynomialTemplate(parsing: input), t.parameters.isEmpty, let c = t.coefficients([]) {
    invariant(
      RationalPolynomial(coefficients: c.map { BigRational($0) }) == p,
      "template reader disagrees on \(input.debugDescription)")
  }
  return 0
}
