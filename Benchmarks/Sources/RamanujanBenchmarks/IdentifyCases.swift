// Identification benchmarks (issue 3): cases named identify_*, beside ramanujantools' identify.
//
// identify_D: the limit of Apéry's PCF walked to about D digits (depth D/3.06 + 5, as the peer does),
// identified against zeta(3) by `Identifier.identify` — continued fraction, Möbius, algebraic up to
// degree 4, the discipline's checks, ζ(3) evaluated inside. Peer: ramanujantools `Limit.identify(zeta(3))`
// on the same Limit (PSLQ on (p, q, p·L, q·L) at its precision), ζ(3) computed before the clock starts.
// identify5_D: the same limit against pi, e, zeta(3), G, log(2) (all forms, the 12-dimensional
// linear-fractional one included). Peer: mpmath `pslq` of that 12-dimensional basis at D digits.
// pslq12_D: our PSLQ alone, at the full D digits (no staging), on those 12 numbers; same peer.
import Ramanujan

/// The Apéry limit at about `digits` digits, walked outside the clock.
func aperyValue(digits: Int) -> ApproximateValue {
  let limit = apery.limit(depth: digits * 100 / 306 + 5)
  return ApproximateValue(limit.value(.digits(limit.digits + 30)), places: limit.digits)
}

/// `seconds`: the constants computed before the clock starts (`precomputed(digits:)`), as the peer's
/// are; `cold_seconds`: everything inside, constants included.
func identifyCase(_ name: String, digits: Int, constants: [ConstantExpression], reps: Int) throws {
  let x = aperyValue(digits: digits)
  let identifier = try Identifier(constants: constants)
  let (cold, _) = try measure(reps) { try identifier.identify(x) }
  let prepared = identifier.precomputed(digits: x.digits)
  let (t, result) = try measure(reps) { try prepared.identify(x) }
  report(
    name, t, reps,
    [
      ("digits", "\(x.digits)"), ("expression", "\"\(result?.expression?.description ?? "none")\""),
      ("matched", "\(result?.digits ?? 0)"), ("constants", "\(constants.count)"), ("cold_seconds", "\(cold)"),
    ])
}

/// Our PSLQ alone at the full precision (no staging) on the 12 numbers the peer's mpmath pslq gets.
func pslq12Case(_ name: String, digits: Int, reps: Int) throws {
  let x = aperyValue(digits: digits)
  let p = Precision.digits(digits)
  let v = BigFloat(x.value, precision: p)
  let cs = try Identifier.defaultConstants.map { try $0.evaluate(p) }
  let vector = [v] + cs.map { v * $0 } + [BigFloat(1, precision: p)] + cs
  let (t, relation) = measure(reps) { PSLQ.relation(vector, maxCoefficient: 10_000, precision: p) }
  report(name, t, reps, [("digits", "\(digits)"), ("relation", "\"\(relation?.description ?? "none")\"")])
}

/// One catalog constant evaluated to `digits` digits (issue 8: ζ(5), ζ(7) were quadratic in MPFR).
/// Peer: mpmath `zeta(k)` at the same precision, when run.
func constantCase(_ name: String, _ text: String, digits: Int) throws {
  let expression = try ConstantExpression(parsing: text)
  let (t, value) = try measure(1) { try expression.evaluate(.digits(digits)) }
  report(
    name, t, 1,
    [
      ("digits", "\(digits)"), ("constant", "\"\(text)\""),
      ("leading", "\"\(value.scientific(significantDigits: 12))\""),
    ])
}

let constantCases: [(String, @Sendable () throws -> Void)] =
  [
    ("zeta3", 3), ("zeta5", 5), ("zeta7", 7), ("zeta21", 21), ("zeta63", 63),
  ].map { name, k in ("const_\(name)_1e5", { try constantCase("const_\(name)_1e5", "zeta(\(k))", digits: 100_000) }) }
  + [("G", "G"), ("gamma", "gamma"), ("log2", "log(2)"), ("log7", "log(7)"), ("delta", "delta_Gompertz")].map {
    name, text in ("const_\(name)_1e5", { try constantCase("const_\(name)_1e5", text, digits: 100_000) })
  }

let identifyCases: [(String, @Sendable () throws -> Void)] = [
  ("identify_100", { try identifyCase("identify_100", digits: 100, constants: [.constant(.zeta(3))], reps: 21) }),
  ("identify_1000", { try identifyCase("identify_1000", digits: 1000, constants: [.constant(.zeta(3))], reps: 11) }),
  ("identify_5000", { try identifyCase("identify_5000", digits: 5000, constants: [.constant(.zeta(3))], reps: 5) }),
  (
    "identify5_100",
    { try identifyCase("identify5_100", digits: 100, constants: Identifier.defaultConstants, reps: 11) }
  ),
  (
    "identify5_1000",
    { try identifyCase("identify5_1000", digits: 1000, constants: Identifier.defaultConstants, reps: 5) }
  ),
  (
    "identify5_5000",
    { try identifyCase("identify5_5000", digits: 5000, constants: Identifier.defaultConstants, reps: 3) }
  ),
  ("pslq12_100", { try pslq12Case("pslq12_100", digits: 100, reps: 11) }),
  ("pslq12_1000", { try pslq12Case("pslq12_1000", digits: 1000, reps: 5) }),
  ("pslq12_5000", { try pslq12Case("pslq12_5000", digits: 5000, reps: 3) }),
]
