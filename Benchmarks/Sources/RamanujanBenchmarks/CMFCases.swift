// Matrix-field benchmarks (issue 5): cases named cmf_*, beside ramanujantools' CMF (the same
// fields, trajectories and starts as its cmf_benchmark.py).
import Ramanujan

/// Brown–Zudilin's trajectory in the ₈F₇ field at z = 1 (ramanujantools'
/// test_trajectory_matrix_8f7_brown_zudilin).
let brownZudilin = (
  start: Position([5, 2, 2, 2, 2, 2, 2, 2] + [4, 4, 4, 4, 4, 4, 4]),
  trajectory: Trajectory([42, 17, 16, 15, 14, 13, 12, 11] + [24, 25, 26, 27, 28, 29, 30])
)

/// ramanujantools' test_walk_4f3: the ₄F₃ field at z = 1 from (1,1,2,2,3,3,4) along itself.
let walk4F3 = (start: Position([1, 1, 2, 2, 3, 3, 4]), trajectory: Trajectory([1, 1, 2, 2, 3, 3, 4]))

func cmfWalk(_ depth: Int, reps: Int, name: String) throws {
  let field = KnownCMFs.pFq(4, 3, z: 1)
  let (t, limit) = try measure(reps) {
    try field.limit(walk4F3.trajectory, start: walk4F3.start, depth: depth, threads: threads)
  }
  report(
    name, t, reps,
    [
      ("depth", "\(depth)"), ("digits", "\(limit.digits)"),
      ("value", "\"\(limit.value(.digits(30)).scientific(significantDigits: 20))\""), ("threads", "\(threads)"),
    ])
}

let cmfCases: [(String, @Sendable () throws -> Void)] = [
  (
    "cmf_pfq87_trajectory",
    {
      // The field is built outside the timing, as in ramanujantools' benchmark (reported apart).
      let (build, field) = measure(1) { KnownCMFs.pFq(8, 7, z: 1) }
      let (t, m) = try measure(3) {
        try field.trajectoryMatrix(brownZudilin.trajectory, start: brownZudilin.start, threads: threads)
      }
      let degrees = m.denominatorFactors.reduce(0) { $0 + $1.polynomial.degree * $1.exponent }
      report(
        "cmf_pfq87_trajectory", t, 3,
        [
          ("rank", "\(m.size)"), ("numerator_degree", "\(m.numeratorDegree)"), ("denominator_degree", "\(degrees)"),
          ("field_seconds", "\(build)"), ("threads", "\(threads)"),
        ])
    }
  ),
  ("cmf_walk_1e3", { try cmfWalk(1_000, reps: 5, name: "cmf_walk_1e3") }),
  ("cmf_walk_1e4", { try cmfWalk(10_000, reps: 3, name: "cmf_walk_1e4") }),
]
