import Multiprecision
import Polynomials

/// The line xᵥ(n) = (aᵥ + bᵥ·n)/q in ℚ^d: the positions s + o + n·t of a walk along t, with q the
/// common denominator of the start s (aᵥ = q·(sᵥ + oᵥ), bᵥ = q·tᵥ).
struct _Line: Sendable {
  let offsets: [BigInt]
  let slopes: [BigInt]
  let denominator: BigInt
  /// The same values as machine words, when they fit.
  let machine: (offsets: [Int], slopes: [Int], denominator: Int)?

  init(offsets: [BigInt], slopes: [BigInt], denominator: BigInt) {
    self.offsets = offsets
    self.slopes = slopes
    self.denominator = denominator
    if let a = _machineWords(offsets), let b = _machineWords(slopes), let q = Int(exactly: denominator) {
      machine = (a, b, q)
    } else {
      machine = nil
    }
  }

  /// The line through `start` + `offset` with direction `slope` (one step of n = one trajectory).
  init(start: [BigRational], offset: [Int], slope: [Int]) {
    let q = start.reduce(BigInt(1)) { BigInt.lcm($0, $1.denominator) }
    self.init(
      offsets: zip(start, offset).map { s, o in (s.numerator * q.dividedExactly(by: s.denominator)) + q * BigInt(o) },
      slopes: slope.map { q * BigInt($0) }, denominator: q)
  }
}

extension MultivariatePolynomial {
  /// q^E·p(x(n)) on the line, E = `scale` ≥ total degree: an integer polynomial in n.
  /// - Complexity: per term, one product of cached powers (aᵥ + bᵥn)^e; in machine words while
  ///   every intermediate coefficient fits (checked), on GMP otherwise.
  func _onLine(_ line: _Line, scale: Int) -> Polynomial {
    if isZero { return .zero }
    if let m = line.machine, let fast = _onLineMachine(m.offsets, m.slopes, m.denominator, scale) {
      return Polynomial(fast)
    }
    return _onLineBig(line, scale)
  }

  private func _onLineMachine(_ a: [Int], _ b: [Int], _ q: Int, _ scale: Int) -> [Int]? {
    var powers = [[[Int]]](repeating: [], count: variableCount)
    var qPowers: [Int] = [1]
    for _ in 0..<scale {
      let (v, o) = qPowers.last!.multipliedReportingOverflow(by: q)
      if o { return nil }
      qPowers.append(v)
    }
    var accumulator = [Int](repeating: 0, count: scale + 1)
    for (m, c) in terms {
      guard let c0 = Int(exactly: c) else { return nil }
      let (scaled, o) = c0.multipliedReportingOverflow(by: qPowers[scale - m.degree])
      if o { return nil }
      var t = [scaled]
      for (v, e) in m.exponents.enumerated() where e > 0 {
        if powers[v].isEmpty { powers[v] = [[1]] }
        while powers[v].count <= e {
          guard let next = _machineProduct(powers[v].last!, b[v] == 0 ? [a[v]] : [a[v], b[v]]) else { return nil }
          powers[v].append(next)
        }
        guard let next = _machineProduct(t, powers[v][e]) else { return nil }
        t = next
      }
      for (k, x) in t.enumerated() {
        let (s, o) = accumulator[k].addingReportingOverflow(x)
        if o { return nil }
        accumulator[k] = s
      }
    }
    return accumulator
  }

  private func _onLineBig(_ line: _Line, _ scale: Int) -> Polynomial {
    var powers = [[Polynomial]](repeating: [], count: variableCount)
    let q = line.denominator
    var sum = Polynomial.zero
    for (m, c) in terms {
      var t = Polynomial(constant: c * q.power(scale - m.degree))
      for (v, e) in m.exponents.enumerated() where e > 0 {
        if powers[v].isEmpty { powers[v] = [.one] }
        let linear = Polynomial(coefficients: [line.offsets[v], line.slopes[v]])
        while powers[v].count <= e { powers[v].append(powers[v].last! * linear) }
        t = t * powers[v][e]
      }
      sum += t
    }
    return sum
  }
}

/// The values as machine words, or `nil` if one does not fit.
func _machineWords(_ xs: [BigInt]) -> [Int]? {
  var out: [Int] = []
  out.reserveCapacity(xs.count)
  for x in xs {
    guard let v = Int(exactly: x) else { return nil }
    out.append(v)
  }
  return out
}

/// The product of two coefficient arrays (lowest degree first) in machine words, or `nil` on
/// overflow.
func _machineProduct(_ x: [Int], _ y: [Int]) -> [Int]? {
  var out = [Int](repeating: 0, count: x.count + y.count - 1)
  for (i, a) in x.enumerated() where a != 0 {
    for (j, b) in y.enumerated() where b != 0 {
      let (p, o1) = a.multipliedReportingOverflow(by: b)
      let (s, o2) = out[i + j].addingReportingOverflow(p)
      if o1 || o2 { return nil }
      out[i + j] = s
    }
  }
  return out
}

/// A rational function on a line: numerator / (constant · Π factors^e), all in ℤ[n].
struct _LineValue {
  var numerator: Polynomial
  var constant: BigInt
  var factors: [(polynomial: Polynomial, exponent: Int)]
}

extension MultivariateRationalFunction {
  /// The value on the line as a univariate fraction (factors substituted one by one, so the
  /// factorization of the denominator is kept).
  func _onLine(_ line: _Line) -> _LineValue {
    let scaleN = max(0, numerator.totalDegree)
    var top = numerator._onLine(line, scale: scaleN)
    var constant = denominatorConstant
    var factors: [(polynomial: Polynomial, exponent: Int)] = []
    var qExponent = 0
    for (f, e) in denominatorFactors {
      let scale = f.totalDegree
      factors.append((f._onLine(line, scale: scale), e))
      qExponent += scale * e
    }
    let q = line.denominator
    if q != 1 {
      top = q.power(qExponent) * top
      constant *= q.power(scaleN)
    }
    return _LineValue(numerator: top, constant: constant, factors: factors)
  }
}
