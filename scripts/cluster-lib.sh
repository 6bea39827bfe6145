# Functions for the cluster integration test (scripts/test-cluster.sh), sourced, not run: a
# PostgreSQL server and a one-node Slurm cluster (munge, slurmctld, slurmd), all on loopback, all
# in one scratch directory $CLUSTER_DIR, each stopped by stop_cluster (also after a failure).
# Ports are picked at random in 20000-29999 so that a second copy of the test does not collide.
# shellcheck shell=bash

# Runs a command as the PostgreSQL user: `postgres` when we are root (the server refuses root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A TCP port nobody listens on.
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 10000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

# Starts PostgreSQL on 127.0.0.1:$PG_PORT with a database `ramanujan` owned by role `ramanujan`
# whose password is $PG_PASSWORD (random, never written to disk by us: given to psql through the
# environment). Exports STORE_URL (no password) and PGPASSWORD.
start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$bin" ] || bin=$(dirname "$(command -v initdb)")
  PG_BIN=$bin
  PG_DATA=$CLUSTER_DIR/pg
  PG_PORT=$(free_port)
  PG_PASSWORD=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
  mkdir -p "$PG_DATA" "$CLUSTER_DIR/pg-socket"
  [ "$(id -u)" -ne 0 ] || chown postgres "$PG_DATA" "$CLUSTER_DIR/pg-socket"
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 >"$CLUSTER_DIR/initdb.log"
  cat >>"$PG_DATA/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$CLUSTER_DIR/pg-socket'
fsync = off
EOF
  pg_ctl_run start -w -l "$PG_DATA/server.log" >/dev/null
  PGPASSWORD=$PG_PASSWORD psql_admin -c "CREATE ROLE ramanujan LOGIN PASSWORD '$PG_PASSWORD'" >/dev/null
  psql_admin -c "CREATE DATABASE ramanujan OWNER ramanujan" >/dev/null
  psql_admin -c "CREATE DATABASE ramanujan2 OWNER ramanujan" >/dev/null
  psql_admin -c "CREATE DATABASE ramanujan3 OWNER ramanujan" >/dev/null
  export PGPASSWORD=$PG_PASSWORD
  export STORE_URL="postgres://ramanujan@127.0.0.1:$PG_PORT/ramanujan"
  export STORE_URL2="postgres://ramanujan@127.0.0.1:$PG_PORT/ramanujan2"
  export STORE_URL3="postgres://ramanujan@127.0.0.1:$PG_PORT/ramanujan3"
}

pg_ctl_run() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" "$@"; }

# psql as the superuser over the Unix socket (trust), on database $1 or `ramanujan`.
psql_admin() {
  as_pg "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$CLUSTER_DIR/pg-socket" -p "$PG_PORT" -U postgres -d postgres "$@"
}

# One value from a query on the `ramanujan` database.
sql() {
  as_pg "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h "$CLUSTER_DIR/pg-socket" -p "$PG_PORT" -U postgres \
    -d "${SQL_DB:-ramanujan}" -c "$1"
}

stop_postgres() {
  [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ] && pg_ctl_run stop -m immediate >/dev/null 2>&1 || true
}

# Starts munged, slurmctld and slurmd for a one-node cluster named after this host, with
# ProctrackType=proctrack/linuxproc and TaskPlugin=task/none (no cgroups needed). Exports SLURM_CONF.
start_slurm() {
  local node cpus s="$CLUSTER_DIR/slurm"
  node=$(hostname -s)
  cpus=${SLURM_TEST_CPUS:-4}
  mkdir -p "$s/state" "$s/spool" "$CLUSTER_DIR/munge"
  chmod 700 "$CLUSTER_DIR/munge"
  head -c 1024 /dev/urandom >"$CLUSTER_DIR/munge/munge.key"
  chmod 400 "$CLUSTER_DIR/munge/munge.key"
  munged --force --key-file="$CLUSTER_DIR/munge/munge.key" --socket="$CLUSTER_DIR/munge/munge.socket" \
    --pid-file="$CLUSTER_DIR/munge/munged.pid" --log-file="$CLUSTER_DIR/munge/munged.log" \
    --seed-file="$CLUSTER_DIR/munge/munged.seed"
  cat >"$s/slurm.conf" <<EOF
ClusterName=ramanujan-test
SlurmctldHost=$node(127.0.0.1)
SlurmctldPort=$(free_port)
SlurmdPort=$(free_port)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$CLUSTER_DIR/munge/munge.socket
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
StateSaveLocation=$s/state
SlurmdSpoolDir=$s/spool
SlurmctldPidFile=$s/slurmctld.pid
SlurmdPidFile=$s/slurmd.pid
SlurmctldLogFile=$s/slurmctld.log
SlurmdLogFile=$s/slurmd.log
SchedulerParameters=sched_interval=1
MinJobAge=600
KillWait=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=1000 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
EOF
  export SLURM_CONF=$s/slurm.conf
  slurmctld -f "$SLURM_CONF" -c -i
  slurmd -f "$SLURM_CONF" -c
  local i
  for i in $(seq 1 60); do
    if sinfo -h -o '%t' 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then return 0; fi
    sleep 0.5
  done
  echo "slurm did not come up; sinfo:" >&2
  sinfo >&2 || true
  tail -20 "$s/slurmctld.log" "$s/slurmd.log" >&2 || true
  return 1
}

# Stops what start_slurm started, by the process ids in their pid files.
stop_slurm() {
  local s="$CLUSTER_DIR/slurm" f pid
  for f in "$s/slurmd.pid" "$s/slurmctld.pid" "$CLUSTER_DIR/munge/munged.pid"; do
    [ -f "$f" ] || continue
    pid=$(cat "$f" 2>/dev/null || true)
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  done
  sleep 0.5
  for f in "$s/slurmd.pid" "$s/slurmctld.pid" "$CLUSTER_DIR/munge/munged.pid"; do
    [ -f "$f" ] || continue
    pid=$(cat "$f" 2>/dev/null || true)
    [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  done
}
