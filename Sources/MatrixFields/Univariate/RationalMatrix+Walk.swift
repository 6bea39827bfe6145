import Multiprecision
import Polynomials
import Recurrences

extension RationalMatrix {
  /// The walk M(start)·M(start+1)···M(start+depth−1) as N-walk over a scalar:
  /// W = (N(start)···N(start+depth−1)) / (d(start)···d(start+depth−1)), both exact.
  /// The numerator walk runs on the product tree of `PolynomialMatrix.walk`; the scalar on a
  /// product tree of integers. Precondition: d(k) ≠ 0 in range (see `firstSingularPoint`).
  /// - Complexity: O(M(B)·log depth) for walk entries of B bits.
  public func walk(start: Int = 0, depth: Int, threads: Int = availableCores) -> (
    numerator: IntegerMatrix, denominator: BigInt
  ) {
    let w = numerator.walk(start: start, depth: depth, threads: threads)
    let d = denominator
    let scalar = _integerProduct((start..<start + depth).map { d($0) }[...])
    precondition(!scalar.isZero, "the walk passes a zero of the denominator")
    return (w, scalar)
  }

  /// An estimate of the work of the walk from 0 to `depth`, in bits processed: evaluating the
  /// r² numerator entries (degree D, B-bit coefficients) at every n < N, N·r²·(D+1)·B, plus the
  /// walk itself, whose r² entries hold about Σ_{n<N} (B + D·log₂(n+1)) bits each, and the scalar
  /// walk of the denominator likewise. The product tree, the singular-point scan and reading the
  /// limit all grow with it; about 1.5·10⁷ of it per second on one core.
  /// - Complexity: one pass over the coefficients.
  public func estimatedWalkWork(depth: Int) -> Int {
    let n = Double(max(0, depth))
    let log = Double(_bitLength(max(1, depth)))
    let coefficientBits = Double(numeratorEntries.map(_Kronecker.maxBits).max() ?? 0)
    let degree = Double(max(0, numeratorDegree))
    let terms = Double(_bitLength(Int(degree) + 1))
    let r2 = Double(size * size)
    let d = denominator
    let evaluation = n * r2 * (degree + 1) * max(1, coefficientBits / 64)
    let walk = r2 * n * (coefficientBits + degree * log + terms + 1)
    let scalar = n * (Double(_Kronecker.maxBits(d)) + Double(max(0, d.degree)) * log + 1)
    let total = evaluation + walk + scalar
    return total >= Double(Int.max) ? Int.max : Int(total)
  }

  /// The first n in `range` where M(n) is undefined (d(n) = 0) or singular (det N(n) = 0), with
  /// which of the two; `nil` when there is none.
  ///
  /// Zeros of d come from its linear factors directly and from any other factor by evaluation;
  /// det N(n) is computed modulo 2⁶¹ − 1 by elimination and only a zero there is confirmed exactly
  /// (fraction-free determinant of the integer matrix N(n)).
  /// - Complexity: O(|range|·(r³ + r²·deg N)) word operations.
  public func firstSingularPoint(in range: Range<Int>) -> (n: Int, undefined: Bool)? {
    var first: (n: Int, undefined: Bool)?
    for (f, _) in denominatorFactors {
      if f.degree == 1 {
        let (b, a) = (f[0], f[1])  // a·n + b = 0 at n = −b/a
        if (-b).isDivisible(by: a), let root = Int(exactly: (-b).dividedExactly(by: a)), range.contains(root) {
          if first == nil || root < first!.n { first = (root, true) }
        }
      } else {
        for k in range where first == nil || k < first!.n {
          if f(k).isZero {
            first = (k, true)
            break
          }
        }
      }
    }
    let end = first?.n ?? range.upperBound
    let residues = numeratorEntries.map { $0.coefficients.map(_Mod61.residue) }
    for k in range.lowerBound..<end {
      let x = _Mod61.residue(k)
      let values = residues.map { c -> UInt64 in
        var v: UInt64 = 0
        for coefficient in c.reversed() { v = _Mod61.add(_Mod61.mul(v, x), coefficient) }
        return v
      }
      if _modularDeterminant(values, size) == 0 {
        let exact = numeratorEntries.map { $0(k) }
        let (det, _) = _bareiss(exact, size: size, one: BigInt(1), zero: BigInt(0))
        if det.isZero { return (k, false) }
      }
    }
    return first
  }

  /// The limit W[0, last]/W[1, last] of the walk from n = `start` at depth N, read as in
  /// ramanujantools from the walks at N and N−1 (and at each checkpoint n of
  /// `Limit.checkpointDepths`, the walks at n−2, n−1 and n, for the error model of `Limit`).
  /// Precondition: size ≥ 2, depth ≥ 1, no singular point in range.
  public func limit(start: Int = 0, depth: Int, threads: Int = availableCores) -> Limit {
    precondition(size >= 2, "a limit needs a matrix of size at least 2")
    precondition(depth >= 1, "depth \(depth) must be at least 1")
    let ends = Limit.checkpointDepths(depth) + [depth]
    let depths = Array(Set(ends.flatMap { n in [n - 2, n - 1, n].filter { $0 >= 0 } })).sorted()
    let walks = numerator.walk(start: start, depths: depths, threads: threads)
    let byDepth = Dictionary(uniqueKeysWithValues: zip(depths, walks))
    let last = size - 1
    func convergents(_ n: Int) -> Convergents {
      // Before the first step the walk is the identity (previous column of depth −1 likewise).
      let current = byDepth[n] ?? .identity(size)
      let previous = n >= 1 ? (byDepth[n - 1] ?? .identity(size)) : .identity(size)
      return Convergents(
        depth: n,
        matrix: IntegerMatrix([[previous[0, last], current[0, last]], [previous[1, last], current[1, last]]]))
    }
    return Limit(consecutive: ends.map { n in (convergents(n - 1), convergents(n)) })
  }
}

/// The product of the integers, by a balanced tree (1 for none).
func _integerProduct(_ xs: ArraySlice<BigInt>) -> BigInt {
  switch xs.count {
  case 0: return 1
  case 1: return xs.first!
  default:
    let mid = xs.startIndex + xs.count / 2
    return _integerProduct(xs[..<mid]) * _integerProduct(xs[mid...])
  }
}

/// det of an r×r matrix modulo 2⁶¹ − 1, by Gaussian elimination.
func _modularDeterminant(_ a: [UInt64], _ r: Int) -> UInt64 {
  var m = a
  var det: UInt64 = 1
  for k in 0..<r {
    guard let p = (k..<r).first(where: { m[$0 * r + k] != 0 }) else { return 0 }
    if p != k {
      for j in 0..<r { m.swapAt(p * r + j, k * r + j) }
      det = _Mod61.sub(0, det)
    }
    let pivot = m[k * r + k]
    det = _Mod61.mul(det, pivot)
    let inverse = _Mod61.inverse(pivot)
    for i in (k + 1)..<r where m[i * r + k] != 0 {
      let factor = _Mod61.mul(m[i * r + k], inverse)
      for j in k..<r { m[i * r + j] = _Mod61.sub(m[i * r + j], _Mod61.mul(factor, m[k * r + j])) }
    }
  }
  return det
}

extension BigInt: _ExactRing {
  func _exactQuotient(_ divisor: BigInt) -> BigInt { dividedExactly(by: divisor) }
}
