#!/usr/bin/env bash
# HTTP benchmark of the deployed jar with wrk (Debian package `wrk`): start-to-ready (with and without the AppCDS
# archive of deploy/prepare.sh), the first call after ready, p50/p99/throughput for patient-view and order-sign with
# prefetch at 1 and 16 connections once the JIT has settled, heap after load; then the same patient-view runs against
# the parse floor (src/test/java/org/trdcds/bench/ParseFloorServer.java: the same Tomcat, HAPI's parse of the same
# prefetch, nothing else). Each run also reports the server's CPU per call (its /proc CPU time over the calls), which
# does not depend on how much of the machine wrk takes.
# Usage: bench/http.sh [seconds-per-run]   (default 20)
#   WARM_SECONDS (default 60): load at 16 connections before the measured runs. On 2 cores HotSpot's C2 compiler
#   is still compiling the request path for about a minute of load; the measured runs are the settled state, and the
#   "first 5 s" line shows the unsettled one.
#   FLOOR=0 skips the parse floor.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
warm=${WARM_SECONDS:-60}
port=${BENCH_PORT:-18080}
jar=target/trd-cds-hooks.jar
app=target/deploy
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
if [ "${FLOOR:-1}" = 1 ]; then
  ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
fi
if [ ! -f "$app/trd-cds-hooks.jsa" ] || [ "$jar" -nt "$app/trd-cds-hooks.jar" ]; then
  deploy/prepare.sh "$app" >/dev/null
fi
app=$(cd "$app" && pwd)
out=bench-results/http-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench-results
data=$(mktemp -d)
pid=
# waits for the server only: a bare `wait` would also wait for the tee of `exec > >(tee ...)`, which ends only when
# this shell does (the script then hung after its last line)
trap '[ -n "$pid" ] && { kill $pid 2>/dev/null; wait $pid 2>/dev/null; }; rm -rf "$data"' EXIT

# start [java options...]: starts the service (the examples are dated for 2026-11-27; a fixed clock keeps their cards
# stable, see README cds.clock.fixed-instant), waits for readiness, sets pid and ready_ms.
start() {
  rm -rf "$data/db"*
  local t0; t0=$(date +%s%N)
  java -Xms256m -Xmx512m "$@" -jar "$app/trd-cds-hooks.jar" --server.port="$port" \
    --spring.datasource.url="jdbc:h2:file:$data/db;CACHE_SIZE=1024" --cds.clock.fixed-instant=2026-11-27T04:22:50Z \
    --logging.level.root=WARN > "$data/app.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$data/app.log"; exit 1; }
    sleep 0.05
  done
  ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop() { kill $pid; wait $pid 2>/dev/null || true; pid=; }

url_pv="http://127.0.0.1:$port/cds-services/ketamine-tms-screening"
url_os="http://127.0.0.1:$port/cds-services/ketamine-tms-order-sign"
cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
load() { # load connections seconds url body-file: wrk's RESULT line and the server's CPU per call
  local threads before after result; threads=$([ "$1" = 1 ] && echo 1 || echo 2)
  before=$(cpu_ticks)
  result=$(BODY_FILE=$4 wrk -t"$threads" -c"$1" -d"$2"s -s bench/post.lua "$3" | grep RESULT)
  after=$(cpu_ticks)
  awk -v r="$result" -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" 'BEGIN {
    match(r, /requests=[0-9]+/); n = substr(r, RSTART + 9, RLENGTH - 9)
    printf "%s server_cpu_us_per_call=%.0f\n", r, (n > 0 ? t / hz / n * 1e6 : 0) }'
}
exec > >(tee "$out")
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
start
echo "start-to-ready without the CDS archive: ${ready_ms} ms"
stop
start -XX:SharedArchiveFile="$app/trd-cds-hooks.jsa"
first_ms=$(curl -s -o /dev/null -w '%{time_total}' -H 'Content-Type: application/json' \
  --data-binary @examples/patient-view-candidate.json "$url_pv" | awk '{printf "%.2f", $1*1000}')
echo "start-to-ready with the CDS archive (deploy/prepare.sh): ${ready_ms} ms; first call after ready: ${first_ms} ms"
echo -n "patient-view  connections=1  first 5 s after ready: "; load 1 5 "$url_pv" examples/patient-view-candidate.json
echo -n "settling: patient-view connections=16 for ${warm} s: "; load 16 "$warm" "$url_pv" examples/patient-view-candidate.json
load 4 5 "$url_os" examples/order-sign-ketamine.json >/dev/null
for c in 1 16; do
  echo -n "patient-view  connections=$c "; load $c "$secs" "$url_pv" examples/patient-view-candidate.json
  echo -n "order-sign    connections=$c "; load $c "$secs" "$url_os" examples/order-sign-ketamine.json
done
# the same single curl call as "first call after ready", now that the service has settled: the like-for-like baseline
steady_curl=$(for i in 1 2 3 4 5 6 7; do curl -s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' \
  --data-binary @examples/patient-view-candidate.json "$url_pv"; done | sort -n | sed -n 4p | awk '{printf "%.2f", $1*1000}')
echo "single curl call once settled (median of 7, new connection each, as the first call): ${steady_curl} ms"
echo "heap after load: $(jcmd $pid GC.heap_info 2>/dev/null | grep -E 'total|used' | head -2 | tr -s ' ' | tr '\n' ' ')"
echo "rss_kb=$(ps -o rss= -p $pid)"
echo "5xx in log: $(grep -c ' 500 \|status=500' "$data/app.log" || true)"
stop
if [ "${FLOOR:-1}" = 1 ]; then
  java -Xms256m -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.trdcds.bench.ParseFloorServer "$port" parse > "$data/floor.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/" >/dev/null; do
    kill -0 $pid 2>/dev/null || { cat "$data/floor.log"; exit 1; }
    sleep 0.1
  done
  url_floor="http://127.0.0.1:$port/cds-services/ketamine-tms-screening"
  echo -n "parse floor   settling: connections=16 for ${warm} s: "; load 16 "$warm" "$url_floor" examples/patient-view-candidate.json
  for c in 1 16; do
    echo -n "parse floor   connections=$c "; load $c "$secs" "$url_floor" examples/patient-view-candidate.json
  done
  stop
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
