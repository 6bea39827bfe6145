import Multiprecision
import TestSupport

extension SeededGenerator {

  /// A uniformly random integer of exactly `bits` bits (its top bit set), and its hexadecimal
  /// digits spelled independently of `BigInt`'s own printing.
  mutating func bigInt(bits: Int) -> (value: BigInt, hex: String) {
    precondition(bits >= 1)
    let limbCount = (bits + 63) / 64
    var limbs = (0..<limbCount).map { _ in next() }
    let topBits = bits - 64 * (limbCount - 1)
    let top = limbs[limbCount - 1]
    limbs[limbCount - 1] = (topBits == 64 ? top : top & ((1 << UInt64(topBits)) - 1)) | (1 << UInt64(topBits - 1))
    var value = BigInt(0)
    var hex = ""
    for limb in limbs.reversed() {
      value = value.shifted(by: 64) + BigInt(Int(limb >> 1)).shifted(by: 1) + BigInt(Int(limb & 1))
      let digits = String(limb, radix: 16)
      hex += hex.isEmpty ? digits : String(repeating: "0", count: 16 - digits.count) + digits
    }
    return (value, hex)
  }

  /// A random integer of 1...`maxBits` bits, negative half the time, sometimes zero.
  mutating func signedBigInt(maxBits: Int) -> BigInt {
    if Int.random(in: 0..<20, using: &self) == 0 { return 0 }
    let value = bigInt(bits: Int.random(in: 1...maxBits, using: &self)).value
    return Bool.random(using: &self) ? -value : value
  }

  /// A random non-zero integer of 1...`maxBits` bits and either sign.
  mutating func nonZeroBigInt(maxBits: Int) -> BigInt {
    let value = bigInt(bits: Int.random(in: 1...maxBits, using: &self)).value
    return Bool.random(using: &self) ? -value : value
  }
}
