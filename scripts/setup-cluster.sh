#!/usr/bin/env bash
# Installs what the cluster integration test (scripts/test-cluster.sh) runs, from Debian's
# packages: a PostgreSQL server, Slurm (slurmctld, slurmd, the client commands), munge, and procps (pgrep).
# Idempotent: skips apt when all are present. The services are not started here (the test
# starts its own copies on loopback, in a scratch directory, and stops them).
set -euo pipefail
packages=(postgresql slurm-wlm munge procps)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  # System-wide services Debian may start do not disturb the test: it uses its own ports and directories.
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
