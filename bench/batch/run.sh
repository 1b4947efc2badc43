#!/usr/bin/env bash
# The batch jobs' figures (README, Speed): one million generated requests through `pumpauth batch
# evaluate` in local mode end to end (read JSON Lines, evaluate, write Parquet), on all cores, one
# core and two; the time from the command's start to Spark's first task; and `batch impact` on the
# same million. Each line also gives the CPU the command used (user + system, all its threads, from
# /usr/bin/time when the machine has it) per request: the figure to compare on a busy machine.
# Usage: bench/batch/run.sh [COUNT]   (default 1000000; work files in $TMPDIR)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${1:-1000000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/pumpauth-batch-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
input="$work/requests.jsonl"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
per_second() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }
# Runs a command, keeping the CPU seconds it used in $work/cpu (empty without /usr/bin/time).
timed() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S' -o "$work/cpu" "$@"
  else
    : >"$work/cpu"
    "$@"
  fi
}
# "; CPU X s, Y µs a request" from $work/cpu, or nothing.
cpu() {
  [ -s "$work/cpu" ] || return 0
  awk -v n="$1" '{ printf "; CPU %.1f s (user + system), %.0f µs a request", $1 + $2, 1e6 * ($1 + $2) / n }' \
      "$work/cpu"
}
# The first task's start in Spark's log, as seconds since the epoch.
first_task() {
  local stamp
  stamp="$(grep -m1 -E 'Starting task|Running task' "$1" | cut -d' ' -f1 | tr 'T' ' ' | sed 's/,/./')"
  date -u -d "$stamp" +%s.%N 2>/dev/null || date -d "$stamp" +%s.%N
}

# Builds the batch jar and its class archive if needed, so that neither is in the figures.
"$root/pumpauth" batch --version >/dev/null
t0="$(now)"
timed "$root/pumpauth" batch generate --count "$count" --seed 1 --out "$input" >/dev/null
t1="$(now)"
echo "generate: $count requests ($(du -h "$input" | cut -f1)) in $(seconds "$t0" "$t1") s$(cpu "$count")"

evaluate() { # MASTER LABEL
  local log="$work/evaluate-$2.log" start end
  start="$(now)"
  PUMPAUTH_BATCH_LOG="$log" timed "$root/pumpauth" batch evaluate --master "$1" --no-jsonl --input "$input" \
      --out "$work/out-$2" >/dev/null
  end="$(now)"
  echo "evaluate --master $1: $(seconds "$start" "$end") s end to end, $(per_second "$count" "$start" "$end") requests/s;" \
      "first task $(seconds "$start" "$(first_task "$log")") s after the command's start$(cpu "$count")"
  rm -rf "$work/out-$2"
  seconds_taken["$2"]="$(seconds "$start" "$end")"
}
declare -A seconds_taken
evaluate 'local[*]' all
evaluate 'local[1]' one
evaluate 'local[2]' two
echo "local[2] against local[1]: $(awk -v a="${seconds_taken[one]}" -v b="${seconds_taken[two]}" \
    'BEGIN { printf "%.2f", a / b }') times as many requests/s (goal: at least 1.7)"

start="$(now)"
PUMPAUTH_BATCH_LOG="$work/impact.log" timed "$root/pumpauth" batch impact --from nia-cg-310@2023-07-01 \
    --to nia-cg-310@2024-01-01 --input "$input" --out "$work/impact" >/dev/null
end="$(now)"
echo "impact nia-cg-310@2023-07-01 -> 2024-01-01: $(seconds "$start" "$end") s, $(per_second "$count" "$start" "$end") requests/s$(cpu "$count")"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
