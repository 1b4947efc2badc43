#!/usr/bin/env bash
# The batch jobs' figures (README, Speed): one million generated requests through `pumpauth batch
# evaluate` in local mode end to end (read JSON Lines, evaluate, write Parquet), on all cores, one
# core and two; the time from the command's start to Spark's first task; and `batch impact` on the
# same million. Usage: bench/batch/run.sh [COUNT]   (default 1000000; work files in $TMPDIR)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
count="${1:-1000000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/pumpauth-batch-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
input="$work/requests.jsonl"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
per_second() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.0f", n / (b - a) }'; }
# The first task's start in Spark's log, as seconds since the epoch.
first_task() {
  local stamp
  stamp="$(grep -m1 -E 'Starting task|Running task' "$1" | cut -d' ' -f1 | tr 'T' ' ' | sed 's/,/./')"
  date -u -d "$stamp" +%s.%N 2>/dev/null || date -d "$stamp" +%s.%N
}

"$root/pumpauth" batch --version >/dev/null # builds the batch jar if needed
t0="$(now)"
"$root/pumpauth" batch generate --count "$count" --seed 1 --out "$input" >/dev/null
t1="$(now)"
echo "generate: $count requests ($(du -h "$input" | cut -f1)) in $(seconds "$t0" "$t1") s"

evaluate() { # MASTER LABEL
  local log="$work/evaluate-$2.log" start end
  start="$(now)"
  PUMPAUTH_BATCH_LOG="$log" "$root/pumpauth" batch evaluate --master "$1" --no-jsonl --input "$input" \
      --out "$work/out-$2" >/dev/null
  end="$(now)"
  echo "evaluate --master $1: $(seconds "$start" "$end") s end to end, $(per_second "$count" "$start" "$end") requests/s;" \
      "first task $(seconds "$start" "$(first_task "$log")") s after the command's start"
  rm -rf "$work/out-$2"
}
evaluate 'local[*]' all
evaluate 'local[1]' one
evaluate 'local[2]' two

start="$(now)"
PUMPAUTH_BATCH_LOG="$work/impact.log" "$root/pumpauth" batch impact --from nia-cg-310@2023-07-01 \
    --to nia-cg-310@2024-01-01 --input "$input" --out "$work/impact" >/dev/null
end="$(now)"
echo "impact nia-cg-310@2023-07-01 -> 2024-01-01: $(seconds "$start" "$end") s, $(per_second "$count" "$start" "$end") requests/s"
