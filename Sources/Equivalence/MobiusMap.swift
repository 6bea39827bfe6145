import Multiprecision

/// The Möbius map x ↦ (p·x + q)/(r·x + s) with integer p, q, r, s (primitive, the first nonzero
/// of r, s positive), and ps − qr ≠ 0.
public struct MobiusMap: Sendable, Hashable, CustomStringConvertible {
  public let p: BigInt
  public let q: BigInt
  public let r: BigInt
  public let s: BigInt

  /// The map of the matrix [[p, q], [r, s]], scaled to be primitive with a positive r (or s when
  /// r = 0). Precondition: ps − qr ≠ 0.
  public init(_ p: BigInt, _ q: BigInt, _ r: BigInt, _ s: BigInt) {
    precondition(p * s - q * r != 0, "a Möbius map needs ps − qr ≠ 0")
    let g = [q, r, s].reduce(p.magnitude) { BigInt.gcd($0, $1) }
    let flip = r.isNegative || (r.isZero && s.isNegative)
    let k = flip ? -g : g
    self.p = p / k
    self.q = q / k
    self.r = r / k
    self.s = s / k
  }

  /// The map of [[p, q], [r, s]] given row by row. Precondition: four entries, ps − qr ≠ 0.
  public init(matrix t: [BigInt]) {
    precondition(t.count == 4, "a Möbius map needs four entries")
    self.init(t[0], t[1], t[2], t[3])
  }

  /// p·s − q·r.
  public var determinant: BigInt { p * s - q * r }

  /// (p·x + q)/(r·x + s), or `nil` at the pole.
  public func callAsFunction(_ x: BigFloat) -> BigFloat? {
    let precision = x.precision
    let denominator = BigFloat(r, precision: precision) * x + BigFloat(s, precision: precision)
    guard !denominator.isZero else { return nil }
    return (BigFloat(p, precision: precision) * x + BigFloat(q, precision: precision)) / denominator
  }

  /// log10 |d/dx (p·x + q)/(r·x + s)| = log10 |ps − qr| − 2·log10 |r·x + s| at x.
  public func log10Derivative(at x: BigFloat) -> Double {
    let denominator = BigFloat(r, precision: x.precision) * x + BigFloat(s, precision: x.precision)
    return determinant.log10Magnitude - 2 * denominator.log10Magnitude
  }

  /// `(p·L2 + q)/(r·L2 + s)` with the numbers written out.
  public var description: String { "(\(p)·L2 + \(q))/(\(r)·L2 + \(s))" }
}
