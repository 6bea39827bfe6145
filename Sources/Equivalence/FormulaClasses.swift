import Multiprecision

extension MobiusMap {
  /// The composition x ↦ self(other(x)): the matrix product.
  public func after(_ other: MobiusMap) -> MobiusMap {
    MobiusMap(
      p * other.p + q * other.r, p * other.q + q * other.s, r * other.p + s * other.r, r * other.q + s * other.s)
  }

  /// The inverse map, [[s, −q], [−r, p]].
  public var inverse: MobiusMap { MobiusMap(s, -q, -r, p) }

  /// The identity x ↦ x.
  public static let identity = MobiusMap(1, 0, 0, 1)
}

/// Classes of formulas proven equivalent: the connected parts of the graph whose edges are proven
/// relations L(x) = T(L(y)). Each class has a representative (the first of its formulas in the
/// order given) and, for each member, the Möbius map from the representative, L(member) =
/// T(L(representative)), composed along a shortest path of proven edges (so it is proven too).
public struct FormulaClasses<Key: Hashable & Sendable>: Sendable {
  /// A proven relation L(first) = mobius(L(second)).
  public struct Edge: Sendable {
    public let first: Key
    public let second: Key
    public let mobius: MobiusMap
    public init(_ first: Key, _ second: Key, mobius: MobiusMap) {
      (self.first, self.second, self.mobius) = (first, second, mobius)
    }
  }

  public struct Member: Sendable {
    public let key: Key
    /// L(key) = relation(L(representative)); the identity for the representative.
    public let relation: MobiusMap
    /// Proven edges on the path from the representative (0 for it).
    public let steps: Int
  }

  public struct Class: Sendable {
    public var representative: Key { members[0].key }
    /// The representative first, then the others in the order given.
    public let members: [Member]
  }

  /// Classes of at least two formulas, in the order of their representatives.
  public let classes: [Class]

  /// The classes of `keys` (in this order: the first of each class represents it) under `edges`;
  /// edges naming keys outside `keys` add them at the end. Singletons are left out.
  public init(keys: [Key], edges: [Edge]) {
    var order = keys
    var known = Set(keys)
    var adjacent: [Key: [(Key, MobiusMap)]] = [:]
    for e in edges {
      for k in [e.first, e.second] where known.insert(k).inserted { order.append(k) }
      // L(first) = T(L(second)): from second, multiply by T; from first, by T⁻¹.
      adjacent[e.second, default: []].append((e.first, e.mobius))
      adjacent[e.first, default: []].append((e.second, e.mobius.inverse))
    }
    var seen = Set<Key>()
    var classes: [Class] = []
    for root in order where !seen.contains(root) {
      seen.insert(root)
      var found: [Key: Member] = [root: Member(key: root, relation: .identity, steps: 0)]
      var queue = [root]
      var head = 0
      while head < queue.count {
        let x = queue[head]
        head += 1
        let here = found[x]!
        for (y, t) in adjacent[x] ?? [] where !seen.contains(y) {
          seen.insert(y)
          found[y] = Member(key: y, relation: t.after(here.relation), steps: here.steps + 1)
          queue.append(y)
        }
      }
      guard found.count >= 2 else { continue }
      let members = order.compactMap { found[$0] }
      classes.append(Class(members: members))
    }
    self.classes = classes
  }
}
