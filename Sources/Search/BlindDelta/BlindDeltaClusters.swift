import ContinuedFractions
import Identification
import Multiprecision
import Polynomials
import Recurrences
import Synchronization

#if canImport(Dispatch)
  import Dispatch
#endif

/// A cluster of a blind-δ run: its members' ranges, its label and a representative PCF.
public struct BlindCluster: Sendable, Equatable {
  /// 1, 2, … by the smallest candidate index of the members.
  public let id: Int
  public let size: Int
  public let delta: ClosedRange<Double>
  public let rate: ClosedRange<Double>
  /// The constants of the members' identified expressions (`pi`, `log(2);pi`), `rational`, or `unidentified`.
  public let label: String
  /// The member with the most certified digits (then the smallest index), and its a(n), b(n).
  public let representative: Int
  public let a: String
  public let b: String
  /// Members that are hits.
  public let identified: Int

  public init(
    id: Int, size: Int, delta: ClosedRange<Double>, rate: ClosedRange<Double>, label: String, representative: Int,
    a: String, b: String, identified: Int
  ) {
    self.id = id
    self.size = size
    self.delta = delta
    self.rate = rate
    self.label = label
    self.representative = representative
    self.a = a
    self.b = b
    self.identified = identified
  }
}

/// The step after a blind-δ search: cluster the stored features, label each cluster by its members'
/// hits, and identify members of clusters without a hit against the whole catalog.
///
/// A pure function of the feature rows (as a set) and the hits: identical at any thread count and
/// shard split. Identification goes through `Identifier` under the project's `PrecisionDiscipline`
/// unchanged, on the limit read to 2 × `verify_digits` places and confirmed on a walk certifying
/// twice as many (an unconfirmed answer is dropped); only expressions in a catalog constant become
/// hits (a rational limit labels its cluster `rational`).
public enum BlindDeltaClusters {
  /// What the step produced.
  public struct Outcome: Sendable {
    public var clusters: [BlindCluster] = []
    /// (candidate, cluster) for every clustered candidate, by candidate.
    public var members: [(candidate: Int, cluster: Int)] = []
    /// New hits from the identification of cluster members, by candidate.
    public var hits: [Hit] = []
  }

  /// The members of one cluster tried against the constants its representatives were identified
  /// with, at most (in order of certified digits): bounds the work of a large cluster.
  public static let memberLimit = 200

  /// Clusters `rows` in the plane of the spec's two `cluster_features` and labels the clusters.
  /// - Parameter hits: the run's hits so far (from the chunks), by candidate.
  public static func analyse(rows: [FeatureRow], hits: [Int: Hit], space: SearchSpace) -> Outcome {
    guard let options = space.spec.blind else { return Outcome() }
    let (fx, fy) = (options.clusterFeatures[0], options.clusterFeatures[1])
    let points = rows.map { DensityClustering.Point(index: $0.index, x: $0.features[fx]!, y: $0.features[fy]!) }
    let labels = DensityClustering.cluster(
      points, radius: (options.clusterRadius[0], options.clusterRadius[1]), minSize: options.clusterMinSize)
    var groups: [Int: [FeatureRow]] = [:]
    var outcome = Outcome()
    for (row, label) in zip(rows, labels) where label > 0 {
      groups[label, default: []].append(row)
      outcome.members.append((row.index, label))
    }
    outcome.members.sort { $0.candidate < $1.candidate }
    let ids = groups.keys.sorted()
    let sorted = ids.map { id in groups[id]!.sorted { $0.index < $1.index } }
    // Clusters are identified in parallel, each on its own: the answers do not depend on the
    // order or the thread count.
    let answers = Mutex<[Int: (String?, [Hit])]>([:])
    DispatchQueue.concurrentPerform(iterations: sorted.count) { i in
      let answer = identify(byDigits(sorted[i]), hits: hits, space: space)
      answers.withLock { $0[i] = answer }
    }
    let identified = answers.withLock { $0 }
    for (i, id) in ids.enumerated() {
      let members = sorted[i]
      let ordered = byDigits(members)
      let (label, found) = identified[i] ?? (nil, [])
      let constants = Set(found.flatMap { $0.constants.split(separator: ",").map(String.init) }).sorted()
      let representative = ordered[0]
      let candidate = space.candidate(representative.index)
      let pcf = candidate.map { PCF(a: Polynomial($0.a), b: Polynomial($0.b)) }
      let deltas = members.map(\.features.delta)
      let rates = members.map(\.features.rate)
      outcome.clusters.append(
        BlindCluster(
          id: id, size: members.count, delta: deltas.min()!...deltas.max()!, rate: rates.min()!...rates.max()!,
          label: constants.isEmpty ? (label ?? "unidentified") : constants.joined(separator: ";"),
          representative: representative.index, a: pcf?.a.description ?? "?", b: pcf?.b.description ?? "?",
          identified: found.count))
      outcome.hits += found.filter { hits[$0.index] == nil }
    }
    outcome.hits.sort { $0.index < $1.index }
    return outcome
  }

  /// Members by certified digits, most first, then by index.
  static func byDigits(_ members: [FeatureRow]) -> [FeatureRow] {
    members.sorted { ($1.features.digits, $0.index) < ($0.features.digits, $1.index) }
  }

  /// Identifies a cluster's members. The constants C of the cluster are those of its hits from the
  /// chunks; without any, its first `identify_representatives` members (most digits first) go to the
  /// whole catalog, and the first answer in catalog constants gives C. Then up to `memberLimit`
  /// members that are not hits are identified against the catalog entries made of C alone. Returns `rational` when C stays
  /// empty and a representative's limit is rational, and every hit of the cluster (old and new).
  static func identify(_ members: [FeatureRow], hits: [Int: Hit], space: SearchSpace) -> (String?, [Hit]) {
    guard let options = space.spec.blind else { return (nil, []) }
    var found = members.compactMap { hits[$0.index] }
    var constants = Set(
      found.flatMap { h in h.constants.split(separator: ",").compactMap { try? Constant(name: String($0)) } })
    var label: String?
    if constants.isEmpty {
      guard let full = try? Identifier(constants: options.catalog, maxCoefficient: 10_000, algebraicDegree: 2) else {
        return (nil, [])
      }
      for row in members.prefix(options.identifyRepresentatives) {
        guard let (expression, hit) = identify(row, with: full, space: space) else { continue }
        guard let hit else {
          if expression.constants.isEmpty { label = label ?? "rational" }
          continue
        }
        found.append(hit)
        constants = expression.constants
        break
      }
    }
    guard !constants.isEmpty else { return (label, []) }
    // The catalog entries made of the cluster's constants (e and e^2 for a cluster of e).
    let basis = options.catalog.filter { !$0.constants.isEmpty && $0.constants.isSubset(of: constants) }
    guard !basis.isEmpty, let narrow = try? Identifier(constants: basis, maxCoefficient: 10_000, algebraicDegree: 1)
    else {
      return (nil, found.sorted { $0.index < $1.index })
    }
    let known = Set(found.map(\.index))
    for row in members.prefix(memberLimit) where !known.contains(row.index) {
      if let (_, hit) = identify(row, with: narrow, space: space), let hit { found.append(hit) }
    }
    return (nil, found.sorted { $0.index < $1.index })
  }

  /// One member's limit, read to 2 × `verify_digits` places, identified and confirmed on a walk
  /// certifying twice as many. A member whose walk to 2N certified fewer than `verify_digits` places
  /// (a slowly converging fraction) is read from extrapolated limits instead, within
  /// `BlindExtrapolation`'s bounds (convergents to 4N, 16N walked at most per read), and its hit's
  /// relation says so. The expression and, when it holds a catalog constant, the hit.
  static func identify(_ row: FeatureRow, with identifier: Identifier, space: SearchSpace)
    -> (ConstantExpression, Hit?)?
  {
    let spec = space.spec
    guard let options = spec.blind, let c = space.candidate(row.index) else { return nil }
    let pcf = PCF(a: Polynomial(c.a), b: Polynomial(c.b))
    let slow = row.features.digits < Double(spec.verifyDigits)
    // The value to `places` places and the depth it came from; the extrapolation when there is one.
    var extrapolation: Extrapolation?
    func read(_ places: Int, maxDepth: Int) -> (ApproximateValue, Int)? {
      if slow {
        let bounds = BlindExtrapolation(digits: places, maxDepth: 4 * options.depth, depthBudget: 16 * options.depth)
        guard places <= BlindExtrapolation.maxDigits, let e = bounds.limit(pcf), e.digits >= places else { return nil }
        if extrapolation.map({ e.digits > $0.digits }) ?? true { extrapolation = e }
        return (ApproximateValue(BigFloat(e.value, precision: .digits(places + 30)), places: places), e.depth)
      }
      let limit = pcf.limit(digits: places, maxDepth: maxDepth, threads: 1)
      guard limit.status == .converging, limit.digits >= places else { return nil }
      return (ApproximateValue(limit.value(places: places + 10), places: places), limit.depth)
    }
    let places = 2 * spec.verifyDigits
    guard let (value, depth) = read(places, maxDepth: spec.verifyMaxDepth),
      let found = try? identifier.identify(
        value, recompute: { digits in read(digits, maxDepth: 4 * spec.verifyMaxDepth)?.0 }),
      found.confirmedDigits != nil, let expression = found.expression
    else { return nil }
    guard !expression.constants.isEmpty else { return (expression, nil) }
    let note = extrapolation.map { " [\(BlindExtrapolation.note($0, certified: Int(row.features.digits)))]" } ?? ""
    let hit = Hit(
      a: pcf.a.description, b: pcf.b.description, index: row.index, canonicalKey: CanonicalForm.key(pcf),
      constants: expression.constants.sorted().map(\.name).joined(separator: ","), expression: expression.description,
      relation:
        "blind-delta cluster: \(found.relationText) (\(found.digits) digits, ratio \(found.ratio), confirmed at \(found.confirmedDigits!) digits)\(note)",
      digits: found.digits, depth: depth, delta: row.features.delta, rate: row.features.rate,
      factorialDegree: row.features.factorialDegree,
      certifiedDigits: extrapolation.map { _ in Int(row.features.digits) }, extrapolation: extrapolation?.summary)
    return (expression, hit)
  }
}
