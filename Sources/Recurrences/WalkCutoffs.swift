/// Tuning constants of the walk kernels, kept in one place and set by benchmark
/// (instruction counts of `ramanujan-benchmarks walk_1e4 --threads=1` under callgrind).
public enum WalkCutoffs {
  /// Steps multiplied one by one (machine-word multipliers) at a leaf of the product tree.
  public static let leafSteps = 48
  /// Below this many steps a subtree is not split across threads (fork cost exceeds the gain).
  public static let parallelSteps = 2_000
  /// Entries above this many bits are multiplied with the matrix product split across threads.
  public static let parallelProductBits = 2_000_000
  /// 2×2 products whose smaller factor has entries of at least this many bits use Winograd's
  /// 7-multiplication scheme (the extra additions are cheap next to a multiplication).
  public static let winogradBits = 4_000
}
