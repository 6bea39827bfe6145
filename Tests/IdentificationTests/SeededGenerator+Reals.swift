import Multiprecision
import TestSupport

extension SeededGenerator {

  /// A uniformly random real in [1, 2) with `digits` significant decimal digits (the rest zero bits).
  mutating func real(digits: Int) -> BigFloat {
    let bits = Int((Double(digits) * Precision.bitsPerDigit).rounded(.up))
    var mantissa = BigInt(1)
    var filled = 0
    while filled < bits {
      let take = Swift.min(62, bits - filled)
      mantissa = mantissa.shifted(by: take) + BigInt(Int(next() >> UInt64(64 - take)))
      filled += take
    }
    let precision = Precision.bits(bits + 2)
    return BigFloat(mantissa, precision: precision) / BigFloat(BigInt(1).shifted(by: bits), precision: precision)
  }

  /// A random integer in -bound...bound.
  mutating func integer(_ bound: Int) -> BigInt { BigInt(Int.random(in: -bound...bound, using: &self)) }
}
