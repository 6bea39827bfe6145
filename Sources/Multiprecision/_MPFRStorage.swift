import _RamanujanShims

/// Owns one MPFR real at a stable address; freed in `deinit`.
@usableFromInline
final class _MPFRStorage: @unchecked Sendable {
  // Sendable: mutated only while uniquely referenced (copy on write in `BigFloat`).
  @usableFromInline let pointer: UnsafeMutablePointer<__mpfr_struct>

  @usableFromInline init(bits: Int) {
    pointer = .allocate(capacity: 1)
    mpfr_init2(pointer, mpfr_prec_t(bits))
    mpfr_set_zero(pointer, 1)
  }

  @usableFromInline init(copying other: _MPFRStorage) {
    pointer = .allocate(capacity: 1)
    mpfr_init2(pointer, mpfr_get_prec(other.pointer))
    mpfr_set(pointer, other.pointer, MPFR_RNDN)
  }

  deinit {
    mpfr_clear(pointer)
    pointer.deallocate()
  }
}
