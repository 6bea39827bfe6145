import Multiprecision

/// An integer relation m = (m₁, …, mₙ) ≠ 0 of real numbers x₁, …, xₙ: Σ mᵢ·xᵢ ≈ 0.
///
/// Coefficients are kept primitive (gcd 1) with the first non-zero one positive, so a relation and
/// its negative are the same value. Found by `PSLQ` or `LLL` through `IntegerRelation.find`.
public struct IntegerRelation: Sendable, Hashable {
  /// The coefficients mᵢ, primitive, first non-zero one positive.
  public let coefficients: [BigInt]

  /// The relation with these coefficients, divided by their gcd and signed so the first non-zero is
  /// positive. Precondition: not all zero.
  public init(_ coefficients: [BigInt]) {
    let g = coefficients.reduce(BigInt(0)) { BigInt.gcd($0, $1) }
    precondition(!g.isZero, "an integer relation needs a non-zero coefficient")
    let sign = coefficients.first { !$0.isZero }!.isNegative ? -1 : 1
    self.coefficients = coefficients.map { $0.dividedExactly(by: g) * BigInt(sign) }
  }

  /// max |mᵢ|.
  public var height: BigInt { coefficients.map(\.magnitude).max() ?? 0 }

  /// Σ over the coefficients of their decimal digits, a zero counting as one digit: the length of the
  /// relation written out in the basis it was searched in (see `PrecisionDiscipline`).
  public var coefficientDigits: Int { coefficients.reduce(0) { $0 + $1.decimalDigitCount } }

  /// The number of decimal digits to which the relation holds on `x`:
  /// −log10(|Σ mᵢxᵢ| / max |mᵢxᵢ|), computed at `precision` plus 64 guard bits and capped at the digits of
  /// `precision` (a residual that is 0 there gives that cap). `x` must have as many entries as the relation.
  /// - Complexity: n multiplications at the working precision.
  public func digits(on x: [BigFloat], precision: Precision) -> Double {
    precondition(x.count == coefficients.count, "\(x.count) numbers for a relation of \(coefficients.count)")
    let working = precision.adding(bits: 64)
    var sum = BigFloat(precision: working)
    var largest = -Double.infinity
    for (m, xi) in zip(coefficients, x) where !m.isZero {
      let term = BigFloat(m, precision: working) * BigFloat(xi, precision: working)
      largest = Swift.max(largest, term.log10Magnitude)
      sum += term
    }
    let cap = Double(precision.digits)
    if sum.isZero || !largest.isFinite { return cap }
    return Swift.min(cap, largest - sum.log10Magnitude)
  }
}

extension IntegerRelation: CustomStringConvertible {
  /// The coefficients in brackets: `[1, 0, -6, 0]`.
  public var description: String { "[" + coefficients.map(\.description).joined(separator: ", ") + "]" }
}

/// The algorithms that find integer relations.
public enum IntegerRelationAlgorithm: String, Sendable, Hashable, CaseIterable {
  /// PSLQ (Ferguson–Bailey–Arno), on fixed-point GMP integers: see `PSLQ`.
  case pslq
  /// LLL reduction of the integer lattice [I | ⌊2^s·x⌉]: see `LLL`.
  case lll
}

extension IntegerRelation {
  /// What one run of an integer-relation algorithm established at its working precision.
  public enum Outcome: Sendable, Hashable {
    /// A relation within the bound that holds to the working precision.
    case found(IntegerRelation)
    /// No relation of Euclidean norm below `normBound` (log2 of it given) exists, so none within the
    /// coefficient bound.
    case none(log2NormBound: Double)
    /// The precision ran out (or the iteration budget did) before either could be said.
    case exhausted
  }

  /// An integer relation of `x` with every |mᵢ| ≤ `maxCoefficient` that holds to `precision`, or `nil`
  /// when there is none within the bound at that precision.
  ///
  /// `precision` is the relative accuracy of the entries of `x`. The algorithm runs first at the smallest
  /// precision that can detect a relation of that height among n numbers (about (n−1)·log2(√n·bound) bits
  /// plus guard bits, `detectionBits`), so a search at thousands of digits costs what one at a hundred
  /// does; a relation found there is kept only if it holds to the full `precision`, otherwise (or when
  /// that precision is exhausted) the working precision doubles, up to `precision`.
  /// Precondition: at least 2 numbers, none of them zero or non-finite; maxCoefficient ≥ 1.
  /// - Complexity: that of the chosen algorithm at the working precision (`PSLQ`, `LLL`), plus one
  ///   residual at the full precision for each relation found.
  public static func find(
    _ x: [BigFloat], maxCoefficient: BigInt, algorithm: IntegerRelationAlgorithm = .pslq, precision: Precision
  ) -> IntegerRelation? {
    _validate(x, maxCoefficient)
    let full = precision.bits
    var bits = Swift.min(full, detectionBits(count: x.count, maxCoefficient: maxCoefficient, algorithm: algorithm))
    while true {
      let outcome: Outcome
      switch algorithm {
      case .pslq: outcome = PSLQ.search(x, maxCoefficient: maxCoefficient, precision: .bits(bits))
      case .lll: outcome = LLL.search(x, maxCoefficient: maxCoefficient, precision: .bits(bits))
      }
      switch outcome {
      case .found(let relation):
        if bits == full || relation._holds(on: x, bits: full) { return relation }
      case .none:
        return nil
      case .exhausted:
        break
      }
      if bits == full { return nil }
      bits = Swift.min(full, 2 * bits)
    }
  }

  /// Bits at which `algorithm` tells a relation of height `maxCoefficient` among `count` numbers from
  /// the accidental near-relations of that precision: random vectors have near-relations of norm about
  /// 2^(bits/(n−1)) (PSLQ) and LLL loses up to a factor 2^((n−1)/2) more; 64 guard bits on top.
  /// - SeeAlso: D. H. Bailey, "Integer relation detection", Computing in Science & Engineering 2(1)
  ///   (2000), 24–28: a relation of n coefficients of d digits needs somewhat more than n·d digits.
  public static func detectionBits(count n: Int, maxCoefficient: BigInt, algorithm: IntegerRelationAlgorithm) -> Int {
    let log2Norm = maxCoefficient.log2Magnitude + 0.5 * _log2(Double(n))
    switch algorithm {
    case .pslq: return Int((Double(n - 1) * (log2Norm + 1)).rounded(.up)) + 64
    case .lll: return Int((Double(n) * (log2Norm + 1 + Double(n - 1) / 2)).rounded(.up)) + 64
    }
  }

  /// Whether Σ mᵢxᵢ is below the error that `bits` of relative accuracy in x allow:
  /// |Σ mᵢxᵢ| ≤ 2^(4−bits)·Σ|mᵢ|·max|xᵢ|.
  func _holds(on x: [BigFloat], bits: Int) -> Bool {
    let working = Precision.bits(bits + 64)
    var sum = BigFloat(precision: working)
    var log2Scale = -Double.infinity
    var l1 = BigInt(0)
    for (m, xi) in zip(coefficients, x) where !m.isZero {
      sum += BigFloat(m, precision: working) * BigFloat(xi, precision: working)
      l1 += m.magnitude
    }
    for xi in x { log2Scale = Swift.max(log2Scale, xi.log10Magnitude * Precision.bitsPerDigit) }
    if sum.isZero { return true }
    let log2Residual = sum.log10Magnitude * Precision.bitsPerDigit
    return log2Residual <= 4 - Double(bits) + l1.log2Magnitude + log2Scale
  }

  static func _validate(_ x: [BigFloat], _ maxCoefficient: BigInt) {
    precondition(x.count >= 2, "an integer relation needs at least 2 numbers, got \(x.count)")
    precondition(maxCoefficient >= 1, "coefficient bound \(maxCoefficient) is below 1")
    for (i, xi) in x.enumerated() {
      precondition(xi.isFinite && !xi.isZero, "entry \(i) of the vector is \(xi), not a non-zero finite number")
    }
  }
}

// MARK: - Fixed point

/// Numbers as integers scaled by 2^bits: the representation both algorithms work in.
enum _FixedPoint {
  /// ⌊x·2^bits⌉.
  static func scaled(_ x: BigFloat, bits: Int) -> BigInt {
    let power = BigFloat(BigInt(1).shifted(by: bits), precision: .bits(2))
    return (BigFloat(x, precision: .bits(Swift.max(2, x.precision.bits + bits))) * power).roundedToInteger()
  }

  /// x / max |xᵢ| as integers scaled by 2^bits, so the largest has about `bits` bits.
  static func normalized(_ x: [BigFloat], bits: Int) -> [BigInt] {
    let working = Precision.bits(bits + 64)
    var largest = BigFloat(precision: working)
    for xi in x where xi.magnitude > largest { largest = BigFloat(xi.magnitude, precision: working) }
    return x.map { scaled(BigFloat($0, precision: working) / largest, bits: bits) }
  }
}
