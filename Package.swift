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
    .target(
      name: "Equivalence",
      dependencies: [
        "Multiprecision", "Polynomials", "Recurrences", "ContinuedFractions", "MatrixFields", "Identification",
      ]
    ),
    .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
    // libpq (Debian's libpq-dev) for the PostgreSQL store: synchronous, no extra Swift packages.
    .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ"),
    .target(name: "Store", dependencies: ["Search", "CSQLite", "CLibPQ"]),
    .target(
      name: "Search",
      dependencies: [
        "_RamanujanShims", "Multiprecision", "Polynomials", "Recurrences", "ContinuedFractions", "Identification",
      ]
    ),
    // The HTML atlas of a store and SVG plots (after Store in the layers).
    .target(
      name: "Reports",
      dependencies: [
        "Multiprecision", "Polynomials", "Recurrences", "ContinuedFractions", "Identification", "Search", "Store",
      ]
    ),
    .target(
      name: "Ramanujan",
      dependencies: [
        "Multiprecision", "Polynomials", "Recurrences", "ContinuedFractions", "Identification", "Search", "Store",
        "MatrixFields", "Reports", "Equivalence",
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
    // Shared test helpers (the seeded generator); not a product.
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "MultiprecisionTests", dependencies: ["TestSupport", "Multiprecision"]),
    .testTarget(name: "PolynomialsTests", dependencies: ["TestSupport", "Polynomials"]),
    .testTarget(name: "RecurrencesTests", dependencies: ["TestSupport", "Recurrences", "Polynomials"]),
    .testTarget(
      name: "ContinuedFractionsTests", dependencies: ["TestSupport", "ContinuedFractions", "Identification"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "IdentificationTests", dependencies: ["TestSupport", "Identification", "ContinuedFractions"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "ReportsTests", dependencies: ["TestSupport", "Reports", "Store", "Search", "ContinuedFractions"]
    ),
    .testTarget(name: "RamanujanCLITests", dependencies: ["TestSupport", "RamanujanCLI"]),
    .testTarget(
      name: "MatrixFieldsTests", dependencies: ["TestSupport", "MatrixFields", "Identification"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "EquivalenceTests",
      dependencies: ["TestSupport", "Equivalence", "ContinuedFractions", "MatrixFields", "Polynomials"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "SearchTests",
      dependencies: ["TestSupport", "Search", "Store", "ContinuedFractions", "Identification", "Polynomials"],
      resources: [.copy("Fixtures")]
    ),
  ]
)
