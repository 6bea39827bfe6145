#!/usr/bin/env bash
# Runs the Multiprecision and Recurrences tests (the code over GMP/MPFR pointers and the parallel
# walks) under the address sanitizer and under the undefined-behaviour sanitizer.
#
#   scripts/sanitize.sh                 # both sanitizers
#   scripts/sanitize.sh address         # one of: address, undefined, thread
#   FILTER='MultiprecisionTests' scripts/sanitize.sh address
#
# Each sanitizer builds into its own scratch folder (.build-address, .build-undefined: gitignored),
# so the ordinary .build stays as it is. Exit code 0 when every run is clean.
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
  echo "== swift test --sanitize=$sanitizer --filter '$filter'" >&2
  mkdir -p ".build-$sanitizer"
  log=".build-$sanitizer/sanitize.log"
  # Reports abort the run instead of scrolling past; Swift's own crash handler stays out of the way.
  if ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0} UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    SWIFT_BACKTRACE=enable=no \
    swift test --scratch-path ".build-$sanitizer" --sanitize="$sanitizer" --filter "$filter" >"$log" 2>&1 &&
    ! grep -q -E "runtime error:|ERROR: (Address|Thread|UndefinedBehavior)Sanitizer" "$log"; then
    grep -E "^(✔|✘) Test run" "$log" >&2 || tail -3 "$log" >&2
  else
    status=1
    grep -E "runtime error:|Sanitizer|✘" "$log" | head -20 >&2 || tail -20 "$log" >&2
    echo "the $sanitizer sanitizer reported problems: see $log" >&2
  fi
done
exit $status
