#!/usr/bin/env bash
# Integration test of the shared PostgreSQL store and Slurm job arrays, on a one-node Slurm cluster
# (munge, slurmctld, slurmd) and a PostgreSQL server, all started here on loopback in a scratch
# directory and stopped at the end, also after a failure.
#
# 1. The PostgreSQL store's unit tests (PostgresStoreTests) against this server.
# 2. A 4-task array over a small factorial-reduction spec into PostgreSQL: PostgreSQL restarted
#    while all tasks run (they retry and go on), then one task cancelled (scancel) and another
#    killed with kill -9; the two that were left finish; the script is resubmitted; the chunks the
#    killed task held are taken over when their lease expires. `hits --format tsv` equals a
#    one-process SQLite run, with no duplicate, and every chunk is done once.
# 3. A second spec in the same database stays apart; per-task SQLite files (a path with a space)
#    from a Slurm array are merged, into PostgreSQL and back.
# 4. A wrong password or an unreachable server: a one-line error, exit 64, nothing written; a
#    server gone for longer than the retry time: a one-line error, exit 64, and the same command
#    later resumes; the password appears in no script, log or table.
#
# Needs root for Slurm (slurmd starts jobs); without root only the PostgreSQL parts run, except
# under CI=true, where that is a failure. A few minutes on a 2-core machine (debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
scripts/setup-cluster.sh

CLUSTER_DIR=$(mktemp -d /tmp/ramanujan-cluster.XXXXXX)
chmod 755 "$CLUSTER_DIR"
export CLUSTER_DIR
# shellcheck source=scripts/cluster-lib.sh
source scripts/cluster-lib.sh
jobs_submitted=()

cleanup() {
  local status=$?
  set +e
  for j in "${jobs_submitted[@]}"; do scancel "$j" 2>/dev/null; done
  # The cancelled tasks end before slurmd does (it signals them).
  for _ in $(seq 1 20); do
    [ ${#jobs_submitted[@]} -gt 0 ] && squeue -h 2>/dev/null | grep -q . || break
    sleep 0.5
  done
  stop_slurm
  stop_postgres
  if [ $status -ne 0 ]; then
    echo "test-cluster: FAILED (status $status); logs:" >&2
    for f in "$CLUSTER_DIR"/work/*.log "$CLUSTER_DIR"/pg/server.log "$CLUSTER_DIR"/slurm/*.log; do
      [ -f "$f" ] && { echo "--- $f" >&2; tail -15 "$f" >&2; }
    done
  fi
  [ -n "${KEEP_CLUSTER_DIR:-}" ] && echo "kept $CLUSTER_DIR" >&2 || rm -rf "$CLUSTER_DIR"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
  echo "test-cluster: FAIL: $*" >&2
  exit 1
}
step() { echo "== $*"; }
started=$SECONDS

swift build --product ramanujan >/dev/null
bin="$(swift build --show-bin-path)/ramanujan"

step "PostgreSQL on 127.0.0.1"
start_postgres
# Tasks resumed after a kill -9 take the dead task's chunks over after 5 s instead of 10 minutes.
export RAMANUJAN_LEASE_SECONDS=5
export RAMANUJAN_PG_RETRY_SECONDS=120

step "PostgresStoreTests against it"
RAMANUJAN_TEST_POSTGRES_URL=$STORE_URL2 swift test --filter 'PostgresStoreTests|PostgresURLTests|StoreMigrationTests' 2>&1 |
  tail -3 | tee "$CLUSTER_DIR/unit.log"
grep -q "passed" "$CLUSTER_DIR/unit.log" && ! grep -q "skipped" "$CLUSTER_DIR/unit.log" ||
  fail "PostgresStoreTests did not pass against the server"

slurm=yes
if [ "$(id -u)" -ne 0 ]; then
  [ "${CI:-}" = true ] && fail "the Slurm part needs root (slurmd starts the jobs)"
  echo "test-cluster: not root: the Slurm part is skipped" >&2
  slurm=no
fi

work=$CLUSTER_DIR/work
mkdir -p "$work"
cd "$work"
# 1210 candidates in 152 chunks of 8 (tasks 0 and 3 are also paused before the restart): long enough to be
# interrupted, with hits such as 1/(ζ(3)−1), 8/(8ζ(3)−9), 8/(7ζ(3)).
cat >cluster-fr.json <<'EOF'
{
  "name": "cluster-fr",
  "mode": "factorial-reduction",
  "a": {"template": "x0*(n^3 + (n+1)^3) + x1*(2*n+1)"},
  "b": {"template": "-x2^2*n^6"},
  "parameters": {"x0": [1, 5], "x1": [-60, 60], "x2": [1, 2]},
  "constants": ["zeta(3)"],
  "reduction_depth": 64,
  "reduction_threshold": 1.5,
  "verify_digits": 20,
  "verify_max_depth": 20000
}
EOF
cp "$root/specs/e.json" e.json
chunks=152

step "reference: one process, SQLite"
"$bin" search cluster-fr.json --store ref.db --chunk-size 8 --threads 2 >/dev/null 2>&1
"$bin" hits --store ref.db --format tsv >ref.tsv
"$bin" search e.json --store e-ref.db --chunk-size 500 >/dev/null 2>&1
"$bin" hits --store e-ref.db --format tsv >e-ref.tsv
[ "$(wc -l <ref.tsv)" -ge 4 ] || fail "the reference run found $(($(wc -l <ref.tsv) - 1)) hits, not 3 or more"

# Waits until the job has left the queue (at most $2 seconds).
wait_job() {
  local t=0
  while squeue -h -j "$1" 2>/dev/null | grep -q .; do
    sleep 0.5
    t=$((t + 1))
    [ $t -lt $((2 * $2)) ] || fail "job $1 still running after $2 s"
  done
}
# Waits until `sql "$1"` prints something other than 0 or nothing (at most $2 seconds).
wait_sql() {
  local t=0 v
  while :; do
    v=$(sql "$1" 2>/dev/null || true)
    [ -n "$v" ] && [ "$v" != 0 ] && [ "$v" != f ] && return 0
    sleep 0.2
    t=$((t + 1))
    [ $t -lt $((5 * $2)) ] || fail "timed out waiting for: $1"
  done
}
# The state of task $2 of array job $1 (COMPLETED, FAILED, CANCELLED, ...).
task_state() { scontrol -o show job "$1_$2" | grep -o 'JobState=[A-Z_]*' | head -1 | cut -d= -f2; }

if [ $slurm = yes ]; then
  step "one-node Slurm cluster"
  start_slurm

  step "4-task array into PostgreSQL"
  "$bin" slurm cluster-fr.json --shards 4 --store "postgres://ramanujan:$PGPASSWORD@127.0.0.1:$PG_PORT/ramanujan" \
    --binary "$bin" --cpus-per-task 1 --time 10 --chunk-size 8 >job.sh 2>slurm-command.err
  grep -q "password of --store is left out" slurm-command.err || fail "no note that the password was left out"
  ! grep -qF "$PGPASSWORD" job.sh || fail "the generated script holds the password"
  job=$(sbatch --parsable job.sh)
  jobs_submitted+=("$job")
  # Every task has committed a chunk: all four are connected and working.
  # Tasks 0 and 3 are paused as soon as each has committed a chunk, so that they are still mid-run
  # when PostgreSQL restarts below however fast the search is; they resume after the restart and
  # must reconnect.
  paused=()
  for t in 0 3; do
    p=
    for _ in $(seq 1 2400); do
      p=$(pgrep -f -- "search cluster-fr.json --shard $t/4 " | head -1 || true)
      if [ -n "$p" ] && [ "$(sql "SELECT count(*) FROM chunks WHERE shard = '$t/4'")" -ge 1 ]; then break; fi
      sleep 0.05
    done
    [ -n "$p" ] || fail "task $t's process is not running"
    kill -STOP "$p"
    paused+=("$p")
  done
  wait_sql "SELECT count(DISTINCT shard) = 4 FROM chunks" 120
  step "task 1 cancelled, task 2 killed with kill -9"
  scancel "${job}_1"
  pid=$(pgrep -f -- "search cluster-fr.json --shard 2/4 " | head -1)
  [ -n "$pid" ] || fail "task 2's process is not running"
  # Stopped while it holds a claim in its name (host:pid:tag), then killed.
  held=
  for _ in $(seq 1 50); do
    kill -STOP "$pid"
    held=$(sql "SELECT string_agg(chunk::text, ',') FROM claims WHERE owner LIKE '%:$pid:%'")
    [ -n "$held" ] && break
    kill -CONT "$pid"
    sleep 0.1
  done
  [ -n "$held" ] || fail "task 2 never held a claim"
  kill -9 "$pid"
  echo "task 2 (pid $pid) held chunk(s) $held when killed"

  step "PostgreSQL restarted while tasks 0 and 3 run"
  for t in 0 3; do [ "$(task_state "$job" $t)" = RUNNING ] || fail "task $t is not running before the restart"; done
  pg_ctl_run restart -m fast -w -l "$PG_DATA/server.log" >/dev/null
  for p in "${paused[@]}"; do kill -CONT "$p"; done
  wait_job "$job" 240
  [ "$(task_state "$job" 1)" = CANCELLED ] || fail "task 1: $(task_state "$job" 1), not CANCELLED"
  [ "$(task_state "$job" 2)" = FAILED ] || fail "task 2: $(task_state "$job" 2), not FAILED"
  for t in 0 3; do
    [ "$(task_state "$job" $t)" = COMPLETED ] || fail "task $t: $(task_state "$job" $t)"
    log=ramanujan-search-${job}_$t.log
    grep -q "retrying" "$log" || fail "task $t did not retry after the restart"
    tail -1 "$log" | grep -q "^cluster-fr: .* chunks done" || fail "task $t did not finish"
  done
  done_now=$(sql "SELECT count(*) FROM chunks")
  [ "$done_now" -lt $chunks ] || fail "every chunk was done although tasks 1 and 2 were stopped"
  [ "$(sql "SELECT count(*) FROM chunks WHERE chunk IN ($held)")" -eq 0 ] ||
    fail "the chunks task 2 held are done already"

  step "resubmitted: resumes, takes over the dead task's chunks"
  job2=$(sbatch --parsable job.sh)
  jobs_submitted+=("$job2")
  wait_job "$job2" 240
  for t in 0 1 2 3; do
    [ "$(task_state "$job2" $t)" = COMPLETED ] || fail "resubmitted task $t: $(task_state "$job2" $t)"
    tail -1 "ramanujan-search-${job2}_$t.log" | grep -q "^cluster-fr: .* chunks done" ||
      fail "resubmitted task $t did not finish"
  done
  [ "$(sql "SELECT count(*) FROM chunks WHERE chunk IN ($held)")" -eq "$(echo "$held" | tr ',' '\n' | wc -l)" ] ||
    fail "chunks $held of the killed task were not taken over"
  [ "$(sql "SELECT count(*) FROM claims")" -eq 0 ] || fail "claims left behind"
  [ "$(sql "SELECT count(*) FROM chunks")" -eq $chunks ] || fail "not $chunks chunks"
  [ "$(sql "SELECT count(DISTINCT (run_id, chunk)) FROM chunks")" -eq $chunks ] || fail "a chunk is done twice"
  "$bin" hits --store "$STORE_URL" --format tsv >pg.tsv
  diff ref.tsv pg.tsv || fail "hits from the array differ from the one-process SQLite run"
  [ -z "$(tail -n +2 pg.tsv | sort | uniq -d)" ] || fail "duplicate hits"
  sql "SELECT sum(candidates) FROM chunks" | grep -qx 1210 || fail "candidates do not add up to 1210"

  step "per-task SQLite files (a path with a space) and the merge line"
  mkdir -p "files dir"
  "$bin" slurm e.json --shards 3 --store "files dir/e part" --binary "$bin" --cpus-per-task 1 --time 5 \
    --chunk-size 500 >files.sh
  job3=$(sbatch --parsable files.sh)
  jobs_submitted+=("$job3")
  wait_job "$job3" 120
  merge_line=$(sed -n 's/^# When all tasks are done: //p' files.sh)
  bash -c "$merge_line" >/dev/null
  "$bin" hits --store "files dir/e part-all.db" --format tsv | diff e-ref.tsv - ||
    fail "merged per-task files differ from the one-process run"
else
  # Without Slurm the shared store is filled by four processes, one shard each.
  for t in 0 1 2 3; do
    "$bin" search cluster-fr.json --store "$STORE_URL" --shard $t/4 --chunk-size 8 --threads 1 >/dev/null 2>&1 &
  done
  wait
  "$bin" hits --store "$STORE_URL" --format tsv | diff ref.tsv - || fail "hits from 4 processes differ"
  "$bin" search e.json --store "files-e.db" --chunk-size 500 >/dev/null 2>&1
  mkdir -p "files dir"
  cp files-e.db "files dir/e part-all.db"
fi

step "a second spec in the same database stays apart"
"$bin" search e.json --store "$STORE_URL" --chunk-size 500 >/dev/null 2>&1
"$bin" hits --store "$STORE_URL" --spec e.json --format tsv | diff e-ref.tsv - || fail "the e run differs"
"$bin" hits --store "$STORE_URL" --spec cluster-fr.json --format tsv | diff ref.tsv - ||
  fail "the cluster-fr run changed"
[ "$("$bin" hits --store "$STORE_URL" | wc -l)" -eq $(($(wc -l <ref.tsv) + $(wc -l <e-ref.tsv) - 2)) ] ||
  fail "all hits are not the sum of both runs"
[ "$(sql "SELECT count(*) FROM runs")" -eq 2 ] || fail "not two runs"

step "merge: files into PostgreSQL and back"
"$bin" merge --into "$STORE_URL2" "files dir/e part-all.db" >/dev/null
"$bin" hits --store "$STORE_URL2" --format tsv | diff e-ref.tsv - || fail "files merged into PostgreSQL differ"
"$bin" merge --into back.db "$STORE_URL" --spec cluster-fr.json >/dev/null
"$bin" hits --store back.db --format tsv | diff ref.tsv - || fail "the run merged back into a file differs"
if "$bin" merge --into back.db "files dir/e part-all.db" >/dev/null 2>merge.err; then
  fail "merging another spec into a file was accepted"
fi
grep -q "holds spec 'e'" merge.err || fail "merge of another spec: $(cat merge.err)"
if "$bin" merge --into fresh.db "$STORE_URL" >/dev/null 2>merge.err; then
  fail "merging a store of two specs without --spec was accepted"
fi
grep -q "choose one with --spec" merge.err || fail "merge without --spec: $(cat merge.err)"

step "wrong password, unreachable server: one line, exit 64, nothing written"
runs_before=$(sql "SELECT count(*) FROM runs")
cp "$root/specs/zeta3.json" zeta3.json
check_refusal() {
  local expected=$1 status=0
  shift
  "$@" >out.txt 2>err.txt || status=$?
  [ $status -eq 64 ] || fail "exit $status, not 64: $*"
  [ "$(grep -c '^Error: ' err.txt)" -eq 1 ] || fail "not one error line: $(cat err.txt)"
  grep -q "$expected" err.txt || fail "no '$expected' in: $(cat err.txt)"
  [ ! -s out.txt ] || fail "output written: $*"
}
PGPASSWORD=wrong check_refusal "password authentication failed" "$bin" search zeta3.json --store "$STORE_URL"
check_refusal "password authentication failed" "$bin" search zeta3.json \
  --store "postgres://ramanujan:wrong@127.0.0.1:$PG_PORT/ramanujan"
! grep -q "wrong" err.txt || fail "the password is in the message"
check_refusal "Connection refused" "$bin" search zeta3.json --store "postgres://ramanujan@127.0.0.1:$(free_port)/ramanujan"
check_refusal "could not translate host name" "$bin" hits --store "postgres://ramanujan@no-such-host.invalid/ramanujan"
PGPASSWORD=wrong check_refusal "password authentication failed" "$bin" merge --into "$STORE_URL" back.db
[ "$(sql "SELECT count(*) FROM runs")" -eq "$runs_before" ] || fail "a refused command wrote a run"

step "server gone for longer than RAMANUJAN_PG_RETRY_SECONDS: one line, exit 64, every chunk whole"
RAMANUJAN_PG_RETRY_SECONDS=3 "$bin" search cluster-fr.json --store "$STORE_URL3" --chunk-size 8 --threads 1 \
  >gone.out 2>gone.err &
gone=$!
SQL_DB=ramanujan3 wait_sql "SELECT count(*) FROM chunks" 60
pg_ctl_run stop -m fast -w >/dev/null
status=0
wait $gone || status=$?
pg_ctl_run start -w -l "$PG_DATA/server.log" >/dev/null
[ $status -eq 64 ] || fail "exit $status, not 64, when the server stayed away"
grep -q "^Error: .*(gave up after retrying for [0-9]* s)$" gone.err || fail "no give-up message: $(cat gone.err)"
grep -q "retrying in" gone.err || fail "no retry before giving up"
[ "$(SQL_DB=ramanujan3 sql "SELECT coalesce(sum(hits), 0) = (SELECT count(*) FROM hits) FROM chunks")" = t ] ||
  fail "chunks and hits disagree after giving up"
# The same command resumes and completes the run.
"$bin" search cluster-fr.json --store "$STORE_URL3" --chunk-size 8 --threads 2 >/dev/null 2>&1
"$bin" hits --store "$STORE_URL3" --format tsv | diff ref.tsv - || fail "the resumed run differs"

step "the password is nowhere"
grep -rlF "$PGPASSWORD" "$work" && fail "the password is written in a file above"
[ "$(sql "SELECT count(*) FROM runs WHERE spec LIKE '%$PGPASSWORD%' OR program_version LIKE '%$PGPASSWORD%'")" -eq 0 ] ||
  fail "the password is in the store"
[ "$(sql "SELECT count(*) FROM chunks WHERE shard LIKE '%$PGPASSWORD%'")" -eq 0 ] || fail "the password is in the store"

echo "test-cluster: passed in $((SECONDS - started)) s"
