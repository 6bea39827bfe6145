import Multiprecision
import TestSupport
import Testing

/// Reading and writing `BigInt` as text.
@Suite struct BigIntTextTests {
  /// Decimal digits of |x| by repeated division by 10¹⁸: a spelling that does not use GMP's printer.
  static func decimalByChunks(_ x: BigInt) -> String {
    let base = BigInt(10).power(18)
    var rest = x.magnitude
    var chunks: [String] = []
    while !rest.isZero {
      chunks.append(String(Int(exactly: rest % base)!))
      rest = rest / base
    }
    guard let first = chunks.popLast() else { return "0" }
    let tail = chunks.reversed().map { String(repeating: "0", count: 18 - $0.count) + $0 }
    return (x.isNegative ? "-" : "") + first + tail.joined()
  }

  @Test func randomValuesRoundTripInRadix16And10() throws {
    var rng = SeededGenerator(seed: 0x1234_5678)
    for _ in 0..<300 {
      let (magnitude, hex) = rng.bigInt(bits: Int.random(in: 1...2000, using: &rng))
      for (value, text) in [(magnitude, hex), (-magnitude, "-" + hex)] {
        #expect(BigInt(text, radix: 16) == value)
        #expect(value.toString(radix: 16) == text)
        #expect(BigInt(text.uppercased(), radix: 16) == value)
        let decimal = value.description
        #expect(decimal == Self.decimalByChunks(value))
        #expect(BigInt(decimal) == value)
        #expect(BigInt(decimal, radix: 10) == value)
        #expect(value.decimalDigitCount == decimal.count - (value.isNegative ? 1 : 0))
      }
    }
  }

  @Test func machineIntegersPrintLikeInt() {
    var rng = SeededGenerator(seed: 7)
    let edges = [0, 1, -1, 9, 10, -10, Int.max, Int.min, Int.max - 1, Int.min + 1]
    for v in edges + (0..<200).map({ _ in Int(truncatingIfNeeded: rng.next()) >> Int.random(in: 0...63, using: &rng) })
    {
      #expect(BigInt(v).description == String(v))
      for radix in [2, 8, 16, 36] {
        #expect(BigInt(v).toString(radix: radix) == String(v, radix: radix))
        #expect(BigInt(String(v, radix: radix), radix: radix) == BigInt(v))
      }
    }
  }

  @Test(arguments: [
    ("0", 10, 0), ("-0", 10, 0), ("+42", 10, 42), ("007", 10, 7), ("-12", 10, -12),
    ("ff", 16, 255), ("FF", 16, 255), ("-aB", 16, -171), ("101", 2, 5), ("zz", 36, 1295), ("Zz", 36, 1295),
    ("777", 8, 511), ("12a", 16, 298),
  ])
  func parsesValidText(text: String, radix: Int, value: Int) {
    #expect(BigInt(text, radix: radix) == BigInt(value))
  }

  @Test(arguments: [
    ("", 10), ("-", 10), ("+", 10), ("12a", 10), (" 1", 10), ("1 ", 10), ("1 2", 10), ("--1", 10), ("+-1", 10),
    ("1_000", 10), ("1.0", 10), ("1e5", 10), ("0x10", 16), ("2", 2), ("g", 16), ("٣", 10), ("１", 10), ("\n1", 10),
  ])
  func rejectsInvalidText(text: String, radix: Int) {
    #expect(BigInt(text, radix: radix) == nil)
  }

  @Test func losslessStringConvertible() {
    #expect(BigInt("123456789012345678901234567890")?.description == "123456789012345678901234567890")
    #expect(BigInt("-0")?.description == "0")
    #expect(BigInt(Substring("x-17x").dropFirst().dropLast()) == -17)
    #expect("\(BigInt(-5))" == "-5")
  }
}
