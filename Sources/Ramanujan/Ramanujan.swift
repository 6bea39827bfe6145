// Umbrella module: re-exports the public modules of `ramanujan`, nothing else.
@_exported import ContinuedFractions
@_exported import Equivalence
@_exported import Identification
@_exported import MatrixFields
@_exported import Multiprecision
@_exported import Polynomials
@_exported import Recurrences
@_exported import Reports
@_exported import Search
@_exported import Store
