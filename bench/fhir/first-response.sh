#!/usr/bin/env bash
# The first FHIR answer after start, JVM start included: launches `pumpauth serve` on a new H2 database
# (its key made beforehand) and POSTs the shipped PAS bundle (fhir/examples/pas-trial-chronic-pain.json)
# to /fhir/Claim/$submit every 20 ms until it is answered 200; prints the seconds from the launch until
# the server accepts connections and until that answer. The in-JVM figure (JVM start not included), phase by phase, is
# PasBenchmarkTest's first line. PUMPAUTH_CDS=off measures a start without the class-data archive.
# Usage: bench/fhir/first-response.sh [RUNS]   (from the repository root; ./pumpauth builds the jars if needed)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
runs="${1:-3}"
port=18183
work="$(mktemp -d)"
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
./pumpauth serve --help > /dev/null   # builds the jars and serve's class-data archive now, not inside the measurement
echo "load: $(uptime)"
for run in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  key=$(./pumpauth keys create --data "$work/data" --role submitter --name first)
  t0=$(date +%s%N)
  ./pumpauth serve --port "$port" --no-access-log --data "$work/data" --payers examples/payers.yaml \
      > "$work/serve.out" 2> "$work/serve.err" &
  server=$!
  listening=""
  for _ in $(seq 1 3000); do
    tried=$(date +%s%N)
    status=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $key" \
        -H "Content-Type: application/fhir+json" --data-binary @fhir/examples/pas-trial-chronic-pain.json \
        "http://127.0.0.1:$port/fhir/Claim/\$submit" || true)
    # The first attempt that got a connection started when the server was listening (to 20 ms).
    [ -z "$listening" ] && [ "$status" != 000 ] && listening=$tried
    [ "$status" = 200 ] && break
    sleep 0.02
  done
  t1=$(date +%s%N)
  [ "$status" = 200 ] || { cat "$work/serve.err" >&2; exit 1; }
  awk -v a=$((listening - t0)) -v b=$((t1 - t0)) -v r="$run" \
      'BEGIN { printf "run %d: listening %.2f s after launch; first $submit answered %.2f s after launch (JVM start included)\n", r, a / 1e9, b / 1e9 }'
  kill "$server"; wait "$server" 2>/dev/null || true
  server=""
done
