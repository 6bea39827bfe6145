import Foundation
import Identification
import TestSupport
import Testing

@testable import Search

/// The MITM table in 16-byte rows: packing, order, lookups against a brute-force scan, and the
/// memory estimate the spec check uses.
@Suite struct MobiusTableTests {
  @Test("rows are 16 bytes and at most (R+1)(2R+1)³ per constant")
  func size() {
    #expect(MemoryLayout<MobiusTable.Row>.stride == 16)
    for bound in 1...6 {
      let table = MobiusTable(constants: [.pi, .e], bound: bound, keyDigits: 10)
      #expect(table.count <= 2 * MobiusTable.maximumRows(bound: bound))
    }
    // The estimate is 24 bytes per reserved row plus 64 MB (measured peak 0.99 GB at bound 48).
    #expect(MobiusTable.estimatedBytes(bound: 48, constants: 1) == 44_720_977 * 24 + 64e6)
  }

  @Test("every row unpacks to a normalised, non-degenerate entry whose value gives the row's key, in key order")
  func rows() {
    let table = MobiusTable(constants: [.zeta(3), .catalan], bound: 5, keyDigits: 10)
    var previous: MobiusTable.Row?
    var seen = Set<MobiusTable.Entry>()
    for row in table.rows {
      let e = MobiusTable.unpack(row.packed)
      #expect(MobiusTable.pack(e.constant, e.c0, e.c1, e.d0, e.d1) == row.packed)
      #expect([e.c0, e.c1, e.d0, e.d1].allSatisfy { abs($0) <= 5 })
      #expect(e.d1 > 0 || (e.d1 == 0 && e.d0 > 0))
      #expect(Int(e.c0) * Int(e.d1) != Int(e.c1) * Int(e.d0))
      #expect(_gcd(_gcd(Int(e.c0), Int(e.c1)), _gcd(Int(e.d0), Int(e.d1))) == 1)
      #expect(MobiusTable.key(table.value(e), digits: 10) == row.key)
      if let previous { #expect((previous.key, previous.packed) < (row.key, row.packed)) }
      #expect(seen.insert(e).inserted)
      previous = row
    }
    #expect(
      MobiusTable.unpack(MobiusTable.pack(3, -2047, 2047, -1, 0))
        == .init(constant: 3, c0: -2047, c1: 2047, d0: -1, d1: 0))
  }

  @Test("lookups find exactly the entries a brute-force scan finds (seeded values near entries)")
  func lookups() {
    for keyDigits in [6, 8, 10] {
      let table = MobiusTable(constants: [.pi], bound: 4, keyDigits: keyDigits)
      let entries = table.rows.map { MobiusTable.unpack($0.packed) }
      let tolerance = pow(10, Double(1 - keyDigits))
      var g = SeededGenerator(seed: 48)
      for _ in 0..<300 {
        let base = table.value(entries[Int(g.next() % UInt64(entries.count))])
        // On an entry, or off it by up to twice the tolerance, either way.
        let v = base * (1 + (Double(g.next() % 4001) - 2000) * tolerance / 1000)
        let expected = entries.filter { abs(table.value($0) - v) <= abs(v) * tolerance }
        #expect(Set(table.matches(v)) == Set(expected), "\(v) at \(keyDigits) digits")
        if v == base { #expect(!expected.isEmpty) }
      }
    }
  }
}
