import Multiprecision

// ζ(s) for small integers s by P. Borwein's alternating-series algorithm, summed exactly by binary
// splitting: quasi-linear in the precision, where MPFR's `mpfr_zeta_ui` is about quadratic
// (ζ(5) to 10^5 digits: about 20 s in MPFR 4.2).

extension Constant {
  /// ζ(s) for an integer s ≥ 2, to `bits` bits plus the rounding of one division.
  ///
  /// With u₀ = 1, uᵢ = uᵢ₋₁·2(n+i−1)(n−i+1)/(i(2i−1)) (so that d_k = Σ_{i≤k} uᵢ are Borwein's d_k)
  /// and the partial sums Aᵢ = Σ_{j≤i} (−1)^{j−1}/j^s of η(s) = (1 − 2^{1−s})ζ(s),
  ///
  ///     ζ(s) = Σ_{i=1}^{n} uᵢAᵢ / (d_n·(1 − 2^{1−s})) + γ_n,   |γ_n| ≤ 3·(3+√8)^−n / (1 − 2^{1−s}),
  ///
  /// a weighted mean of the partial sums of η. The sum Σ uᵢAᵢ of hypergeometric terms times partial
  /// sums is split exactly into integers (P, Q, D, C, T, V) over halves of [1, n].
  /// - Complexity: O(M(s·n·log n)·log n) for n ≈ 0.39·bits terms: the numbers carry (n!)^s.
  /// - SeeAlso: P. Borwein, "An efficient algorithm for the Riemann zeta function", CMS Conf. Proc. 27
  ///   (2000), 29–34, Algorithm 2; B. Haible, T. Papanikolaou, "Fast multiprecision evaluation of
  ///   series of rational numbers", ANTS-III (1998), for the splitting of sums with partial sums.
  static func _zetaBorwein(_ s: Int, bits: Int) -> BigFloat {
    precondition(s >= 2, "zeta(\(s)) diverges")
    // 3·(3+√8)^−n / (1 − 2^{1−s}) ≤ 6·(3+√8)^−n < 2^−(bits+2): log2(3+√8) = 2.5431.
    let n = Int((Double(bits + 5) / 2.543_106_606_5).rounded(.up)) + 1
    let split = _ZetaSplit.split(1, n + 1, n: n, s: s, needsPC: false)
    let precision = Precision.bits(bits + 32)
    // ζ ≈ V / (D·(Q + T)) · 2^{s−1} / (2^{s−1} − 1).
    let powerOfTwo = BigInt(1).shifted(by: s - 1)
    let numerator = BigFloat(split.v * powerOfTwo, precision: precision)
    let denominator = BigFloat(split.d * (split.q + split.t) * (powerOfTwo - 1), precision: precision)
    return BigFloat(numerator / denominator, precision: .bits(bits))
  }
}

/// The integers of Σ_{i∈[a,b)} (Π_{j=a}^{i} p_j/q_j)·(1, A-part) for `Constant._zetaBorwein`:
/// T/Q = Σᵢ Π p/q, V/(Q·D) = Σᵢ (Π p/q)·(Σ_{j=a}^{i} c_j/D_j), C/D = Σ c_j/D_j, P = Π p.
struct _ZetaSplit {
  var p: BigInt
  var q: BigInt
  var d: BigInt
  var c: BigInt
  var t: BigInt
  var v: BigInt

  /// The split over [a, b); P and C are left zero when `needsPC` is false (the rightmost branch).
  static func split(_ a: Int, _ b: Int, n: Int, s: Int, needsPC: Bool) -> _ZetaSplit {
    if b - a == 1 {
      let i = a
      let p = BigInt(2 * (n + i - 1)) * BigInt(n - i + 1)
      let c = BigInt(i % 2 == 1 ? 1 : -1)
      return _ZetaSplit(p: p, q: BigInt(i * (2 * i - 1)), d: BigInt(i).power(s), c: c, t: p, v: p * c)
    }
    let m = (a + b) / 2
    let left = split(a, m, n: n, s: s, needsPC: true)
    let right = split(m, b, n: n, s: s, needsPC: needsPC)
    let leftPC = left.p * left.c
    let v = (left.v * right.q + leftPC * right.t) * right.d + left.p * right.v * left.d
    return _ZetaSplit(
      p: needsPC ? left.p * right.p : 0, q: left.q * right.q, d: left.d * right.d,
      c: needsPC ? left.c * right.d + right.c * left.d : 0, t: left.t * right.q + left.p * right.t, v: v)
  }
}
