#!/usr/bin/env bash
# Soak test of the built jar under wrk: valid patient-view and order-sign calls, feedback posts and invalid calls
# (malformed JSON, wrong content type, unknown service, missing context, wrong hook, oversized body) in rotation.
# Checks at the end: no 5xx, every feedback post answered 200 is stored, heap (after a full GC) and live threads
# do not grow (sampled every 30 s).
# Usage: bench/soak.sh [minutes] (default 10). Needs wrk and target/trd-cds-hooks.jar (./mvnw -B -q package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
duration=${SOAK_SECONDS:-$((minutes * 60))}s  # SOAK_SECONDS: a shorter smoke run
port=${SOAK_PORT:-18090}
connections=${SOAK_CONNECTIONS:-4}
jar=target/trd-cds-hooks.jar
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
out=bench-results/soak-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench-results
data=$(mktemp -d)
cp "$jar" "$data/app.jar"  # a rebuild during the run must not pull the jar from under the JVM
java -Xms256m -Xmx512m -jar "$data/app.jar" --server.port="$port" --spring.datasource.url="jdbc:h2:file:$data/soak;CACHE_SIZE=1024" \
  --cds.limits.max-body-bytes=256KB --logging.level.root=WARN > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
base="http://127.0.0.1:$port"
until curl -sf "$base/actuator/health/readiness" >/dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$data/app.log"; exit 1; }
  sleep 0.2
done

metric() { # sum of a Prometheus series, e.g. metric 'jvm_memory_used_bytes{area="heap"'
  curl -s "$base/actuator/prometheus" | grep -F "$1" | awk '{s += $NF} END {printf "%.0f", s}'
}
sample() { # heap used right after a full GC (MB, from jcmd GC.heap_info) and live threads
  jcmd $pid GC.run >/dev/null
  local used_kb
  used_kb=$(jcmd $pid GC.heap_info | grep -m1 -oE 'used [0-9]+K' | grep -oE '[0-9]+')
  echo "$(( used_kb / 1024 )) $(metric 'jvm_threads_live_threads')"
}

{
  echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
  echo "soak: ${duration}, wrk -t$connections -c$connections"
  read -r heap0 threads0 < <(sample)
  echo "sample t=0s heap_mb=$heap0 live_threads=$threads0 (before load)"
  SOAK_OVERSIZE_BYTES=300000 wrk -t"$connections" -c"$connections" -d"$duration" --timeout 10s \
    -s bench/soak.lua "$base" > "$data/wrk.txt" 2>&1 &
  wrk_pid=$!
  samples=()
  elapsed=0
  while kill -0 $wrk_pid 2>/dev/null; do
    sleep 30
    elapsed=$((elapsed + 30))
    kill -0 $wrk_pid 2>/dev/null || break
    read -r heap threads < <(sample)
    samples+=("$heap $threads")
    echo "sample t=${elapsed}s heap_mb=$heap live_threads=$threads"
  done
  wait $wrk_pid
  sleep 2  # the issued-card writer drains in the background
  cat "$data/wrk.txt"
  read -r heapEnd threadsEnd < <(sample)
  echo "sample end heap_mb=$heapEnd live_threads=$threadsEnd (after load)"

  fivexx=$(grep -E '^COUNT .* 5[0-9][0-9] ' "$data/wrk.txt" | awk '{s += $NF} END {print s + 0}' || true)
  feedback_ok=$(grep -E '^COUNT feedback 200 ' "$data/wrk.txt" | awk '{print $NF}' || true)
  stored=$(curl -s "$base/admin/feedback-summary" | jq '[.feedback[].count] | add // 0')
  read -r heapFirst threadsFirst <<< "${samples[0]:-$heap0 $threads0}"
  read -r heapLastLoaded _ <<< "${samples[${#samples[@]}-1]:-$heapEnd 0}"
  # under load the heap after a full GC holds in-flight work and the H2 page cache (it plateaus); the leak check is
  # the heap once the load has drained, against the first loaded sample
  echo "RESULT 5xx=$fivexx feedback_200=${feedback_ok:-0} feedback_stored=$stored heap_first_mb=$heapFirst" \
       "heap_last_loaded_mb=$heapLastLoaded heap_last_mb=$heapEnd threads_first=$threadsFirst threads_last=$threadsEnd" \
       "errors_in_log=$(grep -c ' ERROR ' "$data/app.log" || true)"
  status=0
  [ "$fivexx" = 0 ] || { echo "FAIL: $fivexx responses were 5xx"; status=1; }
  # every post answered 200 is stored; up to one more per connection was in flight when wrk stopped (stored, unseen)
  if [ "$stored" -lt "${feedback_ok:-0}" ] || [ "$stored" -gt $(( ${feedback_ok:-0} + connections )) ]; then
    echo "FAIL: $feedback_ok feedback posts answered 200, $stored stored"; status=1
  fi
  # growth tolerances: 25% heap over the first loaded sample (plus 16 MB of noise), 4 threads
  [ "$heapEnd" -le $(( heapFirst * 125 / 100 + 16 )) ] || { echo "FAIL: heap grew ${heapFirst} -> ${heapEnd} MB"; status=1; }
  [ "$threadsEnd" -le $(( threadsFirst + 4 )) ] || { echo "FAIL: threads grew ${threadsFirst} -> ${threadsEnd}"; status=1; }
  [ $status = 0 ] && echo "PASS"
  exit $status
} 2>&1 | tee "$out"
exit "${PIPESTATUS[0]}"
