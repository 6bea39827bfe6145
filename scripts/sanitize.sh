#!/usr/bin/env bash
# Runs the Multiprecision and Recurrences tests (the code over GMP/MPFR pointers and the parallel
# walks) under the address sanitizer and under the undefined-behaviour sanitizer.
#
#   scripts/sanitize.sh                 # both sanitizers
#   scripts/sanitize.sh address         # one of: address, undefined, thread
#   FILTER='MultiprecisionTests' scripts/sanitize.sh address
#
# Swift 6.3 on Linux supports `--sanitize=address` and `--sanitize=thread` for Swift code, not
# `--sanitize=undefined` (swiftc rejects it; Swift code traps on overflow and out-of-bounds access
# by itself). "undefined" therefore instruments the C code only (the shim's GMP/MPFR wrappers and
# the screening kernel) with clang's `-fsanitize=undefined` in trap mode, which needs no runtime: a
# report is a trap that fails the test. Each sanitizer builds into its own scratch folder
# (.build-address, .build-undefined: gitignored), so the ordinary .build stays as it is. Exit code 0
# when every run is clean.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
filter="${FILTER:-MultiprecisionTests|RecurrencesTests}"
sanitizers=("$@")
[ ${#sanitizers[@]} -gt 0 ] || sanitizers=(address undefined)
status=0
for sanitizer in "${sanitizers[@]}"; do
  case "$sanitizer" in
    address | undefined | thread) ;;
    *) echo "unknown sanitizer '$sanitizer' (address, undefined or thread)" >&2; exit 64 ;;
  esac
  run_filter="$filter"
  if [ "$sanitizer" = undefined ]; then
    flags=(-Xcc -fsanitize=undefined -Xcc -fsanitize-trap=undefined)
    # The screening kernel is the other C code; its tests run too unless FILTER says otherwise.
    [ -n "${FILTER:-}" ] || run_filter="$filter|ScreeningTests"
  else
    flags=(--sanitize="$sanitizer")
  fi
  echo "== $sanitizer: swift test --filter '$run_filter'" >&2
  mkdir -p ".build-$sanitizer"
  log=".build-$sanitizer/sanitize.log"
  # LeakSanitizer is off unless ASAN_OPTIONS says otherwise; Swift's crash handler stays out of the way.
  if ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    SWIFT_BACKTRACE=enable=no \
    swift test --scratch-path ".build-$sanitizer" "${flags[@]}" --filter "$run_filter" >"$log" 2>&1 &&
    ! grep -q -E "runtime error:|ERROR: (Address|Thread|UndefinedBehavior)Sanitizer" "$log"; then
    grep -E "^(✔|✘) Test run" "$log" >&2 || tail -3 "$log" >&2
  else
    status=1
    grep -E "runtime error:|Sanitizer|✘" "$log" | head -20 >&2 || tail -20 "$log" >&2
    echo "the $sanitizer sanitizer reported problems: see $log" >&2
  fi
done
exit $status
