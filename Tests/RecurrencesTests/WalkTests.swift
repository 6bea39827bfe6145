import Multiprecision
import Polynomials
import TestSupport
import Testing

@testable import Recurrences

@Suite struct WalkTests {
  func randomPolynomial(_ g: inout SeededGenerator, degree: Int, bound: Int) -> Polynomial {
    Polynomial((0...degree).map { _ in Int.random(in: -bound...bound, using: &g) })
  }

  func randomMatrix(_ g: inout SeededGenerator, size: Int) -> PolynomialMatrix {
    PolynomialMatrix(
      size: size,
      entries: (0..<size * size).map { _ in randomPolynomial(&g, degree: Int.random(in: 0...3, using: &g), bound: 9) })
  }

  @Test("product tree equals the naive left-to-right walk", arguments: [1, 2])
  func treeEqualsNaive(threads: Int) {
    var g = SeededGenerator(seed: 2026)
    for size in [2, 3] {
      for depth in [0, 1, 2, 23, 24, 25, 49, 100, 257] {
        let m = randomMatrix(&g, size: size)
        let start = Int.random(in: 0...5, using: &g)
        #expect(
          m.walk(start: start, depth: depth, threads: threads) == m.walkNaive(start: start, depth: depth),
          "\(m) from \(start) depth \(depth)")
      }
    }
  }

  @Test("a walk of k+l steps is the product of the walks of k and l")
  func walkSplits() {
    var g = SeededGenerator(seed: 7)
    let m = randomMatrix(&g, size: 2)
    let whole = m.walk(start: 1, depth: 3000, threads: 2)
    let parts = m.walk(start: 1, depth: 1234, threads: 1) * m.walk(start: 1235, depth: 1766, threads: 1)
    #expect(whole == parts)
  }

  @Test("checkpoint walks equal separate walks")
  func checkpoints() {
    var g = SeededGenerator(seed: 11)
    let m = randomMatrix(&g, size: 3)
    let depths = [0, 5, 5, 60, 300]
    let walks = m.walk(start: 2, depths: depths, threads: 2)
    for (d, w) in zip(depths, walks) { #expect(w == m.walkNaive(start: 2, depth: d)) }
  }

  @Test("machine-word leaves fall back to exact evaluation when a(n), b(n) overflow")
  func hugeEntries() {
    // b(n) = 10^30·n^6 overflows a machine word at every n.
    let big = Polynomial(coefficients: [0, 0, 0, 0, 0, 0, BigInt(10).power(30)])
    let m = PolynomialMatrix([[.zero, big], [.one, Polynomial([5, 27, 51, 34])]])
    #expect(m.walk(start: 1, depth: 77, threads: 2) == m.walkNaive(start: 1, depth: 77))
  }

  @Test("entries past 64 bits (−n⁶ beyond n = 1448) take the 128-bit path and stay exact")
  func wideEntries() {
    let apery = PolynomialMatrix([[.zero, -Polynomial.n.power(6)], [.one, Polynomial([5, 27, 51, 34])]])
    #expect(apery.walk(start: 1400, depth: 120, threads: 1) == apery.walkNaive(start: 1400, depth: 120))
    // Beyond 128 bits too: n⁶ overflows Int128 past n ≈ 2.5·10⁶.
    #expect(apery.walk(start: 3_000_000, depth: 30, threads: 1) == apery.walkNaive(start: 3_000_000, depth: 30))
  }

  @Test("Winograd's 2×2 product equals the plain product")
  func winograd() {
    var g = SeededGenerator(seed: 99)
    for bits in [64, 5_000, 20_000] {
      func random() -> BigInt {
        var x = BigInt(Int.random(in: 1...Int.max, using: &g))
        while x.bitWidth < bits { x = x * BigInt(Int.random(in: 1...Int.max, using: &g)) }
        return Bool.random(using: &g) ? x : -x
      }
      let a = IntegerMatrix(rows: 2, columns: 2, entries: (0..<4).map { _ in random() })
      let b = IntegerMatrix(rows: 2, columns: 2, entries: (0..<4).map { _ in random() })
      let plain = IntegerMatrix(rows: 2, columns: 2, entries: a._productRows(0..<2, b))
      #expect(a._productWinograd(b) == plain)
      #expect(a.multiplied(by: b) == plain)
      #expect(a.multiplied(by: b, parallel: true) == plain)
    }
  }

  @Test("the companion matrix of a PCF recurrence is [[0, b], [1, a]]")
  func companion() throws {
    let a = try Polynomial(parsing: "2n+1")
    let b = try Polynomial(parsing: "n^2")
    let m = PolynomialMatrix.companion([.one, -a, -b])
    #expect(m == PolynomialMatrix([[.zero, b], [.one, a]]))
    let c = PolynomialMatrix.companion([Polynomial([1, 1]), Polynomial([2]), Polynomial([3]), Polynomial([4])])
    #expect(c.description == "[[0, 0, -4], [n + 1, 0, -3], [0, n + 1, -2]]")
  }
}
