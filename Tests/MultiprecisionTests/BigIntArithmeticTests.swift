import Multiprecision
import TestSupport
import Testing

/// The ring operations, division, order, hashing and copy on write of `BigInt`.
@Suite struct BigIntArithmeticTests {
  @Test func smallValuesAgreeWithInt() {
    for a in -40...40 {
      for b in -40...40 {
        let (x, y) = (BigInt(a), BigInt(b))
        #expect(x + y == BigInt(a + b))
        #expect(x - y == BigInt(a - b))
        #expect(x * y == BigInt(a * b))
        #expect((x < y) == (a < b))
        #expect(x.compare(to: b) == (a < b ? -1 : (a == b ? 0 : 1)))
        guard b != 0 else { continue }
        #expect(x / y == BigInt(a / b))
        #expect(x % y == BigInt(a % b))
        let floor = x.floorDivided(by: y)
        let q = Int((Double(a) / Double(b)).rounded(.down))
        #expect(floor.quotient == BigInt(q))
        #expect(floor.remainder == BigInt(a - q * b))
      }
    }
  }

  @Test func ringIdentitiesOnRandomValues() {
    var rng = SeededGenerator(seed: 11)
    for _ in 0..<300 {
      let a = rng.signedBigInt(maxBits: 1500)
      let b = rng.signedBigInt(maxBits: 1500)
      let c = rng.signedBigInt(maxBits: 300)
      #expect(a + b == b + a)
      #expect(a * b == b * a)
      #expect((a + b) - b == a)
      #expect(a - b == -(b - a))
      #expect(a + (-a) == 0)
      #expect(-(-a) == a)
      #expect((a + b) * c == a * c + b * c)
      #expect((a * b) * c == a * (b * c))
      #expect(a * 1 == a && a * 0 == 0 && a + 0 == a)
      #expect((a * b).signum == a.signum * b.signum)
    }
  }

  @Test func truncatedDivisionIdentities() {
    var rng = SeededGenerator(seed: 12)
    for _ in 0..<300 {
      let a = rng.signedBigInt(maxBits: 2000)
      let b = rng.nonZeroBigInt(maxBits: 900)
      let (q, r) = (a / b, a % b)
      #expect(q * b + r == a)
      #expect(r.magnitude < b.magnitude)
      // The remainder takes the sign of the dividend, as Swift's `%` does.
      #expect(r.isZero || r.signum == a.signum)
      #expect((-a) / b == -q && a / (-b) == -q)
      let floor = a.floorDivided(by: b)
      #expect(floor.quotient * b + floor.remainder == a)
      #expect(floor.remainder.magnitude < b.magnitude)
      #expect(floor.remainder.isZero || floor.remainder.signum == b.signum)
      #expect(floor.quotient == q || (floor.quotient == q - 1 && !r.isZero))
    }
  }

  @Test func compoundAssignmentMatchesBinaryOperators() {
    var rng = SeededGenerator(seed: 13)
    for _ in 0..<100 {
      let a = rng.signedBigInt(maxBits: 700)
      let b = rng.signedBigInt(maxBits: 700)
      var x = a
      x += b
      #expect(x == a + b)
      x = a
      x -= b
      #expect(x == a - b)
      x = a
      x *= b
      #expect(x == a * b)
      x = a
      x.negate()
      #expect(x == -a)
      // Both operands are the same storage.
      x = a
      x += x
      #expect(x == a * 2)
      x = a
      x *= x
      #expect(x == a.power(2))
      x = a
      x -= x
      #expect(x == 0)
    }
  }

  @Test func mutatingACopyLeavesTheOriginal() {
    let original = BigInt(10).power(40) + 7
    let text = original.description
    var copy = original
    copy += 1
    #expect(original.description == text)
    #expect(copy == original + 1)
    copy = original
    copy -= 1
    copy *= 3
    copy.negate()
    #expect(original.description == text)
    #expect(copy == -(original - 1) * 3)

    var array = [BigInt](repeating: original, count: 3)
    array[1] += 5
    #expect(array[0] == original && array[2] == original && array[1] == original + 5)
    #expect(original.description == text)
  }

  @Test func inPlaceKernelsCopyOnWriteAndAgreeWithOperators() {
    var rng = SeededGenerator(seed: 14)
    for _ in 0..<100 {
      let a = rng.signedBigInt(maxBits: 400)
      let x = rng.signedBigInt(maxBits: 400)
      let y = rng.signedBigInt(maxBits: 400)
      let v = Int(truncatingIfNeeded: rng.next())
      let aText = a.description
      var r = a
      r.multiply(by: v)
      #expect(r == a * BigInt(v))
      r = a
      r.addProduct(x, v)
      #expect(r == a + x * BigInt(v))
      r = a
      r.addProduct(x, y)
      #expect(r == a + x * y)
      r = a
      r.setProduct(x, y)
      #expect(r == x * y)
      r = a
      r.setProduct(x, v)
      #expect(r == x * BigInt(v))
      r = a
      r.add(v)
      #expect(r == a + BigInt(v))
      r = a
      r.set(v)
      #expect(r == BigInt(v))
      #expect(a.description == aText)
    }
    var r = BigInt(5)
    r.add(Int.min)
    #expect(r == BigInt(Int.min) + 5)
  }

  @Test func orderIsTheOrderOfTheDifference() {
    var rng = SeededGenerator(seed: 15)
    var values = (0..<200).map { _ in rng.signedBigInt(maxBits: 300) }
    values += [0, 1, -1, BigInt(10).power(90), -BigInt(10).power(90)]
    for (a, b) in zip(values, values.reversed()) {
      #expect((a < b) == ((b - a).signum > 0))
      #expect((a == b) == (a - b).isZero)
      #expect((a > b) == (b < a))
    }
    let sorted = values.sorted()
    for (a, b) in zip(sorted, sorted.dropFirst()) { #expect((b - a).signum >= 0) }
    #expect(-BigInt(10).power(90) < -1 && BigInt(-1) < 0 && BigInt(0) < 1 && BigInt(1) < BigInt(10).power(90))
    #expect(BigInt(10).power(90).compare(to: Int.max) == 1)
    #expect((-BigInt(10).power(90)).compare(to: Int.min) == -1)
  }

  @Test func equalValuesHashEqually() {
    var rng = SeededGenerator(seed: 16)
    for _ in 0..<100 {
      let a = rng.signedBigInt(maxBits: 500)
      let viaText = BigInt(a.description)!
      let viaArithmetic = (a * 3 + 17 - 17) / 3
      #expect(viaText == a && viaArithmetic == a)
      #expect(viaText.hashValue == a.hashValue && viaArithmetic.hashValue == a.hashValue)
    }
    // A value that grew and shrank again must hash like one that never grew.
    let shrunk = BigInt(10).power(100) + 5 - BigInt(10).power(100)
    #expect(shrunk.hashValue == BigInt(5).hashValue)
    let set: Set<BigInt> = [BigInt(1), BigInt("1")!, BigInt(2) - 1, BigInt(-1), BigInt(0), -BigInt(0)]
    #expect(set.count == 3)
  }

  @Test func signQueries() {
    let big = BigInt(2).power(200)
    #expect(big.signum == 1 && (-big).signum == -1 && BigInt(0).signum == 0)
    #expect(BigInt(0).isZero && !big.isZero)
    #expect((-big).isNegative && !big.isNegative && !BigInt(0).isNegative)
    #expect((big + 1).isOdd && !big.isOdd && (-big - 1).isOdd && !BigInt(0).isOdd)
    #expect((-big).magnitude == big && BigInt(0).magnitude == 0)
    #expect(BigInt.zero == 0)
  }
}
