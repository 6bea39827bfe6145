import Multiprecision

extension MultivariatePolynomial {
  /// The quotient self / divisor when it exists in ℤ[x₀, …], else `nil`.
  ///
  /// Division by leading terms in lexicographic order: for an exact quotient the leading term of
  /// every remainder is divisible by that of the divisor, so the first one that is not proves
  /// there is no quotient. Precondition: `divisor` is not zero.
  /// A random point modulo a prime on the zero set of the divisor rejects most non-divisible
  /// pairs before any division.
  /// - Complexity: O(q·t·log(q·t)) for q terms in the quotient and t in the divisor.
  public func dividedExactly(by divisor: MultivariatePolynomial) -> MultivariatePolynomial? {
    precondition(!divisor.isZero, "division of a polynomial by zero")
    precondition(variableCount == divisor.variableCount, "dividing polynomials in different variable counts")
    if isZero { return self }
    if let c = divisor.constantValue {
      return terms.values.allSatisfy { $0.isDivisible(by: c) } ? dividedExactly(byInteger: c) : nil
    }
    // Degrees: the divisor's in each variable it involves must not exceed the dividend's.
    var needed = Array(repeating: 0, count: variableCount)
    for m in divisor.terms.keys {
      for (i, e) in m.exponents.enumerated() where e > needed[i] { needed[i] = e }
    }
    var available = Array(repeating: 0, count: variableCount)
    for m in terms.keys {
      for (i, e) in m.exponents.enumerated() where e > available[i] { available[i] = e }
    }
    for i in 0..<variableCount where available[i] < needed[i] { return nil }
    if _ModularPoint.provesNotDivisible(self, by: divisor) { return nil }
    let (dm, dc) = (divisor.leadingMonomial, divisor.leadingCoefficient)
    let rest = divisor.terms.filter { $0.key != dm }
    var remainder = terms
    // A max-heap of the remainder's monomials (entries may be stale: checked against `remainder`).
    var heap = _MonomialHeap(Array(terms.keys))
    var quotient: [Monomial: BigInt] = [:]
    while let m = heap.popMax() {
      guard let c = remainder[m] else { continue }
      guard let qm = m.divided(by: dm), c.isDivisible(by: dc) else { return nil }
      let qc = c.dividedExactly(by: dc)
      quotient[qm] = qc
      remainder[m] = nil
      for (rm, rc) in rest {
        let target = qm * rm
        if var value = remainder[target] {
          value -= qc * rc
          remainder[target] = value.isZero ? nil : value
        } else {
          remainder[target] = -(qc * rc)
          heap.insert(target)
        }
      }
    }
    return MultivariatePolynomial(variableCount: variableCount, nonzeroTerms: quotient)
  }

  /// Whether `divisor` divides self in ℤ[x₀, …].
  public func isDivisible(by divisor: MultivariatePolynomial) -> Bool { dividedExactly(by: divisor) != nil }

  /// The coefficients of self as a polynomial in x_v over the other variables: element k is the
  /// coefficient of x_v^k (a polynomial in which x_v does not occur).
  public func coefficients(in v: Int) -> [MultivariatePolynomial] {
    var out = [[Monomial: BigInt]](repeating: [:], count: max(0, degree(in: v)) + 1)
    for (m, c) in terms {
      var e = m.exponents
      let k = e[v]
      e[v] = 0
      out[k][Monomial(unchecked: e)] = c
    }
    return out.map { MultivariatePolynomial(variableCount: variableCount, nonzeroTerms: $0) }
  }

  /// Σ coefficients[k]·x_v^k. The coefficients must not involve x_v.
  static func _fromCoefficients(_ coefficients: [MultivariatePolynomial], in v: Int, variables: Int)
    -> MultivariatePolynomial
  {
    var out: [Monomial: BigInt] = [:]
    for (k, p) in coefficients.enumerated() {
      for (m, c) in p.terms {
        var e = m.exponents
        e[v] += k
        out[Monomial(unchecked: e)] = c
      }
    }
    return MultivariatePolynomial(variableCount: variables, nonzeroTerms: out)
  }

  /// The greatest common divisor in ℤ[x₀, …], with a positive leading coefficient and the integer
  /// content included: gcd(6xy + 6y, 4x + 4) = 2x + 2. gcd(0, 0) = 0.
  ///
  /// Recursive: content and primitive part with respect to the lowest variable that occurs, and a
  /// primitive polynomial remainder sequence in that variable over the others.
  /// - Complexity: fine for the small degrees of matrix fields; exponential in the worst case.
  /// - SeeAlso: D. Knuth, TAOCP vol. 2, §4.6.1, Algorithm E.
  public static func gcd(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial) -> MultivariatePolynomial {
    let d = a.variableCount
    if a.isZero { return b.normalizedSign }
    if b.isZero { return a.normalizedSign }
    let integerGCD = BigInt.gcd(a.content, b.content)
    if a.isConstant || b.isConstant { return MultivariatePolynomial(constant: integerGCD, variables: d) }
    let (x, y) = (a.primitivePart, b.primitivePart)
    // Cheap and common: one divides the other; a primitive linear polynomial is irreducible.
    let (small, large) = x.terms.count <= y.terms.count ? (x, y) : (y, x)
    if large.isDivisible(by: small) { return integerGCD * small }
    if small.totalDegree == 1 { return MultivariatePolynomial(constant: integerGCD, variables: d) }
    return integerGCD * _primitiveGCD(x, y)
  }

  /// gcd of two primitive (integer content 1) nonzero polynomials, primitive with positive lead.
  static func _primitiveGCD(_ a: MultivariatePolynomial, _ b: MultivariatePolynomial) -> MultivariatePolynomial {
    let d = a.variableCount
    if a.isConstant || b.isConstant { return .one(variables: d) }
    let involvedA = Set(a.variablesInvolved)
    let involvedB = Set(b.variablesInvolved)
    // A variable occurring in only one of them cannot occur in the gcd: reduce to its coefficients.
    if let v = involvedA.symmetricDifference(involvedB).min() {
      let (withV, without) = involvedA.contains(v) ? (a, b) : (b, a)
      var g = without
      for c in withV.coefficients(in: v) where !c.isZero {
        g = gcd(g, c)
        if g.isConstant { return .one(variables: d) }
      }
      return g.primitivePart
    }
    let v = involvedA.min()!
    let (contentA, ppA) = a._contentAndPrimitivePart(in: v)
    let (contentB, ppB) = b._contentAndPrimitivePart(in: v)
    let contentGCD = gcd(contentA, contentB).primitivePart
    var (f, g) = ppA.degree(in: v) >= ppB.degree(in: v) ? (ppA, ppB) : (ppB, ppA)
    while true {
      let r = f._pseudoRemainder(g, in: v)
      if r.isZero { break }
      if r.degree(in: v) == 0 {
        g = .one(variables: d)
        break
      }
      f = g
      g = r._contentAndPrimitivePart(in: v).primitive
    }
    return (contentGCD * g).primitivePart
  }

  /// The content with respect to x_v (gcd of the coefficients in x_v, primitive) and self divided
  /// by it.
  func _contentAndPrimitivePart(in v: Int) -> (content: MultivariatePolynomial, primitive: MultivariatePolynomial) {
    let cs = coefficients(in: v).filter { !$0.isZero }
    var g = cs[0]
    for c in cs.dropFirst() {
      if g.isConstant { break }
      g = MultivariatePolynomial.gcd(g, c)
    }
    g = g.isConstant ? .one(variables: variableCount) : g.primitivePart
    let primitive = g.isConstant ? self : dividedExactly(by: g)!
    return (g, primitive.primitivePart)
  }

  /// A pseudo-remainder of self by `divisor` in x_v: lc^k·self − q·divisor of degree below
  /// that of the divisor, lc the leading coefficient of `divisor` in x_v.
  func _pseudoRemainder(_ divisor: MultivariatePolynomial, in v: Int) -> MultivariatePolynomial {
    let dDegree = divisor.degree(in: v)
    let lc = divisor.coefficients(in: v).last!
    var r = self
    while !r.isZero && r.degree(in: v) >= dDegree {
      let rc = r.coefficients(in: v)
      let shift = rc.count - 1 - dDegree
      var e = Array(repeating: 0, count: variableCount)
      e[v] = shift
      let monomial = MultivariatePolynomial(variableCount: variableCount, nonzeroTerms: [Monomial(unchecked: e): 1])
      r = lc * r - rc.last! * monomial * divisor
    }
    return r
  }
}

/// A binary max-heap of monomials in lexicographic order.
struct _MonomialHeap {
  var items: [Monomial]

  init(_ items: [Monomial]) {
    self.items = items
    for i in stride(from: items.count / 2 - 1, through: 0, by: -1) { siftDown(i) }
  }

  mutating func insert(_ m: Monomial) {
    items.append(m)
    var i = items.count - 1
    while i > 0 {
      let parent = (i - 1) / 2
      guard items[parent] < items[i] else { break }
      items.swapAt(parent, i)
      i = parent
    }
  }

  mutating func popMax() -> Monomial? {
    guard !items.isEmpty else { return nil }
    let top = items[0]
    let last = items.removeLast()
    if !items.isEmpty {
      items[0] = last
      siftDown(0)
    }
    return top
  }

  mutating func siftDown(_ start: Int) {
    var i = start
    while true {
      let (l, r) = (2 * i + 1, 2 * i + 2)
      var largest = i
      if l < items.count && items[largest] < items[l] { largest = l }
      if r < items.count && items[largest] < items[r] { largest = r }
      if largest == i { return }
      items.swapAt(i, largest)
      i = largest
    }
  }
}
