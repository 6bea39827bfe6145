import Multiprecision
import Testing

@testable import Identification

@Suite struct CatalogExtensionTests {
  /// Every row of catalog-extension.tsv (300 significant digits, mpmath) to 295 digits.
  @Test func referenceDigits() throws {
    let rows = try fixtureRows("catalog-extension")
    #expect(rows.count >= 10)
    for row in rows {
      let name = try #require(row["name"])
      let text = try #require(row["value"])
      let listed = try #require(BigFloat(text, precision: .digits(320)))
      let ours = try ConstantExpression(parsing: name).evaluate(.digits(310))
      #expect(agreement(ours, listed) >= 295, "\(name)")
    }
  }

  @Test("names, aliases and order of the new constants")
  func names() throws {
    #expect(try Constant(name: "gauss") == .gauss)
    #expect(try Constant(name: "lemniscate") == .lemniscate)
    #expect(try Constant(name: "varpi") == .lemniscate)
    #expect(Constant.gauss.name == "gauss" && Constant.lemniscate.name == "lemniscate")
    #expect(try Constant(name: "khinchin") == .khinchin && Constant.glaisher.name == "glaisher")
    #expect(Constant.gompertz < .gauss && .gauss < .lemniscate && .lemniscate < .khinchin && .khinchin < .glaisher)
    #expect(throws: ConstantError.self) { try Constant(name: "gaus") }
  }

  /// ϖ = π·G and G = 1/agm(1, √2) at 3000 digits, the AGM against Γ(1/4)²/(2√(2π)) is in the table.
  @Test func identities() {
    let p = Precision.digits(3000)
    let gauss = Constant.gauss.value(p)
    #expect(agreement(Constant.lemniscate.value(p), Constant.pi.value(p) * gauss) >= 2998)
    #expect(agreement(gauss, Constant.gauss.value(.digits(3100))) >= 2999)
  }

  /// The series' term counts scale with the precision: 600 digits agree with 700.
  @Test func seriesSelfConsistency() {
    for c in [Constant.khinchin, .glaisher] {
      #expect(agreement(c.value(.digits(600)), c.value(.digits(700))) >= 600, "\(c)")
    }
  }
}
