import Multiprecision

/// Closed forms from integer relations: quotients of linear combinations of constants, and roots of
/// integer polynomials in real radicals (quadratic formula, Cardano, pure and biquadratic roots).
/// Each is checked against the value afterwards, so a builder only has to be right, not careful.
enum _ClosedForm {
  /// Σ kᵢ·eᵢ, terms with e = nil being numbers; constants print before numbers: `3*pi-8`.
  /// `nil` when every coefficient is zero.
  static func combination(_ terms: [(BigRational, ConstantExpression?)]) -> ConstantExpression? {
    let ordered = terms.filter { $0.1 != nil } + terms.filter { $0.1 == nil }
    var result: ConstantExpression?
    for (k, e) in ordered where !k.isZero {
      let magnitude = k.signum < 0 ? -k : k
      let term: ConstantExpression
      if let e {
        term = magnitude == 1 ? e : .multiply(.number(magnitude), e)
      } else {
        term = .number(magnitude)
      }
      if let sum = result {
        result = k.signum < 0 ? .subtract(sum, term) : .add(sum, term)
      } else if k.signum > 0 {
        result = term
      } else if e == nil || magnitude == 1 {
        result = e == nil ? .number(k) : .negate(term)
      } else {
        result = .multiply(.number(k), e!)
      }
    }
    return result
  }

  /// x = −(a₀ + Σ aᵢcᵢ)/(d₀ + Σ dᵢcᵢ) from a relation a₀ + Σ aᵢcᵢ + x·(d₀ + Σ dᵢcᵢ) = 0, signed so the
  /// denominator's first non-zero coefficient of a constant (else d₀) is positive: `4/(3*pi-8)`.
  /// `nil` when the denominator or the numerator is zero.
  static func quotient(
    numerator a: [BigInt], denominator d: [BigInt], constants: [ConstantExpression]
  ) -> ConstantExpression? {
    let leading = d.dropFirst().first { !$0.isZero } ?? d[0]
    guard !leading.isZero else { return nil }
    let sign = BigInt(leading.isNegative ? 1 : -1)  // x = −a/d: flip a's sign once, d's when needed
    let top = a.map { BigRational($0 * sign) }
    let bottom = d.map { BigRational($0 * -sign) }
    func terms(_ k: [BigRational]) -> [(BigRational, ConstantExpression?)] {
      [(k[0], nil)] + zip(k.dropFirst(), constants).map { ($0, Optional($1)) }
    }
    guard let numerator = combination(terms(top)) else { return nil }
    if d.dropFirst().allSatisfy(\.isZero) {
      let divisor = bottom[0]
      if divisor == 1 { return numerator }
      return .divide(numerator, .number(divisor))
    }
    return .divide(numerator, combination(terms(bottom))!)
  }

  /// A root of Σ mᵢxⁱ (m = coefficients from degree 0 up) in real radicals when one is at hand here,
  /// the one nearest `x`; `nil` otherwise.
  static func root(of m: [BigInt], near x: BigFloat) -> ConstantExpression? {
    let degree = m.count - 1
    if degree == 2 { return quadratic(a: m[2], b: m[1], c: m[0], near: x) }
    let inner = m.dropFirst().dropLast()
    if inner.allSatisfy(\.isZero) { return pure(degree: degree, constant: m[0], leading: m[degree], near: x) }
    if degree == 3 { return cardano(m) }
    if degree == 4 && m[1].isZero && m[3].isZero {
      // x⁴ form: x² = y with m₄y² + m₂y + m₀ = 0; x = ±√y for the root y ≥ 0 whose √y is nearest |x|.
      let square = x * x
      guard let y = quadratic(a: m[4], b: m[2], c: m[0], near: square),
        let yValue = try? y.evaluate(x.precision), yValue.signum > 0
      else { return nil }
      let r = ConstantExpression.function(.sqrt, y)
      return x.signum < 0 ? .negate(r) : r
    }
    return nil
  }

  /// (−b ± √(b²−4ac))/(2a), the sign giving the root nearest `x`; √ of the square-free part.
  static func quadratic(a: BigInt, b: BigInt, c: BigInt, near x: BigFloat) -> ConstantExpression? {
    let discriminant = b * b - BigInt(4) * a * c
    guard !discriminant.isNegative else { return nil }
    let (outside, inside) = squareFree(discriminant)
    let twoA = BigInt(2) * a
    let precision = x.precision
    let radicalValue = BigFloat(inside, precision: precision).squareRoot() * BigFloat(outside, precision: precision)
    let plus = (BigFloat(-b, precision: precision) + radicalValue) / BigFloat(twoA, precision: precision)
    let minus = (BigFloat(-b, precision: precision) - radicalValue) / BigFloat(twoA, precision: precision)
    let sign = BigInt((plus - x).magnitude <= (minus - x).magnitude ? 1 : -1)
    if inside == 1 { return .number(BigRational(-b + sign * outside, twoA)) }
    let denominator = BigRational(twoA)
    return combination([
      (BigRational(sign * outside) / denominator, radical(inside)), (BigRational(-b) / denominator, nil),
    ])
    .map(Self.commonDenominator)
  }

  /// x = (−m₀/m_d)^(1/d), negated for even d when x < 0.
  static func pure(degree: Int, constant: BigInt, leading: BigInt, near x: BigFloat) -> ConstantExpression? {
    let r = BigRational(-constant, leading)
    guard degree % 2 == 1 || r.signum > 0 else { return nil }
    let root = ConstantExpression.power(.number(r), .number(BigRational(1, BigInt(degree))))
    return degree % 2 == 0 && x.signum < 0 ? .negate(root) : root
  }

  /// Cardano's formula for a cubic with one real root (positive discriminant quantity
  /// Δ = (q/2)² + (p/3)³ of the depressed cubic t³ + pt + q): x = ∛(−q/2 + √Δ) + ∛(−q/2 − √Δ) − b/(3a).
  static func cardano(_ m: [BigInt]) -> ConstantExpression? {
    let (a, b, c, d) = (BigRational(m[3]), BigRational(m[2]), BigRational(m[1]), BigRational(m[0]))
    let p = (BigRational(3) * a * c - b * b) / (BigRational(3) * a * a)
    let q =
      (BigRational(2) * b * b * b - BigRational(9) * a * b * c + BigRational(27) * a * a * d)
      / (BigRational(27) * a * a * a)
    let delta = q * q / BigRational(4) + p * p * p / BigRational(27)
    guard delta.signum > 0 else { return nil }
    // √(P/Q) = √(P·Q)/Q = (s/Q)·√k.
    let (outside, inside) = squareFree(delta.numerator * delta.denominator)
    let s = BigRational(outside, delta.denominator)
    let r = -q / BigRational(2)
    let third = ConstantExpression.number(BigRational(1, 3))
    var parts: [ConstantExpression] = []
    for sign in [BigRational(1), BigRational(-1)] {
      let radicand: ConstantExpression
      if inside == 1 {
        let value = r + sign * s
        if value.isZero { continue }
        radicand = .number(value)
      } else {
        radicand = combination([(sign * s, radical(inside)), (r, nil)])!
      }
      parts.append(.power(radicand, third))
    }
    var result = parts.dropFirst().reduce(parts[0]) { ConstantExpression.add($0, $1) }
    let shift = -b / (BigRational(3) * a)
    if !shift.isZero {
      result = shift.signum > 0 ? .add(result, .number(shift)) : .subtract(result, .number(-shift))
    }
    return result
  }

  /// √k: the catalog constant for a machine-size k ≥ 2, else the function.
  static func radical(_ k: BigInt) -> ConstantExpression {
    if let small = Int(exactly: k), small >= 2 { return .constant(.sqrt(small)) }
    return .function(.sqrt, .number(BigRational(k)))
  }

  /// n = outside²·inside with the squares of primes below 10⁴ (and a perfect-square rest) taken out.
  /// Precondition: n ≥ 0.
  static func squareFree(_ n: BigInt) -> (outside: BigInt, inside: BigInt) {
    if n.isZero { return (0, 1) }
    var inside = n
    var outside = BigInt(1)
    var p = 2
    while p < 10_000 {
      let square = BigInt(p * p)
      if square > inside { break }
      while inside.isDivisible(by: square) {
        inside = inside.dividedExactly(by: square)
        outside *= BigInt(p)
      }
      p += p == 2 ? 1 : 2
    }
    let root = inside.squareRoot()
    if root * root == inside {
      outside *= root
      inside = 1
    }
    return (outside, inside)
  }

  /// (k₁·√n + k₀) with rational kᵢ written over their common denominator: `(sqrt(5)+1)/2`.
  static func commonDenominator(_ e: ConstantExpression) -> ConstantExpression {
    var terms: [(BigRational, ConstantExpression?)] = []
    func collect(_ e: ConstantExpression, _ sign: BigRational) {
      switch e {
      case .add(let x, let y):
        collect(x, sign)
        collect(y, sign)
      case .subtract(let x, let y):
        collect(x, sign)
        collect(y, -sign)
      case .negate(let x): collect(x, -sign)
      case .multiply(.number(let k), let c): terms.append((sign * k, c))
      case .number(let k): terms.append((sign * k, nil))
      default: terms.append((sign, e))
      }
    }
    collect(e, 1)
    let denominator = terms.reduce(BigInt(1)) { BigInt.lcm($0, $1.0.denominator) }
    if denominator == 1 { return e }
    let scaled = terms.map { (BigRational($0.0.numerator * denominator.dividedExactly(by: $0.0.denominator)), $0.1) }
    return .divide(combination(scaled)!, .number(BigRational(denominator)))
  }
}
