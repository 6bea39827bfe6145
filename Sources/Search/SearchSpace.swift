/// The candidates of a spec in a fixed order, cut into chunks and shards.
///
/// Candidate i decodes i in mixed radix over the parameter ranges (the last parameter varies
/// fastest). Chunk c holds candidates [c·chunkSize, (c+1)·chunkSize); shard i of N holds the chunks
/// with c mod N = i, so the shards are disjoint and their union is the space.
public struct SearchSpace: Sendable {
  public let spec: SearchSpec
  public let chunkSize: Int
  let aIndices: [Int]
  let bIndices: [Int]

  public init(spec: SearchSpec, chunkSize: Int = 8192) {
    precondition(chunkSize >= 1, "chunk size \(chunkSize) must be ≥ 1")
    self.spec = spec
    self.chunkSize = chunkSize
    let position = Dictionary(uniqueKeysWithValues: spec.parameters.enumerated().map { ($1.name, $0) })
    aIndices = spec.a.parameters.map { position[$0]! }
    bIndices = spec.b.parameters.map { position[$0]! }
  }

  public var size: Int { spec.size }
  /// ⌈size / chunkSize⌉, without the overflow of size + chunkSize − 1.
  public var chunkCount: Int { size / chunkSize + (size % chunkSize == 0 ? 0 : 1) }

  /// The chunks of shard `index` of `count` (0 ≤ index < count): index, index + count, … below
  /// `chunkCount`, computed as they are read (a space of 10^11 chunks takes no memory).
  public func chunks(shard index: Int, of count: Int) -> StrideTo<Int> {
    precondition(count >= 1 && (0..<count).contains(index), "shard \(index)/\(count) is out of range")
    return stride(from: index, to: chunkCount, by: count)
  }

  /// The number of chunks of shard `index` of `count`.
  public func chunkCount(shard index: Int, of count: Int) -> Int {
    precondition(count >= 1 && (0..<count).contains(index), "shard \(index)/\(count) is out of range")
    return index < chunkCount ? (chunkCount - 1 - index) / count + 1 : 0
  }

  /// Candidate indices of a chunk. Precondition: 0 ≤ c < chunkCount.
  public func range(ofChunk c: Int) -> Range<Int> {
    precondition(c >= 0 && c < chunkCount, "chunk \(c) is not in 0..<\(chunkCount)")
    // c·chunkSize < size, so neither bound leaves 64 bits.
    let lower = c * chunkSize
    return lower..<(lower + min(chunkSize, size - lower))
  }

  /// Parameter values of candidate `index`. Precondition: 0 ≤ index < size.
  public func values(_ index: Int) -> [Int] {
    precondition(index >= 0 && index < size, "candidate \(index) is not in 0..<\(size)")
    var rest = index
    var out = [Int](repeating: 0, count: spec.parameters.count)
    for k in stride(from: spec.parameters.count - 1, through: 0, by: -1) {
      let r = spec.parameters[k].range
      out[k] = r.lowerBound + rest % r.count
      rest /= r.count
    }
    return out
  }

  /// Coefficients of a(n) and b(n) (lowest degree first) of candidate `index`; `nil` on overflow.
  public func candidate(_ index: Int) -> Candidate? {
    let v = values(index)
    guard let a = spec.a.coefficients(aIndices.map { v[$0] }), let b = spec.b.coefficients(bIndices.map { v[$0] })
    else {
      return nil
    }
    return Candidate(index: index, a: a, b: b)
  }
}

/// One PCF of a search space, as machine-integer coefficients (lowest degree first).
public struct Candidate: Sendable, Hashable {
  public let index: Int
  public let a: [Int]
  public let b: [Int]
}
