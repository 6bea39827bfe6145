/// Deterministic density-based clustering of points in a plane (DBSCAN with box neighbourhoods).
///
/// Each coordinate is divided by its radius, so the neighbourhood of a point is the unit box
/// |Δx| ≤ 1, |Δy| ≤ 1 around it. A point with at least `minSize` points in its neighbourhood (itself
/// included) is a *core* point; core points within each other's neighbourhoods are connected, and
/// each connected set of core points is a cluster. A non-core point with a core point in its
/// neighbourhood joins the cluster of the nearest such core point (Euclidean distance in the scaled
/// plane, then the smallest index); other points are noise. Clusters with fewer than `minSize`
/// members are dropped, and the rest are numbered 1, 2, … by their smallest index.
///
/// Why DBSCAN rather than HDBSCAN: the result depends on the points as a set only (core points and
/// their components are order-free, ties are broken by index), so it is identical at any thread
/// count and shard split by construction, and it runs in time about linear in the points on a grid
/// of unit cells, where exact HDBSCAN needs the minimum spanning tree of the mutual-reachability
/// graph. DBSCAN's clusters are those of HDBSCAN's hierarchy cut at one density level (the
/// radius); the blind-δ features of one formula family agree to many digits, so the families are
/// dense at any small radius and one level suffices. `minSize` plays the part of HDBSCAN's minimum
/// cluster size (5 in the paper).
/// - Complexity: O(n) cell hashing, then for each cell the points of its 3 × 3 block (a cell with
///   `minSize` points or more is all core at once: its points are within the unit box of each other).
/// - SeeAlso: M. Ester, H.-P. Kriegel, J. Sander, X. Xu, "A density-based algorithm for discovering
///   clusters in large spatial databases with noise", KDD 1996; R. Campello, D. Moulavi, J. Sander,
///   "Density-based clustering based on hierarchical density estimates", PAKDD 2013 (HDBSCAN).
public enum DensityClustering {
  /// One point: an index (unique) and two coordinates.
  public struct Point: Sendable, Hashable {
    public let index: Int
    public let x: Double
    public let y: Double

    public init(index: Int, x: Double, y: Double) {
      self.index = index
      self.x = x
      self.y = y
    }
  }

  /// The cluster of each point (1, 2, …), or 0 for noise, in the order of `points`.
  /// Precondition: radii positive, minSize ≥ 1, indices distinct, coordinates finite.
  public static func cluster(_ points: [Point], radius: (x: Double, y: Double), minSize: Int) -> [Int] {
    precondition(radius.x > 0 && radius.y > 0 && minSize >= 1, "radii must be positive and minSize ≥ 1")
    let n = points.count
    // Scaled coordinates, and points sorted by index: every later choice is made in index order.
    let order = (0..<n).sorted { points[$0].index < points[$1].index }
    let xs = order.map { points[$0].x / radius.x }
    let ys = order.map { points[$0].y / radius.y }
    struct Cell: Hashable {
      let i: Int64
      let j: Int64
    }
    func cell(_ k: Int) -> Cell {
      Cell(i: Int64(xs[k].rounded(.down).clamped(-9e15, 9e15)), j: Int64(ys[k].rounded(.down).clamped(-9e15, 9e15)))
    }
    var cells: [Cell: [Int]] = [:]
    for k in 0..<n { cells[cell(k), default: []].append(k) }
    func near(_ a: Int, _ b: Int) -> Bool { Swift.abs(xs[a] - xs[b]) <= 1 && Swift.abs(ys[a] - ys[b]) <= 1 }
    func block(_ c: Cell) -> [Cell] {
      var out: [Cell] = []
      for di in -1...1 { for dj in -1...1 { out.append(Cell(i: c.i + Int64(di), j: c.j + Int64(dj))) } }
      return out
    }
    // Core points.
    var core = [Bool](repeating: false, count: n)
    for (c, members) in cells {
      if members.count >= minSize {
        for k in members { core[k] = true }
        continue
      }
      for k in members {
        var count = 0
        search: for other in block(c) {
          for m in cells[other] ?? [] where near(k, m) {
            count += 1
            if count >= minSize { break search }
          }
        }
        core[k] = count >= minSize
      }
    }
    // Components of core points: the core points of one cell are one component (unit box), so two
    // cells are joined when any pair of their core points is near.
    var parent = Array(0..<n)
    func find(_ k: Int) -> Int {
      var r = k
      while parent[r] != r { r = parent[r] }
      var k = k
      while parent[k] != r { (parent[k], k) = (r, parent[k]) }
      return r
    }
    func union(_ a: Int, _ b: Int) {
      let (ra, rb) = (find(a), find(b))
      if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
    var coreOfCell: [Cell: [Int]] = [:]
    for (c, members) in cells {
      let cores = members.filter { core[$0] }
      guard let first = cores.first else { continue }
      for k in cores.dropFirst() { union(first, k) }
      coreOfCell[c] = cores.sorted { xs[$0] < xs[$1] || (xs[$0] == xs[$1] && $0 < $1) }
    }
    for (c, cores) in coreOfCell {
      for other in block(c) where (other.i, other.j) > (c.i, c.j) {
        guard let theirs = coreOfCell[other], find(cores[0]) != find(theirs[0]) else { continue }
        if _anyNear(cores, theirs, xs, ys) { union(cores[0], theirs[0]) }
      }
    }
    // Labels: each core point its component's root; border points the nearest core's root.
    var root = [Int](repeating: -1, count: n)
    for k in 0..<n where core[k] { root[k] = find(k) }
    for (c, members) in cells {
      for k in members where !core[k] {
        var best: (d: Double, index: Int)?
        for other in block(c) {
          for m in coreOfCell[other] ?? [] where near(k, m) {
            let d = (xs[k] - xs[m]) * (xs[k] - xs[m]) + (ys[k] - ys[m]) * (ys[k] - ys[m])
            if best == nil || (d, m) < (best!.d, best!.index) { best = (d, m) }
          }
        }
        if let best { root[k] = root[best.index] }
      }
    }
    // Sizes, then numbering by smallest member (roots are the smallest core index, not member).
    var size: [Int: Int] = [:]
    var smallest: [Int: Int] = [:]
    for k in 0..<n where root[k] >= 0 {
      size[root[k], default: 0] += 1
      if smallest[root[k]] == nil { smallest[root[k]] = k }  // k ascends: the first is the smallest
    }
    let kept = size.filter { $0.value >= minSize }.keys.sorted { smallest[$0]! < smallest[$1]! }
    let number = Dictionary(uniqueKeysWithValues: kept.enumerated().map { ($1, $0 + 1) })
    var labels = [Int](repeating: 0, count: n)
    for (k, original) in order.enumerated() where root[k] >= 0 { labels[original] = number[root[k]] ?? 0 }
    return labels
  }

  /// Whether some point of `a` is within the unit box of some point of `b` (both sorted by x):
  /// for each point of the smaller list, the points of the other within x ± 1 by binary search.
  static func _anyNear(_ a: [Int], _ b: [Int], _ xs: [Double], _ ys: [Double]) -> Bool {
    let (small, large) = a.count <= b.count ? (a, b) : (b, a)
    for k in small {
      var lo = 0
      var hi = large.count
      while lo < hi {
        let mid = (lo + hi) / 2
        if xs[large[mid]] < xs[k] - 1 { lo = mid + 1 } else { hi = mid }
      }
      var i = lo
      while i < large.count && xs[large[i]] <= xs[k] + 1 {
        if Swift.abs(ys[large[i]] - ys[k]) <= 1 { return true }
        i += 1
      }
    }
    return false
  }
}

extension Double {
  fileprivate func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(Swift.max(self, lo), hi) }
}
