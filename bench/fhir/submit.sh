#!/usr/bin/env bash
# PAS Claim/$submit under load, durable on the embedded database, as `pumpauth serve` runs it: wrk at 8
# connections posts the shipped bundle (fhir/examples/pas-trial-chronic-pain.json), each with a new Claim
# identifier, so each request makes a new case (stored, audited, its 200 answered once committed).
# Usage: bench/fhir/submit.sh [SECONDS] [WARM-UP SECONDS, default 180]   (from the repository root;
# ./pumpauth builds the jars if needed). The warm-up is long because on 2 cores the JIT compilers need minutes
# of this load before the submission path's code is all compiled; the last line splits the server's CPU by
# thread, and compiler threads still busy there mean the warm-up was too short for the machine.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
secs="${1:-20}"
warm="${2:-180}"
work="$(mktemp -d)"
port=18183
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
RUN=warm wrk -t2 -c8 -d"${warm}s" -s bench/fhir/submit.lua "http://127.0.0.1:$port" > /dev/null
echo "== POST /fhir/Claim/\$submit (H2, durable): 8 connections, ${secs}s after a ${warm}s warm-up"
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }   # the server's user + system CPU, in clock ticks
threads() {   # each thread's name (its number dropped) and user + system ticks
  for t in /proc/"$server"/task/*; do
    echo "$(tr -d '\n' < "$t/comm" | sed 's/[-#]*[0-9]*$//')|$(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')"
  done 2>/dev/null
}
threads > "$work/threads.before"
before=$(cpu)
RUN=load wrk -t2 -c8 -d"${secs}s" --latency -s bench/fhir/submit.lua "http://127.0.0.1:$port" > "$work/wrk.out"
after=$(cpu)
threads > "$work/threads.after"
grep -E "Requests/sec|^ +(50|99)%|Non-2xx|Socket errors" "$work/wrk.out"
requests=$(awk '/requests in/ {print $1}' "$work/wrk.out")
awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "  server CPU: %.3f ms a case (%d cases)\n", t * 1000 / hz / n, n }'
awk -F'|' -v hz="$(getconf CLK_TCK)" -v n="$requests" 'NR == FNR { was[$1] += $2; next } { now[$1] += $2 }
    END { printf "  by thread, ms a case:"; for (k in now) if (now[k] > was[k]) printf " %s %.3f;", k, (now[k] - was[k]) * 1000 / hz / n; print "" }' \
    "$work/threads.before" "$work/threads.after"
echo "load after: $(uptime)"
