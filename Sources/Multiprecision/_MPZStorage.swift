import _RamanujanShims

/// Owns one GMP integer at a stable address; freed in `deinit`.
@usableFromInline
final class _MPZStorage: @unchecked Sendable {
  // Sendable: a storage is mutated only while uniquely referenced (copy on write in `BigInt`).
  @usableFromInline let pointer: UnsafeMutablePointer<__mpz_struct>

  @usableFromInline init() {
    pointer = .allocate(capacity: 1)
    __gmpz_init(pointer)
  }

  @usableFromInline init(copying other: _MPZStorage) {
    pointer = .allocate(capacity: 1)
    __gmpz_init_set(pointer, other.pointer)
  }

  deinit {
    __gmpz_clear(pointer)
    pointer.deallocate()
  }
}
