import Identification
import Multiprecision
import Polynomials
import Recurrences
import Search
import Testing

@Suite struct RecurrenceIdentificationTests {
  func r(_ texts: [String]) -> LinearRecurrence {
    LinearRecurrence(coefficients: texts.map { try! Polynomial(parsing: $0) })
  }

  @Test("order 3 for γ (arXiv:1010.1420): the initial values (3,12,59)/(6,21,102) of ramanujantools' test")
  func eulerGamma() throws {
    let gamma = r(["-(n-1)(n+2)", "2n^3+7n^2+n-8", "-(n+1)^2(n^2+3n-2)", "n^3(n+1)"])
    let value = try ConstantExpression(parsing: "gamma").evaluate(.digits(200))
    let found = try #require(gamma.identifyInitialValues(value, depth: 1000, start: 2))
    #expect(found.numerator == [3, 12, 59] && found.denominator == [6, 21, 102])
    #expect(found.digits >= 50)
    // A constant the recurrence does not give: π.
    #expect(gamma.identifyInitialValues(.pi(.digits(200)), depth: 1000, start: 2) == nil)
  }

  @Test("order 3 for e·γ + Gompertz (arXiv:0902.1768): 17/(3u0+2u1−7u2) up to sign")
  func eulerGompertz() throws {
    let recurrence = r([
      "-(16n+1)(16n-15)", "(16n-15)(256n^3+528n^2+352n+73)", "-(16n+17)(128n^3+40n^2-82n-45)", "n^2(16n+17)(16n+1)",
    ])
    let value = try ConstantExpression(parsing: "e*gamma+gompertz").evaluate(.digits(1200))
    let found = try #require(recurrence.identifyInitialValues(value, depth: 200, start: 1))
    #expect(found.numerator == [0, 0, -17] && found.denominator == [3, 2, -7])
    #expect(found.digits > 1000)
  }
}
