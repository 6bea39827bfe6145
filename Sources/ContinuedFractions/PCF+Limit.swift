import Multiprecision
import Polynomials
import Recurrences

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension PCF {
  /// The limit read at depth N: walks to N and to the checkpoints N/2^k (k = 1…6, see
  /// `Limit.checkpointDepths`) in one product tree, and takes the differences of convergents from
  /// |p(n)q(n−1) − p(n−1)q(n)| = |b(1)···b(n)| (no gcd, no huge-rational subtraction). A fraction
  /// with b(n) = 0 for some n ≤ N terminates: its limit is the exact rational p(n−1)/q(n−1)
  /// (infinite when q(n−1) = 0). A fraction that `divergence` proves divergent is never converging.
  /// - Precondition: depth ≥ 1.
  /// - Complexity: one product tree (see `PolynomialMatrix.walk`) plus N evaluations of b.
  public func limit(depth: Int, threads: Int = availableCores) -> Limit {
    limit(depth: depth, threads: threads, structural: true)
  }

  /// `limit(depth:threads:)`; without the structural verdict when `structural` is false (for
  /// tests of the numerical model alone).
  func limit(depth: Int, threads: Int, structural: Bool) -> Limit {
    precondition(depth >= 1, "depth \(depth) must be ≥ 1")
    if let stop = terminationIndex(upTo: depth) {
      let w = walk(depth: stop - 1, threads: threads)
      let final = Convergents(depth: stop - 1, matrix: w, log10Minor: -.infinity)
      let exact = final.q.isZero ? nil : BigRational(final.p, final.q)
      return Limit(final: final, exactValue: exact, terminationIndex: stop)
    }
    return limit(through: Limit.checkpointDepths(depth) + [depth], threads: threads, structural: structural)
  }

  /// The limit at the last of `depths` (ascending, no termination before it) with the others as
  /// checkpoints, from one product tree through all of them.
  func limit(through depths: [Int], threads: Int, structural: Bool) -> Limit {
    let walks = matrix.walk(start: 1, depths: depths, threads: threads).map { initialMatrix.multiplied(by: $0) }
    let minors = log10ProductOfB(checkpoints: depths)
    let convergents = zip(depths, zip(walks, minors)).map {
      Convergents(depth: $0.0, matrix: $0.1.0, log10Minor: $0.1.1)
    }
    return Limit(
      final: convergents.last!, checkpoints: Array(convergents.dropLast()),
      alternations: convergents.map { alternates(after: $0) }, divergence: structural ? divergence : nil)
  }

  /// An upper estimate of log2 |p(N)|, |q(N)| at `depth`: the majorant recurrence
  /// u(n) = |a(n)|·u(n−1) + |b(n)|·u(n−2) grows by at most |a(n)| + √|b(n)| per step.
  /// - Complexity: O(min(depth, 65536)·degree) floating-point operations.
  public func estimatedLog2Entries(depth: Int) -> Double {
    let (la, lb) = (_Log2Bound(a), _Log2Bound(b))
    return _sumOverSteps(start: 1, depth: depth) { n in Swift.max(la(n), lb(n) / 2) + 1 }
  }

  /// Why this fraction cannot converge, when its degrees and leading coefficients prove it;
  /// `nil` otherwise (which does not mean it converges). With s = deg b − 2·deg a:
  /// - s ≥ 3: the equivalent fraction K(1/c(n)) has |c(n)| ~ n^−s/2, a convergent series, so even
  ///   and odd convergents tend to different values (Stern–Stolz theorem).
  /// - s = 0 and lead(a)² + 4·lead(b) < 0: the characteristic roots of
  ///   x² = lead(a)·x + lead(b) are complex conjugate, of equal modulus at every n, so no
  ///   solution dominates and p(n)/q(n) keeps turning (limit-periodic fraction with
  ///   b(n)/(a(n−1)a(n)) → c < −1/4).
  /// - a ≡ 0: q(n) = 0 at every odd n.
  /// See Lorentzen & Waadeland, *Continued Fractions* vol. 1 (2008), the Stern–Stolz theorem and
  /// limit-periodic fractions.
  public var divergence: String? {
    if b.isZero { return nil }
    if a.isZero { return "a(n) ≡ 0: q(n) = 0 at every odd n, the convergents are undefined there" }
    let s = b.degree - 2 * a.degree
    if s >= 3 {
      return
        "deg b − 2·deg a = \(s) ≥ 3: even and odd convergents tend to different values (Stern–Stolz theorem)"
    }
    if s == 0 {
      let alpha = a.coefficients.last!
      let beta = b.coefficients.last!
      if alpha * alpha + 4 * beta < 0 {
        return
          "lead(a)² + 4·lead(b) = \(alpha * alpha + 4 * beta) < 0 with deg b = 2·deg a: the characteristic roots are complex conjugate, the convergents oscillate"
      }
    }
    return nil
  }

  /// Whether x(N+1) − x(N) and x(N) − x(N−1) have opposite signs, x = p/q. The difference
  /// x(n) − x(n−1) has the sign of Π_{k≤n}(−b(k))·q(n)q(n−1), so the two differ by
  /// sign(−b(N+1))·sign(q(N+1)·q(N−1)), with q(N+1) = a(N+1)q(N) + b(N+1)q(N−1).
  func alternates(after c: Convergents) -> Bool {
    let n = c.depth + 1
    let bNext = b(n)
    guard !bNext.isZero, !c.previousQ.isZero else { return false }
    let qNext = a(n) * c.q + bNext * c.previousQ
    return -bNext.signum * qNext.signum * c.previousQ.signum < 0
  }

  /// log10 |b(1)···b(d)| for each checkpoint d (ascending), summing log10|b(n)|: in machine
  /// arithmetic when Horner's rule cannot lose accuracy there, exactly otherwise.
  func log10ProductOfB(checkpoints: [Int]) -> [Double] {
    let machine = b.machineCoefficients
    let doubles = b.coefficients.map { Double($0) }
    var out: [Double] = []
    var sum = 0.0
    var n = 1
    for d in checkpoints {
      while n <= d {
        sum += log10AbsB(n, machine: machine, doubles: doubles)
        n += 1
      }
      out.append(sum)
    }
    return out
  }

  @inline(__always)
  func log10AbsB(_ n: Int, machine: [Int]?, doubles: [Double]) -> Double {
    if let machine, let v = b.evaluateExactly(at: n, machineCoefficients: machine) {
      return log10(Double(v.magnitude))
    }
    // Horner in doubles is accurate to ~1e-12 relative when Σ|bᵢ|nⁱ ≤ 1e4·|b(n)|.
    let x = Double(n)
    var value = 0.0
    var absolute = 0.0
    for c in doubles.reversed() {
      value = value * x + c
      absolute = absolute * x + Swift.abs(c)
    }
    if absolute.isFinite && Swift.abs(value) * 1e4 >= absolute { return log10(Swift.abs(value)) }
    return b(n).log10Magnitude
  }

  /// The limit at the smallest depth found to certify `digits` decimal places: probes a shallow
  /// depth, extrapolates with the measured rate, and deepens until reached or `maxDepth` is hit
  /// (then the returned limit says how many places it certifies).
  /// - Precondition: digits ≥ 1, maxDepth ≥ 1.
  public func limit(digits: Int, maxDepth: Int = 10_000_000, threads: Int = availableCores) -> Limit {
    limit(digits: digits, maxDepth: maxDepth, threads: threads, check: { _ in })
  }

  /// `limit(digits:maxDepth:threads:)`, calling `check` with each depth before walking it (e.g.
  /// to refuse a walk that cannot fit in memory); what `check` throws ends the search.
  public func limit(
    digits: Int, maxDepth: Int = 10_000_000, threads: Int = availableCores, check: (Int) throws -> Void
  ) rethrows -> Limit {
    precondition(digits >= 1 && maxDepth >= 1, "digits \(digits) and maxDepth \(maxDepth) must be ≥ 1")
    var depth = min(64, maxDepth)
    while true {
      try check(depth)
      let result = limit(depth: depth, threads: threads)
      if result.digits >= digits || depth >= maxDepth { return result }
      if case .terminates = result.status { return result }
      if result.divergence != nil { return result }  // no depth makes it converge
      var next = depth * 2
      if let rate = result.rate, rate > 0.01, result.status == .converging {
        let needed = Double(digits - result.digits) / rate
        next = max(depth + 1, depth + Int((needed * 1.02).rounded(.up)) + 2)
        next = min(next, depth * 16)
      }
      depth = min(next, maxDepth)
    }
  }

  /// δ at depth N without a known limit: the reference is the limit at depth 2N, whose certified
  /// places must exceed what the comparison needs (else `LimitError.referenceTooImprecise`).
  public func delta(depth: Int, threads: Int = availableCores) throws(LimitError) -> Double {
    let deeper = limit(depth: 2 * depth, threads: threads)
    return try limit(depth: depth, threads: threads).delta(against: deeper)
  }

  /// δ(n) for n = 1…depth against `reference` (with `referenceDigits` correct places), by the
  /// naive recurrence with a gcd at every step. Entries where q(n) = 0 or p/q equals the reference
  /// to all available places are `nil`.
  /// - Complexity: O(depth) gcds and divisions of numbers growing to the size of q(depth).
  public func deltaSequence(depth: Int, reference: BigFloat, referenceDigits: Int? = nil) -> [Double?] {
    let available = referenceDigits ?? reference.precision.digits
    let working = Precision.digits(available + 20)
    let l = BigFloat(reference, precision: working)
    return convergents(depth: depth).dropFirst().map { c -> Double? in
      guard !c.q.isZero else { return nil }
      let g = BigInt.gcd(c.p, c.q)
      let reducedQ = c.q.magnitude.dividedExactly(by: g)
      guard reducedQ > 1 else { return nil }
      let difference = (l - BigFloat(c.p, precision: working) / BigFloat(c.q, precision: working)).magnitude
      guard !difference.isZero, -difference.log10Magnitude < Double(available - 5) else { return nil }
      return -difference.log10Magnitude / reducedQ.log10Magnitude - 1
    }
  }
}
