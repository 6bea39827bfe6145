import Multiprecision
import Polynomials

/// Why a field name could not be resolved (one line: control characters are shown as escapes).
public struct FieldNameError: Error, Sendable, Equatable, CustomStringConvertible {
  public let name: String
  public let reason: String

  public var description: String { _ExpressionLimits.escaped("unknown field '\(name)': \(reason)") }
}

extension KnownCMFs {
  /// The known fields by name, with what they hold: the text `ramanujan cmf list` prints.
  public static let catalog: [(name: String, summary: String)] = [
    ("e", "2 axes (x, y), rank 2: along (1,1) from (0,0) the walk tends to 1/(1-e)"),
    ("pi", "2 axes (x, y), rank 2: along (1,1) from (1,0) the walk tends to (2-pi)/2"),
    ("zeta3", "2 axes (x, y), rank 2: along (1,1) from (1,1) to (1-zeta(3))/zeta(3); Apery's PCF from (0,0)"),
    ("ln2", "2 axes (x, y), rank 2: the f/fbar field of f = x+y, fbar = x-y; along (1,1) from (1,1) to -1+1/log(2)"),
    ("2f1", "3 axes (a, b, c), rank 2: the field derived from 2F1"),
    ("3f2:Z", "5 axes (x0, x1, x2, y0, y1), rank 3: the field derived from 3F2 at a rational Z other than 0, 1"),
    ("pfq:P,Q,Z", "P+Q axes (x0.., y0..), rank max(P, Q+1) (one less for P = Q+1, Z = 1): the pFq field at rational Z"),
    ("ffbar:F,FBAR", "2 axes (x, y), rank 2: the f/fbar field of two polynomials in x, y"),
    ("meijerg:M,N,P,Q,Z", "P+Q axes (a0.., b0..), rank max(P, Q): the Meijer G^{M,N}_{P,Q} field at rational Z"),
  ]

  /// The field a name stands for: `e`, `pi`, `zeta3`, `ln2`, `2f1`, `3f2:-1`, `pfq:3,2,1`,
  /// `pfq:2,1,1/2`, `ffbar:x+y,x-y`.
  /// - Throws: `FieldNameError` naming the text and what was expected.
  public static func named(_ text: String) throws(FieldNameError) -> CMF {
    let trimmed = text._trimmed(" ")
    let (head, arguments): (String, String?) = {
      guard let colon = trimmed.firstIndex(of: ":") else { return (trimmed.lowercased(), nil) }
      return (String(trimmed[..<colon]).lowercased(), String(trimmed[trimmed.index(after: colon)...]))
    }()
    let names = catalog.map(\.name).joined(separator: ", ")
    func fail(_ reason: String) -> FieldNameError { FieldNameError(name: text, reason: reason) }
    switch (head, arguments) {
    case ("e", nil): return e()
    case ("pi", nil): return pi()
    case ("zeta3", nil): return zeta3()
    case ("ln2", nil): return ln2()
    case ("2f1", nil): return hypergeometric2F1()
    case ("3f2", let a?):
      guard let z = BigRational(a._trimmed(" ")), !z.isZero, z != 1 else {
        throw fail("3f2:Z needs a rational Z other than 0 and 1, got '\(a)'")
      }
      return hypergeometric3F2(z: z)
    case ("pfq", let a?):
      let parts = a.split(separator: ",", omittingEmptySubsequences: false).map { String($0)._trimmed(" ") }
      guard parts.count == 3, let p = Int(parts[0]), let q = Int(parts[1]), p >= 0, q >= 0, p + q >= 1,
        p <= 12, q <= 12, let z = BigRational(parts[2]), !z.isZero, !(p == 1 && q == 0 && z == 1)
      else {
        throw fail("pfq:P,Q,Z needs integers 0 ≤ P, Q ≤ 12 with P + Q ≥ 1 and a rational Z ≠ 0, got '\(a)'")
      }
      return pFq(p, q, z: z)
    case ("ffbar", let a?):
      let parts = a.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 2 else { throw fail("ffbar:F,FBAR needs two polynomials in x, y, got '\(a)'") }
      do {
        let f = try MultivariateRationalFunction(parsing: parts[0], variables: ["x", "y"])
        let fbar = try MultivariateRationalFunction(parsing: parts[1], variables: ["x", "y"])
        guard f.isPolynomial, fbar.isPolynomial else { throw fail("ffbar:F,FBAR needs polynomials, got '\(a)'") }
        // Checking the conditions shifts f and f̄: about terms × degree² coefficient operations each.
        for p in [f.numerator, fbar.numerator] {
          let cost = Double(p.terms.count) * Double(max(1, p.totalDegree)) * Double(max(1, p.totalDegree))
          guard cost <= 2e6 else {
            throw fail(
              "ffbar:F,FBAR: a polynomial of \(p.terms.count) terms and degree \(p.totalDegree) would take about "
                + "\(_formatCount(cost)) operations to check, above the limit of 2e6")
          }
        }
        return try ffbar(f: f.numerator, fbar: fbar.numerator, name: "ffbar:\(a)")
      } catch let error as ExpressionParseError {
        throw fail(error.description)
      } catch let error as FFbarError {
        throw fail(error.description)
      } catch let error as FieldNameError {
        throw error
      } catch {
        throw fail("\(error)")
      }
    case ("meijerg", let a?):
      let parts = a.split(separator: ",", omittingEmptySubsequences: false).map { String($0)._trimmed(" ") }
      guard parts.count == 5, let m = Int(parts[0]), let n = Int(parts[1]), let p = Int(parts[2]),
        let q = Int(parts[3]), (1...4).contains(p), (1...4).contains(q), p + q <= 7, (0...p).contains(n),
        (0...q).contains(m),
        let z = BigRational(parts[4]), !z.isZero
      else {
        throw fail(
          "meijerg:M,N,P,Q,Z needs integers 1 ≤ P, Q ≤ 4 with P + Q ≤ 7 (the inverses grow fast), 0 ≤ N ≤ P, 0 ≤ M ≤ Q and a rational Z ≠ 0, got '\(a)'"
        )
      }
      // p = q = 1 with (−1)^(p−m−n)·z = 1: E is a constant, a field of rank 0.
      if p == 1, q == 1, ((1 - m - n) % 2 == 0 ? z : -z) == 1 {
        throw fail("meijerg:\(a) has rank 0: with P = Q = 1 and (-1)^(P-M-N)·Z = 1 the equation is of degree 0")
      }
      return meijerG(m: m, n: n, p: p, q: q, z: z)
    default:
      throw fail("the known fields are \(names)")
    }
  }
}
