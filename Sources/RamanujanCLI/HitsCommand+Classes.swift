import ArgumentParser
import Ramanujan

extension HitsCommand {
  /// The proven classes among `hits` (connected parts of the stored relations), each with its
  /// representative, its members and their Möbius relation to it, and the class's placements.
  func classLines(_ db: SearchStore, hits: [SearchStore.StoredHit]) throws -> [String] {
    guard format != .tsv else { throw ValidationError("--classes prints text or json, not tsv") }
    let (formulaClasses, byKey) = try Self.classes(db, hits: hits)
    let placements = try db.placements()
    var lines: [String] = []
    for (n, c) in formulaClasses.classes.enumerated() {
      let keys = Set(c.members.map(\.key))
      let placed = placements.filter { keys.contains($0.key) }
      if format == .json {
        var o = JSONLine()
        o.add("class", n + 1)
        o.add("representative", c.representative)
        let members = c.members.map { m -> String in
          var x = JSONLine()
          let h = byKey[m.key]
          x.add("key", m.key)
          x.add("a", h?.a)
          x.add("b", h?.b)
          x.add("expression", h?.expression)
          x.addRaw("mobius", Self.mobiusJSON(m.relation))
          x.add("steps", m.steps)
          return x.text
        }
        o.addRaw("members", "[" + members.joined(separator: ", ") + "]")
        o.addRaw("placements", "[" + placed.map(Self.placementJSON).joined(separator: ", ") + "]")
        lines.append(o.text)
        continue
      }
      lines.append("class \(n + 1): \(c.members.count) formulas")
      for m in c.members {
        let h = byKey[m.key]
        let formula = h.map { "PCF(\($0.a), \($0.b)) = \($0.expression)" } ?? m.key
        if m.steps == 0 {
          lines.append("  \(formula)  [representative, L]")
        } else {
          let t = m.relation
          lines.append(
            "  \(formula)  [= (\(t.p)·L + \(t.q))/(\(t.r)·L + \(t.s)), \(m.steps) proven step\(m.steps == 1 ? "" : "s")]"
          )
        }
      }
      for p in placed {
        let t = p.certificate.mobius
        lines.append(
          "  on \(p.cmf) along \(p.trajectory) from \(p.start): PCF(\(p.a1), \(p.b1)) = (\(t[0])·L' + \(t[1]))/(\(t[2])·L' + \(t[3])), L' = PCF(\(p.a2), \(p.b2))"
        )
      }
    }
    if format == .text && lines.isEmpty {
      lines.append("no classes: no two formulas of this store are proven equivalent (run 'ramanujan relate --store')")
    }
    return lines
  }

  /// The classes of the hits' canonical keys under the store's proven relations.
  static func classes(_ db: SearchStore, hits: [SearchStore.StoredHit]) throws -> (
    FormulaClasses<String>, [String: Hit]
  ) {
    var byKey: [String: Hit] = [:]
    var keys: [String] = []
    for h in hits where byKey[h.hit.canonicalKey] == nil {
      byKey[h.hit.canonicalKey] = h.hit
      keys.append(h.hit.canonicalKey)
    }
    let edges = try db.relations().compactMap { r -> FormulaClasses<String>.Edge? in
      guard byKey[r.key1] != nil, byKey[r.key2] != nil, let t = mobius(r.certificate.mobius) else { return nil }
      return FormulaClasses.Edge(r.key1, r.key2, mobius: t)
    }
    return (FormulaClasses(keys: keys, edges: edges), byKey)
  }

  /// p, q, r, s read back; `nil` when not integers or singular.
  static func mobius(_ t: [String]) -> MobiusMap? {
    let v = t.compactMap { BigInt($0) }
    guard v.count == 4, v[0] * v[3] != v[1] * v[2] else { return nil }
    return MobiusMap(matrix: v)
  }

  static func mobiusJSON(_ t: MobiusMap) -> String {
    "[[\"\(t.p)\", \"\(t.q)\"], [\"\(t.r)\", \"\(t.s)\"]]"
  }

  static func placementJSON(_ p: SearchStore.Placement) -> String {
    var o = JSONLine()
    o.add("key", p.key)
    o.add("cmf", p.cmf)
    o.add("trajectory", p.trajectory)
    o.add("start", p.start)
    o.add("a2", p.a2)
    o.add("b2", p.b2)
    let t = p.certificate.mobius
    o.addRaw("mobius", "[[\"\(t[0])\", \"\(t[1])\"], [\"\(t[2])\", \"\(t[3])\"]]")
    o.add("digits", p.certificate.digits)
    o.add("digits_kind", p.certificate.digitsKind)
    return o.text
  }
}
