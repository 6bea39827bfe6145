import Multiprecision
import Testing

@testable import Identification

/// Constants of every kind, as the CLI names them.
let catalogSample: [(Constant, String)] = [
  (.pi, "pi"), (.e, "e"), (.zeta(2), "zeta(2)"), (.zeta(3), "zeta(3)"), (.zeta(5), "zeta(5)"), (.catalan, "G"),
  (.log(2), "log(2)"), (.log(10), "log(10)"), (.sqrt(2), "sqrt(2)"), (.sqrt(8), "sqrt(8)"), (.goldenRatio, "phi"),
  (.eulerGamma, "gamma"), (.gompertz, "delta_Gompertz"),
]

@Suite struct ConstantTests {
  @Test func namesRoundTrip() throws {
    for (constant, name) in catalogSample {
      #expect(constant.name == name)
      #expect("\(constant)" == name)
      #expect(try Constant(name: name) == constant)
    }
  }

  @Test func aliases() throws {
    #expect(try Constant(name: "catalan") == .catalan)
    #expect(try Constant(name: "ln(2)") == .log(2))
    #expect(try Constant(name: "euler_gamma") == .eulerGamma)
    #expect(try Constant(name: "gompertz") == .gompertz)
    #expect(try Constant(name: " zeta( 3 ) ") == .zeta(3))
  }

  @Test func kinds() {
    #expect(Constant.zeta(7).kind == .zeta(7))
    #expect(Constant.sqrt(3).kind == .sqrt(3))
    #expect(Constant.gompertz.kind == .gompertz)
  }

  @Test func canonicalOrder() {
    let shuffled: [Constant] = [.gompertz, .sqrt(3), .zeta(5), .e, .log(2), .zeta(3), .pi, .sqrt(2), .catalan]
    #expect(
      shuffled.sorted().map(\.name) == [
        "pi", "e", "zeta(3)", "zeta(5)", "G", "log(2)", "sqrt(2)", "sqrt(3)", "delta_Gompertz",
      ])
  }

  @Test(arguments: [
    (
      "zeta3",
      "unknown constant 'zeta3'; known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, "
        + "gauss, lemniscate, khinchin, glaisher"
    ),
    (
      "Pi",
      "unknown constant 'Pi'; known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, "
        + "gauss, lemniscate, khinchin, glaisher"
    ),
    (
      "",
      "unknown constant ''; known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, "
        + "gauss, lemniscate, khinchin, glaisher"
    ),
    (
      "exp(1)",
      "unknown constant 'exp(1)'; known: pi, e, zeta(k) (k ≥ 2), G, log(k), sqrt(k), phi, gamma, delta_Gompertz, "
        + "gauss, lemniscate, khinchin, glaisher"
    ),
    ("zeta(1)", "zeta(1) is not in the catalog: zeta(k) needs an integer k ≥ 2"),
    ("zeta(0)", "zeta(0) is not in the catalog: zeta(k) needs an integer k ≥ 2"),
    ("zeta(x)", "zeta(x) is not in the catalog: zeta(k) needs an integer k ≥ 2"),
    ("log(1)", "log(1) is not in the catalog: log(k) needs an integer k ≥ 2"),
    ("ln(-3)", "log(-3) is not in the catalog: log(k) needs an integer k ≥ 2"),
    ("sqrt(4)", "sqrt(4) is not in the catalog: sqrt(k) needs an integer k ≥ 2 that is not a square"),
    ("sqrt(1.5)", "sqrt(1.5) is not in the catalog: sqrt(k) needs an integer k ≥ 2 that is not a square"),
  ])
  func nameErrors(name: String, message: String) {
    #expect {
      _ = try Constant(name: name)
    } throws: { error in
      "\(error)" == message
    }
  }

  /// Every row of constants.tsv (300 significant digits, mpmath) to 295 digits.
  @Test func referenceDigits() throws {
    let rows = try fixtureRows("constants")
    #expect(rows.count == 17)
    for row in rows {
      let name = try #require(row["name"])
      let text = try #require(row["value"])
      let listed = try #require(BigFloat(text, precision: .digits(320)))
      let ours = try ConstantExpression(parsing: name).evaluate(.digits(310))
      #expect(agreement(ours, listed) >= 295, "\(name)")
      if let constant = try? Constant(name: name) {
        #expect(agreement(constant.value(.digits(310)), listed) >= 295, "\(name)")
      }
    }
  }

  /// At 2000 digits, the value agrees with the one at 2100 digits (so the guard bits and term counts scale).
  @Test func selfConsistency() {
    let more: [Constant] = [.zeta(4), .zeta(7), .zeta(8), .zeta(100), .zeta(102), .log(3), .sqrt(3)]
    for constant in catalogSample.map(\.0) + more {
      let value = constant.value(.digits(2000))
      #expect(value.precision == .digits(2000))
      #expect(agreement(value, constant.value(.digits(2100))) >= 2000, "\(constant)")
    }
  }

  /// Identities with values computed another way, at 2000 digits.
  @Test func identities() {
    let p = Precision.digits(2000)
    let pi = Constant.pi.value(p)
    let sqrt5 = BigFloat(5, precision: p).squareRoot()
    #expect(agreement(Constant.zeta(2).value(p), pi.power(2) / 6) >= 1999)
    #expect(agreement(Constant.zeta(4).value(p), pi.power(4) / 90) >= 1999)
    #expect(agreement(Constant.zeta(6).value(p), pi.power(6) / 945) >= 1999)
    #expect(agreement(Constant.goldenRatio.value(p), (sqrt5 + 1) / 2) >= 1999)
    let phi = Constant.goldenRatio.value(p)
    #expect(agreement(phi * phi, phi + 1) >= 1999)
    #expect(agreement(Constant.log(2).value(p) + Constant.log(3).value(p), Constant.log(6).value(p)) >= 1999)
    #expect(agreement(Constant.log(2).value(p), BigFloat.log2(p)) >= 1999)
    #expect(agreement(Constant.sqrt(2).value(p).power(2), BigFloat(2, precision: p)) >= 1999)
    #expect(agreement(Constant.e.value(p).log(), BigFloat(1, precision: p)) >= 1999)
    // The series against MPFR's own algorithms.
    #expect(agreement(Constant.zeta(3).value(p), BigFloat.zeta(3, p)) >= 1999)
    let gompertz = -(BigFloat.e(p) * BigFloat(-1, precision: p).exponentialIntegral())
    #expect(agreement(Constant.gompertz.value(p), gompertz) >= 1999)
  }

  /// ζ(2m) through Bernoulli numbers against MPFR's zeta, at 500 digits.
  @Test func evenZetaAgainstMPFR() {
    let p = Precision.digits(500)
    for k in stride(from: 2, through: 40, by: 2) {
      #expect(agreement(Constant.zeta(k).value(p), BigFloat.zeta(k, p)) >= 499, "zeta(\(k))")
    }
  }

  /// Borwein's series by binary splitting against the reference digits of ζ(2…7), at 310 digits.
  @Test func zetaSeriesAgainstReference() throws {
    let rows = try fixtureRows("constants")
    for k in 2...7 {
      let text = try #require(rows.first { $0["name"] == "zeta(\(k))" }?["value"], "zeta(\(k))")
      let listed = try #require(BigFloat(text, precision: .digits(320)))
      #expect(agreement(Constant._zetaBorwein(k, bits: Precision.digits(310).bits), listed) >= 295, "zeta(\(k))")
    }
  }

  /// The series against MPFR's `mpfr_zeta_ui` at 1500 digits, for every k it is used for and a few
  /// beyond; and `value` at 3000 digits, where it goes through the series, for ζ(5), ζ(7), ζ(63).
  @Test func zetaSeriesAgainstMPFR() {
    let p = Precision.digits(1500)
    for k in Array(2...25) + [33, 63, 64] {
      #expect(agreement(Constant._zetaBorwein(k, bits: p.bits), BigFloat.zeta(k, p)) >= 1499, "zeta(\(k))")
    }
    let high = Precision.digits(3000)
    for k in [5, 7, 63] {
      #expect(Constant._zetaBySplitting(k, bits: high.bits))
      let value = Constant.zeta(k).value(high)
      #expect(value.precision == high)
      #expect(agreement(value, BigFloat.zeta(k, high)) >= 2999, "zeta(\(k))")
    }
    #expect(!Constant._zetaBySplitting(65, bits: high.bits) && !Constant._zetaBySplitting(5, bits: 1000))
  }

  @Test func bernoulliNumbers() {
    let known: [BigRational] = [
      1, BigRational(-1, 2), BigRational(1, 6), 0, BigRational(-1, 30), 0, BigRational(1, 42), 0,
      BigRational(-1, 30), 0, BigRational(5, 66), 0, BigRational(-691, 2730), 0, BigRational(7, 6),
    ]
    for (m, b) in known.enumerated() { #expect(Constant._bernoulli(m) == b, "B_\(m)") }
  }

  /// Low precisions: the term counts and guard bits must not underflow.
  @Test func lowPrecision() {
    for constant in catalogSample.map(\.0) {
      let value = constant.value(.bits(2))
      let reference = constant.value(.digits(30))
      #expect(agreement(value, reference) >= 0.3, "\(constant)")
    }
  }
}
