#!/usr/bin/env bash
# The go-live dry run on a generated $export of Synthea-sized patients (src/test/java/org/trdcds/bench/
# DryRunExportGenerator: the Synthea fixtures cycled with shifted ids, gzipped NDJSON), with -Xmx1g.
# Prints patients/s (wall clock), CPU seconds per 1,000 patients (independent of other load on the machine), the
# throughput that CPU figure gives on 2 dedicated cores, and the peak heap (JVM heap pools) and peak RSS.
# Usage: bench/dry-run.sh [PATIENTS (default 100000)]   EXPORT_DIR=... reuses an export; THREADS=n sets --threads.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
[ -f target/trd-cds-hooks.jar ] || ./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
export_dir=${EXPORT_DIR:-target/dry-run-export-$n}
if [ ! -f "$export_dir/Patient.000.ndjson.gz" ]; then
  java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.trdcds.bench.DryRunExportGenerator "$export_dir" "$n"
fi
out=target/dry-run-out-$n
mkdir -p bench-results
log=bench-results/dry-run-$n-$(date -u +%Y%m%dT%H%M%SZ).txt
echo "export: $(du -sh "$export_dir" | cut -f1) in $(ls "$export_dir" | wc -l) files; load before: $(uptime)" | tee "$log"
/usr/bin/time -f "cpu_user=%U cpu_sys=%S wall=%e max_rss_kb=%M" -o target/dry-run-time.txt \
  java -Xmx1g -jar target/trd-cds-hooks.jar dry-run --input "$export_dir" --out "$out" \
  --as-of 2026-11-27T04:22:50Z ${THREADS:+--threads $THREADS} | tee -a "$log"
cat target/dry-run-time.txt | tee -a "$log"
python3 - "$out/summary.json" target/dry-run-time.txt <<'PY' | tee -a "$log"
import json, sys
s = json.load(open(sys.argv[1]))
t = dict(kv.split("=") for kv in open(sys.argv[2]).read().split())
cpu = float(t["cpu_user"]) + float(t["cpu_sys"])
p = s["patients"]
print(f"patients={p} wall={float(t['wall']):.1f}s patients/s(wall)={p / float(t['wall']):.0f} "
      f"cpu={cpu:.1f}s cpu-s/1000 patients={1000 * cpu / p:.2f} "
      f"patients/s on 2 dedicated cores (from CPU)={2 * p / cpu:.0f} "
      f"peak heap={s['peakHeapMB']} MB peak RSS={int(t['max_rss_kb']) // 1024} MB")
PY
echo "load after: $(uptime)" | tee -a "$log"
