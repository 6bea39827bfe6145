import Multiprecision
import Polynomials

/// Finds f(x, y), f̄(x, y) of total degree ≤ d that embed a PCF in an f/f̄ field: the field
/// M_x = [[0, b(x)], [1, f(x, y) − f̄(x+1, y)]], M_y = [[f̄, b(x)], [1, f]] conserves when
///
/// - (linear) f(x+1, y−1) − f̄(x, y−1) + f̄(x+1, y) − f(x, y) = 0, and
/// - (quadratic) f·f̄(x, y) − f·f̄(x, 0) − f·f̄(0, y) + f·f̄(0, 0) = 0 (every mixed coefficient
///   x^i y^j, i, j ≥ 1, of f·f̄ vanishes),
///
/// with b(x) = f·f̄(x, 0) − f·f̄(0, 0); the PCF is its x-direction at y = 1:
/// a(n) = f(n, 1) − f̄(n+1, 1) and b(n) = f·f̄(n, 1) − f·f̄(0, 1) for n ≥ 1 (ramanujantools'
/// `FFbarSolver.from_pcf`).
///
/// The unknowns are the coefficients of f and f̄. Linear equations are solved exactly as they
/// appear; an equation left in one unknown is solved for its rational roots; when neither is
/// left, an unknown is tried at the integers −`branchRange`…`branchRange` (and every candidate
/// is checked exactly at the end, so an answer is always a true f/f̄ pair; the search may miss
/// pairs that need other values there). Unknowns left free are set to 0.
public struct FFbarSolver: Sendable {
  /// One solution: f and f̄ as coefficient tables, and the number of unknowns left free (a family).
  public struct Solution: Sendable, Equatable, CustomStringConvertible {
    /// coefficients[i][j] of x^i y^j.
    public let f: [[BigRational]]
    public let fbar: [[BigRational]]
    public let freeParameters: Int

    public var description: String { "f = \(Self.text(f)), fbar = \(Self.text(fbar))" }

    /// Text in x, y: `2x^2y - 1/2y + 3`.
    public static func text(_ c: [[BigRational]]) -> String {
      var terms: [(Int, Int, BigRational)] = []
      for (i, row) in c.enumerated() { for (j, v) in row.enumerated() where !v.isZero { terms.append((i, j, v)) } }
      terms.sort { ($0.0 + $0.1, $0.0) > ($1.0 + $1.1, $1.0) }
      guard !terms.isEmpty else { return "0" }
      var out = ""
      for (k, (i, j, v)) in terms.enumerated() {
        let negative = v.signum < 0
        let magnitude = negative ? -v : v
        if k == 0 { out += negative ? "-" : "" } else { out += negative ? " - " : " + " }
        let monomial = (i == 0 ? "" : i == 1 ? "x" : "x^\(i)") + (j == 0 ? "" : j == 1 ? "y" : "y^\(j)")
        let coefficient = magnitude == 1 && !monomial.isEmpty ? "" : magnitude.description
        let separator = !coefficient.isEmpty && !monomial.isEmpty && !magnitude.isInteger ? "*" : ""
        out += coefficient + separator + monomial
      }
      return out
    }
  }

  public let a: Polynomial
  public let b: Polynomial
  public let degree: Int
  public let branchRange: Int
  /// The most branches tried before giving up.
  public let maxBranches: Int

  /// The solver for PCF(a, b) with f, f̄ of total degree ≤ `degree` (default
  /// max(deg a, ⌈deg b / 2⌉), as ramanujantools). Precondition: 0 ≤ degree ≤ 6.
  public init(a: Polynomial, b: Polynomial, degree: Int? = nil, branchRange: Int = 3, maxBranches: Int = 4000) {
    let d = degree ?? Swift.max(a.degree, (b.degree + 1) / 2, 1)
    precondition((0...6).contains(d), "f/f̄ degree \(d) must be in 0...6")
    self.a = a
    self.b = b
    self.degree = d
    self.branchRange = branchRange
    self.maxBranches = maxBranches
  }

  /// The f/f̄ pairs found (distinct), each checked exactly against all four conditions.
  /// - Complexity: a few hundred quadratic forms in 2·(d+1)(d+2)/2 unknowns, times the branches.
  public func solve() -> [Solution] {
    let d = degree
    var index: [_XY: Int] = [:]
    for i in 0...d { for j in 0...(d - i) { index[_XY(i, j)] = index.count } }
    let n = index.count
    let f = _Poly(index.mapValues { _Affine(variable: $0) })
    let fbar = _Poly(index.mapValues { _Affine(variable: n + $0) })
    let equations = Self.equations(f: f, fbar: fbar, a: a, b: b)
    var state = _State(equations: equations, values: (0..<(2 * n)).map { _Affine(variable: $0) })
    var found: [(values: [BigRational], free: Int)] = []
    var budget = maxBranches
    search(&state, &found, &budget)
    var out: [Solution] = []
    for (values, free) in found {
      // The exact check, independent of the path that found the values.
      guard equations.allSatisfy({ $0.evaluated(values).isZero }) else { continue }
      let table = { (offset: Int) in
        (0...d).map { i in (0...d).map { j in i + j <= d ? values[offset + index[_XY(i, j)]!] : BigRational.zero } }
      }
      let s = Solution(f: table(0), fbar: table(n), freeParameters: free)
      if !out.contains(s) { out.append(s) }
    }
    return out
  }

  /// All conditions as quadratic forms in the unknowns (each must vanish).
  static func equations(f: _Poly, fbar: _Poly, a: Polynomial, b: Polynomial) -> [_QForm] {
    var out: [_QForm] = []
    // Linear condition.
    let linear = f.shifted(dx: 1, dy: -1) - fbar.shifted(dx: 0, dy: -1) + fbar.shifted(dx: 1, dy: 0) - f
    out += linear.terms.values.map { _QForm($0) }
    // a(x) = f(x, 1) − f̄(x+1, 1).
    let f1 = f.atY1()
    let fbar1 = fbar.atY1()
    var aLine = f1 - fbar1.shifted(dx: 1, dy: 0)
    for (k, c) in a.coefficients.enumerated() { aLine.add(_XY(k, 0), _Affine(constant: -BigRational(c))) }
    out += aLine.terms.values.map { _QForm($0) }
    // b(x) = f·f̄(x, 1) − f·f̄(0, 1), compared for x^i, i ≥ 1.
    let product = f1.times(fbar1)
    for i in 1...Swift.max(1, Swift.max(product.keys.map(\.i).max() ?? 0, b.degree)) {
      var q = product[_XY(i, 0)] ?? _QForm()
      q.constant -= BigRational(b[i])
      out.append(q)
    }
    // Quadratic condition: the mixed coefficients of f·f̄ vanish.
    for (e, q) in f.times(fbar) where e.i >= 1 && e.j >= 1 { out.append(q) }
    return out.filter { !$0.isZero }
  }

  func search(_ state: inout _State, _ found: inout [(values: [BigRational], free: Int)], _ budget: inout Int) {
    guard budget > 0 else { return }
    budget -= 1
    var s = state
    while true {
      s.equations = s.equations.filter { !$0.isZero }
      if s.equations.contains(where: { $0.isConstant }) { return }  // inconsistent
      if let q = s.equations.first(where: { $0.quadratic.isEmpty }) {
        // Linear: solve for its first unknown.
        let (m, c) = q.linear.min { $0.key < $1.key }!
        var e = _Affine(constant: -q.constant / c)
        for (v, k) in q.linear where v != m { e.linear[v] = -k / c }
        s.substitute(m, e)
        continue
      }
      break
    }
    if s.equations.isEmpty {
      // Free unknowns set to 0: one member of the family.
      found.append((s.values.map { $0.constant }, Set(s.values.flatMap { $0.linear.keys }).count))
      return
    }
    if let q = s.equations.first(where: { $0.variables.count == 1 }) {
      let m = q.variables.first!
      for root in q.rationalRoots(of: m) {
        var next = s
        next.substitute(m, _Affine(constant: root))
        search(&next, &found, &budget)
      }
      return
    }
    // Branch on the unknown that occurs most.
    var counts: [Int: Int] = [:]
    for q in s.equations { for v in q.variables { counts[v, default: 0] += 1 } }
    let m = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }!.key
    for value in -branchRange...branchRange {
      var next = s
      next.substitute(m, _Affine(constant: BigRational(value)))
      search(&next, &found, &budget)
    }
  }
}

/// An exponent pair (x^i y^j).
struct _XY: Hashable {
  let i: Int
  let j: Int
  init(_ i: Int, _ j: Int) {
    self.i = i
    self.j = j
  }
}

/// c + Σ kᵥ·tᵥ over ℚ.
struct _Affine: Sendable, Equatable {
  var constant: BigRational = .zero
  var linear: [Int: BigRational] = [:]

  init(constant: BigRational = .zero) { self.constant = constant }
  init(variable v: Int) { linear = [v: BigRational(1)] }

  var isZero: Bool { constant.isZero && linear.isEmpty }

  static func + (l: _Affine, r: _Affine) -> _Affine {
    var out = l
    out.constant += r.constant
    for (v, k) in r.linear {
      let s = (out.linear[v] ?? .zero) + k
      out.linear[v] = s.isZero ? nil : s
    }
    return out
  }
  static prefix func - (x: _Affine) -> _Affine {
    var out = _Affine(constant: -x.constant)
    out.linear = x.linear.mapValues { -$0 }
    return out
  }
  static func * (s: BigRational, x: _Affine) -> _Affine {
    guard !s.isZero else { return _Affine() }
    var out = _Affine(constant: s * x.constant)
    out.linear = x.linear.mapValues { s * $0 }
    return out
  }

  func substituting(_ m: Int, _ e: _Affine) -> _Affine {
    guard let k = linear[m] else { return self }
    var out = self
    out.linear[m] = nil
    return out + k * e
  }
}

/// A quadratic polynomial in the unknowns over ℚ.
struct _QForm: Sendable, Equatable {
  var constant: BigRational = .zero
  var linear: [Int: BigRational] = [:]
  /// Keys (i, j) with i ≤ j.
  var quadratic: [_XY: BigRational] = [:]

  init() {}
  init(_ a: _Affine) {
    constant = a.constant
    linear = a.linear
  }

  var isZero: Bool { constant.isZero && linear.isEmpty && quadratic.isEmpty }
  var isConstant: Bool { linear.isEmpty && quadratic.isEmpty && !constant.isZero }
  var variables: Set<Int> { Set(linear.keys).union(quadratic.keys.flatMap { [$0.i, $0.j] }) }

  mutating func addLinear(_ v: Int, _ k: BigRational) {
    let s = (linear[v] ?? .zero) + k
    linear[v] = s.isZero ? nil : s
  }
  mutating func addQuadratic(_ u: Int, _ v: Int, _ k: BigRational) {
    let key = _XY(Swift.min(u, v), Swift.max(u, v))
    let s = (quadratic[key] ?? .zero) + k
    quadratic[key] = s.isZero ? nil : s
  }

  static func + (l: _QForm, r: _QForm) -> _QForm {
    var out = l
    out.constant += r.constant
    for (v, k) in r.linear { out.addLinear(v, k) }
    for (e, k) in r.quadratic { out.addQuadratic(e.i, e.j, k) }
    return out
  }

  /// The product of two affine forms.
  static func product(_ l: _Affine, _ r: _Affine) -> _QForm {
    var out = _QForm()
    out.constant = l.constant * r.constant
    for (v, k) in l.linear { out.addLinear(v, k * r.constant) }
    for (v, k) in r.linear { out.addLinear(v, k * l.constant) }
    for (u, k) in l.linear { for (v, h) in r.linear { out.addQuadratic(u, v, k * h) } }
    return out
  }

  func substituting(_ m: Int, _ e: _Affine) -> _QForm {
    guard variables.contains(m) else { return self }
    var out = _QForm()
    out.constant = constant
    for (v, k) in linear {
      if v == m { out = out + _QForm(k * e) } else { out.addLinear(v, k) }
    }
    for (key, k) in quadratic {
      let left = key.i == m ? e : _Affine(variable: key.i)
      let right = key.j == m ? e : _Affine(variable: key.j)
      out = out + _QForm.product(k * left, right)
    }
    return out
  }

  func evaluated(_ values: [BigRational]) -> BigRational {
    var s = constant
    for (v, k) in linear { s += k * values[v] }
    for (e, k) in quadratic { s += k * values[e.i] * values[e.j] }
    return s
  }

  /// The rational roots of this form as a polynomial in its only unknown m.
  func rationalRoots(of m: Int) -> [BigRational] {
    let a2 = quadratic[_XY(m, m)] ?? .zero
    let a1 = linear[m] ?? .zero
    let a0 = constant
    if a2.isZero { return a1.isZero ? [] : [-a0 / a1] }
    let discriminant = a1 * a1 - BigRational(4) * a2 * a0
    guard discriminant.signum >= 0, let root = discriminant._squareRoot else { return [] }
    let roots = [(-a1 + root) / (BigRational(2) * a2), (-a1 - root) / (BigRational(2) * a2)]
    return roots[0] == roots[1] ? [roots[0]] : roots
  }
}

extension BigRational {
  /// The exact square root when numerator and denominator are squares.
  var _squareRoot: BigRational? {
    guard let p = numerator._exactSquareRoot, let q = denominator._exactSquareRoot else { return nil }
    return BigRational(p, q)
  }
}

extension BigInt {
  var _exactSquareRoot: BigInt? {
    guard signum >= 0 else { return nil }
    if isZero { return 0 }
    // Newton's iteration on integers.
    var x = BigInt(1).shifted(by: (bitWidth + 1) / 2 + 1)
    while true {
      let y = (x + self / x) / 2
      if y >= x { break }
      x = y
    }
    return x * x == self ? x : nil
  }
}

/// A polynomial in x, y whose coefficients are affine forms in the unknowns.
struct _Poly {
  var terms: [_XY: _Affine]

  init(_ terms: [_XY: _Affine]) { self.terms = terms.filter { !$0.value.isZero } }

  mutating func add(_ e: _XY, _ a: _Affine) {
    let s = (terms[e] ?? _Affine()) + a
    terms[e] = s.isZero ? nil : s
  }

  static func + (l: _Poly, r: _Poly) -> _Poly {
    var out = l
    for (e, a) in r.terms { out.add(e, a) }
    return out
  }
  static func - (l: _Poly, r: _Poly) -> _Poly {
    var out = l
    for (e, a) in r.terms { out.add(e, -a) }
    return out
  }

  /// p(x + dx, y + dy), by the binomial theorem.
  func shifted(dx: Int, dy: Int) -> _Poly {
    var out = _Poly([:])
    for (e, a) in terms {
      for p in 0...e.i {
        for q in 0...e.j {
          let c = _binomial(e.i, p) * BigInt(dx).power(e.i - p) * _binomial(e.j, q) * BigInt(dy).power(e.j - q)
          if !c.isZero { out.add(_XY(p, q), BigRational(c) * a) }
        }
      }
    }
    return out
  }

  /// p(x, 1), as a polynomial with j = 0.
  func atY1() -> _Poly {
    var out = _Poly([:])
    for (e, a) in terms { out.add(_XY(e.i, 0), a) }
    return out
  }

  /// The product, with quadratic-form coefficients.
  func times(_ other: _Poly) -> [_XY: _QForm] {
    var out: [_XY: _QForm] = [:]
    for (e, l) in terms {
      for (h, r) in other.terms {
        let key = _XY(e.i + h.i, e.j + h.j)
        out[key] = (out[key] ?? _QForm()) + _QForm.product(l, r)
      }
    }
    return out
  }
}

func _binomial(_ n: Int, _ k: Int) -> BigInt {
  var r = BigInt(1)
  for i in 0..<k { r = r * BigInt(n - i) / BigInt(i + 1) }
  return r
}

/// The search state: equations left and each unknown as an affine form in the free ones.
struct _State {
  var equations: [_QForm]
  var values: [_Affine]

  mutating func substitute(_ m: Int, _ e: _Affine) {
    equations = equations.map { $0.substituting(m, e) }
    values = values.map { $0.substituting(m, e) }
  }
}
