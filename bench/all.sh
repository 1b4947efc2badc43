#!/usr/bin/env bash
# Every benchmark behind the README's Speed table, one after the other, on this machine. Run it where
# nothing else runs: the figures are wall-clock ones. Prints each step's command and output.
# Usage: bench/all.sh [STEP...]   (from the repository root; default: every step, about 35 minutes)
#   engine   JMH: in-process evaluation and request JSON to determination JSON
#   notes    JMH: reading a 2 KB note into its facts, and one ConText assertion
#   letters  JMH: a denial letter's PDF and HTML; durable decisions with their letters (DecisionLoad)
#   service  POST /v1/evaluate and durable POST /v1/cases on H2 and PostgreSQL (bench/service/run.sh)
#   crd      CRD order-sign hook requests at 8 connections (bench/crd/run.sh)
#   pas      PAS Claim/$submit durable on H2 under serve (bench/fhir/submit.sh), and the first answer in the
#            JVM (PasBenchmarkTest)
#   first    the first $submit answered after `pumpauth serve` is launched (bench/fhir/first-response.sh)
#   batch    one million requests through batch evaluate and impact (bench/batch/run.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
steps=("$@")
[ ${#steps[@]} -eq 0 ] && steps=(engine notes letters service crd pas first batch)

for step in "${steps[@]}"; do
  case "$step" in engine|notes|letters|service|crd|pas|first|batch) ;;
    *) echo "bench/all.sh: unknown step '$step'; the steps are engine notes letters service crd pas first batch" >&2; exit 2 ;;
  esac
done

run() { echo; echo "\$ $*"; "$@"; }
jmh() { run java -jar bench/target/benchmarks.jar "$@"; }

echo "pumpauth benchmarks, $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -ntp -q -pl cli,bench -am package -DskipTests
for step in "${steps[@]}"; do
  echo; echo "== $step (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  case "$step" in
    engine)  jmh EvaluateBenchmark -f 1 -wi 5 -i 5 -t 1
             jmh JsonBenchmark.jsonToDetermination -f 1 -wi 4 -i 5 -t 1 ;;
    notes)   jmh NotesBenchmark -f 1 -wi 3 -w 3s -i 5 -r 3s -t 1 ;;
    letters) jmh LetterPdfBenchmark -f 1 -wi 4 -i 4 -t 1
             run java -cp bench/target/benchmarks.jar org.pumpauth.bench.DecisionLoad 3000 8 ;;
    service) run bench/service/run.sh 20 ;;
    crd)     run bench/crd/run.sh 20 180 ;;
    pas)     run bench/fhir/submit.sh 20 180
             run ./mvnw -B -ntp -q -pl core,server,fhir -Dtest=PasBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
                 -Dpumpauth.bench.pas=true -Djacoco.skip=true verify ;;
    first)   run bench/fhir/first-response.sh 3 ;;
    batch)   run bench/batch/run.sh 1000000 ;;
  esac
done
echo; echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
