#!/usr/bin/env bash
# Installs the system libraries ramanujan links (GMP, MPFR, SQLite, libpq) from Debian's packages.
# Swift itself is expected on PATH (Swift 6.x). Idempotent: skips apt when both are present.
set -euo pipefail
packages=(libgmp-dev libmpfr-dev libsqlite3-dev libpq-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "swift is not on PATH (Swift 6.x is needed)" >&2; exit 1; }
