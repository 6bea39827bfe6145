import _RamanujanShims

extension BigInt {
  /// self mod m in 0..<m for a machine-word modulus (one GMP call, no allocation): the residue
  /// that modular screening kernels (matrix fields) work with. Precondition: m > 0.
  @inlinable
  package func remainder(dividingBy m: UInt) -> UInt {
    precondition(m > 0, "remainder modulo 0")
    return UInt(__gmpz_fdiv_ui(_pointer, m))
  }
}
