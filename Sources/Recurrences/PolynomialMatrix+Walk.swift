import Multiprecision
import Polynomials

extension PolynomialMatrix {
  /// The walk M(start)·M(start+1)···M(start+depth−1), exact; the identity for depth 0.
  ///
  /// Binary splitting: leaves of `WalkCutoffs.leafSteps` steps are multiplied with machine-word
  /// multipliers, then a balanced product tree on GMP; large subtrees and large products run on
  /// up to `threads` cores. Memory is proportional to the result (depth-first tree).
  /// - Complexity: O(M(B)·log depth) for result entries of B bits, M the GMP multiplication cost.
  public func walk(start: Int, depth: Int, threads: Int = availableCores) -> IntegerMatrix {
    precondition(depth >= 0, "walk depth \(depth) is negative")
    if depth == 0 { return .identity(size) }
    let kernel = _WalkKernel(self)
    return kernel.product(start, start + depth, threads: max(1, threads))
  }

  /// The cumulative walks to several depths in one pass: element k is
  /// M(start)···M(start+depths[k]−1). Precondition: depths ascending and ≥ 0.
  public func walk(start: Int, depths: [Int], threads: Int = availableCores) -> [IntegerMatrix] {
    precondition(
      zip(depths, depths.dropFirst()).allSatisfy { $0 <= $1 } && (depths.first ?? 0) >= 0,
      "depths \(depths) must be ascending and non-negative")
    let kernel = _WalkKernel(self)
    var results: [IntegerMatrix] = []
    var current = IntegerMatrix.identity(size)
    var reached = 0
    for d in depths {
      if d > reached {
        let segment = kernel.product(start + reached, start + d, threads: max(1, threads))
        current =
          reached == 0
          ? segment
          : current.multiplied(
            by: segment, parallel: threads > 1 && segment.maxBitWidth > WalkCutoffs.parallelProductBits)
        reached = d
      }
      results.append(current)
    }
    return results
  }

  /// The same product computed step by step, left to right: the reference for tests.
  /// - Complexity: O(depth²) in the size of the entries.
  public func walkNaive(start: Int, depth: Int) -> IntegerMatrix {
    var result = IntegerMatrix.identity(size)
    for n in start..<start + depth { result = result * evaluated(at: n) }
    return result
  }
}

/// One evaluated entry of M(n).
enum _Entry {
  /// `wide`: beyond a machine word but within 128 bits (e.g. −n⁶ for n > 1448), set into a
  /// reused scratch integer instead of allocating one per step.
  case zero, one, small(Int), wide(Int128), big(BigInt)
}

/// Evaluates step matrices cheaply and multiplies ranges of them.
struct _WalkKernel: Sendable {
  let matrix: PolynomialMatrix
  let machine: [[Int]?]

  init(_ matrix: PolynomialMatrix) {
    self.matrix = matrix
    self.machine = matrix.entries.map(\.machineCoefficients)
  }

  var size: Int { matrix.size }

  @inline(__always)
  func entry(_ index: Int, at n: Int) -> _Entry {
    let p = matrix.entries[index]
    if p.isZero { return .zero }
    if let c = machine[index] {
      if let v = p.evaluateExactly(at: n, machineCoefficients: c) {
        return v == 0 ? .zero : (v == 1 ? .one : .small(v))
      }
      if let v = Self.evaluate128(c, at: n) { return .wide(v) }
    }
    let v = p(n)
    return v.isZero ? .zero : .big(v)
  }

  /// Horner's rule in 128-bit arithmetic; `nil` on overflow.
  @inline(__always)
  static func evaluate128(_ c: [Int], at n: Int) -> Int128? {
    var result: Int128 = 0
    let x = Int128(n)
    for coefficient in c.reversed() {
      let (m, o1) = result.multipliedReportingOverflow(by: x)
      let (s, o2) = m.addingReportingOverflow(Int128(coefficient))
      if o1 || o2 { return nil }
      result = s
    }
    return result
  }

  func product(_ lo: Int, _ hi: Int, threads: Int) -> IntegerMatrix {
    if hi - lo <= WalkCutoffs.leafSteps { return leaf(lo, hi) }
    let parallel = threads > 1 && hi - lo >= WalkCutoffs.parallelSteps
    let mid = parallel ? balancedSplit(lo, hi) : (lo + hi) / 2
    let (left, right) = _forkJoin(
      parallel: parallel,
      { self.product(lo, mid, threads: parallel ? threads / 2 : 1) },
      { self.product(mid, hi, threads: parallel ? threads - threads / 2 : 1) })
    let big = threads > 1 && max(left.maxBitWidth, right.maxBitWidth) > WalkCutoffs.parallelProductBits
    return left.multiplied(by: right, parallel: big)
  }

  /// A split point giving both halves about the same total entry growth: the size added by
  /// step n grows like log n, so halve ∫ log n (n log n − n) rather than the step count.
  func balancedSplit(_ lo: Int, _ hi: Int) -> Int {
    func weight(_ n: Int) -> Double {
      let x = Double(max(n, 1))
      return x * _ln(x) - x + 8 * x  // + 8x: coefficient bits independent of n
    }
    let target = (weight(lo) + weight(hi)) / 2
    var (a, b) = (lo + 1, hi - 1)
    while a < b {
      let m = (a + b) / 2
      if weight(m) < target { a = m + 1 } else { b = m }
    }
    return a
  }

  /// Product of M(lo)···M(hi−1) by direct recurrence with machine multipliers where they fit.
  func leaf(_ lo: Int, _ hi: Int) -> IntegerMatrix {
    let r = size
    var p = (0..<r * r).map { k -> BigInt in
      switch entry(k, at: lo) {
      case .zero: return BigInt()
      case .one: return BigInt(1)
      case .small(let v): return BigInt(v)
      case .wide(let v): return BigInt(v)
      case .big(let v): return v
      }
    }
    var q = (0..<r * r).map { _ in BigInt() }
    var scratch = (0..<r * r).map { _ in BigInt() }
    var step = [_Entry](repeating: .zero, count: r * r)
    var n = lo + 1
    while n < hi {
      for k in 0..<r * r {
        step[k] = entry(k, at: n)
        if case .wide(let v) = step[k] { scratch[k].set(v) }
      }
      for i in 0..<r {
        for j in 0..<r {
          let target = i * r + j
          q[target].set(0)
          for k in 0..<r {
            switch step[k * r + j] {
            case .zero: continue
            case .one: q[target] += p[i * r + k]
            case .small(let v): q[target].addProduct(p[i * r + k], v)
            case .wide: q[target].addProduct(p[i * r + k], scratch[k * r + j])
            case .big(let v): q[target].addProduct(p[i * r + k], v)
            }
          }
        }
      }
      swap(&p, &q)
      n += 1
    }
    return IntegerMatrix(rows: r, columns: r, entries: p)
  }
}
