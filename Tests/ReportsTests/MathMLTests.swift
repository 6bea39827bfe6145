import ContinuedFractions
import Identification
import Polynomials
import Testing

@testable import Reports

@Suite struct MathMLTests {
  func polynomial(_ text: String) throws -> String { MathML.polynomial(try Polynomial(parsing: text)).rendered }
  func expression(_ text: String) throws -> String { MathML.expression(try ConstantExpression(parsing: text)).rendered }

  @Test("polynomials in n, highest power first, with true minus signs")
  func polynomials() throws {
    #expect(try polynomial("-n^6") == "<mrow><mo>−</mo><msup><mi>n</mi><mn>6</mn></msup></mrow>")
    #expect(
      try polynomial("34n^3+51n^2+27n+5")
        == "<mrow><mrow><mn>34</mn><mo>\u{2062}</mo><msup><mi>n</mi><mn>3</mn></msup></mrow><mo>+</mo><mrow><mn>51</mn><mo>\u{2062}</mo><msup><mi>n</mi><mn>2</mn></msup></mrow><mo>+</mo><mrow><mn>27</mn><mo>\u{2062}</mo><mi>n</mi></mrow><mo>+</mo><mn>5</mn></mrow>"
    )
    #expect(try polynomial("n - 1") == "<mrow><mi>n</mi><mo>−</mo><mn>1</mn></mrow>")
    #expect(try polynomial("0") == "<mn>0</mn>")
    #expect(try polynomial("-3") == "<mrow><mo>−</mo><mn>3</mn></mrow>")
  }

  @Test("expressions: divisions as fractions, constants as symbols, products with invisible times")
  func expressions() throws {
    #expect(
      try expression("6/zeta(3)")
        == "<mfrac><mn>6</mn><mrow><mi>ζ</mi><mo stretchy=\"false\">(</mo><mn>3</mn><mo stretchy=\"false\">)</mo></mrow></mfrac>"
    )
    let x = try expression("12/(7*zeta(3))")
    #expect(x.contains("<mrow><mn>7</mn><mo>\u{2062}</mo><mrow><mi>ζ</mi>"))
    let y = try expression("1/(zeta(3)-1)")
    #expect(y.hasPrefix("<mfrac><mn>1</mn><mrow><mrow><mi>ζ</mi>") && y.contains("<mo>−</mo><mn>1</mn>"))
    #expect(try expression("pi^2/6").hasPrefix("<mfrac><msup><mi>π</mi><mn>2</mn></msup>"))
    #expect(try expression("sqrt(2)") == "<msqrt><mn>2</mn></msqrt>")
    #expect(try expression("log(2)") == "<mrow><mi>ln</mi><mo>\u{2061}</mo><mn>2</mn></mrow>")
    #expect(try expression("2*3").contains("<mo>·</mo>"))
    #expect(try expression("-(e+1)").contains("<mo>−</mo><mrow><mo stretchy=\"false\">(</mo>"))
    #expect(try expression("G") == "<mi>G</mi>")
    #expect(try expression("1/2") == "<mfrac><mn>1</mn><mn>2</mn></mfrac>")
  }

  @Test("a PCF as a continued fraction: a(0) + b(1)/(a(1) + b(2)/(a(2) + ⋱))")
  func continuedFraction() throws {
    let apery = try PCF(a: "34n^3+51n^2+27n+5", b: "-n^6")
    let m = MathML.continuedFraction(apery, terms: 2).rendered
    #expect(
      m
        == "<mrow><mn>5</mn><mo>+</mo><mfrac><mrow displaystyle=\"true\"><mn>−1</mn></mrow><mrow displaystyle=\"true\"><mrow><mn>117</mn><mo>+</mo><mfrac><mrow displaystyle=\"true\"><mn>−64</mn></mrow><mrow displaystyle=\"true\"><mrow><mn>535</mn><mo>+</mo><mo>⋱</mo></mrow></mrow></mfrac></mrow></mrow></mfrac></mrow>"
    )
    let math = MathML.math([m].map { _ in MathML.continuedFraction(apery) }, block: true, label: "a < b").rendered
    #expect(
      math.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\" aria-label=\"a &lt; b\">"))
    #expect(math.contains("<mn>1463</mn>"))
    #expect(XMLOutline.parses(math))
  }
}
