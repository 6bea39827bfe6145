import Multiprecision
import Polynomials

/// Known conservative matrix fields, as factory functions (they double as test fixtures).
///
/// Conventions are ramanujantools' (`ramanujantools.cmf.known_cmfs`), so trajectory matrices and
/// limits compare one to one.
public enum KnownCMFs {
  /// The e field: Mx = [[1, −y−1], [−1, x+y+2]], My = [[0, −y−1], [−1, x+y+1]].
  /// Along (1, 1) from (0, 0) the walk tends to 1/(1 − e).
  public static func e() -> CMF {
    _field(
      "e", ["x", "y"],
      [
        [["1", "-y-1"], ["-1", "x+y+2"]],
        [["0", "-y-1"], ["-1", "x+y+1"]],
      ])
  }

  /// The π field: Mx = [[x, −x], [−y, 2x+y+1]], My = [[1+y, −x], [−1−y, x+2y+1]].
  /// Along (1, 1) from (1, 0) the walk tends to (2 − π)/2.
  public static func pi() -> CMF {
    _field(
      "pi", ["x", "y"],
      [
        [["x", "-x"], ["-y", "2x+y+1"]],
        [["1+y", "-x"], ["-1-y", "x+2y+1"]],
      ])
  }

  /// The ζ(3) field: Mx = [[0, −x³], [(x+1)³, x³+(x+1)³+2y(y−1)(2x+1)]],
  /// My = [[−x³+2x²y−2xy²+y³, −x³], [x³, x³+2x²y+2xy²+y³]].
  /// Along (1, 1) from (1, 1) the walk tends to (1 − ζ(3))/ζ(3); from (0, 0) its companion form
  /// deflates to Apéry's PCF((2n+1)(17n²+17n+5), −n⁶) = 6/ζ(3).
  public static func zeta3() -> CMF {
    _field(
      "zeta3", ["x", "y"],
      [
        [["0", "-x^3"], ["(x+1)^3", "x^3+(x+1)^3+2y(y-1)(2x+1)"]],
        [["-x^3+2x^2y-2xy^2+y^3", "-x^3"], ["x^3", "x^3+2x^2y+2xy^2+y^3"]],
      ])
  }

  /// The ln 2 field: the f/f̄ construction with f = x + y, f̄ = x − y. Along (1, 1) from (1, 1)
  /// the walk tends to −1 + 1/ln 2.
  public static func ln2() -> CMF {
    let x = MultivariatePolynomial.variable(0, of: 2)
    let y = MultivariatePolynomial.variable(1, of: 2)
    return try! ffbar(f: x + y, fbar: x - y, name: "ln2")
  }

  /// The field derived from ₂F₁ (three axes a, b, c):
  /// Ma = [[1+2a, (1+2a)(1+2b)], [1, 5+4a+2b+4c]], Mb = [[1+2b, (1+2a)(1+2b)], [1, 5+2a+4b+4c]],
  /// Mc = [[−1−2c, (1+2a)(1+2b)], [1, 3+2a+2b+2c]].
  public static func hypergeometric2F1() -> CMF {
    _field(
      "2f1", ["a", "b", "c"],
      [
        [["1+2a", "(1+2a)(1+2b)"], ["1", "5+4a+2b+4c"]],
        [["1+2b", "(1+2a)(1+2b)"], ["1", "5+2a+4b+4c"]],
        [["-1-2c", "(1+2a)(1+2b)"], ["1", "3+2a+2b+2c"]],
      ])
  }

  /// The field derived from ₃F₂ at a rational z ∉ {0, 1} (axes x0, x1, x2, y0, y1): with
  /// Sx = x0+x1+x2, Tx = x0x1+x0x2+x1x2, Px = x0x1x2, Sy = y0+y1, Ty = y0y1 and
  /// M = [[0, 0, Px/((1−z)z)], [z, 1, ((Tx+Sx+1)z − Ty)/((1−z)z)], [0, z, ((Sx+1)z+Sy+1)/(1−z)]],
  /// M_xᵢ = M/xᵢ + I and M_yᵢ = −M/(yᵢ+1) + I.
  public static func hypergeometric3F2(z: BigRational) -> CMF {
    precondition(!z.isZero && z != 1, "the 3F2 field needs z ∉ {0, 1}, got \(z)")
    let names = ["x0", "x1", "x2", "y0", "y1"]
    let d = 5
    func v(_ i: Int) -> MultivariateRationalFunction { MultivariateRationalFunction(.variable(i, of: d)) }
    let zz = MultivariateRationalFunction(z, variables: d)
    let one = MultivariateRationalFunction(1, variables: d)
    let zero = MultivariateRationalFunction(0, variables: d)
    let sx = v(0) + v(1) + v(2)
    let tx = v(0) * v(1) + v(0) * v(2) + v(1) * v(2)
    let px = v(0) * v(1) * v(2)
    let sy = v(3) + v(4)
    let ty = v(3) * v(4)
    let w = (one - zz) * zz
    let m = MultivariateMatrix([
      [zero, zero, px / w],
      [zz, one, ((tx + sx + one) * zz - ty) / w],
      [zero, zz, ((sx + one) * zz + sy + one) / (one - zz)],
    ])
    let identity = MultivariateMatrix.identity(3, variables: d)
    var matrices: [MultivariateMatrix] = []
    for i in 0..<3 { matrices.append(v(i).reciprocal * m + identity) }
    for i in 3..<5 { matrices.append(-(v(i) + one).reciprocal * m + identity) }
    return try! CMF(name: "3f2:\(z)", axes: names, matrices: matrices)
  }

  /// A field given as matrix text in the axis names (known to be well formed).
  static func _field(_ name: String, _ axes: [String], _ rows: [[[String]]]) -> CMF {
    try! CMF(name: name, axes: axes, matrices: rows.map { try! MultivariateMatrix(parsing: $0, variables: axes) })
  }
}

// MARK: - The f/f̄ construction

/// Why f and f̄ do not make a field.
public enum FFbarError: Error, Sendable, Equatable, CustomStringConvertible {
  /// f(x+1, y−1) − f̄(x, y−1) + f̄(x+1, y) − f(x, y) ≠ 0; the value is the left side.
  case linearCondition(String)
  /// ff̄(x, y) − ff̄(x, 0) − ff̄(0, y) + ff̄(0, 0) ≠ 0; the value is the left side.
  case quadraticCondition(String)
  /// f and f̄ must be polynomials in the two axes x, y.
  case variables(Int)

  public var description: String {
    switch self {
    case .linearCondition(let value):
      return "f and f̄ fail the linear condition f(x+1,y-1) - f̄(x,y-1) + f̄(x+1,y) - f(x,y) = 0: it is \(value)"
    case .quadraticCondition(let value):
      return "f and f̄ fail the quadratic condition ff̄(x,y) - ff̄(x,0) - ff̄(0,y) + ff̄(0,0) = 0: it is \(value)"
    case .variables(let count):
      return "f and f̄ must be polynomials in the 2 axes x, y, got \(count) variables"
    }
  }
}

extension KnownCMFs {
  /// The f/f̄ field of two polynomials in x, y satisfying
  /// f(x+1, y−1) − f̄(x, y−1) + f̄(x+1, y) − f(x, y) = 0 (linear) and
  /// ff̄(x, y) − ff̄(x, 0) − ff̄(0, y) + ff̄(0, 0) = 0 (quadratic), with
  /// b(x) = ff̄(x, 0) − ff̄(0, 0), a(x, y) = f(x, y) − f̄(x+1, y),
  /// Mx = [[0, b], [1, a]], My = [[f̄, b], [1, f]].
  /// - Throws: `FFbarError` naming the condition that fails and its value.
  public static func ffbar(f: MultivariatePolynomial, fbar: MultivariatePolynomial, name: String? = nil)
    throws(FFbarError)
    -> CMF
  {
    guard f.variableCount == 2, fbar.variableCount == 2 else {
      throw .variables(max(f.variableCount, fbar.variableCount))
    }
    let names = ["x", "y"]
    let linear = f.shifted(by: [1, -1]) - fbar.shifted(by: [0, -1]) + fbar.shifted(by: [1, 0]) - f
    guard linear.isZero else { throw .linearCondition(_abbreviated(linear, names)) }
    let product = f * fbar
    let x = MultivariatePolynomial.variable(0, of: 2)
    let y = MultivariatePolynomial.variable(1, of: 2)
    let zero = MultivariatePolynomial.zero(variables: 2)
    let atX0 = product.substituting([x, zero])
    let at0Y = product.substituting([zero, y])
    let at00 = product.substituting([zero, zero])
    let quadratic = product - atX0 - at0Y + at00
    guard quadratic.isZero else { throw .quadraticCondition(_abbreviated(quadratic, names)) }
    let b = atX0 - at00
    let a = f - fbar.shifted(by: [1, 0])
    let one = MultivariatePolynomial.one(variables: 2)
    return try! CMF(
      name: name ?? "ffbar", axes: names,
      matrices: [MultivariateMatrix([[zero, b], [one, a]]), MultivariateMatrix([[fbar, b], [one, f]])])
  }
}

/// A polynomial for a message: its text, or its first 120 characters and the number of terms
/// when longer.
func _abbreviated(_ p: MultivariatePolynomial, _ names: [String]) -> String {
  let text = p.description(variables: names)
  guard text.count > 120 else { return text }
  return String(text.prefix(120)) + "… (\(p.terms.count) terms)"
}
