#!/usr/bin/env bash
# HTTP benchmark of the running jar with wrk (Debian package `wrk`): start-up time, first call, p50/p99 and
# throughput for patient-view and order-sign with prefetch at 1 and 16 connections, and heap after load.
# Usage: bench/http.sh [seconds-per-run]   (default 20). Needs target/trd-cds-hooks.jar (./mvnw -B -q package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
port=${BENCH_PORT:-18080}
jar=target/trd-cds-hooks.jar
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
# Run as deployed (README "Running in production"): the jar extracted to plain jars starts faster than the nested jar
app=target/extracted
if [ ! -f "$app/trd-cds-hooks.jar" ] || [ "$jar" -nt "$app/trd-cds-hooks.jar" ]; then
  rm -rf "$app" && java -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null
fi
out=bench-results/http-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench-results
data=$(mktemp -d)
# The examples are dated for 2026-11-27; a fixed clock keeps their cards stable (see README, cds.clock.fixed-instant).
start_ns=$(date +%s%N)
java -Xms256m -Xmx512m -jar "$app/trd-cds-hooks.jar" --server.port="$port" --spring.datasource.url="jdbc:h2:file:$data/bench" \
  --cds.clock.fixed-instant=2026-11-27T04:22:50Z --logging.level.root=WARN > "$data/app.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$data/app.log"; exit 1; }
  sleep 0.05
done
ready_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
url_pv="http://127.0.0.1:$port/cds-services/ketamine-tms-screening"
url_os="http://127.0.0.1:$port/cds-services/ketamine-tms-order-sign"
first_ms=$(curl -s -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' \
  --data-binary @examples/patient-view-candidate.json "$url_pv" | awk '{printf "%.2f", $1*1000}')
{
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1)"
  echo "start-to-ready_ms=$ready_ms first_call_ms=$first_ms"
  # warm-up, not reported
  BODY_FILE=examples/patient-view-candidate.json wrk -t1 -c4 -d5s -s bench/post.lua "$url_pv" >/dev/null
  for c in 1 16; do
    t=$([ "$c" = 1 ] && echo 1 || echo 2)
    echo -n "patient-view  connections=$c "; BODY_FILE=examples/patient-view-candidate.json wrk -t$t -c$c -d${secs}s -s bench/post.lua "$url_pv" | grep RESULT
    echo -n "order-sign    connections=$c "; BODY_FILE=examples/order-sign-ketamine.json wrk -t$t -c$c -d${secs}s -s bench/post.lua "$url_os" | grep RESULT
  done
  echo "heap after load: $(jcmd $pid GC.heap_info 2>/dev/null | grep -E 'total|used' | head -2 | tr -s ' ' | tr '\n' ' ')"
  echo "rss_kb=$(ps -o rss= -p $pid)"
  echo "5xx in log: $(grep -c ' 500 \|status=500' "$data/app.log" || true)"
} | tee "$out"
