import ContinuedFractions
import Identification
import Multiprecision
import Polynomials
import Recurrences
import Synchronization

/// Runs the search pipeline on chunks of a space: enumerate → filter → screen → match → verify →
/// canonicalise. Each chunk is a pure function of (spec, chunk index), so results do not depend
/// on the thread count, the shard split or the order chunks run in.
public struct SearchEngine: Sendable {
  public let space: SearchSpace
  let filter: CandidateFilter
  let table: MobiusTable?

  /// Prepares the engine: builds the MITM table in MITM mode, unless `buildTable` is false (an
  /// engine that will process no chunk need not pay for it; processing a MITM chunk without the
  /// table finds no match).
  /// Counts candidates as chunks process them, for a progress display while chunks run.
  let counter: CandidateCounter?

  public init(space: SearchSpace, buildTable: Bool = true, counter: CandidateCounter? = nil) {
    self.space = space
    self.counter = counter
    filter = CandidateFilter(space: space)
    let spec = space.spec
    switch spec.mode {
    case .mitm where buildTable:
      table = MobiusTable(constants: spec.constants, bound: spec.bound, keyDigits: spec.keyDigits)
    case .blindDelta where buildTable:
      table = MobiusTable(expressions: spec.blind!.catalog, bound: spec.bound, keyDigits: spec.keyDigits)
    default: table = nil
    }
  }

  /// What one chunk gave.
  public struct ChunkResult: Sendable {
    public let chunk: Int
    public var candidates = 0
    public var filtered: [FilterReason: Int] = [:]
    public var screened = 0
    public var converged = 0
    public var matched = 0
    /// Matches that agree with the walk to every certified place, but the walk certified fewer
    /// than `verify_digits` places by `verify_max_depth` (slowly converging: kept for inspection).
    public var unverified: [Hit] = []
    /// Matches that the exact walk refuted (a coincidence of the screening digits).
    public var rejected = 0
    public var hits: [Hit] = []
    /// Blind-δ mode: the features of every candidate that converged, by candidate index.
    public var features: [FeatureRow] = []
  }

  /// Processes one chunk. Candidates are filtered and screened 8 at a time as they are decoded,
  /// so the memory of a chunk does not grow with the chunk size.
  public func process(chunk: Int) -> ChunkResult {
    var result = ChunkResult(chunk: chunk)
    var batch: [Candidate] = []
    batch.reserveCapacity(8)
    for index in space.range(ofChunk: chunk) {
      result.candidates += 1
      counter?.add(1)
      guard let c = space.candidate(index) else {
        result.filtered[.overflow, default: 0] += 1
        continue
      }
      if let reason = filter.reason(c) {
        result.filtered[reason, default: 0] += 1
        continue
      }
      batch.append(c)
      if batch.count == 8 {
        search(batch, into: &result)
        batch.removeAll(keepingCapacity: true)
      }
    }
    if !batch.isEmpty { search(batch, into: &result) }
    result.hits.sort { ($0.canonicalKey, $0.index) < ($1.canonicalKey, $1.index) }
    result.unverified.sort { ($0.canonicalKey, $0.index) < ($1.canonicalKey, $1.index) }
    result.features.sort { $0.index < $1.index }
    return result
  }

  /// Screens, matches and verifies up to 8 candidates that passed the filters.
  func search(_ batch: [Candidate], into result: inout ChunkResult) {
    switch space.spec.mode {
    case .mitm: mitm(batch, into: &result)
    case .factorialReduction: factorialReduction(batch, into: &result)
    case .blindDelta: blindDelta(batch, into: &result)
    }
  }

  func mitm(_ kept: [Candidate], into result: inout ChunkResult) {
    guard let table else { return }
    let spec = space.spec
    var start = 0
    while start < kept.count {
      let batch = kept[start..<min(start + 8, kept.count)]
      let screened = ScreeningKernel.screen(batch, depth: spec.screenDepth)
      result.screened += batch.count
      for (c, s) in zip(batch, screened) where s.converged(digits: spec.keyDigits + 1) {
        result.converged += 1
        let entries = table.matches(s.value)
        guard !entries.isEmpty else { continue }
        result.matched += 1
        let relations = entries.map {
          (table.expression($0), "mitm (c0,c1,d0,d1)=(\($0.c0),\($0.c1),\($0.d0),\($0.d1))")
        }
        result.record(verify(c, entries: relations))
      }
      start += 8
    }
  }

  func factorialReduction(_ kept: [Candidate], into result: inout ChunkResult) {
    let spec = space.spec
    for c in kept {
      result.screened += 1
      let pcf = PCF(a: Polynomial(c.a), b: Polynomial(c.b))
      let probe = pcf.limit(depth: spec.reductionDepth, threads: 1)
      guard probe.status == .converging, let k = probe.reduction().factorialDegree, k >= spec.reductionThreshold else {
        continue
      }
      result.converged += 1
      guard let found = FactorialReductionIdentifier.identify(pcf, spec: spec) else { continue }
      result.matched += 1
      result.record(verify(c, entries: [found], factorialDegree: k))
    }
  }

  /// What the exact check says about a match.
  public enum Verdict: Sendable {
    /// Verified to at least `verify_digits` certified places.
    case hit(Hit)
    /// Agrees to every certified place, but fewer than `verify_digits` are certified.
    case unverified(Hit)
    /// Disagrees within the certified places, or the walk does not converge.
    case rejected
  }

  /// The exact check: walk until `verifyDigits` are certified (or the deepest allowed walk), and
  /// take the first expression that agrees with the limit to every certified place.
  func verify(_ c: Candidate, entries: [(ConstantExpression, String)], factorialDegree: Double? = nil) -> Verdict {
    let spec = space.spec
    let pcf = PCF(a: Polynomial(c.a), b: Polynomial(c.b))
    let read = VerifiedLimit(pcf, digits: spec.verifyDigits, maxDepth: spec.verifyMaxDepth)
    guard read.usable else { return .rejected }
    let limit = read.limit
    let places = read.places
    let working = Precision.digits(places + 30)
    let value = read.value(working)
    for (expression, relation) in entries {
      guard let reference = try? expression.evaluate(working) else { continue }
      let difference = (reference - value).magnitude
      let agreement = difference.isZero ? places : Int((-difference.log10Magnitude).rounded(.down))
      guard agreement >= places else { continue }
      let delta =
        limit.status == .converging ? try? limit.delta(reference: reference, referenceDigits: places + 25) : nil
      let hit = Hit(
        a: pcf.a.description, b: pcf.b.description, index: c.index, canonicalKey: CanonicalForm.key(pcf),
        constants: expression.constants.sorted().map(\.name).joined(separator: ","), expression: expression.description,
        relation: read.note.map { "\(relation) [\($0)]" } ?? relation, digits: places,
        depth: read.extrapolation?.depth ?? limit.depth, delta: delta, rate: limit.rate,
        factorialDegree: factorialDegree ?? limit.reduction().factorialDegree,
        certifiedDigits: read.extrapolation.map { _ in limit.status == .converging ? limit.digits : 0 },
        extrapolation: read.extrapolation?.summary)
      return places >= spec.verifyDigits ? .hit(hit) : .unverified(hit)
    }
    return .rejected
  }
}

extension SearchEngine.ChunkResult {
  mutating func record(_ verdict: SearchEngine.Verdict) {
    switch verdict {
    case .hit(let h): hits.append(h)
    case .unverified(let h): unverified.append(h)
    case .rejected: rejected += 1
    }
  }
}

/// The number of candidates chunks have processed so far, in flight included: a chunk may run for
/// minutes (slow verifications, deep factorial-reduction probes), and a display reads this between
/// the chunks' commits. Relaxed atomic additions, one per candidate.
public final class CandidateCounter: Sendable {
  let value = Atomic<Int>(0)

  public init() {}

  /// Candidates processed so far.
  public var count: Int { value.load(ordering: .relaxed) }

  func add(_ n: Int) { value.add(n, ordering: .relaxed) }
}
