import ContinuedFractions
import Dispatch
import Identification
import MatrixFields
import Multiprecision
import Polynomials
import Recurrences

#if canImport(Glibc)
  import Glibc
#endif

/// A trajectory and a start of a field: where a trajectory PCF comes from.
public struct TrajectoryStart: Sendable, Hashable {
  public let trajectory: Trajectory
  public let start: Position

  public init(_ trajectory: Trajectory, _ start: Position) {
    self.trajectory = trajectory
    self.start = start
  }
}

/// The PCF of a trajectory from a start (companion form, fully deflated), or why there is none.
public enum TrajectoryPCF: Sendable, Equatable {
  case pcf(PCF)
  case none(String)

  public static func == (x: TrajectoryPCF, y: TrajectoryPCF) -> Bool {
    switch (x, y) {
    case (.pcf(let p), .pcf(let q)): return p.a == q.a && p.b == q.b
    case (.none(let r), .none(let s)): return r == s
    default: return false
    }
  }
}

/// A formula placed on a field: PCF₁ = the formula, PCF₂ = the trajectory's PCF, proven equivalent.
public struct CMFPlacement: Sendable {
  /// The trajectory and start, when a proven placement was found.
  public let place: TrajectoryStart?
  /// The proof (or the closest attempt) relating the formula to the trajectory's PCF.
  public let relation: PCFEquivalence?
  /// Why no placement was found; `nil` when placed.
  public let reason: String?
  /// Trajectories enumerated, those passing the rate fingerprint, trajectory PCFs read, and pairs
  /// sent to the gauge solver.
  public let trajectories: Int
  public let rateMatches: Int
  public let pcfs: Int
  public let proofs: Int

  /// Placed with an exact gauge certificate and a checked Möbius relation.
  public var proven: Bool { place != nil && relation?.proven == true }
}

/// Places a formula on a conservative matrix field: searches the primitive trajectories up to a
/// height and the starts of a box for one whose PCF is proven equivalent to the formula.
///
/// Order of work, cheapest first: per trajectory the rate of its PCF at one start (a gauge with
/// polynomial U keeps the folded rate, `PCFRelator.compatibleRates`); then, per class of starts
/// modulo ℤ^d (integer translates of a start give walks related by the field's own matrices, so
/// their limits are Möbius-related), a low-precision search for an integer relation
/// c₀ + c₁L₁ + c₂L₂ + c₃L₁L₂ = 0 with c₁c₂ ≠ c₀c₃ between the formula's limit and the trajectory's;
/// only then the gauge solver, with tight bounds (degree 4, folds 2) before the relator's own, on
/// the starts of a matching class in order. A placement is always the relator's proof: an exact
/// gauge identity and a Möbius relation checked on the limits.
public struct CMFPlacer: Sendable {
  /// The relator of the final proofs (its bounds are the widest tried).
  public let relator: PCFRelator
  /// The largest |tᵢ| of the trajectories enumerated.
  public let maxHeight: Int
  /// The starts tried, in order (see `starts(dimension:radius:denominators:)`).
  public let starts: [Position]
  /// Threads over trajectories.
  public let threads: Int

  /// Decimal places of the trajectory limits read for the Möbius fingerprint.
  public static let fingerprintPlaces = 40
  /// Steps of those walks at most.
  public static let fingerprintDepth = 2048

  /// Precondition: maxHeight ≥ 1, threads ≥ 1, every start has the field's dimension (checked by
  /// `place`).
  public init(relator: PCFRelator, maxHeight: Int, starts: [Position], threads: Int = 1) {
    precondition(maxHeight >= 1 && threads >= 1, "maxHeight \(maxHeight) and threads \(threads) must be ≥ 1")
    self.relator = relator
    self.maxHeight = maxHeight
    self.starts = starts
    self.threads = threads
  }

  /// The primitive integer trajectories (gcd of the steps 1) with every |tᵢ| ≤ maxHeight, both
  /// signs: by height, then by Σ|tᵢ|, then positive steps first.
  public static func trajectories(dimension: Int, maxHeight: Int) -> [Trajectory] {
    guard dimension >= 1, maxHeight >= 1 else { return [] }
    var out: [[Int]] = []
    var t = Array(repeating: -maxHeight, count: dimension)
    while true {
      if t.contains(where: { $0 != 0 }) && t.reduce(0, { _gcd($0, $1) }) == 1 { out.append(t) }
      var i = dimension - 1
      while i >= 0 && t[i] == maxHeight {
        t[i] = -maxHeight
        i -= 1
      }
      if i < 0 { break }
      t[i] += 1
    }
    func order(_ v: Int) -> Int { v > 0 ? 2 * v - 1 : -2 * v }
    out.sort { x, y in
      let (hx, hy) = (x.map(abs).max()!, y.map(abs).max()!)
      if hx != hy { return hx < hy }
      let (lx, ly) = (x.map(abs).reduce(0, +), y.map(abs).reduce(0, +))
      if lx != ly { return lx < ly }
      return x.map(order).lexicographicallyPrecedes(y.map(order))
    }
    return out.map(Trajectory.init)
  }

  /// The number of `trajectories(dimension:maxHeight:)` without listing them: (2H+1)^d − 1 less
  /// the non-primitive vectors, by Möbius inversion over the gcd.
  public static func trajectoryCount(dimension: Int, maxHeight: Int) -> Double {
    guard dimension >= 1, maxHeight >= 1 else { return 0 }
    var total = 0.0
    for g in 1...maxHeight {
      let mu = _moebius(g)
      if mu == 0 { continue }
      let side = Double(2 * (maxHeight / g) + 1)
      let points: Double = pow(side, Double(dimension)) - 1
      total += Double(mu) * points
    }
    return total
  }

  /// The points of the box: every coordinate k/q with q one of `denominators` and |k/q| ≤ radius,
  /// ordered by the largest |coordinate|, then the sum of denominators, then the coordinates.
  /// Precondition: radius ≥ 0, denominators ≥ 1; the caller bounds the count (valuesPerAxis^d).
  public static func starts(dimension: Int, radius: Int, denominators: [Int]) -> [Position] {
    let values = axisValues(radius: radius, denominators: denominators)
    var out: [[BigRational]] = [[]]
    for _ in 0..<dimension { out = out.flatMap { p in values.map { p + [$0] } } }
    func key(_ p: [BigRational]) -> (BigRational, BigInt) {
      (p.map { $0 < 0 ? -$0 : $0 }.max() ?? 0, p.reduce(BigInt(0)) { $0 + $1.denominator })
    }
    return out.sorted { x, y in
      let (kx, ky) = (key(x), key(y))
      if kx.0 != ky.0 { return kx.0 < ky.0 }
      if kx.1 != ky.1 { return kx.1 < ky.1 }
      for (a, b) in zip(x, y) where a != b {
        let (ma, mb) = (a < 0 ? -a : a, b < 0 ? -b : b)
        return ma != mb ? ma < mb : b < 0
      }
      return false
    }.map(Position.init)
  }

  /// The distinct values k/q (|k/q| ≤ radius) of one coordinate.
  public static func axisValues(radius: Int, denominators: [Int]) -> [BigRational] {
    var values = Set<BigRational>()
    for q in Set(denominators) where q >= 1 {
      for k in (-radius * q)...(radius * q) { values.insert(BigRational(BigInt(k), BigInt(q))) }
    }
    return values.sorted()
  }

  /// The PCF of trajectory t from s: the trajectory matrix in companion form, fully deflated
  /// (as `cmf pcf` prints it); `.none` with the reason when it has none or is too costly.
  public static func trajectoryPCF(_ cmf: CMF, _ place: TrajectoryStart) -> TrajectoryPCF {
    do {
      let m = try cmf.trajectoryMatrix(place.trajectory, start: place.start, threads: 1)
      return .pcf(try m.pcf())
    } catch {
      return .none(error.description)
    }
  }

  /// Places PCF `formula` on `cmf`: the first trajectory (in `trajectories` order) with a start
  /// (in `starts` order) whose PCF is proven equivalent to it. `pcfOf` gives the trajectory
  /// PCFs (e.g. from a cache; by default `trajectoryPCF`); `progress` is called after each batch
  /// of trajectories with the number done.
  /// - Complexity: one trajectory PCF and one limit of `fingerprintPlaces` places per trajectory
  ///   and class of starts, the gauge solver only on Möbius matches.
  public func place(
    _ formula: PCF, on cmf: CMF,
    pcfOf: @escaping @Sendable (TrajectoryStart) -> TrajectoryPCF,
    progress: (Int, Int) -> Void = { _, _ in }
  ) throws(RelateError) -> CMFPlacement {
    try relator.validate(formula, which: 1)
    let limit1 = relator.limitEstimate(formula)
    let trajectories = Self.trajectories(dimension: cmf.dimension, maxHeight: maxHeight)
    let classes = Self.startClasses(starts.filter { $0.dimension == cmf.dimension })
    let counter = _Counter()
    var done = 0
    var closest: PCFEquivalence?
    let batch = max(1, threads * 4)
    while done < trajectories.count {
      let slice = Array(trajectories[done..<min(trajectories.count, done + batch)])
      let found = _concurrentMap(slice, threads: threads) { t in
        self.search(t, classes: classes, formula: formula, limit1: limit1, pcfOf: pcfOf, counter: counter)
      }
      done += slice.count
      progress(done, trajectories.count)
      if let hit = found.first(where: { $0.placed != nil }), let (place, proof) = hit.placed {
        return CMFPlacement(
          place: place, relation: proof, reason: nil, trajectories: done, rateMatches: counter.rates,
          pcfs: counter.pcfs, proofs: counter.proofs)
      }
      if closest == nil { closest = found.compactMap(\.attempt).first }
    }
    let matched = counter.proofs > 0 ? "; \(counter.proofs) Möbius matches were not proven" : ""
    return CMFPlacement(
      place: nil, relation: closest,
      reason:
        "no trajectory of height ≤ \(maxHeight) from the \(starts.count) starts gives a PCF proven equivalent (\(counter.rates) of \(trajectories.count) trajectories with a compatible rate, \(counter.pcfs) trajectory PCFs read\(matched))",
      trajectories: trajectories.count, rateMatches: counter.rates, pcfs: counter.pcfs, proofs: counter.proofs)
  }

  /// The starts grouped by class modulo ℤ^d, classes in order of their first member.
  static func startClasses(_ starts: [Position]) -> [[Position]] {
    var index: [[BigRational]: Int] = [:]
    var out: [[Position]] = []
    for s in starts {
      let residue = s.coordinates.map { c -> BigRational in
        var r = c.numerator % c.denominator
        if r < 0 { r += c.denominator }
        return BigRational(r, c.denominator)
      }
      if let i = index[residue] {
        out[i].append(s)
      } else {
        index[residue] = out.count
        out.append([s])
      }
    }
    return out
  }

  struct TrajectoryOutcome: Sendable {
    var placed: (TrajectoryStart, PCFEquivalence)?
    var attempt: PCFEquivalence?
  }

  /// One trajectory: rate fingerprint, then per class of starts the Möbius fingerprint, then proofs.
  func search(
    _ t: Trajectory, classes: [[Position]], formula: PCF, limit1: LimitEstimate,
    pcfOf: @Sendable (TrajectoryStart) -> TrajectoryPCF, counter: _Counter
  ) -> TrajectoryOutcome {
    var outcome = TrajectoryOutcome()
    var rateChecked = false
    for members in classes {
      // The class's first member with a usable limit decides by fingerprint for all of them (a
      // degenerate walk, e.g. a(n) = 0, says nothing: the next member is read, a few at most).
      var decided: (start: Position, pcf: PCF, limit: LimitEstimate?, match: Bool?)?
      var read = 0
      for s in members where read < Self.representativesPerClass {
        counter.addPCF()
        guard case .pcf(let pcf) = pcfOf(TrajectoryStart(t, s)), (try? relator.validate(pcf, which: 2)) != nil
        else { continue }
        read += 1
        var limit2 = LimitEstimate(pcf, digits: Self.fingerprintPlaces, maxDepth: Self.fingerprintDepth)
        if !rateChecked && limit2.usable {
          rateChecked = true
          guard relator.compatibleRates(limit1.limit.rate, limit2.limit.rate) else { return outcome }
          counter.addRate()
        }
        var match = Self.mobiusMatch(limit1, limit2)
        var fullLimit: LimitEstimate?
        if match == nil && limit2.usable {
          // Too few places at low precision (a slow walk): the relator's own reading decides.
          limit2 = relator.limitEstimate(pcf)
          fullLimit = limit2
          match = Self.mobiusMatch(limit1, limit2)
        }
        if decided == nil || match != nil { decided = (s, pcf, fullLimit, match) }
        if match != nil { break }
      }
      guard let (s0, pcf0, fullLimit, match) = decided, match != false else { continue }
      // A match: proofs on the class's starts in order (a few; unknown: the first only).
      let budget = match == true ? Self.proofsPerClass : 1
      var tried = 0
      for s in members.drop(while: { $0 != s0 }) where tried < budget {
        let pcf: PCF
        var limit: LimitEstimate?
        if s == s0 {
          (pcf, limit) = (pcf0, fullLimit)
        } else {
          counter.addPCF()
          guard case .pcf(let p) = pcfOf(TrajectoryStart(t, s)), (try? relator.validate(p, which: 2)) != nil else {
            continue
          }
          pcf = p
        }
        tried += 1
        counter.addProof()
        let r = prove(formula, pcf, limit1: limit1, limit2: limit ?? relator.limitEstimate(pcf))
        if r.proven {
          outcome.placed = (TrajectoryStart(t, s), r)
          return outcome
        }
        if outcome.attempt == nil { outcome.attempt = r }
      }
    }
    return outcome
  }

  /// The relator's proof, tight bounds first (degree 4, folds 2), then its own.
  func prove(_ formula: PCF, _ pcf: PCF, limit1: LimitEstimate, limit2: LimitEstimate) -> PCFEquivalence {
    let tight = PCFRelator(
      maxDegree: min(4, relator.solver.maxDegree), maxFold: min(2, relator.maxFold), digits: relator.digits,
      maxDepth: relator.maxDepth)
    let first = tight.relate(formula, pcf, limits: (limit1, limit2))
    if first.proven || (tight.solver.maxDegree == relator.solver.maxDegree && tight.maxFold == relator.maxFold) {
      return first
    }
    return relator.relate(formula, pcf, limits: (limit1, limit2))
  }

  /// Members of a class read at most to find one whose limit decides the fingerprint.
  public static let representativesPerClass = 3

  /// Proofs tried at most per matching class of starts (the first usually succeeds).
  public static let proofsPerClass = 3

  /// Whether c₀ + c₁x₁ + c₂x₂ + c₃x₁x₂ = 0 holds for integers with c₁c₂ ≠ c₀c₃ (a Möbius map) of
  /// height about 10^(places/4 − 2); `nil` when the limits hold too few places to rule it out.
  static func mobiusMatch(_ l1: LimitEstimate, _ l2: LimitEstimate) -> Bool? {
    guard l1.usable, l2.usable else { return nil }
    let places = min(l1.digits, l2.digits) - 3
    guard places >= 16 else { return nil }
    let precision = Precision.digits(places + max(l1.integerDigits, l2.integerDigits) + 10)
    let (x1, x2) = (l1.value(precision), l2.value(precision))
    guard !x1.isZero, !x2.isZero else { return nil }
    let x = [BigFloat(1, precision: precision), x1, x2, x1 * x2]
    let height = max(2, places / 4 - 2)
    guard
      let relation = IntegerRelation.find(
        x, maxCoefficient: BigInt(10).power(height), precision: .digits(places - 2))
    else { return false }
    let c = relation.coefficients
    return c[1] * c[2] != c[0] * c[3]
  }
}

/// Counts shared by the threads of a placement search.
final class _Counter: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private(set) var pcfs = 0
  private(set) var rates = 0
  private(set) var proofs = 0

  func addPCF() { locked { pcfs += 1 } }
  func addRate() { locked { rates += 1 } }
  func addProof() { locked { proofs += 1 } }

  private func locked(_ body: () -> Void) {
    lock.wait()
    body()
    lock.signal()
  }
}

/// `transform` over `items` on up to `threads` threads (fork-join: all done before returning),
/// results in order.
func _concurrentMap<T: Sendable, R: Sendable>(
  _ items: [T], threads: Int, _ transform: @escaping @Sendable (T) -> R
) -> [R] {
  guard threads > 1, items.count > 1 else { return items.map(transform) }
  let slots = _Slots<R>(count: items.count)
  let lock = DispatchSemaphore(value: 1)
  let width = min(threads, items.count)
  DispatchQueue.concurrentPerform(iterations: width) { w in
    var i = w
    while i < items.count {
      let r = transform(items[i])
      lock.wait()
      slots.values[i] = r
      lock.signal()
      i += width
    }
  }
  return slots.values.map { $0! }
}

/// Result slots of `_concurrentMap`, each written once under its lock.
final class _Slots<R>: @unchecked Sendable {
  var values: [R?]
  init(count: Int) { values = Array(repeating: nil, count: count) }
}

/// The Möbius function μ(n).
func _moebius(_ n: Int) -> Int {
  var (m, result, p) = (n, 1, 2)
  while p * p <= m {
    if m % p == 0 {
      m /= p
      if m % p == 0 { return 0 }
      result = -result
    }
    p += 1
  }
  return m > 1 ? -result : result
}
