import Multiprecision

/// SplitMix64 (Steele, Lea, Flood): a small deterministic generator so every random test repeats exactly.
/// - SeeAlso: https://prng.di.unimi.it/splitmix64.c
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

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
