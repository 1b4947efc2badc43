#!/usr/bin/env bash
# CRD under load, on 127.0.0.1 with wrk: POST /cds-services/order-sign (fhir/examples/crd-order-sign.json,
# a programmable pump implant, patient and coverage prefetched) at 8 connections, after a warm-up.
# Usage: bench/crd/run.sh [SECONDS] [WARM-UP SECONDS, default 180: on 2 cores the JIT needs minutes]
#   (from the repository root; ./pumpauth builds the jars if needed). The last line splits the server's CPU by thread: JIT compiler threads still busy mean the
# warm-up was too short for this machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
secs="${1:-20}"
warm="${2:-180}"
work="$(mktemp -d)"
port=18182
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
key=$(./pumpauth keys create --data "$work/data" --role submitter --name bench)
./pumpauth serve --port "$port" --no-access-log --data "$work/data" --payers examples/payers.yaml \
    --default-policy nia-cg-310 > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 1 1200); do   # the first serve may build the FHIR module
  grep -q "serving on" "$work/serve.out" 2>/dev/null && break
  sleep 0.5
done
grep -q "serving on" "$work/serve.out" || { cat "$work/serve.err" >&2; exit 1; }
export PUMPAUTH_KEY="$key"
echo "load: $(uptime)"
wrk -t2 -c8 -d"${warm}s" -s bench/crd/order-sign.lua "http://127.0.0.1:$port" > /dev/null   # warm-up (JIT)
echo "== POST /cds-services/order-sign: 8 connections, ${secs}s"
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }   # the server's user + system CPU, in clock ticks
# Each thread's name (its number dropped: JettyServerThre, C2 CompilerThre, GC Thread) and user + system ticks.
threads() {
  for t in /proc/"$server"/task/*; do
    echo "$(tr -d '\n' < "$t/comm" | sed 's/[-#]*[0-9]*$//')|$(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')"
  done 2>/dev/null
}
threads > "$work/threads.before"
before=$(cpu)
wrk -t2 -c8 -d"${secs}s" --latency -s bench/crd/order-sign.lua "http://127.0.0.1:$port" > "$work/wrk.out"
after=$(cpu)
threads > "$work/threads.after"
grep -E "Requests/sec|^ +(50|99)%|Non-2xx|Socket errors" "$work/wrk.out"
requests=$(awk '/requests in/ {print $1}' "$work/wrk.out")
awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "  server CPU: %.3f ms a request (%d requests)\n", t * 1000 / hz / n, n }'
# The same CPU by thread: the request threads (Jetty) against the JIT compilers and the collector, which
# show whether the warm-up was long enough on this machine.
awk -F'|' -v hz="$(getconf CLK_TCK)" -v n="$requests" 'NR == FNR { was[$1] += $2; next } { now[$1] += $2 }
    END { printf "  by thread, ms a request:"; for (k in now) if (now[k] > was[k]) printf " %s %.3f;", k, (now[k] - was[k]) * 1000 / hz / n; print "" }' \
    "$work/threads.before" "$work/threads.after"
echo "load after: $(uptime)"
