import ContinuedFractions
import Multiprecision
import Polynomials

/// One representative of the PCFs that are the same formula in another guise: deflated of all
/// content (inflation), with a positive leading coefficient of a (PCF(−a, b) = −PCF(a, b)), and
/// shifted n → n + k so that the sub-leading coefficient of a lies in [0, d·|lead|) (a shift is a
/// tail of the fraction, whose limit is a Möbius transform of the original).
public enum CanonicalForm {
  /// The canonical key `a|b` of a PCF.
  public static func key(_ pcf: PCF) -> String {
    var p = pcf.deflatedAll().pcf
    if p.a.leadingCoefficient.isNegative { p = PCF(a: -p.a, b: p.b) }
    let shift = canonicalShift(p.a.isConstant ? p.b : p.a)
    if shift != 0 { p = PCF(a: p.a.shifted(by: shift), b: p.b.shifted(by: shift)) }
    return "\(p.a)|\(p.b)"
  }

  /// The k with 0 ≤ c_{d−1} + d·k·c_d < d·|c_d| for c(n + k), or 0 for a constant or when the
  /// arithmetic leaves 64 bits.
  static func canonicalShift(_ c: Polynomial) -> Int {
    let d = c.degree
    guard d >= 1, let lead = Int(exactly: c.leadingCoefficient), let sub = Int(exactly: c[d - 1]) else { return 0 }
    // The sub-leading coefficient grows by d·lead per unit shift.
    let (step, o1) = d.multipliedReportingOverflow(by: lead)
    guard !o1, step != 0, step != Int.min else { return 0 }
    let (q, o2) = sub.dividedReportingOverflow(by: step)
    let (negated, o3) = 0.subtractingReportingOverflow(q)
    guard !o2, !o3 else { return 0 }
    /// c_{d−1} after a shift by k, or nil on overflow.
    func shifted(_ k: Int) -> Int? {
      let (p, o4) = k.multipliedReportingOverflow(by: step)
      let (s, o5) = sub.addingReportingOverflow(p)
      return o4 || o5 ? nil : s
    }
    var k = negated
    guard let first = shifted(k) else { return 0 }
    if first < 0 { k += step > 0 ? 1 : -1 }
    guard let second = shifted(k) else { return 0 }
    if second >= Swift.abs(step) { k -= step > 0 ? 1 : -1 }
    return k
  }
}
