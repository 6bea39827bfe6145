import Multiprecision
import Testing

@testable import Equivalence

@Suite struct FormulaClassesTests {
  @Test("classes compose the proven Möbius maps along paths, in both directions of an edge")
  func composition() throws {
    // L(b) = L(a) + 1, L(c) = 2·L(b) (given as L(b) = T(L(c)) with T = x/2), d alone, e–f apart.
    let plusOne = MobiusMap(1, 1, 0, 1)
    let half = MobiusMap(1, 0, 0, 2)
    let edges: [FormulaClasses<String>.Edge] = [
      .init("b", "a", mobius: plusOne), .init("b", "c", mobius: half), .init("e", "f", mobius: MobiusMap(0, 1, 1, 0)),
    ]
    let classes = FormulaClasses(keys: ["a", "b", "c", "d", "e", "f"], edges: edges).classes
    #expect(classes.map { $0.members.map(\.key) } == [["a", "b", "c"], ["e", "f"]])
    let x = BigFloat(3, precision: .digits(30))
    for m in classes[0].members {
      // L(a) = 3: L(b) = 4, L(c) = 8.
      let expected = ["a": 3, "b": 4, "c": 8][m.key]!
      #expect(m.relation(x) == BigFloat(expected, precision: .digits(30)), "\(m.key)")
    }
    #expect(classes[0].members.map(\.steps) == [0, 1, 2])
    #expect(classes[1].members[1].relation == MobiusMap(0, 1, 1, 0))
  }
}
