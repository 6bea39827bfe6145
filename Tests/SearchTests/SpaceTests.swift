import Polynomials
import Testing

@testable import Search

@Suite struct SpaceTests {
  let spec = try! SearchSpec(
    json:
      #"{"name": "t", "a": {"degree": 1, "range": [-3, 3]}, "b": {"degree": 2, "range": [-2, 2]}, "constants": ["pi"]}"#
  )

  @Test("shards are disjoint and cover the space; values decode in mixed radix")
  func shards() {
    let space = SearchSpace(spec: spec, chunkSize: 100)
    #expect(space.size == 7 * 7 * 5 * 5 * 5)
    for n in [1, 2, 3, 7] {
      let all = (0..<n).flatMap { space.chunks(shard: $0, of: n) }
      #expect(all.sorted() == Array(0..<space.chunkCount))
      #expect(Set(all).count == all.count)
    }
    let covered = (0..<space.chunkCount).flatMap { Array(space.range(ofChunk: $0)) }
    #expect(covered == Array(0..<space.size))
    #expect(space.values(0) == [-3, -3, -2, -2, -2])
    #expect(space.values(1) == [-3, -3, -2, -2, -1])
    #expect(space.values(space.size - 1) == [3, 3, 2, 2, 2])
    let c = space.candidate(1)!
    #expect(c.a == [-3, -3] && c.b == [-2, -2, -1])
  }

  @Test(
    "each filter removes what it names",
    arguments: [
      ([0, 0], [1, 1], FilterReason.degenerate),
      ([1, 2], [0], .degenerate),
      ([1, -2], [1, 1], .signSymmetry),
      ([2, 2], [4, 0, 4], .commonFactor),
      ([-2, 1], [1, 1], .aVanishes),
      ([1, 1], [-3, 1], .bVanishes),
      ([1, 1], [0, 0, -1], .divergent),
    ] as [([Int], [Int], FilterReason)])
  func filters(a: [Int], b: [Int], reason: FilterReason) {
    let filter = CandidateFilter(space: SearchSpace(spec: spec))
    #expect(filter.reason(Candidate(index: 0, a: a, b: b)) == reason)
  }

  @Test("Brouncker's PCF(2n+1, n^2) passes every filter")
  func keeps() {
    let filter = CandidateFilter(space: SearchSpace(spec: spec))
    #expect(filter.reason(Candidate(index: 0, a: [1, 2], b: [0, 0, 1])) == nil)
    // 4·lead(b) = −lead(a)² is the boundary and is kept.
    #expect(filter.reason(Candidate(index: 0, a: [1, 2], b: [0, 0, -1])) == nil)
  }

  @Test(
    "huge coefficients are filtered without overflow",
    arguments: [
      // 4·lead(b) leaves 64 bits: positive is kept, negative diverges.
      ([1, 1], [0, 0, 3_000_000_000_000_000_000], nil),
      ([1, 1], [0, 0, -3_000_000_000_000_000_000], .divergent),
      // A common prime above 2^32: its square leaves 64 bits and cannot divide content(b).
      ([4_294_967_311, 4_294_967_311], [4_294_967_311], nil),
      // A common prime near 10^18: trial division stops early.
      ([999_999_999_999_999_989, 999_999_999_999_999_989], [999_999_999_999_999_989], nil),
      // A prime above the trial-division limit whose square divides content(b).
      ([1_000_003, 1_000_003], [1_000_006_000_009], .commonFactor),
      ([1_000_003 * 1_000_033, 1_000_003 * 1_000_033], [1_000_003 * 1_000_003 * 1_000_033], .commonFactor),
      ([Int.min, 1], [1], .overflow),
      ([1, 1], [Int.min], .overflow),
    ] as [([Int], [Int], FilterReason?)])
  func hugeCoefficients(a: [Int], b: [Int], reason: FilterReason?) {
    let filter = CandidateFilter(space: SearchSpace(spec: spec))
    #expect(filter.reason(Candidate(index: 0, a: a, b: b)) == reason)
  }

  @Test("the canonical shift falls back to 0 when the arithmetic leaves 64 bits")
  func canonicalShiftOverflow() {
    #expect(CanonicalForm.canonicalShift(Polynomial([5, 7, 2])) == -1)
    #expect(CanonicalForm.canonicalShift(Polynomial([0, Int.max, Int.max])) == 0)
    #expect(CanonicalForm.canonicalShift(Polynomial([Int.min, -1])) == 0)
    #expect(CanonicalForm.canonicalShift(Polynomial([0, Int.min])) == 0)
    #expect(CanonicalForm.canonicalShift(Polynomial([Int.min, Int.max / 2, Int.max / 2])) == 0)
  }
}
