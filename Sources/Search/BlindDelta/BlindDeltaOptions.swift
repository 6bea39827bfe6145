import Identification
import Multiprecision

/// The keys of a `"mode": "blind-delta"` spec beyond the common ones (see docs/search-spec.md):
///
/// - `depth` (default 1000): N, the depth of the features; δ is measured against the walk to 2N.
/// - `catalog` (default `BlindCatalog.standard`): the constants limits are identified against, as
///   expressions (`"pi^2"`, `"exp(2)"`, `"gauss"`).
/// - `cluster_features` (default `["delta", "error_nlogn"]`): the two features of the clustering plane.
/// - `cluster_radius` (default `[0.002, 0.002]`): the neighbourhood half-widths, one per feature.
/// - `cluster_min_size` (default 5, the paper's HDBSCAN minimum cluster size): the neighbours a core
///   point needs (itself included) and the least members of a cluster.
/// - `identify_representatives` (default 3): members of a cluster without an identified member whose
///   limits go to the full identifier (PSLQ over the catalog).
public struct BlindDeltaOptions: Sendable, Hashable {
  public let depth: Int
  public let catalog: [ConstantExpression]
  public let clusterFeatures: [String]
  public let clusterRadius: [Double]
  public let clusterMinSize: Int
  public let identifyRepresentatives: Int

  static let keys = [
    "depth", "catalog", "cluster_features", "cluster_radius", "cluster_min_size", "identify_representatives",
  ]

  init(_ root: [String: _JSONValue]) throws(SpecError) {
    depth = try SearchSpec.int(root, "depth", default: 1000, in: 32...100_000)
    if let list = root["catalog"] {
      guard case .array(let items) = list, !items.isEmpty else {
        throw SpecError("'catalog' must be a non-empty list of constant expressions, e.g. [\"pi\", \"pi^2\"]")
      }
      guard items.count <= Self.maximumCatalog else {
        throw SpecError("'catalog' names \(items.count) constants; at most \(Self.maximumCatalog) are supported")
      }
      var out: [ConstantExpression] = []
      for (i, item) in items.enumerated() {
        guard case .string(let text) = item else { throw SpecError("'catalog[\(i)]' must be a string") }
        let parsed: [ConstantExpression]
        do { parsed = try Identifier.constants(parsing: text) } catch {
          throw SpecError("'catalog[\(i)]': \(error)")
        }
        guard parsed.count == 1 else { throw SpecError("'catalog[\(i)]' must be one expression, got '\(text)'") }
        out.append(parsed[0])
      }
      do { _ = try Identifier(constants: out) } catch { throw SpecError("'catalog': \(error)") }
      for (i, e) in out.enumerated() {
        guard let v = try? e.evaluate(.digits(30)), !v.isZero, Swift.abs(v.log10Magnitude) < 300 else {
          throw SpecError("'catalog[\(i)]' '\(e)' has no nonzero value within 1e±300")
        }
      }
      catalog = out
    } else {
      catalog = BlindCatalog.standard
    }
    if let given = root["constants"] {
      // The canonical JSON (the copy of the spec a store keeps) lists the catalog's constants:
      // accepted when they are exactly those; otherwise 'catalog' is what names them.
      let derived = Array(Set(catalog.flatMap(\.constants))).sorted().map { _JSONValue.string($0.name) }
      guard root["catalog"] != nil, case .array(let items) = given, items == derived else {
        throw SpecError(
          "'constants' is not used by 'mode': 'blind-delta'; name the identification constants in 'catalog'")
      }
    }
    if let list = root["cluster_features"] {
      guard case .array(let items) = list, items.count == 2 else {
        throw SpecError("'cluster_features' must be a list of two feature names")
      }
      var names: [String] = []
      for (i, item) in items.enumerated() {
        guard case .string(let name) = item, ConvergenceFeatures.names.contains(name) else {
          throw SpecError(
            "'cluster_features[\(i)]' must be one of \(ConvergenceFeatures.names.joined(separator: ", "))")
        }
        names.append(name)
      }
      guard names[0] != names[1] else { throw SpecError("'cluster_features' names '\(names[0])' twice") }
      clusterFeatures = names
    } else {
      clusterFeatures = ["delta", "error_nlogn"]
    }
    if let list = root["cluster_radius"] {
      guard case .array(let items) = list, items.count == 2 else {
        throw SpecError("'cluster_radius' must be a list of two positive numbers, one per cluster feature")
      }
      var radius: [Double] = []
      for (i, item) in items.enumerated() {
        guard case .number = item, let r = item.double, r > 0, r <= 1e6 else {
          throw SpecError("'cluster_radius[\(i)]' must be a number in (0, 1e6], got \(SearchSpec.literal(item))")
        }
        radius.append(r)
      }
      clusterRadius = radius
    } else {
      clusterRadius = [0.002, 0.002]
    }
    clusterMinSize = try SearchSpec.int(root, "cluster_min_size", default: 5, in: 2...100_000)
    identifyRepresentatives = try SearchSpec.int(root, "identify_representatives", default: 3, in: 0...100)
  }

  /// The most catalog constants (the MITM-style table holds one block of rows per constant).
  public static let maximumCatalog = 64

  /// The keys that decide what the chunks compute (the catalog and the depth): the part of the run's
  /// identity. The clustering keys are left out on purpose, so that a complete store can be
  /// clustered again with other parameters (`ramanujan search` on it) without walking again.
  var canonicalJSON: String {
    let names = catalog.map { "\"\(_jsonEscaped($0.description))\"" }.joined(separator: ",")
    return "\"catalog\":[\(names)],\"depth\":\(depth)"
  }
}

extension SearchSpec {
  /// Blind-δ walks go to 2 × `depth` for every converging candidate: the digits of that walk must
  /// stay within `maximumWalkDigits`, like a verification walk's.
  func requireBlindWalks() throws(SpecError) {
    guard let blind else { return }
    let digits = walkDigits(depth: 2 * blind.depth)
    guard !(digits <= Self.maximumWalkDigits) else { return }
    throw SpecError(
      "'depth' \(blind.depth) makes the reference walk to 2 × depth reach \(Self.digitsText(digits)) digits per candidate (at most 2×10^6); lower 'depth'"
    )
  }
}
