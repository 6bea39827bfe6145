import Multiprecision

/// A series Σ_{k=l}^{r-1} a(k)/b(k) · Π_{j=l}^{k} p(j)/q(j) with integer terms, summed exactly by
/// binary splitting into integers with T/(B·Q) equal to the sum.
///
/// - Complexity: O(M(N log N) log N) for N terms whose p, q, a, b have O(log N) bits, M the cost of
///   multiplying two integers.
/// - SeeAlso: B. Haible, T. Papanikolaou, "Fast multiprecision evaluation of series of rational numbers",
///   ANTS-III (1998), LNCS 1423, 338–350.
struct _HypergeometricSeries {
  var p: (Int) -> BigInt
  var q: (Int) -> BigInt
  var a: (Int) -> BigInt
  /// `nil` when b ≡ 1, which saves a third of the products.
  var b: ((Int) -> BigInt)?

  struct Split {
    var p: BigInt
    var q: BigInt
    var b: BigInt
    var t: BigInt
  }

  /// P, Q, B, T over [l, r). P is left zero when `needsP` is false (the rightmost branch never needs it).
  func split(_ l: Int, _ r: Int, needsP: Bool = false) -> Split {
    precondition(l < r, "empty range \(l)..<\(r)")
    if r - l == 1 {
      let p = p(l)
      return Split(p: p, q: q(l), b: b?(l) ?? 1, t: a(l) * p)
    }
    let m = (l + r) / 2
    let left = split(l, m, needsP: true)
    let right = split(m, r, needsP: needsP)
    let t: BigInt
    let bb: BigInt
    if b == nil {
      t = right.q * left.t + left.p * right.t
      bb = 1
    } else {
      t = right.b * right.q * left.t + left.b * left.p * right.t
      bb = left.b * right.b
    }
    return Split(p: needsP ? left.p * right.p : 0, q: left.q * right.q, b: bb, t: t)
  }

  /// The sum over [l, r) rounded to `bits` bits (plus the rounding of one division).
  func sum(_ l: Int, _ r: Int, bits: Int) -> BigFloat {
    let s = split(l, r)
    let precision = Precision.bits(bits)
    return BigFloat(s.t, precision: precision)
      / (BigFloat(s.b, precision: precision) * BigFloat(s.q, precision: precision))
  }
}
