import Foundation
import Multiprecision
import Polynomials

@testable import MatrixFields

/// Text of a file in Fixtures/.
func fixture(_ name: String) -> String {
  let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
  return try! String(contentsOf: url, encoding: .utf8)
}

/// The tab-separated rows of a fixture, without comments.
func fixtureRows(_ name: String) -> [[String]] {
  fixture(name).split(separator: "\n").filter { !$0.hasPrefix("#") }.map {
    $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
  }
}

/// A matrix in n written as text (`[[n + 1, -(2n+3)(n+1)], ...]`), as a rational matrix.
func matrixInN(_ text: String) throws -> RationalMatrix {
  try MultivariateMatrix(parsing: text, variables: ["n"])._onLine(
    _Line(offsets: [0], slopes: [1], denominator: 1))!
}

/// A polynomial in n written as text.
func polynomialInN(_ text: String) throws -> Polynomial {
  let f = try MultivariateRationalFunction(parsing: text, variables: ["n"])
  precondition(f.isPolynomial, "\(text) is not a polynomial")
  return f.numerator._onLine(_Line(offsets: [0], slopes: [1], denominator: 1), scale: max(0, f.numerator.totalDegree))
}

/// One row of trajectory-matrices.tsv: a trajectory matrix computed by ramanujantools.
struct PeerTrajectoryMatrix: Sendable, CustomStringConvertible {
  let id: String
  let field: String
  let trajectory: Trajectory
  let start: Position
  let matrix: String
  var description: String { id }

  static let all: [PeerTrajectoryMatrix] = fixtureRows("trajectory-matrices.tsv").map { c in
    PeerTrajectoryMatrix(
      id: c[0], field: c[1], trajectory: Trajectory(parsing: c[2])!, start: Position(parsing: c[3])!, matrix: c[4])
  }
}

/// One row of trajectory-pcfs.tsv: the deflated PCF of a trajectory by ramanujantools.
struct PeerPCF: Sendable, CustomStringConvertible {
  let id: String
  let field: String
  let trajectory: Trajectory
  let start: Position
  let a: String
  let b: String
  var description: String { id }

  static let all: [PeerPCF] = fixtureRows("trajectory-pcfs.tsv").map { c in
    PeerPCF(
      id: c[0], field: c[1], trajectory: Trajectory(parsing: c[2])!, start: Position(parsing: c[3])!, a: c[4], b: c[5])
  }
}
