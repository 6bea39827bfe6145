import Multiprecision
import Polynomials

extension LinearRecurrence {
  /// The recurrence scaled to its primitive form with a positive leading coefficient of c₀:
  /// recurrences are equal up to a common polynomial factor when their normal forms are equal
  /// (only the integer content is removed here; see `sameSolutions(as:)`).
  public var normalized: LinearRecurrence {
    let g = coefficients.reduce(BigInt(0)) { BigInt.gcd($0, $1.content) }
    let sign = coefficients[0].leadingCoefficient.isNegative ? BigInt(-1) : BigInt(1)
    let divisor = g * sign
    return LinearRecurrence(
      coefficients: coefficients.map {
        Polynomial(coefficients: $0.coefficients.map { $0.dividedExactly(by: divisor) })
      })
  }

  /// Whether the two recurrences are proportional, Σ cᵢ u(n−i) = λ(n)·Σ dᵢ u(n−i) for a
  /// rational function λ: cᵢ·d₀ = dᵢ·c₀ for every i (same order). Proportional recurrences have
  /// the same solutions.
  public func sameSolutions(as other: LinearRecurrence) -> Bool {
    guard order == other.order else { return false }
    let (c0, d0) = (coefficients[0], other.coefficients[0])
    return zip(coefficients, other.coefficients).allSatisfy { $0 * d0 == $1 * c0 }
  }

  /// Inflation by c(n): the solution u(n) becomes c(0)···c(n)·u(n) up to a constant,
  /// cᵢ(n) → cᵢ(n)·c(n)·c(n−1)···c(n−i+1) (c₀ unchanged). For order 2 with c = (1, −a, −b) this is
  /// `PCF.inflated(by:)`: a → c·a, b → c(n)c(n−1)·b.
  public func inflated(by c: Polynomial) -> LinearRecurrence {
    precondition(!c.isZero, "inflation by the zero polynomial")
    var product = Polynomial.one
    var out = [coefficients[0]]
    for i in 1...order {
      product = product * c.shifted(by: -(i - 1))
      out.append(coefficients[i] * product)
    }
    return LinearRecurrence(coefficients: out)
  }

  /// The inverse of `inflated(by:)`: `nil` unless c(n)···c(n−i+1) divides cᵢ for every i ≥ 1.
  public func deflated(by c: Polynomial) -> LinearRecurrence? {
    precondition(!c.isZero, "deflation by the zero polynomial")
    var product = Polynomial.one
    var out = [coefficients[0]]
    for i in 1...order {
      product = product * c.shifted(by: -(i - 1))
      guard let q = coefficients[i].dividedExactly(by: product) else { return nil }
      out.append(q)
    }
    return LinearRecurrence(coefficients: out)
  }

  /// The composition R₁ ∘ R₂ (self is R₁ = Σⱼ aⱼ(n) S^j, other R₂): Σⱼ aⱼ(n)·R₂(n−j), the
  /// operator that applies R₂ and then R₁ to the result. Every solution of R₂ solves it; its order
  /// is the sum of the orders.
  public func composed(with other: LinearRecurrence) -> LinearRecurrence {
    var out = [Polynomial](repeating: .zero, count: order + other.order + 1)
    for (j, a) in coefficients.enumerated() {
      for (i, c) in other.coefficients.enumerated() {
        out[i + j] = out[i + j] + a * c.shifted(by: -j)
      }
    }
    return LinearRecurrence(coefficients: out)
  }

  /// The fold by m(n): R(n) + m(n)·R(n−1), of order r + 1, whose coefficients are
  /// cᵢ(n) + m(n)·cᵢ₋₁(n−1). Every solution of R solves it (it is `[1, m] ∘ R`).
  public func folded(by m: Polynomial) -> LinearRecurrence {
    LinearRecurrence(coefficients: [.one, m]).composed(with: self)
  }

  /// The recurrence R of order r − 1 with self = R + m·R(n−1) for the given m, when there is one
  /// (after removing a common content from self): c₀ = C₀ and cᵢ = Cᵢ − m·cᵢ₋₁(n−1), then
  /// C_r = m·c_{r−1}(n−1) must hold.
  public func unfolded(by m: Polynomial) -> LinearRecurrence? {
    guard order >= 2, !m.isZero else { return nil }
    var c = [coefficients[0]]
    for i in 1..<order {
      c.append(coefficients[i] - m * c[i - 1].shifted(by: -1))
    }
    guard coefficients[order] == m * c[order - 1].shifted(by: -1), !c[0].isZero else { return nil }
    return LinearRecurrence(coefficients: c)
  }

  /// Every unfolding self = R + m·R(n−1) with m a divisor of C_r built from its rational linear
  /// factors, its remaining factor and the divisors of its content up to `maxConstant` (both
  /// signs), ordered by the degree of m then |m|. Empty when none exists.
  /// - Complexity: one exact unfolding per candidate; 2^(linear factors) · divisors candidates.
  public func unfoldings(maxConstant: Int = 1000) -> [(recurrence: LinearRecurrence, multiplier: Polynomial)] {
    guard order >= 2 else { return [] }
    let last = coefficients[order]
    let linear = last.rationalLinearFactors()
    var rest = last.primitivePart
    for f in linear { rest = rest.dividedExactly(by: f) ?? rest }
    var factors = linear
    if rest.degree >= 1 { factors.append(rest) }
    guard factors.count <= 16 else { return [] }
    let content = last.content
    let constants = (1...maxConstant).filter { BigInt($0) <= content && content.isDivisible(by: BigInt($0)) }
    var seen = Set<Polynomial>()
    var out: [(LinearRecurrence, Polynomial)] = []
    for mask in 0..<(1 << factors.count) {
      var m = Polynomial.one
      for (k, f) in factors.enumerated() where mask & (1 << k) != 0 { m = m * f }
      for d in constants {
        for sign in [1, -1] {
          let candidate = BigInt(sign * d) * m
          guard seen.insert(candidate).inserted, let r = unfolded(by: candidate) else { continue }
          out.append((r, candidate))
        }
      }
    }
    return out.sorted {
      ($0.1.degree, $0.1.leadingCoefficient.magnitude, $0.1.description)
        < ($1.1.degree, $1.1.leadingCoefficient.magnitude, $1.1.description)
    }
  }
}

extension LinearRecurrence {
  /// Why a solution could not be continued.
  public enum SolutionError: Error, Equatable, CustomStringConvertible {
    /// c₀(n) = 0: u(n) is not determined by the values before it.
    case leadingCoefficientVanishes(n: Int)
    /// The number of initial values is not the order.
    case initialValues(count: Int, order: Int)

    public var description: String {
      switch self {
      case .leadingCoefficientVanishes(let n):
        return "c0(\(n)) = 0: u(\(n)) is not determined by the values before it; start after n = \(n)"
      case .initialValues(let count, let order):
        return "\(count) initial values given for a recurrence of order \(order): give exactly \(order)"
      }
    }
  }

  /// The solution with u(start−r), …, u(start−1) = `initialValues`: u(start), …, u(start+count−1),
  /// exactly, from u(n) = −Σ_{i≥1} cᵢ(n)·u(n−i) / c₀(n).
  /// - Throws: `SolutionError` when c₀(n) = 0 on the way or the initial values do not match the order.
  /// - Complexity: count·r rational products of growing size.
  public func solution(initialValues: [BigRational], start: Int, count: Int) throws(SolutionError) -> [BigRational] {
    guard initialValues.count == order else { throw .initialValues(count: initialValues.count, order: order) }
    var window = initialValues
    var out: [BigRational] = []
    out.reserveCapacity(max(0, count))
    for n in start..<(start + max(0, count)) {
      let c0 = coefficients[0](n)
      if c0.isZero { throw .leadingCoefficientVanishes(n: n) }
      var sum = BigRational.zero
      for i in 1...order { sum = sum + BigRational(coefficients[i](n)) * window[order - i] }
      let u = -sum / BigRational(c0)
      out.append(u)
      window.removeFirst()
      window.append(u)
    }
    return out
  }

  /// The limit of (a·u(N))/(b·u(N)): the ratio of the two solutions whose initial values
  /// u(start−r), …, u(start−1) are the integer vectors a and b, read from the walk of the
  /// c₀-scaled companion matrix from n = start with the checkpoints of `Limit` (walks at n−1 and
  /// n for each). Precondition: order ≥ 1, depth ≥ 1, a and b of length r; c₀(n) ≠ 0 on the way
  /// (see `firstZeroOfLeadingCoefficient`).
  /// - Complexity: one product tree of the companion walk to the depth.
  public func limit(
    depth: Int, start: Int, numerator a: [BigInt], denominator b: [BigInt], threads: Int = availableCores
  ) -> Limit {
    precondition(depth >= 1, "depth \(depth) must be ≥ 1")
    precondition(a.count == order && b.count == order, "initial values need \(order) entries")
    let ends = Limit.checkpointDepths(depth) + [depth]
    let depths = Array(Set(ends.flatMap { [max(0, $0 - 1), $0] })).sorted()
    let walks = companionMatrix.walk(start: start, depths: depths, threads: threads)
    let byDepth = Dictionary(uniqueKeysWithValues: zip(depths, walks))
    func convergents(_ n: Int) -> Convergents {
      let w = byDepth[n]!
      let r = order
      // Row vector times W: the last two columns hold (scaled) u(start+n−2), u(start+n−1).
      func project(_ v: [BigInt], _ column: Int) -> BigInt {
        (0..<r).reduce(BigInt(0)) { $0 + v[$1] * w[$1, column] }
      }
      let previous = r >= 2 ? r - 2 : 0
      let m = IntegerMatrix([
        [r >= 2 ? project(a, previous) : 0, project(a, r - 1)], [r >= 2 ? project(b, previous) : 1, project(b, r - 1)],
      ])
      return Convergents(depth: n, matrix: m)
    }
    return Limit(consecutive: ends.map { n in (convergents(max(0, n - 1)), convergents(n)) })
  }

  /// The first n in `range` with c₀(n) = 0, where the companion walk loses the solution.
  /// Integer roots lie within Cauchy's bound 1 + max|cᵢ/c_d|, so the scan is short.
  public func firstZeroOfLeadingCoefficient(in range: Range<Int>) -> Int? {
    let c0 = coefficients[0]
    if c0.isConstant { return nil }
    let lead = c0.leadingCoefficient.log10Magnitude
    let largest = c0.coefficients.dropLast().map { $0.isZero ? -Double.infinity : $0.log10Magnitude - lead }.max() ?? 0
    let cauchy = largest > 15 ? Int.max / 4 : Int(pow10(largest).rounded(.up)) + 2
    let low = Swift.max(range.lowerBound, -cauchy)
    let high = Swift.min(range.upperBound, cauchy + 1)
    guard low < high else { return nil }
    return (low..<high).first { c0($0).isZero }
  }
}

/// 10^x in doubles.
func pow10(_ x: Double) -> Double { x.isFinite ? _exp10(x) : 0 }

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

func _exp10(_ x: Double) -> Double { exp(x * log(10.0)) }
