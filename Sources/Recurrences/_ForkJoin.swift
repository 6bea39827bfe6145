import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Runs two closures, in parallel when `parallel` is true, and returns both results.
func _forkJoin<A: Sendable, B: Sendable>(
  parallel: Bool, _ left: @Sendable () -> A, _ right: @Sendable () -> B
) -> (A, B) {
  guard parallel else { return (left(), right()) }
  let box = _PairBox<A, B>()
  DispatchQueue.concurrentPerform(iterations: 2) { i in
    if i == 0 { box.first = left() } else { box.second = right() }
  }
  return (box.first!, box.second!)
}

/// Each slot is written by exactly one thread and read after the join.
private final class _PairBox<A, B>: @unchecked Sendable {
  var first: A?
  var second: B?
}

/// The number of cores this process may use (at least 1).
public var availableCores: Int {
  #if canImport(Glibc)
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  #else
    return 1
  #endif
}
