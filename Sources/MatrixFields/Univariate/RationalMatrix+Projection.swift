import Multiprecision
import Polynomials
import Recurrences

extension RationalMatrix {
  /// The limit of (v·W)[last]/(w·W)[last] for the walk W = M(start)···M(start+N−1): the ratio of
  /// the last entries of two chosen combinations v, w of the walk's rows (ramanujantools'
  /// `initial_values`); v = e₀, w = e₁ is `limit(start:depth:threads:)`. The denominators of the
  /// walk scale v·W and w·W alike, so the integer walk of the numerator gives the ratio.
  /// Precondition: size ≥ 2, depth ≥ 1, v and w of length `size`, no singular point in range.
  /// - Complexity: as `limit(start:depth:threads:)`.
  public func limit(
    start: Int = 0, depth: Int, numerator v: [BigInt], denominator w: [BigInt], threads: Int = availableCores
  ) -> Limit {
    precondition(size >= 2, "a limit needs a matrix of size at least 2")
    precondition(depth >= 1, "depth \(depth) must be at least 1")
    precondition(v.count == size && w.count == size, "initial rows need \(size) entries")
    let ends = Limit.checkpointDepths(depth) + [depth]
    let depths = Array(Set(ends.flatMap { n in [n - 2, n - 1, n].filter { $0 >= 0 } })).sorted()
    let walks = numerator.walk(start: start, depths: depths, threads: threads)
    let byDepth = Dictionary(uniqueKeysWithValues: zip(depths, walks))
    let last = size - 1
    func project(_ u: [BigInt], _ m: IntegerMatrix) -> BigInt {
      (0..<size).reduce(BigInt(0)) { $0 + u[$1] * m[$1, last] }
    }
    func convergents(_ n: Int) -> Convergents {
      let current = byDepth[n] ?? .identity(size)
      let previous = n >= 1 ? (byDepth[n - 1] ?? .identity(size)) : .identity(size)
      return Convergents(
        depth: n,
        matrix: IntegerMatrix([
          [project(v, previous), project(v, current)], [project(w, previous), project(w, current)],
        ]))
    }
    return Limit(consecutive: ends.map { n in (convergents(n - 1), convergents(n)) })
  }
}
