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
    return BigFloat(s.t, precision: precision) / (BigFloat(s.b, precision: precision) * BigFloat(s.q, precision: precision))
  }
}

/// Σ_{k=l}^{r-1} Π_{j=l}^{k} p(j)/q(j) · H(l, k) with H(l, k) = Σ_{j=l}^{k} c(j)/d(j): the series with
/// harmonic-like weights of the Brent–McMillan algorithm for γ, by binary splitting.
///
/// Over a range it keeps P = Πp, Q = Πq, D = Πd, C = D·Σc/d, T = Q·Σ Πp/q, V = D·Q·Σ Πp/q · H, so that
/// V/(D·T) is the weighted sum divided by the plain sum Σ Πp/q.
/// - SeeAlso: Haible & Papanikolaou (1998), section 2.3; R. P. Brent, E. M. McMillan, "Some new
///   algorithms for high-precision computation of Euler's constant", Math. Comp. 34 (1980), 305–312.
struct _HarmonicSeries {
  var p: (Int) -> BigInt
  var q: (Int) -> BigInt
  var c: (Int) -> BigInt
  var d: (Int) -> BigInt

  struct Split {
    var p: BigInt
    var q: BigInt
    var d: BigInt
    var c: BigInt
    var t: BigInt
    var v: BigInt
  }

  func split(_ l: Int, _ r: Int, needsP: Bool = false) -> Split {
    precondition(l < r, "empty range \(l)..<\(r)")
    if r - l == 1 {
      let p = p(l)
      let c = c(l)
      return Split(p: p, q: q(l), d: d(l), c: c, t: p, v: p * c)
    }
    let m = (l + r) / 2
    let x = split(l, m, needsP: true)
    let y = split(m, r, needsP: needsP)
    // Right half: Π_{l..k} = (P1/Q1)·Π_{m..k} and H(l, k) = C1/D1 + H(m, k).
    let v = y.d * y.q * x.v + x.p * (x.c * y.d * y.t + x.d * y.v)
    return Split(
      p: needsP ? x.p * y.p : 0, q: x.q * y.q, d: x.d * y.d, c: x.c * y.d + y.c * x.d,
      t: x.t * y.q + x.p * y.t, v: v)
  }
}
