import Search
import Store

/// The content of a report: the runs of a store, their counts, and its formulas — hits grouped
/// by canonical key (one formula, its guises), each with a study made at report time.
///
/// Sections that other parts of the program fill when their data exist — classes of equivalent
/// formulas, CMF placements, blind-δ clusters — are optional: `nil` leaves the section out of
/// the pages, an empty list says "none found".
public struct Atlas: Sendable {
  public var title: String
  public var runs: [SearchStore.RunSummary]
  /// Totals over the done chunks (`SearchStore.statistics`).
  public var statistics: [String: Int]
  /// Verified formulas, in the store's canonical order.
  public var formulas: [Formula]
  /// Matches whose walks certified too few places to verify (slowly converging).
  public var unverified: [Formula]
  /// Classes of formulas proven equivalent (gauge/fold certificates); `nil`: not computed.
  public var classes: [FormulaClass]?
  /// CMF placements of formulas; `nil`: not computed.
  public var placements: [Placement]?
  /// Blind-δ clusters; `nil`: the store has no blind-δ features.
  public var clusters: [Cluster]?

  public init(
    title: String, runs: [SearchStore.RunSummary], statistics: [String: Int], formulas: [Formula],
    unverified: [Formula], classes: [FormulaClass]? = nil, placements: [Placement]? = nil, clusters: [Cluster]? = nil
  ) {
    self.title = title
    self.runs = runs
    self.statistics = statistics
    self.formulas = formulas
    self.unverified = unverified
    self.classes = classes
    self.placements = placements
    self.clusters = clusters
  }

  /// One formula: the hits sharing a canonical key (inflation by a constant, sign and shift of n).
  public struct Formula: Sendable {
    /// The hit shown (the first by candidate order).
    public var hit: Hit
    /// The other hits with the same canonical key.
    public var guises: [Hit]
    public var verified: Bool
    /// The study made at report time; `nil` with `note` when it could not be made or was skipped.
    public var study: FormulaStudy?
    public var note: String?

    public init(hit: Hit, guises: [Hit], verified: Bool, study: FormulaStudy? = nil, note: String? = nil) {
      self.hit = hit
      self.guises = guises
      self.verified = verified
      self.study = study
      self.note = note
    }

    /// The page of this formula, relative to the index.
    public var page: String { "\(verified ? "hit" : "unverified")-\(hit.index).html" }
    /// The constants the expression uses (the index groups by them).
    public var constants: String { hit.constants.isEmpty ? "(none)" : hit.constants }
  }

  /// Hook: a class of formulas proven equivalent (a connected part of the graph of proven edges).
  public struct FormulaClass: Sendable {
    public var id: String
    /// Canonical keys of the member formulas.
    public var members: [String]
    /// How membership was proven, e.g. "gauge certificates (folds 1, 2)".
    public var evidence: String
    public init(id: String, members: [String], evidence: String) {
      self.id = id
      self.members = members
      self.evidence = evidence
    }
  }

  /// Hook: a formula found on a CMF.
  public struct Placement: Sendable {
    public var canonicalKey: String
    public var field: String
    public var trajectory: String
    public var start: String
    public var evidence: String
    public init(canonicalKey: String, field: String, trajectory: String, start: String, evidence: String) {
      self.canonicalKey = canonicalKey
      self.field = field
      self.trajectory = trajectory
      self.start = start
      self.evidence = evidence
    }
  }

  /// A blind-δ cluster, its members' δ and rate (a sample of at most `clusterPoints` when it is
  /// larger), and what it was identified as.
  public struct Cluster: Sendable {
    public var id: String
    /// Members in all (`members` may be a sample).
    public var size: Int
    public var members: [(canonicalKey: String, delta: Double, rate: Double)]
    public var identified: String?
    public init(
      id: String, size: Int? = nil, members: [(canonicalKey: String, delta: Double, rate: Double)], identified: String?
    ) {
      self.id = id
      self.size = size ?? members.count
      self.members = members
      self.identified = identified
    }
  }

  /// The class of a canonical key, when classes are known.
  func formulaClass(of key: String) -> FormulaClass? { classes?.first { $0.members.contains(key) } }
}

extension Atlas {
  /// Reads `store` (opened read-only) and studies each formula (one per canonical key), calling
  /// `progress(done, total, formula)` before each study. At most `maxFormulas` formulas are
  /// studied; the others are listed without a study (their note says why).
  public static func read(
    store: SearchStore, options: FormulaStudy.Options = .init(), maxFormulas: Int = 500,
    progress: (Int, Int, Hit) -> Void = { _, _, _ in }
  ) throws -> Atlas {
    let runs = try store.runSummaries()
    let statistics = try store.statistics()
    var verified = group(try store.hits().map(\.hit), verified: true)
    var slow = group(try store.hits(unverified: true).map(\.hit), verified: false)
    let total = verified.count + slow.count
    var done = 0
    func study(_ list: inout [Formula]) {
      for i in list.indices {
        guard done < maxFormulas else {
          list[i].note = "not studied: the report studies at most \(maxFormulas) formulas (--max-formulas)"
          continue
        }
        progress(done, total, list[i].hit)
        do { list[i].study = try FormulaStudy(hit: list[i].hit, options: options) } catch {
          list[i].note = "\(error)"
        }
        done += 1
      }
    }
    study(&verified)
    study(&slow)
    let name = runs.map(\.run.specName).joined(separator: ", ")
    // HOOK (placements): when the store gains tables for them, read them here and pass them
    // below; `nil` keeps their sections out of the pages, `[]` says "none found". Classes: the
    // proven relations of `ramanujan relate --store`; clusters: the blind-δ runs' clusters.
    let relations = try store.relations()
    return Atlas(
      title: "Atlas of \(name.isEmpty ? store.path : name)", runs: runs, statistics: statistics, formulas: verified,
      unverified: slow, classes: relations.isEmpty ? nil : classes(verified.map(\.hit.canonicalKey), relations),
      clusters: try clusters(store, runs: runs))
  }

  /// Connected parts (of two or more formulas) of the graph of proven relations, in formula order.
  static func classes(_ keys: [String], _ relations: [SearchStore.Relation]) -> [FormulaClass] {
    var adjacent: [String: [(String, SearchStore.Relation)]] = [:]
    for r in relations {
      adjacent[r.key1, default: []].append((r.key2, r))
      adjacent[r.key2, default: []].append((r.key1, r))
    }
    var seen = Set<String>()
    var out: [FormulaClass] = []
    for root in keys where !seen.contains(root) && adjacent[root] != nil {
      seen.insert(root)
      var queue = [root]
      var head = 0
      var folds = Set<String>()
      while head < queue.count {
        let x = queue[head]
        head += 1
        for (y, r) in adjacent[x] ?? [] {
          folds.insert("\(r.certificate.folds.0), \(r.certificate.folds.1)")
          if seen.insert(y).inserted { queue.append(y) }
        }
      }
      let members = Set(queue)
      out.append(
        FormulaClass(
          id: "class-\(out.count + 1)", members: keys.filter { members.contains($0) },
          evidence: "gauge certificates (folds \(folds.sorted().joined(separator: "; ")))"))
    }
    return out
  }

  /// Hits grouped by canonical key, in the order of their first hit.
  static func group(_ hits: [Hit], verified: Bool) -> [Formula] {
    var order: [String] = []
    var byKey: [String: [Hit]] = [:]
    for h in hits {
      if byKey[h.canonicalKey] == nil { order.append(h.canonicalKey) }
      byKey[h.canonicalKey, default: []].append(h)
    }
    return order.map { key in
      let all = byKey[key]!.sorted { $0.index < $1.index }
      return Formula(hit: all[0], guises: Array(all.dropFirst()), verified: verified)
    }
  }
}
