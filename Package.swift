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
    // C lives only here: GMP/MPFR headers plus wrappers for their function-like macros.
    .target(
      name: "_MultiprecisionShims",
      linkerSettings: [.linkedLibrary("mpfr"), .linkedLibrary("gmp")]
    ),
    .target(name: "Multiprecision", dependencies: ["_MultiprecisionShims"]),
    .target(name: "Polynomials", dependencies: ["Multiprecision"]),
    .target(name: "Recurrences", dependencies: ["Multiprecision", "Polynomials"]),
    .target(name: "ContinuedFractions", dependencies: ["Multiprecision", "Polynomials", "Recurrences"]),
    .target(name: "Identification", dependencies: ["Multiprecision"]),
    .target(
      name: "Ramanujan",
      dependencies: ["Multiprecision", "Polynomials", "Recurrences", "ContinuedFractions", "Identification"]
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
    .testTarget(name: "IdentificationTests", dependencies: ["Identification"], resources: [.copy("Fixtures")]),
    .testTarget(name: "RamanujanCLITests", dependencies: ["RamanujanCLI"]),
  ]
)
