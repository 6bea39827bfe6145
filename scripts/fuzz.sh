#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/Targets (with the address sanitizer) and runs each for a fixed
# number of inputs and at most a fixed time.
#
#   scripts/fuzz.sh                    # every target: 1,000,000 inputs or 300 s each
#   scripts/fuzz.sh --smoke            # CI: every target, 3000 inputs or 20 s each
#   scripts/fuzz.sh --runs N --time S polynomial field-text
#
# Targets: polynomial, constant-expression, search-spec, field-text. The libraries are built by
# SwiftPM with `-sanitize=fuzzer,address` into .build-fuzz (gitignored); each target is one Swift
# file linked against their objects. Seeds are in Fuzz/Corpus/TARGET (read only); inputs the fuzzer
# finds go to .build-fuzz/corpus/TARGET, crashes and timeouts to .build-fuzz/artifacts/. An input
# slower than --timeout seconds (default 20) counts as a hang. Exit code: 0 when every target ran
# clean, 1 otherwise. libFuzzer ships with the Swift toolchain on Linux (clang_rt.fuzzer).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1000000
seconds=300
timeout=20
configuration=debug
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) runs=3000; seconds=20 ;;
    --runs) runs="$2"; shift ;;
    --time) seconds="$2"; shift ;;
    --timeout) timeout="$2"; shift ;;
    --release) configuration=release ;;
    -h | --help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 64 ;;
    *) targets+=("$1") ;;
  esac
  shift
done
all=(polynomial constant-expression search-spec field-text)
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
  [ -f "Fuzz/Targets/$t.swift" ] || { echo "no fuzz target '$t' (known: ${all[*]})" >&2; exit 64; }
done

./scripts/setup.sh
scratch=.build-fuzz
flags=(--scratch-path "$scratch" -c "$configuration" -Xswiftc -sanitize=fuzzer,address)
# SwiftPM builds one --target per call; the second call only adds MatrixFields.
mkdir -p "$scratch"
for library in Search MatrixFields; do
  if ! swift build "${flags[@]}" --target "$library" >"$scratch/build.log" 2>&1; then
    cat "$scratch/build.log" >&2
    echo "building $library for fuzzing failed" >&2
    exit 1
  fi
done
build="$scratch/$configuration"
# The objects of the current sources only (a deleted file's object may linger in the build folder).
objects=("$build/_RamanujanShims.build/screening.c.o")
for module in Multiprecision Polynomials Recurrences ContinuedFractions Identification MatrixFields Search; do
  while IFS= read -r source; do
    objects+=("$build/$module.build/$(basename "$source").o")
  done < <(find "Sources/$module" -name '*.swift' | sort)
done
optimization=-Onone
[ "$configuration" = release ] && optimization=-O
mkdir -p "$scratch/fuzzers" "$scratch/artifacts"
failed=()
for t in "${targets[@]}"; do
  binary="$scratch/fuzzers/$t"
  if ! swiftc -parse-as-library -sanitize=fuzzer,address "$optimization" -module-name "Fuzz_${t//-/_}" \
    -I "$build/Modules" -Xcc -fmodule-map-file="$build/_RamanujanShims.build/module.modulemap" \
    Fuzz/Targets/Invariant.swift "Fuzz/Targets/$t.swift" "${objects[@]}" -lgmp -lmpfr -o "$binary" \
    >"$scratch/link.log" 2>&1; then
    grep -v "Cannot export local symbol" "$scratch/link.log" >&2
    echo "linking the fuzz target $t failed" >&2
    exit 1
  fi
  mkdir -p "$scratch/corpus/$t"
  echo "== $t: $runs inputs or ${seconds}s" >&2
  # Swift's crash handler reads the stack of a failed invariant in a way the sanitizer reports: off.
  if ! SWIFT_BACKTRACE=enable=no "$binary" "$scratch/corpus/$t" "Fuzz/Corpus/$t" -dict="Fuzz/Dictionaries/$t.dict" \
    -runs="$runs" -max_total_time="$seconds" -timeout="$timeout" -max_len=8192 -rss_limit_mb=4096 \
    -artifact_prefix="$scratch/artifacts/$t-" -print_final_stats=1 2>"$scratch/$t.log"; then
    failed+=("$t")
    grep -E "ERROR|invariant failed|Fatal error|Test unit written" "$scratch/$t.log" | head -5 >&2 || true
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$scratch/$t.log" >&2 || true
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing found problems in: ${failed[*]} (inputs in $scratch/artifacts, logs in $scratch/*.log)" >&2
  exit 1
fi
echo "fuzzing clean: ${targets[*]}" >&2
