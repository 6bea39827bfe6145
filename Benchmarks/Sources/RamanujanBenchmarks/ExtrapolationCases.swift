import Ramanujan

/// `extrapolation`: `PCF.extrapolatedLimit` in process (as PARI's limitnum is timed inside gp), on
/// the slowly converging PCFs of scripts/bench-extrapolation.sh at 100, 300 and 1000 places; one
/// JSON line each with the median time, the places claimed and the deepest convergent used.
func extrapolationCases() throws {
  let cases: [(String, String, String)] = [
    ("1/zeta(3)", "n^3+(n+1)^3", "-n^6"), ("8/(8zeta(3)-9)", "2n^3+3n^2+27n+13", "-n^6"),
    ("1/zeta(2)", "2n^2+2n+1", "-n^4"), ("1/zeta(5)", "n^5+(n+1)^5", "-n^10"), ("1+4/pi", "2", "(2n-1)^2"),
    ("1/ln2", "1", "n^2"), ("2/(7zeta(3)-8)", "4n^3+6n^2+12n+5", "-4n^6"),
  ]
  for (id, a, b) in cases {
    let pcf = try PCF(a: a, b: b)
    for digits in [100, 300, 1000] {
      let reps = digits <= 300 ? 5 : 3
      let (t, result) = measure(reps) { pcf.extrapolatedLimit(digits: digits, maxDepth: 100_000, threads: 1) }
      let e = try? result.get()
      report(
        "extrapolation", t, reps,
        [
          ("limit", "\"\(id)\""), ("asked", "\(digits)"), ("digits", "\(e?.digits ?? 0)"),
          ("depth", "\(e?.depth ?? 0)"), ("model", "\"\(e?.model ?? "none")\""),
        ])
    }
  }
}
