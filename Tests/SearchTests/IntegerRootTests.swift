import TestSupport
import Testing

@testable import Search

/// The a_vanishes / b_vanishes filters: a positive integer root is found wherever it is, without
/// scanning up to it (a scan to 10^6 per candidate took 73 s for one chunk and missed larger roots).
@Suite struct IntegerRootTests {
  /// The coefficients (lowest first) of the product of (n − r) over `roots` times `rest`.
  static func product(roots: [Int], _ rest: [Int]) -> [Int] {
    var c = rest
    for r in roots {
      var next = [Int](repeating: 0, count: c.count + 1)
      for (i, x) in c.enumerated() {
        next[i + 1] += x
        next[i] -= r * x
      }
      c = next
    }
    return c
  }

  @Test(
    "roots far beyond the scan, double roots, and near misses",
    arguments: [
      ([-999_999_999, 1], true),  // a(n) = n − 999999999: the chunk
      ([999_999_999, 1], false),
      ([-1_999_999_999, 2], false),  // root 999999999.5
      (product(roots: [123_457], [1, 1, 1]), true),
      (product(roots: [5_000_000, 5_000_000], [3]), true),  // a double root: no sign change
      // (n − 2000000)(n − 2000001) + 1 has no real root.
      (product(roots: [2_000_000, 2_000_001], [1]).enumerated().map { $0.0 == 0 ? $0.1 + 1 : $0.1 }, false),
      (product(roots: [1_000_001, 7], [1]), true),
      (product(roots: [1001], [-1, 0, 1, 0, 0, 1]), true),
      ([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1_000_000_000], false),
      ([-(1 << 62), 1], true),
    ] as [([Int], Bool)])
  func roots(_ c: [Int], _ expected: Bool) {
    #expect(_hasPositiveIntegerRoot(c) == expected, "\(c)")
  }

  @Test("small roots: the same answer as trying every n up to Cauchy's bound (seeded polynomials)")
  func agreesWithScan() {
    var g = SeededGenerator(seed: 11)
    for _ in 0..<3000 {
      let degree = Int(g.next() % 5) + 1
      let span = Int(g.next() % 3000) + 1
      var c = (0...degree).map { _ in Int(g.next() % UInt64(2 * span + 1)) - span }
      if c[degree] == 0 { c[degree] = 1 }
      let lead = c[degree].magnitude
      let bound = 1 + (c[..<degree].map(\.magnitude).max() ?? 0) / lead
      let scanned = (1...Int(bound)).contains { _isRoot(c, $0) }
      #expect(_hasPositiveIntegerRoot(c) == scanned, "\(c)")
    }
  }

  @Test("large roots of seeded products are found")
  func largeRoots() {
    var g = SeededGenerator(seed: 12)
    for _ in 0..<500 {
      let r = Int(g.next() % 1_000_000_000) + 1001
      // A cofactor with positive coefficients has no positive root.
      let rest = (0...Int(g.next() % 3)).map { _ in Int(g.next() % 9) + 1 }
      #expect(_hasPositiveIntegerRoot(Self.product(roots: [r], rest)), "root \(r), cofactor \(rest)")
      // Shifted by one in the constant term: no integer root at r any more.
      var shifted = Self.product(roots: [r], rest)
      shifted[0] += 1
      #expect(!_isRoot(shifted, r))
    }
  }
}
