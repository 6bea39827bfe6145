#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Double-precision logarithms for estimates (sizes, error models), shared by the package's modules;
// named with an underscore because `BigFloat.log2(_:)` (the constant ln 2) shadows `log2` inside it.

/// log₂ x in double precision.
package func _log2(_ x: Double) -> Double {
  #if canImport(Glibc)
    return Glibc.log2(x)
  #else
    return Darwin.log2(x)
  #endif
}

/// ln x in double precision.
package func _ln(_ x: Double) -> Double {
  #if canImport(Glibc)
    return Glibc.log(x)
  #else
    return Darwin.log(x)
  #endif
}
