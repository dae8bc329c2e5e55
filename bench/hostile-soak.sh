#!/usr/bin/env bash
# Hostile soak: bench/soak.sh's mixed load (signed, paced) and, in parallel, hostile calls against the same jar:
# patient-views whose fhirServer is a gzip bomb, a dripping response or a 70,000-entry page, and calls of a second
# trusted issuer whose JWKS endpoint drips after the first fetch (bench/HostileServers.java serves all of them and
# signs the tokens). Liveness is sampled every second, heap after a full GC every 30 s.
# Checks at the end: zero 5xx and no socket error on the normal calls, every liveness answer 200 in under 1 s, heap
# after a full GC flat (the last sample within 25% + 16 MB of the first loaded one), the process alive.
# Usage: bench/hostile-soak.sh [minutes] (default 10). Needs wrk, java and target/trd-cds-hooks.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
seconds=${SOAK_SECONDS:-$((minutes * 60))}
port=${SOAK_PORT:-18090}
hostile_port=${SOAK_HOSTILE_PORT:-$((port + 1))}
connections=${SOAK_CONNECTIONS:-4}
delay_ms=${SOAK_DELAY_MS:-50} # per normal connection: at most 20 calls/s each, so the pre-signed tokens last
# (SOAK_TOKENS_PER_THREAD: fewer tokens to sign on a slow machine; a connection that runs out replays its last: 401)
jar=target/trd-cds-hooks.jar
command -v wrk >/dev/null || { echo "wrk missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
out=bench-results/hostile-soak-$(date -u +%Y%m%dT%H%M%SZ).txt
mkdir -p bench-results
data=$(mktemp -d)
cp "$jar" "$data/app.jar"
pids=()
# the liveness samples and the service's log are kept beside the result
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  cp "$data/liveness.txt" "${out%.txt}-liveness.txt" 2>/dev/null; cp "$data/app.log" "${out%.txt}-app.log"; rm -rf "$data"' EXIT

java -Xmx256m bench/HostileServers.java "$data" "$hostile_port" "http://127.0.0.1:$port" "$connections" \
  "${SOAK_TOKENS_PER_THREAD:-$(( seconds * 1000 / delay_ms + 1000 ))}" $(( seconds * 1000 / 200 + 1000 )) > "$data/hostile.log" 2>&1 &
pids+=($!)
until grep -q READY "$data/hostile.log"; do
  kill -0 "${pids[0]}" 2>/dev/null || { cat "$data/hostile.log"; exit 1; }
  sleep 0.5
done
fhir="http://127.0.0.1:$hostile_port"
# cached keys expire every 30 s and an unknown kid may refetch every 5 s: the dripping refetch runs often
issuers=(
  --cds.security.audience-base-url="http://127.0.0.1:$port" --cds.security.max-token-lifetime=25m
  --cds.security.trusted-issuers[0].issuer=https://good.soak.example
  --cds.security.trusted-issuers[0].jwks-url="file:$data/good-jwks.json"
  --cds.security.trusted-issuers[0].fhir-servers="$fhir/bomb,$fhir/drip,$fhir/huge"
  --cds.security.trusted-issuers[1].issuer=https://drip.soak.example
  --cds.security.trusted-issuers[1].jwks-url="$fhir/jwks"
  --cds.security.jwks-cache-ttl=30s --cds.security.jwks-min-refresh-interval=5s
)
java -Xms256m -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$data/app.jar" --server.port="$port" \
  --spring.datasource.url="jdbc:h2:file:$data/soak;CACHE_SIZE=1024" --cds.limits.max-body-bytes=256KB \
  --logging.level.root=WARN "${issuers[@]}" > "$data/app.log" 2>&1 &
pid=$!
pids+=($pid)
base="http://127.0.0.1:$port"
until curl -sf "$base/actuator/health/readiness" >/dev/null; do
  kill -0 $pid 2>/dev/null || { cat "$data/app.log"; exit 1; }
  sleep 0.5
done
heap_after_gc() { # MB used right after a full GC
  jcmd $pid GC.run >/dev/null
  jcmd $pid GC.heap_info | grep -m1 -oE 'used [0-9]+K' | grep -oE '[0-9]+' | awk '{printf "%d", $1 / 1024}'
}

{
  echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
  echo "hostile soak: ${seconds}s; normal: wrk -t$connections -c$connections, ${delay_ms} ms pause per call;" \
       "hostile: wrk -t5 -c5, 200 ms pause; $(head -1 "$data/hostile.log")"
  heap0=$(heap_after_gc)
  echo "sample t=0s heap_mb=$heap0 (before load)"
  SOAK_TOKENS=$data SOAK_DELAY_MS=$delay_ms SOAK_OVERSIZE_BYTES=300000 wrk -t"$connections" -c"$connections" \
    -d"${seconds}s" --timeout 10s -s bench/soak.lua "$base" > "$data/wrk.txt" 2>&1 &
  wrk_pid=$!
  SOAK_HOSTILE=$data wrk -t5 -c5 -d"${seconds}s" --timeout 30s -s bench/hostile-soak.lua "$base" \
    > "$data/wrk-hostile.txt" 2>&1 &
  hostile_wrk=$!
  ( while kill -0 $wrk_pid 2>/dev/null; do
      curl -s -o /dev/null --max-time 10 -w '%{http_code} %{time_total}\n' "$base/actuator/health/liveness" || true
      sleep 1
    done ) > "$data/liveness.txt" &
  live_pid=$!
  heaps=()
  elapsed=0
  while kill -0 $wrk_pid 2>/dev/null; do
    sleep 30
    elapsed=$((elapsed + 30))
    kill -0 $wrk_pid 2>/dev/null || break
    heaps+=("$(heap_after_gc)")
    echo "sample t=${elapsed}s heap_mb=${heaps[-1]} $(cat "$data/counts.txt" 2>/dev/null)"
  done
  wait $wrk_pid; wait $hostile_wrk; wait $live_pid
  # the hostile calls still in flight end at their fetch deadline and the issued-card writer drains: settle first
  sleep "${SOAK_SETTLE_SECONDS:-15}"
  cat "$data/wrk.txt" "$data/wrk-hostile.txt"
  heapEnd=$(heap_after_gc)
  heapFirst=${heaps[0]:-$heap0}
  echo "sample end heap_mb=$heapEnd (after load); hostile server served: $(cat "$data/counts.txt")"
  fivexx=$(grep -E '^COUNT .* 5[0-9][0-9] ' "$data/wrk.txt" | awk '{s += $NF} END {print s + 0}' || true)
  socket=$(grep -oE 'socket_errors=[0-9]+' "$data/wrk.txt" | grep -oE '[0-9]+' || echo missing)
  read -r live_n live_slow live_bad live_max < <(awk '{n++; if ($2 >= 1) slow++; if ($1 != 200) bad++;
    if ($2 > max) max = $2} END {printf "%d %d %d %.3f\n", n, slow, bad, max}' "$data/liveness.txt")
  live_p99=$(sort -k2 -g "$data/liveness.txt" | awk -v n="$live_n" 'NR == int(n * 0.99) {print $2}')
  echo "RESULT normal_5xx=$fivexx normal_socket_errors=$socket liveness_samples=$live_n liveness_over_1s=$live_slow" \
       "liveness_not_200=$live_bad liveness_max_s=$live_max liveness_p99_s=$live_p99 heap_first_mb=$heapFirst" \
       "heap_end_mb=$heapEnd errors_in_log=$(grep -c ' ERROR ' "$data/app.log" || true)" \
       "oom_in_log=$(grep -c OutOfMemoryError "$data/app.log" || true)"
  status=0
  kill -0 $pid 2>/dev/null || { echo "FAIL: the service exited"; tail -5 "$data/app.log"; status=1; }
  [ "$fivexx" = 0 ] || { echo "FAIL: $fivexx normal calls were 5xx"; status=1; }
  [ "$socket" = 0 ] || { echo "FAIL: $socket socket errors (timeouts) on the normal calls"; status=1; }
  [ "$live_slow" = 0 ] && [ "$live_bad" = 0 ] || { echo "FAIL: liveness slow or not 200"; status=1; }
  [ "$heapEnd" -le $(( heapFirst * 125 / 100 + 16 )) ] || { echo "FAIL: heap grew ${heapFirst} -> ${heapEnd} MB"; status=1; }
  [ $status = 0 ] && echo "PASS"
  exit $status
} 2>&1 | tee "$out"
exit "${PIPESTATUS[0]}"
