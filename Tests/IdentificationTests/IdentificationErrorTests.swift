import Testing

@testable import Identification

@Suite struct IdentificationErrorTests {
  @Test("constant-list errors stay on one line when an entry holds a line end")
  func oneLine() {
    for (list, expected) in [
      ("pi,1+\n2*", "cannot read the constant '1+\\n2*'"),
      ("pi,\n,e", "constant 2 of 'pi,\\n,e' is empty"),
    ] {
      do {
        _ = try Identifier.constants(parsing: list)
        Issue.record("'\(list)' must be refused")
      } catch {
        #expect(error.description.hasPrefix(expected), "\(error.description)")
        #expect(!error.description.contains("\n"))
      }
    }
  }
}
