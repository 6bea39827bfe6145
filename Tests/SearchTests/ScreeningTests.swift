import TestSupport
import Testing

@testable import Search

@Suite struct ScreeningTests {
  @Test("the C kernel equals the Swift SIMD8 reference")
  func kernelsAgree() throws {
    let spec = try SearchSpec(
      json:
        #"{"name": "t", "a": {"degree": 2, "range": [-6, 6]}, "b": {"degree": 3, "range": [-5, 5]}, "constants": ["pi"]}"#
    )
    let space = SearchSpace(spec: spec)
    var g = SeededGenerator(seed: 42)
    let candidates = (0..<400).map { _ in space.candidate(Int(g.next() % UInt64(space.size)))! }
    var compared = 0
    for start in stride(from: 0, to: candidates.count, by: 8) {
      let batch = candidates[start..<min(start + 8, candidates.count)]
      let fast = ScreeningKernel.screen(batch, depth: 300)
      let reference = ScreeningKernel.screenPortable(batch, depth: 300)
      for (f, r) in zip(fast, reference) where r.converged(digits: 12) {
        #expect(f.converged(digits: 10))
        #expect(abs(f.value - r.value) <= 1e-11 * max(1, abs(r.value)))
        compared += 1
      }
    }
    #expect(compared > 50)
  }

  @Test("screening Apéry's PCF gives 6/ζ(3) in double precision")
  func apery() {
    let c = Candidate(index: 0, a: [5, 27, 51, 34], b: [0, 0, 0, 0, 0, 0, -1])
    for r in [ScreeningKernel.screen([c][...], depth: 200), ScreeningKernel.screenPortable([c][...], depth: 200)] {
      #expect(abs(r[0].value - 4.991444235484244812) < 1e-14)
      #expect(r[0].converged(digits: 13))
    }
  }

  @Test("a divergent PCF does not look converged")
  func divergent() {
    let c = Candidate(index: 0, a: [1], b: [0, 0, -1])
    #expect(!ScreeningKernel.screen([c][...], depth: 500)[0].converged(digits: 8))
  }
}
