// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "ramanujan",
  products: [
    .library(name: "Ramanujan", targets: ["Ramanujan"]),
    .executable(name: "ramanujan", targets: ["RamanujanCLI"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // C lives only here: GMP/MPFR headers, wrappers for their function-like macros, and the
    // screening kernel (for its run-time choice of AVX2+FMA code).
    .target(
      name: "_RamanujanShims",
      linkerSettings: [.linkedLibrary("mpfr"), .linkedLibrary("gmp")]
    ),
    .target(name: "Multiprecision", dependencies: ["_RamanujanShims"]),
    .target(name: "Polynomials", dependencies: ["Multiprecision"]),
    .target(name: "Recurrences", dependencies: ["Multiprecision", "Polynomials"]),
    .target(name: "ContinuedFractions", dependencies: ["Multiprecision", "Polynomials", "Recurrences"]),
    .target(name: "Identification", dependencies: ["Multiprecision"]),
    .target(
      name: "MatrixFields", dependencies: ["Multiprecision", "Polynomials", "Recurrences", "ContinuedFractions"]
    ),
    .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
    .target(name: "Store", dependencies: ["Search", "CSQLite"]),
    .target(
      name: "Search",
      dependencies: [
        "_RamanujanShims", "Multiprecision", "Polynomials", "Recurrences", "ContinuedFractions", "Identification",
      ]
    ),
    .target(
      name: "Ramanujan",
      dependencies: [
        "Multiprecision", "Polynomials", "Recurrences", "ContinuedFractions", "Identification", "Search", "Store",
        "MatrixFields",
      ]
    ),
    .executableTarget(
      name: "RamanujanCLI",
      dependencies: ["Ramanujan", .product(name: "ArgumentParser", package: "swift-argument-parser")]
    ),
    // Benchmarks beside the peers (Benchmarks/peers): `swift run -c release ramanujan-benchmarks`.
    .executableTarget(
      name: "ramanujan-benchmarks", dependencies: ["Ramanujan"], path: "Benchmarks/Sources/RamanujanBenchmarks"
    ),
    .testTarget(name: "MultiprecisionTests", dependencies: ["Multiprecision"]),
    .testTarget(name: "PolynomialsTests", dependencies: ["Polynomials"]),
    .testTarget(name: "RecurrencesTests", dependencies: ["Recurrences", "Polynomials"]),
    .testTarget(
      name: "ContinuedFractionsTests", dependencies: ["ContinuedFractions", "Identification"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "IdentificationTests", dependencies: ["Identification", "ContinuedFractions"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(name: "RamanujanCLITests", dependencies: ["RamanujanCLI"]),
    .testTarget(
      name: "MatrixFieldsTests", dependencies: ["MatrixFields", "Identification"], resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "SearchTests", dependencies: ["Search", "Store", "ContinuedFractions", "Identification", "Polynomials"],
      resources: [.copy("Fixtures")]
    ),
  ]
)
