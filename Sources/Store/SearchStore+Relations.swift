/// Proven relations between a store's formulas (gauge certificates, `ramanujan relate --store`)
/// and placements of formulas on conservative matrix fields (`ramanujan relate --store --cmf`).
///
/// Formulas are named by canonical key (the store's grouping of hits). A relation row says
/// L(key1) = (p·L(key2) + q)/(r·L(key2) + s), proven by the gauge U between the folds of PCF(a1, b1)
/// and PCF(a2, b2); a placement row the same between a formula and the PCF of a field's trajectory.
extension SearchStore {
  /// Version 2: `relations` and `placements`.
  static let relationsMigration = StoreMigration(
    version: 2, tables: ["relations", "placements"],
    sqlite: """
      CREATE TABLE IF NOT EXISTS relations(
        key1 TEXT NOT NULL, key2 TEXT NOT NULL, a1 TEXT NOT NULL, b1 TEXT NOT NULL, a2 TEXT NOT NULL, b2 TEXT NOT NULL,
        fold1 INTEGER NOT NULL, fold2 INTEGER NOT NULL, gauge TEXT NOT NULL, multiplier TEXT NOT NULL,
        mobius TEXT NOT NULL, digits INTEGER NOT NULL, digits_kind TEXT NOT NULL, PRIMARY KEY(key1, key2));
      CREATE TABLE IF NOT EXISTS placements(
        key TEXT NOT NULL, cmf TEXT NOT NULL, a1 TEXT NOT NULL, b1 TEXT NOT NULL, trajectory TEXT NOT NULL,
        start TEXT NOT NULL, a2 TEXT NOT NULL, b2 TEXT NOT NULL, fold1 INTEGER NOT NULL, fold2 INTEGER NOT NULL,
        gauge TEXT NOT NULL, multiplier TEXT NOT NULL, mobius TEXT NOT NULL, digits INTEGER NOT NULL,
        digits_kind TEXT NOT NULL, PRIMARY KEY(key, cmf));
      """,
    postgres: """
      CREATE TABLE IF NOT EXISTS relations(
        key1 TEXT NOT NULL, key2 TEXT NOT NULL, a1 TEXT NOT NULL, b1 TEXT NOT NULL, a2 TEXT NOT NULL, b2 TEXT NOT NULL,
        fold1 BIGINT NOT NULL, fold2 BIGINT NOT NULL, gauge TEXT NOT NULL, multiplier TEXT NOT NULL,
        mobius TEXT NOT NULL, digits BIGINT NOT NULL, digits_kind TEXT NOT NULL, PRIMARY KEY(key1, key2));
      CREATE TABLE IF NOT EXISTS placements(
        key TEXT NOT NULL, cmf TEXT NOT NULL, a1 TEXT NOT NULL, b1 TEXT NOT NULL, trajectory TEXT NOT NULL,
        start TEXT NOT NULL, a2 TEXT NOT NULL, b2 TEXT NOT NULL, fold1 BIGINT NOT NULL, fold2 BIGINT NOT NULL,
        gauge TEXT NOT NULL, multiplier TEXT NOT NULL, mobius TEXT NOT NULL, digits BIGINT NOT NULL,
        digits_kind TEXT NOT NULL, PRIMARY KEY(key, cmf));
      """)

  /// The certificate of a proven relation, as text (the store does not interpret it).
  public struct Certificate: Sendable, Equatable {
    public var folds: (Int, Int)
    /// U(n) as `[[u11, u12], [u21, u22]]`.
    public var gauge: String
    public var multiplier: String
    /// p, q, r, s of L1 = (p·L2 + q)/(r·L2 + s), as decimal integers.
    public var mobius: [String]
    /// Places the Möbius relation was checked to, and on which limits ("certified", "extrapolated").
    public var digits: Int
    public var digitsKind: String

    public init(
      folds: (Int, Int), gauge: String, multiplier: String, mobius: [String], digits: Int, digitsKind: String
    ) {
      self.folds = folds
      self.gauge = gauge
      self.multiplier = multiplier
      self.mobius = mobius
      self.digits = digits
      self.digitsKind = digitsKind
    }

    public static func == (x: Certificate, y: Certificate) -> Bool {
      x.folds == y.folds && x.gauge == y.gauge && x.multiplier == y.multiplier && x.mobius == y.mobius
        && x.digits == y.digits && x.digitsKind == y.digitsKind
    }

    var values: [StoreValue] {
      [
        .integer(folds.0), .integer(folds.1), .text(gauge), .text(multiplier), .text(mobius.joined(separator: ",")),
        .integer(digits), .text(digitsKind),
      ]
    }

    init?(_ row: ArraySlice<StoreValue>) {
      let r = Array(row)
      guard r.count == 7, let f1 = r[0].int, let f2 = r[1].int, let g = r[2].string, let m = r[3].string,
        let t = r[4].string, let d = r[5].int, let k = r[6].string
      else { return nil }
      let mobius = t.split(separator: ",").map(String.init)
      guard mobius.count == 4 else { return nil }
      self.init(folds: (f1, f2), gauge: g, multiplier: m, mobius: mobius, digits: d, digitsKind: k)
    }
  }

  /// A proven relation L(key1) = mobius(L(key2)) between two formulas of the store.
  public struct Relation: Sendable, Equatable {
    public var key1: String
    public var key2: String
    public var a1: String
    public var b1: String
    public var a2: String
    public var b2: String
    public var certificate: Certificate

    public init(
      key1: String, key2: String, a1: String, b1: String, a2: String, b2: String, certificate: Certificate
    ) {
      (self.key1, self.key2, self.a1, self.b1, self.a2, self.b2) = (key1, key2, a1, b1, a2, b2)
      self.certificate = certificate
    }
  }

  /// A formula placed on a field: L(key) = mobius(L(trajectory's PCF)).
  public struct Placement: Sendable, Equatable {
    public var key: String
    public var cmf: String
    public var a1: String
    public var b1: String
    public var trajectory: String
    public var start: String
    public var a2: String
    public var b2: String
    public var certificate: Certificate

    public init(
      key: String, cmf: String, a1: String, b1: String, trajectory: String, start: String, a2: String, b2: String,
      certificate: Certificate
    ) {
      (self.key, self.cmf, self.a1, self.b1, self.trajectory, self.start) = (key, cmf, a1, b1, trajectory, start)
      (self.a2, self.b2) = (a2, b2)
      self.certificate = certificate
    }
  }

  static let relationColumns =
    "key1, key2, a1, b1, a2, b2, fold1, fold2, gauge, multiplier, mobius, digits, digits_kind"
  static let placementColumns =
    "key, cmf, a1, b1, trajectory, start, a2, b2, fold1, fold2, gauge, multiplier, mobius, digits, digits_kind"

  func insertOrKeep(_ table: String, columns: String, _ values: [StoreValue]) throws(StoreError) {
    let marks = Array(repeating: "?", count: values.count).joined(separator: ", ")
    let shared = db.backend == .postgres
    try db.query(
      "INSERT \(shared ? "" : "OR IGNORE ")INTO \(table)(\(columns)) VALUES (\(marks))\(shared ? " ON CONFLICT DO NOTHING" : "")",
      values)
  }

  /// Stores a proven relation; a relation already stored for the pair is kept.
  public func insert(_ r: Relation) throws(StoreError) {
    try insertOrKeep(
      "relations", columns: Self.relationColumns,
      [.text(r.key1), .text(r.key2), .text(r.a1), .text(r.b1), .text(r.a2), .text(r.b2)] + r.certificate.values)
  }

  /// Stores a placement; one already stored for the formula on that field is kept.
  public func insert(_ p: Placement) throws(StoreError) {
    try insertOrKeep(
      "placements", columns: Self.placementColumns,
      [
        .text(p.key), .text(p.cmf), .text(p.a1), .text(p.b1), .text(p.trajectory), .text(p.start), .text(p.a2),
        .text(p.b2),
      ]
        + p.certificate.values)
  }

  /// The stored relations, by keys.
  public func relations() throws(StoreError) -> [Relation] {
    try db.query("SELECT \(Self.relationColumns) FROM relations ORDER BY key1, key2").compactMap { r in
      guard let c = Certificate(r[6...]), let k1 = r[0].string, let k2 = r[1].string, let a1 = r[2].string,
        let b1 = r[3].string, let a2 = r[4].string, let b2 = r[5].string
      else { return nil }
      return Relation(key1: k1, key2: k2, a1: a1, b1: b1, a2: a2, b2: b2, certificate: c)
    }
  }

  /// The stored placements, by key and field.
  public func placements() throws(StoreError) -> [Placement] {
    try db.query("SELECT \(Self.placementColumns) FROM placements ORDER BY key, cmf").compactMap { r in
      guard let c = Certificate(r[8...]), let k = r[0].string, let f = r[1].string, let a1 = r[2].string,
        let b1 = r[3].string, let t = r[4].string, let s = r[5].string, let a2 = r[6].string, let b2 = r[7].string
      else { return nil }
      return Placement(key: k, cmf: f, a1: a1, b1: b1, trajectory: t, start: s, a2: a2, b2: b2, certificate: c)
    }
  }

  /// Copies the other store's relations and placements (rows this store has are kept): part of
  /// `merge(from:)`, inside its transactions.
  func mergeRelations(from other: SearchStore) throws(StoreError) {
    for (table, columns) in [("relations", Self.relationColumns), ("placements", Self.placementColumns)] {
      try other.db.forEachRow("SELECT \(columns) FROM \(table)", []) { row throws(StoreError) in
        try insertOrKeep(table, columns: columns, row)
      }
    }
  }
}
