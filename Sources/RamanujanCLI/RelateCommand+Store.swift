import ArgumentParser
import Ramanujan

#if canImport(Glibc)
  import Glibc
#endif

extension RelateCommand {
  /// One formula of a store: its first hit per canonical key, as a PCF.
  struct StoreFormula {
    let hit: Hit
    let pcf: PCF
  }

  /// The store's formulas the relator can take (parsable, not terminating, within the degree
  /// limit), one per canonical key in the store's order.
  static func formulas(_ db: SearchStore, relator: PCFRelator) throws -> [StoreFormula] {
    var seen = Set<String>()
    var out: [StoreFormula] = []
    for stored in try db.hits() where seen.insert(stored.hit.canonicalKey).inserted {
      guard let a = try? Polynomial(parsing: stored.hit.a), let b = try? Polynomial(parsing: stored.hit.b) else {
        continue
      }
      let pcf = PCF(a: a, b: b)
      guard (try? relator.validate(pcf, which: 1)) != nil else { continue }
      out.append(StoreFormula(hit: stored.hit, pcf: pcf))
    }
    return out
  }

  /// The certificate of a proven relation, as the store keeps it.
  static func certificate(_ r: PCFEquivalence) -> SearchStore.Certificate? {
    guard r.proven, let g = r.gauge, let t = r.mobius else { return nil }
    let u = g.matrix
    return SearchStore.Certificate(
      folds: g.folds, gauge: "[[\(u[0, 0]), \(u[0, 1])], [\(u[1, 0]), \(u[1, 1])]]", multiplier: g.multiplierText,
      mobius: [t.p, t.q, t.r, t.s].map(\.description), digits: r.digits, digitsKind: r.kind.rawValue)
  }

  /// `relate --store S` (and `--store S --cmf NAME`): candidate pairs among the store's formulas
  /// by fingerprint (same constants, compatible rates), proven and stored; one line per pair tried.
  func storeOutput() throws -> (lines: [String], failure: String?) {
    try SearchCommand.requireReadable(store!)
    let db = try SearchStore(path: store!)
    if placing { return try storePlacementOutput(db) }
    let relator = PCFRelator(maxDegree: maxDegree, maxFold: maxFold, digits: digits)
    let formulas = try Self.formulas(db, relator: relator)
    // Known edges first: their classes need no more proofs.
    var classes = UnionFind(formulas.map(\.hit.canonicalKey))
    for r in try db.relations() { classes.union(r.key1, r.key2) }
    var groups: [String: [Int]] = [:]
    var order: [String] = []
    for (i, f) in formulas.enumerated() {
      // Limits equal up to a Möbius map: the search identified them with the same constants.
      let constants = f.hit.constants
      guard !constants.isEmpty else { continue }
      if groups[constants] == nil { order.append(constants) }
      groups[constants, default: []].append(i)
    }
    var limits: [Int: LimitEstimate] = [:]
    func limit(_ i: Int) -> LimitEstimate {
      if let l = limits[i] { return l }
      let l = relator.limitEstimate(formulas[i].pcf)
      limits[i] = l
      return l
    }
    var lines: [String] = []
    var (tried, proven, skipped) = (0, 0, 0)
    let clock = ContinuousClock.now
    var lastNote = clock
    pairs: for constants in order {
      let members = groups[constants]!
      for (x, i) in members.enumerated() {
        for j in members[(x + 1)...] {
          let (f1, f2) = (formulas[i], formulas[j])
          if classes.find(f1.hit.canonicalKey) == classes.find(f2.hit.canonicalKey) { continue }
          guard relator.compatibleRates(f1.hit.rate, f2.hit.rate) else {
            skipped += 1
            continue
          }
          guard tried < maxPairs else { break pairs }
          tried += 1
          let start = ContinuousClock.now
          let r = relator.relate(f1.pcf, f2.pcf, limits: (limit(i), limit(j)))
          let seconds = (ContinuousClock.now - start) / .seconds(1)
          if let c = Self.certificate(r) {
            proven += 1
            classes.union(f1.hit.canonicalKey, f2.hit.canonicalKey)
            try db.insert(
              SearchStore.Relation(
                key1: f1.hit.canonicalKey, key2: f2.hit.canonicalKey, a1: f1.hit.a, b1: f1.hit.b, a2: f2.hit.a,
                b2: f2.hit.b, certificate: c))
          }
          if format == .json {
            lines.append(
              Self.json(
                r, seconds: seconds,
                extra: [("key1", JSONLine.quote(f1.hit.canonicalKey)), ("key2", JSONLine.quote(f2.hit.canonicalKey))]))
          } else {
            let verdict = r.proven ? "proven, L1 = \(r.mobius!)" : "not proven: \(r.reason ?? "")"
            lines.append("\(f1.pcf) ~ \(f2.pcf): \(verdict)")
          }
          if (ContinuousClock.now - lastNote) > .seconds(5) {
            lastNote = .now
            writeError("relate: \(tried) pairs tried, \(proven) proven\n")
          }
        }
      }
    }
    let total = (ContinuousClock.now - clock) / .seconds(1)
    let summary =
      "\(formulas.count) formulas, \(tried) pairs tried (\(skipped) skipped by rate), \(proven) proven and stored in '\(db.path)' (\((total * 100).rounded() / 100) s); list the classes with 'ramanujan hits --store S --classes'"
    if format == .json {
      var o = JSONLine()
      o.add("formulas", formulas.count)
      o.add("pairs", tried)
      o.add("skipped", skipped)
      o.add("proven", proven)
      o.add("seconds", total)
      lines.append(o.text)
    } else {
      lines.append(summary)
    }
    return (lines, nil)
  }
}

/// Disjoint sets of keys (union by size, path halving).
struct UnionFind {
  private var index: [String: Int] = [:]
  private var parent: [Int] = []
  private var size: [Int] = []

  init(_ keys: [String]) { for k in keys { _ = id(k) } }

  private mutating func id(_ k: String) -> Int {
    if let i = index[k] { return i }
    index[k] = parent.count
    parent.append(parent.count)
    size.append(1)
    return parent.count - 1
  }

  mutating func find(_ k: String) -> Int {
    var i = id(k)
    while parent[i] != i {
      parent[i] = parent[parent[i]]
      i = parent[i]
    }
    return i
  }

  mutating func union(_ a: String, _ b: String) {
    var (x, y) = (find(a), find(b))
    guard x != y else { return }
    if size[x] < size[y] { swap(&x, &y) }
    parent[y] = x
    size[x] += size[y]
  }
}
