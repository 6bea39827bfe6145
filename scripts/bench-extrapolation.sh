#!/usr/bin/env bash
# Extrapolation beside PARI/GP's limitnum (Lagrange–Zagier): correct digits and time for both, at
# 100, 300 and 1000 digits, on six slowly converging PCFs. Installs pari-gp itself (Debian).
# Usage: scripts/bench-extrapolation.sh   (release build of ramanujan; takes a few minutes)
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v gp >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pari-gp >/dev/null
fi
swift build -c release --product ramanujan >/dev/null
swift build -c release --product ramanujan-benchmarks >/dev/null
bin=.build/release/ramanujan
# Our in-process times (as PARI's are timed inside gp): one JSON line per limit and size.
inproc=$(.build/release/ramanujan-benchmarks extrapolation)
# id | a(n) | b(n) | limit (GP syntax) | limit (ramanujan syntax)
cases=(
  "1/zeta(3)|n^3+(n+1)^3|-n^6|1/zeta(3)|1/zeta(3)"
  "8/(8zeta(3)-9)|2n^3+3n^2+27n+13|-n^6|8/(8*zeta(3)-9)|8/(8*zeta(3)-9)"
  "1/zeta(2)|2n^2+2n+1|-n^4|1/zeta(2)|1/zeta(2)"
  "1/zeta(5)|n^5+(n+1)^5|-n^10|1/zeta(5)|1/zeta(5)"
  "1+4/pi|2|(2n-1)^2|1+4/Pi|1+4/pi"
  "1/ln2|1|n^2|1/log(2)|1/log(2)"
  "2/(7zeta(3)-8)|4n^3+6n^2+12n+5|-4n^6|2/(7*zeta(3)-8)|2/(7*zeta(3)-8)"
)
gpa() { echo "$1" | sed 's/\([0-9]\)n/\1*n/g; s/)(/)*(/g'; }
printf "%-16s %6s | %8s %9s | %8s %8s %9s %8s | %s\n" limit digits "PARI ok" "PARI s" "ours ok" "claimed" "ours s" "CLI s" "time ratio"
for c in "${cases[@]}"; do
  IFS='|' read -r id a b gplimit ourlimit <<<"$c"
  for d in 100 300 1000; do
    ga=$(gpa "$a"); gb=$(gpa "$b")
    # PARI: the convergents p(n)/q(n) by the recurrence (vectors cached), limitnum at d digits;
    # correct digits against the closed form at 2d.
    pari=$(gp -q -D realprecision=$((d + 20)) <<GP
default(parisizemax, 4*10^9);
pa = $ga; pb = $gb;
A(k) = subst(pa, 'n, k);
B(k) = subst(pb, 'n, k);
u(N) = { my(p0=1, p1=A(0), q0=0, q1=1, t); for(k=1, N, t=p1; p1=A(k)*p1+B(k)*p0; p0=t; t=q1; q1=A(k)*q1+B(k)*q0; q0=t); p1/q1 };
my(t0=getabstime(), v=limitnum(n->u(n)), t1=getabstime()); localprec($((2 * d + 40))); my(err=abs(v-($gplimit))); print(if(err==0, $d, floor(-log(err)/log(10))), " ", (t1-t0)/1000.);
GP
)
    read -r pok ptime <<<"$pari"
    t0=$(date +%s.%N)
    out=$("$bin" eval --a "$a" --b "$b" --to-digits "$d" --max-depth 100000 --no-delta --format json --limit "$ourlimit" --threads 1 2>/dev/null || true)
    t1=$(date +%s.%N)
    ours=$(python3 - "$out" "$ourlimit" "$d" <<'PY'
import json, sys, mpmath
o = json.loads(sys.argv[1]); d = int(sys.argv[3])
mpmath.mp.dps = 2 * d + 60
ref = eval(sys.argv[2].replace("^", "**"), {"zeta": mpmath.zeta, "pi": mpmath.pi, "log": mpmath.log})
v = o.get("extrapolated_value") or o.get("value")
claimed = o.get("extrapolated_digits") or o.get("digits") or 0
err = abs(mpmath.mpf(v) - ref)
ok = min(len(v.split(".")[1]) if "." in v else 0, 10**6 if err == 0 else int(-mpmath.log10(err)))
print(ok, claimed)
PY
)
    read -r ook claimed <<<"$ours"
    # In-process time of the extrapolation alone; the whole CLI run (process start, probe walk,
    # the certified walk beside it) is printed after it.
    cli=$(python3 -c "print(round($t1-$t0,3))")
    ot=$(python3 - "$inproc" "$id" "$d" <<'PY'
import json, sys
for line in sys.argv[1].splitlines():
    o = json.loads(line)
    if o["detail"]["limit"] == sys.argv[2] and o["detail"]["asked"] == int(sys.argv[3]):
        print(round(o["seconds"], 4))
PY
)
    ratio=$(python3 -c "print(round($ptime/max($ot,1e-4),2))")
    printf "%-16s %6s | %8s %9.3f | %8s %8s %9s %8s | PARI/ours %s\n" "$id" "$d" "$pok" "$ptime" "$ook" "$claimed" "$ot" "$cli" "$ratio"
  done
done
